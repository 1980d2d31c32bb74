"""Scales, the fixed base date and the names and texts the synthetic rows are drawn from."""

import datetime
from dataclasses import dataclass

BASE = datetime.datetime(2025, 1, 1, 8, 0, tzinfo=datetime.UTC)
YEAR_SECONDS = 365 * 24 * 3600
CHUNK_HOUSEHOLDS = 5_000


@dataclass(frozen=True)
class Scale:
    households: int
    requests: int
    wijken: int
    teams: int
    per_team: int


SCALES = {
    "tiny": Scale(households=500, requests=2_000, wijken=2, teams=4, per_team=20),
    "city": Scale(households=50_000, requests=200_000, wijken=20, teams=80, per_team=22),
    "national": Scale(
        households=1_000_000, requests=3_000_000, wijken=400, teams=1_600, per_team=22
    ),
    # the national organisation (1,600 teams, 3,200 funds, one municipality) with a tenth of
    # its requests: the dashboard's shape at national scale in minutes instead of hours
    "national-teams": Scale(
        households=60_000, requests=300_000, wijken=400, teams=1_600, per_team=22
    ),
}

FUNDS_PER_TEAM = 2
GIVEN_NAMES = [
    "Anna",
    "Bram",
    "Chantal",
    "Daan",
    "Eva",
    "Fatima",
    "Gijs",
    "Hanna",
    "Ilias",
    "Jesse",
    "Kim",
    "Lotte",
    "Mohammed",
    "Noor",
    "Olaf",
    "Priya",
    "Quinten",
    "Rosa",
    "Sem",
    "Tess",
    "Umar",
    "Vera",
    "Wessel",
    "Yara",
    "Zeynep",
]
FAMILY_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Yilmaz",
    "El Amrani",
    "Kaya",
    "Dekker",
    "Brouwer",
    "van Leeuwen",
]
BLOCKER_ORGS = (
    ("Woningcorporatie Bench", "woningcorporatie"),
    ("Zorgverzekeraar Bench", "zorgverzekeraar"),
    ("UWV", "uwv"),
    ("SVB", "svb"),
    ("DUO", "duo"),
    ("CJIB", "cjib"),
    ("Belastingdienst/Toeslagen", "belastingdienst-toeslagen"),
    ("Schuldhulp Bench", "schuldhulpverlening"),
)
LIFE_DOMAINS = [
    "wonen",
    "financien",
    "inkomen-werk",
    "gezondheid",
    "opvoeding-jeugd",
    "onderwijs",
    "veiligheid",
    "sociaal-netwerk",
]
RULES = (
    "Terugvordering toeslag in één keer",
    "Geen betalingsregeling zonder vast inkomen",
    "Wachttijd van zes weken voor een uitkering",
    "Huurachterstand leidt tot ontruimingsprocedure",
    "Eigen risico moet vooraf betaald",
    "Boete verhoogd na gemiste termijn",
)
SOLUTIONS = (
    "Achterstand bij de leverancier in één keer betalen",
    "Wasmachine vervangen",
    "Schoolspullen en laptop voor de kinderen",
    "Eigen bijdrage tandarts betalen",
    "Eerste maand huur van de nieuwe woning",
    "Boete afkopen zodat de verhoging vervalt",
)
IBANS = ("NL91ABNA0417164300", "NL20INGB0001234567", "NL02RABO0123456789", "NL44RABO0123456789")
SUPPLIERS = ("Energie Bench BV", "Witgoed Bench", "Tandartspraktijk Bench", "Verhuur Bench")
ROLE_MIX = ("gezinswerker",) * 12 + ("buurtteammedewerker",) * 6 + ("inkomensconsulent",) * 2

# request status, cumulative weight
STATUS_MIX = (
    ("ingediend", 0.15),
    ("goedgekeurd", 0.40),
    ("betaald", 0.80),
    ("afgewezen", 0.95),
    ("elders-opgelost", 1.0),
)
