"""Forms of the budget pages. `DutchAmountField` takes "1.234,56" as well as "1234.56" and
refuses an ambiguous "1,234" with a Dutch message; the services check again (API and pages
refuse the same input)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

from .messages import message
from .models import CostKind, DebtKind, HouseholdKind, IncomeKind
from .money import AmountError, parse_amount
from .plan import MAX_MONTHS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DutchAmountField(forms.Field):
    """An amount in euros typed in Dutch ("1.234,56") or plain ("1234.56") notation."""

    widget = forms.TextInput
    max_length = 20

    def __init__(self, *, positive: bool = False, allow_negative: bool = False, **kwargs):
        self.positive = positive
        #: parse a negative amount too and leave the range to the service (its own message)
        self.allow_negative = allow_negative
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", str(self.max_length))
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("autocomplete", "off")
        self.widget.attrs["class"] = "utrecht-textbox--numeric db-amount"

    def to_python(self, value):
        text = "" if value is None else str(value).strip()
        if text in self.empty_values:
            return None
        if len(text) > self.max_length:
            raise ValidationError(message("invalid"), code="invalid")
        try:
            amount = parse_amount(text, allow_negative=self.allow_negative)
        except AmountError as error:
            raise ValidationError(message(error.code), code=error.code) from None
        if self.positive and amount <= 0:
            raise ValidationError(message("zero"), code="zero")
        return amount


class CheckStartForm(UtrechtFormMixin, forms.Form):
    case = forms.ModelChoiceField(label=_("Case"), queryset=None, empty_label=_("Choose…"))
    household_kind = forms.ChoiceField(
        label=_("Household situation"),
        choices=HouseholdKind.choices,
        widget=forms.RadioSelect,
        help_text=_("Decides the bijstandsnorm the beslagvrije voet is taken from."),
    )
    pension_age = forms.BooleanField(label=_("Has reached the AOW age"), required=False)
    checked_on = forms.DateField(label=_("Date of the check"), widget=DateInput())

    def __init__(self, *args, cases, **kwargs):
        kwargs.setdefault("initial", {"checked_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.fields["case"].label_from_instance = lambda c: f"{c.household.name} ({c.reference})"


class IncomeForm(UtrechtFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of income"), choices=IncomeKind.choices)
    amount = DutchAmountField(
        label=_("Net amount per month (EUR)"),
        help_text=_('For example "1.234,56" or "1234.56".'),
    )


class CostForm(UtrechtFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of fixed cost"), choices=CostKind.choices)
    amount = DutchAmountField(
        label=_("Amount per month (EUR)"), help_text=_('For example "650,00" or "650.00".')
    )


class DebtForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    name_fields = ("creditor",)

    creditor = forms.CharField(
        label=_("Creditor"),
        max_length=limits.NAME,
        help_text=_("For example: woningcorporatie, energieleverancier, CJIB"),
    )
    kind = forms.ChoiceField(
        label=_("Kind of debt"),
        choices=DebtKind.choices,
        help_text=_("Rent, energy, health insurance and taxes are priority debts."),
    )
    amount = DutchAmountField(label=_("Amount owed (EUR)"), positive=True)
    arrears = DutchAmountField(
        label=_("Of which in arrears (EUR)"),
        required=False,
        help_text=_("The part that is overdue now."),
    )


class PlanForm(UtrechtFormMixin, forms.Form):
    months = forms.CharField(
        label=_("Number of months"),
        max_length=4,
        initial=MAX_MONTHS,
        help_text=_("At most 36 months."),
    )
    priority_first = forms.BooleanField(
        label=_("Priority debts first (rent, energy, health insurance, taxes)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["months"].widget.attrs.update(
            {"inputmode": "numeric", "class": "utrecht-textbox--numeric db-amount"}
        )

    def clean_months(self):
        value = (self.cleaned_data.get("months") or "").strip()
        if not value.isdigit() or not 1 <= int(value) <= MAX_MONTHS:
            raise ValidationError(message("months"), code="months")
        return int(value)
