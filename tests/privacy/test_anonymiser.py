"""The anonymiser that approvers' request texts pass through. Synthetic data only: invented
names, BSNs generated to pass the 11-check, IBANs with computed check digits.

No database: the anonymiser and its CLI are pure Python. Deduce takes seconds to load, so
one Anonymiser is shared per module."""

import json
import re
import subprocess
import sys
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban as stdnum_iban

from doorbraak.privacy import anonymiser as anonymiser_module
from doorbraak.privacy.anonymiser import PLACEHOLDERS, Anonymised, Anonymiser
from tests.bsn_numbers import valid_bsn


def make_iban(bank: str = "DEMO", account: str = "0123456789") -> str:
    check = stdnum_iban.calc_check_digits(f"NL00{bank}{account}")
    return f"NL{check}{bank}{account}"


def spaced(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


BSN = valid_bsn(3)
BSN_DOTTED = f"{BSN[:4]}.{BSN[4:6]}.{BSN[6:]}"
BSN_SPACED = f"{BSN[:3]} {BSN[3:6]} {BSN[6:]}"
HOUSEHOLD_IBAN = make_iban("DEMO", "0123456789")
SUPPLIER_IBAN = make_iban("LEVR", "9876543210")


@pytest.fixture(scope="module")
def anonymiser():
    return Anonymiser()


def check_invariants(original: str, result: Anonymised) -> None:
    """Spans are sorted, non-overlapping, inside the text, of known kinds, and replacing
    each span of the original by its placeholder gives the redacted text."""
    assert isinstance(result.spans, tuple)
    previous_end = 0
    rebuilt = []
    for start, end, kind in result.spans:
        assert kind in PLACEHOLDERS
        assert previous_end <= start < end <= len(original)
        rebuilt.append(original[previous_end:start])
        rebuilt.append(PLACEHOLDERS[kind])
        previous_end = end
    rebuilt.append(original[previous_end:])
    assert "".join(rebuilt) == result.text


def run(anonymiser, text, **kwargs) -> Anonymised:
    result = anonymiser.anonymise(text, **kwargs)
    check_invariants(text, result)
    return result


# --- each kind is removed ---------------------------------------------------------------

REMOVED = [
    # (text, secret that must disappear, kind, kwargs)
    ("Fenna Zwaluwstaart vraagt hulp.", "Zwaluwstaart", "persoon", {"names": ["Zwaluwstaart"]}),
    ("Mevrouw Jansen belde gisteren over de huur.", "Jansen", "persoon", {}),
    (f"Haar BSN is {BSN}.", BSN, "bsn", {}),
    (f"BSN {BSN_DOTTED} staat in het dossier.", BSN_DOTTED, "bsn", {}),
    (f"bsn: {BSN_SPACED}, zie brief", BSN_SPACED, "bsn", {}),
    (f"Rekening {HOUSEHOLD_IBAN} van mevrouw.", HOUSEHOLD_IBAN, "iban", {}),
    (f"Rekening {spaced(HOUSEHOLD_IBAN)} voor de huur.", spaced(HOUSEHOLD_IBAN), "iban", {}),
    ("Bel 06-12345678 na drie uur.", "06-12345678", "telefoon", {}),
    ("Bel 06 1234 5678 na drie uur.", "06 1234 5678", "telefoon", {}),
    ("Bereikbaar op +31 6 12345678.", "+31 6 12345678", "telefoon", {}),
    ("Bereikbaar op 0031 6 12345678.", "0031 6 12345678", "telefoon", {}),
    ("Vaste lijn 020-1234567 thuis.", "020-1234567", "telefoon", {}),
    ("Vaste lijn 010 123 4567 thuis.", "010 123 4567", "telefoon", {}),
    ("Tel. 070 - 345 67 89 overdag.", "345 67 89", "telefoon", {}),
    ("Postcode 1234 AB, gevonden.", "1234 AB", "postcode", {}),
    ("Postcode 1234AB, gevonden.", "1234AB", "postcode", {}),
    ("Zij woont aan de Kerkstraat 12 sinds mei.", "Kerkstraat 12", "adres", {}),
    ("Nieuw adres: Van Lennepkade 3-II, tweede etage.", "Lennepkade 3-II", "adres", {}),
    ("Het gezin woont op Oude Gracht 14a.", "Gracht 14a", "adres", {}),
    ("Sinds mei op de Burgemeester Reigerstraat 45bis.", "Reigerstraat 45bis", "adres", {}),
    ("Mail naar fenna.zwaluw@voorbeeld.nl graag.", "fenna.zwaluw@voorbeeld.nl", "email", {}),
    ("Moeder, geboren op 12-03-1985, werkt niet.", "12-03-1985", "geboortedatum", {}),
    ("Zoon (geb. 12/3/85) gaat naar school.", "12/3/85", "geboortedatum", {}),
    ("Geboortedatum: 12 maart 1985.", "12 maart 1985", "geboortedatum", {}),
    ("Vader, geboortejaar 1979, is ziek.", "1979", "geboortedatum", {}),
    ("Zij woont in Amersfoort met twee kinderen.", "Amersfoort", "woonplaats", {}),
    ("Adres Kerkstraat 12, 3511 AB Amersfoort.", "Amersfoort", "woonplaats", {}),
    ("Op de Kerkstraat 12 in Amersfoort sinds mei.", "Amersfoort", "woonplaats", {}),
]


@pytest.mark.parametrize(("text", "secret", "kind", "kwargs"), REMOVED)
def test_each_kind_is_removed(anonymiser, text, secret, kind, kwargs):
    result = run(anonymiser, text, **kwargs)
    assert secret not in result.text
    assert kind in {k for _s, _e, k in result.spans}
    assert PLACEHOLDERS[kind] in result.text


def test_a_full_request_keeps_what_approvers_decide_on(anonymiser):
    text = (
        f"Fenna Zwaluwstaart (geb. 12-03-1985, BSN {BSN_DOTTED}) woont met zoon Daan aan "
        "de Kerkstraat 12, 3511 AB Amersfoort. Tel. 06-12345678, fenna@voorbeeld.nl. "
        "Woonstichting Voorbeeld dreigt met ontruiming wegens een huurachterstand van "
        "€ 350,00 per maand; de totale schuld is € 5.000. UWV heeft de WW-uitkering "
        "stopgezet en Belastingdienst/Toeslagen vordert 500 euro huurtoeslag terug. "
        "Wij vragen bijzondere bijstand uit het Minimaatwerkbudget op grond van de "
        "hardheidsclausule, artikel 35 Participatiewet. Het Antonius Ziekenhuis is "
        f"betrokken. Betaling aan de leverancier op {SUPPLIER_IBAN}. Daan is 12 jaar. "
        "Uiterlijk 1 april 2025 beslissen."
    )
    result = run(
        anonymiser,
        text,
        names=["Fenna", "Zwaluwstaart", "Daan"],
        keep_ibans=[SUPPLIER_IBAN],
    )
    for secret in (
        "Fenna",
        "Zwaluwstaart",
        "Daan",
        "12-03-1985",
        BSN_DOTTED,
        "Kerkstraat",
        "3511 AB",
        "Amersfoort",
        "06-12345678",
        "fenna@voorbeeld.nl",
    ):
        assert secret not in result.text, secret
    for kept in (
        "€ 350,00",
        "€ 5.000",
        "500 euro",
        "UWV",
        "WW-uitkering",
        "Belastingdienst/Toeslagen",
        "Woonstichting Voorbeeld",
        "huurachterstand",
        "bijzondere bijstand",
        "Minimaatwerkbudget",
        "hardheidsclausule",
        "artikel 35 Participatiewet",
        "Antonius Ziekenhuis",
        SUPPLIER_IBAN,
        "12 jaar",
        "1 april 2025",
    ):
        assert kept in result.text, kept


@pytest.mark.parametrize(
    "text",
    [
        "Schuld bij UWV, SVB, DUO en CJIB; Belastingdienst/Toeslagen vordert terug.",
        "Woonstichting Voorbeeld, Zilveren Kruis, Leger des Heils en de Kredietbank.",
        "Gemeente Utrecht, Raad voor de Kinderbescherming en Veilig Thuis zijn betrokken.",
        "Bedragen: € 350,00 per maand, € 5.000 in totaal en 500 euro eenmalig; 1234 EUR.",
        "Regels: artikel 4:84 Awb, hardheidsclausule, Participatiewet, Wmo 2015.",
        "Categorie: wonen, financiën/schulden, inkomen/werk, gezondheid.",
        "Belastingdienst 0800-0543 is gebeld; dossier 2024-0042.",
    ],
)
def test_amounts_organisations_rules_and_categories_stay(anonymiser, text):
    result = run(anonymiser, text)
    assert result.text == text
    assert result.spans == ()


def test_known_names_are_removed_even_in_lower_case_or_unusual(anonymiser):
    text = (
        "zoë belde, daarna O'NEILL-BAKKER en xylofoonia; Qwrtz is ook betrokken. "
        "De familie El Amrani-van Dijk vraagt hulp."
    )
    names = ["Zoë", "O'Neill-Bakker", "Xylofoonia", "qwrtz", "El Amrani-van Dijk"]
    result = run(anonymiser, text, names=names)
    lowered = result.text.lower()
    for secret in ("zoë", "o'neill", "bakker", "xylofoonia", "qwrtz", "amrani", "dijk"):
        assert secret not in lowered, secret
    assert "belde" in result.text
    assert "vraagt hulp" in result.text


def test_known_names_are_whole_words_only(anonymiser):
    result = run(anonymiser, "Ans zoekt een ansichtkaart.", names=["Ans"])
    assert result.text == "[PERSOON] zoekt een ansichtkaart."


def test_keep_ibans_stay_and_other_ibans_go(anonymiser):
    text = (
        f"Van {spaced(HOUSEHOLD_IBAN)} naar de leverancier {spaced(SUPPLIER_IBAN)}, "
        f"ook bekend als {SUPPLIER_IBAN.lower()}."
    )
    result = run(anonymiser, text, keep_ibans=[SUPPLIER_IBAN])
    assert spaced(HOUSEHOLD_IBAN) not in result.text
    assert spaced(SUPPLIER_IBAN) in result.text
    assert SUPPLIER_IBAN.lower() in result.text
    assert [k for _s, _e, k in result.spans] == ["iban"]


def test_invalid_checksums_stay(anonymiser):
    wrong_bsn = BSN[:-1] + str((int(BSN[-1]) + 1) % 10)
    wrong_iban = HOUSEHOLD_IBAN[:2] + "00" + HOUSEHOLD_IBAN[4:]
    text = f"Zaaknummer {wrong_bsn} en referentie {wrong_iban}."
    result = run(anonymiser, text)
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "De deadline is 1 april 2025.",
        "Uiterlijk 15-06-2025 betalen, anders volgt op 01-07-2025 ontruiming.",
        "Sinds 2019 in de schulden; aanvraag van 3/2/24.",
        "Op 01-02-2024 13 uur gesprek bij het UWV.",
    ],
)
def test_dates_that_are_not_birth_dates_stay(anonymiser, text):
    assert run(anonymiser, text).text == text


