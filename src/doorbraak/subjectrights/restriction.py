"""Restriction of processing (AVG art. 18), enforced centrally.

The hooks in other apps call only these functions:

* `cases.queries` leaves restricted households' cases out of every visibility filter and list
  (`without_restricted`) and refuses to open one (`is_restricted`);
* case, request, vote and payment services call `refuse_if_restricted` before they write.

Only storage continues; the functional administrator can still produce an access export and
lift the restriction (subjectrights pages, which do not go through the visibility filter).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from .models import Restriction


class ProcessingRestricted(PermissionDenied):
    """Refused: the household's processing is restricted. `message` is in Dutch."""

    def __init__(self, message: str | None = None):
        self.message = message or _(
            "Processing of this household's data is restricted (AVG art. 18): it is only stored. "
            "Nothing was changed. Ask the functional administrator."
        )
        super().__init__(self.message)


def restricted_household_ids() -> QuerySet:
    """Subquery of the households whose processing is restricted now (served by the partial
    unique index on active restrictions)."""
    return Restriction.objects.filter(lifted_at__isnull=True).values("household_id")


def unrestricted_cases_q(field: str = "household_id") -> Q:
    """Condition on a Case queryset (or `<prefix>household_id`): not restricted."""
    return ~Q(**{f"{field}__in": restricted_household_ids()})


def without_restricted(cases: QuerySet) -> QuerySet:
    return cases.exclude(household_id__in=restricted_household_ids())


def is_restricted(household_id) -> bool:
    return Restriction.objects.filter(household_id=household_id, lifted_at__isnull=True).exists()


def refuse_if_restricted(household_id, message: str | None = None) -> None:
    if household_id is not None and is_restricted(household_id):
        raise ProcessingRestricted(message)


def refuse_if_any_restricted(household_ids) -> None:
    ids = {h for h in household_ids if h is not None}
    if ids and Restriction.objects.filter(household_id__in=ids, lifted_at__isnull=True).exists():
        raise ProcessingRestricted()


def restricted_annotation():
    """`Exists` for annotating a Case queryset with whether its household is restricted."""
    from django.db.models import Exists, OuterRef

    return Exists(
        Restriction.objects.filter(household_id=OuterRef("household_id"), lifted_at__isnull=True)
    )


def restricted_request_ids(request_ids) -> set[int]:
    """Of these maatwerk requests, those whose household is restricted (one query)."""
    from doorbraak.proposals.models import Request

    ids = list(request_ids)
    if not ids:
        return set()
    return set(
        Request.objects.filter(
            pk__in=ids, case__household_id__in=restricted_household_ids()
        ).values_list("pk", flat=True)
    )


def explain_if_restricted(user, case_pk) -> None:
    """Called where a case page answers 404: if the case is hidden only because its household
    is restricted and `user` is its key worker or in its team, say so (403 with the Dutch
    message) instead of "not found". Others still get 404: no case's existence leaks."""
    from doorbraak.cases.models import Case

    try:
        case = (
            Case.objects.filter(pk=int(case_pk))
            .only("household_id", "key_worker_id", "team_id")
            .first()
        )
    except (TypeError, ValueError, OverflowError):
        return
    if case is None or not (user and user.is_authenticated and user.is_active):
        return
    own = case.key_worker_id == user.pk or (user.team_id and case.team_id == user.team_id)
    if own and is_restricted(case.household_id):
        raise ProcessingRestricted(
            _(
                "This case cannot be opened: processing of the household's data is restricted "
                "(AVG art. 18). It is only stored. Ask the functional administrator."
            )
        )
