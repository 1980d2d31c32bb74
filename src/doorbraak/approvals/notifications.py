"""Notifications: where each one leads, which still need attention, and the e-mail text.
One count (the menu badge) and one place to read them (the start page and /meldingen/)."""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Notification, NotificationKind, Vote

#: Kinds that ask for something on an open request: moot once the request is decided.
ASKING = (NotificationKind.VOTE_REQUESTED, NotificationKind.OVERDUE)


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
    """Unread notifications that still mean something: a vote request on a request that is
    decided, or that this person already voted on, no longer counts."""
    voted = Vote.objects.filter(request_id=OuterRef("request_id"), approver_id=user.pk)
    return (
        Notification.objects.filter(user_id=user.pk, read_at__isnull=True)
        .exclude(Q(kind__in=ASKING) & ~Q(request__status="ingediend"))
        .exclude(Q(kind=NotificationKind.VOTE_REQUESTED) & Exists(voted))
    )
