"""Consult forms. Step one: the writer's own words; step two: the anonymised texts to confirm
(editable). The services check everything again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.escalation.forms import DateInput, long_text
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

from .models import Expert, Topic


class ConsultForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("held_on", "expert", "topic", "situation", "advice")

    held_on = forms.DateField(label=_("Date"), widget=DateInput(), required=False)
    expert = forms.ChoiceField(
        label=_("Whom did you consult?"),
        choices=Expert.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    topic = forms.ChoiceField(
        label=_("Topic"), choices=Topic.choices, widget=forms.RadioSelect, required=False
    )
    topic_other = forms.CharField(
        label=_("Other topic"),
        max_length=limits.SHORT_TEXT,
        required=False,
        help_text=_("Only when you chose “other”."),
    )
    situation = long_text(
        _("Situation"),
        help_text=_("Without names, addresses or numbers: the next step removes what it finds."),
        rows=4,
    )
    advice = long_text(_("Advice"), rows=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic_other"].widget.attrs.pop("maxlength", None)


class LinkForm(UtrechtFormMixin, forms.Form):
    case = forms.ModelChoiceField(label=_("Your case"), queryset=None, required=False)

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.fields["case"].label_from_instance = lambda c: f"{c.reference} · {c.household.name}"
