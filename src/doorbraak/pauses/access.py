"""Who may use the pause button. Pure Python, no Django import."""

from doorbraak.accounts.roles import Role

#: Who pauses the end of a benefit or a sanction: W&I's consultant and enforcement.
PAUSE_ROLES = frozenset({Role.INKOMENSCONSULENT, Role.HANDHAVER})
#: Who gives the second person's approval for a pause longer than the maximum.
APPROVER_ROLES = frozenset({Role.INKOMENSCONSULENT, Role.MANAGER_WI})
#: Who records a review's outcome: the pausing roles and W&I's manager.
REVIEW_ROLES = PAUSE_ROLES | {Role.MANAGER_WI}
#: The W&I roles that see the pauses of their own organisation (list page, start page).
WI_ROLES = PAUSE_ROLES | APPROVER_ROLES


def may_pause(role: str, is_active: bool = True) -> bool:
    return is_active and role in PAUSE_ROLES


def may_approve(role: str, is_active: bool = True) -> bool:
    return is_active and role in APPROVER_ROLES


def may_review(role: str, is_active: bool = True) -> bool:
    return is_active and role in REVIEW_ROLES


def may_list(role: str, is_active: bool = True) -> bool:
    return is_active and role in WI_ROLES
