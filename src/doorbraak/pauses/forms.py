"""The pause screens' forms. The rules are checked by the services (page, API and tests refuse
for the same reasons, in the same words); the forms parse and offer the choices."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation
from doorbraak.escalation.forms import DateInput, long_text
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

from .models import Measure, Outcome


class PauseForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = (
        "organisation",
        "measure",
        "benefit",
        "reason",
        "starts_on",
        "weeks",
        "review_on",
    )

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("Whose measure is paused."),
    )
    measure = forms.ChoiceField(
        label=_("What is paused"), choices=Measure.choices, widget=forms.RadioSelect, required=False
    )
    benefit = forms.CharField(
        label=_("Benefit or scheme"),
        max_length=limits.SHORT_TEXT,
        required=False,
        help_text=_("For example: bijstandsuitkering (Participatiewet)."),
    )
    reason = long_text(
        _("Why"),
        help_text=_("What must be investigated before the measure goes ahead?"),
        rows=3,
    )
    starts_on = forms.DateField(label=_("First day"), widget=DateInput(), required=False)
    weeks = forms.IntegerField(
        label=_("Number of weeks"), required=False, min_value=1, max_value=52
    )
    review_on = forms.DateField(
        label=_("Review date"),
        widget=DateInput(),
        required=False,
        help_text=_("Within the pause. The review appears in My actions on this date."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["weeks"].help_text = _(
            "8 weeks by default. Longer than %(max)s weeks needs a colleague's approval."
        ) % {"max": settings.DOORBRAAK_PAUSE_MAX_WEEKS}
        for name in ("benefit",):
            self.fields[name].widget.attrs.pop("maxlength", None)


class ApprovalForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("decision",)

    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("goedkeuren", _("Approve the pause")), ("afwijzen", _("Do not approve"))],
        widget=forms.RadioSelect,
        required=False,
    )
    note = long_text(_("Note"), help_text=_("Required when you do not approve."), rows=2)


class ReviewForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("outcome", "reasons")

    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect, required=False
    )
    reasons = long_text(_("Reasons"), rows=4)
    care_path = long_text(
        _("Start a care path"),
        help_text=_(
            "Optional. Becomes a follow-up action for the key worker, e.g. a care path "
            "against isolation."
        ),
        rows=2,
    )
    care_due = forms.DateField(label=_("Care path started by"), widget=DateInput(), required=False)
