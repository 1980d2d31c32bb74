"""A labelled synthetic test set for the anonymiser: notes that read like Dutch case notes,
with every identifying span ("remove") and every span approvers need ("keep") marked.

Everything is invented and generated deterministically from a seed: names from common name
lists mixed at random, BSNs that only pass the 11-check, IBANs with computed check digits,
street names of the kind found in Dutch towns. Pure Python (no Django, no deduce).

Kinds to remove: persoon (a household member, known to the caller), persoon_derde (anybody
else: an ex-partner, a landlord, a professional), adres (street with suffix + number),
adres_zonder_suffix ("Hoograven 45A"), postcode, woonplaats_na_postcode ("3526 KL Utrecht"),
woonplaats (after "woont in"), telefoon, email, bsn, iban, geboortedatum.

Kinds to keep: organisatie (the platform's organisations, passed as keep terms),
organisatie_overig (creditors and agencies the platform does not list), regel, voorziening,
bedrag, leefgebied, datum (an ordinary date), nummer (numbers after rule words).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from stdnum import iban as stdnum_iban

REMOVE_KINDS = (
    "persoon",
    "persoon_derde",
    "adres",
    "adres_zonder_suffix",
    "postcode",
    "woonplaats_na_postcode",
    "woonplaats",
    "telefoon",
    "email",
    "bsn",
    "iban",
    "geboortedatum",
)
KEEP_KINDS = (
    "organisatie",
    "organisatie_overig",
    "regel",
    "voorziening",
    "bedrag",
    "leefgebied",
    "datum",
    "nummer",
)

GIVEN = [
    "Fenna", "Daan", "Sanne", "Mohammed", "Yara", "Bram", "Noor", "Lotte", "Samira", "Jesse",
    "Anouk", "Ilias", "Femke", "Thijs", "Zeynep", "Ruben", "Esmée", "Kofi", "Liv", "Mees",
    "Fatima", "Youssef", "Priya", "Rajesh", "Aïsha", "Kevin", "Shanti", "Dewi", "Agnieszka",
    "Tomasz", "Oksana", "Dmytro", "Mariam", "Abdi", "Hamza", "Ivo", "Gerrit", "Wilma", "Henk",
    "Ria", "Jolanda", "Marco", "Chantal", "Sven", "Roos", "Lieke", "Gijs", "Teun", "Elif",
    "Emre", "Büşra", "Rachid", "Nadia", "Soufiane", "Ayoub", "Ilse", "Kees", "Bep", "Joke",
    "Fleur",
]  # fmt: skip
FAMILY = [
    "Zwaluwstaart", "Jansen", "de Vries", "Bakker", "El Amrani", "van Dijk", "Visser",
    "Kwakernaak", "Smit", "Yilmaz", "Meulenbelt", "Brouwer", "Hoekstra", "Verbeek", "Pinas",
    "Öztürk", "Kowalski", "Nguyen", "Bouzid", "van den Berg", "de Jong", "Ramdin", "Tahiri",
    "Koster", "van der Linden", "Mulder", "Boukhari", "Wijnaldum", "Sedney", "Kaya", "Haddou",
    "Ter Horst", "Dekker", "van Leeuwen", "Oosterhuis", "Schouten", "Ait Taleb", "Çelik",
    "Nowak", "Mertens", "Gerritsen", "Postma", "Hendriks", "van Beek", "Bosman", "Lammers",
]  # fmt: skip
TITLES = ["mevrouw", "meneer", "mevr.", "dhr.", "mw.", "Mevrouw", "De heer", "Meneer"]
STREETS = [
    "Kerkstraat", "Oude Gracht", "Van Lennepkade", "Burgemeester Reigerstraat", "Lindelaan",
    "Molenweg", "Prinsengracht", "Vlierstraat", "Amsterdamsestraatweg", "Jan van Galenstraat",
    "Laan van Meerdervoort", "Kanaalweg", "Biltse Rading", "Croeselaan", "Goudsesingel",
    "Zeeburgerdijk", "Lijnbaan", "Maliebaan", "Ceintuurbaan", "Willem Dreeslaan", "Kastanjehof",
    "Weteringschans", "Westvest", "Groenmarkt", "Korte Koppel", "Zuilenstraat",
]  # fmt: skip
BARE_STREETS = [
    "Hoograven", "Hillevliet", "Overtoom", "Rokin", "Damrak", "Spui", "Neude", "Vredenburg",
    "Binnenrotte", "Zwaanshals", "Noordeinde", "Lange Voorhout", "Stratumseind", "Oudwijk",
    "Vaartsche Rijn", "Amstel", "Kanaleneiland", "Bijlmerdreef", "Tuinwijk", "Zuidplein",
    "Hooghiemstraplein", "Ganzenmarkt", "Vismarkt", "Heuvel", "Lange Nieuwstraat", "Bloemstede",
]  # fmt: skip
CITIES = [
    "Amersfoort", "Utrecht", "Zwolle", "Almere", "Tilburg", "Nijmegen", "Leiden", "Rotterdam",
    "Den Haag", "'s-Hertogenbosch", "Capelle aan den IJssel", "Bergen op Zoom", "Nieuwegein",
    "IJsselstein", "Alphen aan den Rijn", "Zoetermeer", "Houten", "Veenendaal", "Ede",
    "Apeldoorn", "Deventer", "Schiedam", "Vlaardingen", "Woerden", "Maarssen", "Kampen",
]  # fmt: skip
#: The platform's organisations and rule catalogue: what the caller passes as `keep` terms.
PLATFORM_TERMS = [
    "Gemeente Voorbeeldstad", "Stichting Buurtteams Voorbeeldstad", "Woonstichting Voorbeeld",
    "Zorgverzekeraar Gezond Voorbeeld", "UWV", "SVB", "DUO", "CJIB", "Belastingdienst/Toeslagen",
    "Schuldhulp Voorbeeldstad", "Stichting Opvang De Overstap", "Zorggroep Voorbeeld",
    "Landelijk Maatwerkloket", "Stadsbank Oost Nederland", "Plangroep", "Kredietbank Nederland",
    "Buurtteam Hoograven", "Mandema", "Bureau Sociaal Raadslieden", "Toeslagen",
    "Wonen", "Huisraad", "Gezondheid", "Werk", "Onderwijs", "Schulden", "Vervoer", "Inkomen",
    "Opvoeding en jeugd", "Sociaal netwerk", "Veiligheid", "Participatiewet", "Wmo 2015",
    "Jeugdwet", "Algemene wet bestuursrecht", "Gemeentelijke verordening", "Bijzondere bijstand",
    "Hardheidsclausule", "Afstemming op de omstandigheden", "Maatwerkvoorziening",
]  # fmt: skip
PLATFORM_ORGS = PLATFORM_TERMS[:20]
OTHER_ORGS = [
    "Vattenfall", "Eneco", "Ziggo", "KPN", "Vitens", "Zilveren Kruis", "Menzis", "Leger des Heils",
    "Voedselbank", "Humanitas", "Veilig Thuis", "Raad voor de Kinderbescherming", "Nibud",
    "Rabobank", "ING", "GGD", "CAK", "Essent", "Ymere", "Portaal",
]  # fmt: skip
PROVISIONS = [
    "bijzondere bijstand", "individuele inkomenstoeslag", "kwijtschelding", "huurtoeslag",
    "zorgtoeslag", "kinderopvangtoeslag", "voorliggende voorziening", "Wmo-maatwerkvoorziening",
    "schuldhulpverlening", "beschermingsbewind", "minimaatwerkbudget", "budgetbeheer",
    "collectieve zorgverzekering", "noodfonds", "leenbijstand", "WW-uitkering",
]  # fmt: skip
RULES = [
    "artikel 35 Participatiewet", "art. 18 lid 1 Participatiewet", "art. 4:84 Awb",
    "hardheidsclausule", "artikel 2.3.5 Wmo 2015", "Jeugdwet art. 2.3", "art. 16 Participatiewet",
    "artikel 58 Participatiewet", "art. 3:4 lid 2 Awb", "Gemeentelijke verordening",
    "de kan-bepaling",
]  # fmt: skip
DOMAINS = [
    "wonen", "financiën", "gezondheid", "werk", "onderwijs", "opvoeding", "sociaal netwerk",
    "veiligheid", "huisraad", "vervoer", "inkomen", "schulden", "Wonen", "Schulden", "Gezondheid",
    "Huisraad", "dagbesteding", "huiselijke relaties", "psychische gezondheid", "verslaving",
]  # fmt: skip
PROBLEMS = [
    "dreigt met ontruiming wegens een huurachterstand van",
    "heeft de uitkering stopgezet; er is een gat van",
    "vordert aan toeslag terug:",
    "stelt een betalingsregeling voor van",
    "stuurt een aanmaning met incassokosten van",
    "houdt beslag op het loon van",
]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]  # fmt: skip


@dataclass
class Note:
    """A synthetic note, its labelled spans (start, end, kind, "remove"|"keep") and the
    household's names as the caller would pass them."""

    text: str
    spans: list[tuple[int, int, str, str]]
    names: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[int, int, str, str]] = []
        self.pos = 0

    def add(self, text: str, kind: str | None = None) -> _Builder:
        if kind is not None:
            role = "remove" if kind in REMOVE_KINDS else "keep"
            self.spans.append((self.pos, self.pos + len(text), kind, role))
        self.parts.append(text)
        self.pos += len(text)
        return self

    def __call__(self, *pieces: str | tuple[str, str]) -> _Builder:
        for piece in pieces:
            if isinstance(piece, tuple):
                self.add(piece[0], piece[1])
            else:
                self.add(piece)
        return self