def test_only_the_birth_date_goes(anonymiser):
    text = "Geboren op 12-03-1985. Uiterlijk 01-07-2025 moet de huur betaald zijn."
    result = run(anonymiser, text)
    assert (
        result.text == "Geboren op [GEBOORTEDATUM]. Uiterlijk 01-07-2025 moet de huur betaald zijn."
    )


def test_overlaps_resolve_to_sorted_non_overlapping_spans(anonymiser):
    text = (
        "Fenna Zwaluwstaart (fenna.zwaluwstaart@voorbeeld.nl) woont in Amersfoort aan de "
        "Zwaluwstaartlaan 7. Fenna Zwaluwstaart, 06-12345678."
    )
    result = run(anonymiser, text, names=["Fenna Zwaluwstaart", "Fenna", "Zwaluwstaart"])
    kinds = [k for _s, _e, k in result.spans]
    assert "email" in kinds  # the whole e-mail address, not a name inside it
    assert "adres" in kinds
    assert "Zwaluwstaart" not in result.text
    assert "Fenna" not in result.text


def test_empty_and_whitespace_texts_return_at_once():
    bare = Anonymiser.__new__(Anonymiser)  # no deduce loaded: the fast path needs none
    for text in ("", "   ", "\n\t "):
        assert bare.anonymise(text, names=["Fenna"]) == Anonymised(text=text, spans=())


