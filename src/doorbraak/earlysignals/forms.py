"""The vroegsignalering screens' forms. The services check the rules; the forms parse."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.escalation.forms import DateInput
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

from . import workflow
from .models import CloseReason, Method, SignalStatus

#: An upload larger than this is refused before it is read (1M rows are about 120 MB).
MAX_UPLOAD = 256 * 1024 * 1024


class ImportForm(UtrechtFormMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV file from the signal partner"),
        help_text=_(
            "UTF-8, separated by semicolons, with the header "
            "soort_afzender;schuldeiser;bedrag;datum_achterstand;naam;geboortedatum;postcode;"
            "huisnummer;telefoon;email. Amounts as 1.234,56 or 1234.56, dates as dd-mm-jjjj."
        ),
        error_messages={"required": _("Choose a file.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 256 MB; split it."))
        return upload


class StepForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("status",)

    status = forms.ChoiceField(
        label=_("Next step"),
        choices=(),
        error_messages={"required": _("Choose the next step.")},
    )
    method = forms.ChoiceField(
        label=_("How (for a contact attempt)"),
        choices=[("", "—"), *Method.choices],
        required=False,
    )
    reason = forms.ChoiceField(
        label=_("Reason (for closing)"),
        choices=[("", "—"), *CloseReason.choices],
        required=False,
    )
    on = forms.DateField(label=_("Date"), required=False, widget=DateInput)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=limits.TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(SignalStatus.choices)
        order = [s for s in workflow.STATUSES if s in workflow.ALLOWED.get(current, set())]
        self.fields["status"].choices = [
            (s, _("another contact attempt") if s == current else labels[s]) for s in order
        ]
