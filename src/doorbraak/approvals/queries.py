"""Reads for approvers: the inbox and the review page. Approvers may be outside the case's
team, so they never get the case itself: only the request and its anonymised text."""

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    QuerySet,
)
from django.http import Http404

from doorbraak.cases.queries import valid_pk
from doorbraak.compiled_reads import CompiledRead, prefetched
from doorbraak.proposals.models import Request
from doorbraak.recovery.queries import priority as recovery_priority

from .models import Notification, NotificationKind, Vote


def _asked(user_id: int) -> QuerySet[Request]:
    return Request.objects.filter(
        Exists(
            Notification.objects.filter(
                user_id=user_id, request_id=OuterRef("pk"), kind=NotificationKind.VOTE_REQUESTED
            )
        )
    )


def inbox(user) -> QuerySet[Request]:
    """Open requests this person is asked to vote on, with whether they already voted."""
    return inbox_of(user.pk)


def inbox_of(user_id: int) -> QuerySet[Request]:
    """`inbox` by the person's id (for compiled reads, which build with placeholders)."""
    return (
        _asked(user_id)
        .filter(status="ingediend")
        .annotate(voted=Exists(Vote.objects.filter(request_id=OuterRef("pk"), approver_id=user_id)))
        # Hersteloperatie (recovery/): requests of a marked household come first and show
        # "prioriteit"; only this yes/no reaches the approver, never the mark or why.
        .annotate(priority=recovery_priority())
        .select_related("fund", "category")
        .order_by("-priority", "submitted_at")
    )


def recently_decided(user, limit: int = 10) -> list[Request]:
    return list(
        _asked(user.pk)
        .exclude(status="ingediend")
        .select_related("fund", "category")
        .order_by("-decided_at")[:limit]
    )


# The vote page's reads, compiled once per process (doorbraak/compiled_reads.py).
_REVIEW = CompiledRead(
    lambda p: Request.objects.filter(pk=p.int("request")).select_related(
        "fund__approval_policy",
        "category",
        "created_by",
        "triangle__legal_ground",
        "cost_benefit",
    )
)
_ASKED = CompiledRead(
    lambda p: Notification.objects.filter(
        user_id=p.int("user"), request_id=p.int("request"), kind=NotificationKind.VOTE_REQUESTED
    ).values_list("pk", flat=True)[:1]
)
_VOTES = CompiledRead(
    lambda p: Vote.objects.filter(request_id=p.int("request")).select_related("approver")
)


def review(user, pk) -> Request:
    """A request this person was asked to vote on (the `_asked` rule for one request)."""
    pk = valid_pk(pk)
    if not (user and user.is_authenticated) or not _ASKED.all(user=user.pk, request=pk):
        raise Http404
    request = _REVIEW.first(request=pk)
    if request is None:
        raise Http404
    return request


# The menu badge runs on every page: compiled once (doorbraak/compiled_reads.py). The same
# condition as `notifications.unread`; tests/approvals check that both count the same.
_UNREAD = CompiledRead(
    lambda p: (
        Notification.objects.filter(user_id=p.int("user"), read_at__isnull=True)
        .order_by()
        .values("user_id")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
)


def unread_count(user) -> int:
    """The menu badge: notifications that still need this person (approvals.notifications)."""
    return _UNREAD.first(user=user.pk) or 0


def overdue_for_team_leader(user) -> QuerySet[Request]:
    return Request.objects.filter(
        Exists(
            Notification.objects.filter(
                user_id=user.pk, request_id=OuterRef("pk"), kind=NotificationKind.OVERDUE
            )
        ),
        status="ingediend",
    ).select_related("fund")


def votes_of(request: Request) -> list[Vote]:
    """The votes on a request with their voters, read once: the page and the quorum
    (services.vote_overview) then share the same list."""
    if "votes" not in getattr(request, "_prefetched_objects_cache", {}):
        prefetched(request, "votes", _VOTES.all(request=request.pk))
    return list(request.votes.all())