def test_get_anonymiser_builds_one_shared_instance(monkeypatch):
    built = []

    class Stub:
        def __init__(self):
            time.sleep(0.05)
            built.append(self)

    monkeypatch.setattr(anonymiser_module, "Anonymiser", Stub)
    monkeypatch.setattr(anonymiser_module, "_shared", None)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(anonymiser_module.get_anonymiser()))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1
    assert all(r is built[0] for r in results)


# --- property: known names never survive ------------------------------------------------

VOCABULARY = re.findall(
    r"\S+",
    "de huur is te hoog en het UWV wacht op een besluit over de uitkering van "
    "het gezin Belastingdienst Woonstichting schuld bijstand aanvraag moeder vader "
    "kinderen school werk zorg budget € 350,00 500 euro artikel hardheidsclausule",
)
PLACEHOLDER_WORDS = {w.strip("[]").casefold() for w in PLACEHOLDERS.values()} | {"e", "mail"}
NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyzéëïöüç"

names_strategy = st.lists(
    st.text(alphabet=NAME_ALPHABET, min_size=3, max_size=12).filter(
        lambda n: (
            n.casefold() not in PLACEHOLDER_WORDS
            and n.casefold() not in {w.casefold() for w in VOCABULARY}
        )
    ),
    min_size=1,
    max_size=3,
    unique_by=str.casefold,
)


