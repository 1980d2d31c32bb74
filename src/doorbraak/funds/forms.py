"""Forms for handling a fund's payments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

#: Same bound as the cancel_reason field.
REASON_MAX = 1000


class BatchCancelForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why is the batch cancelled?"),
        help_text=_(
            "Payments of approved requests go back to 'to be paid' and come in the next batch; "
            "those of withdrawn requests lapse. Do not send this batch's SEPA file to the bank."
        ),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
