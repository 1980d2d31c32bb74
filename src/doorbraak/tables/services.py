"""Every write of tables and meetings: planning a meeting, putting an escalated item on its
agenda, recording the table's decision (with its commitments and money), and a household's
consent. Each is one transaction; every refusal is a Dutch ValidationError (per field) or
PermissionDenied, raised before anything is saved.

Lock order of a decision (docs/decisions/0010-money-lock-order.md, with the agenda item in
front): the agenda item, then — through proposals.lifecycle — the request and the fund's
ledger accounts, and last the escalation (escalation.services locks it when it closes it).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from doorbraak.cases.services import may_manage
from doorbraak.escalation import rules as route_rules
from doorbraak.escalation import services as escalation_services
from doorbraak.escalation import workflow as escalation_workflow
from doorbraak.escalation.models import Escalation, FollowUpAction
from doorbraak.proposals import lifecycle
from doorbraak.proposals.models import RequestStatus

from . import consent as consent_rules
from . import rules
from .messages import errors, message
from .models import AgendaItem, Consent, Meeting, Table, TableMember

#: How a table ends an item (escalating further is done from the escalation page).
OUTCOMES = (escalation_workflow.SOLVED, escalation_workflow.NOT_SUITABLE)


def is_member(user, table: Table) -> bool:
    return TableMember.objects.filter(table_id=table.pk, user_id=user.pk, active=True).exists()


def _require_member(user, table: Table) -> None:
    if not (user.is_active and is_member(user, table)):
        raise PermissionDenied(message("not_member"))


@transaction.atomic
def meeting_plan(*, actor, table: Table, date, today=None) -> Meeting:
    today = today or timezone.localdate()
    _require_member(actor, table)
    if date is None:
        raise ValidationError({"date": [message("date_missing")]})
    if date < today:
        raise ValidationError({"date": [message("date_in_past")]})
    return Meeting.objects.create(table=table, date=date, created_by=actor)


def routed_to(escalation: Escalation, table: Table) -> bool:
    return escalation.route_version.route_id == table.route_id and escalation.level == table.level


@transaction.atomic
def item_add(*, actor, meeting: Meeting, escalation: Escalation | None) -> AgendaItem:
    """Put an open escalation at this table's level on the meeting's agenda."""
    meeting = Meeting.objects.select_related("table").get(pk=meeting.pk)
    _require_member(actor, meeting.table)
    if escalation is None:
        raise ValidationError({"escalation": [message("item_missing")]})
    escalation = Escalation.objects.select_related("route_version").get(pk=escalation.pk)
    if not routed_to(escalation, meeting.table):
        raise ValidationError({"escalation": [message("not_at_table")]})
    if not escalation.is_open:
        raise ValidationError({"escalation": [message("escalation_closed")]})
    if meeting.items.filter(escalation_id=escalation.pk).exists():
        raise ValidationError({"escalation": [message("already_on_agenda")]})
    position = meeting.items.count() + 1
    return AgendaItem.objects.create(
        meeting=meeting, escalation=escalation, position=position, added_by=actor
    )


def _decision_problems(item, escalation, data, today) -> dict[str, list[str]]:
    commitments = tuple(
        rules.Commitment(
            owner_chosen=c.get("owner") is not None,
            description=c.get("description") or "",
            due_date=c.get("due_date"),
        )
        for c in data["actions"]
    )
    amount = data.get("amount")
    draft = rules.ItemDecisionDraft(
        decision=data.get("decision") or "",
        legitimacy=data.get("legitimacy") or "",
        involvement=data.get("involvement") or "",
        returns=data.get("returns") or "",
        amount=amount,
        commitments=commitments,
    )
    found = errors(rules.check_item_decision(draft, today))
    if data.get("outcome") not in OUTCOMES:
        found.setdefault("outcome", []).append(message("outcome_invalid"))
    level = escalation.current_level
    fund = data.get("fund")
    level_problems = [
        (field, code)
        for field, code in route_rules.check_decision(
            level,
            route_rules.DecisionDraft(
                outcome=data.get("outcome") or "",
                reasons="-",  # the table's reasons are checked above, per side
                amount=amount,
                fund_id=fund.pk if fund else None,
            ),
        )
        if field != "reasons"
    ]
    for field, msgs in errors(level_problems, max=level.max_amount).items():
        found.setdefault(field, []).extend(msgs)
    request = escalation.request
    if amount and (request is None or request.status != RequestStatus.SUBMITTED):
        found.setdefault("amount", []).append(message("money_needs_request"))
    elif amount and amount != request.total:
        found.setdefault("amount", []).append(message("amount_not_request", total=request.total))
    return found


def _reasons_text(data) -> str:
    return "\n".join(
        [
            data["decision"].strip(),
            f"Legitimiteit: {data['legitimacy'].strip()}",
            f"Betrokkenheid: {data['involvement'].strip()}",
            f"Rendement: {data['returns'].strip()}",
        ]
    )


def item_decision_problems(item: AgendaItem, data: dict, fields, today=None) -> dict:
    """What `item_decide` would refuse in `fields` of `data`, without deciding or locking: for
    a form some of whose other fields did not parse, so that every missing reason shows in
    the first round rather than after the amount is put right."""
    today = today or timezone.localdate()
    data = {**data, "actions": [a for a in data.get("actions") or [] if any(a.values())]}
    found = _decision_problems(
        item, item.escalation, {**data, "amount": data.get("amount") or None}, today
    )
    return {field: found[field] for field in fields if field in found}


@transaction.atomic
def item_decide(*, actor, item: AgendaItem, data: dict, today=None) -> AgendaItem:
    """Record the table's decision on one agenda item. `data`: outcome, decision, legitimacy,
    involvement, returns, amount (Decimal or None), fund, actions [{owner, description,
    due_date}]. A second submit of a decided item (a double click) returns it unchanged: the
    money is reserved once."""
    today = today or timezone.localdate()
    item = (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("meeting__table", "escalation__route_version", "escalation__request")
        .get(pk=item.pk)
    )
    _require_member(actor, item.meeting.table)
    if item.is_decided:
        return item
    if not escalation_services.may_decide(actor, item.escalation):
        raise PermissionDenied(message("not_decider"))
    escalation = item.escalation
    if not escalation.is_open:
        raise ValidationError({"__all__": [message("escalation_closed")]})
    data = {**data, "actions": [a for a in data.get("actions") or [] if any(a.values())]}
    amount: Decimal | None = data.get("amount") or None
    found = _decision_problems(item, escalation, {**data, "amount": amount}, today)
    if found:
        raise ValidationError(found)
    if amount:
        try:
            lifecycle.request_approve_at_table(
                actor=actor,
                request=escalation.request,
                fund=data["fund"],
                memo=f"table:item:{item.pk}",
            )
        except lifecycle.MoneyConflict as error:
            raise ValidationError({"amount": [error.message]}) from error
    escalation_services.escalation_decide(
        actor=actor,
        escalation=escalation,
        outcome=data["outcome"],
        reasons=_reasons_text(data),
        amount=amount,
        fund=data.get("fund") if amount else None,
        today=today,
    )
    for action in data["actions"]:
        FollowUpAction.objects.create(
            case_id=escalation.case_id,
            escalation=escalation,
            owner=action["owner"],
            description=action["description"].strip(),
            due_date=action["due_date"],
            created_by=actor,
        )
    item.outcome = data["outcome"]
    item.decision = data["decision"].strip()
    item.legitimacy = data["legitimacy"].strip()
    item.involvement = data["involvement"].strip()
    item.returns = data["returns"].strip()
    item.amount = amount
    item.fund = data.get("fund") if amount else None
    item.decided_by = actor
    item.decided_at = timezone.now()
    item.save()
    return item


# --- Consent -----------------------------------------------------------------------------


def may_record_consent(user, case) -> bool:
    return case.key_worker_id == user.pk or may_manage(user, case)


@transaction.atomic
def consent_record(
    *, actor, case, member, table: Table | None, scope: str, valid_from, valid_until, today=None
) -> Consent:
    today = today or timezone.localdate()
    if not may_record_consent(actor, case):
        raise PermissionDenied(message("not_key_worker"))
    if member is not None and member.household_id != case.household_id:
        member = None
    problems = consent_rules.check_consent(
        consent_rules.ConsentDraft(
            member_chosen=member is not None,
            scope=scope or "",
            valid_from=valid_from,
            valid_until=valid_until,
        ),
        today,
    )
    if table is None:
        problems.append(("table", "table_missing"))
    if problems:
        raise ValidationError(errors(problems))
    return Consent.objects.create(
        case=case,
        member=member,
        table=table,
        scope=scope,
        valid_from=valid_from,
        valid_until=valid_until,
        recorded_by=actor,
    )


@transaction.atomic
def consent_withdraw(*, actor, consent: Consent) -> Consent:
    """Withdrawing is immediate: from this moment no page shows the identity under it."""
    consent = (
        Consent.objects.select_for_update(of=("self",)).select_related("case").get(pk=consent.pk)
    )
    if not may_record_consent(actor, consent.case):
        raise PermissionDenied(message("not_key_worker"))
    if consent.withdrawn_at is not None:
        raise ValidationError({"__all__": [message("already_withdrawn")]})
    consent.withdrawn_at = timezone.now()
    consent.withdrawn_by = actor
    consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
    return consent


def default_until(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=90)
