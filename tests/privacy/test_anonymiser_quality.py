"""The anonymiser on the labelled synthetic notes (doorbraak.privacy.synthetic): the goals of
issue 10 (≥ 99 % of identifying spans removed, ≥ 98 % of what approvers need kept), a floor
per kind, and the failures the issue names, one by one. Synthetic data only."""

import pytest

from doorbraak.privacy import evaluation, synthetic
from doorbraak.privacy.anonymiser import get_anonymiser
from doorbraak.privacy.keep import KeepTerms

KEEP = tuple(synthetic.PLATFORM_TERMS)

# Per kind: at or a little below what docs/anonymiser.md reports, so a regression in one
# kind fails even while the overall rates still pass.
REMOVE_FLOOR = 0.98
KEEP_FLOOR = 0.98


@pytest.fixture(scope="module")
def anonymiser():
    return get_anonymiser()


@pytest.fixture(scope="module")
def scores(anonymiser):
    return evaluation.score(anonymiser, synthetic.notes(400, seed=2026), keep=KEEP)


def test_overall_goals(scores):
    assert scores.recall >= 0.99, evaluation.table(scores)
    assert scores.keep >= 0.98, evaluation.table(scores)


@pytest.mark.parametrize("kind", synthetic.REMOVE_KINDS)
def test_each_identifying_kind_is_removed(scores, kind):
    assert scores.total[kind] >= 100, "too few spans of this kind to measure"
    assert scores.rate([kind]) >= REMOVE_FLOOR, [m for m in scores.misses if m[0] == kind][:5]


@pytest.mark.parametrize("kind", synthetic.KEEP_KINDS)
def test_each_needed_kind_is_kept(scores, kind):
    assert scores.total[kind] >= 100, "too few spans of this kind to measure"
    assert scores.rate([kind]) >= KEEP_FLOOR, [m for m in scores.misses if m[0] == kind][:5]


def test_another_seed_meets_the_goals_too(anonymiser):
    """The rules were written against seed 2026; other notes from the generator hold too."""
    scores = evaluation.score(anonymiser, synthetic.notes(150, seed=11), keep=KEEP)
    assert scores.recall >= 0.99, evaluation.table(scores)
    assert scores.keep >= 0.98, evaluation.table(scores)


# --- the failures named in the issue -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("Besproken met mevrouw Bakker van Toeslagen.", "Bakker", "van Toeslagen"),
        ("Besproken met dhr. Yilmaz van de Stadsbank Oost Nederland.", "Yilmaz", "Stadsbank Oost"),
        ("Mevrouw Tahiri van de Kredietbank Nederland belt terug.", "Tahiri", "Kredietbank Ned"),
        ("Schuldhulpverlener Bouzid van Plangroep is op de hoogte.", "Bouzid", "van Plangroep"),
        ("Contact met Haddou (Veilig Thuis) over de melding.", "Haddou", "(Veilig Thuis)"),
    ],
)
def test_a_name_before_van_organisation_does_not_swallow_it(anonymiser, text, secret, kept):
    result = anonymiser.anonymise(text, keep=KEEP).text
    assert secret not in result
    assert kept in result
    assert "[PERSOON]" in result


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Het gezin woont op Hoograven 45A sinds mei.", "Hoograven 45A"),
        ("Nieuw adres: Hillevliet 23bis, tweede etage.", "Hillevliet 23bis"),
        ("Zij woont aan de Overtoom 12 met twee kinderen.", "Overtoom 12"),
        ("Adres: Lange Voorhout 3, 2514 EA Den Haag.", "Lange Voorhout 3"),
        ("Sinds maart op Damrak 134 II in Amsterdam.", "Damrak 134 II"),
        ("Tuinwijk 180, 3511 AB Utrecht.", "Tuinwijk 180"),
    ],
)
def test_streets_without_a_suffix_go(anonymiser, text, secret):
    result = anonymiser.anonymise(text, keep=KEEP).text
    assert secret.split()[0] not in result
    assert "[ADRES]" in result


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kerkstraat 12, 3511 AB Utrecht.", "Utrecht"),
        ("Kerkstraat 12\n3072AB  Rotterdam", "Rotterdam"),
        ("Molenweg 3, 2904 KL Capelle aan den IJssel.", "IJssel"),
        ("Postadres 5211 AA te 's-Hertogenbosch.", "Hertogenbosch"),
        ("Kerkstraat 12, 4611 GR Bergen op Zoom.", "Zoom"),
        ("Woonplaats was Leiden; nu woont zij in Kampen.", "Leiden"),
    ],
)
def test_the_place_after_a_postcode_or_address_goes(anonymiser, text, place):
    result = anonymiser.anonymise(text, keep=KEEP).text
    assert place not in result
    assert "[WOONPLAATS]" in result


