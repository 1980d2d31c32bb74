"""Forms of the data-subject rights and retention pages. The services check the rules; the
forms parse and offer the choices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

from .models import RequestState


def _text(label, *, help_text="", required=True):
    return forms.CharField(
        label=label,
        required=required,
        max_length=limits.TEXT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Add a short explanation.")},
    )


class BsnForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    bsn = forms.CharField(
        label=_("BSN of the person"),
        max_length=20,
        help_text=_("9 digits. The BSN is not stored and never appears in a web address."),
        error_messages={"required": _("Fill in the BSN.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )


class RestrictForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    reason = _text(
        _("Reason for the restriction"),
        help_text=_("For example: the person contests the accuracy of the data (AVG art. 18)."),
    )


class LiftForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    lift_reason = _text(_("Reason for lifting the restriction"))


class RectificationForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    case = forms.ChoiceField(label=_("Case file concerned"), required=False)
    description = _text(
        _("What is incorrect or incomplete"),
        help_text=_("The key worker makes the correction in the case file."),
    )

    def __init__(self, *args, cases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].choices = [("", _("No particular case"))] + [
            (str(c.pk), c.reference) for c in cases
        ]


class HandleForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    state = forms.ChoiceField(
        label=_("Outcome"),
        widget=forms.RadioSelect,
        choices=[
            (RequestState.DONE, _("corrected")),
            (RequestState.REFUSED, _("refused")),
        ],
        error_messages={"required": _("Choose how the request was handled.")},
    )
    handling = _text(_("How it was handled"))


class ProposeForm(UtrechtFormMixin, forms.Form):
    kind = forms.CharField(widget=forms.HiddenInput)
