"""The field encryption key's versions, for BSN key rotation (issue 16, item 7;
docs/privacy.md §7).

`DOORBRAAK_FIELD_ENCRYPTION_KEY` is the current key, `DOORBRAAK_FIELD_ENCRYPTION_KEY_VERSION`
its version (default 1), `DOORBRAAK_FIELD_ENCRYPTION_KEYS_OLD` the keys before it (JSON,
`{"1": "<old key>"}`). Each `cases.Member` row records the version its BSN was encrypted and
indexed with (`bsn_key_version`); `rotate_bsn_key` re-encrypts the rows of older versions in
batches. While it runs, a BSN is looked up under every known key (`search_indexes`), so a
search finds rows of both versions; once it is done and the old key is removed from the
settings, only the current key's index remains and matches."""

from cryptography.fernet import InvalidToken
from django.conf import settings

from . import keyed_hash


def current_version() -> int:
    return int(getattr(settings, "FIELD_ENCRYPTION_KEY_VERSION", 1))


def keys() -> dict[int, str]:
    """Every known key by version, the current one included."""
    old = getattr(settings, "FIELD_ENCRYPTION_KEYS_OLD", {}) or {}
    known = {int(version): key for version, key in old.items()}
    known[current_version()] = settings.FIELD_ENCRYPTION_KEY
    return known


def key_of(version: int) -> str:
    try:
        return keys()[int(version)]
    except KeyError:
        raise LookupError(
            f"field encryption key version {version} is not configured "
            "(DOORBRAAK_FIELD_ENCRYPTION_KEYS_OLD)"
        ) from None


def search_indexes(bsn: str) -> list[str]:
    """The blind index of `bsn` under every known key, the current key's first."""
    ordered = sorted(keys().items(), key=lambda item: item[0] != current_version())
    return [keyed_hash.blind_index(key, bsn) for _version, key in ordered]


def rekeyed(bsn_encrypted: str, version: int) -> tuple[str, str]:
    """(token, index) of a BSN encrypted under `version`, now under the current key."""
    plain = keyed_hash.decrypt(key_of(version), bsn_encrypted)
    key = settings.FIELD_ENCRYPTION_KEY
    return keyed_hash.encrypt(key, plain), keyed_hash.blind_index(key, plain)


def decrypt_any(token: str) -> tuple[str, int]:
    """(plain text, key version) of a token made under any known key, the current key tried
    first: for values that do not record their key version, such as the TOTP secrets
    (`accounts.TOTPDevice`), which `rotate_bsn_key` re-encrypts too."""
    ordered = sorted(keys().items(), key=lambda item: item[0] != current_version())
    for version, key in ordered:
        try:
            return keyed_hash.decrypt(key, token), version
        except InvalidToken:
            continue
    raise InvalidToken
