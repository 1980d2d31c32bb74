"""Dutch display forms (pure) and the template filters that use them."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.ui import formatting

amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False
)


@pytest.mark.parametrize(
    "value, text",
    [
        (Decimal("350"), "€ 350,00"),
        ("350.00", "€ 350,00"),
        (Decimal("7500.00"), "€ 7.500,00"),
        (Decimal("1234567.5"), "€ 1.234.567,50"),
        (Decimal("0"), "€ 0,00"),
        (Decimal("-350"), "€ -350,00"),
        (Decimal("0.005"), "€ 0,01"),
        (None, ""),
    ],
)
def test_euro(value, text):
    assert formatting.euro(value) == text


@given(amounts)
def test_euro_reads_back_to_the_same_amount(amount):
    text = formatting.euro(amount)
    assert text.startswith("€ ") and "." not in text.split(",")[-1]
    digits = text[2:].replace(".", "").replace(",", ".")
    assert Decimal(digits) == amount
    whole = text[2:].lstrip("-").split(",")[0]
    assert all(len(group) == 3 for group in whole.split(".")[1:])


@pytest.mark.parametrize(
    "value, text",
    [
        (Decimal("0.0916"), "9,2 %"),
        (Decimal("0.25"), "25 %"),
        (Decimal("1.2"), "120 %"),
        ("0.5", "50 %"),
        (Decimal("0.00049"), "0 %"),
        (Decimal("12.345"), "1.234,5 %"),
    ],
)
def test_percent(value, text):
    assert formatting.percent(value) == text


def test_number():
    assert formatting.number(Decimal("1.0523")) == "1,0523"
    assert formatting.number(Decimal("2.1666"), 2) == "2,17"
    assert formatting.number(12345) == "12.345"


def test_months_are_dutch_abbreviations():
    months = [formatting.month(datetime.date(2026, m, 1)) for m in range(1, 13)]
    assert months[9] == "okt." and months[4] == "mei" and months[2] == "mrt."
    assert all(m == m.lower() for m in months)
    assert formatting.date(datetime.date(2026, 10, 3)) == "3 okt. 2026"
    moment = datetime.datetime(2026, 11, 30, 9, 5)
    assert formatting.date_time(moment) == "30 nov. 2026 09:05"
    assert formatting.date_time(moment, year=False) == "30 nov. 09:05"


@pytest.mark.parametrize(
    "text, dutch",
    [
        ("V-000001: Koelkast (€ 350.00)", "V-000001: Koelkast (€ 350,00)"),
        ("Totaal €7500.00 per casus", "Totaal € 7.500,00 per casus"),
        ("Al goed: € 7.500,00 en € 350,00", "Al goed: € 7.500,00 en € 350,00"),
        ("Geen bedrag: versie 1.25", "Geen bedrag: versie 1.25"),
        ("", ""),
    ],
)
def test_old_amounts_in_stored_text_are_read_in_dutch(text, dutch):
    assert formatting.dutch_amounts(text) == dutch


@given(st.text(), st.integers(min_value=1, max_value=80))
def test_shorten_never_exceeds_the_limit(text, limit):
    short = formatting.shorten(text, limit)
    assert len(short) <= limit
    flat = " ".join(text.split())
    if len(flat) <= limit:
        assert short == flat
    else:
        assert short.endswith("…")


@given(
    st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=8), min_size=2, max_size=20),
    st.integers(min_value=10, max_value=60),
)
def test_shorten_cuts_at_a_word_boundary(words, limit):
    text = " ".join(words)
    short = formatting.shorten(text, limit)
    if short.endswith("…") and " " in text[:limit]:
        kept = short[:-1].split(" ")
        assert kept == words[: len(kept)]  # whole words only


def test_shorten_example():
    rule = "Bijzondere bijstand voor witgoed gaat via een lening bij de kredietbank"
    assert formatting.shorten(rule, 40) == "Bijzondere bijstand voor witgoed gaat…"


def render(source: str, **context) -> str:
    return Template("{% load money %}" + source).render(Context(context))


def test_filters_in_dutch_and_english():
    context = {
        "amount": Decimal("7500"),
        "fraction": Decimal("0.0916"),
        "day": datetime.date(2026, 10, 30),
        "role": "manager-wi",
        "roles": ["manager-wi", "teamleider"],
    }
    source = (
        "{{ amount|euro }}|{{ amount|money }}|{{ fraction|percent }}|{{ day|month }}|"
        "{{ day|shortdate }}|{{ role|role_name }}|{{ roles|role_names }}|{{ 1234|number }}"
    )
    with translation.override("nl"):
        assert render(source, **context) == (
            "€ 7.500,00|€ 7.500,00|9,2 %|okt.|30 okt. 2026|manager Werk &amp; Inkomen|"
            "manager Werk &amp; Inkomen, teamleider|1.234"
        )
    with translation.override("en"):
        english = render(source, **context)
    assert english.startswith("€ 7,500.00|€ 7,500.00|9.2%|Oct|30 Oct 2026|")


def test_datetime_filter_uses_local_time():
    from django.utils import timezone

    moment = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)
    with translation.override("nl"), timezone.override("Europe/Amsterdam"):
        assert render("{{ m|shortdatetime }}", m=moment) == "1 dec. 2026 00:30"


@pytest.mark.parametrize(
    "value", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), "-Infinity", "1e999999"]
)
def test_what_is_no_amount_is_shown_as_given_not_an_error(value):
    """ "NaN" and "1e999999" are Decimals, but no amount: the filters never raise on them (a
    link with ?bedrag=NaN gave HTTP 500)."""
    assert formatting.to_decimal(value) is None
    assert formatting.euro(value) == str(value)
    assert formatting.number(value, 2) == str(value)


@given(st.decimals(allow_nan=True, allow_infinity=True))
def test_euro_never_raises(value):
    assert isinstance(formatting.euro(value), str)
