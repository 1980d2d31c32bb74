"""Demo Doorbraaktafel (synthetic): the table at step 3 of the demo route with contact persons
of the corporation, the health insurer, UWV and the municipality (linked to their mandates),
and a meeting next week with three items: the corporation blocker from the escalation demo,
S6 (a € 250 flight ticket for a man with rheumatism, to stay with family abroad) and a second
blocker. The household of S6 consented to share its identity with the table."""

import datetime
from decimal import Decimal

from django.utils import timezone

from doorbraak.accounts.models import Mandate, User
from doorbraak.cases import services as case_services
from doorbraak.cases.models import Blocker, BlockerStatus, Case, CaseStatus
from doorbraak.demo.requests import demo_iban
from doorbraak.escalation import services as escalation_services
from doorbraak.escalation.models import Escalation, EscalationRoute, Status
from doorbraak.funds.models import Fund
from doorbraak.proposals import services as request_services
from doorbraak.proposals.models import Category, LegalGround
from doorbraak.tables import services
from doorbraak.tables.models import Table, TableMember

MEMBERS = [  # username, organisation key
    ("demo-tafellid", "corporatie"),
    ("demo-hanneke", "verzekeraar"),
    ("demo-peter", "uwv"),
    ("demo-projectleider", "gemeente"),
    ("demo-teamleider", "gemeente"),
]


def _to_table(worker, leader, case, *, request=None, blocker=None, question, tried):
    escalation_services.escalate(
        actor=worker, case=case, request=request, blocker=blocker, question=question, tried=tried
    )
    return escalation_services.escalate(
        actor=leader,
        case=case,
        request=request,
        blocker=blocker,
        question=question,
        tried=tried + " Besproken in het casusoverleg: daar kan het niet.",
    )


def _s6(worker, leader, orgs):
    case = Case.objects.filter(key_worker=worker, status=CaseStatus.OPEN).order_by("-pk")[0]
    blocker = case_services.blocker_add(
        actor=worker,
        case=case,
        organisation=orgs["corporatie"],
        rule="Isolatie van de woning staat pas na de winter gepland.",
        effect="Meneer (65+) heeft reuma en zit de winter in een koud, tochtig huis.",
        life_domain="wonen",
    )
    request = request_services.request_submit(
        fund=Fund.objects.filter(active=True).order_by("-pk").first(),
        actor=worker,
        case=case,
        blockers=[blocker],
        solution="Vliegticket van € 250: meneer overwintert bij familie in het buitenland, "
        "waar het warm is en de familie hem verzorgt.",
        category=Category.objects.get(key="gezondheid"),
        amount=Decimal("250.00"),
        frequency="eenmalig",
        months=1,
        supplier_name="Reisbureau Zuiderzon (demo)",
        supplier_iban=demo_iban(6),
        prior_provisions=["geen"],
        recurrence_prevention="De corporatie isoleert de woning in het voorjaar.",
        legal_ground=LegalGround.objects.get(law="Participatiewet", article="art. 35"),
        legitimacy="Noodzakelijke kosten door bijzondere omstandigheden.",
        involvement="De familie vangt meneer op; de zoon regelt de reis.",
        societal_return="Voorkomt verergering van de reuma en extra zorg thuis.",
        horizon_months=None,
        avoided=None,
    )
    escalation = _to_table(
        worker,
        leader,
        case,
        request=request,
        question="Kan de tafel het vliegticket van € 250 uit een potje betalen? Het past in "
        "geen regeling.",
        tried="Bijzondere bijstand gevraagd (reiskosten vallen erbuiten); het "
        "minimaatwerkbudget vindt het te ver van de regels.",
    )
    return case, escalation


def add_demo_tables(orgs: dict) -> int:
    users = {u.username: u for u in User.objects.filter(username__startswith="demo-")}
    worker, leader = users["demo-gezinswerker"], users["demo-teamleider"]
    today = timezone.localdate()
    route = EscalationRoute.objects.get(municipality=orgs["gemeente"])
    table = Table.objects.create(
        name="Doorbraaktafel Voorbeeldstad", kind="doorbraaktafel", route=route, level=3
    )
    for username, org in MEMBERS:
        user = users[username]
        TableMember.objects.create(
            table=table,
            user=user,
            organisation=orgs[org],
            mandate=Mandate.objects.filter(holder=user, organisation=orgs[org]).first(),
        )
    items = list(
        Escalation.objects.filter(route_version__route=route, level=3, status=Status.OPEN).order_by(
            "pk"
        )
    )
    case, s6 = _s6(worker, leader, orgs)
    other = (
        Blocker.objects.filter(
            case__key_worker=worker,
            case__status=CaseStatus.OPEN,
            status=BlockerStatus.OPEN,
            requests__isnull=True,
            escalations__isnull=True,
        )
        .order_by("-pk")
        .first()
    )
    if other is not None:
        items.append(
            _to_table(
                worker,
                leader,
                other.case,
                blocker=other,
                question="Kan een partner aan tafel dit knelpunt met een uitzondering oplossen?",
                tried="Gebeld met de organisatie en een bezwaar ingediend.",
            )
        )
    meeting = services.meeting_plan(
        actor=users["demo-projectleider"], table=table, date=today + datetime.timedelta(days=7)
    )
    for escalation in [s6, *items][:3]:
        services.item_add(actor=users["demo-projectleider"], meeting=meeting, escalation=escalation)
    services.consent_record(
        actor=worker,
        case=case,
        member=case.household.members.order_by("pk").first(),
        table=table,
        scope="identiteit",
        valid_from=today,
        valid_until=today + datetime.timedelta(days=90),
    )
    return meeting.items.count()
