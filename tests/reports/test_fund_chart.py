"""The fund-utilisation chart at national scale: the funds with the most activity by name and
one "Overige potjes" bar for the rest, with the same parts in all; the table beside the chart
shows the same rows and says the download holds every fund; the CSV does."""

from decimal import Decimal

import pytest
from django.utils import translation

from doorbraak.accounts.roles import Role
from doorbraak.reports import dashboard
from tests.factories import UserFactory
from tests.funds.conftest import make_fund


def _other(n):
    return f"Overige potjes ({n})"


def test_few_funds_are_all_shown():
    rows = [(f"Potje {i}", [Decimal(i), Decimal(0), Decimal(1)]) for i in range(13)]
    assert dashboard.top_funds(rows, _other) == (rows, 0)


def test_the_busiest_funds_and_one_bar_for_the_rest():
    rows = [(f"Potje {i:02}", [Decimal(i), Decimal(1), Decimal(100)]) for i in range(40)]
    shown, others = dashboard.top_funds(rows, _other)
    assert others == 28 and len(shown) == 13
    assert [name for name, _parts in shown[:3]] == ["Potje 39", "Potje 38", "Potje 37"]
    assert shown[-1][0] == "Overige potjes (28)"
    for i in range(3):  # nothing lost: the parts add up to the same totals
        assert sum(parts[i] for _name, parts in shown) == sum(parts[i] for _name, parts in rows)


@pytest.mark.django_db
def test_the_page_shows_the_top_and_the_export_every_fund(client, team_a):
    with translation.override("nl"):
        for i in range(15):
            make_fund(team_a, name=f"Testpotje {i:02}", budget_cents=100_000 + i)
    leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
    client.force_login(leader)
    html = client.get("/cijfers/").content.decode()
    assert "Overige potjes (3)" in html
    assert "De 12 potjes met de meeste activiteit" in html and "alle 15 potjes" in html
    csv_text = client.get("/cijfers/export/funds.csv").content.decode()
    assert all(f"Testpotje {i:02}" in csv_text for i in range(15))
    assert "Overige potjes" not in csv_text


@pytest.mark.django_db
@pytest.mark.parametrize(("n", "seed"), [(0, 1), (1, 2), (13, 3), (14, 4), (40, 5), (40, 6)])
def test_the_database_ranks_the_funds_as_the_rule_does(team_a, n, seed):
    """`selection.busiest_funds` (ranked and added up in SQL, for the page and the yearly
    report) gives exactly what `dashboard.top_funds` makes of every fund's row, ties included
    (many funds with the same activity, names whose order differs by collation)."""
    import random

    from doorbraak.funds.models import AccountKind, LedgerAccount
    from doorbraak.reports import queries, selection

    rng = random.Random(seed)  # noqa: S311 - synthetic data
    names = ["a", "B", "é", "Z", "Ω", "potje", "Potje", "_x"]
    for i in range(n):
        fund = make_fund(team_a, name=f"{rng.choice(names)} {i}", budget_cents=100_000)
        for kind in (AccountKind.PAID, AccountKind.RESERVED, AccountKind.AVAILABLE):
            LedgerAccount.objects.filter(fund=fund, kind=kind).update(
                balance_cents=rng.choice([0, 0, 500, 1_000, rng.randrange(100_000)])
            )
    funds = queries.funds_in(queries.scope_of(UserFactory(team=team_a, role=Role.TEAMLEIDER)))
    expected, others = dashboard.top_funds(selection.fund_utilisation(funds), _other)
    assert selection.busiest_funds(funds, _other) == (expected, others, n)


@pytest.mark.django_db
def test_no_funds_at_all():
    from doorbraak.funds.models import Fund
    from doorbraak.reports import selection

    assert selection.busiest_funds(Fund.objects.none(), _other) == ([], 0, 0)
