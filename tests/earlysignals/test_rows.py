"""The CSV rules, pure: amounts in both notations, refusals, dates, header, rows."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doorbraak.earlysignals import rows

TODAY = datetime.date(2026, 12, 1)
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999.99"), places=2)


def dutch(value: Decimal) -> str:
    return f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


@given(amounts)
def test_dutch_and_plain_notation_read_the_same(value):
    assert rows.parse_amount(dutch(value)) == value
    assert rows.parse_amount(f"{value:.2f}") == value
    assert rows.parse_amount(f"{value:.2f}".replace(".", ",")) == value


@given(amounts)
def test_a_negative_amount_is_refused(value):
    with pytest.raises(rows.AmountError) as error:
        rows.parse_amount("-" + dutch(value))
    assert error.value.code == "amount_negative"


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_three_digits_after_one_separator_is_ambiguous(head, tail):
    for sep in ",.":
        with pytest.raises(rows.AmountError) as error:
            rows.parse_amount(f"{head}{sep}{tail:03d}")
        assert error.value.code == "amount_ambiguous"


@given(st.text(max_size=20))
def test_any_text_is_an_amount_or_a_coded_refusal(text):
    try:
        value = rows.parse_amount(text)
    except rows.AmountError as error:
        assert error.code
    else:
        assert Decimal("0") < value <= rows.MAX_AMOUNT
        assert value == value.quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1,234.56", "amount_mixed"),
        ("1.234.56", "amount_invalid"),
        ("12,3456", "amount_decimals"),
        ("0,00", "amount_zero"),
        ("abc", "amount_invalid"),
        ("", "required"),
        ("2.000.000,00", "amount_too_large"),
    ],
)
def test_bad_amounts(text, code):
    with pytest.raises(rows.AmountError) as error:
        rows.parse_amount(text)
    assert error.value.code == code


def test_good_amounts():
    assert rows.parse_amount("€ 1.234,56") == Decimal("1234.56")
    assert rows.parse_amount("1.000.000") == Decimal("1000000.00")
    assert rows.parse_amount("89,5") == Decimal("89.50")
    assert rows.parse_amount("1234") == Decimal("1234.00")


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)))
def test_both_date_forms_read(day):
    assert rows.parse_date(day.strftime("%d-%m-%Y")) == day
    assert rows.parse_date(day.isoformat()) == day


HEADER = ";".join(rows.HEADER)


def _read(*lines, header=HEADER):
    records = [(n, line.split(";")) for n, line in enumerate([header, *lines], start=1)]
    return list(rows.read(records, TODAY))


LINE = "energie;Energie Oost;250.00;15-10-2026;Bram Visser;01-01-1975;7512 cd;3a;;"


def test_a_good_row():
    (row,) = _read(LINE)
    assert isinstance(row, rows.Row)
    assert row.postcode == "7512 CD" and row.house_number == "3A"
    assert row.amount == Decimal("250.00")


def test_a_wrong_header_stops_at_line_1():
    (issue,) = _read(LINE, header="soort,schuldeiser,bedrag")
    assert issue == rows.Issue(1, "", "header", "soort,schuldeiser,bedrag")


def test_every_problem_of_a_row_has_its_line_and_column():
    bad = "gas;;-5;32-13-2026;;01-01-2030;ABC;;x;geen-mail"
    issues = _read(LINE, bad)[1:]
    assert {i.line for i in issues} == {3}
    assert {i.column for i in issues} == {
        "soort_afzender",
        "schuldeiser",
        "bedrag",
        "datum_achterstand",
        "naam",
        "geboortedatum",
        "postcode",
        "huisnummer",
        "telefoon",
        "email",
    }


def test_wrong_column_count_and_empty_files():
    assert _read("a;b;c")[0].code == "columns"
    assert list(rows.read([], TODAY))[0].code == "empty"
    assert _read()[0].code == "no_rows"


@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
        min_size=10,
        max_size=10,
    )
)
def test_any_row_gives_a_row_or_issues_never_an_exception(fields):
    result = rows.check_row(2, fields, TODAY)
    assert isinstance(result, rows.Row) or (result and all(i.line == 2 for i in result))


def test_person_and_arrear_texts_normalise():
    a = rows.check_row(2, LINE.split(";"), TODAY)
    b = rows.check_row(3, LINE.replace("Bram Visser", " bram  VISSER ").split(";"), TODAY)
    assert a.person_text() == b.person_text()
    assert a.arrear_text() == b.arrear_text()
