"""Hostile input (issue 11, findings 5 and 6) on every API endpoint that takes a body and on
the HTML forms that take ids: never a server error, always a Dutch message, nothing changed."""

import json
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.test import Client
from rest_framework.test import APIClient
from stdnum import iban

from doorbraak.accounts.roles import Role
from doorbraak.cases.models import Blocker
from doorbraak.proposals.models import LegalGround
from tests.approvals.test_flow import submit
from tests.factories import PASSWORD, CaseFactory, OrganisationFactory, UserFactory, api_for
from tests.funds.conftest import make_fund

pytestmark = pytest.mark.django_db

DOMAIN_APPS = ("accounts", "cases", "proposals", "approvals", "funds", "costbenefit", "authtoken")
#: Phrases of English refusals (DRF, Django, json) that must never reach a Dutch user.
ENGLISH = (
    "not a valid",
    "Not a valid",
    "JSON parse error",
    "matches the given query",
    "Surrogate",
    "Invalid",
    "Expected",
    "Ensure",
    "must",
    "required",
    " the ",
    "The ",
    "Null characters",
    "Failed",
)
BIG = 10**30
DEEP = "[" * 100_000
NOT_OBJECTS = ["[]", '"tekst"', "12", "null", "[{}]"]
RAW = [
    DEEP,
    '{"a": ' * 50_000,
    "{",
    '{"label": "\\ud800"}',
    '{"rule": "\\u0000"}',
    '{"amount": ' + "9" * 1_000_000 + "}",
    '{"amount": NaN}',
]


def counts() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in DOMAIN_APPS
    }


def text_of(response) -> str:
    body = response.content.decode("utf-8", "replace")
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return body


def assert_refused_in_dutch(response, before, label):
    assert response.status_code < 500, (label, response.status_code)
    assert 400 <= response.status_code < 500, (label, response.status_code, text_of(response))
    text = text_of(response)
    english = [phrase for phrase in ENGLISH if phrase in text]
    assert not english, (label, english, text[:300])
    assert counts() == before, label


@pytest.fixture
def world(team_a, worker_a):
    fund = make_fund(team_a, name="Minimaatwerkbudget", ceiling_per_request=Decimal("500.00"))
    fund.debtor_iban = "NL" + iban.calc_check_digits("NL00DEMO0000000001") + "DEMO0000000001"
    fund.save()
    approver = UserFactory(username="approver", team=team_a)
    for i in range(2):
        UserFactory(username=f"colleague{i}", team=team_a)
    case = CaseFactory(actor=worker_a)
    request = submit(worker_a, fund, "350.00", case=case)
    leader = UserFactory(username="pl", role=Role.PROJECTLEIDER, team=None)
    return {"fund": fund, "case": case, "request": request, "approver": approver, "pl": leader}


def endpoints(world, worker_a):
    """(client, url) of every API operation that reads a body."""
    return [
        (APIClient(), "/api/v1/auth/token/"),
        (api_for(worker_a), "/api/v1/blockers/"),
        (api_for(worker_a), "/api/v1/requests/"),
        (api_for(worker_a), "/api/v1/cost-benefit/"),
        (api_for(world["approver"]), f"/api/v1/approvals/{world['request'].pk}/vote/"),
        (api_for(world["pl"]), "/api/v1/payment-batches/"),
    ]


def test_raw_hostile_bodies_are_refused_everywhere(world, worker_a):
    before = counts()
    for client, url in endpoints(world, worker_a):
        for body in RAW + NOT_OBJECTS:
            response = client.post(url, body, content_type="application/json")
            assert_refused_in_dutch(response, before, (url, body[:30]))
        response = client.post(url, b"\xff\xfe", content_type="application/json")
        assert_refused_in_dutch(response, before, (url, "not utf-8"))


def test_nul_in_form_bodies_is_refused_too(world, worker_a):
    """Multipart and url-encoded bodies pass the same text check as JSON (a NUL in a form field
    reached PostgreSQL and gave a 500; found by schemathesis)."""
    before = counts()
    for client, url in endpoints(world, worker_a):
        for value in ("huis\x00raad", "\x00"):
            for kind in ("multipart", None):
                data = {"case": "1", "category": value, "username": value, "fund": "1"}
                if kind:
                    response = client.post(url, data, format=kind)
                else:
                    response = client.post(
                        url, urlencode(data), content_type="application/x-www-form-urlencoded"
                    )
                assert_refused_in_dutch(response, before, (url, kind, value))


def test_deep_nesting_says_why(world):
    response = APIClient().post("/api/v1/auth/token/", DEEP, content_type="application/json")
    assert response.status_code == 400
    assert "te diep genest" in response.json()["detail"]


