from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from doorbraak.form_fields import IdMultipleChoiceField
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

from . import idempotency, limits, smallrequests, validation
from .models import AlternativeKind, Frequency, PriorProvision
from .queries import active_categories, active_legal_grounds, funds_for_team
from .validators import validate_name


def _text(label, name, rows, **kwargs):
    return forms.CharField(
        label=label,
        max_length=limits.TEXT[name],
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


class RequestForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    """A maatwerk request. A small request (see smallrequests.py) shows only what colleagues
    need to decide; the rest sits folded away and is optional. The service decides again
    from the fund and amount submitted, so the server's rule is the one that counts."""

    blockers = IdMultipleChoiceField(
        label=_("Which blockers does this solve?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    solution = _text(_("Proposed solution"), "solution", 3)
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
        max_length=limits.NAME,
        required=False,
        validators=[validate_name],
        help_text=_("The money goes here, never to the resident. Needed when money is paid."),
    )
    supplier_iban = forms.CharField(label=_("IBAN of the supplier"), max_length=42, required=False)
    prior_provisions = forms.MultipleChoiceField(
        label=_("Tried first (voorliggende voorzieningen)"),
        choices=PriorProvision.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    prior_provisions_note = _text(
        _("What came of them"), "prior_provisions_note", 2, required=False
    )
    recurrence_prevention = _text(
        _("How is recurrence prevented?"), "recurrence_prevention", 2, required=False
    )
    legal_ground = forms.ModelChoiceField(label=_("Legal ground"), queryset=None, required=False)
    legitimacy = _text(_("Legitimacy: why it is allowed"), "legitimacy", 2, required=False)
    legitimacy_na = _text(
        _("Or: legitimacy does not apply, because"), "legitimacy_na", 1, required=False
    )
    involvement = _text(
        _("Involvement: what the household contributes, in their own words"),
        "involvement",
        2,
        required=False,
    )
    involvement_na = _text(
        _("Or: involvement does not apply, because"), "involvement_na", 1, required=False
    )
    societal_return = _text(
        _("Return: which societal costs are avoided"), "societal_return", 2, required=False
    )
    societal_return_na = _text(
        _("Or: return does not apply, because"), "societal_return_na", 1, required=False
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
    #: One-time key made when the form is shown: a double click or a resend of this same form
    #: finds the request it made instead of making a second (idempotency.py).
    idempotency_key = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=idempotency.KEY_MAX
    )

    #: Each side: the text (with a legal ground) or its "does not apply, because" is needed,
    #: so for a full request none of these is "optional" on its own.
    TRIANGLE = ("legal_ground", *limits.TRIANGLE_TEXTS)
    PRIOR = ("prior_provisions", "prior_provisions_note", "recurrence_prevention")
    SOLUTION = smallrequests.SMALL_INPUTS
    #: Needed whenever money is paid (nearly always), so not "optional".
    not_optional = ("supplier_name", "supplier_iban")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["idempotency_key"] = idempotency.new_key()
        self.fields["blockers"].queryset = case.blockers.filter(status="open").select_related(
            "organisation"
        )
        self.fields["category"].queryset = active_categories()
        self.fields["legal_ground"].queryset = active_legal_grounds()
        funds = list(funds_for_team(case.team_id).select_related("approval_policy"))
        self.fields["fund"].queryset = funds_for_team(case.team_id)
        small_fund = next(
            (f for f in funds if f.owner_team_id == case.team_id and validation.small_up_to(f)),
            None,
        )
        if small_fund is not None:
            # Start small: the team's own small-request fund is the likely one.
            self.fields["fund"].initial = small_fund.pk
        self.small = self._small(funds, small_fund)
        self._apply_mode()

    def clean_idempotency_key(self) -> str:
        """A hidden field: a malformed key is a message on top of the form."""
        try:
            return idempotency.check_key(self.cleaned_data.get("idempotency_key"))
        except ValidationError:
            self.add_error(None, idempotency.key_message())
            return ""

    def _small(self, funds, small_fund) -> bool:
        """Small or not, from what was posted (before validation) or from the start values."""
        if not self.is_bound:
            return small_fund is not None
        fund_id = self.data.get(self.add_prefix("fund")) or ""
        fund = next((f for f in funds if str(f.pk) == fund_id), None)
        try:
            amount = Decimal(str(self.data.get(self.add_prefix("amount")) or "0").replace(",", "."))
            months = int(self.data.get(self.add_prefix("months")) or 1)
        except (InvalidOperation, ValueError):
            return False
        frequency = self.data.get(self.add_prefix("frequency")) or Frequency.ONCE
        if not amount.is_finite():
            return False
        return validation.is_small(fund, validation.total_of(amount, frequency, months))

    def _apply_mode(self) -> None:
        full = not self.small
        if self.small:
            self.fields["solution"].label = _("What is needed, and why?")
        self.fields["recurrence_prevention"].required = full
        for name in ("prior_provisions", *self.TRIANGLE):
            self.fields[name].not_optional = full
        if full:
            self.fields["recurrence_prevention"].widget.attrs["aria-required"] = "true"

    def section(self, names):
        return [self[name] for name in names]

    def solution_fields(self):
        return self.section(self.SOLUTION)

    def prior_fields(self):
        return self.section(self.PRIOR)

    def triangle_fields(self):
        return self.section(self.TRIANGLE)

    def extra_errors(self) -> bool:
        """Whether a folded-away field has an error (then its section opens)."""
        names = (*self.PRIOR, *self.TRIANGLE, "horizon_months")
        return any(name in self.errors for name in names)


class WithdrawForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why is it withdrawn?"),
        max_length=limits.NOTE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SolvedOtherwiseForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    alternative = forms.ChoiceField(label=_("Solved through"), choices=AlternativeKind.choices)
    note = forms.CharField(
        label=_("How?"),
        max_length=limits.NOTE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
