"""Reads on the directory: the searchable list for every signed-in professional, and "who can
help here?" for an escalation or a blocker (one query each, whatever the size)."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from .models import Ambassador, Kind

#: How many helpers a case page shows at most ("wie kan hier helpen?").
HELPERS_SHOWN = 5


def directory(*, q: str = "", organisation=None, neighbourhood=None) -> QuerySet[Ambassador]:
    rows = Ambassador.objects.filter(active=True).select_related("organisation", "neighbourhood")
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    if neighbourhood is not None:
        rows = rows.filter(Q(neighbourhood=neighbourhood) | Q(neighbourhood__isnull=True))
    for word in q.split()[:5]:
        rows = rows.filter(
            Q(name__icontains=word)
            | Q(topics__icontains=word)
            | Q(department__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(neighbourhood__name__icontains=word)
        )
    return rows.order_by("organisation__name", "name", "pk")


def helpers_for(*, organisations, neighbourhoods=()) -> list[Ambassador]:
    """The active ambassadors of `organisations` (ids or a subquery) for the wijk
    (`neighbourhoods`: ids or a subquery) or the whole organisation; maatwerkambassadeurs first."""
    rows = (
        Ambassador.objects.filter(
            Q(neighbourhood__isnull=True) | Q(neighbourhood_id__in=neighbourhoods),
            active=True,
            organisation__in=organisations,
        )
        .select_related("organisation", "neighbourhood")
        .annotate(
            first=Case(
                When(kind=Kind.AMBASSADOR, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("first", "organisation__name", "name", "pk")
    )
    return list(rows[:HELPERS_SHOWN])


def helpers_context(case, blocker=None) -> dict:
    """Context for "ambassadors/_helpers.html" on an escalation or blocker page: the helpers of
    the blocker's organisation, or (an escalated request) of the organisations of the case's
    open blockers, in the case team's wijk. One query (blockers and team read in subqueries)."""
    from doorbraak.accounts.models import Team
    from doorbraak.cases.models import Blocker

    if blocker is not None:
        organisations = [blocker.organisation_id]
    else:
        organisations = Blocker.objects.filter(case_id=case.pk, status="open").values(
            "organisation_id"
        )
    wijk = Team.objects.filter(pk=case.team_id).values("neighbourhood_id")
    return {"helpers": helpers_for(organisations=organisations, neighbourhoods=wijk)}
