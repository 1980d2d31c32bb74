import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.privacy import keyed_hash

KEY = base64.urlsafe_b64encode(b"k" * 32).decode()
OTHER_KEY = base64.urlsafe_b64encode(b"o" * 32).decode()


@given(st.text(min_size=1, max_size=40))
def test_encryption_round_trips_and_hides_the_plaintext(text):
    token = keyed_hash.encrypt(KEY, text)
    assert keyed_hash.decrypt(KEY, token) == text
    if len(text) >= 4:
        assert text not in token


def test_decrypting_with_the_wrong_key_fails():
    token = keyed_hash.encrypt(KEY, "900000017")
    with pytest.raises(Exception):  # noqa: B017 (cryptography.fernet.InvalidToken)
        keyed_hash.decrypt(OTHER_KEY, token)


def test_short_key_is_refused():
    with pytest.raises(ValueError):
        keyed_hash.encrypt(base64.urlsafe_b64encode(b"short").decode(), "x")


@given(st.uuids(), st.uuids())
def test_pseudonyms_are_stable_distinct_and_key_dependent(a, b):
    assert keyed_hash.pseudonym("k1", str(a)) == keyed_hash.pseudonym("k1", str(a))
    assert keyed_hash.pseudonym("k1", str(a)) != keyed_hash.pseudonym("k2", str(a))
    if a != b:
        assert keyed_hash.pseudonym("k1", str(a)) != keyed_hash.pseudonym("k1", str(b))


def test_blind_index_is_not_the_pseudonym_of_the_same_value():
    value = "900000017"
    assert keyed_hash.blind_index(KEY, value) != keyed_hash.pseudonym(KEY, value)
    assert keyed_hash.blind_index(KEY, value) != keyed_hash.blind_index(OTHER_KEY, value)
    assert len(keyed_hash.blind_index(KEY, value)) == 64
