"""Session security (issue 16, item 5), after AuthenticationMiddleware:

1. Idle timeout: a session without a request for `DOORBRAAK_IDLE_TIMEOUT_MINUTES` is logged
   out; the login page says why (in Dutch). The moment of the last request is written at most
   once a minute, so most requests do not write the session.
2. Second factor: a person who must use one (mfa.required_for: the functional administrator
   and every admin-site user) reaches no page but the set-up and the verification until this
   session is verified; a person with an authenticator app who logged in with a password
   (PENDING) must verify too. `DOORBRAAK_MFA_ENFORCED = False` lifts the mandatory part only
   (the test suite, for tests that are not about MFA: tests/conftest.py).
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from . import mfa

_WRITE_EVERY_SECONDS = 60
_OPEN_PREFIXES = ("/static/", "/i18n/", "/favicon.ico")


class SessionSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            response = self._idle(request) or self._second_factor(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _idle(self, request):
        now = int(time.time())
        last = request.session.get(mfa.LAST_SEEN)
        timeout = settings.DOORBRAAK_IDLE_TIMEOUT_MINUTES * 60
        if last is not None and timeout and now - last > timeout:
            logout(request)
            if request.path.startswith("/api/"):
                return None  # answered as anonymous by the API's own authentication
            query = urlencode({"next": request.get_full_path(), "verlopen": "1"})
            return redirect(f"{reverse('login')}?{query}")
        if last is None or now - last >= _WRITE_EVERY_SECONDS:
            request.session[mfa.LAST_SEEN] = now
        return None

    def _second_factor(self, request, user):
        session = request.session
        if session.get(mfa.VERIFIED):
            return None
        pending = session.get(mfa.PENDING)
        if not pending and not (settings.DOORBRAAK_MFA_ENFORCED and mfa.required_for(user)):
            return None
        path = request.path
        allowed = {
            reverse("accounts:mfa-setup"),
            reverse("accounts:mfa-verify"),
            reverse("logout"),
            reverse("login"),
        }
        if path in allowed or path.startswith(_OPEN_PREFIXES):
            return None
        if path.startswith("/api/"):
            return JsonResponse(
                {"detail": "Tweestapsverificatie is nodig. Log in via de website."}, status=403
            )
        target = (
            "accounts:mfa-verify"
            if pending or mfa.confirmed_device(user)
            else ("accounts:mfa-setup")
        )
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
