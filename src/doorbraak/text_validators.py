"""Django side of `text_limits`: validators with a Dutch message, model fields that use them,
the check services call, and a serializer mixin.

- Model: `LimitedCharField(max_length=text_limits.NAME, name=True)` or
  `LimitedTextField(max_length=text_limits.TEXT)`. Their form fields carry the same limit and
  message (no `maxlength` on textareas: the browser would cut pasted text without a word).
- Form: `TextLimitsMixin` (with `name_fields`) and `max_length` on each CharField, or
  `limited_char_field(limit, ...)`, or call `limit_form(form)`.
- Service: `check_text(value, "field", limit)` / `check_name(value, "field")` raise
  `ValidationError({field: message})` before anything is saved.
- API: `LimitedSerializerMixin` first in a ModelSerializer's bases.
"""

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits


def _grouped(number: int) -> str:
    return formats.number_format(number, force_grouping=True)


def length_message(limit: int, used: int) -> str:
    return gettext("At most %(limit)s characters (you used %(used)s).") % {
        "limit": _grouped(limit),
        "used": _grouped(used),
    }


def name_message(problem: str) -> str:
    if problem == "markup":
        return gettext("A name may not contain < or >.")
    return gettext("A name may not contain line breaks, tabs or invisible characters.")


@deconstructible
class MaxTextLength(validators.MaxLengthValidator):
    """Django's max-length check with a Dutch message that says how much was used. A subclass
    of Django's, so Django and DRF treat it as the field's length validator."""

    message = _("At most %(limit)s characters (you used %(used)s).")

    def __call__(self, value):
        used = text_limits.excess_length(value, self.limit_value)
        if used is not None:
            raise ValidationError(
                length_message(self.limit_value, used),
                code=self.code,
                params={"limit_value": self.limit_value, "show_value": used, "value": value},
            )


@deconstructible
class PrintableName:
    """A name is printable text on one line, without `<` or `>`."""

    code = "name_characters"

    def __call__(self, value):
        problem = text_limits.name_problem(value)
        if problem:
            raise ValidationError(name_message(problem), code=self.code)

    def __eq__(self, other):
        return isinstance(other, PrintableName)


def _swap_length_validators(field_validators: list, limit: int | None) -> list:
    kept = [
        v
        for v in field_validators
        if not isinstance(v, validators.MaxLengthValidator) or isinstance(v, MaxTextLength)
    ]
    if limit is not None and not any(isinstance(v, MaxTextLength) for v in kept):
        kept.append(MaxTextLength(limit))
    return kept


def limit_form_field(field: forms.Field, limit: int | None = None, name: bool = False):
    """Give a form field the Dutch length message (and the name check when `name`)."""
    limit = limit if limit is not None else getattr(field, "max_length", None)
    field.validators = _swap_length_validators(list(field.validators), limit)
    if name and not any(isinstance(v, PrintableName) for v in field.validators):
        field.validators.append(PrintableName())
    if isinstance(field.widget, forms.Textarea):
        field.widget.attrs.pop("maxlength", None)
    return field


def limit_form(form, names: tuple[str, ...] = ()):
    """Dutch length message on every text field of a form; the name check on `names`."""
    for field_name, field in form.fields.items():
        if isinstance(field, forms.CharField):
            limit_form_field(field, name=field_name in names)
    return form


class TextLimitsMixin:
    """For a form: every CharField with a `max_length` gets the Dutch length message, and the
    fields named in `name_fields` the printable-name check. Put it before the form class."""

    name_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_form(self, names=tuple(self.name_fields))


def limited_char_field(limit: int, *, name: bool = False, **kwargs) -> forms.CharField:
    """A form CharField limited to `limit` characters with the Dutch message."""
    return limit_form_field(forms.CharField(max_length=limit, **kwargs), limit, name=name)


class LimitedCharField(models.CharField):
    """CharField whose length check has the Dutch message; `name=True` adds the name check."""

    def __init__(self, *args, name_check: bool = False, **kwargs):
        self.name_check = name_check
        super().__init__(*args, **kwargs)
        self.validators[:] = _swap_length_validators(self.validators, self.max_length)
        if name_check:
            self.validators.append(PrintableName())

    def deconstruct(self):
        field_name, path, args, kwargs = super().deconstruct()
        if self.name_check:
            kwargs["name_check"] = True
        return field_name, path, args, kwargs

    def formfield(self, **kwargs):
        return limit_form_field(super().formfield(**kwargs), self.max_length, self.name_check)


class LimitedTextField(models.TextField):
    """TextField with a maximum length checked in Python (no database limit), Dutch message."""

    def __init__(self, *args, **kwargs):
        if kwargs.get("max_length") is None:
            raise TypeError("LimitedTextField needs max_length")
        super().__init__(*args, **kwargs)
        self.validators.append(MaxTextLength(self.max_length))

    def formfield(self, **kwargs):
        return limit_form_field(super().formfield(**kwargs), self.max_length)


def check_text(value: str | None, field: str, limit: int) -> str | None:
    """Raise `ValidationError({field: ...})` when `value` is longer than `limit`."""
    used = text_limits.excess_length(value, limit)
    if used is not None:
        raise ValidationError({field: length_message(limit, used)}, code="max_length")
    return value


def check_name(value: str | None, field: str, limit: int = text_limits.NAME) -> str | None:
    """Length and printable-name check for a name; raises `ValidationError({field: ...})`."""
    check_text(value, field, limit)
    problem = text_limits.name_problem(value)
    if problem:
        raise ValidationError({field: name_message(problem)}, code="name_characters")
    return value


# For a DRF serializer: text fields keep their `max_length` (and so the schema's maxLength)
# but say it with the Dutch message and the count used, instead of DRF's. No docstring on
# purpose: drf-spectacular would show it as every serializer's description.
class LimitedSerializerMixin:
    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            limit = getattr(field, "max_length", None)
            if limit is not None and not getattr(field, "read_only", False):
                field.validators = _swap_length_validators(list(field.validators), limit)
        return fields
