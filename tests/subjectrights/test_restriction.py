"""Restriction of processing (AVG art. 18): only storage; every other action refused in Dutch."""

import pytest
from django.urls import reverse
from django.utils import translation

from doorbraak.cases import queries as case_queries
from doorbraak.cases import services as case_services
from doorbraak.funds.models import OrderStatus, PaymentOrder
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import AuditRecord
from doorbraak.proposals import lifecycle
from doorbraak.proposals import services as proposal_services
from doorbraak.subjectrights import services
from doorbraak.subjectrights.restriction import ProcessingRestricted
from tests.approvals.test_flow import SHOP_IBAN
from tests.factories import api_for
from tests.funds.conftest import make_fund
from tests.funds.test_money_race import approved_request

from .conftest import member, origin

pytestmark = pytest.mark.django_db

DUTCH = "beperkt"


@pytest.fixture
def restricted(beheerder, jansens):
    services.restriction_start(
        actor=beheerder, origin=origin(beheerder), member=member("Kees"), reason="Betwist juistheid"
    )
    return jansens


def test_the_case_leaves_every_list_and_the_neighbours_case_stays(client, worker_a, restricted):
    a, b = restricted["a"], restricted["b"]
    assert set(case_queries.visible_cases(worker_a).values_list("pk", flat=True)) == {b.pk}
    page = case_queries.case_page(worker_a, mine_only=False, status="open", number=1, per_page=25)
    assert [c.pk for c in page.object_list] == [b.pk]
    client.force_login(worker_a)
    listed = client.get(reverse("cases:list") + "?weergave=team").content.decode()
    assert a.reference not in listed and b.reference in listed
    api = api_for(worker_a).get("/api/v1/cases/").json()
    ids = {c["id"] for c in api.get("results", api)}
    assert a.pk not in ids and b.pk in ids


def test_the_case_cannot_be_opened_and_the_key_worker_is_told_why(client, worker_a, restricted):
    client.force_login(worker_a)
    response = client.get(
        reverse("cases:detail", args=[restricted["a"].pk]), HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert response.status_code == 403
    assert DUTCH in response.content.decode()


@pytest.mark.parametrize(
    "action",
    [
        lambda w, case: case_services.note_add(actor=w, case=case, text="nog een notitie"),
        lambda w, case: case_services.plan_update(
            actor=w, case=case, goal="x", own_contribution="y", support_needed="z"
        ),
        lambda w, case: case_services.case_close(actor=w, case=case, reason="klaar"),
        lambda w, case: proposal_services.request_submit(actor=w, case=case, solution="x"),
    ],
    ids=["note", "plan", "close", "submit request"],
)
def test_writes_to_the_case_are_refused_in_dutch(worker_a, restricted, action):
    with translation.override("nl"), pytest.raises(ProcessingRestricted) as refused:
        action(worker_a, restricted["a"])
    assert DUTCH in refused.value.message


def test_a_request_is_not_approved_and_not_paid(worker_a, team_a, beheerder, jansens):
    fund = make_fund(team_a, name="Potje 2", budget_cents=100_000)
    fund.debtor_iban = SHOP_IBAN
    fund.save()
    waiting = approved_request(fund, worker_a, jansens["a"], 7)
    services.restriction_start(
        actor=beheerder, origin=origin(beheerder), member=member("Anna"), reason="Verzoek"
    )
    with translation.override("nl"):
        with pytest.raises(lifecycle.MoneyConflict) as refused:
            lifecycle.vote_cast(actor=worker_a, request=waiting, choice="ja")
        assert DUTCH in refused.value.message
        with pytest.raises(lifecycle.MoneyConflict):
            lifecycle.request_approve_at_table(actor=worker_a, request=waiting, fund=fund, memo="t")
    # Not paid: left out of a new batch ...
    other = approved_request(fund, worker_a, jansens["b"], 8)
    batch = lifecycle.batch_create(fund=fund, actor=worker_a)
    assert set(batch.orders.values_list("request_id", flat=True)) == {other.pk}
    assert PaymentOrder.objects.get(request=waiting).status == OrderStatus.OPEN


def test_a_batch_made_before_the_restriction_is_not_marked_paid(
    worker_a, team_a, beheerder, jansens
):
    fund = make_fund(team_a, name="Potje 3", budget_cents=100_000)
    fund.debtor_iban = SHOP_IBAN
    fund.save()
    approved_request(fund, worker_a, jansens["a"], 9)
    batch = lifecycle.batch_create(fund=fund, actor=worker_a)
    services.restriction_start(
        actor=beheerder, origin=origin(beheerder), member=member("Anna"), reason="Verzoek"
    )
    with pytest.raises(lifecycle.MoneyConflict):
        lifecycle.batch_mark_paid(batch=batch, actor=worker_a)
    assert not PaymentOrder.objects.filter(status=OrderStatus.PAID, batch=batch).exists()


def test_lifting_restores_processing_and_both_are_logged(client, worker_a, beheerder, restricted):
    services.restriction_lift(
        actor=beheerder, origin=origin(beheerder), member=member("Anna"), reason="Gecorrigeerd"
    )
    case_services.note_add(actor=worker_a, case=restricted["a"], text="weer verder")
    client.force_login(worker_a)
    assert client.get(reverse("cases:detail", args=[restricted["a"].pk])).status_code == 200
    actions = set(
        AuditRecord.objects.filter(activity=Activity.SUBJECT_RESTRICTION).values_list(
            "action", flat=True
        )
    )
    assert actions == {"restrict", "lift"}


def test_the_access_export_still_works_while_restricted(beheerder, restricted):
    from doorbraak.subjectrights import export

    data = export.gather([member("Anna")])
    assert len(data["sections"]["cases"]["records"]) == 1
    assert len(data["sections"]["restrictions"]["records"]) == 1


def test_restricting_twice_is_refused(beheerder, restricted):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.restriction_start(
            actor=beheerder, origin=origin(beheerder), member=member("Anna"), reason="Nog eens"
        )


def test_pages_restrict_and_lift(client, beheerder, jansens):
    client.force_login(beheerder)
    anna = member("Anna")
    empty = client.post(reverse("subjectrights:restrict", args=[anna.pk]), {"reason": ""})
    assert empty.status_code == 400
    done = client.post(reverse("subjectrights:restrict", args=[anna.pk]), {"reason": "Betwist"})
    assert done.status_code == 302
    page = client.get(reverse("subjectrights:person", args=[anna.pk]))
    assert "lift_reason" in page.content.decode()
    lifted = client.post(reverse("subjectrights:lift", args=[anna.pk]), {"lift_reason": "Klaar"})
    assert lifted.status_code == 302
