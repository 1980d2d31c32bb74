"""Refusals of the budget check in Dutch words (msgids English, see locale/nl)."""

from django.utils.translation import gettext as _


def message(code: str, **params) -> str:
    texts = {
        "invalid": _('Give an amount such as "1.234,56" or "1234.56".'),
        "ambiguous": _(
            'This amount is ambiguous: write "1.234,00" for one thousand two hundred and '
            'thirty-four euros or "1,23" for one euro twenty-three.'
        ),
        "negative": _("The amount may not be negative."),
        "too_large": _("The amount is too large."),
        "zero": _("The amount must be more than 0."),
        "arrears_above_amount": _("The arrears cannot be more than the amount owed."),
        "months": _("A payment plan runs for at least 1 and at most 36 months."),
        "no_debts": _("Record at least one debt before proposing a payment plan."),
        "no_norm": _(
            "There is no bijstandsnorm for this situation on %(date)s; the beheerder adds it "
            "in the administration."
        ),
        "no_capacity": _(
            "The payment capacity is € 0: there is nothing to divide over the creditors. "
            "Look at the income and the corrections first."
        ),
        "not_worker": _("Only a professional who works on this case makes a budget check."),
        "kind": _("Choose a kind from the list."),
        "creditor_missing": _("Name the creditor."),
        "debt_in_plan": _("This debt is in a payment plan and is therefore kept."),
        "date": _("Enter a date."),
        "line": _("Line %(number)s: %(text)s"),
        "date_future": _("The date cannot be in the future."),
    }
    text = texts[code]
    return text % params if params else text