@settings(max_examples=30, deadline=None)
@given(data=st.data(), names=names_strategy)
def test_known_names_never_survive(anonymiser, data, names):
    casing = st.sampled_from([str.lower, str.upper, str.title, lambda s: s])
    token = st.one_of(
        st.sampled_from(VOCABULARY),
        st.tuples(st.sampled_from(names), casing).map(lambda t: t[1](t[0])),
    )
    separator = st.sampled_from([" ", " ", ", ", ". ", "\n", " - ", " (", ") "])
    parts = data.draw(st.lists(st.tuples(token, separator), min_size=1, max_size=40))
    text = "".join(word + sep for word, sep in parts)

    result = run(anonymiser, text, names=names)

    visible = result.text
    for placeholder in PLACEHOLDERS.values():
        visible = visible.replace(placeholder, " ")
    words = {w.casefold() for w in re.findall(r"\w+", visible)}
    for name in names:
        assert name.casefold() not in words


# --- CLI --------------------------------------------------------------------------------


def test_cli_reads_and_writes_json_lines():
    lines = [
        json.dumps(
            {
                "id": 1,
                "text": f"Fenna Zwaluwstaart, BSN {BSN}, belt 06-12345678.",
                "names": ["Fenna", "Zwaluwstaart"],
            }
        ),
        '{"id": 2, "text": ',  # malformed
        json.dumps(
            {
                "id": "drie",
                "text": f"Betaal € 350,00 aan {SUPPLIER_IBAN}, niet aan {HOUSEHOLD_IBAN}.",
                "keep_ibans": [SUPPLIER_IBAN],
            }
        ),
    ]
    completed = subprocess.run(
        [sys.executable, "-m", "doorbraak.privacy.cli"],
        input=("\n".join(lines) + "\n").encode(),
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr.decode(errors="replace")
    out = [json.loads(line) for line in completed.stdout.decode().splitlines()]
    assert len(out) == 3

    assert out[0]["id"] == 1
    assert out[0]["text"] == "[PERSOON], BSN [BSN], belt [TELEFOON]."
    assert [kind for _s, _e, kind in out[0]["spans"]] == ["persoon", "bsn", "telefoon"]
    assert all(len(span) == 3 for span in out[0]["spans"])

    assert out[1]["id"] is None
    assert "error" in out[1] and "text" not in out[1]
    assert "JSON" in out[1]["error"]

    assert out[2]["id"] == "drie"
    assert out[2]["text"] == f"Betaal € 350,00 aan {SUPPLIER_IBAN}, niet aan [IBAN]."
