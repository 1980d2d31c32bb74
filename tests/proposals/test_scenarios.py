"""Scenarios S7, S8 and S13 from SCENARIOS.md with the seeds' numbers, through the API and
the screens. Amounts not in the seeds (S13's ticket and home support) are synthetic."""

from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from doorbraak.proposals.models import Request
from tests.proposals.conftest import SUPPLIER_IBAN

pytestmark = pytest.mark.django_db

BRIDGING = Decimal("400.00")  # rent € 650 vs huurtoeslag limit € 442.46 (seed 002, Utrecht)


@pytest.fixture
def api(worker_a):
    client = APIClient()
    client.force_authenticate(worker_a)
    return client


def calc(api, payload):
    response = api.post("/api/v1/cost-benefit/", payload, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def test_s7_sheltered_housing_costs_more_than_ten_times_the_bridging(api):
    result = calc(
        api,
        {
            "horizon_months": 12,
            "solution": [{"label": "overbrugging huur", "amount": str(BRIDGING), "per": "month"}],
            "avoided": [
                {"figure": "intensief_begeleid_wonen", "quantity": "1", "probability": "1"}
            ],
        },
    )
    assert Decimal(result["cost"]) == BRIDGING * 12
    assert Decimal(result["return_per_euro"]) > 10
    figure = result["figures"][0]
    assert figure["price_year"] == 2011 and Decimal(figure["factor"]) > 1
    assert Decimal(figure["indexed_amount"]) / 12 > 10 * BRIDGING
    assert "Cebeon 2011" in figure["source"]


def test_s7_forecast_for_24_young_people_is_near_250000(api):
    result = calc(
        api,
        {
            "horizon_months": 26,
            "solution": [
                {
                    "label": "overbrugging 24 jongeren",
                    "amount": str(24 * BRIDGING),
                    "per": "month",
                    "months": 26,
                }
            ],
            "avoided": [
                {
                    "figure": "intensief_begeleid_wonen",
                    "quantity": str(Decimal(24 * 26) / 12),
                    "probability": "1",
                }
            ],
        },
    )
    cost = Decimal(result["cost"])
    assert cost == Decimal("249600.00")
    assert abs(cost - 250000) / 250000 < Decimal("0.01")
    assert Decimal(result["avoided"]) > 10 * cost
    assert result["by_payer"]["gemeente"]["net"] == result["net"]


def test_s7_recurring_bridging_request_via_the_api(api, case, category, ground, blocker):
    response = api.post(
        "/api/v1/requests/",
        {
            "case": case.pk,
            "blockers": [blocker.pk],
            "category": "wonen",
            "solution": "Overbrugging huur € 400 per maand uit het maatwerkpotje dakloze jongeren",
            "amount": "400.00",
            "frequency": "maandelijks",
            "months": 26,
            "supplier_name": "Woonstichting Voorbeeld (test)",
            "supplier_iban": SUPPLIER_IBAN,
            "prior_provisions": ["bijzondere-bijstand"],
            "prior_provisions_note": "Woonkostentoeslag kan niet categoriaal voor de groep.",
            "recurrence_prevention": "Na 26 maanden doorstroom naar een reguliere woning.",
            "triangle": {
                "legal_ground": ground.pk,
                "legitimacy": "Afstemming op de omstandigheden; jongere heeft een urgentiebewijs.",
                "involvement": "Ik woon zelfstandig met ambulante hulp en werk aan mijn opleiding.",
                "societal_return": "Beschermd wonen kost meer dan tien keer zoveel.",
            },
            "cost_benefit": {
                "horizon_months": 26,
                "avoided": [
                    {
                        "figure": "intensief_begeleid_wonen",
                        "quantity": "2.1666",
                        "probability": "0.9",
                    }
                ],
            },
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["total"] == "10400.00" and body["frequency"] == "maandelijks"
    assert body["calculation"]["cost"] == "10400.00"
    assert Decimal(body["calculation"]["return_per_euro"]) > 10
    assert Request.objects.get().triangle.legal_ground == ground
    from django.test import Client

    page = Client()
    page.force_login(case.key_worker)
    html = page.get(reverse("proposals:detail", args=[body["id"]])).content.decode()
    assert "€ 400,00 per maand gedurende 26 maanden" in html or "€ 400,00" in html
    assert "€ 10.400,00" in html


def test_s8_zero_euro_request_with_all_three_sides(client, worker_a, case, category, blocker):
    from doorbraak.proposals.models import LegalGround

    ground = LegalGround.objects.get(law="Algemene wet bestuursrecht", article="art. 4:84")
    client.force_login(worker_a)
    response = client.post(
        reverse("cases:request-new", args=[case.pk]),
        {
            "blockers": [blocker.pk],
            "category": "schulden",
            "amount": "0",
            "frequency": "eenmalig",
            "solution": "Schuldhulp toelaten zonder de auto in te leveren; budgetbeheer bij de "
            "gemeente; meneer gaat weer werken.",
            "prior_provisions": ["anders"],
            "prior_provisions_note": "Reguliere schuldhulp eist verkoop van de auto.",
            "recurrence_prevention": "Budgetbeheer vangt het wisselende inkomen op.",
            "legal_ground": ground.pk,
            "legitimacy": "Verkoop van de auto heeft onevenredige gevolgen voor zijn gezondheid.",
            "involvement": "Ik ga weer werken en laat mijn inkomen via budgetbeheer lopen.",
            "societal_return": "Geen uitkering meer nodig; hogere schulden, huisuitzetting en "
            "zorggebruik worden voorkomen.",
            "avoided-TOTAL_FORMS": "1",
            "avoided-INITIAL_FORMS": "0",
            "avoided-0-figure": "bijstand_alleenstaande",
            "avoided-0-quantity": "12",
            "avoided-0-probability": "0.5",
            "avoided-0-per": "once",
            "avoided-0-probability_high": "0.8",
            "horizon_months": "12",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal = Request.objects.get()
    assert proposal.amount == 0 and proposal.supplier_iban == ""
    triangle = proposal.triangle
    assert triangle.legal_ground == ground
    assert triangle.legitimacy and triangle.involvement and triangle.societal_return
    result = proposal.cost_benefit.result
    assert result["cost"] == "0.00" and result["return_per_euro"] is None
    assert Decimal(result["range"]["avoided_low"]) < Decimal(result["range"]["avoided_high"])
    page = client.get(response.url).content.decode()
    assert "Ik ga weer werken" in page and "Algemene wet bestuursrecht" in page


def test_s13_ticket_against_six_weeks_of_home_support(client, worker_a):
    client.force_login(worker_a)
    response = client.post(
        reverse("costbenefit:calculator"),
        {
            "horizon_months": "3",
            "solution-TOTAL_FORMS": "1",
            "solution-INITIAL_FORMS": "0",
            "solution-0-label": "Vliegticket oma uit Curaçao",
            "solution-0-amount": "1100.00",
            "solution-0-per": "once",
            "avoided-TOTAL_FORMS": "1",
            "avoided-INITIAL_FORMS": "0",
            "avoided-0-label": "Thuisondersteuning 6 weken voor drie kinderen",
            "avoided-0-amount": "13200.00",
            "avoided-0-per": "once",
            "avoided-0-probability": "1",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Doorbreken is € 12.100,00 goedkoper dan doormodderen." in page
    assert "Thuisondersteuning 6 weken voor drie kinderen" in page
