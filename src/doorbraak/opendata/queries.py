"""Reads for the open data: the municipalities, who may see the page, and the aggregates of one
municipality that datasets.py turns into published rows. Only counts, sums, ids, enumerations,
catalogue names and dates are read here: never a free-text column."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, DateField, F, Max, Min, Sum
from django.db.models.functions import TruncMonth, TruncQuarter
from django.utils import timezone
from django.utils.text import slugify

from doorbraak.accounts.models import Organisation, OrganisationKind
from doorbraak.home.queries import person_of
from doorbraak.learning.models import Pattern, PatternBlocker
from doorbraak.proposals.models import Request
from doorbraak.reports.dashboard import SPENT
from doorbraak.worktables.models import StructuralSolution

from . import access, datasets
from .datasets import Cell, PatternIn, SolutionIn
from .models import Snapshot

#: A structural solution's effect is compared over this many months before and after.
WINDOW_MONTHS = 12


def threshold() -> int:
    return getattr(settings, "OPEN_DATA_MIN_CELL", datasets.suppression.DEFAULT_THRESHOLD)


def municipality_of(user) -> Organisation | None:
    """The municipality whose open data this person manages; None: no page for them."""
    if not (user and user.is_authenticated) or not access.may_manage_open_data(person_of(user)):
        return None
    return Organisation.objects.filter(
        pk=user.organisation_id, kind=OrganisationKind.MUNICIPALITY
    ).first()


def slug_of(municipality: Organisation) -> str:
    return slugify(municipality.name)


def municipality_by_slug(slug: str) -> Organisation | None:
    for organisation in Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY):
        if slug_of(organisation) == slug:
            return organisation
    return None


def published(municipality: Organisation) -> Snapshot | None:
    return (
        Snapshot.objects.filter(municipality=municipality)
        .select_related("published_by")
        .order_by("-published_at", "-pk")
        .first()
    )


def published_municipalities() -> list[tuple[str, str, datetime.datetime]]:
    """(name, slug, date) of every municipality with a published snapshot, its latest."""
    latest = {}
    for snapshot in Snapshot.objects.select_related("municipality").order_by("published_at"):
        latest[snapshot.municipality_id] = snapshot
    return sorted(
        (s.municipality.name, slug_of(s.municipality), s.published_at) for s in latest.values()
    )


def _month(day) -> str | None:
    return f"{day:%Y-%m}" if day else None


def _quarter(day) -> str:
    return f"{day.year}-K{(day.month - 1) // 3 + 1}"


def _requests(municipality: Organisation, start: datetime.date, end: datetime.date):
    first = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    after = timezone.make_aware(
        datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min)
    )
    return Request.objects.filter(
        case__team__neighbourhood__municipality=municipality,
        submitted_at__gte=first,
        submitted_at__lt=after,
    )


def _months(start: datetime.date, end: datetime.date) -> list[str]:
    month, out = start.replace(day=1), []
    while month <= end:
        out.append(f"{month:%Y-%m}")
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return out


def _quarters(start: datetime.date, end: datetime.date) -> list[str]:
    return list(
        dict.fromkeys(_quarter(datetime.date.fromisoformat(f"{m}-01")) for m in _months(start, end))
    )


def spending(municipality, start, end, threshold_: int) -> list[dict]:
    """Approved and paid requests per category (catalogue name) and month of submission."""
    grouped = (
        _requests(municipality, start, end)
        .filter(status__in=SPENT)
        .annotate(month=TruncMonth("submitted_at", output_field=DateField()))
        .values("category__label", "month")
        .annotate(
            households=Count("case__household", distinct=True),
            n=Count("pk"),
            total=Sum(F("amount") * F("months")),
        )
        .order_by()
    )
    cells = {
        (g["category__label"], f"{g['month']:%Y-%m}"): Cell(
            g["households"], g["n"], Decimal(g["total"] or 0)
        )
        for g in grouped
    }
    categories = sorted({category for category, _ in cells})
    return datasets.table_rows(
        categories, _months(start, end), cells, threshold_, "categorie", "maand"
    )


def outcome_key(status: str, alternative: str) -> str:
    return f"{status}/{alternative}" if alternative else status


def outcomes(municipality, start, end, threshold_: int) -> list[dict]:
    """Every request by status (solved otherwise: with what) and quarter of submission."""
    grouped = (
        _requests(municipality, start, end)
        .annotate(quarter=TruncQuarter("submitted_at", output_field=DateField()))
        .values("status", "alternative", "quarter")
        .annotate(
            households=Count("case__household", distinct=True),
            n=Count("pk"),
            total=Sum(F("amount") * F("months")),
        )
        .order_by()
    )
    cells = {
        (outcome_key(g["status"], g["alternative"]), _quarter(g["quarter"])): Cell(
            g["households"], g["n"], Decimal(g["total"] or 0)
        )
        for g in grouped
    }
    keys = sorted({key for key, _ in cells})
    return datasets.table_rows(
        keys, _quarters(start, end), cells, threshold_, "uitkomst", "kwartaal"
    )


def _catalogue_rules(pattern_ids) -> dict[int, str]:
    """The catalogue rule's title (a name from the rule catalogue) of a pattern, when a generic
    decision on it names one."""
    from doorbraak.generic.models import GenericDecision

    rules = {}
    for pattern_id, title in (
        GenericDecision.objects.filter(pattern_id__in=pattern_ids, catalogue_rule__isnull=False)
        .order_by("created_at")
        .values_list("pattern_id", "catalogue_rule__title")
    ):
        rules.setdefault(pattern_id, title)
    return rules


def _pattern_counts(municipality):
    return (
        Pattern.objects.filter(municipality=municipality)
        .values("pk", "status", "found_at", "organisation__name")
        .annotate(
            households=Count("blocker_links__blocker__case__household", distinct=True),
            cases=Count("blocker_links__blocker__case", distinct=True),
            first=Min("blocker_links__blocker__created_at"),
            last=Max("blocker_links__blocker__created_at"),
        )
        .order_by("pk")
    )


def _reference(pk: int, prefix: str) -> str:
    return f"{prefix}-{pk:05d}"


def patterns(municipality, threshold_: int) -> list[dict]:
    rows = list(_pattern_counts(municipality))
    rules = _catalogue_rules([r["pk"] for r in rows])
    return datasets.pattern_rows(
        (
            PatternIn(
                reference=_reference(r["pk"], "P"),
                organisation=r["organisation__name"],
                catalogue_rule=rules.get(r["pk"]),
                status=r["status"],
                found_month=_month(r["found_at"]),
                first_month=_month(r["first"]),
                last_month=_month(r["last"]),
                cases=r["cases"],
                households=r["households"],
            )
            for r in rows
        ),
        threshold_,
    )


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, 1)


def _months_between(start: datetime.date, end: datetime.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def solutions(municipality, threshold_: int, today: datetime.date) -> list[dict]:
    solutions_ = list(
        StructuralSolution.objects.filter(pattern__municipality=municipality)
        .values(
            "pk", "pattern_id", "kind", "status", "pattern__organisation__name",
            "proposed_on", "agreed_on", "implemented_on", "evaluated_on",
        )
        .order_by("pk")
    )  # fmt: skip
    pattern_ids = {s["pattern_id"] for s in solutions_}
    counts = {r["pk"]: r for r in _pattern_counts(municipality).filter(pk__in=pattern_ids)}
    # When each household of each pattern first came in (its first blocker in the pattern).
    first_seen: dict[int, dict[int, datetime.date]] = defaultdict(dict)
    for pattern_id, household_id, created_at in PatternBlocker.objects.filter(
        pattern_id__in=pattern_ids
    ).values_list("pattern_id", "blocker__case__household_id", "blocker__created_at"):
        day = timezone.localdate(created_at)
        seen = first_seen[pattern_id]
        if household_id not in seen or day < seen[household_id]:
            seen[household_id] = day
    inputs = []
    for s in solutions_:
        count = counts.get(s["pattern_id"], {"cases": 0, "households": 0})
        before = after = months_after = None
        implemented = s["implemented_on"]
        if implemented is not None:
            start = implemented.replace(day=1)
            days = first_seen[s["pattern_id"]].values()
            months_after = max(0, min(WINDOW_MONTHS, _months_between(start, today)))
            end = _add_months(start, months_after)
            before = sum(1 for d in days if _add_months(start, -WINDOW_MONTHS) <= d < start)
            after = sum(1 for d in days if start <= d < end)
        inputs.append(
            SolutionIn(
                reference=_reference(s["pk"], "SO"),
                pattern=_reference(s["pattern_id"], "P"),
                kind=s["kind"],
                status=s["status"],
                organisation=s["pattern__organisation__name"],
                proposed_on=s["proposed_on"].isoformat(),
                agreed_on=s["agreed_on"].isoformat() if s["agreed_on"] else None,
                implemented_on=implemented.isoformat() if implemented else None,
                evaluated_on=s["evaluated_on"].isoformat() if s["evaluated_on"] else None,
                pattern_cases=count["cases"],
                pattern_households=count["households"],
                before=before,
                after=after,
                months_after=months_after,
            )
        )
    return datasets.solution_rows(inputs, threshold_)


def build(municipality, start: datetime.date, end: datetime.date, now=None) -> dict:
    """The whole export of one municipality for one period, as the JSON document."""
    now = now or timezone.now()
    n = threshold()
    slug = slug_of(municipality)
    return datasets.document(
        municipality=municipality.name,
        slug=slug,
        code=settings.MUNICIPALITY_CODES.get(slug),
        generated_at=now.isoformat(timespec="seconds"),
        period_start=start.isoformat(),
        period_end=end.isoformat(),
        threshold=n,
        datasets={
            datasets.PATTERNS: patterns(municipality, n),
            datasets.SOLUTIONS: solutions(municipality, n, timezone.localdate(now)),
            datasets.SPENDING: spending(municipality, start, end, n),
            datasets.OUTCOMES: outcomes(municipality, start, end, n),
        },
    )
