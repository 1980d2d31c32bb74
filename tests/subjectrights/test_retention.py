"""Retention and destruction: what is due per kind, four eyes, exactly what is due destroyed,
the ledger balanced and replaying as before, a destruction record kept."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import translation

from doorbraak.cases import services as case_services
from doorbraak.cases.models import Blocker, Case, Household, Member, TimelineEntry
from doorbraak.funds import ledger
from doorbraak.funds.models import Fund, LedgerEntry, LedgerTransaction, PaymentOrder
from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from doorbraak.proposals.models import Request
from doorbraak.subjectrights import retention, services
from doorbraak.subjectrights.models import DestroyedCase, ProposalState
from tests.factories import CaseFactory

from .conftest import ANNA, member, origin, years_ago

pytestmark = pytest.mark.django_db


def _close(case, worker, years, days=1):
    case_services.case_close(
        actor=worker, case=case, reason="Afgerond", when=years_ago(years, days)
    )


@pytest.fixture
def archive(worker_a, jansens):
    """Household A (Jansen, with a paid request) closed 11 years ago: due. A youth case closed
    11 years ago: not due (20 years); one closed 21 years ago: due. A case closed 5 years ago,
    an open case, and a household with one old and one recent case: not due."""
    _close(jansens["a"], worker_a, 11)
    youth_recent = CaseFactory(actor=worker_a, life_domains=["opvoeding-jeugd"], given_name="Jip")
    _close(youth_recent, worker_a, 11)
    youth_old = CaseFactory(actor=worker_a, life_domains=["opvoeding-jeugd"], given_name="Janneke")
    _close(youth_old, worker_a, 21)
    recent = CaseFactory(actor=worker_a, given_name="Recent")
    _close(recent, worker_a, 5)
    mixed_old = CaseFactory(actor=worker_a, given_name="Gemengd")
    _close(mixed_old, worker_a, 12)
    Case.objects.create(
        household_id=mixed_old.household_id,
        key_worker=worker_a,
        team_id=worker_a.team_id,
        question="tweede casus, nog open",
    )
    return {
        "due_social": [jansens["a"].pk],
        "due_youth": [youth_old.pk],
        **jansens,
    }


def _snapshot(exclude_cases):
    """Every personal field of every case not being destroyed, to compare afterwards."""
    cases = Case.objects.exclude(pk__in=exclude_cases)
    households = cases.values_list("household_id", flat=True)
    return {
        "cases": [model_to_dict(c) for c in cases.order_by("pk")],
        "households": [model_to_dict(h) for h in Household.objects.filter(pk__in=households)],
        "members": [
            model_to_dict(m, exclude=[]) | {"bsn": m.bsn_encrypted, "sid": m.subject_id}
            for m in Member.objects.filter(household_id__in=households).order_by("pk")
        ],
        "timeline": list(
            TimelineEntry.objects.filter(case__in=cases).order_by("pk").values("text")
        ),
        "blockers": list(Blocker.objects.filter(case__in=cases).order_by("pk").values()),
        "requests": list(Request.objects.filter(case__in=cases).order_by("pk").values()),
    }


def _ledger():
    return {
        f.pk: (ledger.balances(f.pk), ledger.replayed_balances(f.pk)) for f in Fund.objects.all()
    } | {
        "rows": list(LedgerEntry.objects.order_by("pk").values_list("pk", "amount_cents")),
        "tx": list(LedgerTransaction.objects.order_by("pk").values_list("pk", "memo", "kind")),
    }


def test_due_lists_per_kind_exactly_what_passed_its_term(archive):
    due = retention.due()
    assert due == {"sociaal-domein": archive["due_social"], "jeugdwet": archive["due_youth"]}


def test_a_restricted_household_is_not_destroyed(archive, beheerder):
    services.restriction_start(
        actor=beheerder, origin=origin(beheerder), member=member("Anna"), reason="Rechtszaak"
    )
    assert retention.due()["sociaal-domein"] == []


def test_destruction_needs_a_second_person_and_removes_exactly_what_is_due(
    archive, beheerder, beheerder2
):
    due = archive["due_social"] + archive["due_youth"]
    before_others = _snapshot(due)
    before_ledger = _ledger()
    logs_before = (ProcessingRecord.objects.count(), AuditRecord.objects.count())
    proposals = [
        retention.propose(actor=beheerder, origin=origin(beheerder), kind=kind)
        for kind in ("sociaal-domein", "jeugdwet")
    ]
    assert Member.objects.filter(given_name="Anna").exists()  # proposing destroys nothing
    with translation.override("nl"), pytest.raises(PermissionDenied) as refused:
        retention.confirm(actor=beheerder, origin=origin(beheerder), proposal=proposals[0])
    assert "andere functioneel beheerder" in str(refused.value)
    assert Member.objects.filter(given_name="Anna").exists()
    for proposal in proposals:
        retention.confirm(actor=beheerder2, origin=origin(beheerder2), proposal=proposal)

    # Exactly what was due: its personal data gone ...
    a = Case.objects.get(pk=archive["a"].pk)
    assert a.question == retention.REPLACEMENT and a.household.name == retention.REPLACEMENT
    assert (a.household.address, a.household.postcode, a.household.city) == ("", "", "")
    for m in Member.objects.filter(
        household_id__in=Case.objects.filter(pk__in=due).values("household_id")
    ):
        assert m.given_name == retention.REPLACEMENT and m.family_name in (
            "",
            retention.REPLACEMENT,
        )
        assert (m.bsn_encrypted, m.bsn_index, m.birth_year) == ("", "", None)
    assert not Blocker.objects.filter(case_id__in=due).exclude(rule=retention.REPLACEMENT).exists()
    assert not (
        TimelineEntry.objects.filter(case_id__in=due)
        .exclude(text__in=["", retention.REPLACEMENT])
        .exists()
    )
    request = Request.objects.get(pk=archive["request"].pk)
    assert request.solution == retention.REPLACEMENT and request.anonymised == {}
    assert request.supplier_name == retention.REPLACEMENT
    # ... kept anonymised for the accounts: amount, status, payment.
    assert request.amount == archive["request"].amount and request.status == "betaald"
    order = PaymentOrder.objects.get(request=request)
    assert order.amount == request.amount and order.creditor_name == retention.REPLACEMENT
    # ... and nothing else.
    assert _snapshot(due) == before_others
    # The ledger untouched: balances replay identically before and after.
    assert _ledger() == before_ledger
    for fund_id, pair in before_ledger.items():
        if isinstance(fund_id, int):
            assert pair[0] == pair[1], fund_id
    # The log is not touched (append-only); the destruction itself is in it.
    assert ProcessingRecord.objects.count() > logs_before[0]
    assert AuditRecord.objects.filter(action="destroy").count() == 2
    # The destruction record.
    record = proposals[0]
    record.refresh_from_db()
    assert record.state == ProposalState.DONE
    assert (record.proposed_by, record.confirmed_by) == (beheerder, beheerder2)
    assert record.term_years == 10 and "Selectielijst" in record.term_source
    assert record.counts["cases"] == 1 and record.counts["members"] == 2
    assert record.carried_out_at is not None
    assert DestroyedCase.objects.count() == 2
    # Nothing more is due; the BSN finds nobody any more.
    assert retention.due() == {"sociaal-domein": [], "jeugdwet": []}
    assert services.find_person(actor=beheerder, origin=origin(beheerder), bsn=ANNA) == []


def test_proposing_nothing_or_twice_is_refused(archive, beheerder):
    retention.propose(actor=beheerder, origin=origin(beheerder), kind="sociaal-domein")
    with pytest.raises(ValidationError):
        retention.propose(actor=beheerder, origin=origin(beheerder), kind="sociaal-domein")
    with pytest.raises(ValidationError):
        retention.propose(actor=beheerder, origin=origin(beheerder), kind="onbekend")


def test_a_case_reopened_after_the_proposal_is_not_destroyed(
    archive, beheerder, beheerder2, worker_a
):
    proposal = retention.propose(actor=beheerder, origin=origin(beheerder), kind="sociaal-domein")
    case_services.case_reopen(actor=worker_a, case=archive["a"], reason="Nieuwe hulpvraag")
    done = retention.confirm(actor=beheerder2, origin=origin(beheerder2), proposal=proposal)
    assert done.counts.get("cases", 0) == 0
    assert Member.objects.filter(given_name="Anna").exists()


def test_the_command_lists_and_refuses_destruction_without_confirmation(
    archive, beheerder, beheerder2, capsys
):
    call_command("retention")
    out = capsys.readouterr().out
    assert "sociaal-domein: 1 casussen" in out and "jeugdwet: 1 casussen" in out
    assert "Droogloop" in out
    with translation.override("nl"), pytest.raises(CommandError) as refused:
        call_command("retention", "destroy")
    assert "bevestiging" in str(refused.value)
    call_command("retention", "propose", "--kind", "sociaal-domein", "--user", beheerder.username)
    proposal_id = retention.DestructionProposal.objects.get().pk
    with pytest.raises(CommandError):
        call_command("retention", "confirm", str(proposal_id), "--user", beheerder.username)
    call_command("retention", "confirm", str(proposal_id), "--user", beheerder2.username)
    assert not Member.objects.filter(given_name="Anna").exists()


def test_the_pages(client, archive, beheerder, beheerder2):
    client.force_login(beheerder)
    page = client.get(reverse("subjectrights:retention"))
    assert page.status_code == 200
    client.post(reverse("subjectrights:retention-propose"), {"kind": "sociaal-domein"})
    proposal = retention.DestructionProposal.objects.get()
    own = client.get(reverse("subjectrights:retention")).content.decode()
    assert reverse("subjectrights:retention-confirm", args=[proposal.pk]) not in own
    refused = client.post(reverse("subjectrights:retention-confirm", args=[proposal.pk]))
    assert refused.status_code == 400
    client.force_login(beheerder2)
    done = client.post(reverse("subjectrights:retention-confirm", args=[proposal.pk]))
    assert done.status_code == 302
    assert not Member.objects.filter(given_name="Anna").exists()
