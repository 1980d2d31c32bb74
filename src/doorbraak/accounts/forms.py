from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from doorbraak.forms_utrecht import UtrechtFormMixin


class LoginForm(UtrechtFormMixin, AuthenticationForm):
    pass


def _code_field(label, help_text) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "spellcheck": "false"}
        ),
    )


class SetupForm(UtrechtFormMixin, forms.Form):
    code = _code_field(
        _("Code from your app"),
        _("The six digits your authenticator app shows now for Doorbraak."),
    )


class VerifyForm(UtrechtFormMixin, forms.Form):
    code = _code_field(
        _("Code from your app"),
        _("Six digits from your authenticator app, or one of your recovery codes."),
    )


class ReauthForm(UtrechtFormMixin, forms.Form):
    """Password, and a code when the person has an authenticator app."""

    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = _code_field(
        _("Code from your app"),
        _("Six digits from your authenticator app, or one of your recovery codes."),
    )

    def __init__(self, *args, with_code: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_code:
            del self.fields["code"]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("bevestigd", _("Confirm")), ("ingetrokken", _("Revoke"))]
    )
