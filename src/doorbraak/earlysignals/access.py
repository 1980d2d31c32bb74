"""Who works vroegsignalering. Pure Python, no Django import.

* Working the signals (approach, reached, help accepted, close): the professionals who reach
  households — the buurtteam (gezinswerker, buurtteammedewerker, their teamleider) and W&I's
  inkomensconsulent, who in many municipalities runs schuldhulp's first contact.
* Making a case of a reached household: only who may open a case (a caseworker in a team).
* Importing a partner's file: the teamleider, who plans the team's work and answers for the
  term; the beheerder configures but sees no households (DOMAIN.md), so does not import them.
"""

from doorbraak.accounts.roles import CASEWORKER_ROLES, Role

WORK_ROLES = frozenset({*CASEWORKER_ROLES, Role.INKOMENSCONSULENT})
IMPORT_ROLES = frozenset({Role.TEAMLEIDER})


def may_work(role: str, is_active: bool = True) -> bool:
    return is_active and role in WORK_ROLES


def may_import(role: str, is_active: bool = True) -> bool:
    return is_active and role in IMPORT_ROLES


def may_make_case(role: str, has_team: bool, is_active: bool = True) -> bool:
    return is_active and role in CASEWORKER_ROLES and has_team


def may_see(role: str, is_active: bool = True) -> bool:
    """The signals page (and the menu item): who works or imports them."""
    return may_work(role, is_active) or may_import(role, is_active)
