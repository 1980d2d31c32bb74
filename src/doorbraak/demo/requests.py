"""Demo maatwerk requests on some of demo-gezinswerker's cases, after the seeds' stories:
a fridge for insulin (Leiden), a locksmith (Utrecht), rent bridging for a young person
leaving sheltered housing (Utrecht), and a zero-euro exception for debt help (Utrecht).
Suppliers and IBANs are invented ("DEMO" bank code)."""

from decimal import Decimal

from django.utils import timezone
from stdnum import iban

from doorbraak.accounts.models import User
from doorbraak.approvals import services as approval_services
from doorbraak.approvals.models import ApprovalGroup, ApprovalPolicy
from doorbraak.cases.models import Blocker, BlockerStatus, CaseStatus
from doorbraak.funds import services as fund_services
from doorbraak.funds.models import Fund
from doorbraak.proposals import lifecycle, services
from doorbraak.proposals.models import Category, LegalGround


def demo_iban(n: int) -> str:
    bban = f"DEMO{n:010d}"
    return f"NL{iban.calc_check_digits(f'NL00{bban}')}{bban}"


# (words in the rule of the blocker it solves, category, amount, frequency, months, supplier,
#  solution, legal ground (law, article), legitimacy, involvement, return, avoided)
REQUESTS = [
    (
        "witgoed",
        "gezondheid",
        "350.00",
        "eenmalig",
        1,
        "Witgoedzaak De Koelcel (demo)",
        "Koelkast om insuline koel te bewaren, geleverd en aangesloten.",
        ("Participatiewet", "art. 35"),
        "Noodzakelijke kosten door bijzondere omstandigheden; bijzondere bijstand duurt te lang.",
        "Meneer regelt zelf de bezorgafspraak en houdt een dagboek van zijn suikerwaarden bij.",
        "Voorkomt ontregelde diabetes en een ziekenhuisopname.",
        [
            {
                "label": "Ziekenhuisopname bij ontregelde diabetes",
                "amount": "2500.00",
                "probability": {"low": "0.2", "high": "0.5"},
                "payer": "zorgverzekeraar",
            }
        ],
    ),
    (
        "cilinder na verlies van sleutels",
        "veiligheid",
        "125.00",
        "eenmalig",
        1,
        "Slotenmaker Sleutelbos (demo)",
        "Nieuwe cilinders in de voordeur, zodat mevrouw zich weer veilig voelt.",
        ("Gemeentelijke verordening", ""),
        "Hardheidsclausule: de regels voor bijzondere bijstand passen hier niet op tijd.",
        "Mevrouw maakt zelf de afspraak en neemt contact op met haar huisarts over de stress.",
        "Voorkomt dat mevrouw uit angst haar huis verlaat en in de opvang belandt.",
        [],
    ),
    (
        "Onder de 23 jaar geen huurtoeslag",
        "wonen",
        "400.00",
        "maandelijks",
        26,
        "Woonstichting Voorbeeld (demo)",
        "Overbrugging van de huur: € 400 per maand uit het maatwerkpotje dakloze jongeren.",
        ("Participatiewet", "art. 18 lid 1"),
        "Afstemming op de omstandigheden: de jongere heeft een urgentiebewijs maar de huur ligt "
        "boven de huurtoeslaggrens voor jongeren onder 23.",
        "Ik woon zelfstandig met ambulante begeleiding en maak mijn opleiding af.",
        "Beschermd wonen kost meer dan tien keer zoveel als de overbrugging.",
        [{"figure": "intensief_begeleid_wonen", "quantity": "2.1666", "probability": "0.9"}],
    ),
    (
        "verkoop van een auto",
        "schulden",
        "0.00",
        "eenmalig",
        1,
        "",
        "Schuldhulp toelaten met behoud van de auto; budgetbeheer bij de gemeente.",
        ("Algemene wet bestuursrecht", "art. 4:84"),
        "Verkoop van de auto heeft onevenredige gevolgen voor de gezondheid van meneer.",
        "Ik ga weer werken en laat mijn inkomen via budgetbeheer lopen.",
        "Geen uitkering meer nodig; hogere schulden en huisuitzetting worden voorkomen.",
        [
            {
                "figure": "bijstand_alleenstaande",
                "quantity": "12",
                "probability": {"low": "0.4", "high": "0.7"},
            },
            {"figure": "huisuitzetting_direct", "quantity": "1", "probability": "0.2"},
        ],
    ),
]


#: Blockers the demo requests solve stay open when the demo city is built.
REQUEST_BLOCKERS = tuple(spec[0] for spec in REQUESTS)


def solves_a_demo_request(rule: str) -> bool:
    return any(words in rule for words in REQUEST_BLOCKERS)


def _blocker_for(worker, words: str) -> Blocker:
    """The worker's open blocker (in an open case) whose rule holds `words`."""
    return (
        Blocker.objects.filter(
            case__key_worker=worker,
            case__status=CaseStatus.OPEN,
            status=BlockerStatus.OPEN,
            rule__contains=words,
        )
        .select_related("case")
        .order_by("pk")
        .first()
    )


