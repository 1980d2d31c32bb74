"""Synthetic demo data: a made-up city with organisations, teams, professionals, mandates and
64 households whose situations are drawn from the seed texts. Every case is built through
`doorbraak.cases.services`, so timelines are complete. All names and BSNs are invented; the
BSNs come from the 99999xxxx test range and pass the 11-check."""

import datetime
import random
from collections import Counter

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from doorbraak.accounts.models import Mandate, Neighbourhood, Organisation, Team, User
from doorbraak.accounts.models import OrganisationKind as Kind
from doorbraak.accounts.roles import Role
from doorbraak.cases import services
from doorbraak.cases.models import (
    Blocker,
    Case,
    CaseAccess,
    EntryKind,
    Household,
    HouseholdRole,
    KeyWorkerHandover,
    Member,
    SupportPlan,
    TimelineEntry,
)
from doorbraak.demo.accounts import PASSWORD
from doorbraak.demo.ambassadors import add_demo_ambassadors
from doorbraak.demo.budget import add_demo_budget
from doorbraak.demo.earlysignals import add_demo_earlysignals
from doorbraak.demo.escalations import add_demo_escalations
from doorbraak.demo.game import add_demo_game
from doorbraak.demo.generic import add_demo_generic
from doorbraak.demo.indications import add_demo_indications
from doorbraak.demo.knowledge import add_demo_knowledge
from doorbraak.demo.learning import add_demo_learning
from doorbraak.demo.let import add_demo_let
from doorbraak.demo.opendata import add_demo_opendata
from doorbraak.demo.pauses import add_demo_pauses
from doorbraak.demo.recovery import add_demo_recovery
from doorbraak.demo.requests import add_demo_requests, solves_a_demo_request
from doorbraak.demo.security import add_demo_security
from doorbraak.demo.situations import (
    CLOSE_REASON,
    GENERIC_NOTES,
    RESOLUTIONS,
    SITUATIONS,
    Situation,
)
from doorbraak.demo.tables import add_demo_tables
from doorbraak.demo.verhuisbox import add_demo_verhuisbox
from doorbraak.demo.worktables import add_demo_worktables
from doorbraak.reports import summary

SEED = 20240501
MUNICIPALITY = "Gemeente Voorbeeldstad (demo)"
ADMIN_GROUP = "Functioneel beheer"

