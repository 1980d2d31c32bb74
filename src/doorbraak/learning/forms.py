"""Forms for signals, triage and pattern decisions, and the rule field with suggestions from
the catalogue (also used by the blocker form in cases/)."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation
from doorbraak.form_fields import IdMultipleChoiceField
from doorbraak.forms_utrecht import UtrechtFormMixin
from doorbraak.text_validators import TextLimitsMixin
from doorbraak.ui import formatting

from . import workflow
from .models import Pattern, SignalStatus


class RuleInput(forms.TextInput):
    """A text input with the active catalogue rules as a <datalist>: suggestions, while any
    other text stays allowed. The rules are read when the field is rendered (one query)."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        from .queries import active_rules

        list_id = f"{(attrs or {}).get('id') or name}-catalogus"
        attrs = {**(attrs or {}), "list": list_id}
        html = super().render(name, value, attrs, renderer)
        options = format_html_join(
            "",
            '<option value="{}">{}</option>',
            ((rule.title, rule.organisation.name) for rule in active_rules()),
        )
        return format_html('{}<datalist id="{}">{}</datalist>', html, list_id, options)


def rule_field(**kwargs) -> forms.CharField:
    field = forms.CharField(
        max_length=limits.TEXT,
        label=_("Rule"),
        widget=RuleInput(),
        help_text=_("Which rule or procedure is in the way? Choose a known rule or type your own."),
        **kwargs,
    )
    # No maxlength in the browser: it would cut pasted text silently; the server says the limit.
    field.widget.attrs.pop("maxlength", None)
    return field


class SignalForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all()
    )
    rule = rule_field()
    effect = forms.CharField(
        max_length=limits.TEXT,
        label=_("Effect"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What goes wrong for people? Names and other personal details are removed "
            "before the signal is saved."
        ),
    )
    blockers = IdMultipleChoiceField(
        label=_("Blockers of your cases"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The open blockers of the cases you are the key worker of."),
    )

    def __init__(self, *args, blockers=None, offered=None, **kwargs):
        """`blockers`: what may be linked (every open blocker the writer may see);
        `offered`: what is listed (their own cases' blockers: a team's list is long on a
        phone)."""
        super().__init__(*args, **kwargs)
        field = self.fields["blockers"]
        field.queryset = blockers
        field.label_from_instance = lambda b: (
            f"{b.case.reference} · {b.organisation}: {formatting.shorten(b.rule, 80)}"
        )
        if offered is not None:
            field.widget.choices = [(b.pk, field.label_from_instance(b)) for b in offered]


class TriageForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=())
    pattern = forms.ModelChoiceField(
        label=_("Pattern"), queryset=Pattern.objects.none(), required=False
    )
    reason = forms.CharField(
        max_length=limits.TEXT,
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when closing."),
    )

    def __init__(self, *args, signal, patterns, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = workflow.SIGNAL_ALLOWED.get(signal.status, frozenset())
        self.fields["status"].choices = [
            (value, label) for value, label in SignalStatus.choices if value in allowed
        ]
        self.fields["pattern"].queryset = patterns
        self.fields["pattern"].label_from_instance = lambda p: (
            f"{p.reference} · {formatting.shorten(p.summary, 80)}"
        )


class DecisionForm(TextLimitsMixin, UtrechtFormMixin, forms.Form):
    note = forms.CharField(
        max_length=limits.TEXT,
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when dismissing: why is this not a pattern?"),
    )
