"""Who handles data-subject rights and retention: one function, one place.

For now the functional administrator (beheerder). When a privacy officer role
(privacyfunctionaris) exists, add it to `RIGHTS_ROLES`; every page, command and service of
this app asks only `may_handle_rights`."""

from doorbraak.accounts.roles import Role

RIGHTS_ROLES = frozenset({Role.BEHEERDER})


def may_handle_rights(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and getattr(user, "role", None) in RIGHTS_ROLES
    )