# fmt: off
ORGANISATIONS = [  # key, name, kind
    ("gemeente", MUNICIPALITY, Kind.MUNICIPALITY),
    ("buurtteams", "Stichting Buurtteams Voorbeeldstad (demo)", Kind.NEIGHBOURHOOD_TEAM_ORG),
    ("corporatie", "Woonstichting Voorbeeld (demo)", Kind.HOUSING_CORPORATION),
    ("verzekeraar", "Zorgverzekeraar Gezond Voorbeeld (demo)", Kind.HEALTH_INSURER),
    ("uwv", "UWV", Kind.UWV),
    ("svb", "SVB", Kind.SVB),
    ("duo", "DUO", Kind.DUO),
    ("cjib", "CJIB", Kind.CJIB),
    ("toeslagen", "Belastingdienst/Toeslagen", Kind.TAX_BENEFITS),
    ("schuldhulp", "Schuldhulp Voorbeeldstad (demo)", Kind.DEBT_HELP),
    ("opvang", "Stichting Opvang De Overstap (demo)", Kind.SHELTER),
    ("zorg", "Zorggroep Voorbeeld (demo)", Kind.CARE_PROVIDER),
    ("loket", "Landelijk Maatwerkloket (demo)", Kind.OTHER),
]
NEIGHBOURHOODS = ["Bloemenbuurt", "Havenkwartier", "Molenwijk"]
TEAMS = [  # name, index into NEIGHBOURHOODS; all in the neighbourhood team organisation
    ("Buurtteam Bloemenbuurt", 0),
    ("Buurtteam Havenkwartier-Noord", 1),
    ("Buurtteam Havenkwartier-Zuid", 1),
    ("Buurtteam Molenwijk", 2),
]
R = Role
USERS = [  # username, first name, last name, role, organisation key, team index
    ("demo-gezinswerker", "Noor", "Verbeek", R.GEZINSWERKER, "buurtteams", 0),
    ("demo-buurtteammedewerker", "Thijs", "Hoogland", R.BUURTTEAMMEDEWERKER, "buurtteams", 0),
    ("demo-teamleider", "Marieke", "Zandbergen", R.TEAMLEIDER, "buurtteams", 0),
    ("demo-fleur", "Fleur", "Kroon", R.GEZINSWERKER, "buurtteams", 0),
    ("demo-ruben", "Ruben", "Wassenaar", R.TEAMLEIDER, "buurtteams", 1),
    ("demo-ayse", "Ayşe", "Korkmaz", R.GEZINSWERKER, "buurtteams", 1),
    ("demo-joost", "Joost", "Langeveld", R.BUURTTEAMMEDEWERKER, "buurtteams", 1),
    ("demo-mila", "Mila", "Oudshoorn", R.TEAMLEIDER, "buurtteams", 2),
    ("demo-daan", "Daan", "Rietveld", R.GEZINSWERKER, "buurtteams", 2),
    ("demo-fatima", "Fatima", "Benali", R.BUURTTEAMMEDEWERKER, "buurtteams", 2),
    ("demo-sem", "Sem", "IJzerman", R.TEAMLEIDER, "buurtteams", 3),
    ("demo-lotte", "Lotte", "Brinkhuis", R.GEZINSWERKER, "buurtteams", 3),
    ("demo-youssef", "Youssef", "Amrani", R.BUURTTEAMMEDEWERKER, "buurtteams", 3),
    ("demo-inkomensconsulent", "Karin", "Molenaar", R.INKOMENSCONSULENT, "gemeente", None),
    ("demo-bart", "Bart", "Veldkamp", R.INKOMENSCONSULENT, "gemeente", None),
    ("demo-manager-wi", "Henk", "Stapel", R.MANAGER_WI, "gemeente", None),
    ("demo-projectleider", "Esther", "van Dalen", R.PROJECTLEIDER, "gemeente", None),
    ("demo-tafellid", "Wouter", "Kempers", R.TAFELLID, "corporatie", None),
    ("demo-hanneke", "Hanneke", "Broekhuis", R.TAFELLID, "verzekeraar", None),
    ("demo-peter", "Peter", "Sloot", R.TAFELLID, "uwv", None),
    ("demo-ingrid", "Ingrid", "Terpstra", R.TAFELLID, "schuldhulp", None),
    ("demo-kees", "Kees", "Valk", R.TAFELLID, "opvang", None),
    ("demo-marloes", "Marloes", "Heijnen", R.TAFELLID, "toeslagen", None),
    ("demo-handhaver", "Rick", "Doornbos", R.HANDHAVER, "gemeente", None),
    ("demo-beleidsadviseur", "Sophie", "Lammers", R.BELEIDSADVISEUR, "gemeente", None),
    ("demo-regievoerder", "Arjen", "Wolters", R.REGIEVOERDER, "loket", None),
    ("demo-beheerder", "Petra", "Kuijpers", R.BEHEERDER, "gemeente", None),
]
#: How many households each key worker opens (64 in all); demo-gezinswerker's come first.
CASELOAD = {
    "demo-gezinswerker": 10, "demo-buurtteammedewerker": 5, "demo-fleur": 5,
    "demo-teamleider": 2, "demo-ruben": 2, "demo-ayse": 6, "demo-joost": 6, "demo-mila": 2,
    "demo-daan": 6, "demo-fatima": 6, "demo-sem": 2, "demo-lotte": 6, "demo-youssef": 6,
}
HANDOVERS = [  # first case of `from` goes to `to`; recorded by `actor`
    ("demo-fleur", "demo-gezinswerker", "demo-teamleider", "Fleur gaat met langdurig verlof. "
     "Noor kent het gezin van een gezamenlijk huisbezoek; warme overdracht met het gezin erbij."),
    ("demo-joost", "demo-ayse", "demo-joost", "Op verzoek van de bewoner, die liever met een "
     "vrouwelijke contactpersoon praat. Samen met haar besproken."),
    ("demo-daan", "demo-fatima", "demo-mila", "Daan stopt bij het buurtteam; Fatima neemt het "
     "over na een kennismakingsgesprek met het gezin erbij."),
]
MANDATES = [  # holder, organisation, scope, max amount, period ("current"/"open"/"expired"), by
    ("demo-teamleider", "gemeente", "Afwijken van de Participatiewet-regels voor opvang en "
     "bijzondere bijstand, over afdelingen heen, als een casus vastloopt.", 5000, "current",
     "College van burgemeester en wethouders"),
    ("demo-sem", "gemeente", "Beslissen over afdelingen heen (PRIO): toegang tot opvang, "
     "bijzondere bijstand en woonkosten, als een casus vastloopt.", 5000, "current",
     "College van burgemeester en wethouders"),
    ("demo-ruben", "gemeente", "Afwijken van de Participatiewet-regels voor opvang (proef).",
     2500, "expired", "College van burgemeester en wethouders"),
    ("demo-manager-wi", "gemeente", "Woonkostentoeslag zonder verhuisplicht en bijzondere "
     "bijstand met terugwerkende kracht toekennen.", 10000, "open", "Gemeentesecretaris"),
    ("demo-tafellid", "corporatie", "Huurachterstand bevriezen, ontruiming opschorten en een "
     "woning buiten de reguliere toewijzing aanbieden.", 2500, "current", "Directeur-bestuurder"),
    ("demo-hanneke", "verzekeraar", "Aanmelding bij het CAK uitstellen en de aanvullende "
     "verzekering herstellen bij premieachterstand.", 1500, "current", "Directie Zorginkoop"),
    ("demo-peter", "uwv", "Terugvordering van een voorschot opschorten of kwijtschelden bij "
     "mensen die tussen wal en schip vallen.", 10000, "current", "Raad van Bestuur"),
]

