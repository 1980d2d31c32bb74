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
