from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak.forms_utrecht import UtrechtFormMixin

from .models import AlternativeKind, Frequency, PriorProvision
from .queries import active_categories, active_legal_grounds, funds_for_team


class RequestForm(UtrechtFormMixin, forms.Form):
    blockers = forms.ModelMultipleChoiceField(
        label=_("Which blockers does this solve?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    solution = forms.CharField(
        label=_("Proposed solution"), widget=forms.Textarea(attrs={"rows": 3})
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=None, to_field_name="key")
    amount = forms.DecimalField(
        label=_("Amount (EUR)"),
        max_digits=12,
        decimal_places=2,
        initial=0,
        help_text=_("Per payment. May be 0: an exception by a partner, a mandate."),
    )
    frequency = forms.ChoiceField(
        label=_("One-off or recurring"),
        choices=Frequency.choices,
        initial=Frequency.ONCE,
        widget=forms.RadioSelect,
    )
    months = forms.IntegerField(
        label=_("Number of months (if monthly)"), required=False, min_value=1
    )
    supplier_name = forms.CharField(
        label=_("Supplier or creditor"),
        max_length=200,
        required=False,
        help_text=_("The money goes here, never to the resident."),
    )
    supplier_iban = forms.CharField(label=_("IBAN of the supplier"), max_length=42, required=False)
    prior_provisions = forms.MultipleChoiceField(
        label=_("Tried first (voorliggende voorzieningen)"),
        choices=PriorProvision.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    prior_provisions_note = forms.CharField(
        label=_("What came of them"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    recurrence_prevention = forms.CharField(
        label=_("How is recurrence prevented?"), widget=forms.Textarea(attrs={"rows": 2})
    )
    legal_ground = forms.ModelChoiceField(label=_("Legal ground"), queryset=None, required=False)
    legitimacy = forms.CharField(
        label=_("Legitimacy: why it is allowed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    legitimacy_na = forms.CharField(
        label=_("Or: legitimacy does not apply, because"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 1}),
    )
    involvement = forms.CharField(
        label=_("Involvement: what the household contributes, in their own words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    involvement_na = forms.CharField(
        label=_("Or: involvement does not apply, because"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 1}),
    )
    societal_return = forms.CharField(
        label=_("Return: which societal costs are avoided"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    societal_return_na = forms.CharField(
        label=_("Or: return does not apply, because"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 1}),
    )
    fund = forms.ModelChoiceField(
        label=_("Fund"),
        queryset=None,
        required=False,
        help_text=_("Empty: decided elsewhere (a Doorbraaktafel, a mandate)."),
    )
    horizon_months = forms.IntegerField(
        label=_("Horizon of the calculation (months)"), required=False, min_value=1, max_value=120
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["blockers"].queryset = case.blockers.filter(status="open").select_related(
            "organisation"
        )
        self.fields["category"].queryset = active_categories()
        self.fields["legal_ground"].queryset = active_legal_grounds()
        self.fields["fund"].queryset = funds_for_team(case.team_id)

    TRIANGLE = (
        "legal_ground",
        "legitimacy",
        "legitimacy_na",
        "involvement",
        "involvement_na",
        "societal_return",
        "societal_return_na",
    )
    SOLUTION = (
        "blockers",
        "solution",
        "category",
        "fund",
        "amount",
        "frequency",
        "months",
        "supplier_name",
        "supplier_iban",
        "prior_provisions",
        "prior_provisions_note",
        "recurrence_prevention",
    )

    def section(self, names):
        return [self[name] for name in names]

    def solution_fields(self):
        return self.section(self.SOLUTION)

    def triangle_fields(self):
        return self.section(self.TRIANGLE)


class WithdrawForm(UtrechtFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why is it withdrawn?"), widget=forms.Textarea(attrs={"rows": 2})
    )


class SolvedOtherwiseForm(UtrechtFormMixin, forms.Form):
    alternative = forms.ChoiceField(label=_("Solved through"), choices=AlternativeKind.choices)
    note = forms.CharField(label=_("How?"), widget=forms.Textarea(attrs={"rows": 2}))
