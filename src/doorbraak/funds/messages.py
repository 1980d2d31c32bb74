"""What a refused money action means, in words for the person who tried it (see
funds.ledger.LedgerError codes). Never shown: a stack trace or the code itself."""

from django.utils.translation import gettext as _

from doorbraak.ui import display

from .ledger import LedgerError


def _euro(cents) -> str:
    from decimal import Decimal

    return display.euro(Decimal(int(cents)) / 100)


def ledger_message(error: LedgerError) -> str:
    params = error.params
    texts = {
        "no_accounts": _("This fund has no ledger yet; ask the functional administrator."),
        "key_reused": _("This action was already done with other details; reload the page."),
        "unbalanced": _("The ledger refused an unbalanced booking; nothing was saved."),
        "amount": _("The amount must be more than zero."),
        "no_reservation": _("No money is reserved for %(ref)s (any more).")
        % {"ref": params.get("ref", "")},
        "beyond_reservation": _(
            "%(ref)s has only %(open)s reserved; this payment does not fit. Nothing was saved."
        )
        % {"ref": params.get("ref", ""), "open": _euro(params.get("open", 0))},
        "insufficient": _("The fund has not enough free budget for this; nothing was saved."),
        "memo_required": _("A correction needs an explanation."),
    }
    return texts.get(error.code, _("The ledger refused this action; nothing was saved."))
