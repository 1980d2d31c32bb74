"""Django validators around the limits, for models, forms and serializers alike. The messages
are the app's shared ones (`doorbraak.text_validators`), so every form says it the same way."""

from django.core.exceptions import ValidationError

from doorbraak import text_limits
from doorbraak.text_validators import length_message
from doorbraak.text_validators import name_message as _shared_name_message


def name_message(problem: str = "markup") -> str:
    return _shared_name_message(problem)


def validate_name(value: str) -> None:
    """A supplier's or creditor's name: printable text without markup characters."""
    problem = text_limits.name_problem(value)
    if problem:
        raise ValidationError(name_message(problem), code="name")


def too_long_message(maximum: int, length: int) -> str:
    return length_message(maximum, length)