FEMALE = [
    "Anna", "Linda", "Sandra", "Monique", "Priya", "Samira", "Esra", "Naima", "Kim", "Iris",
    "Yvonne", "Chantal", "Ilse", "Marjolein", "Nadia", "Shanti", "Rosa", "Elif", "Jolanda",
    "Wendy",
]
MALE = [
    "Mark", "Dennis", "Mohamed", "Hakan", "Erik", "Jeroen", "Stefan", "Ahmed", "Kevin", "Rachid",
    "Patrick", "Sander", "Bilal", "Tim", "Frank", "Milan", "Omar", "Richard", "Ivo", "Mehmet",
]
CHILDREN = [
    "Emma", "Sara", "Liam", "Noah", "Julia", "Zoë", "Finn", "Adam", "Lina", "Levi", "Yara",
    "Luuk", "Mees", "Amira", "Jayden", "Nova", "Ilias", "Saar", "Bram", "Lieke",
]
FAMILY_NAMES = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok",
    "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
    "de Bruijn", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven",
    "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom",
    "Huisman", "Kuipers", "Post", "Kramer", "Scholten", "van Wijk", "Postma", "Vink",
    "de Ruiter", "Groen", "Jonker", "van Loon", "Yilmaz", "El Idrissi", "Öztürk", "Bouzid",
    "Kaya", "Nguyen", "Tahiri", "Demir", "Pinas", "Martina", "Rosario", "Aydin",
]
# fmt: on


def demo_exists() -> bool:
    return Organisation.objects.filter(name=MUNICIPALITY).exists()


