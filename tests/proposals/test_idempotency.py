"""Submitting a request twice (double click, retry) makes one request (issue 11, finding 9):
the form carries a one-time key, the API takes an `Idempotency-Key` header; the same key with
another submission is refused in Dutch with 409."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from doorbraak.proposals import idempotency
from doorbraak.proposals.models import LegalGround, Request
from tests.factories import UserFactory
from tests.proposals.conftest import complete

pytestmark = pytest.mark.django_db


def form_data(key, **overrides):
    data = {
        **complete(),
        "category": "wonen",
        "legal_ground": LegalGround.objects.get(law="Participatiewet", article="art. 18 lid 1").pk,
        "avoided-TOTAL_FORMS": "0",
        "avoided-INITIAL_FORMS": "0",
        "idempotency_key": key,
    }
    data.update(overrides)
    return data


def shown_key(client, url) -> str:
    page = client.get(url).content.decode()
    found = re.search(r'<input type="hidden" name="idempotency_key" value="([^"]+)"', page)
    assert found, "the form carries no one-time key"
    return found.group(1)


@pytest.fixture
def url(client, worker_a, case):
    client.force_login(worker_a)
    return reverse("cases:request-new", args=[case.pk])


def test_each_shown_form_gets_its_own_key(client, url):
    first, second = shown_key(client, url), shown_key(client, url)
    assert first != second and len(first) >= 20


def test_posting_the_same_form_twice_makes_one_request(client, url, case):
    key = shown_key(client, url)
    first = client.post(url, form_data(key))
    second = client.post(url, form_data(key))
    assert Request.objects.filter(case=case).count() == 1
    proposal = Request.objects.get()
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == reverse("proposals:detail", args=[proposal.pk])
    with translation.override("nl"):
        page = client.get(second.url).content.decode()
    assert f"{proposal.reference} was al ingediend" in page


def test_a_new_form_makes_a_new_request(client, url, case):
    client.post(url, form_data(shown_key(client, url)))
    client.post(url, form_data(shown_key(client, url)))
    assert Request.objects.filter(case=case).count() == 2


def test_the_same_key_with_another_request_is_refused_in_dutch(client, url, case):
    key = shown_key(client, url)
    client.post(url, form_data(key))
    response = client.post(url, form_data(key, amount="300.00"), HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 409
    assert "sleutel is al gebruikt" in response.content.decode()
    assert Request.objects.count() == 1


def test_a_malformed_key_is_refused_in_dutch(client, url):
    response = client.post(url, form_data("<script>"), HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    assert "sleutel" in response.content.decode()
    assert not Request.objects.exists()


def api_body(case, **overrides):
    body = {**complete(), "case": case.pk, "category": "wonen"}
    triangle = {k: body.pop(k) for k in ("legitimacy", "involvement", "societal_return")}
    triangle["legal_ground"] = LegalGround.objects.get(
        law="Participatiewet", article="art. 18 lid 1"
    ).pk
    return {**body, "triangle": triangle, **overrides}


def test_api_same_key_returns_the_first_request_and_makes_nothing(worker_a, case):
    api = APIClient()
    api.force_authenticate(worker_a)
    first = api.post(
        "/api/v1/requests/", api_body(case), format="json", HTTP_IDEMPOTENCY_KEY="retry-1"
    )
    second = api.post(
        "/api/v1/requests/", api_body(case), format="json", HTTP_IDEMPOTENCY_KEY="retry-1"
    )
    assert first.status_code == second.status_code == 201, first.content
    assert first.json() == second.json()
    assert "Idempotent-Replayed" not in first and second["Idempotent-Replayed"] == "true"
    assert Request.objects.count() == 1


def test_api_same_key_other_body_is_409_in_dutch(worker_a, case):
    api = APIClient()
    api.force_authenticate(worker_a)
    api.post("/api/v1/requests/", api_body(case), format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    response = api.post(
        "/api/v1/requests/",
        api_body(case, amount="99.00"),
        format="json",
        HTTP_IDEMPOTENCY_KEY="k-2",
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 409
    assert "sleutel is al gebruikt" in response.json()["detail"]
    assert Request.objects.count() == 1


def test_api_keys_are_per_user_and_optional(worker_a, team_a, case):
    colleague = UserFactory(team=team_a, organisation=team_a.organisation)
    for user in (worker_a, colleague):
        api = APIClient()
        api.force_authenticate(user)
        response = api.post(
            "/api/v1/requests/", api_body(case), format="json", HTTP_IDEMPOTENCY_KEY="same"
        )
        assert response.status_code == 201, response.content
    api.post("/api/v1/requests/", api_body(case), format="json")
    api.post("/api/v1/requests/", api_body(case), format="json")
    assert Request.objects.count() == 4


def test_api_refuses_a_malformed_key_in_dutch(worker_a, case):
    api = APIClient()
    api.force_authenticate(worker_a)
    response = api.post(
        "/api/v1/requests/",
        api_body(case),
        format="json",
        HTTP_IDEMPOTENCY_KEY="x" * (idempotency.KEY_MAX + 1),
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    assert "sleutel" in response.json()["Idempotency-Key"][0]
    assert not Request.objects.exists()