@pytest.mark.parametrize("postcode", ["8272 GR", "1984TB", "3511 KM", "1234 MG", "2011 EU"])
def test_postcodes_with_unit_like_letters_go(anonymiser, postcode):
    result = anonymiser.anonymise(f"Nieuw adres sinds mei: {postcode}.").text
    assert postcode not in result


@pytest.mark.parametrize(
    "text",
    [
        "Betaald aan de Zilveren Kruis 1739 euro.",
        "Zie bijlage 2a en artikel 4a van de verordening.",
        "Uiterlijk 22-03-2026 beslissen; hij gaat naar groep 5.",
        "Sinds 2019 in de bijzondere bijstand; volgens de Wmo 2015 mag dat.",
        "Gemeente Voorbeeldstad en de Stadsbank Oost Nederland zijn betrokken.",
        "Het medicijn weegt 500mg; de pakketten 1500mg en 20 kg.",
    ],
)
def test_what_approvers_need_stays(anonymiser, text):
    assert anonymiser.anonymise(text, keep=KEEP).text == text


def test_keep_terms_protect_an_organisation_deduce_takes_for_a_person(anonymiser):
    text = "Afspraak met Kraaijeveld Bosman over de betalingsregeling."
    kept = anonymiser.anonymise(text, keep=("Kraaijeveld Bosman (demo)",)).text
    assert kept == text


def test_known_household_names_win_over_keep_terms(anonymiser):
    text = "Mevrouw Mandema belde; Mandema Incasso wacht."
    result = anonymiser.anonymise(text, names=["Mandema"], keep=("Mandema Incasso",)).text
    assert "Mandema" not in result


# --- the keep matcher --------------------------------------------------------------------


def test_keep_terms_match_words_case_insensitively_with_variants():
    terms = KeepTerms(["Belastingdienst/Toeslagen", "Zorggroep Voorbeeld (demo)", "Wmo 2015"])
    text = "belastingdienst / toeslagen, Toeslagen, zorggroep voorbeeld, WMO-2015, Wmo 2016"
    found = [text[s:e] for s, e in terms.find(text)]
    assert found == [
        "belastingdienst / toeslagen",
        "Toeslagen",
        "zorggroep voorbeeld",
        "WMO-2015",
    ]


def test_keep_terms_prefer_the_longest_and_skip_single_letters():
    terms = KeepTerms(["Stadsbank", "Stadsbank Oost Nederland", "X", ""])
    text = "Stadsbank Oost Nederland en de Stadsbank; X blijft."
    assert [text[s:e] for s, e in terms.find(text)] == ["Stadsbank Oost Nederland", "Stadsbank"]


# --- the synthetic set itself ------------------------------------------------------------


def test_the_synthetic_set_is_deterministic_and_well_labelled():
    first, again = synthetic.notes(50, seed=3), synthetic.notes(50, seed=3)
    assert [n.text for n in first] == [n.text for n in again]
    assert [n.text for n in first] != [n.text for n in synthetic.notes(50, seed=4)]
    for note in first:
        for start, end, kind, role in note.spans:
            assert 0 <= start < end <= len(note.text)
            assert note.text[start:end] == note.text[start:end].strip()
            assert (kind in synthetic.REMOVE_KINDS) == (role == "remove")
            assert kind in synthetic.REMOVE_KINDS + synthetic.KEEP_KINDS


def test_scoring_counts_partial_redaction_as_a_miss():
    class Fake:
        def anonymise(self, text, names=(), keep=()):
            from doorbraak.privacy.anonymiser import Anonymised

            return Anonymised(text="", spans=((0, 5, "persoon"),))

    note = synthetic.Note(
        text="Fenna Zwaluwstaart en UWV",
        spans=[(0, 18, "persoon", "remove"), (22, 25, "organisatie", "keep")],
    )
    scores = evaluation.score(Fake(), [note])
    assert scores.recall == 0.0
    assert scores.keep == 1.0


def test_the_cli_passes_keep_terms(anonymiser):
    import io
    import json

    from doorbraak.privacy import cli

    text = "Besproken met mevrouw Verhoeven van Kraaijeveld Bosman."
    line = json.dumps({"id": 1, "text": text, "keep": ["Kraaijeveld Bosman"]}).encode()
    out = io.BytesIO()
    cli.run(io.BytesIO(line + b"\n"), out, anonymiser)
    result = json.loads(out.getvalue())["text"]
    assert "Verhoeven" not in result
    assert result.endswith("[PERSOON] van Kraaijeveld Bosman.")
