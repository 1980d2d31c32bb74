"""Refusals of the VerhuisboxPlus rules in Dutch words (msgids English, see locale/nl)."""

from django.utils.translation import gettext as _

from doorbraak.problems import by_field


def message(code: str) -> str:
    texts = {
        "already_open": _("This case already has an open VerhuisboxPlus trajectory."),
        "criterion_addiction": _(
            "Not for VerhuisboxPlus: heavy problems such as an addiction need care first."
        ),
        "criterion_debts": _("Not for VerhuisboxPlus: large debts need debt help first."),
        "criterion_statement": _(
            "Not for VerhuisboxPlus without a landlord statement (verhuurdersverklaring)."
        ),
        "registered_on_missing": _("Give the date of registration."),
        "date_future": _("This date is in the future."),
        "before_registration": _("This date is before the registration."),
        "housed_before_registration": _("The housing date is before the registration."),
        "advice_done": _("The advice conversation is already recorded."),
        "advice_on_missing": _("Give the date of the advice conversation."),
        "goals_missing": _("Write the goals agreed with the resident."),
        "regions_missing": _("Name the regions considered."),
        "voluntary_missing": _(
            "Record that you said the move is voluntary: it is a possibility, not an obligation."
        ),
        "not_started": _("Record the advice conversation first."),
        "site_missing": _("Name the housing site."),
        "site_duplicate": _("The household is already registered on this site."),
        "amount_missing": _("Give the amount."),
        "amount_negative": _("The amount cannot be negative."),
        "amount_zero": _("The amount must be more than zero."),
        "amount_too_large": _("This amount is too large for VerhuisboxPlus."),
        "amount_cents": _("Give the amount in whole cents."),
        "no_costs_now": _("Costs are paid while the household searches or has just moved."),
        "kind_missing": _("Choose what the cost is for."),
        "supplier_missing": _("Name to whom it is paid (in kind, never cash)."),
        "paid_on_missing": _("Give the date of payment."),
        "already_ended": _("This trajectory has already ended."),
        "reason_missing": _("Choose the reason."),
        "note_missing": _("Explain the other reason."),
        "ended_on_missing": _("Give the date it ended."),
        "housed_on_missing": _("Give the date the household moved in."),
        "no_handover_now": _("The hand-over comes when the household searches or has moved."),
        "municipality_missing": _("Name the receiving municipality."),
        "contact_person_missing": _("Name the contact person there."),
        "shared_missing": _("Write what was shared."),
        "consent_by_missing": _("Write with whose consent it was shared."),
        "handover_on_missing": _("Give the date of the hand-over."),
        "no_bijstand_now": _(
            "The extra month of bijstand is for a household that searches or has moved."
        ),
        "bijstand_already": _("The extra month of bijstand is already set as an action."),
        "due_date_missing": _("Give the date the action is due."),
        "due_date_past": _("The due date cannot be in the past."),
        "fund_missing": _("Choose the fund the costs are paid from."),
        "fund_inactive": _("This fund is not active."),
        "fund_period": _("The date of payment is outside the fund's period."),
        "fund_ceiling": _("This amount is above the fund's ceiling per request."),
        "case_missing": _("Choose the case of the household."),
        "not_caseworker": _("Only a professional working on this case can do this."),
    }
    return texts[code]


def next_step(code: str | None) -> str:
    texts = {
        "advice": _("Hold the advice conversation"),
        "sites": _("Register on housing sites"),
        "search": _("Search and respond to offers"),
        "handover": _("Hand over to the receiving municipality"),
    }
    return texts.get(code or "", "")


def errors(problems) -> dict[str, list[str]]:
    """`(field, code)` problems as a ValidationError dict, in order."""
    return by_field(problems, message)
