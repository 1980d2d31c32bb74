"""Demo escalation route and escalations (synthetic, like everything in the demo city): a
route after Utrecht's example, one request at the casusoverleg / MDT, one blocker at the
Doorbraaktafel, open follow-up actions for demo-teamleider and demo-gezinswerker (one of
them overdue), and one PRIO mandate use with its verzoeningsgesprek (S11)."""

import datetime

from django.utils import timezone

from doorbraak.accounts.models import Mandate, User
from doorbraak.cases.models import Blocker, BlockerStatus, CaseStatus
from doorbraak.escalation import mandate_services, rules, services
from doorbraak.escalation.models import EscalationLevel, EscalationRoute, FollowUpAction
from doorbraak.proposals.models import Request, RequestStatus

#: name, kind, deciding roles, money up to, target days, organisations making exceptions.
LEVELS = [
    (
        "Collega's (minimaatwerkbudget)",
        rules.COLLEAGUES,
        ["gezinswerker", "buurtteammedewerker", "teamleider"],
        "500.00",
        2,
        [],
    ),
    (
        "Casusoverleg / MDT Werk & Inkomen",
        rules.CASE_MEETING,
        ["teamleider", "inkomensconsulent", "manager-wi"],
        "2500.00",
        14,
        [],
    ),
    (
        "Doorbraaktafel Voorbeeldstad",
        rules.TABLE,
        ["tafellid", "projectleider", "teamleider"],
        "10000.00",
        30,
        ["corporatie", "verzekeraar", "uwv", "duo", "cjib", "schuldhulp", "opvang"],
    ),
    ("Mandaat (PRIO)", rules.MANDATE, ["teamleider", "manager-wi"], "10000.00", 7, []),
    ("Landelijk Escalatie Team via het Maatwerkloket", rules.LET, ["regievoerder"], None, 90, []),
]


def add_demo_route(orgs: dict) -> EscalationRoute:
    route = EscalationRoute.objects.create(
        name="Escalatieroute Voorbeeldstad (demo, naar het voorbeeld van Utrecht)",
        municipality=orgs["gemeente"],
    )
    for position, (name, kind, roles, amount, days, partners) in enumerate(LEVELS, start=1):
        level = EscalationLevel.objects.create(
            route=route,
            position=position,
            name=name,
            kind=kind,
            roles=roles,
            max_amount=amount,
            target_days=days,
        )
        level.exception_organisations.set([orgs[key] for key in partners])
    services.route_publish(route)
    return route


def add_demo_escalations(orgs: dict) -> int:
    add_demo_route(orgs)
    users = {u.username: u for u in User.objects.filter(username__startswith="demo-")}
    worker, leader = users["demo-gezinswerker"], users["demo-teamleider"]
    today = timezone.localdate()
    # S8 in the demo: the zero-euro request about the car goes to the W&I MDT.
    car = Request.objects.get(created_by=worker, fund__isnull=True, status=RequestStatus.SUBMITTED)
    at_mdt = services.escalate(
        actor=worker,
        case=car.case,
        request=car,
        question="Mag schuldhulp starten terwijl meneer zijn auto houdt? Hij heeft die nodig "
        "voor zijn gezondheid.",
        tried="Schuldhulp gevraagd om een uitzondering; budgetbeheer aangeboden; geen potje "
        "past, het gaat om een uitzondering op de regel, niet om geld.",
    )
    services.action_add(
        actor=worker,
        escalation=at_mdt,
        owner=leader,
        description="Casus agenderen voor het MDT van Werk & Inkomen van volgende week.",
        due_date=today + datetime.timedelta(days=5),
    )
    # A blocker without a request: casusoverleg, then on to the Doorbraaktafel.
    blocker = (
        Blocker.objects.filter(
            case__key_worker=worker,
            case__status=CaseStatus.OPEN,
            status=BlockerStatus.OPEN,
            requests__isnull=True,
            organisation=orgs["corporatie"],
        )
        .order_by("pk")
        .first()
    ) or (
        Blocker.objects.filter(
            case__key_worker=worker,
            case__status=CaseStatus.OPEN,
            status=BlockerStatus.OPEN,
            requests__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    first = services.escalate(
        actor=worker,
        case=blocker.case,
        blocker=blocker,
        question="Kan de corporatie de huurachterstand bevriezen zolang de schuldhulp loopt?",
        tried="Betalingsregeling voorgesteld; de corporatie houdt vast aan de "
        "ontruimingsprocedure.",
    )
    at_table = services.escalate(
        actor=leader,
        case=blocker.case,
        blocker=blocker,
        question="Het casusoverleg kan geen uitzondering bij de corporatie afspreken: graag naar "
        "de Doorbraaktafel, waar de corporatie met mandaat aan tafel zit.",
        tried=first.tried + " Besproken in het casusoverleg.",
    )
    services.action_add(
        actor=leader,
        escalation=at_table,
        owner=worker,
        description="Verslag van het huisbezoek en het overzicht van de schulden aanleveren "
        "voor de Doorbraaktafel.",
        due_date=today,
    )
    services.action_add(
        actor=leader,
        escalation=at_table,
        owner=leader,
        description="Contactpersoon van de corporatie vooraf bellen over de casus.",
        due_date=today + datetime.timedelta(days=2),
    )
    # Synthetic history: the report was due two days ago (the service refuses a past date).
    FollowUpAction.objects.filter(owner=worker, escalation=at_table).update(
        due_date=today - datetime.timedelta(days=2)
    )
    add_demo_mandate_use(orgs, users["demo-sem"])
    return 2


def add_demo_mandate_use(orgs: dict, leader) -> None:
    """S11 in the demo: a team leader's PRIO mandate lets the father live with his family in
    the shelter; the verzoeningsgesprek with the shelter's access desk is in his actions."""
    blocker = (
        Blocker.objects.filter(rule__contains="verwijtbaar", case__team_id=leader.team_id)
        .select_related("case")
        .order_by("pk")
        .first()
    )
    mandate = Mandate.objects.get(holder=leader, organisation=orgs["gemeente"])
    mandate_services.mandate_use(
        actor=leader,
        case=blocker.case,
        mandate=mandate,
        overruled_organisation=orgs["gemeente"],
        overruled_department="Toegang maatschappelijke opvang",
        overruled_rule="Geen toelating tot de gezinsopvang bij eerder verwijtbaar gedrag",
        earlier_refusal="Verzoek om de vader bij het gezin in de opvang te laten wonen, "
        "afgewezen door de toegang maatschappelijke opvang.",
        decision="De vader mag bij zijn gezin in de opvang wonen.",
        reasons="Hij is nooit veroordeeld; de ontruiming ligt jaren achter hem. Het gezin en de "
        "kinderen hebben hem nodig, en hij volgt begeleiding. Zonder hem blijft het gezin "
        "gescheiden zonder dat iemand daar beter van wordt.",
    )
