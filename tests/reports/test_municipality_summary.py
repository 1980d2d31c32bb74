"""The municipality's summary (`MunicipalityFigure`) equals a recount from the raw rows after
any sequence of actions (submit, vote and so decide, withdraw, solve otherwise, pay, hand a
case to a team of the same municipality, of another one, or of none), and the full recount
gives the same rows. The municipal dashboard reads it and shows the very same figures."""

from collections import defaultdict
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doorbraak.accounts.models import Neighbourhood, Organisation, OrganisationKind, Team
from doorbraak.accounts.roles import Role
from doorbraak.reports import queries, summary
from doorbraak.reports.models import MunicipalityFigure
from tests.factories import CaseFactory, TeamFactory, UserFactory
from tests.reports.test_summary import actions, paying_fund, play

pytestmark = pytest.mark.django_db

COUNTS = summary.COUNTS


def _municipality(name: str, *teams) -> Organisation:
    municipality = Organisation.objects.create(name=name, kind=OrganisationKind.MUNICIPALITY)
    wijk = Neighbourhood.objects.create(name=f"Wijk {name}", municipality=municipality)
    for team in teams:
        team.neighbourhood = wijk
        team.save()
    return municipality


def kept() -> dict:
    return {
        (f.municipality_id, f.category_id, f.month, f.status, f.alternative): tuple(
            Decimal(getattr(f, name)) for name in COUNTS
        )
        for f in MunicipalityFigure.objects.all()
    }


def recount_from_raw() -> dict:
    """From the requests themselves (not from the team summary): per team, fund, category and
    month as summary._aggregate counts them, added up per municipality of the team."""
    municipality_of = dict(
        Team.objects.filter(neighbourhood__isnull=False).values_list(
            "pk", "neighbourhood__municipality_id"
        )
    )
    totals: dict = defaultdict(lambda: [Decimal(0)] * len(COUNTS))
    for figure in summary._figures(summary._aggregate(summary._requests())):
        municipality = municipality_of.get(figure.team_id)
        if municipality is None:
            continue
        key = (municipality, figure.category_id, figure.month, figure.status, figure.alternative)
        for i, name in enumerate(COUNTS):
            totals[key][i] += Decimal(getattr(figure, name))
    return {key: tuple(values) for key, values in totals.items()}


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions, st.sampled_from(["same", "other", "none"]))
def test_the_municipality_rows_equal_a_recount_after_any_actions(team_a, worker_a, steps, receiver):
    with translation.override("nl"):
        town = _municipality(f"Gemeente Som {Organisation.objects.count()}", team_a)
        other_team = TeamFactory()
        if receiver == "same":
            other_team.neighbourhood = team_a.neighbourhood
            other_team.save()
        elif receiver == "other":
            _municipality(f"Gemeente Ander {Organisation.objects.count()}", other_team)
        # earlier examples left their rows, and team A moved to this example's municipality
        # (a move the full recount repairs): start from true figures
        summary.refresh_all()
        leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
        colleagues = [UserFactory(team=team_a) for _ in range(3)]
        fund = paying_fund(team_a)
        other_worker = UserFactory(team=other_team, role=Role.GEZINSWERKER)
        case = CaseFactory(actor=worker_a)
        made = play(steps, worker_a, leader, colleagues, fund, case, team_a, other_worker)
        assert kept() == recount_from_raw()
        # the municipal dashboard's rows (from MunicipalityFigure) are those of its teams
        adviser = UserFactory(role=Role.BELEIDSADVISEUR, organisation=town)
        scope = queries.scope_of(adviser)
        start, end = made[0].submitted_at.date().replace(day=1), made[0].submitted_at.date()
        municipal = queries.rows(scope, start, end)
        per_team = queries.rows(queries.narrowed(scope, team_a), start, end) + queries.rows(
            queries.narrowed(scope, other_team), start, end
        )
        if receiver != "same":
            per_team = queries.rows(queries.narrowed(scope, team_a), start, end)
        assert _totals(municipal) == _totals(per_team)
        summary.refresh_all()
        assert kept() == recount_from_raw()


def _totals(rows) -> dict:
    out: dict = defaultdict(lambda: [0, Decimal(0), 0])
    for row in rows:
        key = (row.status, row.alternative, row.category, row.month)
        out[key][0] += row.requests
        out[key][1] += row.amount
        out[key][2] += row.decided
    return {k: tuple(v) for k, v in out.items()}


def test_the_upgrade_fills_the_municipality_rows_from_the_team_rows(team_a, worker_a):
    """reports/0004: a database that had requests before 0003 made the table got it empty, and
    the changes kept since were added to rows that were not there. The migration recounts
    every municipality's rows from the team rows; running it again changes nothing."""
    import importlib

    from django.apps import apps

    fill = importlib.import_module("doorbraak.reports.migrations.0004_fill_municipality_figures")
    with translation.override("nl"):
        _municipality("Gemeente Upgrade", team_a)
        leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
        colleagues = [UserFactory(team=team_a) for _ in range(3)]
        steps = [("submit", 0), ("submit", 1), ("vote", 0), ("otherwise", 1), ("pay", 0)]
        fund, case = paying_fund(team_a), CaseFactory(actor=worker_a)
        play(steps, worker_a, leader, colleagues, fund, case, team_a, UserFactory(team=team_a))
        expected = recount_from_raw()
        assert expected and kept() == expected
        # as after 0003 on a database with requests: empty, then one change kept on top
        MunicipalityFigure.objects.all().delete()
        assert kept() == {}
        fill.fill(apps, None)
        assert kept() == expected
        fill.fill(apps, None)
        assert kept() == expected