def valid_request(world, **overrides):
    values = {
        "case": world["case"].pk,
        "solution": "Koelkast",
        "category": "huisraad",
        "amount": "100.00",
        "supplier_name": "Witgoed (demo)",
        "supplier_iban": "NL91ABNA0417164300",
        "prior_provisions": ["geen"],
        "recurrence_prevention": "Eenmalig.",
        "triangle": {
            "legitimacy": "Bijzondere omstandigheden.",
            "involvement": "Meneer regelt de bezorging.",
            "societal_return": "Voorkomt opname.",
        },
    }
    values.update(overrides)
    return values


def field_cases(world):
    case_id = world["case"].pk
    org = OrganisationFactory(name="UWV (test)", kind="uwv").pk
    blocker = {
        "case": case_id,
        "organisation": org,
        "rule": "Regel",
        "effect": "Gevolg",
        "life_domain": "financien",
    }
    triangle = valid_request(world)["triangle"]
    yield "/api/v1/blockers/", {**blocker, "case": case_id + 0.5}
    yield "/api/v1/blockers/", {**blocker, "case": f"{case_id}.5"}
    yield "/api/v1/blockers/", {**blocker, "case": float(case_id)}
    yield "/api/v1/blockers/", {**blocker, "case": True}
    yield "/api/v1/blockers/", {**blocker, "case": BIG}
    yield "/api/v1/blockers/", {**blocker, "organisation": org + 0.5}
    yield "/api/v1/blockers/", {**blocker, "organisation": BIG}
    yield "/api/v1/blockers/", {**blocker, "rule": "x" * 100_000}
    yield "/api/v1/blockers/", {**blocker, "life_domain": ["financien"]}
    yield "/api/v1/requests/", valid_request(world, case=case_id + 0.5)
    yield "/api/v1/requests/", valid_request(world, case=BIG)
    yield "/api/v1/requests/", valid_request(world, fund=world["fund"].pk + 0.5)
    yield "/api/v1/requests/", valid_request(world, fund=BIG)
    yield "/api/v1/requests/", valid_request(world, blockers=[1.5])
    yield "/api/v1/requests/", valid_request(world, blockers=[BIG])
    yield "/api/v1/requests/", valid_request(world, triangle={**triangle, "legal_ground": 1.5})
    yield "/api/v1/requests/", valid_request(world, triangle={**triangle, "legal_ground": BIG})
    yield "/api/v1/requests/", valid_request(world, amount=100.5)
    yield "/api/v1/requests/", valid_request(world, amount=100.0)
    yield "/api/v1/requests/", valid_request(world, amount=BIG)
    yield "/api/v1/requests/", valid_request(world, amount="9" * 1_000_000)
    yield "/api/v1/requests/", valid_request(world, frequency="maandelijks", months=BIG)
    yield "/api/v1/requests/", valid_request(world, months=BIG)
    yield "/api/v1/requests/", valid_request(world, months=5)
    yield "/api/v1/requests/", valid_request(world, months=1.5)
    yield "/api/v1/requests/", valid_request(world, solution="x" * 1_000_000)
    yield "/api/v1/requests/", valid_request(world, cost_benefit={"horizon_months": BIG})
    yield "/api/v1/payment-batches/", {"fund": "abc"}
    yield "/api/v1/payment-batches/", {"fund": world["fund"].pk + 0.5}
    yield "/api/v1/payment-batches/", {"fund": BIG}
    yield "/api/v1/payment-batches/", {"fund": [world["fund"].pk]}
    yield "/api/v1/payment-batches/", {}
    label = {"label": "x", "amount": "1.00", "per": "once"}
    yield "/api/v1/cost-benefit/", {"horizon_months": 12, "solution": [label | {"amount": 1.5}]}
    yield "/api/v1/cost-benefit/", {"horizon_months": BIG, "solution": [label]}
    big_amount = label | {"amount": "9" * 1_000_000}
    yield "/api/v1/cost-benefit/", {"horizon_months": 12, "solution": [big_amount]}
    yield "/api/v1/auth/token/", {"username": "x" * 100_000, "password": "y"}
    yield "/api/v1/auth/token/", {"username": ["a"], "password": {"b": 1}}


def test_wrong_field_values_are_refused_in_dutch(world, worker_a):
    clients = {url: client for client, url in endpoints(world, worker_a)}
    bodies = list(field_cases(world))
    before = counts()
    for url, body in bodies:
        response = clients[url].post(url, body, format="json")
        label = (url, {k: str(v)[:20] for k, v in body.items()} if isinstance(body, dict) else body)
        assert_refused_in_dutch(response, before, label)


