"""The budget check and payment plan through services, pages and API: only those who work
on the case write, everyone who sees the case reads, bad input changes nothing, every look
and write is in the processing log."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from doorbraak.budget import services
from doorbraak.budget.models import BijstandsNorm, BudgetCheck, Debt, Income, PaymentPlan
from doorbraak.privacy.models import AuditRecord
from tests.factories import UserFactory, api_for

pytestmark = pytest.mark.django_db

D = Decimal


def make_check(case, worker, origin, **kwargs):
    return services.check_create(
        actor=worker,
        origin=origin,
        case=case,
        household_kind=kwargs.get("household_kind", "alleenstaande"),
        incomes=kwargs.get("incomes", [{"kind": "uitkering", "amount": D("1800.00")}]),
        costs=kwargs.get("costs", [{"kind": "woonkosten", "amount": D("700.00")}]),
        debts=kwargs.get(
            "debts",
            [
                {"creditor": "Woningcorporatie (test)", "kind": "huur", "amount": D("900.00")},
                {"creditor": "Winkel (test)", "kind": "overig", "amount": D("300.00")},
            ],
        ),
    )


def test_norms_are_shipped_with_their_source():
    norm = BijstandsNorm.objects.get(
        household_kind="alleenstaande", pension_age=False, valid_from="2025-07-01"
    )
    assert norm.amount == D("1369.06")
    assert "Rijksoverheid" in norm.source
    assert BijstandsNorm.objects.count() == 12


def test_capacity_and_plan(case_a, worker_a, origin):
    check = make_check(case_a, worker_a, origin)
    norm, result = services.compute(check)
    # 0.95 × 1369.06 = 1300.61; housing 700 − 477.20 = 222.80; no zorgtoeslag: + 131.00
    assert result.voet == D("1654.41")
    assert result.capacity == D("145.59")
    plan = services.plan_propose(
        actor=worker_a, origin=origin, check=check, months=36, priority_first=True
    )
    shares = list(plan.shares.order_by("pk"))
    assert shares[0].monthly[0] == "145.59" and shares[1].monthly[0] == "0.00"
    assert sum(s.total for s in shares) == D("1200.00")
    assert plan.months == 9  # 8 × 145.59 = 1164.72, month 9 pays the last 35.28
    for month in range(plan.months):
        assert sum(D(s.monthly[month]) for s in shares) <= plan.capacity


def test_only_who_works_on_the_case_writes(case_a, worker_a, worker_b, origin):
    with pytest.raises(PermissionDenied):
        make_check(case_a, worker_b, origin)
    assert BudgetCheck.objects.count() == 0


def test_bad_lines_save_nothing(case_a, worker_a, origin):
    with pytest.raises(ValidationError) as refused:
        make_check(
            case_a,
            worker_a,
            origin,
            incomes=[{"kind": "uitkering", "amount": "-5"}],
            debts=[{"creditor": "X (test)", "kind": "huur", "amount": "1,234"}],
        )
    errors = refused.value.message_dict
    assert errors["incomes"] == ["Regel 1: Het bedrag mag niet negatief zijn."]
    assert "dubbelzinnig" in errors["debts"][0]
    assert BudgetCheck.objects.count() == Income.objects.count() == Debt.objects.count() == 0


def test_plan_over_36_months_is_refused(case_a, worker_a, origin):
    check = make_check(case_a, worker_a, origin)
    for months in (0, 37, "abc"):
        with pytest.raises(ValidationError) as refused:
            services.plan_propose(actor=worker_a, origin=origin, check=check, months=months)
        assert "36 maanden" in refused.value.message_dict["months"][0]
    assert PaymentPlan.objects.count() == 0


def test_pages_flow_and_errors(case_a, worker_a, worker_b, client):
    client.force_login(worker_a)
    index = client.get(reverse("budget:index"))
    assert index.status_code == 200 and "Nieuwe budgetcheck" in index.text
    response = client.post(
        reverse("budget:index"),
        {"case": case_a.pk, "household_kind": "alleenstaande", "checked_on": "2026-11-30"},
    )
    check = BudgetCheck.objects.get()
    assert response.status_code == 302
    url = reverse("budget:check", args=[check.pk])
    # Negative income: the Dutch message beside the field and in the summary, nothing saved.
    bad = client.post(
        reverse("budget:income-add", args=[check.pk]),
        {"inkomen-kind": "uitkering", "inkomen-amount": "-100"},
    )
    assert bad.status_code == 400
    assert bad.text.count("Het bedrag mag niet negatief zijn.") == 2
    assert "Niet opgeslagen" in bad.text
    ambiguous = client.post(
        reverse("budget:income-add", args=[check.pk]),
        {"inkomen-kind": "uitkering", "inkomen-amount": "1,234"},
    )
    assert ambiguous.status_code == 400 and "dubbelzinnig" in ambiguous.text
    assert Income.objects.count() == 0
    for amount in ("1.950,00", "1950.00"):
        ok = client.post(
            reverse("budget:income-add", args=[check.pk]),
            {"inkomen-kind": "uitkering", "inkomen-amount": amount},
        )
        assert ok.status_code == 302
    assert [i.amount for i in Income.objects.order_by("pk")] == [D("1950.00")] * 2
    client.post(
        reverse("budget:debt-add", args=[check.pk]),
        {"schuld-creditor": "Energie (test)", "schuld-kind": "energie", "schuld-amount": "500,00"},
    )
    too_long = client.post(
        reverse("budget:plan-propose", args=[check.pk]), {"regeling-months": "48"}
    )
    assert too_long.status_code == 400 and "hoogstens 36 maanden" in too_long.text
    assert PaymentPlan.objects.count() == 0
    made = client.post(reverse("budget:plan-propose", args=[check.pk]), {"regeling-months": "12"})
    plan = PaymentPlan.objects.get()
    assert made.status_code == 302 and made.url == reverse("budget:plan", args=[plan.pk])
    page = client.get(made.url)
    assert "Energie (test)" in page.text
    assert "Beslagvrije voet" in client.get(url).text
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("budget:plan-csv", args=[plan.pk])).text), delimiter=";"
        )
    )
    assert rows[0] == ["maand", "schuldeiser", "voorrang", "bedrag"]
    assert rows[1][1] == "Energie (test)"
    share = plan.shares.get()
    letter = client.get(reverse("budget:letter", args=[plan.pk, share.pk]))
    assert letter["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(letter.content)).pages[0].extract_text()
    assert "Energie (test)" in text and "betalingsregeling" in text
    # Another team's worker sees nothing of it.
    client.force_login(worker_b)
    assert client.get(url).status_code == 404
    assert client.get(reverse("budget:plan", args=[plan.pk])).status_code == 404
    assert client.get(reverse("budget:letter", args=[plan.pk, share.pk])).status_code == 404
    assert (
        client.post(
            reverse("budget:income-add", args=[check.pk]),
            {"inkomen-kind": "uitkering", "inkomen-amount": "1"},
        ).status_code
        == 404
    )


def test_viewer_who_is_not_a_caseworker_sees_no_forms(case_a, worker_a, origin, client):
    check = make_check(case_a, worker_a, origin)
    from doorbraak.cases.models import CaseAccess

    partner = UserFactory(username="tafel", role="tafellid", team=None)
    CaseAccess.objects.create(case=case_a, user=partner, granted_by=worker_a, reason="test")
    client.force_login(partner)
    page = client.get(reverse("budget:check", args=[check.pk]))
    assert page.status_code == 200
    assert "Inkomen toevoegen" not in page.text
    response = client.post(
        reverse("budget:income-add", args=[check.pk]),
        {"inkomen-kind": "uitkering", "inkomen-amount": "1"},
    )
    assert response.status_code == 403


def test_every_look_and_write_is_logged(case_a, worker_a, origin, client):
    check = make_check(case_a, worker_a, origin)
    assert AuditRecord.objects.filter(activity="budgetcheck-vastleggen").count() == 5
    client.force_login(worker_a)
    client.get(reverse("budget:check", args=[check.pk]))
    assert AuditRecord.objects.filter(activity="budgetcheck-raadplegen").count() == 1


def test_api(case_a, worker_a, worker_b):
    api = api_for(worker_a)
    body = {
        "case": case_a.pk,
        "household_kind": "gehuwden",
        "checked_on": "2026-11-01",
        "incomes": [
            {"kind": "loon", "amount": "2600.00"},
            {"kind": "zorgtoeslag", "amount": "200.00"},
        ],
        "costs": [{"kind": "woonkosten", "amount": "400.00"}],
        "debts": [
            {"creditor": "Belastingdienst (test)", "kind": "belastingen", "amount": "1000.00"},
            {
                "creditor": "Webwinkel (test)",
                "kind": "overig",
                "amount": "500.00",
                "arrears": "100.00",
            },
        ],
    }
    created = api.post("/api/v1/budget-checks/", body, format="json")
    assert created.status_code == 201, created.json()
    data = created.json()
    assert data["result"]["voet"] == "1858.01"  # 0.95 × 1955.80
    assert data["result"]["capacity"] == "741.99"
    assert data["debts"][0]["priority"] is True
    too_long = api.post(
        "/api/v1/payment-plans/", {"budget_check": data["id"], "months_asked": 37}, format="json"
    )
    assert too_long.status_code == 400
    assert "36 maanden" in too_long.json()["months_asked"][0]
    plan = api.post(
        "/api/v1/payment-plans/",
        {"budget_check": data["id"], "months_asked": 36, "priority_first": False},
        format="json",
    )
    assert plan.status_code == 201, plan.json()
    shares = plan.json()["shares"]
    assert shares[0]["monthly"][0] == "494.66" and shares[1]["monthly"][0] == "247.33"
    assert sum(D(s["total"]) for s in shares) == D("1500.00")
    negative = api.post(
        "/api/v1/budget-checks/",
        {**body, "incomes": [{"kind": "loon", "amount": "-1.00"}]},
        format="json",
    )
    assert negative.status_code == 400
    assert BudgetCheck.objects.count() == 1
    other = api_for(worker_b)
    assert other.get("/api/v1/budget-checks/").json()["results"] == []
    assert other.get(f"/api/v1/payment-plans/{plan.json()['id']}/").status_code == 404
    assert other.post("/api/v1/budget-checks/", body, format="json").status_code == 400
