"""What a person may use, by role: the menu, the start page's sections and the buttons on it.
Pure Python, no Django import: the views and templates ask these functions, so a link is shown
exactly when the page behind it lets the person in.

The rules follow DOMAIN.md: caseworkers own cases and open them; every role except the
functional administrator may be asked to vote; funds are for the teams and the municipality's
roles that spend, approve or steer them, not for partners at the table or enforcement.
"""

from dataclasses import dataclass

from doorbraak.accounts.roles import ADMIN_ROLES, CASEWORKER_ROLES, Role
from doorbraak.earlysignals import access as earlysignals_access
from doorbraak.generic.access import may_see_generic
from doorbraak.indications import access as indication_access
from doorbraak.knowledge.access import may_read_articles
from doorbraak.pauses import access as pause_access
from doorbraak.subjectrights.permissions import RIGHTS_ROLES
from doorbraak.verhuisbox import access as verhuisbox_access

#: Roles that see funds (potjes): who spends, approves, pays out or steers them.
FUND_ROLES = frozenset(
    {
        *CASEWORKER_ROLES,
        Role.INKOMENSCONSULENT,
        Role.MANAGER_WI,
        Role.PROJECTLEIDER,
        Role.BELEIDSADVISEUR,
        Role.REGIEVOERDER,
        Role.BEHEERDER,
    }
)

#: Roles that look at recurring blockers across cases (anonymous counts only).
PATTERN_ROLES = frozenset(
    {Role.TEAMLEIDER, Role.PROJECTLEIDER, Role.BELEIDSADVISEUR, Role.REGIEVOERDER, Role.MANAGER_WI}
)


@dataclass(frozen=True)
class Person:
    """The facts about a user that decide what they may use."""

    role: str
    has_team: bool
    is_staff: bool = False
    is_active: bool = True


def may_open_case(person: Person) -> bool:
    return person.is_active and person.role in CASEWORKER_ROLES and person.has_team


def may_write_request(person: Person) -> bool:
    """Professionals write maatwerk requests (DOMAIN.md); partners, enforcement and the
    Maatwerkloket work on a shared case but do not propose spending on it."""
    return person.is_active and person.role in CASEWORKER_ROLES


def may_list_cases(person: Person) -> bool:
    """A case list makes sense for whoever owns cases or sits in a team that does. Others
    (table members, enforcement) reach the cases shared with them from their start page."""
    return person.is_active and (person.role in CASEWORKER_ROLES or person.has_team)


#: Roles that advise on or review one part of a case (samen indiceren) and are asked to vote
#: only when they sit in a team whose requests they then share.
ADVISING_ROLES = frozenset({Role.ADVISEUR, Role.WMO_CONSULENT})


def may_vote(person: Person) -> bool:
    """Votes come from a team's colleagues or a fund's group (approvals/services.py); the
    functional administrator never votes, and an adviser outside a team has nothing to vote on."""
    if not person.is_active or person.role in ADMIN_ROLES:
        return False
    return person.role not in ADVISING_ROLES or person.has_team


def may_see_funds(person: Person) -> bool:
    return person.is_active and person.role in FUND_ROLES


def may_see_patterns(person: Person) -> bool:
    return person.is_active and person.role in PATTERN_ROLES


def may_have_actions(person: Person) -> bool:
    """Follow-up actions (Mijn acties) can be set for anyone who works on cases or decides
    on them; the functional administrator configures and owns none."""
    return person.is_active and person.role not in ADMIN_ROLES


def may_record_signal(person: Person) -> bool:
    """Any professional may say "dit kan niet de bedoeling zijn"; the functional
    administrator configures and works on no cases."""
    return person.is_active and person.role not in ADMIN_ROLES


def may_triage_signals(person: Person) -> bool:
    return person.is_active and person.role == Role.BELEIDSADVISEUR


def may_decide_patterns(person: Person) -> bool:
    return person.is_active and person.role == Role.BELEIDSADVISEUR


def may_work_let(person: Person) -> bool:
    """The Maatwerkloket's regievoerders triage, decide and check LET submissions."""
    return person.is_active and person.role == Role.REGIEVOERDER


#: Roles with a dashboard (reports/queries.py decides whose figures: team, funds, municipality).
FIGURE_ROLES = frozenset(
    {Role.TEAMLEIDER, Role.PROJECTLEIDER, Role.BELEIDSADVISEUR, Role.MANAGER_WI}
)


def may_see_figures(person: Person) -> bool:
    if not (person.is_active and person.role in FIGURE_ROLES):
        return False
    return person.has_team or person.role != Role.TEAMLEIDER


#: Roles that preview and publish their municipality's open data (opendata/).
OPEN_DATA_ROLES = frozenset({Role.BELEIDSADVISEUR, Role.BEHEERDER})


def may_manage_open_data(person: Person) -> bool:
    return person.is_active and person.role in OPEN_DATA_ROLES


def may_administer(person: Person) -> bool:
    return person.is_active and person.is_staff


@dataclass(frozen=True)
class MenuItem:
    key: str
    url_name: str


