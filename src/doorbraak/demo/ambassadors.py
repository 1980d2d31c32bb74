"""Demo ambassadors (issue 17 item 5): synthetic maatwerkambassadeurs, trekkers and aanjagers
in the demo organisations, with work contact details on the reserved .example domain and
numbers from the fictional 0123 range. Written through the service, as the beleidsadviseur."""

from doorbraak.accounts.models import Neighbourhood, User
from doorbraak.ambassadors import services
from doorbraak.ambassadors.models import Ambassador

# name, kind, organisation key, wijk (None: whole organisation), department, topics, phone, when
AMBASSADORS = [
    (
        "Fatima el Idrissi",
        "maatwerkambassadeur",
        "gemeente",
        None,
        "Werk en Inkomen",
        "bijstand, terugvordering, maatwerk",
        "0123 45 67 01",
        "ma t/m do, eerst bellen",
    ),
    (
        "Bram de Wit",
        "maatwerkambassadeur",
        "gemeente",
        "Havenkwartier",
        "Wmo",
        "wmo, huishoudelijke hulp, vervoer",
        "0123 45 67 02",
        "di en do",
    ),
    (
        "Ingrid Mulder",
        "trekker",
        "gemeente",
        None,
        "Programma Doorbraak",
        "doorbraaktafel, escalatie, hersteloperatie",
        "0123 45 67 03",
        "",
    ),
    (
        "Karim Bouzid",
        "maatwerkambassadeur",
        "corporatie",
        None,
        "Huurincasso",
        "huurachterstand, ontruiming, woonfraude",
        "0123 45 67 04",
        "werkdagen 9-12 uur",
    ),
    (
        "Els Vermeer",
        "aanjager",
        "corporatie",
        "Molenwijk",
        "Wijkbeheer",
        "wonen, overlast, urgentie",
        "0123 45 67 05",
        "",
    ),
    (
        "Ruud Janssen",
        "maatwerkambassadeur",
        "schuldhulp",
        None,
        "Intake",
        "schulden, beslag, betalingsregeling",
        "0123 45 67 06",
        "ma, wo, vr",
    ),
    (
        "Yvonne Smit",
        "maatwerkambassadeur",
        "uwv",
        None,
        "Klantcontact regio",
        "ww, wia, terugvordering",
        "0123 45 67 07",
        "via de ketenlijn",
    ),
    (
        "Mehmet Aydin",
        "trekker",
        "buurtteams",
        "Bloemenbuurt",
        "Buurtteam Bloemenbuurt",
        "integrale aanpak, jeugd, schulden",
        "0123 45 67 08",
        "",
    ),
    (
        "Anouk Bakker",
        "maatwerkambassadeur",
        "toeslagen",
        None,
        "Persoonlijk zaakbehandelaar",
        "toeslagen, hersteloperatie, terugvordering",
        "0123 45 67 09",
        "di t/m vr",
    ),
    (
        "Linda Koster",
        "maatwerkambassadeur",
        "duo",
        None,
        "Klantcontact",
        "studiefinanciering, terugbetaling, draagkracht",
        "0123 45 67 11",
        "",
    ),
    (
        "Joost van Dam",
        "aanjager",
        "zorg",
        None,
        "Wijkverpleging",
        "wijkverpleging, samen indiceren, mantelzorg",
        "0123 45 67 10",
        "",
    ),
]


def add_demo_ambassadors(orgs: dict, users: dict[str, User]) -> dict[str, int]:
    adviser = users["demo-beleidsadviseur"]
    wijken = {w.name: w for w in Neighbourhood.objects.filter(municipality=orgs["gemeente"])}
    for name, kind, org, wijk, department, topics, phone, when in AMBASSADORS:
        first = name.split()[0].lower()
        services.ambassador_save(
            actor=adviser,
            name=name,
            kind=kind,
            organisation=orgs[org],
            neighbourhood=wijken[wijk] if wijk else None,
            department=department,
            topics=topics,
            work_email=f"{first}.ambassadeur@{org}.voorbeeldstad.example",
            work_phone=phone,
            reachable=when,
        )
    return {"ambassadors": Ambassador.objects.count()}
