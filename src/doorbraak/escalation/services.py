"""Every write of the escalation route: publishing a route version, escalating an item,
recording a level's decision, follow-up actions and their reminders. Each is one
transaction; every refusal is a Dutch ValidationError (per field) raised before anything is
saved."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from doorbraak import text_limits as limits
from doorbraak.cases.models import BlockerStatus, CaseStatus
from doorbraak.cases.services import may_manage
from doorbraak.proposals.models import RequestStatus

from . import queries, rules, workflow
from .messages import errors, message
from .models import Escalation, EscalationRoute, FollowUpAction, RouteVersion, Status

#: Request statuses an escalation can still help: waiting for a decision, or refused.
ESCALATABLE_REQUEST = frozenset({RequestStatus.SUBMITTED, RequestStatus.REJECTED})
#: Request statuses in which a blocker counts as handled by its request.
OPEN_REQUEST = frozenset({RequestStatus.SUBMITTED, RequestStatus.APPROVED})


def route_snapshot(route: EscalationRoute, version: int) -> dict:
    levels = [
        {
            "position": level.position,
            "name": level.name,
            "kind": level.kind,
            "roles": list(level.roles or []),
            "target_days": level.target_days,
            "max_amount": None if level.max_amount is None else str(level.max_amount),
            "fund_ids": sorted(f.pk for f in level.funds.all()),
            "organisation_ids": sorted(o.pk for o in level.exception_organisations.all()),
        }
        for level in route.levels.prefetch_related("funds", "exception_organisations").order_by(
            "position"
        )
    ]
    return rules.Route.from_dict({"version": version, "levels": levels}).as_dict()


@transaction.atomic
def route_publish(route: EscalationRoute) -> RouteVersion:
    """Freeze the route's levels as a new version; raises rules.RouteError if the route is
    not valid (and the transaction rolls back). Escalations keep the version they ran under."""
    route = EscalationRoute.objects.select_for_update().get(pk=route.pk)
    version = route.version + 1
    snapshot = route_snapshot(route, version)
    EscalationRoute.objects.filter(pk=route.pk).update(version=version)
    route.version = version
    return RouteVersion.objects.create(route=route, version=version, snapshot=snapshot)


def _roles_field(level: rules.Level) -> str:
    return "," + ",".join(sorted(level.roles)) + ","


def _item_closed(request, blocker, last) -> str | None:
    if request is not None and request.status not in ESCALATABLE_REQUEST:
        return "item_closed"
    if blocker is not None:
        if blocker.status != BlockerStatus.OPEN:
            return "item_closed"
        if blocker.requests.filter(status__in=OPEN_REQUEST).exists():
            return "blocker_has_request"
    if last is not None and last.status not in (Status.OPEN, Status.ESCALATED):
        return "item_closed"
    return None


@transaction.atomic
def escalate(
    *,
    actor,
    case,
    request=None,
    blocker=None,
    level: int | None = None,
    question: str = "",
    tried: str = "",
    skip_reason: str = "",
    today: datetime.date | None = None,
) -> Escalation:
    """Take an item one level up (or higher, with a reason). An item already open at a level
    is closed there as "escalated further" and continues at the new level, under the route
    version it started with."""
    today = today or timezone.localdate()
    if (request is None) == (blocker is None):
        raise ValidationError({"item": [message("item_missing")]})
    if (request or blocker).case_id != case.pk:
        raise ValidationError({"item": [message("item_missing")]})
    # The item as it is now (a page may hold an old copy), locked against a parallel change.
    if request is not None:
        request = type(request).objects.select_for_update().get(pk=request.pk)
        item = {"request_id": request.pk}
    else:
        blocker = type(blocker).objects.select_for_update().get(pk=blocker.pk)
        item = {"blocker_id": blocker.pk}
    current = Escalation.objects.select_for_update().filter(status=Status.OPEN, **item).first()
    last = current or queries.last_escalation(**item)
    version = last.route_version if last else queries.route_for_case(case)
    route = version.as_route()
    at = last.level if last else 1
    target = level if level is not None else rules.next_level(route, at) or route.top
    closed = _item_closed(request, blocker, last)
    problems = rules.check_escalation(
        route,
        rules.EscalationDraft(
            current=at,
            target=target,
            question=question or "",
            tried=tried or "",
            skip_reason=skip_reason or "",
            item_closed=closed is not None,
            case_closed=case.status != CaseStatus.OPEN,
        ),
    )
    found = errors(problems)
    if closed == "blocker_has_request":
        found["item"] = [message(closed)]
    if found:
        raise ValidationError(found)
    if current is not None:
        current.status = Status.ESCALATED
        current.decided_by = actor
        current.decided_at = timezone.now()
        current.reasons = question.strip()
        current.save(update_fields=["status", "decided_by", "decided_at", "reasons"])
    goal = route.level(target)
    return Escalation.objects.create(
        case=case,
        request=request,
        blocker=blocker,
        previous=current,
        route_version=version,
        level=target,
        decider_roles=_roles_field(goal),
        question=question.strip(),
        tried=tried.strip(),
        skip_reason=skip_reason.strip(),
        created_by=actor,
        due_date=rules.due_date(today, goal),
    )


def may_decide(user, escalation: Escalation) -> bool:
    return bool(user.role) and escalation.current_level.may_decide(user.role)


def may_withdraw(user, escalation: Escalation) -> bool:
    return escalation.created_by_id == user.pk or may_manage(user, escalation.case)


def _action_problems(owner, description, due_date, today) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    if owner is None or not owner.is_active:
        found["owner"] = [message("owner_inactive")]
    if not (description or "").strip():
        found["description"] = [message("description_missing")]
    due = rules.check_due(due_date, today)
    if due:
        found["due_date"] = [message(due)]
    return found


@transaction.atomic
def escalation_decide(
    *,
    actor,
    escalation: Escalation,
    outcome: str,
    reasons: str = "",
    amount: Decimal | None = None,
    fund=None,
    organisation=None,
    action: dict | None = None,
    today: datetime.date | None = None,
) -> Escalation:
    """Record how this level ends the escalation: solved here, solved in the voortraject, not
    suitable (the level's deciders), or withdrawn (whoever escalated it or manages the case).
    With `action` ({owner, description, due_date}) a follow-up action is set as well."""
    today = today or timezone.localdate()
    escalation = (
        Escalation.objects.select_for_update(of=("self",))
        .select_related("route_version", "case")
        .get(pk=escalation.pk)
    )
    if escalation.status != Status.OPEN:
        raise ValidationError({"__all__": [message("not_open")]})
    found: dict[str, list[str]] = {}
    if not workflow.may_change(escalation.status, outcome):
        found["outcome"] = [message("outcome_invalid")]  # named with the other problems
    if outcome in workflow.DECIDER_OUTCOMES and not may_decide(actor, escalation):
        raise PermissionDenied(message("not_decider"))
    if outcome in workflow.OWNER_OUTCOMES and not may_withdraw(actor, escalation):
        raise PermissionDenied(message("not_owner"))
    level = escalation.current_level
    problems = rules.check_decision(
        level,
        rules.DecisionDraft(
            outcome=outcome,
            reasons=reasons or "",
            amount=amount,
            fund_id=fund.pk if fund else None,
            organisation_id=organisation.pk if organisation else None,
        ),
    )
    found.update(errors(problems, max=level.max_amount))
    if action:
        found.update(
            {
                f"action_{field}": msgs
                for field, msgs in _action_problems(
                    action.get("owner"), action.get("description"), action.get("due_date"), today
                ).items()
            }
        )
    if found:
        raise ValidationError(found)
    escalation_close(
        escalation,
        actor=actor,
        status=outcome,
        reasons=reasons,
        amount=amount,
        fund=fund,
        organisation=organisation,
    )
    if action:
        _action_create(actor, escalation, today=today, **action)
    return escalation


def escalation_close(
    escalation: Escalation,
    *,
    actor,
    status: str,
    reasons: str,
    amount: Decimal | None = None,
    fund=None,
    organisation=None,
) -> None:
    """Record how an open escalation ended: the outcome, the reasons, what was granted and who
    decided when. The one place that closes an escalation: a level's decision
    (`escalation_decide`), a mandate (`mandate_services.mandate_use`) and the LET's triage
    (`let.services`). The caller holds the row lock and has checked the outcome."""
    escalation.status = status
    escalation.reasons = reasons.strip()[: limits.TEXT]
    escalation.amount = amount
    escalation.fund = fund
    escalation.exception_organisation = organisation
    escalation.decided_by = actor
    escalation.decided_at = timezone.now()
    escalation.save(
        update_fields=[
            "status",
            "reasons",
            "amount",
            "fund",
            "exception_organisation",
            "decided_by",
            "decided_at",
        ]
    )


def _action_create(actor, escalation, *, owner, description, due_date, today) -> FollowUpAction:
    return FollowUpAction.objects.create(
        case_id=escalation.case_id,
        escalation=escalation,
        owner=owner,
        description=description.strip(),
        due_date=due_date,
        created_by=actor,
    )


@transaction.atomic
def action_add(
    *, actor, escalation: Escalation, owner, description: str, due_date, today=None
) -> FollowUpAction:
    """A follow-up action on an escalation's decision (or on the open item), for `owner`."""
    today = today or timezone.localdate()
    found = _action_problems(owner, description, due_date, today)
    if found:
        raise ValidationError(found)
    return _action_create(
        actor, escalation, owner=owner, description=description, due_date=due_date, today=today
    )


@transaction.atomic
def action_done(*, actor, action: FollowUpAction, note: str) -> FollowUpAction:
    action = FollowUpAction.objects.select_for_update().get(pk=action.pk)
    if action.owner_id != actor.pk:
        raise PermissionDenied(message("not_action_owner"))
    if action.done_at is not None:
        raise ValidationError({"__all__": [message("already_done")]})
    if not (note or "").strip():
        raise ValidationError({"note": [message("note_missing")]})
    action.done_at = timezone.now()
    action.done_note = note.strip()
    action.save(update_fields=["done_at", "done_note"])
    return action
