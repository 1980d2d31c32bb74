"""Reads for the dashboards: whose figures a person sees, and the summary rows in that scope.

The role decides the scope (issue 15): a team leader sees their team, a projectleider the funds
they handle, a beleidsadviseur or manager W&I the municipality of their organisation (every
team in its wijken). Nobody else gets a dashboard (`may_see_figures`)."""

import datetime
from dataclasses import dataclass, replace

from django.db.models import Count, Q, Sum

from doorbraak.accounts.models import Organisation, OrganisationKind, Team
from doorbraak.accounts.roles import Role
from doorbraak.funds import queries as fund_queries
from doorbraak.funds.models import Fund
from doorbraak.home import menu
from doorbraak.home.queries import person_of
from doorbraak.learning import recurrence
from doorbraak.proposals.models import Category

from . import dashboard
from .models import WITHIN_FIELDS, MunicipalityFigure, RequestFigure

TEAM, FUNDS, MUNICIPALITY = "team", "funds", "municipality"


@dataclass(frozen=True)
class Scope:
    kind: str
    name: str
    #: the figures' condition (on RequestFigure)
    condition: Q
    #: the funds in scope (for the fund filter and the utilisation chart)
    funds: Q
    #: the teams whose cases count for the tables, LET, mandate and escalation figures (a
    #: list or a subquery of team ids); None: those figures are not this scope's (a
    #: projectleider's funds)
    teams: object = None
    #: the municipality whose patterns and structural solutions count (its id, or a subquery
    #: of it; None: none)
    municipality_id: object = None
    #: the team the person narrowed their scope to with the team filter (None: all of it)
    team: Team | None = None


def may_see_figures(user) -> bool:
    return bool(user and user.is_authenticated) and menu.may_see_figures(person_of(user))


def scope_of(user) -> Scope | None:
    """None: this person has no dashboard (or their organisation is not set up for one)."""
    if not may_see_figures(user):
        return None
    if user.role == Role.TEAMLEIDER:
        if user.team_id is None:
            return None
        return Scope(
            TEAM,
            str(user.team),
            Q(team_id=user.team_id),
            Q(owner_team_id=user.team_id) | Q(owner_team__isnull=True),
            teams=[user.team_id],
            # a subquery, not a read: a team without a wijk has no municipality's patterns
            municipality_id=Team.objects.filter(pk=user.team_id).values(
                "neighbourhood__municipality_id"
            ),
        )
    if user.role == Role.PROJECTLEIDER:
        fund_ids = list(fund_queries.handled_funds(user).values_list("pk", flat=True))
        return Scope(FUNDS, "", Q(fund_id__in=fund_ids), Q(pk__in=fund_ids))
    municipality = Organisation.objects.filter(
        pk=user.organisation_id, kind=OrganisationKind.MUNICIPALITY
    ).first()
    if municipality is None:
        return None
    teams = Team.objects.filter(neighbourhood__municipality=municipality).values("pk")
    return Scope(
        MUNICIPALITY,
        municipality.name,
        Q(team_id__in=teams),
        Q(owner_team__in=teams) | Q(owner_team__isnull=True),
        teams=teams,
        municipality_id=municipality.pk,
    )


def teams_in(scope: Scope):
    """The teams a person may narrow their figures to: a team leader their own team, the
    municipality every team of its wijken; none for a projectleider (funds, not teams)."""
    if scope.teams is None:
        return Team.objects.none()
    return Team.objects.filter(pk__in=scope.teams).order_by("name")


def narrowed(scope: Scope, team: Team | None) -> Scope:
    """The scope of one of its teams (the team filter): that team's figures, its funds and the
    municipal ones, its cases; patterns and solutions stay the municipality's. The team must
    come from `teams_in(scope)` (the filter form checks it)."""
    if team is None:
        return scope
    return replace(
        scope,
        condition=Q(team_id=team.pk),
        funds=Q(owner_team_id=team.pk) | Q(owner_team__isnull=True),
        teams=[team.pk],
        team=team,
    )


def funds_in(scope: Scope):
    return Fund.objects.filter(scope.funds).order_by("name")


def categories():
    return Category.objects.filter(active=True).order_by("order", "label")


def rows(
    scope: Scope,
    start: datetime.date,
    end: datetime.date,
    fund: Fund | None = None,
    category: Category | None = None,
) -> list[dashboard.Row]:
    """The summary rows in scope whose month lies in the period (months touched by it): the
    municipality's own rows when nothing narrows its scope to a team or a fund (a few hundred
    rows instead of every team's and fund's), else the team rows."""
    if scope.kind == MUNICIPALITY and scope.team is None and fund is None:
        figures = MunicipalityFigure.objects.filter(
            municipality_id=scope.municipality_id, month__gte=start.replace(day=1), month__lte=end
        )
    else:
        figures = RequestFigure.objects.filter(
            scope.condition, month__gte=start.replace(day=1), month__lte=end
        )
    if fund is not None:
        figures = figures.filter(fund_id=fund.pk)
    if category is not None:
        figures = figures.filter(category_id=category.pk)
    sums = {name: Sum(name) for name in WITHIN_FIELDS}
    grouped = (
        figures.values("status", "alternative", "category__label", "month")
        .annotate(n=Sum("requests"), total=Sum("amount"), n_decided=Sum("decided"), **sums)
        .order_by()
    )
    return [
        dashboard.Row(
            status=f["status"],
            alternative=f["alternative"],
            category=f["category__label"] or "",
            month=f["month"],
            requests=f["n"],
            amount=f["total"],
            decided=f["n_decided"],
            decided_within=tuple(f[name] for name in WITHIN_FIELDS),
        )
        for f in grouped
    ]


def category_spending(
    scope: Scope, start: datetime.date, end: datetime.date
) -> list[recurrence.CategorySpending]:
    """Approved and paid requests per category in scope and period: how many, from how many
    teams and funds, how much. One query over the summary rows."""
    grouped = (
        RequestFigure.objects.filter(
            scope.condition,
            status__in=dashboard.SPENT,
            month__gte=start.replace(day=1),
            month__lte=end,
        )
        .values("category_id", "category__label")
        .annotate(
            n=Sum("requests"),
            teams=Count("team_id", distinct=True),
            funds=Count("fund_id", distinct=True),
            total=Sum("amount"),
        )
        .order_by("-n", "category__label")
    )
    return [
        recurrence.CategorySpending(
            category_id=g["category_id"],
            label=g["category__label"] or "",
            requests=g["n"],
            teams=g["teams"],
            funds=g["funds"],
            amount=g["total"],
        )
        for g in grouped
    ]
