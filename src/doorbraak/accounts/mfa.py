"""The second factor, the idle timeout and re-authentication (issue 16, item 5): the writes
and the session flags. The rules themselves are in totp.py (pure).

Session keys:
* VERIFIED: this session passed the second factor (local TOTP or recovery code, or the
  identity provider's MFA for an OIDC login, see oidc.py).
* PENDING: a password login of a person with an authenticator app, not yet verified: every
  page but the verification answers with a redirect (middleware.py).
* LAST_SEEN: the last request (epoch seconds), for the idle timeout.
* REAUTH_AT: the last re-authentication (epoch seconds), for money actions (reauth.py).
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.privacy import bsn_keys, keyed_hash
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_processing, origin_from_request

from . import totp
from .models import RecoveryCode, TOTPDevice, User
from .roles import ADMIN_ROLES

log = logging.getLogger("doorbraak.security")

VERIFIED = "mfa_verified"
PENDING = "mfa_pending"
LAST_SEEN = "last_seen"
REAUTH_AT = "reauth_at"


def required_for(user) -> bool:
    """The functional administrator and every admin-site user must use a second factor."""
    return bool(
        user.is_authenticated and (user.role in ADMIN_ROLES or user.is_staff or user.is_superuser)
    )


def throttle() -> totp.Throttle:
    return totp.Throttle(
        limit=settings.DOORBRAAK_MFA_FAILURE_LIMIT, cooloff=settings.AXES_COOLOFF_TIME
    )


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).first()


def secret_of(device: TOTPDevice) -> str:
    # Under any known key: during a key rotation (rotate_bsn_key) some are under the old one.
    return bsn_keys.decrypt_any(device.encrypted_secret)[0]


def _log(request, action: str, user, result=Outcome.OK) -> None:
    log_processing(
        origin_from_request(request),
        activity=Activity.AUTHENTICATION,
        action=action,
        object_type="user",
        object_id=user.pk,
        result=result,
    )


@transaction.atomic
def enrolment_start(user) -> TOTPDevice:
    """A new, unconfirmed secret. A confirmed device stays in use until the new one is
    confirmed with a right code (enrolment_confirm), so a new phone can be set up safely."""
    TOTPDevice.objects.filter(user=user, confirmed_at__isnull=True).delete()
    return TOTPDevice.objects.create(
        user=user,
        encrypted_secret=keyed_hash.encrypt(settings.FIELD_ENCRYPTION_KEY, totp.new_secret()),
    )


def pending_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed_at__isnull=True).last()


def _refusal(device: TOTPDevice, now) -> ValidationError | None:
    until = totp.wait_until(device.failures, device.last_failure_at, now=now, throttle=throttle())
    if until is None:
        return None
    minutes = max(1, int((until - now).total_seconds() // 60) + 1)
    return ValidationError(
        _("Too many wrong codes. Try again in %(minutes)s minutes.") % {"minutes": minutes},
        code="throttled",
    )


def _failed(request, device: TOTPDevice, now, action: str) -> None:
    if device.failures >= throttle().limit:
        device.failures = 0  # the cool-off has passed: a new series
    device.failures += 1
    device.last_failure_at = now
    device.save(update_fields=["failures", "last_failure_at"])
    _log(request, action, device.user, Outcome.DENIED)
    if device.failures == throttle().limit:
        log.warning(
            "Second factor blocked for user %s after %s wrong codes.",
            device.user_id,
            device.failures,
        )


def _check_code(request, device: TOTPDevice, code: str, *, action: str):
    """None when `code` is right for `device` (a locked row), else the Dutch refusal. A
    failure is written, not raised, so that it is committed (rate limit)."""
    now = timezone.now()
    refusal = _refusal(device, now)
    if refusal is not None:
        _log(request, action, device.user, Outcome.DENIED)
        return refusal
    secret = secret_of(device)
    step = totp.matching_step(secret, code, now=now, last_used_step=device.last_used_step)
    if step is None:
        _failed(request, device, now, action)
        if totp.matching_step(secret, code, now=now, last_used_step=-1) is not None:
            return ValidationError(
                _("This code was used already. Wait for the next code in your app."),
                code="replayed",
            )
        return ValidationError(
            _("This code is not right. Check the time on your phone and try the newest code."),
            code="wrong",
        )
    device.last_used_step = step
    device.failures = 0
    device.last_failure_at = None
    device.save(update_fields=["last_used_step", "failures", "last_failure_at"])
    return None


def enrolment_confirm(request, user, code: str) -> list[str]:
    """The first right code confirms the pending device: it replaces a previous one, and
    ten new recovery codes are made (returned once, stored hashed)."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed_at__isnull=True)
            .last()
        )
        if device is None:
            raise ValidationError(_("Start the set-up again."), code="no-device")
        failure = _check_code(request, device, code, action="mfa-enrol")
        if failure is None:
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed_at = timezone.now()
            device.save(update_fields=["confirmed_at"])
            codes = recovery_codes_renew(user)
            _log(request, "mfa-enrol", user)
    if failure is not None:
        raise failure
    mark_verified(request)
    return codes


def recovery_codes_renew(user) -> list[str]:
    codes = totp.new_recovery_codes()
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=totp.recovery_hash(settings.SECRET_KEY, c)) for c in codes
    )
    return [totp.formatted_recovery_code(c) for c in codes]


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def verify(request, user, code: str, *, action: str = "mfa-verify") -> None:
    """A code from the app, or an unused recovery code, for `user`'s confirmed device;
    a Dutch ValidationError otherwise. Rate-limited and logged either way; a failure is
    committed before the refusal is raised."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed_at__isnull=False)
            .first()
        )
        if device is None:
            raise ValidationError(_("Set up two-step verification first."), code="no-device")
        plain = totp.normalise(code)
        if len(plain) == 10 and not plain.isdigit():
            failure = _use_recovery_code(request, device, plain, action)
        else:
            failure = _check_code(request, device, code, action=action)
            if failure is None:
                _log(request, action, user)
    if failure is not None:
        raise failure


def _use_recovery_code(request, device, plain: str, action: str):
    now = timezone.now()
    refusal = _refusal(device, now)
    if refusal is not None:
        _log(request, action, device.user, Outcome.DENIED)
        return refusal
    used = RecoveryCode.objects.filter(
        user=device.user,
        code_hash=totp.recovery_hash(settings.SECRET_KEY, plain),
        used_at__isnull=True,
    ).update(used_at=now)
    if not used:
        _failed(request, device, now, action)
        return ValidationError(
            _("This recovery code is not right or was used already."), code="wrong"
        )
    device.failures = 0
    device.save(update_fields=["failures"])
    _log(request, f"{action}-recovery-code", device.user)
    return None


def mark_verified(request) -> None:
    request.session[VERIFIED] = True
    request.session.pop(PENDING, None)
    request.session[REAUTH_AT] = int(timezone.now().timestamp())
    request.session.cycle_key()


def mark_reauthenticated(request) -> None:
    request.session[REAUTH_AT] = int(timezone.now().timestamp())


def demo_device(user: User, secret: str, now) -> TOTPDevice:
    """A confirmed device with a known secret (demo data only, demo/accounts.py)."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(
        user=user,
        encrypted_secret=keyed_hash.encrypt(settings.FIELD_ENCRYPTION_KEY, secret),
        confirmed_at=now,
    )
