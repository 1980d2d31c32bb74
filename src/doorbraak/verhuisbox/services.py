"""Every write of a VerhuisboxPlus trajectory. Each is one transaction that locks the
trajectory, checks the rules (rules.py) and refuses with a Dutch ValidationError before
anything is saved; a refused role raises PermissionDenied. Each write is logged in the
processing log explicitly (`origin`: the page's or API call's request).

Money: a cost (and a housing site's registration fee) is paid in kind from the trajectory's
fund through the fund's own ledger (`funds.services.pay_in_kind`: reserve then pay, keyed on
the cost), so the fund's balances, reports and SEPA side stay the one source of truth. The
extra month of bijstand is a follow-up action (escalation.FollowUpAction, "Mijn acties")."""

import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from doorbraak.cases.queries import may_see, subject_ids_of_case
from doorbraak.escalation.models import FollowUpAction
from doorbraak.funds import services as fund_services
from doorbraak.funds.queries import visible_funds
from doorbraak.funds.services import to_cents
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import Origin, log_processing

from . import access, rules
from .figures import HOUSED, OPEN, STARTED
from .messages import errors, message
from .models import Cost, CostKind, HousingSite, Trajectory


def _log(origin: Origin | None, trajectory: Trajectory, action: str) -> None:
    if origin is None:
        return
    log_processing(
        origin,
        activity=Activity.VERHUISBOX_RECORD,
        action=action,
        object_type="verhuisbox-trajectory",
        object_id=trajectory.pk,
        subject_ids=subject_ids_of_case(trajectory.case),
    )


def _check_actor(actor, case) -> None:
    if not (access.may_work(actor.role, actor.is_active) and may_see(actor, case)):
        raise PermissionDenied(message("not_caseworker"))


def _raise(problems) -> None:
    found = errors(problems)
    if found:
        raise ValidationError(found)


def _locked(trajectory: Trajectory) -> Trajectory:
    return (
        Trajectory.objects.select_for_update(of=("self",))
        .select_related("case", "fund")
        .get(pk=trajectory.pk)
    )


def _fund_problems(actor, fund, field="fund") -> list[tuple[str, str]]:
    if fund is None or not visible_funds(actor).filter(pk=fund.pk).exists():
        return [(field, "fund_missing")]
    if not fund.active:
        return [(field, "fund_inactive")]
    return []


@transaction.atomic
def trajectory_register(
    *,
    actor,
    case,
    fund,
    registered_on: datetime.date | None,
    no_heavy_addiction: bool,
    no_large_debts: bool,
    landlord_statement: bool,
    intensive_help: bool = True,
    origin: Origin | None = None,
    today: datetime.date | None = None,
) -> Trajectory:
    """Register a household of `case`; refused when an intake criterion fails."""
    _check_actor(actor, case)
    today = today or timezone.localdate()
    problems = rules.check_registration(
        no_heavy_addiction=no_heavy_addiction,
        no_large_debts=no_large_debts,
        landlord_statement=landlord_statement,
        registered_on=registered_on,
        today=today,
        already_open=Trajectory.objects.filter(case=case, status__in=OPEN).exists(),
    )
    _raise(problems + _fund_problems(actor, fund))
    trajectory = Trajectory.objects.create(
        case=case,
        fund=fund,
        registered_on=registered_on,
        intensive_help=intensive_help,
        no_heavy_addiction=no_heavy_addiction,
        no_large_debts=no_large_debts,
        landlord_statement=landlord_statement,
        created_by=actor,
    )
    _log(origin, trajectory, "create")
    return trajectory


@transaction.atomic
def advice_record(
    *,
    actor,
    trajectory: Trajectory,
    advice_on: datetime.date | None,
    goals: str,
    regions: str,
    voluntary_discussed: bool,
    origin: Origin | None = None,
    today: datetime.date | None = None,
) -> Trajectory:
    """The advice conversation: goals, the regions considered, and that the move is
    voluntary was said. The trajectory starts."""
    trajectory = _locked(trajectory)
    _check_actor(actor, trajectory.case)
    today = today or timezone.localdate()
    _raise(
        rules.check_advice(
            status=trajectory.status,
            advice_on=advice_on,
            registered_on=trajectory.registered_on,
            goals=goals or "",
            regions=regions or "",
            voluntary_discussed=bool(voluntary_discussed),
            today=today,
        )
    )
    trajectory.advice_on = advice_on
    trajectory.goals = goals.strip()
    trajectory.regions = regions.strip()
    trajectory.voluntary_discussed = True
    trajectory.status = STARTED
    trajectory.save(
        update_fields=["advice_on", "goals", "regions", "voluntary_discussed", "status"]
    )
    _log(origin, trajectory, "update")
    return trajectory


