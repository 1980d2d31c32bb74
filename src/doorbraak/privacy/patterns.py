"""Regular expressions and word lists of the anonymiser's own annotators, compiled once."""

from __future__ import annotations

import re


def cased(*words: str) -> str:
    """An alternation of each word as written and with a capital. Case-sensitive literals
    match many times faster than a case-insensitive alternation, which re tries at every
    position of the text."""
    variants = dict.fromkeys(v for w in words for v in (w, w[:1].upper() + w[1:]))
    return "(?:" + "|".join(variants) + ")"


# BSN: 9 digits, optionally with single spaces or dots between them ("1234.56.782").
BSN_RE = re.compile(r"(?<![\w.,])\d(?:[ .]?\d){8}(?![\w]|[.,]\d)")
AMOUNT_BEFORE_RE = re.compile(r"(?:€|EUR|eur)\s*$")

# IBAN: country code, check digits, then groups of 4 (with or without spaces) and a tail.
IBAN_RE = re.compile(
    r"(?<![\w])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![\w])"
)
IBAN_GROUP_RE = re.compile(r" ?[A-Za-z0-9]+$")

# Dutch phone numbers: 0 or +31 / 0031 (optionally "(0)"), then 9 national digits, with
# single spaces or hyphens between groups, optionally "(020)" style area codes.
PHONE_RE = re.compile(
    r"(?<![\w+])"
    r"(?P<prefix>(?:\+|00)31[ -]?(?:\(0\)[ -]?)?|\(?0)"
    r"[1-9]\d{0,3}\)?(?:(?: ?- ?| )?\d{2,8}){1,4}"
    r"(?!\d)"
)
PHONE_TAIL_RE = re.compile(r"(?: ?- ?| )?\d+$")

# Postcodes: "1234 AB" (capitals) or "1234AB"/"1234ab"; not glued to digits/words.
POSTCODE_RE = re.compile(r"(?<![\w.,€])[1-9]\d{3}(?: (?-i:[A-Z]{2})|[A-Za-z]{2})(?![\w])")
POSTCODE_FULL_RE = re.compile(r"[1-9]\d{3} ?[A-Za-z]{2}")
# Letter pairs never issued; and units that follow a number ("1500mg"), which count only
# when written in capitals ("1234 MG" is a postcode).
POSTCODE_NEVER_ISSUED = frozenset(["SA", "SD", "SS"])
POSTCODE_NOT_LETTERS = frozenset(
    [
        "SA", "SD", "SS", "KB", "MB", "GB", "TB", "KM", "CM", "MM", "ML", "CL", "DL", "KG", "MG",
        "GR", "PK", "KW", "UR", "EU",
    ]
)  # fmt: skip

