"""The cached `get_<field>_display` answers as Django's own, for every choice of every model
field, in every language, and for values that are not a choice."""

from django.apps import apps
from django.conf import settings
from django.db.models import Model
from django.utils import translation

from doorbraak.ui import choice_labels


def choice_fields():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.choices:
                yield model, field


def test_installed_on_every_model():
    assert Model._get_FIELD_display is choice_labels.get_field_display
    for model, field in choice_fields():
        method = model.__dict__.get(f"get_{field.name}_display")
        if method is not None:
            assert method.func is choice_labels.get_field_display, (model, field.name)


def test_every_choice_in_every_language_as_django_says():
    checked = 0
    fields = list(choice_fields())
    assert len(fields) > 10
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            choice_labels.forget()
            for model, field in fields:
                values = [choice for choice, _label in field.flatchoices]
                for value in [*values, "geen-keuze", None, 999_999]:
                    instance = model()
                    setattr(instance, field.attname, value)
                    ours = choice_labels.get_field_display(instance, field)
                    assert ours == choice_labels.django_display(instance, field)
                    assert type(ours) is type(choice_labels.django_display(instance, field))
                    checked += 1
    assert checked > 100


def test_labels_follow_the_language():
    from doorbraak.cases.models import Case, CaseStatus

    case = Case(status=CaseStatus.CLOSED)
    for _ in range(2):
        with translation.override("nl"):
            assert case.get_status_display() == "gesloten"
        with translation.override("en"):
            assert case.get_status_display() == "closed"
