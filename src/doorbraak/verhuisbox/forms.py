"""The VerhuisboxPlus forms. They parse and offer choices; the services check the rules (the
same refusals for the pages and the API)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.cases.models import Case
from doorbraak.escalation.forms import DateInput
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.funds.models import Fund
from doorbraak.text_validators import TextLimitsMixin

from .models import CostKind, StopReason


def _text(label, *, help_text="", rows=3, max_length=limits.TEXT):
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _line(label, *, help_text="", max_length=limits.NAME):
    return forms.CharField(label=label, required=False, max_length=max_length, help_text=help_text)


def _date(label, *, help_text=""):
    return forms.DateField(label=label, required=False, widget=DateInput(), help_text=help_text)


def _amount(label, *, help_text=""):
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=9,
        decimal_places=2,
        localize=True,
        help_text=help_text,
    )


class Form(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    pass


class RegisterForm(Form):
    not_optional = (
        "case",
        "fund",
        "registered_on",
        "no_heavy_addiction",
        "no_large_debts",
        "landlord_statement",
    )

    case = forms.ModelChoiceField(label=_("Case"), queryset=Case.objects.none(), required=False)
    registered_on = _date(_("Registered on"))
    fund = forms.ModelChoiceField(
        label=_("Fund the costs are paid from"),
        queryset=Fund.objects.none(),
        required=False,
        help_text=_("Registration fees, train tickets, first rent and basic furnishing."),
    )
    no_heavy_addiction = forms.BooleanField(
        label=_("No heavy problems such as an addiction"), required=False
    )
    no_large_debts = forms.BooleanField(label=_("No large debts"), required=False)
    landlord_statement = forms.BooleanField(
        label=_("Landlord statement (verhuurdersverklaring) present"), required=False
    )
    intensive_help = forms.BooleanField(
        label=_("Intensive help"),
        required=False,
        initial=True,
        help_text=_("Help with registering on housing sites and responding to offers."),
    )

    def __init__(self, *args, funds, cases=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = funds
        if cases is None:
            del self.fields["case"]
        else:
            self.fields["case"].queryset = cases


class AdviceForm(Form):
    not_optional = ("advice_on", "goals", "regions", "voluntary_discussed")

    advice_on = _date(_("Date of the advice conversation"))
    goals = _text(_("Goals"), help_text=_("What the resident wants, agreed together."))
    regions = _text(
        _("Regions considered"),
        help_text=_("Staying in the region is possible too; the search then takes longer."),
        rows=2,
    )
    voluntary_discussed = forms.BooleanField(
        label=_("Said that moving is voluntary"),
        required=False,
        help_text=_("It is a possibility in which we support the resident, not an obligation."),
    )


class SiteForm(Form):
    not_optional = ("name", "fee", "registered_on")
    name_fields = ("name",)

    name = _line(_("Housing site"))
    fee = _amount(_("Registration fee (EUR)"), help_text=_("Paid in kind from the fund."))
    registered_on = _date(_("Registered on"))


class CostForm(Form):
    not_optional = ("kind", "amount", "supplier", "paid_on")
    name_fields = ("supplier",)

    kind = forms.ChoiceField(
        label=_("What for"),
        required=False,
        choices=[("", "—"), *CostKind.choices],
    )
    amount = _amount(_("Amount (EUR)"))
    supplier = _line(_("Paid to"), help_text=_("The supplier or landlord: never cash."))
    paid_on = _date(_("Paid on"))


class StopForm(Form):
    not_optional = ("reason", "ended_on")

    reason = forms.ChoiceField(
        label=_("Reason"), required=False, widget=forms.RadioSelect, choices=StopReason.choices
    )
    note = _text(_("Explanation"), help_text=_("Required for another reason."))
    ended_on = _date(_("Ended on"))


class HousedForm(Form):
    not_optional = ("housed_on",)

    housed_on = _date(_("Moved in on"))


class HandoverForm(Form):
    not_optional = ("municipality", "contact_person", "shared", "consent_by", "handover_on")
    name_fields = ("municipality", "contact_person")

    municipality = _line(_("Receiving municipality"))
    contact_person = _line(_("Contact person"))
    shared = _text(
        _("What was shared"),
        help_text=_("Only what the receiving municipality needs, e.g. a need for social work."),
    )
    consent_by = _line(
        _("With whose consent"),
        help_text=_("For example: the resident, orally on the date of the hand-over."),
        max_length=limits.SHORT_TEXT,
    )
    handover_on = _date(_("Date of the hand-over"))


class BijstandForm(Form):
    not_optional = ("due_date",)

    due_date = _date(
        _("Check on"),
        help_text=_("When the new application in the receiving municipality should be made."),
    )