def _policy(name, **fields) -> ApprovalPolicy:
    policy = ApprovalPolicy(name=name, **fields)
    approval_services.policy_save(policy)
    return policy


def _group(name, usernames) -> ApprovalGroup:
    group = ApprovalGroup.objects.create(name=name)
    group.members.set(User.objects.filter(username__in=usernames))
    return group


def demo_funds(worker) -> list[Fund]:
    """Three funds from the seeds: the team's minimaatwerkbudget (3× ja, ceiling € 500),
    Utrecht's toeslagenherstelpotje (four roles above € 5,000, W&I veto), and the
    maatwerkpotje for homeless young people (recurring payments)."""
    today = timezone.localdate()
    period = {
        "period_start": today.replace(month=1, day=1),
        "period_end": today.replace(month=12, day=31),
        "debtor_iban": demo_iban(9000),
        "debtor_name": "Gemeente Voorbeeldstad (demo)",
    }
    team = worker.team
    mini = fund_services.fund_open(
        Fund(
            name=f"Minimaatwerkbudget {team}",
            owner_team=team,
            total_budget=Decimal("2500.00"),
            ceiling_per_request=Decimal("500.00"),
            approval_policy=_policy("Drie keer ja (team)", quorum=3),
            **period,
        )
    )
    herstel_group = _group(
        "Herstelpotje",
        [
            "demo-gezinswerker",
            "demo-fleur",
            "demo-buurtteammedewerker",
            "demo-teamleider",
            "demo-inkomensconsulent",
            "demo-projectleider",
            "demo-manager-wi",
        ],
    )
    herstel = fund_services.fund_open(
        Fund(
            name="Toeslagenherstelpotje",
            programme="Hersteloperatie kinderopvangtoeslag",
            total_budget=Decimal("50000.00"),
            **period,
            approval_policy=_policy(
                "Herstelpotje: drie keer ja, boven € 5.000 vier rollen",
                pool="groep",
                group=herstel_group,
                quorum=3,
                veto_roles=["inkomensconsulent"],
                role_rules=[
                    {
                        "above": "5000.00",
                        "roles": ["gezinswerker", "teamleider", "projectleider", "manager-wi"],
                    }
                ],
            ),
        )
    )
    youth_group = _group(
        "Potje dakloze jongeren",
        ["demo-projectleider", "demo-manager-wi", "demo-teamleider", "demo-inkomensconsulent"],
    )
    youth = fund_services.fund_open(
        Fund(
            name="Maatwerkpotje dakloze jongeren",
            programme="Uitstroom beschermd wonen",
            total_budget=Decimal("250000.00"),
            recurring_allowed=True,
            **period,
            approval_policy=_policy(
                "Potje jongeren: twee keer ja", pool="groep", group=youth_group, quorum=2
            ),
        )
    )
    return [mini, herstel, youth]


def add_demo_requests(worker) -> int:
    mini, _herstel, youth = demo_funds(worker)
    funds = [mini, mini, youth, None]
    users = {u.username: u for u in User.objects.filter(username__startswith="demo-")}
    made = []
    for n, spec in enumerate(REQUESTS):
        (
            words,
            category,
            amount,
            frequency,
            months,
            supplier,
            solution,
            (law, article),
            legitimacy,
            involvement,
            societal_return,
            avoided,
        ) = spec
        # Each request is about its own blocker: the fridge about the insulin, the
        # locksmith about the lost keys, the bridging about the rent, the exception about
        # the car that debt help would take.
        blocker = _blocker_for(worker, words)
        case = blocker.case
        made.append(
            services.request_submit(
                fund=funds[n],
                actor=worker,
                case=case,
                blockers=[blocker],
                solution=solution,
                category=Category.objects.get(key=category),
                amount=Decimal(amount),
                frequency=frequency,
                months=months,
                supplier_name=supplier,
                supplier_iban=demo_iban(n + 1) if supplier else "",
                prior_provisions=["geen"],
                recurrence_prevention="Besproken in het plan; de contactpersoon volgt het op.",
                legal_ground=LegalGround.objects.get(law=law, article=article),
                legitimacy=legitimacy,
                involvement=involvement,
                societal_return=societal_return,
                horizon_months=max(12, months) if avoided else None,
                avoided=avoided or None,
            )
        )
    fridge, locksmith, bridging, _zero = made
    for name in ["demo-buurtteammedewerker", "demo-teamleider", "demo-fleur"]:
        lifecycle.vote_cast(actor=users[name], request=fridge, choice="ja")
    batch = lifecycle.batch_create(fund=mini, actor=users["demo-teamleider"])
    lifecycle.batch_mark_paid(batch=batch, actor=users["demo-teamleider"])
    # S4 in the demo: two colleagues said yes; demo-teamleider's yes decides.
    for name in ["demo-fleur", "demo-buurtteammedewerker"]:
        lifecycle.vote_cast(actor=users[name], request=locksmith, choice="ja")
    for name in ["demo-projectleider", "demo-manager-wi"]:
        lifecycle.vote_cast(actor=users[name], request=bridging, choice="ja")
    return len(made)