# Street addresses: capitalised street name ending in a street suffix + house number.
STREET_SUFFIX = (
    r"straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|hof|park|dreef|pad|plantsoen"
    r"|markt|wal|burgwal|haven|boulevard"
)
PARTICLE_WORDS = (
    "van", "de", "der", "den", "het", "'t", "'s", "op", "aan", "in", "ter", "ten", "te", "bij",
    "la", "le", "du", "da", "di", "von", "el", "al",
)  # fmt: skip
PARTICLE = r"(?:" + "|".join(re.escape(p) for p in PARTICLE_WORDS) + r")"
# Particles inside street names ("Jan van Galenstraat"); not "aan", "op", "in", "bij", "te":
# "Daan aan de Kerkstraat 12" is a name, then an address.
STREET_PARTICLE = r"(?:van|de|der|den|het|'t|'s|ter|ten|la|le|du|von)"
# Capitalised words that start sentences but are not part of a street name.
NOT_STREET_WORD = r"(?!(?:In|Op|Aan|Het|Een|Zij|Hij|Wij|Ze|Naar|Bij|Uit|Via|Sinds|Tot|Voor|Na|Met|En|Of|Adres|Woont|Wonend|Woonachtig|Te)\b)"  # noqa: E501
# A capitalised word, or a short abbreviation with a dot ("St.", "Burg."), never a
# sentence end.
NAME_WORD = NOT_STREET_WORD + r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'’]*(?:-[\w'’]+)*)"
HOUSE_NUMBER = (
    r"\d{1,5}(?:(?:bis|hs|HS|[A-Za-z])(?![\w]))?"
    r"(?:[ -](?:I{1,3}|IV|hs|HS|bis|zw|rd|bg|hg)(?![\w])|-(?:\d{1,4}|[A-Za-z])(?![\w]))?"
    r"(?![\w])"
)
ADDRESS_RE = re.compile(
    r"(?<![\w'’-])(?:"
    # "Kerkstraat 12", "Van Lennepkade 3-II", "Oude Gracht 14a", "Jan van Galenstraat 5"
    rf"(?:{NAME_WORD}[ \t]+(?:{STREET_PARTICLE}[ \t]+){{0,3}}){{0,3}}"
    rf"(?:'[st]-)?(?=[A-Z])[\w'’-]*?(?i:{STREET_SUFFIX})"
    # "Laan van Meerdervoort 20"
    r"|(?:Laan|Plein|Kade|Weg|Singel|Dijk|Gracht|Park|Straatweg|Burgwal)"
    rf"[ \t]+(?:{STREET_PARTICLE}[ \t]+){{1,3}}{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}"
    rf")[ \t]+{HOUSE_NUMBER}"
)
# Where an address may end: a street suffix then a number. ADDRESS_RE runs only around these,
# because run over a whole text its many optional words cost more than deduce itself.
_SUFFIXES = STREET_SUFFIX.split("|")
# Case-sensitive literals: a case-insensitive alternation would be ten times slower.
ADDRESS_ANCHOR_RE = re.compile(
    "(?:" + "|".join(_SUFFIXES + [w.capitalize() for w in _SUFFIXES]) + r")[ \t]+\d"
    r"|(?:Laan|Plein|Kade|Weg|Singel|Dijk|Gracht|Park|Straatweg|Burgwal)[ \t]+(?:v|d|h|t|'|l)"
)
ADDRESS_WINDOW = 90

# E-mail addresses.
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

# Dates (for dates of birth only).
MONTHS = (
    r"januari|jan|februari|feb|maart|mrt|april|apr|mei|juni|jun|juli|jul|augustus|aug"
    r"|september|sept|sep|oktober|okt|november|nov|december|dec"
)
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
NUMERIC_DATE = rf"{DAY}(?P<sep>[-/.])(?:0?[1-9]|1[0-2])(?P=sep)(?:(?:19|20)\d{{2}}|\d{{2}})"
DATE_RE = re.compile(
    r"(?<![\w])(?:"
    rf"{NUMERIC_DATE}"
    rf"|{DAY}\s*(?i:{MONTHS})\.?\s+(?:(?:19|20)?\d{{2}}|'\d{{2}})"
    r"|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r")(?![\w])"
)
DATE_OR_YEAR_RE = re.compile(rf"{DATE_RE.pattern}|(?<![\w])(?:19|20)\d{{2}}(?![\w])")
NUMERIC_DATE_AT_RE = re.compile(rf"{NUMERIC_DATE}(?!\d)")
BIRTH_KEYWORD_RE = re.compile(
    r"(?i)(?<![\w])(?:"
    r"(?P<year>geboortejaar|geboren\s+in(?=\s+(?:19|20)\d{2}(?![\w])))"
    r"|geboortedatum|geb\.?\s?datum|geboren|geb\.|geb(?=\s*[:\d])"
    r")"
)
BIRTH_WINDOW = 30
BIRTH_GAP_RE = re.compile(r"[^\n.;!?]*")

