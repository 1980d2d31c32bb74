"""Using a mandate (PRIO): one transaction records the decision, closes the escalation it
decides (if any), writes the case's timeline and sets the holder's verzoeningsgesprek. Every
refusal is a Dutch ValidationError per field, raised before anything is saved."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.accounts.models import Mandate
from doorbraak.cases.models import Case, CaseStatus, EntryKind
from doorbraak.cases.services import timeline_record

from . import mandate_rules, rules
from .messages import errors, message
from .models import ActionKind, Escalation, FollowUpAction, MandateUse, Status
from .services import escalation_close


def facts(mandate: Mandate) -> mandate_rules.MandateFacts:
    return mandate_rules.MandateFacts(
        holder_id=mandate.holder_id,
        organisation_id=mandate.organisation_id,
        valid_from=mandate.valid_from,
        valid_until=mandate.valid_until,
        max_amount=mandate.max_amount,
    )


@transaction.atomic
def mandate_use(
    *,
    actor,
    case: Case,
    mandate: Mandate | None,
    overruled_organisation=None,
    overruled_department: str = "",
    overruled_rule: str = "",
    earlier_refusal: str = "",
    decision: str = "",
    reasons: str = "",
    amount: Decimal | None = None,
    escalation: Escalation | None = None,
    reconciliation_due: datetime.date | None = None,
    today: datetime.date | None = None,
) -> MandateUse:
    """Record a decision taken with `mandate` that overrules a department of the mandate's
    organisation. With `escalation` (open, on this case) that escalation is solved by it.
    Recording the same decision twice on a day returns the first record."""
    today = today or timezone.localdate()
    case = Case.objects.select_for_update().get(pk=case.pk)
    if mandate is None:
        raise ValidationError({"mandate": [message("mandate_missing")]})
    mandate = Mandate.objects.select_related("organisation").get(pk=mandate.pk)
    # A double click (or a retried API call) records one decision: the case row is locked,
    # so the second call finds the first one's row and returns it.
    same = MandateUse.objects.filter(
        mandate=mandate,
        case=case,
        decided_by=actor,
        decided_on=today,
        decision=(decision or "").strip(),
        overruled_rule=(overruled_rule or "").strip(),
    ).first()
    if same is not None:
        return same
    draft = mandate_rules.UseDraft(
        actor_id=actor.pk,
        day=today,
        overruled_organisation_id=overruled_organisation.pk if overruled_organisation else None,
        overruled_rule=overruled_rule or "",
        earlier_refusal=earlier_refusal or "",
        decision=decision or "",
        reasons=reasons or "",
        amount=amount,
        case_open=case.status == CaseStatus.OPEN,
    )
    found = errors(
        mandate_rules.check_use(facts(mandate), draft),
        max=mandate.max_amount,
        org=mandate.organisation.name,
    )
    if escalation is not None:
        escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
        if escalation.case_id != case.pk or escalation.status != Status.OPEN:
            found["escalation"] = [message("escalation_not_open")]
    due = reconciliation_due or mandate_rules.reconciliation_due(today)
    late = rules.check_due(due, today)
    if late:
        found["reconciliation_due"] = [message(late)]
    if found:
        raise ValidationError(found)
    use = MandateUse.objects.create(
        mandate=mandate,
        case=case,
        escalation=escalation,
        overruled_organisation=overruled_organisation,
        overruled_department=(overruled_department or "").strip(),
        overruled_rule=overruled_rule.strip(),
        earlier_refusal=earlier_refusal.strip(),
        decision=decision.strip(),
        reasons=reasons.strip(),
        amount=amount,
        decided_on=today,
        decided_by=actor,
    )
    if escalation is not None:
        escalation_close(
            escalation,
            actor=actor,
            status=Status.SOLVED,
            reasons=_("Decided with mandate %(ref)s: %(decision)s")
            % {"ref": use.reference, "decision": use.decision[:1800]},
            amount=amount,
        )
    FollowUpAction.objects.create(
        kind=ActionKind.RECONCILIATION,
        case=case,
        escalation=escalation,
        mandate_use=use,
        owner=actor,
        description=_("Reconciliation talk with %(department)s about mandate use %(ref)s")
        % {"department": use.department_label, "ref": use.reference},
        due_date=due,
        created_by=actor,
    )
    timeline_record(
        case,
        actor,
        EntryKind.MANDATE,
        _("%(ref)s: %(decision)s (overrules %(department)s: %(rule)s)")
        % {
            "ref": use.reference,
            "decision": use.decision,
            "department": use.department_label,
            "rule": use.overruled_rule,
        },
    )
    return use
