"""Refusals of the tables, meetings and consent rules in Dutch words (msgids English)."""

from django.utils.translation import gettext as _

from doorbraak.escalation.messages import message as escalation_message
from doorbraak.problems import by_field
from doorbraak.ui.formatting import euro


def message(code: str, **params) -> str:
    texts = {
        "not_member": _("Only a contact person of this table may do this."),
        "date_missing": _("Give the date of the meeting."),
        "date_in_past": _("The meeting date may not be in the past."),
        "not_at_table": _("This item is not escalated to this table."),
        "escalation_closed": _("This escalation is already closed."),
        "already_on_agenda": _("This item is already on the agenda of this meeting."),
        "item_missing": _("Choose an escalated item."),
        "decision_missing": _("Write the table's decision."),
        "legitimacy_missing": _("Write the reasons on legitimacy (does it fit law and policy?)."),
        "involvement_missing": _(
            "Write the reasons on involvement (what does it mean for the household "
            "and the partners?)."
        ),
        "returns_missing": _(
            "Write the reasons on return (what does it yield, what does it prevent?)."
        ),
        "outcome_invalid": _("Choose how the table ends this item."),
        "action_description_missing": _("Say what the organisation will do."),
        "action_owner_missing": _("Choose the owner of the action."),
        "money_needs_request": _(
            "Money from a fund needs a request that is still waiting for a decision; "
            "this item has none."
        ),
        "amount_not_request": _("The table approves the request as it is: %(total)s.")
        % {"total": euro(params.get("total"))},
        "member_missing": _("Choose the household member who gives consent."),
        "scope_missing": _("Choose what may be shared."),
        "from_missing": _("Give the date the consent starts."),
        "until_missing": _(
            "Give the date the consent ends; consent without an end date is not possible."
        ),
        "until_in_past": _("The end date may not be in the past."),
        "until_before_from": _("The end date must be on or after the start date."),
        "too_long": _("A consent lasts at most a year; record a new one after it ends."),
        "not_key_worker": _("Only the key worker or the team leader of the case records consent."),
        "already_withdrawn": _("This consent is already withdrawn."),
        "table_missing": _("Choose the table."),
    }
    if code in texts:
        return texts[code]
    return escalation_message(code, **params)


def errors(problems, **params) -> dict[str, list[str]]:
    """`(field, code)` problems as a ValidationError dict, in order."""
    return by_field(problems, message, **params)