def _iban(rng: random.Random) -> str:
    bank = rng.choice(["INGB", "RABO", "ABNA", "SNSB", "ASNB", "TRIO", "BUNQ", "KNAB"])
    account = f"{rng.randint(0, 9_999_999_999):010d}"
    check = stdnum_iban.calc_check_digits(f"NL00{bank}{account}")
    iban = f"NL{check}{bank}{account}"
    if rng.random() < 0.5:
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban


def _bsn(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10 and digits[0] != 0:
            bsn = "".join(map(str, digits)) + str(last)
            break
    style = rng.random()
    if style < 0.2:
        return f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"
    if style < 0.35:
        return f"{bsn[:3]} {bsn[3:6]} {bsn[6:]}"
    return bsn


def _phone(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.35:
        return f"06-{rng.randint(10_000_000, 99_999_999)}"
    if style < 0.5:
        n = f"{rng.randint(10_000_000, 99_999_999)}"
        return f"06 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"
    if style < 0.65:
        return f"+31 6 {rng.randint(10_000_000, 99_999_999)}"
    if style < 0.85:
        return (
            f"0{rng.choice([10, 20, 30, 33, 70, 38, 40, 50])}-{rng.randint(1_000_000, 9_999_999)}"
        )
    n = f"{rng.randint(1_000_000, 9_999_999)}"
    return f"(0{rng.choice([10, 20, 30])}) {n[:3]} {n[3:]}"


def _postcode(rng: random.Random) -> str:
    letters = rng.choice("ABCDEGHJKLMNPRTVWXZ") + rng.choice("ABCDEGHJKLMNPRTVWXZ")
    digits = rng.randint(1000, 9999)
    return f"{digits}{letters}" if rng.random() < 0.25 else f"{digits} {letters}"


def _house_number(rng: random.Random, bare: bool) -> str:
    number = str(rng.randint(1, 250))
    if bare or rng.random() < 0.3:
        number += rng.choice(["A", "B", "a", "bis", "-2", " II", "-hs", "C", ""])
    return number


def _amount(rng: random.Random) -> str:
    euros = rng.randint(25, 7500)
    style = rng.random()
    if style < 0.4:
        return f"€ {euros:,}".replace(",", ".") + ",00"
    if style < 0.6:
        return f"€{euros}"
    if style < 0.8:
        return f"{euros} euro"
    return f"EUR {euros},-"


def _date(rng: random.Random) -> str:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    if rng.random() < 0.5:
        return f"{day} {MONTHS[month - 1]} {rng.randint(2024, 2026)}"
    return f"{day:02d}-{month:02d}-{rng.randint(2024, 2026)}"


def _birth_date(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1950, 2020)
    style = rng.random()
    if style < 0.5:
        return f"{day:02d}-{month:02d}-{year}"
    if style < 0.75:
        return f"{day} {MONTHS[month - 1]} {year}"
    return f"{day}/{month}/{year}"


def _email(rng: random.Random, given: str, family: str) -> str:
    local = rng.choice([given.lower(), f"{given[0].lower()}.{family.split()[-1].lower()}"])
    local = local.translate(str.maketrans("éëöüïçş", "eeouics"))
    domain = rng.choice(["voorbeeld.nl", "mail.example", "post.example.com", "hotmail.example"])
    return f"{local}{rng.randint(1, 99)}@{domain}"


def _address(b: _Builder, rng: random.Random) -> None:
    """A street and number, then maybe the postcode and place."""
    if rng.random() < 0.45:
        b((f"{rng.choice(BARE_STREETS)} {_house_number(rng, bare=True)}", "adres_zonder_suffix"))
    else:
        b((f"{rng.choice(STREETS)} {_house_number(rng, bare=False)}", "adres"))
    style = rng.random()
    if style < 0.55:
        sep = rng.choice([", ", ", ", " ", "\n", ",  "])
        b(sep, (_postcode(rng), "postcode"), rng.choice([" ", "  ", " te "]))
        b((rng.choice(CITIES), "woonplaats_na_postcode"))
    elif style < 0.75:
        b(" in ", (rng.choice(CITIES), "woonplaats"))


def _distractor(b: _Builder, rng: random.Random) -> None:
    """Sentences where a careless rule would remove what approvers need."""
    choice = rng.randrange(7)
    if choice == 0:
        b("Betaald aan de ", (rng.choice(OTHER_ORGS), "organisatie_overig"), " ")
        b((_amount(rng), "bedrag"), ".")
    elif choice == 1:
        b("Zie bijlage ", (f"{rng.randint(1, 9)}a", "nummer"), " en ")
        b((f"artikel {rng.randint(2, 60)}a", "regel"), " van de verordening.")
    elif choice == 2:
        b("Gesprek op ", (_date(rng), "datum"), " om 14.30 uur bij ")
        b((rng.choice(PLATFORM_ORGS), "organisatie"), ".")
    elif choice == 3:
        b("Afgestemd met ", ("Gemeente Voorbeeldstad", "organisatie"), " en ")
        b((rng.choice(OTHER_ORGS), "organisatie_overig"), ".")
    elif choice == 4:
        b("Sinds ", (str(rng.randint(2015, 2025)), "nummer"), " in de ")
        b((rng.choice(PROVISIONS), "voorziening"), "; volgens de ")
        b((rng.choice(["Participatiewet", "Wmo 2015", "Jeugdwet"]), "regel"), " mag dat.")
    elif choice == 5:
        b(rng.choice(TITLES).capitalize(), " ", (rng.choice(FAMILY), "persoon_derde"), " van het ")
        b((rng.choice(["UWV", "CJIB", "Landelijk Maatwerkloket"]), "organisatie"), " belde op ")
        b((_date(rng), "datum"), ".")
    else:
        b("Het ", (rng.choice(["Nibud", "CAK", "GGD"]), "organisatie_overig"), " rekent met ")
        b((_amount(rng), "bedrag"), " voor ", (rng.choice(DOMAINS), "leefgebied"), ".")
    b(" ")


def _note(rng: random.Random) -> Note:  # noqa: PLR0915 - one template per branch, in order
    b = _Builder()
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    child = rng.choice([g for g in GIVEN if g != given])
    third_given, third_family = rng.choice(GIVEN), rng.choice([f for f in FAMILY if f != family])
    org = rng.choice(PLATFORM_ORGS)
    other = rng.choice(OTHER_ORGS)
    names = [given, family, child]

    # Who and where.
    opening = rng.randrange(5)
    if opening == 0:
        b((f"{given} {family}", "persoon"), " (geb. ", (_birth_date(rng), "geboortedatum"))
        b(") woont met ", (child, "persoon"), " aan de ")
        _address(b, rng)
        b(".")
    elif opening == 1:
        b(rng.choice(TITLES).capitalize(), " ", (family, "persoon"), " woont sinds ")
        b((_date(rng), "datum"), " op ")
        _address(b, rng)
        b(". Zoon ", (child, "persoon"), " is ", str(rng.randint(2, 17)), " jaar.")
    elif opening == 2:
        b("Gezin ", (family, "persoon"), "\nAdres: ")
        _address(b, rng)
        b("\nGeboortedatum moeder: ", (_birth_date(rng), "geboortedatum"), ".")
    elif opening == 3:
        b((given, "persoon"), " is verhuisd naar ")
        _address(b, rng)
        b(". Woonplaats was ", (rng.choice(CITIES), "woonplaats"), ".")
    else:
        b("Cliënt ", (f"{given} {family}", "persoon"), ", geboren op ")
        b((_birth_date(rng), "geboortedatum"), ", woonachtig ")
        _address(b, rng)
        b(".")

    # Contact and identifiers.
    b(
        rng.choice([" Tel. ", " Bereikbaar op ", "\nTelefoon: ", " Mobiel "]),
        (_phone(rng), "telefoon"),
    )
    if rng.random() < 0.7:
        b(rng.choice([", mail ", " of via ", "; e-mail: "]))
        b((_email(rng, given, family), "email"))
    b(". ")
    if rng.random() < 0.6:
        b(rng.choice(["BSN ", "bsn: ", "Burgerservicenummer "]), (_bsn(rng), "bsn"), ". ")
    if rng.random() < 0.5:
        b(rng.choice(["IBAN cliënt ", "Rekening van ", "Rekeningnummer "]))
        if rng.random() < 0.3:
            b((given, "persoon"), ": ")
        b((_iban(rng), "iban"), ". ")

    # The problem, with organisations and amounts.
    b((org, "organisatie"), " ", rng.choice(PROBLEMS), " ", (_amount(rng), "bedrag"), ". ")
    contact = rng.randrange(7)
    title = rng.choice(TITLES).lower()
    third = f"{third_given} {third_family}" if rng.random() < 0.4 else third_family
    if contact == 0:
        b("Besproken met ", title, " ", (third, "persoon_derde"), " van ", (org, "organisatie"))
        b(".")
    elif contact == 1:
        b((org, "organisatie"), " (", title, " ", (third, "persoon_derde"), ") belt terug.")
    elif contact == 2:
        b("Contact met ", (third, "persoon_derde"), " (", (other, "organisatie_overig"), ").")
    elif contact == 3:
        b("Schuldhulpverlener ", (third, "persoon_derde"), " van de ")
        b((org, "organisatie"), " is op de hoogte.")
    elif contact == 4:
        b("Ex-partner ", (third, "persoon_derde"), " betaalt geen alimentatie.")
    elif contact == 5:
        b("Huisbaas ", (third, "persoon_derde"), " wil ", (_amount(rng), "bedrag"), " ineens.")
    else:
        b((f"{third_given} {third_family}", "persoon_derde"), " (buurvrouw) helpt met de post;")
        b(" het gezin komt uit ", (rng.choice(CITIES), "woonplaats"), ".")
    b(" ")
    if rng.random() < 0.6:
        b((other, "organisatie_overig"), " ", rng.choice(PROBLEMS), " ")
        b((_amount(rng), "bedrag"), ". ")

    # What is asked, on which ground.
    b("Eerder geprobeerd: ", (rng.choice(PROVISIONS), "voorziening"), " en ")
    b((rng.choice(PROVISIONS), "voorziening"), ". ")
    b(
        rng.choice(["Wij vragen ", "Verzoek: ", "Aanvraag "]),
        (rng.choice(PROVISIONS), "voorziening"),
    )
    b(" op grond van ", (rng.choice(RULES), "regel"), ". ")
    if rng.random() < 0.5:
        b("Leefgebieden: ", (rng.choice(DOMAINS), "leefgebied"), ", ")
        b((rng.choice(DOMAINS), "leefgebied"), " en ", (rng.choice(DOMAINS), "leefgebied"), ". ")
    if rng.random() < 0.4:
        b("Categorie ", (rng.choice(DOMAINS[-8:-4]), "leefgebied"), ", dossier ")
        b((f"{rng.randint(2023, 2026)}-{rng.randint(1, 999):04d}", "nummer"), ". ")
    if rng.random() < 0.6:
        _distractor(b, rng)
    if rng.random() < 0.4:
        b("Uiterlijk ", (_date(rng), "datum"), " beslissen; ")
        b((child, "persoon"), " gaat naar groep ", (str(rng.randint(1, 8)), "nummer"), ".")
    return Note(text="".join(b.parts).strip(), spans=b.spans, names=names)


def notes(count: int = 400, seed: int = 2026) -> list[Note]:
    """`count` labelled notes; the same seed always gives the same notes."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    return [_note(rng) for _ in range(count)]