def test_a_float_case_id_is_not_truncated(world, worker_a):
    """Finding 6: "case": 1.5 used to land the blocker on case 1."""
    case = world["case"]
    response = api_for(worker_a).post(
        "/api/v1/blockers/",
        {
            "case": case.pk + 0.5,
            "organisation": OrganisationFactory(name="UWV (test)", kind="uwv").pk,
            "rule": "Regel",
            "effect": "Gevolg",
            "life_domain": "financien",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["case"] == ["Een id is een geheel getal, zoals 12."]
    assert not Blocker.objects.exists()


def test_a_float_amount_and_months_on_a_one_off_are_refused(world, worker_a):
    api = api_for(worker_a)
    response = api.post("/api/v1/requests/", valid_request(world, amount=100.5), format="json")
    assert response.status_code == 400 and "100.50" in response.json()["amount"][0]
    response = api.post("/api/v1/requests/", valid_request(world, months=BIG), format="json")
    assert response.status_code == 400 and "months" in response.json()
    ground = LegalGround.objects.filter(active=True).first()
    triangle = {**valid_request(world)["triangle"], "legal_ground": str(ground.pk)}
    accepted = api.post(
        "/api/v1/requests/",
        valid_request(world, amount=100, months=1, fund=world["fund"].pk, triangle=triangle),
        format="json",
    )
    assert accepted.status_code == 201, accepted.json()
    assert accepted.json()["amount"] == "100.00" and accepted.json()["fund"] == world["fund"].pk


def test_not_found_and_not_allowed_are_dutch(world, worker_a):
    api = api_for(world["pl"])
    assert api.post("/api/v1/payment-batches/", {"fund": 999999}, format="json").json() == {
        "detail": "Er is geen potje met dit nummer waarvan jij de betalingen afhandelt."
    }
    assert APIClient().get("/api/v1/cases/").json()["detail"] == (
        "Authenticatiegegevens zijn niet opgegeven."
    )
    assert "niet toegestaan" in api_for(worker_a).delete("/api/v1/cases/").json()["detail"]
    english = api_for(worker_a).get("/api/v1/cases/999/", HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 404


def test_csrf_refusal_is_dutch_for_api_sessions_and_pages(world, worker_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker_a)
    api = client.post("/api/v1/blockers/", {}, content_type="application/json")
    assert api.status_code == 403 and "CSRF" in api.json()["detail"]
    assert_refused_in_dutch(api, counts(), "csrf api")
    page = client.post(f"/casussen/{world['case'].pk}/notities/", {"text": "x"})
    assert page.status_code == 403
    html = page.content.decode()
    assert "Het formulier was verlopen" in html and 'lang="nl"' in html
    # The base layout with the request: the menu and who is logged in.
    assert f"Ingelogd als {worker_a.get_full_name()}" in html


FORMS = [
    ("knelpunt", "/casussen/{case}/knelpunten/", {"organisation": BIG, "rule": "r", "effect": "e"}),
    ("overdracht", "/casussen/{case}/overdragen/", {"to_user": BIG, "reason": "r"}),
    ("toegang", "/casussen/{case}/toegang/", {"user": BIG, "reason": "r"}),
    ("nieuwe casus", "/casussen/nieuw/", {"neighbourhood": BIG, "question": "q"}),
]


@pytest.mark.parametrize("name, url, data", FORMS, ids=[f[0] for f in FORMS])
def test_forms_refuse_an_id_beyond_any_row(world, worker_a, name, url, data):
    client = Client()
    client.force_login(worker_a)
    before = counts()
    response = client.post(url.format(case=world["case"].pk), data)
    assert response.status_code in (200, 400), (name, response.status_code)
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert counts() == before


@pytest.mark.parametrize(
    "field, value",
    [("blockers", BIG), ("fund", BIG), ("legal_ground", BIG), ("category", BIG)],
)
def test_request_form_refuses_an_id_beyond_any_row(world, worker_a, field, value):
    client = Client()
    client.force_login(worker_a)
    before = counts()
    url = f"/casussen/{world['case'].pk}/voorstellen/nieuw/"
    response = client.post(url, {"solution": "Koelkast", "amount": "10", field: value})
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert counts() == before


def test_token_login_still_works_with_json(world, worker_a):
    response = APIClient().post(
        "/api/v1/auth/token/",
        {"username": worker_a.username, "password": PASSWORD},
        format="json",
    )
    assert response.status_code == 200 and response.json()["token"]