def synthetic_bsns(rng: random.Random):
    """Endless unique 9-digit numbers in the 99999xxxx test range that pass the 11-check."""
    seen = set()
    while True:
        digits = [9, 9, 9, 9, 9] + [rng.randrange(10) for _ in range(3)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        bsn = "".join(map(str, digits)) + str(check)
        if check < 10 and bsn not in seen:
            seen.add(bsn)
            yield bsn


def _compose(rng: random.Random, situation: Situation, family: str, year: int) -> list[tuple]:
    """(given name, family name, household role, birth year) per member, main resident first."""
    female = situation.sex == "v" or (not situation.sex and rng.random() < 0.5)
    age = {"jongere": (18, 22), "oudere": (62, 78), "woningdelers": (22, 40)}.get(
        situation.kind, (26, 50)
    )
    main_age = rng.randint(*age)
    members = [
        (rng.choice(FEMALE if female else MALE), family, HouseholdRole.MAIN, year - main_age)
    ]
    if situation.kind == "gezin":
        other = family if rng.random() < 0.6 else rng.choice(FAMILY_NAMES)
        members.append(
            (
                rng.choice(MALE if female else FEMALE),
                other,
                HouseholdRole.PARTNER,
                year - main_age + rng.randint(-5, 5),
            )
        )
    if situation.kind == "woningdelers":
        members.append(
            (
                rng.choice(MALE),
                rng.choice(FAMILY_NAMES),
                HouseholdRole.OTHER,
                year - rng.randint(20, 40),
            )
        )
    if situation.kind in ("gezin", "eenouder"):
        for _ in range(rng.randint(1, 3)):
            members.append(
                (
                    rng.choice(CHILDREN),
                    family,
                    HouseholdRole.CHILD,
                    year - rng.randint(0, min(17, main_age - 19)),
                )
            )
        if len(members) < 5 and rng.random() < 0.12:
            members.append(
                (
                    rng.choice(FEMALE),
                    family,
                    HouseholdRole.PARENT,
                    year - main_age - rng.randint(22, 30),
                )
            )
    return members


def _office_hours(moment: datetime.datetime, rng: random.Random) -> datetime.datetime:
    local = timezone.localtime(moment)
    return local.replace(
        hour=rng.randint(9, 16), minute=rng.randrange(0, 60, 5), second=0, microsecond=0
    )


def _spread_over_time(case: Case, start: datetime.datetime, now: datetime.datetime, rng) -> None:
    """Backdate a freshly built case so its timeline spans the period from `start` to now."""
    entries = list(case.timeline.order_by("id"))
    intake = 2  # the opening, the members registered with it and the first note: same visit
    while entries[intake - 1].kind == EntryKind.MEMBER_ADDED:
        intake += 1
    start = _office_hours(start, rng)
    times = [start + datetime.timedelta(minutes=4 * i) for i in range(intake)]
    later = start + datetime.timedelta(days=1)
    for fraction in sorted(rng.random() for _ in entries[intake:]):
        when = _office_hours(later + (now - later) * fraction * 0.95, rng)
        times.append(min(now, max(when, times[-1] + datetime.timedelta(minutes=10))))
    members = iter(case.household.members.order_by("id")[1:])
    plans = iter(case.plans.order_by("version"))
    handovers = iter(case.handovers.order_by("id"))
    access = iter(case.access.order_by("id"))
    for entry, when in zip(entries, times, strict=True):
        TimelineEntry.objects.filter(pk=entry.pk).update(created_at=when)
        if entry.kind == EntryKind.OPENED:
            Case.objects.filter(pk=case.pk).update(opened_at=when)
            Household.objects.filter(pk=case.household_id).update(created_at=when)
            Member.objects.filter(
                household=case.household_id, household_role=HouseholdRole.MAIN
            ).update(created_at=when)
        elif entry.kind == EntryKind.MEMBER_ADDED:
            Member.objects.filter(pk=next(members).pk).update(created_at=when)
        elif entry.kind == EntryKind.BLOCKER_ADDED:
            Blocker.objects.filter(pk=entry.blocker_id).update(created_at=when)
        elif entry.kind == EntryKind.BLOCKER_RESOLVED:
            Blocker.objects.filter(pk=entry.blocker_id).update(resolved_at=when)
        elif entry.kind == EntryKind.PLAN:
            SupportPlan.objects.filter(pk=next(plans).pk).update(created_at=when)
        elif entry.kind == EntryKind.HANDOVER:
            KeyWorkerHandover.objects.filter(pk=next(handovers).pk).update(handed_over_at=when)
        elif entry.kind == EntryKind.ACCESS_GRANTED:
            CaseAccess.objects.filter(pk=next(access).pk).update(granted_at=when)
        elif entry.kind == EntryKind.CLOSED:
            Case.objects.filter(pk=case.pk).update(closed_at=when)


def _build_accounts(today: datetime.date) -> tuple[dict, dict]:
    orgs = {}
    for key, name, kind in ORGANISATIONS:
        orgs[key], _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
    wijken = [
        Neighbourhood.objects.create(name=n, municipality=orgs["gemeente"]) for n in NEIGHBOURHOODS
    ]
    teams = [
        Team.objects.create(name=name, organisation=orgs["buurtteams"], neighbourhood=wijken[wijk])
        for name, wijk in TEAMS
    ]
    password = make_password(PASSWORD)  # one hash for all: same password, much faster
    users = {}
    for username, first, last, role, org, team in USERS:
        users[username] = User.objects.create(
            username=username,
            first_name=first,
            last_name=last,
            role=role,
            password=password,
            email=f"{username}@voorbeeldstad.example",
            organisation=orgs[org],
            team=None if team is None else teams[team],
            is_staff=role == Role.BEHEERDER,
        )
    group, _ = Group.objects.get_or_create(name=ADMIN_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            Q(
                content_type__app_label="accounts",
                content_type__model__in=[
                    "organisation",
                    "neighbourhood",
                    "team",
                    "user",
                    "mandate",
                ],
            )
            | Q(
                content_type__app_label="privacy",
                codename__in=["view_auditrecord", "view_processingrecord"],
            )
            | Q(
                content_type__app_label="costbenefit",
                content_type__model__in=["costfigure", "priceindexyear"],
            )
            | Q(
                content_type__app_label="proposals",
                content_type__model__in=["category", "legalground"],
            )
            | Q(content_type__app_label="learning", content_type__model="rule")
            | Q(
                content_type__app_label="approvals",
                content_type__model__in=["approvalpolicy", "approvalgroup", "policyversion"],
            )
            | Q(
                content_type__app_label="funds",
                content_type__model__in=["fund"],
            )
            | Q(content_type__app_label="funds", codename__startswith="view_")
            | Q(
                content_type__app_label="escalation",
                content_type__model__in=["escalationroute", "escalationlevel", "routeversion"],
            )
            | Q(content_type__app_label="tables", content_type__model__in=["table", "tablemember"])
            | Q(content_type__app_label="tables", codename__in=["view_meeting", "view_consent"])
            | Q(content_type__app_label="recovery", content_type__model="recoveryfund")
            | Q(content_type__app_label="budget", content_type__model="bijstandsnorm")
        )
    )
    users["demo-beheerder"].groups.add(group)
    periods = {
        "current": (datetime.date(today.year, 1, 1), datetime.date(today.year + 1, 12, 31)),
        "open": (datetime.date(today.year - 1, 7, 1), None),
        "expired": (datetime.date(today.year - 2, 1, 1), datetime.date(today.year - 1, 12, 31)),
    }
    for number, (holder, org, scope, amount, period, by) in enumerate(MANDATES, start=1):
        valid_from, valid_until = periods[period]
        Mandate.objects.create(
            holder=users[holder],
            organisation=orgs[org],
            scope=scope,
            max_amount=amount,
            valid_from=valid_from,
            valid_until=valid_until,
            granted_by=f"{by}, {orgs[org]}",
            decision_reference=f"DEMO-{valid_from.year}-{number:03d}",
        )
    return orgs, users


