"""Who may use VerhuisboxPlus. Pure Python, no Django import.

The caseworkers (sociaal casemanager, buurtteam) register and guide the trajectories of the
cases they work on; the programme figures are for who steers the programme."""

from doorbraak.accounts.roles import CASEWORKER_ROLES, Role

WORK_ROLES = CASEWORKER_ROLES
FIGURE_ROLES = frozenset({Role.PROJECTLEIDER, Role.BELEIDSADVISEUR, Role.TEAMLEIDER})


def may_work(role: str, is_active: bool = True) -> bool:
    return is_active and role in WORK_ROLES


def may_see_figures(role: str, is_active: bool = True) -> bool:
    return is_active and role in FIGURE_ROLES


def may_use(role: str, is_active: bool = True) -> bool:
    """The menu item: the list of trajectories or the programme figures."""
    return may_work(role, is_active) or may_see_figures(role, is_active)
