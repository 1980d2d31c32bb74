"""Forms for a generic decision and for one outreach attempt. The criteria's errors come from
services.check_criteria, so the page and the API say the same."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation
from doorbraak.escalation.forms import DateInput
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.learning.models import Pattern, Rule
from doorbraak.learning.workflow import OPEN_PATTERNS
from doorbraak.text_validators import TextLimitsMixin
from doorbraak.ui import formatting

from .models import AttemptOutcome


class DecisionForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("organisation", "catalogue_rule", "rule", "period_start", "period_end")

    title = forms.CharField(
        label=_("Title"),
        max_length=limits.SHORT_TEXT,
        help_text=_("For example: no recovery of WIA advances 2020–2022."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all(), required=False
    )
    catalogue_rule = forms.ModelChoiceField(
        label=_("Rule from the catalogue"),
        queryset=Rule.objects.none(),
        required=False,
        help_text=_("A blocker matches when its rule is this rule or contains it."),
    )
    rule = forms.CharField(
        label=_("Or describe the rule"),
        max_length=limits.TEXT,
        required=False,
        help_text=_("Words that the blockers' rule contains, e.g. “voorschot WIA”."),
    )
    period_start = forms.DateField(label=_("Period from"), required=False, widget=DateInput())
    period_end = forms.DateField(label=_("Period to"), required=False, widget=DateInput())
    max_amount = forms.DecimalField(
        label=_("Maximum amount waived (EUR)"),
        max_digits=12,
        decimal_places=2,
        required=False,
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        max_length=limits.TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why the whole group gets this decision."),
    )
    legal_ground = forms.CharField(
        label=_("Legal ground"),
        max_length=limits.TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    pattern = forms.ModelChoiceField(
        label=_("From pattern"), queryset=Pattern.objects.none(), required=False
    )

    def __init__(self, *args, preview=False, **kwargs):
        super().__init__(*args, **kwargs)
        if preview:  # how many cases match needs only the criteria
            self.fields["title"].required = self.fields["reasons"].required = False
            self.mark_not_optional(("title", "reasons"))
        self.fields["rule"].widget.attrs.pop("maxlength", None)
        self.fields["catalogue_rule"].queryset = Rule.objects.filter(active=True).select_related(
            "organisation"
        )
        self.fields["catalogue_rule"].label_from_instance = lambda r: (
            f"{r.organisation.name}: {formatting.shorten(r.title, 80)}"
        )
        self.fields["pattern"].queryset = Pattern.objects.filter(
            status__in=OPEN_PATTERNS
        ).select_related("organisation")
        self.fields["pattern"].label_from_instance = lambda p: (
            f"{p.reference} · {p.organisation.name}: {formatting.shorten(p.summary, 60)}"
        )


class AttemptForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=AttemptOutcome.choices, widget=forms.RadioSelect
    )
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    note = forms.CharField(
        label=_("Short note"),
        max_length=limits.SHORT_TEXT,
        required=False,
        help_text=_("Short, without names or other personal details: those are removed."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)
