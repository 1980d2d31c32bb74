"""The second factor's rules (issue 16, item 5). Pure Python: no Django import.

* TOTP (RFC 6238, 30-second steps, 6 digits, SHA-1: what every authenticator app speaks) with
  pyotp. A code is accepted for the current step and one step either side (clock drift), and
  only for a step *later* than the last one used: the same code, or an older one, never
  works twice (replay).
* Recovery codes: ten random codes of ten characters, shown once; only a keyed hash is
  stored, and a used code is struck off.
* The verification is rate-limited: after `limit` wrong codes in a row the account must wait
  `cooloff` before the next try.
"""

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import pyotp

ISSUER = "Doorbraak"
STEP_SECONDS = 30
DRIFT_STEPS = 1
RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud, typed over


def new_secret() -> str:
    """A fresh 160-bit base32 secret (RFC 4226's recommended length)."""
    return pyotp.random_base32(32)


def provisioning_uri(secret: str, account: str) -> str:
    """The otpauth:// URI the QR code holds."""
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=ISSUER)


def grouped(secret: str) -> str:
    """The key for typing it over: groups of four."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def step_of(moment: datetime.datetime) -> int:
    return int(moment.timestamp()) // STEP_SECONDS


def code_at(secret: str, step: int) -> str:
    return pyotp.TOTP(secret).at(step * STEP_SECONDS)


def normalise(code: str) -> str:
    return "".join(ch for ch in (code or "") if not ch.isspace() and ch != "-").lower()


def matching_step(
    secret: str, code: str, *, now: datetime.datetime, last_used_step: int
) -> int | None:
    """The time step `code` belongs to, or None when it is wrong or already used.

    Steps at or before `last_used_step` are never accepted: a replayed code is refused even
    within its own 30 seconds."""
    code = normalise(code)
    if len(code) != 6 or not code.isdigit():
        return None
    current = step_of(now)
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if step <= last_used_step:
            continue
        if hmac.compare_digest(code_at(secret, step), code):
            return step
    return None


def new_recovery_codes(n: int = RECOVERY_CODES) -> list[str]:
    return ["".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(10)) for _ in range(n)]


def formatted_recovery_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def recovery_hash(key: str, code: str) -> str:
    """Keyed hash of a recovery code (50 bits of randomness each: a keyed SHA-256 suffices
    and makes the lookup one index hit)."""
    return hmac.new(
        key.encode(), f"recovery:{normalise(code)}".encode(), hashlib.sha256
    ).hexdigest()


@dataclass(frozen=True)
class Throttle:
    limit: int
    cooloff: datetime.timedelta


def wait_until(
    failures: int, last_failure: datetime.datetime | None, *, now, throttle: Throttle
) -> datetime.datetime | None:
    """When the next try is allowed, or None when it is allowed now."""
    if failures < throttle.limit or last_failure is None:
        return None
    until = last_failure + throttle.cooloff
    return until if until > now else None
