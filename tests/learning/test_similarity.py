"""The text similarity and why the threshold is 0.30: paraphrases of one rule score above it,
other rules of the same organisation below it."""

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.learning.similarity import item_text, normalise, similarities, stem, words
from tests.learning.conftest import OTHER, SPOOK

THRESHOLD = 0.30


def test_paraphrases_score_above_and_other_rules_below_the_threshold():
    base = item_text(*SPOOK[0])
    paraphrases = similarities(base, [item_text(*t) for t in SPOOK[1:]])
    others = similarities(base, [item_text(*t) for t in OTHER])
    assert min(paraphrases) >= THRESHOLD, paraphrases
    assert max(others) < THRESHOLD - 0.05, others  # a margin, not a coin toss


def test_bijstand_paraphrases_of_the_municipality():
    base = item_text("Geen bijzondere bijstand met terugwerkende kracht", "Uitgave niet vergoed")
    same = [
        item_text("Bijzondere bijstand kan niet met terugwerkende kracht worden toegekend", "x"),
        item_text("Bijstand wordt niet met terugwerkende kracht verstrekt", "maanden zonder geld"),
    ]
    other = [
        item_text("Woonkostentoeslag kent een verhuisplicht", "moet verhuizen"),
        item_text("De energietoeslag kent een harde inkomensgrens", "net te veel inkomen"),
    ]
    assert min(similarities(base, same)) >= THRESHOLD
    assert max(similarities(base, other)) < THRESHOLD


def test_normalise_stem_and_stop_words():
    assert normalise("Spookbewóner, op hét adres!") == "spookbewoner op het adres"
    assert stem("medebewoners") == stem("medebewoner")
    assert "de" not in words("de regel van het adres")


def test_empty_inputs():
    assert similarities("iets", []) == []
    assert similarities("de het een", ["de het een"]) == [1.0]


@given(st.lists(st.text(max_size=60), min_size=1, max_size=6), st.text(max_size=60))
def test_scores_are_between_0_and_1_and_identical_texts_score_1(texts, query):
    scores = similarities(query, texts)
    assert len(scores) == len(texts)
    assert all(0.0 <= s <= 1.0 for s in scores)
    if normalise(query).strip():
        assert similarities(query, [query]) == [1.0]
