"""The escalation screens' forms. Fields the rules require are validated by the services (so
the page, the API and the tests refuse for the same reasons, in the same words); the forms
only parse and offer the choices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Mandate, Organisation, User
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.funds.models import Fund
from doorbraak.text_validators import TextLimitsMixin

from . import workflow
from .models import Escalation, Status


def long_text(label, *, help_text="", rows=3, required=False):
    """A text area of at most `limits.TEXT` characters (also used by worktables/forms.py)."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=limits.TEXT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class EscalateForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("item", "question", "tried")

    item = forms.ChoiceField(label=_("What do you escalate?"), required=False)
    level = forms.TypedChoiceField(label=_("To level"), coerce=int, required=False)
    question = long_text(
        _("Question for this level"),
        help_text=_("What should this level decide? Write it without the household's name."),
    )
    tried = long_text(_("What was tried already"), help_text=_("Funds, provisions, conversations."))
    skip_reason = long_text(
        _("Why skip a level"), help_text=_("Only when you go higher than the next level."), rows=2
    )

    def __init__(self, *args, items, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", _("Choose…")), *items]
        self.fields["level"].choices = levels


class DecisionForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("outcome", "reasons")

    outcome = forms.ChoiceField(label=_("Outcome"), widget=forms.RadioSelect, required=False)
    reasons = long_text(_("Decision and reasons"), rows=4)
    amount = forms.DecimalField(
        label=_("Amount (EUR)"),
        max_digits=12,
        decimal_places=2,
        required=False,
        localize=True,
        help_text=_("Only when this level decides money."),
    )
    fund = forms.ModelChoiceField(
        label=_("From fund"), queryset=Fund.objects.none(), required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Exception made by"), queryset=Organisation.objects.none(), required=False
    )
    action_description = long_text(_("Follow-up action"), rows=2)
    action_owner = forms.ModelChoiceField(
        label=_("Owner of the action"), queryset=User.objects.none(), required=False
    )
    action_due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args, outcomes, funds, owners, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Status.choices)
        self.fields["outcome"].choices = [(o, labels[o]) for o in outcomes]
        self.fields["fund"].queryset = funds
        self.fields["organisation"].queryset = Organisation.objects.all()
        self.fields["action_owner"].queryset = owners

    def action(self) -> dict | None:
        data = self.cleaned_data
        if not any(data.get(f) for f in ("action_description", "action_owner", "action_due_date")):
            return None
        return {
            "owner": data.get("action_owner"),
            "description": data.get("action_description") or "",
            "due_date": data.get("action_due_date"),
        }


class ActionForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("description", "owner", "due_date")

    description = long_text(_("What must be done"), rows=2)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none(), required=False)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class DoneForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("note",)

    note = long_text(_("What was done"), rows=2)


DECIDER_CHOICES = tuple(workflow.DECISIONS)


class MandateUseForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    """A decision taken with a mandate. The service checks validity and scope."""

    not_optional = (
        "mandate",
        "overruled_organisation",
        "overruled_rule",
        "earlier_refusal",
        "decision",
        "reasons",
        "reconciliation_due",
    )

    mandate = forms.ModelChoiceField(
        label=_("Mandate"), queryset=Mandate.objects.none(), required=False
    )
    escalation = forms.ModelChoiceField(
        label=_("Escalation this decides"),
        queryset=Escalation.objects.none(),
        required=False,
        help_text=_("Optional: the item on the route this decision solves."),
    )
    overruled_organisation = forms.ModelChoiceField(
        label=_("Overruled organisation"), queryset=Organisation.objects.none(), required=False
    )
    overruled_department = forms.CharField(
        label=_("Overruled department"),
        max_length=limits.NAME,
        required=False,
        help_text=_("For example: Maatschappelijke opvang (toegang)."),
    )
    overruled_rule = forms.CharField(
        label=_("Overruled rule or policy"), max_length=limits.SHORT_TEXT, required=False
    )
    earlier_refusal = long_text(
        _("Earlier refusal"),
        help_text=_("What was refused, by whom and when. Without the household's name."),
        rows=2,
    )
    decision = long_text(_("Your decision"), rows=2)
    reasons = long_text(_("Reasons"), help_text=_("Why the rule does not fit here."), rows=4)
    amount = forms.DecimalField(
        label=_("Amount (EUR)"),
        max_digits=12,
        decimal_places=2,
        required=False,
        localize=True,
        help_text=_("Only when the decision costs money."),
    )
    reconciliation_due = forms.DateField(
        label=_("Reconciliation talk by"),
        required=False,
        widget=DateInput(),
        help_text=_("You talk with the overruled department afterwards."),
    )

    def __init__(self, *args, mandates, escalations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mandate"].queryset = mandates
        self.fields["mandate"].label_from_instance = lambda m: f"{m.organisation} · {m.scope[:80]}"
        self.fields["escalation"].queryset = escalations
        self.fields["escalation"].label_from_instance = lambda e: (
            f"{e.reference} · {e.request.reference if e.request_id else e.blocker.rule[:60]}"
        )
        self.fields["overruled_organisation"].queryset = Organisation.objects.order_by("name")