@transaction.atomic
def build_demo(seed: int = SEED) -> Counter:
    """Create the whole demo city in one transaction and return what was created."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    now = timezone.now()
    year = timezone.localdate().year
    orgs, users = _build_accounts(timezone.localdate())
    counts = Counter(
        organisations=len(orgs),
        neighbourhoods=len(NEIGHBOURHOODS),
        teams=len(TEAMS),
        users=len(users),
        mandates=len(MANDATES),
    )
    bsns = synthetic_bsns(rng)
    families = rng.sample(FAMILY_NAMES, sum(CASELOAD.values()))
    slots = [name for name, n in CASELOAD.items() for _ in range(n)]
    head, tail = slots[: CASELOAD["demo-gezinswerker"]], slots[CASELOAD["demo-gezinswerker"] :]
    rng.shuffle(tail)  # demo-gezinswerker gets the first (flagship) situations, others random
    handovers = {source: (to, actor, reason) for source, to, actor, reason in HANDOVERS}
    for index, (username, family) in enumerate(zip(head + tail, families, strict=True)):
        worker = users[username]
        situation = SITUATIONS[index % len(SITUATIONS)]
        members = _compose(rng, situation, family, year)
        with_bsn = [rng.random() < 0.34 for _ in members]
        given, family_name, _, birth_year = members[0]
        case = services.case_open(
            actor=worker,
            household_name=f"Huishouden {family[0].upper()}{family[1:]}",
            given_name=given,
            family_name=family_name,
            birth_year=birth_year,
            bsn=next(bsns) if with_bsn[0] else "",
            neighbourhood=worker.team.neighbourhood,
            question=situation.question,
            life_domains=situation.domains,
        )
        for (given, family_name, role, birth_year), bsn in zip(
            members[1:], with_bsn[1:], strict=True
        ):
            services.member_add(
                actor=worker,
                case=case,
                given_name=given,
                family_name=family_name,
                household_role=role,
                birth_year=birth_year,
                bsn=next(bsns) if bsn else "",
            )
        counts["members"] += len(members)
        counts["members_with_bsn"] += sum(with_bsn)
        services.note_add(actor=worker, case=case, text=rng.choice(GENERIC_NOTES[:3]))
        blockers = [
            services.blocker_add(
                actor=worker,
                case=case,
                organisation=orgs[org],
                rule=rule,
                effect=effect,
                life_domain=domain,
            )
            for org, domain, rule, effect in situation.blockers
        ]
        if rng.random() < 0.85:
            counts["plans"] += 1
            services.plan_update(
                actor=worker,
                case=case,
                goal=situation.plan[0],
                own_contribution=situation.plan[1],
                support_needed=situation.plan[2],
            )
        for text in situation.notes + rng.sample(GENERIC_NOTES[3:], rng.randint(0, 2)):
            services.note_add(actor=worker, case=case, text=text)
        if username in handovers:
            to, actor, reason = handovers.pop(username)
            services.key_worker_handover(
                actor=users[actor], case=case, to_user=users[to], reason=reason
            )
            case.refresh_from_db()
            worker = users[to]
            services.note_add(
                actor=worker,
                case=case,
                text="Kennismaking na de overdracht; afspraken uit het plan blijven staan.",
            )
        if situation.access and index < len(SITUATIONS):
            services.access_grant(
                actor=worker, case=case, user=users[situation.access[0]], reason=situation.access[1]
            )
        closing = index % 13 == 7
        for blocker in blockers:
            resolve = closing or rng.random() < 0.25
            keep_open = username == "demo-gezinswerker" and solves_a_demo_request(blocker.rule)
            if resolve and not keep_open:
                services.blocker_resolve(
                    actor=worker, blocker=blocker, resolution=rng.choice(RESOLUTIONS)
                )
                counts["resolved_blockers"] += 1
        if case.plans.exists() and rng.random() < 0.25:
            counts["plans"] += 1
            services.plan_update(
                actor=worker,
                case=case,
                goal=situation.plan[0],
                own_contribution=situation.plan[1],
                support_needed=f"{situation.plan[2]} Bijgesteld na evaluatie: "
                "eens per maand een afspraak is genoeg.",
            )
        if closing:
            services.case_close(actor=worker, case=case, reason=CLOSE_REASON)
            counts["closed_cases"] += 1
        days = rng.randint(200, 420) if closing else rng.randint(7, 330)
        _spread_over_time(
            case, now - datetime.timedelta(days=days, hours=rng.randint(0, 9)), now, rng
        )
        counts["households"] += 1
        counts["blockers"] += len(blockers)
    counts["requests"] = add_demo_requests(users["demo-gezinswerker"])
    counts["escalations"] = add_demo_escalations(orgs)
    counts["agenda_items"] = add_demo_tables(orgs)
    counts["let_submissions"] = add_demo_let(orgs)
    counts.update(add_demo_learning(orgs, users))
    counts.update(add_demo_worktables(orgs, users))
    counts.update(add_demo_generic(orgs, users))
    counts.update(add_demo_knowledge())
    counts.update(add_demo_recovery())
    counts.update(add_demo_security(orgs, users))
    counts.update(add_demo_pauses(orgs, users))
    counts.update(add_demo_budget())
    counts.update(add_demo_indications(orgs, users))
    counts.update(add_demo_ambassadors(orgs, users))
    counts.update(add_demo_game(users))
    counts.update(add_demo_earlysignals(users))
    counts.update(add_demo_verhuisbox(users))
    # The demo dates its rows back after the services wrote them: recount the dashboards'
    # figures from the rows as they now stand.
    summary.refresh_all()
    counts.update(add_demo_opendata(orgs, users))
    return counts