# Residence context for a place name found by deduce.
RESIDENCE_BEFORE_RE = re.compile(
    r"(?i)(?<![\w])(?:woont|wonen|woonde|wonend|woonachtig|woonplaats|verhuisd|verhuist"
    r"|verhuizen|verhuisde|afkomstig|geboren|adres|ingeschreven)(?![\w])[^\n.;!?]{0,30}$"
)
RESIDENCE_WINDOW = 60
# What may stand between an address or postcode and its place: "…12, 3511 AB Ede", "… in Ede".
LOCATION_GAP_RE = re.compile(r"(?:[ \t\r\n,]|(?<![\w])(?:in|te)(?![\w]))+$")

# Organisations by the form of their name ("Stichting Opvang De Overstap", "Kredietbank
# Nederland", "Incassobureau Noord"); named ones are in keep.py.
ORG_PREFIXES = (
    r"[Ww]oonstichting|[Ww]oningstichting|[Ww]ooncorporatie|[Ww]oningcorporatie|[Ss]tichting"
    r"|[Gg]emeente|[Ww]aterschap|[Hh]oogheemraadschap|[Zz]orggroep|[Zz]iekenhuis|[Bb]uurtteam"
    r"|[Ww]ijkteam|[Cc]oöperatie|[Zz]orgverzekeraar|[Bb]elastingdienst|[Bb]ureau"
    r"|[A-Z][a-z]+(?:bank|bureau|dienst|groep|fonds|loket|centrum|instituut|kantoor|verzekeraar)"
)
ORG_RE = re.compile(
    rf"(?<![\w])(?:{ORG_PREFIXES})"
    rf"(?:[ \t]+(?:(?i:{PARTICLE})[ \t]+)?(?:IJ|[A-Z])[\w'’&-]*){{0,3}}(?![\w])"
)

# Cleaning deduce's person spans.
TITLE_WORDS = frozenset(
    [
        "dhr", "mevr", "mw", "mvr", "mr", "mevrouw", "meneer", "heer", "dr", "drs", "ir", "ing",
        "prof", "zoon", "dochter",
    ]
)  # fmt: skip
PARTICLE_SET = frozenset(PARTICLE_WORDS) | {"en", "uit", "voor", "met", "bij", "naar", "v", "d"}
TRAILING_PARTICLES_RE = re.compile(
    r"(?:[\s,.\-]+(?:" + "|".join(re.escape(p) for p in sorted(PARTICLE_SET)) + r"))+[\s,.\-]*$"
)
LETTERS_RE = re.compile(r"[^\W\d_]+")
ALNUM_RE = re.compile(r"[^\W_]")
STRIP_CHARS = " \t\r\n,.;:()[]{}-/'\"’"
PERSON_GAP_RE = re.compile(r"[ \t]*|[ \t]*-[ \t]*")


# ---------------------------------------------------------------------------------------
# Places, streets without a suffix, and persons named after a role word
# ---------------------------------------------------------------------------------------

UPPER = "A-ZÀ-ÖØ-ÞĀĆČĐĒĘĚĞİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŸŹŻŽ"
LOWER = "a-zß-öø-ÿāćčđēęěğıłńňōőœřśşšţťūůűźżž'’"
# A capitalised word that is not all capitals ("Utrecht", "IJssel", "Öztürk", "Ait-Taleb").
CAP_WORD = rf"(?:IJ|[{UPPER}])[{LOWER}]+(?:-(?:IJ|[{UPPER}{LOWER[:-2]}])[{LOWER}]*)*"

