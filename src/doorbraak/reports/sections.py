"""Reads for the dashboard sections beyond the requests (issue 15): table cases and
breakthroughs, LET submissions, mandate uses, patterns and structural solutions, the
cost-benefit totals per payer, and the time to a decision per level of the escalation route.

Each section is one query, whatever the number of rows: the tables, LET, mandate, pattern and
solution tables are small (tens to thousands of rows per municipality and year) and are
grouped in SQL; the cost-benefit totals would need a scan over requests, so they come from the
summary table `BenefitFigure` (reports/summary.py keeps it). Counts, amounts, organisation
names and labels only: no household, no free text.

Scope: the figures count the cases of the scope's teams (`Scope.teams`); patterns and
structural solutions are grouped per municipality (learning/), so a team leader sees those of
their wijk's municipality (none for a team without a wijk), and the municipality its own. A
projectleider's scope is funds, which have no tables, LET or patterns: those sections are
empty for them (`Scope.teams` is None).
The fund and category filters apply to the figures that come from requests (breakthroughs
through a fund, cost-benefit); the period to all (by the date each figure is about)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from doorbraak.escalation import workflow as escalation_workflow
from doorbraak.escalation.models import Escalation, MandateUse
from doorbraak.learning import workflow as learning_workflow
from doorbraak.learning.models import Pattern
from doorbraak.let import rules as let_rules
from doorbraak.let.models import LetSubmission
from doorbraak.tables.models import AgendaItem, TableKind
from doorbraak.worktables import rules as worktable_rules
from doorbraak.worktables.models import StructuralSolution

from . import benefit, dashboard
from .figures import HOUR_BOUNDS, Period, percentile_hours
from .models import BenefitFigure
from .queries import Scope

PATTERN_STATUSES = (
    learning_workflow.CANDIDATE,
    learning_workflow.CONFIRMED,
    learning_workflow.DISMISSED,
)


@dataclass(frozen=True)
class TableYear:
    year: int
    #: distinct escalations on the agenda of a Doorbraaktafel meeting that year
    cases: int
    #: of those, decided "solved" by the table (with or without money)
    solved: int
    #: solved at a table without money + requests approved from a fund (submitted that year)
    breakthroughs: int


@dataclass(frozen=True)
class LevelTime:
    level: int
    decided: int
    median_hours: int | None
    p90_hours: int | None


@dataclass
class Sections:
    #: False for a scope without teams (a projectleider): no tables, LET, mandates, patterns
    for_teams: bool = True
    table_years: list[TableYear] = field(default_factory=list)
    table_cases: int = 0
    table_solved: int = 0
    breakthroughs: int = 0
    let: let_rules.YearFigures = field(default_factory=lambda: let_rules.year_figures([]))
    #: (overruled organisation, uses, amount)
    mandates: list[tuple[str, int, Decimal]] = field(default_factory=list)
    mandate_uses: int = 0
    mandate_amount: Decimal = Decimal(0)
    #: (status key, count) in the workflow's order, zeros included
    patterns: list[tuple[str, int]] = field(default_factory=list)
    #: (status key, count) in the workflow's order, zeros included
    solutions: list[tuple[str, int]] = field(default_factory=list)
    #: (payer group, requests, cost, expected avoided cost) in benefit.PAYER_GROUPS order
    benefit: list[tuple[str, int, Decimal, Decimal]] = field(default_factory=list)
    benefit_cost: Decimal = Decimal(0)
    benefit_avoided: Decimal = Decimal(0)
    levels: list[LevelTime] = field(default_factory=list)


def _span(period: Period) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime.combine(period.start, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time.min)
    )
    return start, end


def _approved_per_year(rows: list[dashboard.Row]) -> dict[int, int]:
    """Requests approved or paid per year of submission, from the dashboard's summary rows."""
    years: dict[int, int] = defaultdict(int)
    for row in rows:
        if row.status in dashboard.SPENT:
            years[row.month.year] += row.requests
    return years


def table_years(scope: Scope, period: Period, rows: list[dashboard.Row]) -> list[TableYear]:
    grouped = (
        AgendaItem.objects.filter(
            meeting__table__kind=TableKind.TABLE,
            meeting__date__gte=period.start,
            meeting__date__lte=period.end,
            escalation__case__team_id__in=scope.teams,
        )
        .annotate(year=ExtractYear("meeting__date"))
        .values("year")
        .annotate(
            cases=Count("escalation_id", distinct=True),
            solved=Count(
                "escalation_id",
                distinct=True,
                filter=Q(decided_at__isnull=False, outcome=escalation_workflow.SOLVED),
            ),
            solved_free=Count(
                "escalation_id",
                distinct=True,
                filter=Q(
                    decided_at__isnull=False,
                    outcome=escalation_workflow.SOLVED,
                    amount__isnull=True,
                ),
            ),
        )
        .order_by("year")
    )
    approved = _approved_per_year(rows)
    found = {g["year"]: g for g in grouped}
    out = []
    for year in sorted(set(found) | set(approved)):
        g = found.get(year, {"cases": 0, "solved": 0, "solved_free": 0})
        out.append(
            TableYear(
                year=year,
                cases=g["cases"],
                solved=g["solved"],
                breakthroughs=g["solved_free"] + approved.get(year, 0),
            )
        )
    return out


def let_figures(scope: Scope, period: Period) -> let_rules.YearFigures:
    start, end = _span(period)
    rows = LetSubmission.objects.filter(
        case__team_id__in=scope.teams, submitted_at__gte=start, submitted_at__lt=end
    ).values_list("status", "carried_out")
    return let_rules.year_figures(list(rows))


