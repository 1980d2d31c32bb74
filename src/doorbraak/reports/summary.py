"""Keeping the summary tables true (reports/models.py).

Every service that changes what a request figure counts — a request submitted, decided,
approved at a table, withdrawn or solved otherwise, paid, or its case handed to another team —
calls `requests_changed` (or `refresh_groups` with the groups from before and after) in its own
transaction. That recomputes only the groups the request belongs to (team, fund, category,
month of submission) from the raw rows: a few rows, so a decision stays fast, and the figures
are never more than one transaction behind. `refresh_all` recomputes everything (the nightly
task `refresh_figures` and the management command of the same name) and records when.

The municipality's figures (`MunicipalityFigure`, the sums of its teams' rows per category,
month, status and alternative) move with them: `refresh_groups` adds the difference between
a group's team rows after and before to the municipality's rows, in the same transaction,
under an advisory lock per municipality, category and month. A team that moves to another
municipality's wijk is repaired by the next full recount.

Concurrent refreshes of one group take a transaction-scoped advisory lock on PostgreSQL; SQLite
writes one transaction at a time anyway."""

import datetime
import zlib
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, DateField, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from doorbraak.accounts.models import Team
from doorbraak.proposals.models import Request

from . import benefit
from .figures import HOUR_BOUNDS
from .models import (
    WITHIN_FIELDS,
    BenefitFigure,
    FigureRefresh,
    MunicipalityFigure,
    RequestFigure,
)

Group = tuple[int, int | None, int | None, datetime.date]  # team, fund, category, month

KEY = ("case__team_id", "fund_id", "category_id", "month")


def _requests():
    return Request.objects.annotate(month=TruncMonth("submitted_at", output_field=DateField()))


def _aggregate(queryset):
    within = {
        f"within_{i}": Count(
            "pk",
            filter=Q(
                decided_at__isnull=False,
                decided_at__lte=F("submitted_at") + datetime.timedelta(hours=hours),
            ),
        )
        for i, hours in enumerate(HOUR_BOUNDS)
    }
    return (
        queryset.values(*KEY, "status", "alternative")
        .annotate(
            n=Count("pk"),
            n_small=Count("pk", filter=Q(small=True)),
            total=Sum(F("amount") * F("months")),
            n_decided=Count("pk", filter=Q(decided_at__isnull=False)),
            **within,
        )
        .order_by()
    )


def _figures(rows) -> list[RequestFigure]:
    return [
        RequestFigure(
            team_id=row["case__team_id"],
            fund_id=row["fund_id"],
            category_id=row["category_id"],
            month=row["month"],
            status=row["status"],
            alternative=row["alternative"] or "",
            requests=row["n"],
            small=row["n_small"],
            amount=row["total"] or 0,
            decided=row["n_decided"],
            **{name: row[f"within_{i}"] for i, name in enumerate(WITHIN_FIELDS)},
        )
        for row in rows
    ]


@transaction.atomic
def refresh_all(now: datetime.datetime | None = None) -> int:
    """Recompute every request figure from the raw rows; returns the number of rows."""
    RequestFigure.objects.all().delete()
    figures = RequestFigure.objects.bulk_create(_figures(_aggregate(_requests())), batch_size=2000)
    BenefitFigure.objects.all().delete()
    BenefitFigure.objects.bulk_create(_benefits(_requests()), batch_size=2000)
    MunicipalityFigure.objects.all().delete()
    MunicipalityFigure.objects.bulk_create(_municipality_totals(), batch_size=2000)
    FigureRefresh.objects.update_or_create(
        name="requests", defaults={"refreshed_at": now or timezone.now()}
    )
    return len(figures)


def last_refresh() -> datetime.datetime | None:
    return (
        FigureRefresh.objects.filter(name="requests").values_list("refreshed_at", flat=True).first()
    )


def groups_of(request_ids: Iterable[int]) -> set[Group]:
    ids = list(request_ids)
    if not ids:
        return set()
    return set(_requests().filter(pk__in=ids).values_list(*KEY).distinct())


def groups_of_case(case_id: int) -> set[Group]:
    return set(_requests().filter(case_id=case_id).values_list(*KEY).distinct())


def requests_changed(request_ids: Iterable[int]) -> None:
    """Bring the figures of these requests' groups up to date (call inside the transaction
    that changed them)."""
    refresh_groups(groups_of(request_ids))


def _month_range(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime.combine(month, datetime.time.min))
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    return start, timezone.make_aware(datetime.datetime.combine(following, datetime.time.min))


def _condition(groups: set[Group], *, raw: bool) -> Q:
    condition = Q(pk__in=[])
    for team, fund, category, month in groups:
        if raw:
            start, end = _month_range(month)
            condition |= Q(
                case__team_id=team,
                fund_id=fund,
                category_id=category,
                submitted_at__gte=start,
                submitted_at__lt=end,
            )
        else:
            condition |= Q(team_id=team, fund_id=fund, category_id=category, month=month)
    return condition


def _lock(groups: set[Group]) -> None:
    if connection.vendor != "postgresql":
        return
    keys = sorted({zlib.crc32(repr(group).encode()) for group in groups})
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [7015, key - 2**31])