#: Roles that sit at a Doorbraaktafel or casusoverleg (what they see: their table's agenda).
TABLE_ROLES = frozenset({Role.TAFELLID, Role.PROJECTLEIDER})


def may_sit_at_tables(person: Person) -> bool:
    return person.is_active and person.role in TABLE_ROLES


def menu(person: Person) -> list[MenuItem]:
    """The main menu, in order. Start and help are always there."""
    items = [MenuItem("start", "home:start")]
    if may_list_cases(person):
        items.append(MenuItem("cases", "cases:list"))
    if may_open_case(person):
        items.append(MenuItem("open-case", "cases:open"))
    if may_vote(person):
        items.append(MenuItem("votes", "approvals:inbox"))
    if may_have_actions(person):
        items.append(MenuItem("actions", "escalation:actions"))
    if may_sit_at_tables(person):
        items.append(MenuItem("tables", "tables:index"))
    if may_work_let(person):
        items.append(MenuItem("let", "let:index"))
    if may_see_funds(person):
        items.append(MenuItem("funds", "funds:list"))
    if may_see_patterns(person):
        items.append(MenuItem("patterns", "learning:patterns"))
    if may_decide_patterns(person):  # the beleidsadviseur; other readers come via a pattern
        items.append(MenuItem("worktables", "worktables:index"))
    if may_record_signal(person):
        items.append(MenuItem("signals", "learning:signals"))
    if person.is_active and person.role in pause_access.WI_ROLES:
        items.append(MenuItem("pauses", "pauses:list"))
    if indication_access.may_list(person.role, person.is_active):
        items.append(MenuItem("indications", "indications:list"))
    if may_record_signal(person):  # the same people record anonymous consults (consults/)
        items.append(MenuItem("consults", "consults:list"))
    if earlysignals_access.may_see(person.role, person.is_active):
        items.append(MenuItem("earlysignals", "earlysignals:index"))
    if may_see_figures(person):
        items.append(MenuItem("figures", "reports:index"))
    if verhuisbox_access.may_use(person.role, person.is_active):
        items.append(MenuItem("verhuisbox", "verhuisbox:index"))
    if may_manage_open_data(person):
        items.append(MenuItem("opendata", "opendata:index"))
    if may_see_generic(person):
        items.append(MenuItem("generic", "generic:decisions"))
    items.append(MenuItem("calculator", "costbenefit:calculator"))
    if may_write_request(person):  # budget/: the budget check and payment plan of a case
        items.append(MenuItem("budget", "budget:index"))
    if may_read_articles(person):
        items.append(MenuItem("knowledge", "knowledge:index"))
    if person.is_active and person.role:  # the ambassadors directory (ambassadors/)
        items.append(MenuItem("ambassadors", "ambassadors:index"))
    if person.is_active and person.role and person.role not in ADMIN_ROLES:  # game/
        items.append(MenuItem("game", "game:index"))
    if may_administer(person):
        items.append(MenuItem("admin", "admin:index"))
    if person.is_active and person.role in ADMIN_ROLES:  # privacy: register, history
        items.append(MenuItem("privacy", "privacy:register"))
    if person.is_active and person.role in RIGHTS_ROLES:  # subjectrights: inzage, bewaartermijnen
        items.append(MenuItem("rights", "subjectrights:index"))
    items.append(MenuItem("help", "home:help"))
    return items


#: The daily work stays in the top row; the rest folds into a few groups so the menu fits on
#: one line at 1280 px whatever the role. An item not named here goes under "more".
GROUP_OF = {
    "tables": "together",
    "let": "together",
    "worktables": "together",
    "generic": "together",
    "funds": "money",
    "calculator": "money",
    "budget": "money",
    "patterns": "learning",
    "signals": "learning",
    "figures": "learning",
    "knowledge": "learning",
    "opendata": "learning",
    "consults": "together",
    "ambassadors": "together",
    "game": "learning",
    "earlysignals": "money",
    "admin": "more",
    "privacy": "more",
    "rights": "more",
    "help": "more",
    "verhuisbox": "together",
}
DIRECT = frozenset({"start", "cases", "open-case", "votes", "actions", "pauses", "indications"})
GROUP_ORDER = ("together", "money", "learning", "more")


@dataclass(frozen=True)
class MenuGroup:
    key: str
    items: tuple[MenuItem, ...]


def grouped(items: list[MenuItem]) -> list[MenuItem | MenuGroup]:
    """The menu as shown: the daily items first, in their order, then each group that has
    items; a group of one is shown as that one item, not as a fold-out of one."""
    direct = [item for item in items if item.key in DIRECT]
    groups: dict[str, list[MenuItem]] = {key: [] for key in GROUP_ORDER}
    for item in items:
        if item.key not in DIRECT:
            groups[GROUP_OF.get(item.key, "more")].append(item)
    shown: list[MenuItem | MenuGroup] = list(direct)
    for key in GROUP_ORDER:
        members = groups[key]
        if len(members) == 1:
            shown.append(members[0])
        elif members:
            shown.append(MenuGroup(key, tuple(members)))
    return shown
