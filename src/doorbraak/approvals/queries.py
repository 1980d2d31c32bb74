"""Reads for approvers: the inbox and the review page. Approvers may be outside the case's
team, so they never get the case itself: only the request and its anonymised text."""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404

from doorbraak.proposals.models import Request

from .models import Notification, NotificationKind, Vote


def _asked(user) -> QuerySet[Request]:
    return Request.objects.filter(
        Exists(
            Notification.objects.filter(
                user_id=user.pk, request_id=OuterRef("pk"), kind=NotificationKind.VOTE_REQUESTED
            )
        )
    )


def inbox(user) -> QuerySet[Request]:
    """Open requests this person is asked to vote on, with whether they already voted."""
    return (
        _asked(user)
        .filter(status="ingediend")
        .annotate(voted=Exists(Vote.objects.filter(request_id=OuterRef("pk"), approver_id=user.pk)))
        .select_related("fund", "category")
        .order_by("submitted_at")
    )


def recently_decided(user, limit: int = 10) -> list[Request]:
    return list(
        _asked(user)
        .exclude(status="ingediend")
        .select_related("fund", "category")
        .order_by("-decided_at")[:limit]
    )


def review(user, pk) -> Request:
    try:
        return (
            _asked(user)
            .select_related(
                "fund__approval_policy",
                "category",
                "created_by",
                "triangle__legal_ground",
                "cost_benefit",
            )
            .get(pk=pk)
        )
    except (Request.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def unread_count(user) -> int:
    """The menu badge: notifications that still need this person (approvals.notifications)."""
    from .notifications import unread

    return unread(user).count()


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
    prefetch_related_objects(
        [request], Prefetch("votes", queryset=Vote.objects.select_related("approver"))
    )
    return list(request.votes.all())
