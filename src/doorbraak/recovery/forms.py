"""Forms of the hersteloperatie pages."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

from . import plan_template
from .models import DebtStatus, MarkSource


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MarkForm(UtrechtFormMixin, forms.Form):
    source = forms.ChoiceField(
        label=_("Source"), choices=MarkSource.choices, widget=forms.RadioSelect
    )
    marked_on = forms.DateField(
        label=_("Date"),
        widget=DateInput(),
        help_text=_("When the household was recognised or reported itself."),
    )


class DebtForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    name_fields = ("creditor",)

    creditor = forms.CharField(
        label=_("Creditor"),
        max_length=limits.NAME,
        help_text=_("For example: Gemeente (belastingen), woningcorporatie, CJIB"),
    )
    amount = forms.DecimalField(
        label=_("Amount (EUR)"), max_digits=12, decimal_places=2, min_value=0.01
    )
    status = forms.ChoiceField(label=_("Status"), choices=DebtStatus.choices)
    status_date = forms.DateField(label=_("Date"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"status_date": timezone.localdate()})
        super().__init__(*args, **kwargs)


class DebtStatusForm(UtrechtFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=DebtStatus.choices)
    status_date = forms.DateField(label=_("Date"), widget=DateInput())


class PlanForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    """The fresh-start plan: the goal, what the household does itself, and per life domain
    the support needed (the question of the template as help text)."""

    goal = forms.CharField(
        label=_("What the household wants in a year"),
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    own_contribution = forms.CharField(
        label=_("What the household does itself"),
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for domain in plan_template.DOMAINS:
            self.fields[domain.key] = forms.CharField(
                label=domain.label,
                help_text=domain.question,
                required=False,
                max_length=limits.TEXT,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self) -> dict[str, str]:
        return {d.key: self.cleaned_data.get(d.key, "") for d in plan_template.DOMAINS}
