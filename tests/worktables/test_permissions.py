"""Who may use werktafels (pure): the beleidsadviseur manages and has the menu item; the
pattern roles read; the regievoerder receives national signals."""

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.accounts.roles import Role
from doorbraak.home import menu
from doorbraak.worktables import permissions

people = st.builds(
    menu.Person,
    role=st.sampled_from(list(Role)),
    has_team=st.booleans(),
    is_staff=st.booleans(),
    is_active=st.booleans(),
)


@given(people)
def test_the_adviser_manages_and_the_pattern_roles_read(person):
    manages = permissions.may_manage_worktables(person)
    assert manages == (person.is_active and person.role == Role.BELEIDSADVISEUR)
    assert permissions.may_see_worktables(person) == menu.may_see_patterns(person)
    assert not manages or permissions.may_see_worktables(person)
    keys = [item.key for item in menu.menu(person)]
    assert ("worktables" in keys) == manages
    assert permissions.receives_national_signals(person) == (
        person.is_active and person.role == Role.REGIEVOERDER
    )


def test_an_anonymous_visitor_may_nothing():
    from django.contrib.auth.models import AnonymousUser

    person = permissions.person_of(AnonymousUser())
    assert not permissions.may_see_worktables(person)
    assert not permissions.may_manage_worktables(person)
