"""VerhuisboxPlus programme figures (no database): the seed's 2021 figures from a fixture,
properties under hypothesis, and the return per euro through the cost-benefit core with the
shipped kengetallen."""

import datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doorbraak.costbenefit import calculator, defaults
from doorbraak.verhuisbox import figures as f

JAN = datetime.date(2021, 1, 4)


def seed_2021() -> list[f.Row]:
    """156 registrations in 2021: 23 stopped or not started, 90 housed in 2021 (48 of them,
    "ruim de helft", with intensive help after 104 days on average), 43 still searching."""
    rows = []
    day = datetime.timedelta(days=1)
    for i in range(48):  # intensive help: 24 × 84 days and 24 × 124 days → 104
        start = JAN + (i * 2) * day
        rows.append(f.Row(start, f.HOUSED, start + (84 if i % 2 else 124) * day, True))
    for i in range(42):  # housed without intensive help: they count as housed, not in the days
        start = JAN + (i * 3) * day
        rows.append(f.Row(start, f.HOUSED, start + 61 * day, False))
    for i in range(23):
        rows.append(f.Row(JAN + (i * 7) * day, f.STOPPED if i % 3 else f.NOT_STARTED))
    for i in range(43):
        rows.append(f.Row(datetime.date(2021, 9, 1) + i * day, f.STARTED))
    return rows


def test_the_seeds_2021_figures():
    (year,) = f.year_figures(seed_2021())
    assert (year.year, year.registrations, year.stopped, year.housed) == (2021, 156, 23, 90)
    assert year.housed_intensive == 48
    assert year.average_days == 104


def test_housed_counts_in_the_year_of_housing_and_registrations_in_their_own():
    rows = [
        f.Row(datetime.date(2021, 11, 1), f.HOUSED, datetime.date(2022, 2, 10)),
        f.Row(datetime.date(2022, 1, 5), f.REGISTERED),
    ]
    y2021, y2022 = f.year_figures(rows)
    assert (y2021.registrations, y2021.housed, y2021.average_days) == (1, 0, None)
    assert (y2022.registrations, y2022.housed, y2022.average_days) == (1, 1, 101)


def test_average_rounds_half_up_to_whole_days():
    assert f.average_days([100, 101]) == 101
    assert f.average_days([100, 100, 101]) == 100
    assert f.average_days([]) is None


rows_strategy = st.lists(
    st.builds(
        lambda start, status, days, intensive: f.Row(
            start,
            status,
            start + datetime.timedelta(days=days) if status == f.HOUSED else None,
            intensive,
        ),
        st.dates(datetime.date(2019, 1, 1), datetime.date(2024, 12, 31)),
        st.sampled_from(f.STATUSES),
        st.integers(0, 600),
        st.booleans(),
    ),
    max_size=40,
)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(rows_strategy)
def test_every_trajectory_is_counted_once(rows):
    years = f.year_figures(rows)
    assert sum(y.registrations for y in years) == len(rows)
    assert sum(y.housed for y in years) == sum(1 for r in rows if r.status == f.HOUSED)
    assert sum(y.stopped for y in years) == sum(
        1 for r in rows if r.status in (f.STOPPED, f.NOT_STARTED)
    )
    for y in years:
        assert y.stopped <= y.registrations
        assert y.housed_intensive <= y.housed
        if y.average_days is not None:
            days = [
                (r.housed_on - r.registered_on).days
                for r in rows
                if r.status == f.HOUSED and r.intensive and r.housed_on.year == y.year
            ]
            assert min(days) <= y.average_days <= max(days)
    assert [y.year for y in years] == sorted({y.year for y in years})


def _catalogue():
    return {
        row["key"]: calculator.Figure(
            **{k: row[k] for k in ("key", "label", "amount", "unit")},
            price_year=row["price_year"],
            source=row["source"],
        )
        for row in defaults.default_figures()
    }


def _index():
    return calculator.PriceIndex({row["year"]: row["index"] for row in defaults.default_index()})


def seed_costs() -> Decimal:
    """What the fixture's programme paid in kind: six housing sites at €30 (the seed's
    average fee) and train tickets for everyone still searching or housed, the first rent and
    basic furnishing for the housed, two sites for the stopped."""
    housed = 90 * (6 * Decimal("30") + Decimal("120") + Decimal("850") + Decimal("2130"))
    searching = 43 * (6 * Decimal("30") + Decimal("120"))
    stopped = 23 * (2 * Decimal("30"))
    return housed + searching + stopped


def test_return_per_euro_through_the_cost_benefit_core_is_the_seeds_2_10():
    result = f.programme_return(
        paid=seed_costs(), housed=90, catalogue=_catalogue(), index=_index(), target_year=2024
    )
    assert result.cost == Decimal("309480.00")
    (figure,) = result.figures
    assert figure.key == "maatschappelijke_opvang_residentieel"
    assert figure.indexed_amount == Decimal("14434.29")
    assert result.avoided == Decimal("649543.05")
    assert result.return_per_euro == Decimal("2.10")


@given(st.integers(0, 500), st.decimals(Decimal("1.00"), Decimal("999999.99"), places=2))
def test_return_grows_with_housed_households_and_is_exact_money(housed, paid):
    catalogue, index = _catalogue(), _index()
    one = f.programme_return(paid=paid, housed=housed, catalogue=catalogue, index=index)
    more = f.programme_return(paid=paid, housed=housed + 1, catalogue=catalogue, index=index)
    assert one.cost == paid
    assert more.avoided >= one.avoided
    assert one.avoided == one.avoided.quantize(Decimal("0.01"))
