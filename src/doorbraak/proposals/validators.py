"""Django validators around the pure limits, for models, forms and serializers alike."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import limits


def name_message() -> str:
    return _("Use letters, digits and ordinary punctuation; no < or > or invisible characters.")


def validate_name(value: str) -> None:
    """A supplier's or creditor's name: printable text without markup characters."""
    if value and not limits.is_printable_name(value):
        raise ValidationError(name_message(), code="name")


def too_long_message(maximum: int, length: int) -> str:
    return _("At most %(max)s characters; this text has %(count)s.") % {
        "max": maximum,
        "count": length,
    }
