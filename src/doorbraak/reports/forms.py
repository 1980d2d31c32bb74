"""The dashboard's filters: a period, a team, a fund and a category in the person's scope."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from doorbraak.escalation.forms import DateInput
from doorbraak.forms_utrecht import UtrechtFormMixin

from . import figures


class LongSelect(forms.Select):
    """A select of model choices rendered in Python from one query of plain values, instead of
    a model instance and a template per option: the same HTML, but a municipality's 1,600
    teams and 3,200 funds take milliseconds instead of a second. For models whose label is
    their `name` (teams, funds)."""

    def _pairs(self) -> list[tuple[str, str]]:
        field = self.choices.field
        pairs = [] if field.empty_label is None else [("", str(field.empty_label))]
        queryset = self.choices.queryset
        return pairs + [(str(pk), name) for pk, name in queryset.values_list("pk", "name")]

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = "".join(
            f'<option value="{escape(key)}"{" selected" if key in chosen else ""}>'
            f"{escape(label)}</option>"
            for key, label in self._pairs()
        )
        return mark_safe(f"<select{flatatt(final)}>{options}</select>")  # noqa: S308 (escaped)


class FilterForm(UtrechtFormMixin, forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("Up to and including"), widget=DateInput())
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        empty_label=_("All teams"),
        widget=LongSelect,
    )
    fund = forms.ModelChoiceField(
        label=_("Fund"),
        queryset=None,
        required=False,
        empty_label=_("All funds"),
        widget=LongSelect,
    )
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=None, required=False, empty_label=_("All categories")
    )

    MESSAGES = {
        "period_missing": _("Give a start and an end date."),
        "period_backwards": _("The end date lies before the start date."),
        "period_too_long": _("Choose a period of at most ten years."),
    }

    def __init__(self, *args, teams, funds, categories, offer_teams=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        if not offer_teams:
            # a projectleider's figures are funds, not teams: nothing to choose, any team
            # asked for is refused (next to the hidden field, and in the summary)
            self.fields["team"].widget = forms.HiddenInput()
        self.fields["fund"].queryset = funds
        self.fields["category"].queryset = categories
        for name in ("team", "fund", "category"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "Choose one from the list: this one is unknown or not yours to see."
            )

    def clean(self):
        data = super().clean()
        for problem in figures.check_period(data.get("start"), data.get("end")):
            if problem != "period_missing" or not self.errors:
                self.add_error("end", self.MESSAGES[problem])
        return data
