"""The werktafel and structural solution forms. They parse and offer the choices; the services
refuse (in Dutch, per field), so the pages, the API and the tests say the same."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation, User
from doorbraak.escalation.forms import DateInput, long_text
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.home.menu import PATTERN_ROLES
from doorbraak.text_validators import TextLimitsMixin

from . import rules
from .models import SolutionKind
from .services import MAATWERKLOKET


def _date(label, **kwargs):
    return forms.DateField(label=label, required=False, widget=DateInput(), **kwargs)


class WorkTableForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("title", "session1", "session2", "session3")

    title = forms.CharField(label=_("Title"), max_length=limits.SHORT_TEXT, required=False)
    question = long_text(
        _("Question for the werktafel"),
        help_text=_("What should the werktafel find out or solve?"),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations taking part"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    departments = long_text(
        _("Departments and other participants"),
        help_text=_("One per line, for example: Klantcontactcentrum (gemeente)."),
    )
    session1 = _date(_("Date of session 1"))
    session2 = _date(_("Date of session 2"))
    session3 = _date(_("Date of session 3"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = Organisation.objects.order_by("name")
        self.mark_not_optional(["organisations"])

    def data_for_service(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data.get("title") or "",
            "question": data.get("question") or "",
            "organisations": list(data.get("organisations") or []),
            "departments": (data.get("departments") or "").splitlines(),
            "session_dates": [data.get(f"session{n}") for n in range(1, 4)],
        }


class SessionForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("date",)

    date = _date(_("Date"))
    held = forms.BooleanField(label=_("This session has been held"), required=False)
    perspective = long_text(
        _("Waar stukt het systeem?"),
        help_text=_("The resident's perspective: where does the resident get stuck?"),
        rows=4,
    )
    notes = long_text(
        _("Notes"),
        help_text=_("Names and other personal details are removed before saving."),
        rows=5,
    )


class SessionAddForm(UtrechtFormMixin, forms.Form):
    not_optional = ("date",)

    date = _date(_("Date of the new session"))


class OutcomeForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("text",)

    text = long_text(
        _("Outcome"),
        help_text=_("What did the werktafel find or agree? Without names of residents."),
    )


def owner_choices():
    """People who can own a structural solution: the adviser and the pattern roles."""
    return User.objects.filter(
        is_active=True, role__in=[*PATTERN_ROLES, "beleidsadviseur"]
    ).order_by("first_name", "last_name", "username")


class SolutionForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("title", "kind", "owner", "proposed_on")

    title = forms.CharField(label=_("Title"), max_length=limits.SHORT_TEXT, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=SolutionKind.choices, widget=forms.RadioSelect, required=False
    )
    description = long_text(_("What changes?"), rows=4)
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Choose…"),
        help_text=_("Or write the owner down below, e.g. someone outside Doorbraak."),
    )
    owner_text = forms.CharField(
        label=_("Owner (other)"), max_length=limits.SHORT_TEXT, required=False
    )
    proposed_on = _date(_("Proposed on"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owner_choices()
        self.fields["owner"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.role_label})"
        )


class StepForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("on",)

    on = _date(_("Date of this step"))
    evaluation = long_text(_("What did the evaluation find?"), rows=4)

    def __init__(self, *args, next_status=None, **kwargs):
        super().__init__(*args, **kwargs)
        if next_status != rules.EVALUATED:
            del self.fields["evaluation"]
        else:
            self.mark_not_optional(["evaluation"])


class SendForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("sent_on", "recipient")

    sent_on = _date(_("Sent on"))
    recipient = forms.CharField(
        label=_("Sent to"), max_length=limits.SHORT_TEXT, required=False, initial=MAATWERKLOKET
    )
