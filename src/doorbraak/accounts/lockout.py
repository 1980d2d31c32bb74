"""Login lockout (django-axes, `settings.AXES_HANDLER`): django-axes locks a username at one
address after `AXES_FAILURE_LIMIT` failures; this handler also limits an address over any
usernames (issue 11, finding 10: password spraying, one password tried on many accounts).

When the failed logins from one address within the cool-off time (`AXES_COOLOFF_TIME`) reach
`LOGIN_ADDRESS_FAILURE_LIMIT`, every login from that address is refused, also with the right
password, until those failures are older than the cool-off time; failures while refused count
too, so a spray that goes on stays refused. The moment an address is refused goes into the
audit trail and the `doorbraak.security` log. Counted from django-axes' own records, so the
login page and the API token endpoint share the limit.
"""

import logging

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_processing, origin_from_request

log = logging.getLogger("doorbraak.security")


def address_failures(ip_address: str) -> int:
    """Failed logins from this address within the cool-off time, over all usernames."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=since)
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


def _limit() -> int:
    """0 switches the per-address limit off."""
    return settings.LOGIN_ADDRESS_FAILURE_LIMIT


class AddressLimitHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        ip_address = getattr(request, "axes_ip_address", None)
        if _limit() and ip_address and address_failures(ip_address) >= _limit():
            request.axes_address_locked = True
            return True
        return False

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        ip_address = getattr(request, "axes_ip_address", None)
        if request is None or not _limit() or not ip_address:
            return
        failures = address_failures(ip_address)
        if failures < _limit():
            return
        request.axes_locked_out = request.axes_address_locked = True
        if failures != _limit():
            return  # refused before: recorded when the address reached the limit
        log.warning(
            "Login refused for address %s: %s failed logins over any usernames within %s.",
            ip_address,
            failures,
            settings.AXES_COOLOFF_TIME,
        )
        log_processing(
            origin_from_request(request),
            activity=Activity.AUTHENTICATION,
            action="login-address-locked",
            object_type="address",
            object_id=ip_address,
            result=Outcome.DENIED,
        )
