"""The LET screens' forms. The services check the rules (same refusals for pages and API);
the forms parse and offer the choices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation, OrganisationKind
from doorbraak.escalation.forms import DateInput
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

from . import rules
from .models import LegalGround, SubmissionStatus

#: Organisations the LET deals with: national implementing organisations and insurers.
NATIONAL_KINDS = (
    OrganisationKind.UWV,
    OrganisationKind.SVB,
    OrganisationKind.DUO,
    OrganisationKind.CJIB,
    OrganisationKind.TAX_BENEFITS,
    OrganisationKind.HEALTH_INSURER,
)


def _text(label, *, help_text="", rows=3, max_length=limits.TEXT):
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def national_organisations():
    return Organisation.objects.filter(kind__in=NATIONAL_KINDS).order_by("name")


class SubmitForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("summary", "question", "organisations")

    summary = _text(
        _("Summary of the situation"),
        help_text=_(
            "What happened and where the household is stuck. Names, addresses and numbers are "
            "taken out before it is stored; check the result before you submit."
        ),
        rows=6,
    )
    question = _text(_("Question to the LET"), help_text=_("Which exception is needed?"))
    organisations = forms.ModelMultipleChoiceField(
        label=_("National organisations involved"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = national_organisations()


class TriageForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("outcome",)

    outcome = forms.ChoiceField(
        label=_("How the Maatwerkloket takes it up"),
        widget=forms.RadioSelect,
        required=False,
        choices=[(o, SubmissionStatus(o).label) for o in rules.TRIAGE_OUTCOMES],
    )
    note = _text(
        _("Haakje or reason"),
        help_text=_("Solved in the voortraject: which haakje solved it. Not suitable: why."),
    )


class DecisionForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("organisation", "exception", "legal_ground", "reasons", "check_on")

    organisation = forms.ModelChoiceField(
        label=_("Organisation making the exception"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    exception = _text(_("Exception"), rows=2)
    legal_ground = forms.ChoiceField(
        label=_("Legal ground"),
        widget=forms.RadioSelect,
        required=False,
        choices=LegalGround.choices,
    )
    legal_ground_detail = forms.CharField(
        label=_("Law and article"),
        max_length=limits.SHORT_TEXT,
        required=False,
        help_text=_("Required for another legal ground."),
    )
    reasons = _text(
        _("Reasons"),
        help_text=_("Documented for later and to learn from: why this exception is right."),
        rows=4,
    )
    check_on = forms.DateField(
        label=_("Follow-up check on"),
        required=False,
        widget=DateInput(),
        help_text=_("Usually three months from now."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CheckForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("carried_out", "outcome")

    carried_out = forms.TypedChoiceField(
        label=_("Carried out as agreed?"),
        widget=forms.RadioSelect,
        required=False,
        choices=[("ja", _("Yes")), ("nee", _("No"))],
        coerce=lambda value: value == "ja",
        empty_value=None,
    )
    outcome = _text(_("How it ended"), rows=3)
