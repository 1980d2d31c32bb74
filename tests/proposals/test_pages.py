"""The request page, the one-page onderbouwing PDF, the API, and their processing log."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader
from rest_framework.test import APIClient

from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from doorbraak.proposals import services
from tests.proposals.conftest import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(case, worker_a, category, ground, blocker):
    values = complete()
    values["amount"] = Decimal(values["amount"])
    return services.request_submit(
        actor=worker_a,
        case=case,
        blockers=[blocker],
        category=category,
        legal_ground=ground,
        avoided=[
            {
                "figure": "maatschappelijke_opvang_dakloos",
                "quantity": "0.5",
                "probability": {"low": "0.4", "high": "0.8"},
            },
            {
                "label": "extra zorg",
                "amount": "300.00",
                "per": "month",
                "months": 6,
                "probability": "0.5",
                "payer": "zorgverzekeraar",
            },
        ],
        horizon_months=24,
        **values,
    )


def test_request_page_shows_triangle_calculation_and_sources(client, worker_a, proposal):
    client.force_login(worker_a)
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert proposal.reference in page and "Meneer regelt zelf het verblijf" in page
    assert "Participatiewet art. 18 lid 1" in page
    assert "Cebeon 2011" in page and "Zorgverzekeraar" in page
    assert ProcessingRecord.objects.filter(activity="voorstel-raadplegen").count() == 2


def test_case_page_lists_its_requests(client, worker_a, proposal):
    client.force_login(worker_a)
    page = client.get(reverse("cases:detail", args=[proposal.case_id])).content.decode()
    assert reverse("proposals:detail", args=[proposal.pk]) in page


def test_other_team_gets_404_for_request_and_pdf(client, worker_b, proposal):
    client.force_login(worker_b)
    assert client.get(reverse("proposals:detail", args=[proposal.pk])).status_code == 404
    asked = client.post("/documenten/nieuw/", {"kind": "onderbouwing", "object": proposal.pk})
    assert asked.status_code == 404
    assert client.get(reverse("cases:request-new", args=[proposal.case_id])).status_code == 404
    assert AuditRecord.objects.filter(actor=worker_b, result="denied").count() == 3


def test_onderbouwing_pdf_is_one_page_with_triangle_and_calculation(
    client, worker_a, proposal, settings, tmp_path, django_capture_on_commit_callbacks
):
    from doorbraak.documents.models import Document

    settings.MEDIA_ROOT = tmp_path
    client.force_login(worker_a)
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).text
    assert 'name="kind" value="onderbouwing"' in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/documenten/nieuw/", {"kind": "onderbouwing", "object": proposal.pk})
    response = client.get(f"/documenten/{Document.objects.get().pk}/download/")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert proposal.reference in text and "Participatiewet" in text
    assert "Meneer regelt zelf het verblijf" in text
    assert "Cebeon 2011" in text and "250,00" in text
    assert "Beekman" not in text  # the household's name stays out of what is shared
    export = AuditRecord.objects.get(action="export")
    assert export.activity == "onderbouwing-exporteren" and export.subject_count == 2


def test_requests_api_lists_only_visible_and_logs(worker_a, worker_b, proposal):
    api = APIClient()
    api.force_authenticate(worker_a)
    listing = api.get("/api/v1/requests/").json()
    assert listing["count"] == 1
    item = listing["results"][0]
    assert item["calculation"]["cost"] == "250.00" and item["triangle"]["legal_ground"]
    assert ProcessingRecord.objects.filter(activity="api-voorstellen").count() == 2
    other = APIClient()
    other.force_authenticate(worker_b)
    assert other.get("/api/v1/requests/").json()["count"] == 0
    assert other.get(f"/api/v1/requests/{proposal.pk}/").status_code == 404


def test_catalogues_over_the_api(worker_a):
    api = APIClient()
    api.force_authenticate(worker_a)
    grounds = api.get("/api/v1/legal-grounds/").json()["results"]
    assert {"Participatiewet", "Wmo 2015", "Jeugdwet"} <= {g["law"] for g in grounds}
    assert any(g["kind"] == "hardheidsclausule" for g in grounds)
    categories = {c["key"] for c in api.get("/api/v1/categories/").json()["results"]}
    assert {
        "wonen",
        "huisraad",
        "gezondheid",
        "werk",
        "onderwijs",
        "schulden",
        "vervoer",
    } <= categories
    figure = api.get("/api/v1/cost-figures/maatschappelijke_opvang_dakloos/").json()
    assert figure["amount"] == "23236.00" and figure["price_year"] == 2011


def test_api_refuses_bad_requests_with_dutch_messages_and_saves_nothing(worker_a, case):
    api = APIClient()
    api.force_authenticate(worker_a)
    response = api.post(
        "/api/v1/requests/",
        {
            "case": case.pk,
            "category": "wonen",
            "solution": "x",
            "amount": "-5.00",
            "supplier_iban": "NL00XXXX",
            "prior_provisions": [],
            "triangle": {},
            "cost_benefit": {"avoided": [{"figure": "onbekend"}]},
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    body = response.json()
    assert {"amount", "supplier_iban", "legitimacy", "involvement", "avoided"} <= set(body)
    from doorbraak.proposals.models import Request

    assert not Request.objects.exists()


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ({"horizon_months": 24, "solution": [], "avoided": [{"figure": "nope"}]}, "nope"),
        ({"horizon_months": 0, "solution": [], "avoided": []}, "120"),
        ({"horizon_months": 12, "solution": "x"}, "solution"),
        ({"horizon_months": 12, "solution": [{"amount": "-1"}], "avoided": []}, "negatief"),
        ({"horizon_months": 12, "solution": [{"amount": 0.5}], "avoided": []}, "0.50"),
    ],
)
def test_stateless_calculator_answers_400_in_dutch(worker_a, payload, fragment):
    api = APIClient()
    api.force_authenticate(worker_a)
    response = api.post("/api/v1/cost-benefit/", payload, format="json", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    assert fragment in response.json()["detail"]


def test_stateless_calculator_contract_example(worker_a):
    from doorbraak.costbenefit.api import EXAMPLE

    api = APIClient()
    assert api.post("/api/v1/cost-benefit/", EXAMPLE, format="json").status_code == 401
    api.force_authenticate(worker_a)
    body = api.post("/api/v1/cost-benefit/", EXAMPLE, format="json").json()
    assert set(body) >= {
        "cost",
        "avoided",
        "net",
        "return_per_euro",
        "break_even_probability",
        "by_payer",
        "figures",
    }
    assert body["cost"] == "250.00"
    assert body["by_payer"]["zorgverzekeraar"] == {
        "cost": "0.00",
        "avoided": "900.00",
        "net": "900.00",
    }
    total = sum(Decimal(p["avoided"]) for p in body["by_payer"].values())
    assert total == Decimal(body["avoided"])
