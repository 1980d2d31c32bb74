from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from doorbraak.cases.bsn import InvalidBSN, normalise_bsn
from doorbraak.forms_utrecht import UtrechtFormMixin


class HistoryForm(UtrechtFormMixin, forms.Form):
    bsn = forms.CharField(
        label=_("BSN"), max_length=20, required=False, help_text=_("9 digits, passes the 11-check")
    )
    case = forms.CharField(
        label=_("Case number"), max_length=12, required=False, help_text=_("For example: C-000123")
    )

    def clean_bsn(self) -> str:
        value = self.cleaned_data["bsn"].strip()
        if not value:
            return ""
        try:
            return normalise_bsn(value)
        except InvalidBSN:
            raise ValidationError(
                _("This is not a valid BSN: it must be 9 digits and pass the 11-check."),
                code="bsn",
            ) from None

    def clean_case(self) -> int | None:
        value = self.cleaned_data["case"].strip().upper().removeprefix("C-").lstrip("0")
        if not self.cleaned_data["case"].strip():
            return None
        if not value.isdigit():
            raise ValidationError(_("Enter a case number such as C-000123."), code="case")
        return int(value)

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("bsn") and not data.get("case"):
            raise ValidationError(_("Enter a BSN or a case number."), code="empty")
        return data
