"""Who writes and who reviews advisory Wmo indications (samen indiceren). Pure Python."""

from doorbraak.accounts.roles import Role

#: The adviser (wijkverpleegkundige) writes the advice for a case they are linked to.
WRITER_ROLES = frozenset({Role.ADVISEUR})
#: The municipality's Wmo consultant reviews: agree, ask a question, or adjust.
REVIEWER_ROLES = frozenset({Role.WMO_CONSULENT})


def may_write(role: str, is_active: bool = True) -> bool:
    return is_active and role in WRITER_ROLES


def may_review(role: str, is_active: bool = True) -> bool:
    return is_active and role in REVIEWER_ROLES


def may_list(role: str, is_active: bool = True) -> bool:
    return is_active and role in WRITER_ROLES | REVIEWER_ROLES
