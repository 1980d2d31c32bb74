"""Who may use what: the menu shows exactly the pages a person may open."""

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.accounts.roles import CASEWORKER_ROLES, Role
from doorbraak.home import menu

people = st.builds(
    menu.Person,
    role=st.sampled_from(list(Role)),
    has_team=st.booleans(),
    is_staff=st.booleans(),
    is_active=st.booleans(),
)


@given(people)
def test_the_menu_follows_the_permission_functions(person):
    keys = [item.key for item in menu.menu(person)]
    assert keys[0] == "start" and keys[-1] == "help"
    assert ("open-case" in keys) == menu.may_open_case(person)
    assert ("cases" in keys) == menu.may_list_cases(person)
    assert ("votes" in keys) == menu.may_vote(person)
    assert ("funds" in keys) == menu.may_see_funds(person)
    assert ("actions" in keys) == menu.may_have_actions(person)
    assert ("admin" in keys) == menu.may_administer(person)
    assert len(keys) == len(set(keys))


@given(people)
def test_only_active_caseworkers_in_a_team_open_cases(person):
    expected = person.is_active and person.role in CASEWORKER_ROLES and person.has_team
    assert menu.may_open_case(person) == expected


@given(people)
def test_an_inactive_person_gets_only_start_calculator_and_help(person):
    if not person.is_active:
        assert [i.key for i in menu.menu(person)] == ["start", "calculator", "help"]


def test_roles_from_the_issue_see_no_open_case_button():
    for role in (
        Role.INKOMENSCONSULENT,
        Role.PROJECTLEIDER,
        Role.TAFELLID,
        Role.HANDHAVER,
        Role.BELEIDSADVISEUR,
        Role.REGIEVOERDER,
        Role.BEHEERDER,
        Role.MANAGER_WI,
    ):
        assert not menu.may_open_case(menu.Person(role=role, has_team=False))


def test_partners_and_enforcement_see_no_funds_and_the_administrator_does_not_vote():
    assert not menu.may_see_funds(menu.Person(role=Role.TAFELLID, has_team=False))
    assert not menu.may_see_funds(menu.Person(role=Role.HANDHAVER, has_team=False))
    assert not menu.may_vote(menu.Person(role=Role.BEHEERDER, has_team=False, is_staff=True))
    assert menu.may_vote(menu.Person(role=Role.TAFELLID, has_team=False))


@given(people)
def test_only_active_professionals_write_requests(person):
    expected = person.is_active and person.role in CASEWORKER_ROLES
    assert menu.may_write_request(person) == expected


@given(people)
def test_the_grouped_menu_shows_every_item_once_and_no_group_of_one(person):
    items = menu.menu(person)
    shown = menu.grouped(items)
    flat = []
    for entry in shown:
        if isinstance(entry, menu.MenuGroup):
            assert len(entry.items) >= 2
            flat.extend(entry.items)
        else:
            flat.append(entry)
    assert sorted(i.key for i in flat) == sorted(i.key for i in items)
    assert shown[0].key == "start"


def test_an_unknown_item_folds_into_more():
    items = [
        menu.MenuItem("start", "home:start"),
        menu.MenuItem("new-thing", "x:y"),
        menu.MenuItem("help", "home:help"),
    ]
    shown = menu.grouped(items)
    assert shown[1] == menu.MenuGroup("more", (items[1], items[2]))


def test_an_adviser_outside_a_team_gets_no_vote_inbox():
    for role in (Role.ADVISEUR, Role.WMO_CONSULENT):
        assert not menu.may_vote(menu.Person(role=role, has_team=False))
        assert menu.may_vote(menu.Person(role=role, has_team=True))
    assert menu.may_vote(menu.Person(role=Role.TAFELLID, has_team=False))
