"""Notifications: where each one leads, which still need attention, and the e-mail text.
One count (the menu badge) and one place to read them (the start page and /meldingen/)."""

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Notification, NotificationKind


def target(kind: str, request_id: int) -> str:
    """The page a notification leads to: the vote page for a vote, else the request."""
    if kind == NotificationKind.VOTE_REQUESTED:
        return reverse("approvals:review", args=[request_id])
    return reverse("proposals:detail", args=[request_id])


def absolute_target(kind: str, request_id: int) -> str:
    return settings.SITE_URL.rstrip("/") + target(kind, request_id)


def email_body(kind: str, reference: str, request_id: int) -> str:
    """No personal data in e-mail: the reference and the link only."""
    link = absolute_target(kind, request_id)
    if kind == NotificationKind.VOTE_REQUESTED:
        return _("Your vote is asked on request %(ref)s. Open it, read, and vote:\n%(link)s") % {
            "ref": reference,
            "link": link,
        }
    return _("There is news about request %(ref)s:\n%(link)s") % {"ref": reference, "link": link}


def unread(user) -> QuerySet[Notification]:
    """What still needs this person: one indexed count (user, read_at) on every page. A vote
    request stays unread until the person votes or the request is settled (`settle_vote`,
    `settle_request`); opening it is not voting. Other notifications until they are read."""
    return unread_of(user.pk)


def unread_of(user_id: int) -> QuerySet[Notification]:
    """`unread` by the person's id (for compiled reads, which build with placeholders)."""
    return Notification.objects.filter(user_id=user_id, read_at__isnull=True)


def mark_read(queryset) -> int:
    """Mark notifications read, except vote requests: those wait for the vote."""
    return (
        queryset.filter(read_at__isnull=True)
        .exclude(kind=NotificationKind.VOTE_REQUESTED)
        .update(read_at=timezone.now())
    )


def settle_vote(user_id: int, request_id: int) -> None:
    """This person voted: their vote request is done."""
    Notification.objects.filter(
        user_id=user_id,
        request_id=request_id,
        kind=NotificationKind.VOTE_REQUESTED,
        read_at__isnull=True,
    ).update(read_at=timezone.now())


def settle_request(request_id: int) -> None:
    """The request is decided, withdrawn or solved otherwise: nobody's vote or overdue flag on
    it waits any more."""
    Notification.objects.filter(
        request_id=request_id,
        kind__in=(NotificationKind.VOTE_REQUESTED, NotificationKind.OVERDUE),
        read_at__isnull=True,
    ).update(read_at=timezone.now())
