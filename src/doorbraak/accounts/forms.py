from django.contrib.auth.forms import AuthenticationForm

from doorbraak.forms_utrecht import UtrechtFormMixin


class LoginForm(UtrechtFormMixin, AuthenticationForm):
    pass