@transaction.atomic
def refresh_groups(groups: set[Group]) -> None:
    if not groups:
        return
    _lock(groups)
    before = list(RequestFigure.objects.filter(_condition(groups, raw=False)))
    RequestFigure.objects.filter(_condition(groups, raw=False)).delete()
    rows = _aggregate(_requests().filter(_condition(groups, raw=True)))
    after = RequestFigure.objects.bulk_create(_figures(rows))
    _municipality_changed(before, after)
    BenefitFigure.objects.filter(_condition(groups, raw=False)).delete()
    BenefitFigure.objects.bulk_create(_benefits(_requests().filter(_condition(groups, raw=True))))


#: Statuses whose expected avoided cost counts (the request was approved).
APPROVED = ("goedgekeurd", "betaald")


def _benefits(queryset) -> list[BenefitFigure]:
    """The avoided cost of the approved and paid requests among `queryset` with a stored
    calculation, per group and payer group (reports/benefit.py)."""
    results: dict[Group, list] = {}
    rows = (
        queryset.filter(status__in=APPROVED, cost_benefit__isnull=False)
        .values_list(*KEY, "cost_benefit__result")
        .order_by()
    )
    for *key, result in rows.iterator(chunk_size=2000):
        results.setdefault(tuple(key), []).append(result)
    out = []
    for (team, fund, category, month), found in results.items():
        for payer, (n, cost, avoided) in benefit.add(found).items():
            out.append(
                BenefitFigure(
                    team_id=team,
                    fund_id=fund,
                    category_id=category,
                    month=month,
                    payer=payer,
                    requests=n,
                    cost=cost,
                    avoided=avoided,
                )
            )
    return out


#: The columns a municipality's row adds up from its teams' rows.
COUNTS = ("requests", "small", "amount", "decided", *WITHIN_FIELDS)
MunicipalKey = tuple[int, int | None, datetime.date, str, str]  # municipality, category, ...


def _municipality_totals() -> list[MunicipalityFigure]:
    """Every municipality's rows from the team rows (the full recount): one query."""
    grouped = (
        RequestFigure.objects.filter(team__neighbourhood__municipality_id__isnull=False)
        .values(
            "team__neighbourhood__municipality_id", "category_id", "month", "status", "alternative"
        )
        .annotate(**{f"sum_{name}": Sum(name) for name in COUNTS})
        .order_by()
    )
    return [
        MunicipalityFigure(
            municipality_id=g["team__neighbourhood__municipality_id"],
            category_id=g["category_id"],
            month=g["month"],
            status=g["status"],
            alternative=g["alternative"],
            **{name: g[f"sum_{name}"] for name in COUNTS},
        )
        for g in grouped.iterator(chunk_size=2000)
    ]


def _municipality_changed(before: list[RequestFigure], after: list[RequestFigure]) -> None:
    """Add (after − before) of these team rows to their municipalities' rows: an UPDATE per
    changed row (an INSERT when it is new, a DELETE when it emptied), whatever the size of
    the municipality."""
    teams = {f.team_id for f in before} | {f.team_id for f in after}
    municipality_of = dict(
        Team.objects.filter(pk__in=teams, neighbourhood__isnull=False).values_list(
            "pk", "neighbourhood__municipality_id"
        )
    )
    delta: dict[MunicipalKey, list] = {}
    for sign, figures in ((-1, before), (1, after)):
        for f in figures:
            municipality = municipality_of.get(f.team_id)
            if municipality is None:
                continue
            key = (municipality, f.category_id, f.month, f.status, f.alternative)
            sums = delta.setdefault(key, [0] * len(COUNTS))
            for i, name in enumerate(COUNTS):
                sums[i] += sign * getattr(f, name)
    delta = {k: v for k, v in delta.items() if any(v)}
    if not delta:
        return
    _lock_municipal({(m, c, month) for m, c, month, _s, _a in delta})
    added = []
    for key, sums in delta.items():
        m, c, month, status, alternative = key
        group = {
            "municipality_id": m,
            "category_id": c,
            "month": month,
            "status": status,
            "alternative": alternative,
        }
        changes = {name: F(name) + sums[i] for i, name in enumerate(COUNTS) if sums[i]}
        if not MunicipalityFigure.objects.filter(**group).update(**changes) and sums[0] > 0:
            added.append(MunicipalityFigure(**group, **dict(zip(COUNTS, sums, strict=True))))
    if added:
        MunicipalityFigure.objects.bulk_create(added)
    # a group whose last request left it (decided into another status, handed to another
    # municipality's team): no row, as the full recount would have none
    if any(sums[0] < 0 for sums in delta.values()):
        emptied = Q(pk__in=[])
        for m, c, month, status, alternative in delta:
            emptied |= Q(
                municipality_id=m,
                category_id=c,
                month=month,
                status=status,
                alternative=alternative,
            )
        MunicipalityFigure.objects.filter(emptied, requests=0).delete()


def _lock_municipal(keys: set[tuple[int, int | None, datetime.date]]) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for key in sorted({zlib.crc32(repr(k).encode()) for k in keys}):
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [7016, key - 2**31])
