"""Refusals of the escalation rules in Dutch words (msgids English, see locale/nl)."""

from django.utils.translation import gettext as _

from doorbraak.problems import by_field
from doorbraak.ui.formatting import euro


def message(code: str, **params) -> str:
    texts = {
        "case_closed": _("This case is closed; reopen it before escalating."),
        "item_missing": _("Choose the request or the blocker you escalate."),
        "item_closed": _("This item is already closed; it cannot be escalated."),
        "blocker_has_request": _(
            "This blocker is part of an open request: escalate the request instead."
        ),
        "top_reached": _("This item is at the last level of the route; it cannot go higher."),
        "not_upward": _("Choose a level above the one where the item is now."),
        "skip_needs_reason": _("You skip a level: say why."),
        "question_missing": _("Write the question for this level."),
        "tried_missing": _("Write what was tried already."),
        "reasons_missing": _("Write the decision and its reasons."),
        "float_amount": _("Give the amount as text in euros and cents, e.g. 500.00."),
        "negative_amount": _("The amount may not be negative."),
        "no_money_at_level": _("This level decides no money."),
        "above_level": _("This level may decide up to %(max)s.") % {"max": euro(params.get("max"))},
        "fund_not_at_level": _("This level may not decide money from this fund."),
        "fund_missing": _("Choose the fund the money comes from."),
        "organisation_not_at_level": _(
            "This level may not decide an exception in this organisation."
        ),
        "due_missing": _("Give a due date."),
        "due_in_past": _("The due date may not be in the past."),
        "description_missing": _("Say what must be done."),
        "owner_inactive": _("Choose an active person as owner."),
        "not_open": _("This escalation is already closed."),
        "not_decider": _("Only the deciders of this level may record its decision."),
        "not_owner": _("Only whoever escalated it or manages the case may withdraw it."),
        "outcome_invalid": _("Choose how this level ends the escalation."),
        "note_missing": _("Write a short note on what was done."),
        "already_done": _("This action is already done."),
        "not_action_owner": _("Only the owner of an action can mark it done."),
        # Using a mandate (mandate_rules.py)
        "mandate_missing": _("Choose the mandate you use."),
        "not_mandate_holder": _("Only the holder of this mandate can use it."),
        "mandate_not_yet_valid": _("This mandate is not valid yet on this date."),
        "mandate_expired": _("This mandate has expired; it can no longer be used."),
        "overruled_missing": _("Choose the organisation whose decision you overrule."),
        "outside_mandate_organisation": _(
            "This mandate is not for this organisation: it only overrules decisions of %(org)s."
        )
        % {"org": params.get("org", "")},
        "overruled_rule_missing": _("Write which rule or policy you overrule."),
        "earlier_refusal_missing": _("Write what was refused earlier, by whom and when."),
        "mandate_decision_missing": _("Write the decision you take with the mandate."),
        "mandate_reasons_missing": _("Write why the rule does not fit here."),
        "mandate_no_money": _("This mandate decides no money."),
        "above_mandate": _("This mandate goes up to %(max)s.") % {"max": euro(params.get("max"))},
        "escalation_not_open": _("This escalation is not open on this case."),
    }
    return texts[code]


def errors(problems, **params) -> dict[str, list[str]]:
    """`(field, code)` problems as a ValidationError dict, in order."""
    return by_field(problems, message, **params)
