"""The hersteloperatie: the mark is special personal data, seen only by those who work on the
case, logged; approvers see "prioriteit" and the request first, never the mark or why."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from doorbraak.cases.models import SupportPlan
from doorbraak.privacy.models import AuditRecord
from doorbraak.recovery import queries, services
from doorbraak.recovery.models import ForgivenDebt, RecoveryFund, RecoveryMark
from tests.approvals.test_flow import submit
from tests.factories import CaseFactory, api_for

pytestmark = pytest.mark.django_db

#: Everything the mark says: none of it may reach an approver.
MARK_WORDS = [
    "gedupeerde",
    "hersteloperatie",
    "Herstel Toeslagen",
    "UHT",
    "eigen melding",
    "toeslagenouder",
]


def mark(case, worker, origin, **kwargs):
    return services.mark_record(
        actor=worker,
        origin=origin,
        case=case,
        source=kwargs.get("source", "uht"),
        marked_on=kwargs.get("marked_on", timezone.localdate() - datetime.timedelta(days=3)),
    )


def test_only_who_works_on_the_case_records_and_sees(case_a, worker_a, worker_b, origin, client):
    with pytest.raises(PermissionDenied):
        mark(case_a, worker_b, origin)
    mark(case_a, worker_a, origin)
    assert queries.mark_of(case_a).source == "uht"
    client.force_login(worker_b)
    assert client.get(reverse("recovery:case", args=[case_a.pk])).status_code == 404
    assert client.get(reverse("recovery:summary", args=[case_a.pk])).status_code == 404
    assert api_for(worker_b).get("/api/v1/recovery-marks/").json()["results"] == []
    client.force_login(worker_a)
    page = client.get(reverse("recovery:case", args=[case_a.pk]))
    assert "Uitvoeringsorganisatie Herstel Toeslagen" in page.text
    assert len(api_for(worker_a).get("/api/v1/recovery-marks/").json()["results"]) == 1


def test_every_look_and_write_is_logged(case_a, worker_a, origin, client):
    mark(case_a, worker_a, origin)
    assert AuditRecord.objects.filter(activity="hersteloperatie-vastleggen").count() == 1
    client.force_login(worker_a)
    client.get(reverse("recovery:case", args=[case_a.pk]))
    assert AuditRecord.objects.filter(activity="hersteloperatie-raadplegen").count() == 1


def test_bad_mark_input_saves_nothing(case_a, worker_a, origin):
    with pytest.raises(ValidationError) as error:
        services.mark_record(
            actor=worker_a,
            origin=origin,
            case=case_a,
            source="x",
            marked_on=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert {"source", "marked_on"} <= set(error.value.message_dict)
    mark(case_a, worker_a, origin)
    with pytest.raises(ValidationError):
        mark(case_a, worker_a, origin)
    assert RecoveryMark.objects.count() == 1
    services.mark_remove(actor=worker_a, origin=origin, case=case_a)
    assert queries.mark_of(case_a) is None
    mark(case_a, worker_a, origin)  # may be marked again after removal
    assert RecoveryMark.objects.count() == 2


def test_marked_request_first_with_priority_and_never_the_mark(
    client, worker_a, team_a, herstelpotje, origin
):
    fund, people = herstelpotje
    older = submit(worker_a, fund, "240.00", solution="Stapelbed voor de kinderen")
    marked_case = CaseFactory(actor=worker_a, members=2)
    mark(marked_case, worker_a, origin)
    newer = submit(worker_a, fund, "600.00", case=marked_case, solution="Wasmachine voor het gezin")
    approver = people["wi"]
    client.force_login(approver)
    inbox = client.get(reverse("approvals:inbox")).text
    first, second = (
        inbox.index(reverse("approvals:review", args=[newer.pk]) + '"'),
        inbox.index(reverse("approvals:review", args=[older.pk]) + '"'),
    )
    assert first < second
    assert inbox.count("prioriteit") == 1
    review = client.get(reverse("approvals:review", args=[newer.pk])).text
    api = api_for(approver).get(f"/api/v1/approvals/{newer.pk}/")
    texts = json.dumps(newer.anonymised, ensure_ascii=False)
    start = client.get(reverse("home:start")).text
    for word in MARK_WORDS:
        for shown in (inbox, review, texts, api.content.decode(), start):
            assert word.lower() not in shown.lower(), word
    # The approver has no way to the mark itself.
    assert client.get(reverse("recovery:case", args=[marked_case.pk])).status_code == 404


def test_debts_per_creditor(case_a, worker_a, origin, client):
    services.debt_record(
        actor=worker_a,
        origin=origin,
        case=case_a,
        creditor="Gemeente (belastingen)",
        amount=Decimal("1240.00"),
        status="kwijtgescholden",
        status_date=timezone.localdate(),
    )
    for amount in ["0", "-5", "abc", "1e30"]:
        with pytest.raises(ValidationError) as error:
            services.debt_record(
                actor=worker_a,
                origin=origin,
                case=case_a,
                creditor="X",
                amount=amount,
                status="aangevraagd",
                status_date=timezone.localdate(),
            )
        assert "amount" in error.value.message_dict
    assert ForgivenDebt.objects.count() == 1
    client.force_login(worker_a)
    bad = client.post(
        reverse("recovery:debt-add", args=[case_a.pk]),
        {"creditor": "", "amount": "", "status": "x", "status_date": ""},
    )
    assert bad.status_code == 400 and "Niet opgeslagen" in bad.text
    good = client.post(
        reverse("recovery:debt-add", args=[case_a.pk]),
        {
            "creditor": "Woningcorporatie",
            "amount": "2310.50",
            "status": "toegezegd",
            "status_date": timezone.localdate().isoformat(),
        },
    )
    assert good.status_code == 302
    debt = ForgivenDebt.objects.get(creditor="Woningcorporatie")
    assert debt.amount == Decimal("2310.50")
    client.post(
        reverse("recovery:debt-status", args=[case_a.pk, debt.pk]),
        {"status": "kwijtgescholden", "status_date": timezone.localdate().isoformat()},
    )
    debt.refresh_from_db()
    assert debt.status == "kwijtgescholden"
    page = client.get(reverse("recovery:case", args=[case_a.pk])).text
    assert "€ 3.550,50" in page or "€\xa03.550,50" in page


def test_plan_template_becomes_the_support_plan(case_a, worker_a, client):
    client.force_login(worker_a)
    assert client.get(reverse("recovery:plan", args=[case_a.pk])).status_code == 200
    empty = client.post(
        reverse("recovery:plan", args=[case_a.pk]), {"goal": "Start", "own_contribution": "Zelf"}
    )
    assert empty.status_code == 400 and not SupportPlan.objects.filter(case=case_a).exists()
    response = client.post(
        reverse("recovery:plan", args=[case_a.pk]),
        {
            "goal": "Een nieuwe start",
            "own_contribution": "Meldt zich bij het mbo",
            "financien": "Schulden kwijtschelden",
            "sociaal-netwerk": "Laptop voor de kinderen",
        },
    )
    assert response.status_code == 302
    plan = SupportPlan.objects.get(case=case_a)
    assert plan.support_needed == (
        "Financiën en schulden: Schulden kwijtschelden\n"
        "Gezin en sociaal netwerk: Laptop voor de kinderen"
    )


def test_fund_page_counts_marked_households_served(client, worker_a, herstelpotje, origin):
    fund, _people = herstelpotje
    submit(worker_a, fund, "240.00")
    client.force_login(worker_a)
    page = client.get(reverse("funds:detail", args=[fund.pk])).text
    assert "huishoudens uit de hersteloperatie" not in page.lower()
    RecoveryFund.objects.create(fund=fund)
    marked = CaseFactory(actor=worker_a)
    mark(marked, worker_a, origin)
    submit(worker_a, fund, "600.00", case=marked)
    submit(worker_a, fund, "100.00", case=marked)
    assert queries.households_served(fund) == 1
    page = client.get(reverse("funds:detail", args=[fund.pk])).text
    assert "Huishoudens uit de hersteloperatie geholpen" in page
    # Special personal data: a count under the smallest published cell is not shown exactly.
    assert "<dd>minder dan 5</dd>" in page


def test_the_herstelpotje_refuses_a_household_without_the_mark(worker_a, herstelpotje, origin):
    fund, _people = herstelpotje
    RecoveryFund.objects.create(fund=fund)
    unmarked = CaseFactory(actor=worker_a)
    with pytest.raises(ValidationError) as error:
        submit(worker_a, fund, "240.00", case=unmarked)
    assert "alleen voor huishoudens uit de hersteloperatie" in str(error.value.message_dict["fund"])
    assert not unmarked.requests.exists()
    mark(unmarked, worker_a, origin)
    assert submit(worker_a, fund, "240.00", case=unmarked).fund_id == fund.pk


def test_case_page_loads_the_section(client, worker_a, case_a, origin):
    client.force_login(worker_a)
    page = client.get(reverse("cases:detail", args=[case_a.pk])).text
    assert reverse("recovery:summary", args=[case_a.pk]) in page
    mark(case_a, worker_a, origin)
    summary = client.get(reverse("recovery:summary", args=[case_a.pk])).text
    assert "Gedupeerde hersteloperatie" in summary


def test_api_debts_only_for_visible_cases(case_a, worker_a, worker_b):
    url = "/api/v1/forgiven-debts/"
    made = api_for(worker_a).post(
        url,
        {
            "case": case_a.pk,
            "creditor": "CJIB",
            "amount": "486.00",
            "status": "aangevraagd",
            "status_date": timezone.localdate().isoformat(),
        },
        format="json",
    )
    assert made.status_code == 201, made.content
    refused = api_for(worker_b).post(
        url,
        {
            "case": case_a.pk,
            "creditor": "CJIB",
            "amount": "1.00",
            "status": "aangevraagd",
            "status_date": timezone.localdate().isoformat(),
        },
        format="json",
    )
    assert refused.status_code == 400
    assert api_for(worker_b).get(url).json()["results"] == []
    assert len(api_for(worker_a).get(url).json()["results"]) == 1
    marked = api_for(worker_a).post(
        "/api/v1/recovery-marks/",
        {"case": case_a.pk, "source": "eigen-melding", "marked_on": "2026-01-05"},
        format="json",
    )
    assert marked.status_code == 201, marked.content