def mandate_uses(scope: Scope, period: Period) -> list[tuple[str, int, Decimal]]:
    grouped = (
        MandateUse.objects.filter(
            case__team_id__in=scope.teams,
            decided_on__gte=period.start,
            decided_on__lte=period.end,
        )
        .values("overruled_organisation__name")
        .annotate(n=Count("pk"), total=Sum("amount"))
        .order_by("-n", "overruled_organisation__name")
    )
    return [(g["overruled_organisation__name"], g["n"], g["total"] or Decimal(0)) for g in grouped]


def _municipality(scope: Scope, prefix: str = "") -> Q:
    if scope.municipality_id is None:
        return Q(pk__in=[])
    if isinstance(scope.municipality_id, int):
        return Q(**{f"{prefix}municipality_id": scope.municipality_id})
    return Q(**{f"{prefix}municipality_id__in": scope.municipality_id})


def _by_status(grouped, statuses) -> list[tuple[str, int]]:
    found = {g["status"]: g["n"] for g in grouped}
    return [(s, found.get(s, 0)) for s in statuses]


def patterns(scope: Scope, period: Period) -> list[tuple[str, int]]:
    start, end = _span(period)
    grouped = (
        Pattern.objects.filter(_municipality(scope), found_at__gte=start, found_at__lt=end)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _by_status(grouped, PATTERN_STATUSES)


def solutions(scope: Scope, period: Period) -> list[tuple[str, int]]:
    grouped = (
        StructuralSolution.objects.filter(
            _municipality(scope, "pattern__"),
            proposed_on__gte=period.start,
            proposed_on__lte=period.end,
        )
        .values("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _by_status(grouped, worktable_rules.STATUSES)


def benefits(
    scope: Scope, period: Period, fund=None, category=None
) -> list[tuple[str, int, Decimal, Decimal]]:
    figures = BenefitFigure.objects.filter(
        scope.condition, month__gte=period.start.replace(day=1), month__lte=period.end
    )
    if fund is not None:
        figures = figures.filter(fund_id=fund.pk)
    if category is not None:
        figures = figures.filter(category_id=category.pk)
    grouped = {
        g["payer"]: g
        for g in figures.values("payer")
        .annotate(n=Sum("requests"), cost=Sum("cost"), avoided=Sum("avoided"))
        .order_by()
    }
    return [
        (payer, grouped[payer]["n"], grouped[payer]["cost"], grouped[payer]["avoided"])
        for payer in benefit.PAYER_GROUPS
        if payer in grouped
    ]


def level_times(scope: Scope, period: Period) -> list[LevelTime]:
    """Per level of the route: how long from escalation to that level until the level
    decided (solved, escalated further, not suitable), from each level's own rows."""
    start, end = _span(period)
    within = {
        f"within_{i}": Count(
            "pk",
            filter=Q(decided_at__lte=F("created_at") + datetime.timedelta(hours=hours)),
        )
        for i, hours in enumerate(HOUR_BOUNDS)
    }
    grouped = (
        Escalation.objects.filter(
            case__team_id__in=scope.teams,
            created_at__gte=start,
            created_at__lt=end,
            decided_at__isnull=False,
        )
        .exclude(status=escalation_workflow.WITHDRAWN)
        .values("level")
        .annotate(n=Count("pk"), **within)
        .order_by("level")
    )
    out = []
    for g in grouped:
        histogram = [g[f"within_{i}"] for i in range(len(HOUR_BOUNDS))]
        out.append(
            LevelTime(
                level=g["level"],
                decided=g["n"],
                median_hours=percentile_hours(histogram, g["n"], Decimal("0.5")),
                p90_hours=percentile_hours(histogram, g["n"], Decimal("0.9")),
            )
        )
    return out


def build(
    scope: Scope,
    period: Period,
    rows: list[dashboard.Row],
    *,
    fund=None,
    category=None,
) -> Sections:
    """Every section in a fixed number of queries: seven for a team or a municipality, one
    for a projectleider."""
    sections = Sections(for_teams=scope.teams is not None)
    sections.benefit = benefits(scope, period, fund, category)
    sections.benefit_cost = sum((b[2] for b in sections.benefit), Decimal(0))
    sections.benefit_avoided = sum((b[3] for b in sections.benefit), Decimal(0))
    if not sections.for_teams:
        return sections
    sections.table_years = table_years(scope, period, rows)
    sections.table_cases = sum(y.cases for y in sections.table_years)
    sections.table_solved = sum(y.solved for y in sections.table_years)
    sections.breakthroughs = sum(y.breakthroughs for y in sections.table_years)
    sections.let = let_figures(scope, period)
    sections.mandates = mandate_uses(scope, period)
    sections.mandate_uses = sum(m[1] for m in sections.mandates)
    sections.mandate_amount = sum((m[2] for m in sections.mandates), Decimal(0))
    sections.patterns = patterns(scope, period)
    sections.solutions = solutions(scope, period)
    sections.levels = level_times(scope, period)
    return sections


@dataclass(frozen=True)
class SolutionLine:
    """A structural solution in the yearly report: what kind, how far, with which
    organisation, and the pattern's rule (its anonymised text). No names, no free text of
    the solution itself."""

    kind: str
    status: str
    organisation: str
    rule: str


def solution_list(scope: Scope, period: Period) -> list[SolutionLine]:
    """The municipality's structural solutions alive in the period: proposed before its end
    and not evaluated before its start. One query."""
    found = (
        StructuralSolution.objects.filter(
            _municipality(scope, "pattern__"), proposed_on__lte=period.end
        )
        .exclude(evaluated_on__lt=period.start)
        .values_list("kind", "status", "pattern__organisation__name", "pattern__rule")
        .order_by("proposed_on", "pk")
    )
    return [SolutionLine(*row) for row in found]
