"""The client's address behind a reverse proxy (accounts/client_ip.py): taken from
X-Forwarded-For only when the request came through a trusted proxy."""

from ipaddress import ip_address

import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory, override_settings
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.accounts.client_ip import client_address, client_address_from
from doorbraak.privacy.services import origin_from_request

PROXY = frozenset({"10.0.0.2"})


def test_without_trusted_proxies_the_header_is_ignored():
    assert client_address_from("203.0.113.9", "198.51.100.1", frozenset()) == "203.0.113.9"


def test_a_client_cannot_pick_its_address_by_sending_the_header():
    assert client_address_from("203.0.113.9", "198.51.100.1", PROXY) == "203.0.113.9"


def test_through_the_proxy_the_right_most_untrusted_hop_is_the_client():
    # The client itself sent a forged first entry; the proxy appended the real address.
    assert client_address_from("10.0.0.2", "1.2.3.4, 198.51.100.7", PROXY) == "198.51.100.7"
    two = frozenset({"10.0.0.2", "10.0.0.3"})
    assert client_address_from("10.0.0.2", "198.51.100.7, 10.0.0.3", two) == "198.51.100.7"


def test_a_garbled_header_falls_back_to_the_connection():
    assert client_address_from("10.0.0.2", "nonsense", PROXY) == "10.0.0.2"
    assert client_address_from("10.0.0.2", "", PROXY) == "10.0.0.2"


def _normalised(hop: str) -> str | None:
    try:
        return str(ip_address(hop.strip()))
    except ValueError:
        return None


@given(
    st.ip_addresses().map(str),
    st.lists(st.one_of(st.ip_addresses().map(str), st.text(max_size=12)), max_size=5),
)
def test_the_answer_is_the_connection_or_a_valid_forwarded_address(remote, hops):
    answer = client_address_from(remote, ", ".join(hops), frozenset({remote}))
    assert answer == remote or answer in {_normalised(h) for h in hops} - {None}


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=["10.0.0.2"])
def test_the_audit_origin_and_the_lockout_use_the_client_address():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert client_address(request) == "198.51.100.7"
    assert origin_from_request(request).origin == "web 198.51.100.7"
    assert get_client_ip_address(request) == "198.51.100.7"  # what django-axes locks out
