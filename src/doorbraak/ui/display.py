"""Locale-aware display of numbers, amounts, percentages, dates and roles: Dutch forms from
`doorbraak.ui.formatting` when the active language is Dutch, Django's formats otherwise.
The template filters in `templatetags/money.py` and Python that builds display text
(presentation, form labels) both use these."""

import datetime

from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import number_format
from django.utils.translation import get_language

from doorbraak.accounts.labels import role_label
from doorbraak.ui import formatting


def _dutch() -> bool:
    return (get_language() or "nl").startswith("nl")


def euro(value) -> str:
    amount = formatting.to_decimal(value)
    if amount is None:
        return "" if value is None else str(value)
    if _dutch():
        return formatting.euro(amount)
    return f"€ {number_format(amount, 2, use_l10n=True, force_grouping=True)}"


money = euro


def number(value, places=None) -> str:
    amount = formatting.to_decimal(value)
    if amount is None:
        return "" if value is None else str(value)
    places = None if places in (None, "") else int(places)
    if _dutch():
        return formatting.number(amount, places)
    return number_format(amount, places, use_l10n=True, force_grouping=True)


def percent(value, places=1) -> str:
    fraction = formatting.to_decimal(value)
    if fraction is None:
        return "" if value is None else str(value)
    if _dutch():
        return formatting.percent(fraction, int(places))
    return formatting.percent(fraction, int(places)).replace(",", ".").replace(" %", "%")


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def month(value) -> str:
    if not isinstance(value, datetime.date):
        return ""
    value = _local(value)
    return formatting.month(value) if _dutch() else date_format(value, "M")


def shortdate(value) -> str:
    if not isinstance(value, datetime.date):
        return ""
    value = _local(value)
    return formatting.date(value) if _dutch() else date_format(value, "j M Y")


def shortdatetime(value) -> str:
    if not isinstance(value, datetime.datetime):
        return shortdate(value)
    value = _local(value)
    return formatting.date_time(value) if _dutch() else date_format(value, "j M Y H:i")


def daytime(value) -> str:
    """Day, month and time without the year, for recent events: "30 okt. 14:05"."""
    if not isinstance(value, datetime.datetime):
        return shortdate(value)
    value = _local(value)
    return formatting.date_time(value, year=False) if _dutch() else date_format(value, "j M H:i")


def dutch_amounts(value) -> str:
    return formatting.dutch_amounts(value) if _dutch() else value


def role_name(value) -> str:
    return role_label(value) if value else ""


def role_names(values) -> str:
    return ", ".join(role_label(v) for v in values or ())


def shorten(value, limit=60) -> str:
    return formatting.shorten(str(value or ""), int(limit))
