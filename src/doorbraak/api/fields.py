"""Serializer fields that take only what they say. DRF is lenient where money and identity
need it strict: a JSON float id 1.5 is truncated to 1, a float amount 100.5 is accepted, and
an integer has no upper bound. These fields refuse all of that with a Dutch message.

- `IdField`: a whole number 1 ≤ n ≤ MAX_ID, as a JSON integer or a string of digits.
- `IdRelatedField`: a PrimaryKeyRelatedField with `IdField`'s rule before the lookup.
- `WholeNumberField`: an IntegerField that refuses floats and "1.0".
- `MoneyField`: a DecimalField that refuses JSON floats: amounts are strings ("100.50") or
  integers.
"""

import re

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from doorbraak.form_fields import MAX_ID

_DIGITS = re.compile(r"[0-9]{1,19}")

ID_MESSAGE = _("An id is a whole number, such as 12.")
WHOLE_MESSAGE = _("Give a whole number, such as 12.")
MONEY_MESSAGE = _('Give an amount as text with a point, such as "100.50", or as a whole number.')


def _whole(data) -> int | None:
    """`data` as an int if it is a JSON integer or a string of ASCII digits, else None."""
    if isinstance(data, bool):
        return None
    if isinstance(data, int):
        return data
    if isinstance(data, str) and _DIGITS.fullmatch(data.strip()):
        return int(data.strip())
    return None


class IdField(serializers.IntegerField):
    default_error_messages = {"invalid": ID_MESSAGE}

    def __init__(self, **kwargs):
        # No max_value: the schema would carry the 64-bit bound (see test_api's drift rule).
        kwargs.setdefault("min_value", 1)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        number = _whole(data)
        if number is None or number > MAX_ID:
            self.fail("invalid")
        return super().to_internal_value(number)


class IdRelatedField(serializers.PrimaryKeyRelatedField):
    default_error_messages = {"incorrect_type": ID_MESSAGE}

    def to_internal_value(self, data):
        number = _whole(data)
        if number is None:
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 1 <= number <= MAX_ID:
            self.fail("does_not_exist", pk_value=number)
        return super().to_internal_value(number)


class WholeNumberField(serializers.IntegerField):
    default_error_messages = {"invalid": WHOLE_MESSAGE}

    def to_internal_value(self, data):
        if isinstance(data, str):
            data = data.strip()
            if data.startswith("-") and _DIGITS.fullmatch(data[1:]):
                return super().to_internal_value(int(data))
        number = _whole(data)
        if number is None:
            self.fail("invalid")
        return super().to_internal_value(number)


class MoneyField(serializers.DecimalField):
    default_error_messages = {"invalid": MONEY_MESSAGE}

    def to_internal_value(self, data):
        if isinstance(data, bool | float):
            self.fail("invalid")
        return super().to_internal_value(data)
