"""Reads shared by the VerhuisboxPlus pages, the start page and the API.

Who sees a trajectory: whoever sees its case (cases.queries.visibility_filter), the same
rule as cases. The programme figures are counts without any household in them."""

from decimal import Decimal

from django.db.models import Count, QuerySet, Sum
from django.http import Http404

from doorbraak.cases.models import Case
from doorbraak.cases.queries import visibility_filter
from doorbraak.costbenefit import calculator
from doorbraak.costbenefit import queries as costbenefit_queries

from . import access, figures, rules
from .messages import next_step
from .models import Cost, Trajectory

SHORT = 10


def visible_trajectories(user) -> QuerySet[Trajectory]:
    if not (user and user.is_authenticated and user.is_active):
        return Trajectory.objects.none()
    return Trajectory.objects.filter(case__in=Case.objects.filter(visibility_filter(user)))


def trajectory_list(user) -> QuerySet[Trajectory]:
    return (
        visible_trajectories(user)
        .select_related("case__household", "case__key_worker")
        .annotate(site_count=Count("sites"))
        .order_by("-registered_on", "-pk")
    )


def trajectory_detail(user, pk) -> Trajectory:
    try:
        return (
            visible_trajectories(user)
            .select_related("case__household", "case__key_worker", "fund", "bijstand_action")
            .get(pk=pk)
        )
    except (Trajectory.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def sites_of(trajectory: Trajectory) -> list:
    return list(trajectory.sites.all())


def costs_of(trajectory: Trajectory) -> list:
    return list(trajectory.costs.all())


def needing_next_step(user) -> list[Trajectory]:
    """The caseworker's own open trajectories (key worker of the case), oldest first."""
    if not (user and user.is_authenticated and user.is_active):
        return []
    return list(
        Trajectory.objects.filter(case__key_worker_id=user.pk, status__in=list(figures.OPEN))
        .select_related("case__household")
        .annotate(site_count=Count("sites"))
        .order_by("registered_on", "pk")[:SHORT]
    )


def start_items(user) -> list[Trajectory]:
    """The start page's part (home/queries.start_page): a caseworker's open trajectories, each
    with its `next_step` in words."""
    if not access.may_work(user.role, user.is_active):
        return []
    return with_next_steps(needing_next_step(user))


def with_next_steps(trajectories: list[Trajectory]) -> list[Trajectory]:
    """Each trajectory (annotated with `site_count`) with its `next_step` in words."""
    for t in trajectories:
        t.next_step = next_step(
            rules.next_step(t.status, site_count=t.site_count, has_handover=bool(t.handover_on))
        )
    return trajectories


def own_open_cases(user) -> QuerySet[Case]:
    """The caseworker's own open cases (key worker), for choosing whom to register."""
    return (
        Case.objects.filter(visibility_filter(user), key_worker_id=user.pk, status="open")
        .select_related("household")
        .order_by("household__name", "pk")
    )


def year_figures() -> list[figures.YearFigures]:
    """Programme figures per year, newest first; one query over every trajectory."""
    rows = [
        figures.Row(registered_on=r, status=s, housed_on=h, intensive=i)
        for r, s, h, i in Trajectory.objects.values_list(
            "registered_on", "status", "housed_on", "intensive_help"
        )
    ]
    return list(reversed(figures.year_figures(rows)))


def paid_per_year() -> dict[int, Decimal]:
    """What was paid in kind per year of payment (from the trajectories' costs, each of which
    is a payment on its fund's ledger)."""
    totals: dict[int, Decimal] = {}
    for paid_on, amount in Cost.objects.values_list("paid_on", "amount"):
        totals[paid_on.year] = totals.get(paid_on.year, Decimal("0.00")) + amount
    return totals


def programme_return(year_figures_row: figures.YearFigures, paid: Decimal, catalogue, index):
    """The year's return per euro, or None when it cannot be computed (no costs yet, or the
    kengetal is missing from the catalogue)."""
    if paid <= 0:
        return None
    try:
        return figures.programme_return(
            paid=paid,
            housed=year_figures_row.housed,
            catalogue=catalogue,
            index=index,
            target_year=costbenefit_queries.target_price_year(index),
        )
    except calculator.CalculationError:
        return None


def programme(user) -> list[dict]:
    """Per year: the figures, what was paid and the return per euro."""
    index = costbenefit_queries.price_index()
    catalogue = costbenefit_queries.catalogue_for(
        costbenefit_queries.municipality_id(getattr(user, "team", None))
    )
    paid = paid_per_year()
    out = []
    for row in year_figures():
        amount = paid.get(row.year, Decimal("0.00"))
        out.append(
            {
                "figures": row,
                "paid": amount,
                "result": programme_return(row, amount, catalogue, index),
            }
        )
    return out


def total_paid(trajectory: Trajectory) -> Decimal:
    return trajectory.costs.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
