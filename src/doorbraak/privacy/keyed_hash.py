"""Keyed hashes and encryption for personal data. Pure Python: keys are passed in.

* `pseudonym` turns a data subject's internal id into the id used in the processing log,
  so the log never holds a BSN or a name, yet all records about one person can be found.
* `blind_index` turns a BSN into a value that finds it by exact match; without the key the
  value cannot be reversed or checked against a list of BSNs.
* `encrypt` / `decrypt` keep the BSN itself unreadable in a database dump (Fernet:
  AES-128-CBC with HMAC-SHA256, a fresh IV per value).
"""

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet


def _hmac_hex(key: bytes, label: str, value: str) -> str:
    return hmac.new(key, f"{label}:{value}".encode(), hashlib.sha256).hexdigest()


def pseudonym(key: str, subject_id: str) -> str:
    return _hmac_hex(key.encode(), "data-subject", subject_id)


def blind_index(key: str, bsn: str) -> str:
    """Exact-match index for a BSN; `key` is the field encryption key."""
    return _hmac_hex(hashlib.sha256(b"bsn-index:" + key.encode()).digest(), "bsn", bsn)


def _fernet(key: str) -> Fernet:
    raw = base64.urlsafe_b64decode(key)
    if len(raw) != 32:
        raise ValueError("The field encryption key must be 32 bytes, urlsafe base64 encoded.")
    return Fernet(base64.urlsafe_b64encode(raw))


def encrypt(key: str, plaintext: str) -> str:
    return _fernet(key).encrypt(plaintext.encode()).decode()


def decrypt(key: str, token: str) -> str:
    return _fernet(key).decrypt(token.encode()).decode()