def _pay(actor, trajectory: Trajectory, cost: Cost) -> None:
    """Reserve and pay the cost on the fund's ledger; a refusal becomes the amount's error."""
    fund = trajectory.fund
    problems = _fund_problems(actor, fund, "amount")
    if not problems and not (fund.period_start <= cost.paid_on <= fund.period_end):
        problems = [("paid_on", "fund_period")]
    if not problems and fund.ceiling_per_request and cost.amount > fund.ceiling_per_request:
        problems = [("amount", "fund_ceiling")]
    _raise(problems)
    cents = to_cents(cost.amount)
    memo = f"{trajectory.reference} {cost.kind}"
    fund_services.pay_in_kind(fund=fund, ref=cost.ref, cents=cents, actor=actor, memo=memo)


def _cost_create(actor, trajectory, *, kind, amount, supplier, paid_on, site=None) -> Cost:
    cost = Cost.objects.create(
        trajectory=trajectory,
        site=site,
        fund=trajectory.fund,
        kind=kind,
        amount=amount,
        supplier=supplier.strip(),
        paid_on=paid_on,
        ref=f"verhuisbox:{uuid.uuid4().hex}",
        created_by=actor,
    )
    _pay(actor, trajectory, cost)
    return cost


@transaction.atomic
def site_add(
    *,
    actor,
    trajectory: Trajectory,
    name: str,
    fee: Decimal | None,
    registered_on: datetime.date | None,
    origin: Origin | None = None,
    today: datetime.date | None = None,
) -> HousingSite:
    """The household is registered on a housing site; its fee is paid in kind from the
    fund (nothing for a free site)."""
    trajectory = _locked(trajectory)
    _check_actor(actor, trajectory.case)
    today = today or timezone.localdate()
    name = (name or "").strip()
    _raise(
        rules.check_site(
            status=trajectory.status,
            name=name,
            fee=fee,
            registered_on=registered_on,
            trajectory_registered_on=trajectory.registered_on,
            today=today,
            duplicate=trajectory.sites.filter(name__iexact=name).exists(),
        )
    )
    site = HousingSite.objects.create(
        trajectory=trajectory, name=name, fee=fee, registered_on=registered_on, created_by=actor
    )
    if fee > 0:
        try:
            _cost_create(
                actor,
                trajectory,
                kind=CostKind.FEE,
                amount=fee,
                supplier=name,
                paid_on=registered_on,
                site=site,
            )
        except ValidationError as error:
            # The site form has a fee, not an amount: say it there.
            raise ValidationError(
                {("fee" if k == "amount" else k): v for k, v in error.message_dict.items()}
            ) from None
    _log(origin, trajectory, "update")
    return site


@transaction.atomic
def cost_add(
    *,
    actor,
    trajectory: Trajectory,
    kind: str,
    amount: Decimal | None,
    supplier: str,
    paid_on: datetime.date | None,
    origin: Origin | None = None,
    today: datetime.date | None = None,
) -> Cost:
    """A cost paid in kind (train tickets, first rent, basic furnishing, a fee)."""
    trajectory = _locked(trajectory)
    _check_actor(actor, trajectory.case)
    today = today or timezone.localdate()
    _raise(
        rules.check_cost(
            status=trajectory.status,
            kind=kind or "",
            amount=amount,
            supplier=supplier or "",
            paid_on=paid_on,
            trajectory_registered_on=trajectory.registered_on,
            today=today,
        )
    )
    cost = _cost_create(
        actor, trajectory, kind=kind, amount=amount, supplier=supplier, paid_on=paid_on
    )
    _log(origin, trajectory, "update")
    return cost


