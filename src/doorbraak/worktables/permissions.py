"""Who may use werktafels and structural solutions (pure Python, as home/menu.py).

DOMAIN.md: the beleidsadviseur runs werktafels on patterns and tracks structural solutions,
so only they start, change and move them on. Werktafels and solutions hold no household data
(anonymised texts, case references), so the roles that look at patterns across cases
(home.menu.PATTERN_ROLES: teamleider, projectleider, manager W&I, regievoerder) read them
too; the regievoerder of the Maatwerkloket also sees the national policy signals sent on."""

from doorbraak.accounts.roles import Role
from doorbraak.home.menu import Person, may_see_patterns


def may_see_worktables(person: Person) -> bool:
    return may_see_patterns(person)


def may_manage_worktables(person: Person) -> bool:
    return person.is_active and person.role == Role.BELEIDSADVISEUR


def receives_national_signals(person: Person) -> bool:
    return person.is_active and person.role == Role.REGIEVOERDER


def person_of(user) -> Person:
    """The facts of a user that decide (as home.queries.person_of; kept here so the start
    page's queries can import this app without a cycle)."""
    if not getattr(user, "is_authenticated", False):
        return Person(role="", has_team=False, is_active=False)
    return Person(
        role=user.role,
        has_team=user.team_id is not None,
        is_staff=user.is_staff,
        is_active=user.is_active,
    )
