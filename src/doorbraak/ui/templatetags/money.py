"""`{{ amount|euro }}` → "€ 2.150,00" in Dutch, "€ 2,150.00" in English."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euro(value) -> str:
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return f"€ {number_format(amount, 2, use_l10n=True, force_grouping=True)}"
