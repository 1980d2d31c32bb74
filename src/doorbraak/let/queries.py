"""Reads shared by the LET pages, the start page and the API.

Who sees a submission: a regievoerder every one (the Maatwerkloket is national; its texts
are anonymised), anyone else the submissions of cases they may see."""

import datetime

from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.http import Http404

from doorbraak.cases.queries import visible_cases

from . import rules
from .models import LetSubmission
from .services import is_regievoerder

SHORT = 5


def visible_submissions(user) -> QuerySet[LetSubmission]:
    if not user.is_active:
        return LetSubmission.objects.none()
    if is_regievoerder(user):
        return LetSubmission.objects.all()
    return LetSubmission.objects.filter(case_id__in=visible_cases(user).values("pk"))


def _with_relations(queryset):
    return queryset.select_related(
        "case",
        "escalation",
        "submitted_by",
        "triaged_by",
        "decided_by",
        "checked_by",
        "exception_organisation",
    ).prefetch_related("organisations")


def submission_list(user) -> QuerySet[LetSubmission]:
    return _with_relations(visible_submissions(user)).order_by("-submitted_at", "-pk")


def submission_detail(user, pk) -> LetSubmission:
    try:
        return _with_relations(visible_submissions(user)).get(pk=pk)
    except (LetSubmission.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def to_triage(user) -> list[LetSubmission]:
    """New submissions waiting for a regievoerder, oldest first."""
    if not is_regievoerder(user):
        return []
    return list(
        LetSubmission.objects.filter(status=rules.SUBMITTED)
        .select_related("case")
        .order_by("submitted_at", "pk")[:SHORT]
    )


def accepted(user) -> list[LetSubmission]:
    """Accepted for the LET, waiting for its decision."""
    if not is_regievoerder(user):
        return []
    return list(
        LetSubmission.objects.filter(status=rules.ACCEPTED)
        .select_related("case")
        .order_by("triaged_at", "pk")[:SHORT]
    )


def checks_due(user, today: datetime.date, ahead_days: int = 14) -> list[LetSubmission]:
    """LET decisions whose follow-up check is due (or due within two weeks), earliest first."""
    if not is_regievoerder(user):
        return []
    until = today + datetime.timedelta(days=ahead_days)
    return list(
        LetSubmission.objects.filter(status=rules.DECIDED, check_on__lte=until)
        .select_related("case", "exception_organisation")
        .order_by("check_on", "pk")
    )


def year_figures(year: int | None = None) -> list[tuple[int, rules.YearFigures]]:
    """Per year of submission (newest first), the figures of `rules.year_figures`; one query."""
    rows = LetSubmission.objects.annotate(year=ExtractYear("submitted_at")).values_list(
        "year", "status", "carried_out"
    )
    if year is not None:
        rows = rows.filter(year=year)
    by_year: dict[int, list] = {}
    for row_year, status, carried_out in rows:
        by_year.setdefault(row_year, []).append((status, carried_out))
    return [(y, rules.year_figures(by_year[y])) for y in sorted(by_year, reverse=True)]


def submission_for(escalation) -> LetSubmission | None:
    return LetSubmission.objects.filter(escalation_id=escalation.pk).first()
