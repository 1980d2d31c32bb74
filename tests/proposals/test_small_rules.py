"""The pure rules: when a request is small, what it then needs, and the text limits.
Exhaustive over amounts, ceilings and drafts (hypothesis); no database."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from doorbraak.proposals import limits, rules, smallrequests

money = st.decimals(min_value=0, max_value=Decimal("100000"), places=2)
maybe_money = st.none() | money
text = st.sampled_from(["", "  ", "ingevuld"])


@given(ceiling=maybe_money)
def test_default_is_the_fund_ceiling_up_to_500(ceiling):
    up_to = smallrequests.limit(None, ceiling)
    if ceiling is not None and 0 < ceiling <= Decimal("500"):
        assert up_to == ceiling
    else:
        assert up_to is None


@given(policy=money, ceiling=maybe_money)
def test_the_policy_amount_wins_and_zero_means_none(policy, ceiling):
    up_to = smallrequests.limit(policy, ceiling)
    assert up_to == (policy if policy > 0 else None)


@given(total=money, up_to=maybe_money, escalated=st.booleans())
def test_small_means_at_most_the_amount_and_never_on_escalation(total, up_to, escalated):
    small = smallrequests.is_small(total, up_to, escalated=escalated)
    assert small == (not escalated and up_to is not None and total <= up_to)


@given(total=money, lower=money, up_to=maybe_money)
def test_a_smaller_total_is_small_too(total, lower, up_to):
    if smallrequests.is_small(total, up_to) and lower <= total:
        assert smallrequests.is_small(lower, up_to)


def test_s1_fridge_on_a_500_minimaatwerkbudget_is_small_and_s3_one_cent_more_is_not():
    up_to = smallrequests.limit(None, Decimal("500.00"))
    assert smallrequests.is_small(Decimal("350.00"), up_to)
    assert smallrequests.is_small(Decimal("500.00"), up_to)
    assert not smallrequests.is_small(Decimal("500.01"), up_to)
    assert smallrequests.limit(None, Decimal("6500.00")) is None


def test_small_needs_a_subset_and_at_most_six_inputs():
    assert smallrequests.required(small=True) < smallrequests.required(small=False)
    assert not smallrequests.required(small=True) & smallrequests.FULL_ONLY
    # what is needed and why, amount, category, blocker, supplier, IBAN (+ fund, frequency and
    # months, which start filled in)
    filled_by_hand = set(smallrequests.SMALL_INPUTS) - {"fund", "frequency", "months"}
    assert len(filled_by_hand) == 6


drafts = st.builds(
    rules.RequestDraft,
    amount=st.decimals(min_value=-10, max_value=2000, places=2),
    frequency=st.sampled_from(["eenmalig", "maandelijks", "wekelijks"]),
    months=st.integers(min_value=0, max_value=130),
    supplier_name=text,
    supplier_iban_valid=st.booleans(),
    supplier_iban=text,
    prior_provisions=st.sampled_from([(), ("geen",)]),
    recurrence_prevention=text,
    has_legal_ground=st.booleans(),
    legitimacy=text,
    legitimacy_na=text,
    involvement=text,
    involvement_na=text,
    societal_return=text,
    societal_return_na=text,
    has_calculation=st.booleans(),
    calculation_required_from=st.just(Decimal("500.00")),
    household_names=st.just(("ingevuld",)),
    small=st.just(False),
)


@given(draft=drafts)
def test_a_small_request_is_refused_only_for_what_a_full_one_is_refused_for(draft):
    from dataclasses import replace

    full = set(rules.check_request(draft))
    small = set(rules.check_request(replace(draft, small=True)))
    assert small <= full
    fields = {field for field, _code in small}
    triangle = {"legitimacy", "involvement", "societal_return"}
    assert not fields & (triangle | {"prior_provisions", "recurrence_prevention"})
    # what stays: money to a supplier with a valid IBAN, a sane amount and schedule
    assert fields <= {"amount", "frequency", "months", "supplier_name", "supplier_iban"}


@given(draft=drafts)
def test_without_the_small_rule_everything_stays_required(draft):
    fields = {field for field, _code in rules.check_request(draft)}
    assert ("prior_provisions" in fields) == (not draft.prior_provisions)
    assert ("recurrence_prevention" in fields) == (not draft.recurrence_prevention.strip())
    has_involvement = draft.involvement.strip() or draft.involvement_na.strip()
    assert ("involvement" in fields) == (not has_involvement)


@given(length=st.integers(min_value=0, max_value=5000), field=st.sampled_from(sorted(limits.TEXT)))
def test_too_long_names_each_text_over_its_maximum(length, field):
    problems = limits.too_long({field: "x" * length})
    maximum = limits.TEXT[field]
    assert problems == ([(field, maximum, length)] if length > maximum else [])


@given(name=st.text(max_size=80))
def test_a_printable_name_has_no_markup_and_no_control_characters(name):
    if limits.is_printable_name(name):
        assert "<" not in name and ">" not in name
        assert all(c == " " or c.isprintable() for c in name)


def test_names_as_people_write_them():
    for good in ["Witgoedwinkel De Koelkast (test)", "Slotenmaker 24/7 B.V.", "Café Ñandú & Zn."]:
        assert limits.is_printable_name(good)
    for bad in ["<script>alert(1)</script>", "Winkel\nNaam", "a\u200bb", "x > y", "bel\x07"]:
        assert not limits.is_printable_name(bad)
