from hypothesis import given
from hypothesis import strategies as st

from doorbraak.cases.bsn import InvalidBSN, normalise_bsn
from tests.bsn_numbers import valid_bsn

WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1]


def passes_11_check(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number, WEIGHTS, strict=True))
    return total % 11 == 0 and int(number) > 0


@given(st.integers(min_value=1, max_value=999_999_999))
def test_accepts_exactly_the_numbers_that_pass_the_11_check(value):
    number = f"{value:09d}"
    try:
        result = normalise_bsn(number)
    except InvalidBSN:
        assert not passes_11_check(number)
    else:
        assert passes_11_check(number) and result == number


@given(st.integers(min_value=0, max_value=8), st.integers(min_value=1, max_value=9))
def test_changing_one_digit_is_caught(position, delta):
    number = valid_bsn(3)
    digits = list(number)
    digits[position] = str((int(digits[position]) + delta) % 10)
    changed = "".join(digits)
    assert not passes_11_check(changed)
    try:
        normalise_bsn(changed)
        raise AssertionError("changed BSN accepted")
    except InvalidBSN:
        pass


def test_separators_are_removed():
    number = valid_bsn(0)
    assert normalise_bsn(f"{number[:4]}.{number[4:6]}.{number[6:]}") == number
    assert normalise_bsn(f" {number} ") == number


def test_wrong_length_is_refused():
    for value in ["", "12345678", "1234567890", "abcdefghi"]:
        try:
            normalise_bsn(value)
            raise AssertionError(f"{value!r} accepted")
        except InvalidBSN:
            pass
