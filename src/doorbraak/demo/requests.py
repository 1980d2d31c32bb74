"""Demo maatwerk requests on some of demo-gezinswerker's cases, after the seeds' stories:
a fridge for insulin (Leiden), a locksmith (Utrecht), rent bridging for a young person
leaving sheltered housing (Utrecht), and a zero-euro exception for debt help (Utrecht).
Suppliers and IBANs are invented ("DEMO" bank code)."""

from decimal import Decimal

from stdnum import iban

from doorbraak.cases.models import Case, CaseStatus
from doorbraak.proposals import services
from doorbraak.proposals.models import Category, LegalGround


def demo_iban(n: int) -> str:
    bban = f"DEMO{n:010d}"
    return f"NL{iban.calc_check_digits(f'NL00{bban}')}{bban}"


# (category, amount, frequency, months, supplier, solution, legal ground (law, article),
#  legitimacy, involvement, return, avoided)
REQUESTS = [
    (
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


def add_demo_requests(worker) -> int:
    cases = (
        Case.objects.filter(key_worker=worker, status=CaseStatus.OPEN, blockers__status="open")
        .distinct()
        .order_by("pk")
    )
    made = 0
    for n, (case, spec) in enumerate(zip(cases, REQUESTS, strict=False)):
        (
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
        services.request_submit(
            actor=worker,
            case=case,
            blockers=list(case.blockers.filter(status="open")[:1]),
            solution=solution,
            category=Category.objects.get(key=category),
            amount=Decimal(amount),
            frequency=frequency,
            months=months,
            supplier_name=supplier,
            supplier_iban=demo_iban(n + 1) if supplier else "",
            prior_provisions=["geen"],
            recurrence_prevention="Besproken in het plan; de vaste contactpersoon volgt het op.",
            legal_ground=LegalGround.objects.get(law=law, article=article),
            legitimacy=legitimacy,
            involvement=involvement,
            societal_return=societal_return,
            horizon_months=max(12, months) if avoided else None,
            avoided=avoided or None,
        )
        made += 1
    return made
