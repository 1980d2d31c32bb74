"""Who may read and write the knowledge base. Pure Python, no Django import.

Everyone who is logged in and active reads and searches it (also partners and enforcement:
"niet iedereen hoeft zelf een 10 te scoren op kennis"); beleidsadviseurs and functioneel
beheerders write it (DOMAIN.md)."""

from doorbraak.accounts.roles import Role

AUTHOR_ROLES = frozenset({Role.BELEIDSADVISEUR, Role.BEHEERDER})


def may_read_articles(person) -> bool:
    return person.is_active


def may_write_articles(person) -> bool:
    return person.is_active and person.role in AUTHOR_ROLES
