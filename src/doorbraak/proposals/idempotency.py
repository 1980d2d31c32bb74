"""One-time submission keys for maatwerk requests (issue 11, finding 9).

The request form carries a hidden key made when the form is shown; an API client sends one in
the `Idempotency-Key` header. The key is stored on the request with a fingerprint of what was
submitted, unique per user in the database (`request_idempotency_key_per_user`), as the
ledger's idempotency keys are:

- the same key from the same user with the same submission finds the first request and makes
  nothing (a double click, a retry after a lost answer);
- the same key with a different submission is refused (`KeyConflict`, HTTP 409);
- two submissions with one key at the same moment: the database lets one insert through and the
  other waits for it, fails on the constraint, rolls back and then finds the first.
"""

import hashlib
import json
import re
import secrets
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from .models import Request

KEY_MAX = 120
_KEY = re.compile(r"[A-Za-z0-9_.:\-]+")


class KeyConflict(Exception):
    """The key was used before by this user for a different submission."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key

    @property
    def message(self) -> str:
        return _(
            "This submission key was already used for another request. Reload the form (or, "
            "over the API, send a new Idempotency-Key) to submit a new request."
        )


def new_key() -> str:
    """A fresh one-time key for a form that is being shown."""
    return secrets.token_urlsafe(24)


def check_key(key: str | None) -> str:
    """The key as given, or "" for none; ValidationError (Dutch) for a malformed one."""
    key = key or ""
    if key and (len(key) > KEY_MAX or not _KEY.fullmatch(key)):
        raise ValidationError({"idempotency_key": key_message()})
    return key


def key_message() -> str:
    return _(
        "The submission key must be 1 to %(max)d characters: letters, digits and - _ . : only."
    ) % {"max": KEY_MAX}


def _plain(value):
    """What was submitted, as JSON-able values that compare equal for equal submissions."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset, models.QuerySet)):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def fingerprint(body: dict) -> str:
    """sha256 of the submission; absent and empty values count as the same."""
    plain = {k: v for k, v in _plain(body).items() if v not in (None, "", [], {})}
    text = json.dumps(plain, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def earlier(*, actor, key: str, digest: str) -> Request | None:
    """The request this user submitted with this key, when it is the same submission;
    KeyConflict when it is another; None for a new key."""
    if not key:
        return None
    found = Request.objects.filter(created_by=actor, idempotency_key=key).first()
    if found is not None and found.idempotency_fingerprint != digest:
        raise KeyConflict(key)
    if found is not None:
        found.replayed = True
    return found


def create_once(*, key: str, digest: str, **values) -> tuple[Request, bool]:
    """Insert the request with its key, in a savepoint: (the new request, True); or, when a
    concurrent submission with the same key committed first, (that request, False) with
    nothing of this one written."""
    try:
        with transaction.atomic():
            created = Request.objects.create(
                idempotency_key=key, idempotency_fingerprint=digest if key else "", **values
            )
    except IntegrityError:
        found = earlier(actor=values["created_by"], key=key, digest=digest)
        if found is None:
            raise
        return found, False
    return created, True
