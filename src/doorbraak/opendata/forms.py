"""The period of an export (reused English msgids of the dashboard's filter, Dutch in the po)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak.escalation.forms import DateInput
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.reports import figures


class PeriodForm(UtrechtFormMixin, forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("Up to and including"), widget=DateInput())

    MESSAGES = {
        "period_missing": _("Give a start and an end date."),
        "period_backwards": _("The end date lies before the start date."),
        "period_too_long": _("Choose a period of at most ten years."),
    }

    def clean(self):
        data = super().clean()
        for problem in figures.check_period(data.get("start"), data.get("end")):
            if problem != "period_missing" or not self.errors:
                self.add_error("end", self.MESSAGES[problem])
        return data
