"""Directory forms: the search (organisation, wijk, topic or name) and the ambassador form of
the beheerder and the beleidsadviseur. The service checks everything again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Neighbourhood, Organisation
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

from .models import Kind


class SearchForm(UtrechtFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Topic, name or department"),
        max_length=100,
        required=False,
        help_text=_("For example: schulden, wonen, Wmo."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("All organisations"),
    )
    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=Neighbourhood.objects.order_by("name"),
        required=False,
        empty_label=_("All wijken"),
    )


class AmbassadorForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("name", "kind", "organisation", "topics")

    name = forms.CharField(label=_("Name"), max_length=limits.NAME, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Kind.choices, widget=forms.RadioSelect, required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name"), required=False
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=Neighbourhood.objects.order_by("name"),
        required=False,
        empty_label=_("The whole organisation"),
    )
    department = forms.CharField(
        label=_("Department"), max_length=limits.SHORT_TEXT, required=False
    )
    topics = forms.CharField(
        label=_("Topics"),
        max_length=limits.SHORT_TEXT,
        required=False,
        help_text=_("Separated by commas, e.g. debts, housing, benefits."),
    )
    work_email = forms.CharField(
        label=_("Work e-mail"),
        max_length=254,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "email", "autocomplete": "off"}),
        help_text=_("Work contact details only, never a private address or number."),
    )
    work_phone = forms.CharField(
        label=_("Work phone"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    reachable = forms.CharField(
        label=_("When and how to reach"),
        max_length=limits.SHORT_TEXT,
        required=False,
        help_text=_("For example: Monday to Thursday, call first."),
    )

    def clean_work_email(self):
        value = (self.cleaned_data.get("work_email") or "").strip()
        if value:
            forms.EmailField().clean(value)
        return value
