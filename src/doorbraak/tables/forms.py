"""The table screens' forms. They parse and offer choices; the services refuse (in Dutch,
per field) so the page, the API and the tests say the same."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import User
from doorbraak.escalation.forms import DateInput
from doorbraak.escalation.models import Status
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.funds.models import Fund
from doorbraak.text_validators import TextLimitsMixin

from .models import ConsentScope, Table

ACTION_ROWS = 2


def _text(label, *, help_text="", rows=3):
    return forms.CharField(
        label=label,
        required=False,
        max_length=limits.TEXT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class MeetingForm(UtrechtFormMixin, forms.Form):
    not_optional = ("table", "date")

    table = forms.ModelChoiceField(
        label=_("Table"), queryset=Table.objects.none(), required=False, empty_label=_("Choose…")
    )
    date = forms.DateField(label=_("Date of the meeting"), required=False, widget=DateInput())

    def __init__(self, *args, tables, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table"].queryset = tables


class ItemAddForm(UtrechtFormMixin, forms.Form):
    not_optional = ("escalation",)

    escalation = forms.TypedChoiceField(
        label=_("Escalated item"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["escalation"].choices = [("", _("Choose…")), *candidates]


class ItemDecisionForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("outcome", "decision", "legitimacy", "involvement", "returns")

    outcome = forms.ChoiceField(label=_("Outcome"), widget=forms.RadioSelect, required=False)
    decision = _text(_("Decision of the table"), help_text=_("Without the household's name."))
    legitimacy = _text(_("Legitimacy"), help_text=_("Does it fit law, policy and purpose?"))
    involvement = _text(
        _("Involvement"), help_text=_("What does it mean for the household and the partners?")
    )
    returns = _text(_("Return"), help_text=_("What does it yield, what does it prevent?"))
    amount = forms.DecimalField(
        label=_("Amount (EUR)"),
        max_digits=12,
        decimal_places=2,
        required=False,
        localize=True,
        help_text=_("Only when money is needed: the request's total."),
    )
    fund = forms.ModelChoiceField(
        label=_("From fund"), queryset=Fund.objects.none(), required=False, empty_label=_("Choose…")
    )

    def __init__(self, *args, funds, owners, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Status.choices)
        self.fields["outcome"].choices = [(o, labels[o]) for o in ("opgelost", "niet-geschikt")]
        self.fields["fund"].queryset = funds
        for n in range(ACTION_ROWS):
            self.fields[f"action{n}_owner"].queryset = owners

    def data_for_service(self) -> dict:
        data = self.cleaned_data
        return {
            "outcome": data.get("outcome"),
            "decision": data.get("decision") or "",
            "legitimacy": data.get("legitimacy") or "",
            "involvement": data.get("involvement") or "",
            "returns": data.get("returns") or "",
            "amount": data.get("amount"),
            "fund": data.get("fund"),
            "actions": [
                {
                    "owner": data.get(f"action{n}_owner"),
                    "description": data.get(f"action{n}_description") or "",
                    "due_date": data.get(f"action{n}_due_date"),
                }
                for n in range(ACTION_ROWS)
            ],
        }


_what = lazy(lambda n: gettext("Commitment %(n)s: what will the organisation do") % {"n": n}, str)
_owner = lazy(lambda n: gettext("Commitment %(n)s: owner") % {"n": n}, str)
_due = lazy(lambda n: gettext("Commitment %(n)s: due date") % {"n": n}, str)

for _n in range(ACTION_ROWS):
    ItemDecisionForm.base_fields[f"action{_n}_description"] = _text(_what(_n + 1), rows=2)
    ItemDecisionForm.base_fields[f"action{_n}_owner"] = forms.ModelChoiceField(
        label=_owner(_n + 1),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Choose…"),
    )
    ItemDecisionForm.base_fields[f"action{_n}_due_date"] = forms.DateField(
        label=_due(_n + 1),
        required=False,
        widget=DateInput(),
    )


class ConsentForm(UtrechtFormMixin, forms.Form):
    not_optional = ("member", "table", "scope", "valid_from", "valid_until")

    member = forms.TypedChoiceField(
        label=_("Given by"), coerce=int, required=False, empty_value=None
    )
    table = forms.ModelChoiceField(
        label=_("Shared with"),
        queryset=Table.objects.none(),
        required=False,
        empty_label=_("Choose…"),
    )
    scope = forms.ChoiceField(
        label=_("What may be shared"),
        choices=ConsentScope.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    valid_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    valid_until = forms.DateField(
        label=_("Until"),
        required=False,
        widget=DateInput(),
        help_text=_("Required: consent always ends. Withdrawing is possible at any time."),
    )

    def __init__(self, *args, members, tables, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [("", _("Choose…")), *members]
        self.fields["table"].queryset = tables


def owners():
    return (
        User.objects.filter(is_active=True)
        .exclude(role="")
        .exclude(role="beheerder")
        .select_related("organisation")
        .order_by("first_name", "last_name", "username")
    )
