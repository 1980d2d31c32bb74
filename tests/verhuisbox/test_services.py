"""The VerhuisboxPlus services: a household from registration to housed, the ledger, the
action in Mijn acties, the processing log and every refusal changing nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doorbraak.escalation.models import FollowUpAction
from doorbraak.funds import ledger
from doorbraak.privacy.models import AuditRecord
from doorbraak.privacy.services import origin_from_context
from doorbraak.verhuisbox import services
from doorbraak.verhuisbox.models import Cost, CostKind, HousingSite, Trajectory

DAY = datetime.timedelta(days=1)
pytestmark = pytest.mark.django_db


def _register(worker, case, fund, today, **kw):
    args = dict(
        actor=worker,
        case=case,
        fund=fund,
        registered_on=today,
        no_heavy_addiction=True,
        no_large_debts=True,
        landlord_statement=True,
    )
    args.update(kw)
    return services.trajectory_register(**args)


@pytest.mark.parametrize(
    "criterion, words",
    [
        ("no_heavy_addiction", "verslaving"),
        ("no_large_debts", "schulden"),
        ("landlord_statement", "verhuurdersverklaring"),
    ],
)
def test_a_failing_criterion_refuses_the_registration_in_dutch(
    worker, case, fund, today, criterion, words
):
    with pytest.raises(ValidationError) as refused:
        _register(worker, case, fund, today, **{criterion: False})
    assert words in " ".join(refused.value.message_dict[criterion]).lower()
    assert not Trajectory.objects.exists()


def test_from_registration_to_housed_through_the_funds_ledger(worker, case, fund, today):
    origin = origin_from_context(worker, "test")
    before = ledger.balances(fund.pk)
    t = _register(worker, case, fund, today - 104 * DAY, origin=origin)
    t = services.advice_record(
        actor=worker,
        trajectory=t,
        advice_on=today - 100 * DAY,
        goals="Eigen woning",
        regions="Zeeland, Drenthe",
        voluntary_discussed=True,
        origin=origin,
    )
    assert t.status == "gestart"
    services.site_add(
        actor=worker,
        trajectory=t,
        name="WoonZeeland",
        fee=Decimal("30.00"),
        registered_on=today - 99 * DAY,
        origin=origin,
    )
    services.site_add(
        actor=worker, trajectory=t, name="Gratis site", fee=Decimal("0"), registered_on=today
    )
    services.cost_add(
        actor=worker,
        trajectory=t,
        kind=CostKind.TRAIN,
        amount=Decimal("48.60"),
        supplier="NS",
        paid_on=today - 50 * DAY,
        origin=origin,
    )
    t = services.trajectory_housed(actor=worker, trajectory=t, housed_on=today, origin=origin)
    assert (t.status, t.days_to_housing) == ("gehuisvest", 104)
    services.cost_add(
        actor=worker,
        trajectory=t,
        kind=CostKind.RENT,
        amount=Decimal("712.40"),
        supplier="Woningcorporatie",
        paid_on=today,
    )
    services.handover_record(
        actor=worker,
        trajectory=t,
        municipality="Gemeente Sluis",
        contact_person="M. de Wit",
        shared="Wens: maatschappelijk werk",
        consent_by="De bewoner",
        handover_on=today,
        origin=origin,
    )
    action = services.bijstand_extend(
        actor=worker, trajectory=t, due_date=today + 14 * DAY, origin=origin
    )
    assert action.owner == worker and action.case_id == case.pk
    description = FollowUpAction.objects.get(pk=action.pk).description
    assert description.startswith(f"{t.reference}: de bijstand een maand langer")

    # Three payments in kind on the fund's own ledger; the free site cost nothing.
    assert Cost.objects.filter(trajectory=t).count() == 3
    after = ledger.balances(fund.pk)
    assert after.paid - before.paid == 3000 + 4860 + 71240
    assert before.available - after.available == 3000 + 4860 + 71240
    assert after.reserved == before.reserved
    # Every write is in the processing log with the household's data subjects.
    logged = AuditRecord.objects.filter(activity="verhuisbox-vastleggen")
    assert logged.count() == 7
    assert all(r.subject_count == 1 for r in logged)


def test_bad_input_changes_nothing(worker, started, today, fund):
    before = ledger.balances(fund.pk)
    with pytest.raises(ValidationError) as refused:
        services.cost_add(
            actor=worker,
            trajectory=started,
            kind=CostKind.RENT,
            amount=Decimal("-5"),
            supplier="X",
            paid_on=today,
        )
    assert refused.value.message_dict["amount"] == ["Het bedrag kan niet negatief zijn."]
    with pytest.raises(ValidationError) as refused:
        services.trajectory_housed(
            actor=worker, trajectory=started, housed_on=started.registered_on - DAY
        )
    assert "voor de aanmelding" in refused.value.message_dict["housed_on"][0]
    with pytest.raises(ValidationError):
        services.site_add(
            actor=worker,
            trajectory=started,
            name="Duur",
            fee=Decimal("6000.00"),  # more than the fund has free
            registered_on=today,
        )
    assert not HousingSite.objects.exists() and not Cost.objects.exists()
    assert ledger.balances(fund.pk) == before
    started.refresh_from_db()
    assert started.status == "gestart"


def test_fund_refusal_is_in_dutch(worker, started, today):
    with pytest.raises(ValidationError) as refused:
        services.cost_add(
            actor=worker,
            trajectory=started,
            kind=CostKind.FURNISHING,
            amount=Decimal("9999.00"),
            supplier="Kringloop",
            paid_on=today,
        )
    assert "niet genoeg vrij budget" in refused.value.message_dict["amount"][0]


def test_stop_before_and_after_the_advice(worker, trajectory, today, case, fund):
    stopped = services.trajectory_stop(
        actor=worker, trajectory=trajectory, reason="verslaving", note="", ended_on=today
    )
    assert stopped.status == "niet-gestart"
    second = _register(worker, case, fund, today)
    services.advice_record(
        actor=worker,
        trajectory=second,
        advice_on=today,
        goals="x",
        regions="y",
        voluntary_discussed=True,
    )
    second = services.trajectory_stop(
        actor=worker, trajectory=second, reason="moeilijk-aarden", note="", ended_on=today
    )
    assert second.status == "gestopt"


def test_one_open_trajectory_per_case(worker, trajectory, case, fund, today):
    with pytest.raises(ValidationError) as refused:
        _register(worker, case, fund, today)
    assert "al een open" in refused.value.message_dict["__all__"][0]


def test_only_a_caseworker_who_sees_the_case(outsider, trajectory, case, fund, today):
    with pytest.raises(PermissionDenied):
        services.advice_record(
            actor=outsider,
            trajectory=trajectory,
            advice_on=today,
            goals="x",
            regions="y",
            voluntary_discussed=True,
        )
    with pytest.raises(PermissionDenied):
        _register(outsider, case, fund, today)
