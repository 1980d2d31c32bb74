from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Neighbourhood, Organisation, User
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.learning.forms import rule_field
from doorbraak.text_validators import TextLimitsMixin

from .bsn import InvalidBSN, normalise_bsn
from .models import HouseholdRole, LifeDomain


def valid_bsn(value: str) -> None:
    """The 11-check in the form, so a wrong BSN is named with the other problems at once (the
    service checks again before anything is saved)."""
    if value and value.strip():
        try:
            normalise_bsn(value.strip())
        except InvalidBSN:
            raise ValidationError(
                _("This is not a valid BSN: it must be 9 digits and pass the 11-check."),
                code="bsn",
            ) from None


def valid_birth_year(value: int | None) -> None:
    this_year = timezone.localdate().year
    if value is not None and not 1900 <= value <= this_year:
        raise ValidationError(
            _("Year of birth must be between 1900 and %(year)s.") % {"year": this_year},
            code="birth_year",
        )


class CaseOpenForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    name_fields = ("household_name", "given_name", "family_name")

    household_name = forms.CharField(
        label=_("Household name"),
        max_length=limits.NAME,
        help_text=_("For example: household Jansen"),
    )
    given_name = forms.CharField(label=_("Given name of the main resident"), max_length=100)
    family_name = forms.CharField(label=_("Family name"), max_length=150, required=False)
    birth_year = forms.IntegerField(
        label=_("Year of birth"), required=False, validators=[valid_birth_year]
    )
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=20,
        required=False,
        help_text=_("Only if needed. Stored encrypted; never shown in full."),
        validators=[valid_bsn],
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), required=False, queryset=Neighbourhood.objects.all()
    )
    question = forms.CharField(
        max_length=limits.TEXT,
        label=_("Question for help, in the resident's words"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    life_domains = forms.MultipleChoiceField(
        label=_("Life domains"),
        required=False,
        choices=LifeDomain.choices,
        widget=forms.CheckboxSelectMultiple,
    )


class MemberForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    name_fields = ("given_name", "family_name")

    given_name = forms.CharField(label=_("Given name"), max_length=100)
    family_name = forms.CharField(label=_("Family name"), max_length=150, required=False)
    household_role = forms.ChoiceField(label=_("Role in household"), choices=HouseholdRole.choices)
    birth_year = forms.IntegerField(
        label=_("Year of birth"), required=False, validators=[valid_birth_year]
    )
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=20,
        required=False,
        help_text=_("Only if needed. Stored encrypted; never shown in full."),
        validators=[valid_bsn],
    )


class NoteForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    text = forms.CharField(
        max_length=limits.LONG_TEXT,
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What did the resident tell? The next contact reads it."),
    )


class BlockerForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all()
    )
    # Suggestions from the rule catalogue (learning/); any other text stays allowed.
    rule = rule_field()
    effect = forms.CharField(
        max_length=limits.TEXT,
        label=_("Effect on the household"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    life_domain = forms.ChoiceField(label=_("Life domain"), choices=LifeDomain.choices)


class ResolveForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    resolution = forms.CharField(
        max_length=limits.TEXT,
        label=_("How was it resolved?"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PlanForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    goal = forms.CharField(
        max_length=limits.LONG_TEXT,
        label=_("What does the household want in a year?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    own_contribution = forms.CharField(
        max_length=limits.LONG_TEXT,
        label=_("What does the household do itself?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    support_needed = forms.CharField(
        max_length=limits.LONG_TEXT,
        label=_("What support is needed?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HandoverForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    to_user = forms.ModelChoiceField(label=_("New key worker"), queryset=User.objects.none())
    reason = forms.CharField(
        max_length=limits.TEXT,
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A household keeps one fixed contact. Why is a handover needed?"),
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["to_user"].queryset = candidates


class AccessForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    user = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.none())
    reason = forms.CharField(
        max_length=limits.TEXT, label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["user"].queryset = candidates


class CloseForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    reason = forms.CharField(
        max_length=limits.TEXT,
        label=_("Reason for closing"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReopenForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    reason = forms.CharField(
        max_length=limits.TEXT,
        label=_("Reason for reopening"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BsnSearchForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    bsn = forms.CharField(label=_("Search by BSN"), max_length=20)
