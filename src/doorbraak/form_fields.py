"""Form fields for ids. Django looks up a multiple choice with `pk__in`, which has no range
check: on SQLite an id of 10**30 raises OverflowError (a server error) instead of "not a
valid choice". `IdMultipleChoiceField` refuses what cannot be an id before the lookup.
(A single ModelChoiceField uses an exact lookup, which Django already range-checks.)"""

import re

from django import forms
from django.core.exceptions import ValidationError

#: The largest id a BigAutoField holds.
MAX_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def is_id(value) -> bool:
    text = str(value).strip()
    return bool(_DIGITS.fullmatch(text)) and 1 <= int(text) <= MAX_ID


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if self.to_field_name is None:
            for item in value if isinstance(value, list | tuple) else []:
                if not is_id(item):
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": str(item)[:40]},
                    )
        return super()._check_values(value)
