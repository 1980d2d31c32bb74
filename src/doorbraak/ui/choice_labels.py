"""`get_<field>_display()` with the labels looked up once per field and language.

Django's own version builds a dictionary of every choice on each call, and hashing the lazy
labels translates each of them: a timeline of 200 entries translated thousands of labels per
page (issue 12, docs/benchmarks.md). This version keeps, per field and active language, the
finished label strings, and answers exactly what Django's would (`tests/ui/test_choice_labels`
compares both for every choice field of every model, in every language). Choices in this code
base are fixed per field; a field whose choices change at run time would need `forget()`."""

from functools import partialmethod

from django.db.models import Model
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

_DJANGO = Model._get_FIELD_display
_labels: dict[tuple, dict] = {}


def get_field_display(self, field):
    value = getattr(self, field.attname)
    key = (field, translation.get_language())
    labels = _labels.get(key)
    if labels is None:
        labels = _labels[key] = {
            make_hashable(choice): force_str(label, strings_only=True)
            for choice, label in field.flatchoices
        }
    found = labels.get(make_hashable(value), value)
    return force_str(found, strings_only=True)


def install() -> None:
    """Point every model's `get_<field>_display` (made by Django when the model class was
    created) at this version; a model's own `get_<field>_display` stays as it is."""
    from django.apps import apps

    Model._get_FIELD_display = get_field_display
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            name = f"get_{field.name}_display"
            current = model.__dict__.get(name)
            if field.choices and isinstance(current, partialmethod) and current.func is _DJANGO:
                setattr(model, name, partialmethod(get_field_display, field=field))


def django_display(instance, field):
    """Django's own answer, for the tests."""
    return _DJANGO(instance, field)


def forget() -> None:
    _labels.clear()
