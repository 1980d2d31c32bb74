"""Rows of the calculator (solution items and avoided costs), shared by the calculator page
and the request form. Empty rows are ignored; each row becomes the API's JSON shape."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin
from doorbraak.ui import display

from . import calculator
from .models import PAYER_CHOICES, UNIT_CHOICES

PER_CHOICES = [(calculator.ONCE, _("once")), (calculator.MONTH, _("per month"))]
UNIT_LABELS = dict(UNIT_CHOICES)


def figure_choices(figures) -> list[tuple[str, str]]:
    return [("", _("— own amount —"))] + [
        (
            key,
            f"{f.label} ({display.euro(f.amount)} {UNIT_LABELS.get(f.unit, f.unit)}, "
            f"{f.price_year})",
        )
        for key, f in sorted(figures.items(), key=lambda item: item[1].label)
    ]


def _text(data, name) -> str:
    value = data.get(name)
    return "" if value is None else str(value)


class HorizonForm(UtrechtFormMixin, forms.Form):
    horizon_months = forms.IntegerField(
        label=_("Horizon (months)"),
        min_value=1,
        max_value=calculator.MAX_HORIZON_MONTHS,
        initial=12,
        help_text=_("Over how many months do you compare?"),
    )


class SolutionRowForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    label = forms.CharField(label=_("Solution"), max_length=text_limits.SHORT_TEXT, required=False)
    amount = forms.CharField(label=_("Amount (EUR)"), max_length=20, required=False)
    per = forms.ChoiceField(
        label=_("Once or per month"), choices=PER_CHOICES, initial=calculator.ONCE
    )
    months = forms.IntegerField(label=_("Months"), min_value=1, required=False)

    def as_item(self) -> dict | None:
        data = self.cleaned_data
        if not _text(data, "amount").strip():
            return None
        return {
            "label": _text(data, "label"),
            "amount": _text(data, "amount"),
            "per": data.get("per"),
            "months": data.get("months"),
        }


class AvoidedRowForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    figure = forms.ChoiceField(label=_("Cost figure"), required=False, choices=())
    quantity = forms.CharField(
        label=_("Quantity"),
        max_length=20,
        required=False,
        help_text=_("Years for a figure per year, months per month, cases per case."),
    )
    label = forms.CharField(
        label=_("Or: description"), max_length=text_limits.SHORT_TEXT, required=False
    )
    amount = forms.CharField(label=_("Own amount (EUR)"), max_length=20, required=False)
    per = forms.ChoiceField(
        label=_("Once or per month"), choices=PER_CHOICES, initial=calculator.ONCE
    )
    months = forms.IntegerField(label=_("Months"), min_value=1, required=False)
    probability = forms.CharField(
        label=_("Probability (0–1)"), max_length=10, required=False, initial="1"
    )
    probability_high = forms.CharField(label=_("Up to probability"), max_length=10, required=False)
    payer = forms.ChoiceField(
        label=_("Who would pay"),
        required=False,
        choices=[("", _("— as in the figure —")), *PAYER_CHOICES],
    )

    def __init__(self, *args, figures=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["figure"].choices = figure_choices(figures or {})

    def as_item(self) -> dict | None:
        data = self.cleaned_data
        figure, amount = data.get("figure"), _text(data, "amount").strip()
        if not figure and not amount:
            return None
        low, high = _text(data, "probability").strip(), _text(data, "probability_high").strip()
        item = {
            "probability": {"low": low or "1", "high": high} if high else (low or "1"),
            "payer": data.get("payer") or None,
        }
        if figure:
            item.update(figure=figure, quantity=_text(data, "quantity").strip() or "1")
            if data.get("label"):
                item["label"] = data["label"]
        else:
            item.update(
                label=_text(data, "label"),
                amount=amount,
                per=data.get("per"),
                months=data.get("months"),
            )
        return item


SolutionFormSet = forms.formset_factory(SolutionRowForm, extra=2, max_num=10)
AvoidedFormSet = forms.formset_factory(AvoidedRowForm, extra=3, max_num=20)


def avoided_formset(data=None, *, figures, prefix="avoided"):
    return AvoidedFormSet(data, prefix=prefix, form_kwargs={"figures": figures})


def rows(formset) -> list[dict]:
    return [item for form in formset.forms if (item := form.as_item()) is not None]


def error_lines(*parts) -> list[dict]:
    """Every field error of these forms and formsets as summary lines (label, message, the
    field's id to link to), in page order: an htmx answer that replaces only the outcome still
    says what is wrong and where."""
    lines = []
    for part in parts:
        for index, form in enumerate(getattr(part, "forms", None) or [part]):
            for error in getattr(part, "non_form_errors", list)() if index == 0 else []:
                lines.append({"label": "", "message": error, "id": ""})
            for field in form:
                for message in field.errors:
                    row = f" ({index + 1})" if hasattr(part, "forms") else ""
                    lines.append(
                        {"label": f"{field.label}{row}", "message": message, "id": field.auto_id}
                    )
    return lines
