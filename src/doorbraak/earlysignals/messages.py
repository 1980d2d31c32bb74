"""The CSV checks' codes (rows.py) in Dutch words."""

from django.utils.translation import gettext as _

from . import rows


def _messages() -> dict[str, str]:
    return {
        "empty": _("The file is empty."),
        "no_rows": _("The file has a header but no signals."),
        "header": _(
            "The first line must be the header %(header)s (separated by semicolons); found: "
            "%(value)s."
        ),
        "columns": _(
            "This line has %(value)s columns; expected %(count)s, separated by semicolons."
        ),
        "required": _("%(column)s is empty."),
        "too_long": _("%(column)s is too long."),
        "sender_kind": _(
            "Unknown sender “%(value)s”: use zorgverzekeraar, verhuurder, energie or water."
        ),
        "amount_negative": _("The amount “%(value)s” is negative; an arrear is more than zero."),
        "amount_zero": _("The amount must be more than zero."),
        "amount_ambiguous": _(
            "The amount “%(value)s” is ambiguous: write 1234,00 or 1.234,00 (Dutch) or 1234.00."
        ),
        "amount_mixed": _(
            "The amount “%(value)s” mixes comma and point: write 1.234,56 (Dutch) or 1234.56."
        ),
        "amount_decimals": _("The amount “%(value)s” has more than two decimals."),
        "amount_invalid": _("“%(value)s” is not an amount: write 1.234,56 or 1234.56."),
        "amount_too_large": _("The amount “%(value)s” is more than €1,000,000."),
        "date_invalid": _("“%(value)s” is not a date: write dd-mm-jjjj (e.g. 31-01-2026)."),
        "date_future": _("The date %(value)s is in the future."),
        "postcode": _("“%(value)s” is not a postcode: write 1234 AB."),
        "house_number": _("“%(value)s” is not a house number."),
        "phone": _("“%(value)s” is not a phone number."),
        "email": _("“%(value)s” is not an e-mail address."),
    }


def issue_text(issue: rows.Issue) -> str:
    text = _messages().get(issue.code, _("This line cannot be read."))
    return text % {
        "column": issue.column,
        "value": issue.value,
        "header": rows.DELIMITER.join(rows.HEADER),
        "count": len(rows.HEADER),
    }


def issue_line(issue: rows.Issue) -> str:
    """“Regel 12 (bedrag): …”"""
    if issue.column:
        return _("Line %(line)s (%(column)s): %(text)s") % {
            "line": issue.line,
            "column": issue.column,
            "text": issue_text(issue),
        }
    return _("Line %(line)s: %(text)s") % {"line": issue.line, "text": issue_text(issue)}