@transaction.atomic
def trajectory_stop(
    *,
    actor,
    trajectory: Trajectory,
    reason: str,
    note: str = "",
    ended_on: datetime.date | None,
    origin: Origin | None = None,
    today: datetime.date | None = None,
) -> Trajectory:
    """Not started (before the advice conversation) or stopped (after it), with the reason."""
    trajectory = _locked(trajectory)
    _check_actor(actor, trajectory.case)
    today = today or timezone.localdate()
    _raise(
        rules.check_stop(
            status=trajectory.status,
            reason=reason or "",
            note=note or "",
            ended_on=ended_on,
            registered_on=trajectory.registered_on,
            today=today,
        )
    )
    trajectory.status = rules.stop_status(trajectory.status)
    trajectory.stop_reason = reason
    trajectory.stop_note = (note or "").strip()
    trajectory.ended_on = ended_on
    trajectory.save(update_fields=["status", "stop_reason", "stop_note", "ended_on"])
    _log(origin, trajectory, "update")
    return trajectory


@transaction.atomic
def trajectory_housed(
    *,
    actor,
    trajectory: Trajectory,
    housed_on: datetime.date | None,
    origin: Origin | None = None,
    today: datetime.date | None = None,
) -> Trajectory:
    """The household moved into its new home on `housed_on`."""
    trajectory = _locked(trajectory)
    _check_actor(actor, trajectory.case)
    today = today or timezone.localdate()
    _raise(
        rules.check_housed(
            status=trajectory.status,
            housed_on=housed_on,
            registered_on=trajectory.registered_on,
            today=today,
        )
    )
    trajectory.status = HOUSED
    trajectory.housed_on = housed_on
    trajectory.ended_on = housed_on
    trajectory.save(update_fields=["status", "housed_on", "ended_on"])
    _log(origin, trajectory, "update")
    return trajectory


@transaction.atomic
def handover_record(
    *,
    actor,
    trajectory: Trajectory,
    municipality: str,
    contact_person: str,
    shared: str,
    consent_by: str,
    handover_on: datetime.date | None,
    origin: Origin | None = None,
    today: datetime.date | None = None,
) -> Trajectory:
    """The soft hand-over: who at the receiving municipality heard what, with whose consent."""
    trajectory = _locked(trajectory)
    _check_actor(actor, trajectory.case)
    today = today or timezone.localdate()
    _raise(
        rules.check_handover(
            status=trajectory.status,
            municipality=municipality or "",
            contact_person=contact_person or "",
            shared=shared or "",
            consent_by=consent_by or "",
            handover_on=handover_on,
            registered_on=trajectory.registered_on,
            today=today,
        )
    )
    trajectory.handover_municipality = municipality.strip()
    trajectory.handover_contact = contact_person.strip()
    trajectory.handover_shared = shared.strip()
    trajectory.handover_consent_by = consent_by.strip()
    trajectory.handover_on = handover_on
    trajectory.save(
        update_fields=[
            "handover_municipality",
            "handover_contact",
            "handover_shared",
            "handover_consent_by",
            "handover_on",
        ]
    )
    _log(origin, trajectory, "update")
    return trajectory


@transaction.atomic
def bijstand_extend(
    *,
    actor,
    trajectory: Trajectory,
    due_date: datetime.date | None,
    origin: Origin | None = None,
    today: datetime.date | None = None,
) -> FollowUpAction:
    """One extra month of bijstand until the new application in the receiving municipality:
    an action for the caseworker in "Mijn acties", due on `due_date`."""
    trajectory = _locked(trajectory)
    _check_actor(actor, trajectory.case)
    today = today or timezone.localdate()
    _raise(
        rules.check_bijstand(
            status=trajectory.status,
            already=trajectory.bijstand_action_id is not None,
            due_date=due_date,
            today=today,
        )
    )
    # Stored text: in the municipality's language, whatever language the writer's page has.
    with translation.override(settings.LANGUAGE_CODE):
        description = _(
            "%(ref)s: let the bijstand run one month longer, until the new application in "
            "the receiving municipality is made."
        ) % {"ref": trajectory.reference}
    action = FollowUpAction.objects.create(
        case_id=trajectory.case_id,
        owner=actor,
        created_by=actor,
        due_date=due_date,
        description=description,
    )
    trajectory.bijstand_action = action
    trajectory.save(update_fields=["bijstand_action"])
    _log(origin, trajectory, "update")
    return action
