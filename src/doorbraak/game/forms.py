"""Game forms: the facilitator's session (players dealt over the teams in the order chosen),
round 1 answers, round 2 arguments with the calculation, scores."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.escalation.forms import long_text
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin

from . import board as rules
from .models import Value


class SessionForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    not_optional = ("players",)

    title = forms.CharField(
        label=_("Title"), max_length=limits.SHORT_TEXT, required=False, initial=_("Op Maat game")
    )
    teams = forms.TypedChoiceField(
        label=_("Number of teams"),
        choices=[(n, str(n)) for n in range(rules.MIN_TEAMS, rules.MAX_TEAMS + 1)],
        coerce=int,
        initial=4,
    )
    players = forms.ModelMultipleChoiceField(
        label=_("Players"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Dealt over the teams in turn: 16 players make 4 teams of 4."),
    )

    def __init__(self, *args, players, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["players"].queryset = players
        self.fields["players"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username}"
            + (f" · {u.organisation}" if u.organisation_id else "")
        )

    def clean(self):
        data = super().clean()
        players, teams = data.get("players") or [], data.get("teams") or 0
        if len(players) < teams:
            self.add_error("players", _("Choose at least one player per team."))
        return data

    def dealt(self) -> list[list]:
        teams, players = self.cleaned_data["teams"], list(self.cleaned_data["players"])
        return [players[i::teams] for i in range(teams)]


class AnswerForm(UtrechtFormMixin, forms.Form):
    not_optional = ("maatwerk", "reason")

    maatwerk = forms.TypedChoiceField(
        label=_("Maatwerk or not?"),
        choices=[("ja", _("Maatwerk")), ("nee", _("Not maatwerk: the regular route fits"))],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
        required=False,
        empty_value=None,
    )
    reason = long_text(_("Why?"), rows=2)


class ArgumentForm(UtrechtFormMixin, forms.Form):
    not_optional = ("case", "value", "text", "avoided_per_month", "months", "probability")

    case = forms.ModelChoiceField(label=_("Case"), queryset=None, required=False)
    value = forms.ChoiceField(
        label=_("Value of the triangle"),
        choices=Value.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    text = long_text(_("Your argument"), rows=3)
    avoided_label = forms.CharField(
        label=_("Regular approach"),
        max_length=100,
        required=False,
        help_text=_("What would be used instead, e.g. home support."),
    )
    avoided_per_month = forms.CharField(
        label=_("Its cost per month (EUR)"),
        max_length=15,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    months = forms.TypedChoiceField(
        label=_("For how many months"),
        choices=[(n, str(n)) for n in range(1, 13)],
        coerce=int,
        initial=2,
    )
    probability = forms.CharField(
        label=_("Chance it would be needed (%)"),
        max_length=6,
        required=False,
        initial="100",
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.fields["case"].label_from_instance = lambda c: f"{c.number}. {c.category}"


class ScoreForm(UtrechtFormMixin, forms.Form):
    score = forms.TypedChoiceField(
        label=_("Score"), choices=[(n, str(n)) for n in range(0, 11)], coerce=int
    )