# A place name: "Utrecht", "Den Haag", "'s-Hertogenbosch", "Capelle aan den IJssel".
CITY = (
    rf"(?:'s-|'t[ -])?(?:(?:Den|De|Het|Nieuw|Oud|Oude|Sint|St\.|Hoog|Groot|Klein|Ter)[ \t]+)?"
    rf"{CAP_WORD}(?:[ \t]+(?:aan|op|bij|in|onder|over)(?:[ \t]+(?:de|den|der|het))?[ \t]+"
    rf"{CAP_WORD})?"
)
# Words that may follow a postcode but are not a place.
NOT_A_PLACE = frozenset(
    [
        "tel", "telefoon", "mobiel", "mail", "email", "e-mail", "bsn", "iban", "postbus",
        "nederland", "rekening", "geboortedatum", "geboren", "adres", "zoon", "dochter", "moeder",
        "vader",
    ]
)  # fmt: skip
# "3511 AB Utrecht", "3511AB, Utrecht", "3511 AB te Utrecht".
PLACE_AFTER_POSTCODE_RE = re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]+te[ \t]+|[ \t]+)({CITY})(?![\w'’])")
# "Kerkstraat 12 in Ede", "Kerkstraat 12 te Ede", "Kerkstraat 12, Ede." (end of the phrase).
PLACE_AFTER_ADDRESS_RE = re.compile(
    rf"[ \t]*,?[ \t]+(?:in|te)[ \t]+({CITY})(?![\w'’])"
    rf"|[ \t]*,[ \t]*({CITY})(?=[ \t]*(?:[.;)\n]|$))"
)
# "woont in Leiden", "verhuisd naar Kampen", "Woonplaats: Ede", "woonplaats was Leiden".
_RESIDENCE_VERB = cased(
    *[
        "woont",
        "wonen",
        "woonde",
        "wonend",
        "woonachtig",
        "verhuisd",
        "verhuist",
        "verhuizen",
        "verhuisde",
        "ingeschreven",
        "afkomstig",
        "komt",
        "komen",
        "kwam",
        "kwamen",
    ]
)
RESIDENCE_PLACE_RE = re.compile(
    rf"(?<![\w])(?:{_RESIDENCE_VERB}(?:[ \t]+(?:sinds|al)[ \t]+\S+)?[ \t]+(?:in|te|naar|uit)"
    rf"|{cased('woonplaats')}[ \t]*(?::|[ \t](?:is|was|wordt)))[ \t]+({CITY})(?![\w'’])"
)
FOLLOWED_BY_NUMBER_RE = re.compile(r"[ \t]+\d")

# Streets without a suffix ("Hoograven 45A", "Lange Voorhout 3"): either a house number with
# an addition, or a plain number right after "aan de", "op het", "Adres:", "woont op" ….
BARE_STREET = rf"{CAP_WORD}(?:[ \t]+(?:(?:van|de|der|den|het|'t|'s)[ \t]+)?{CAP_WORD})?"
_ADDITION = (
    r"(?:[A-Za-z]|bis|[ -](?:I{1,3}|IV|hs|HS|bis|zw|rd|bg|hg|[A-Z])|-(?:\d{1,4}|[A-Za-z]{1,2}))"
)
_NOT_AN_AMOUNT = r"(?![\w])(?![.,]\d)(?![ \t]*(?:euro|EUR|eur|€|,-|%|procent|keer)(?![\w]))"
# A house number with an addition ("45A", "23bis", "134 II"); then the street before it.
NUMBER_WITH_ADDITION_RE = re.compile(
    rf"(?<=[ \t])(?!(?:19|20)\d\d-)(?P<number>\d{{1,4}}){_ADDITION}{_NOT_AN_AMOUNT}"
)
STREET_BEFORE_RE = re.compile(rf"(?<![\w'’-])(?P<street>{BARE_STREET})[ \t]+$")
BARE_ADDRESS_IN_CONTEXT_RE = re.compile(
    rf"(?<![\w])(?:{cased('aan', 'op', 'in')}[ \t]+(?:de|het)[ \t]+"
    rf"|{cased('adres', 'woonadres', 'postadres', 'woonachtig', 'woont', 'wonend')}[ \t]*:?[ \t]+"
    rf"|{cased('verhuisd')}[ \t]+naar[ \t]+)"
    r"(?:(?:sinds|vanaf|al|nu)(?:[ \t]+[\w-]+){1,3}?[ \t]+)?"
    r"(?:(?:aan|op)[ \t]+(?:(?:de|het)[ \t]+)?)?"
    rf"(?P<street>{BARE_STREET})[ \t]+(?P<number>\d{{1,4}}{_ADDITION}?){_NOT_AN_AMOUNT}"
)
BARE_ADDRESS_BEFORE_POSTCODE_RE = re.compile(
    rf"(?<![\w'’-])(?P<street>{BARE_STREET})[ \t]+(?P<number>\d{{1,4}}{_ADDITION}?)"
    r"[ \t]*,?[ \t\n]*$"
)
# First words that are followed by a number but are no street ("artikel 35", "groep 7").
NOT_A_STREET = frozenset(
    [
        "artikel", "art", "lid", "bijlage", "groep", "klas", "week", "stap", "fase", "niveau",
        "hoofdstuk", "paragraaf", "punt", "kamer", "route", "bus", "lijn", "zaal", "bed", "versie",
        "dossier", "zaak", "nummer", "nr", "factuur", "polis", "kenmerk", "categorie", "regel",
        "box", "schaal", "trede", "periode", "kwartaal", "jaar", "maand", "dag", "pagina", "blad",
        "formulier", "wet", "wmo", "jeugdwet", "awb", "tel", "telefoon", "mobiel", "postbus",
        "code", "module", "sectie", "onderdeel", "tabel", "figuur", "ronde", "deel", "boek",
        "titel", "afdeling", "team", "loket", "balie", "verdieping", "etage", "blok", "fase",
        "toets", "tijdvak", "bijstand", "uitkering", "januari", "februari", "maart", "april", "mei",
        "juni", "juli", "augustus", "september", "oktober", "november", "december", "maandag",
        "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "de", "het", "een",
        "in", "op", "aan", "te",
    ]
)  # fmt: skip
# Extra house-number parts after a street address found elsewhere: "Damrak 134 II".
HOUSE_NUMBER_TAIL_RE = re.compile(
    r"(?:[A-Za-z]|bis|[ -](?:I{1,3}|IV|hs|HS|bis|zw|rd|bg|hg)|-(?:\d{1,4}|[A-Za-z]{1,2}))(?![\w])"
)

# A person named after a role or title word: "huisbaas Kowalski", "contact met Haddou",
# "schuldhulpverlener B. de Wit". Organisations and common words are filtered out later.
_ROLE = cased(
    *"""huisbaas verhuurder verhuurster ex-partner ex-man ex-vrouw partner echtgenoot echtgenote
    vriend vriendin schuldhulpverlener bewindvoerder bewindvoerster consulent klantmanager
    casemanager contactpersoon jeugdbeschermer voogd mentor huisarts moeder vader zoon
    dochter oma opa tante oom broer zus buurman buurvrouw mevrouw meneer""".split(),  # noqa: SIM905
    r"mevr\.",
    r"mw\.",
    r"mvr\.",
    r"dhr\.",
    r"de[ \t]+heer",
    *(
        rf"{w}[ \t]+met"
        for w in [
            "contact",
            "besproken",
            "gesproken",
            "gebeld",
            "overleg",
            "afspraak",
            "gesprek",
            "gemaild",
            "geappt",
        ]
    ),
)
_NAME_PARTICLE = r"(?:van|de|der|den|ter|ten|te|el|al|da|di|du|le|la|von|op|in|'t)"
PERSON_AFTER_ROLE_RE = re.compile(
    rf"(?<![\w]){_ROLE}[ \t]*:?[ \t]+"
    rf"(?P<name>(?:[A-Z]\.[ \t]?){{0,3}}(?:{_NAME_PARTICLE}[ \t]+){{0,2}}{CAP_WORD}"
    rf"(?:[ \t]+(?:{_NAME_PARTICLE}[ \t]+){{0,2}}{CAP_WORD}){{0,2}})(?![\w'’])"
)
NAME_WORD_RE = re.compile(rf"{CAP_WORD}")
# A capitalised word right before a person's name: an unusual first name ("Dmytro").
WORD_BEFORE_RE = re.compile(rf"(?<![\w'’-])({CAP_WORD})[ \t]+$")
