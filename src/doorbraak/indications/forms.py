"""The indication screens' forms. The rules are checked by the services (page, API and tests
refuse for the same reasons, in the same words); the forms parse and offer the choices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.budget.forms import DutchAmountField
from doorbraak.escalation.forms import DateInput, long_text
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

from .services import ADJUST, AGREE, ASK


def _short(label, help_text=""):
    return forms.CharField(
        label=label, max_length=limits.SHORT_TEXT, required=False, help_text=help_text
    )


def _euro(label, help_text=""):
    """An amount typed as the professionals write it: "21,80" as well as "21.80" (it took
    only the dot, while the page shows the advice as "€ 21,80")."""
    return DutchAmountField(label=label, required=False, help_text=help_text, allow_negative=True)


class IndicationForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("reported_on", "need", "own_capacity", "provision", "scope", "contribution")

    reported_on = forms.DateField(
        label=_("Date of the report (melding)"),
        widget=DateInput(),
        required=False,
        help_text=_("The investigation is due within six weeks (Wmo 2015 art. 2.3.2)."),
    )
    applied_on = forms.DateField(
        label=_("Date of the application (aanvraag)"),
        widget=DateInput(),
        required=False,
        help_text=_("If already received. The decision is due within two weeks (art. 2.3.5)."),
    )
    need = long_text(_("Need for support"), help_text=_("What can the resident no longer do?"))
    own_capacity = long_text(
        _("Own capacity (eigen kracht)"), help_text=_("What can the resident still do themselves?")
    )
    informal_care = long_text(
        _("Informal care (mantelzorg)"), help_text=_("Who helps, and how much can they carry?")
    )
    provision = _short(_("Proposed provision"), _("For example: huishoudelijke ondersteuning."))
    scope = _short(_("Scope"), _("For example: 3 hours a week, for a year."))
    contribution = _euro(
        _("Personal contribution (€)"), _("The eigen bijdrage per period; 0 if none.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("provision", "scope"):
            self.fields[name].widget.attrs.pop("maxlength", None)


class ReviewForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("outcome",)

    outcome = forms.ChoiceField(
        label=_("Your review"),
        choices=[
            (AGREE, _("Agree with the advice")),
            (ASK, _("Ask the adviser a question")),
            (ADJUST, _("Adjust, with reasons")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    question = long_text(_("Question for the adviser"), help_text=_("Only when you ask."))
    decided_on = forms.DateField(
        label=_("Date of the decision"),
        widget=DateInput(),
        required=False,
        help_text=_("When you agree or adjust."),
    )
    reasons = long_text(_("Reasons for the adjustment"), help_text=_("Only when you adjust."))
    provision = _short(_("Provision decided"), _("Only when it differs from the advice."))
    scope = _short(_("Scope decided"), _("Only when it differs from the advice."))
    contribution = _euro(
        _("Personal contribution decided (€)"), _("Only when it differs from the advice.")
    )
    applied_on = forms.DateField(
        label=_("Date of the application (aanvraag)"),
        widget=DateInput(),
        required=False,
        help_text=_("Not yet known on the advice: give it if received."),
    )

    def __init__(self, *args, ask_applied=False, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("provision", "scope"):
            self.fields[name].widget.attrs.pop("maxlength", None)
        if not ask_applied:  # known from the advice
            del self.fields["applied_on"]


class AnswerForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("answer",)

    answer = long_text(_("Your answer"), rows=4)
