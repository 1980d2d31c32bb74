from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _stamp_login(sender, request, user, **kwargs):
    """The idle timeout counts from the login (middleware.py). Session bookkeeping, not
    business logic: Django's login signal is the one place every login passes (password,
    OIDC, the test client's force_login)."""
    import time

    from .mfa import LAST_SEEN

    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())


class AccountsConfig(AppConfig):
    name = "doorbraak.accounts"
    label = "accounts"
    verbose_name = _("Organisations and people")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_stamp_login, dispatch_uid="doorbraak-stamp-login")
