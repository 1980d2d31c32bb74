"""Notifications: where each one leads, which still need attention, and the e-mail text.
One count (the menu badge) and one place to read them (the start page and /meldingen/)."""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Notification, NotificationKind, Vote


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
    """What still needs this person: a vote request counts until they voted or the request
    is decided (opening it is not voting); any other notification until it is read, and an
    overdue flag only while the request is still open."""
    voted = Vote.objects.filter(request_id=OuterRef("request_id"), approver_id=user.pk)
    open_request = Q(request__status="ingediend")
    vote_waits = Q(kind=NotificationKind.VOTE_REQUESTED) & open_request & ~Exists(voted)
    news = (
        ~Q(kind=NotificationKind.VOTE_REQUESTED)
        & Q(read_at__isnull=True)
        & ~(Q(kind=NotificationKind.OVERDUE) & ~open_request)
    )
    return Notification.objects.filter(user_id=user.pk).filter(vote_waits | news)
