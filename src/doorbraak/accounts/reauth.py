"""Re-authentication before money actions (issue 16, item 5): a small check a view calls
before it moves money above `DOORBRAAK_REAUTH_ABOVE` euro.

    # Re-authentication above the threshold (accounts/reauth.py).
    if (again := reauthenticate_first(request, amount, back=url)) is not None:
        return again

The person confirms with their password (and a code from their authenticator app when they
have one) on /bevestigen/; that confirmation holds for `DOORBRAAK_REAUTH_VALID_MINUTES`.
After it they are sent back to `back` and do the action again (a POST is never replayed).
"""

import datetime
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from .mfa import REAUTH_AT


def threshold() -> Decimal | None:
    """None switches re-authentication off."""
    return settings.DOORBRAAK_REAUTH_ABOVE


def needed(request, amount: Decimal) -> bool:
    limit = threshold()
    if not settings.DOORBRAAK_MFA_ENFORCED or limit is None or amount is None:
        return False
    if Decimal(amount) <= limit:
        return False
    at = request.session.get(REAUTH_AT)
    valid = datetime.timedelta(minutes=settings.DOORBRAAK_REAUTH_VALID_MINUTES)
    return not (at and timezone.now().timestamp() - at <= valid.total_seconds())


def reauthenticate_first(request, amount: Decimal, *, back: str):
    """A redirect to the re-authentication page when it is needed, else None."""
    if not needed(request, amount):
        return None
    query = urlencode({"next": back, "bedrag": f"{Decimal(amount):.2f}"})
    return redirect(f"{reverse('accounts:reauth')}?{query}")
