"""E-mail reminders for follow-up actions that are due today or overdue: once per action per
day, the reference and a link only (never household details, as approvals/notifications.py).
A plain function; the lead wires it into a Celery beat task."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from .models import FollowUpAction


def reminder_text(action: FollowUpAction, today: datetime.date) -> tuple[str, str]:
    link = settings.SITE_URL.rstrip("/") + reverse("escalation:actions")
    if action.due_date < today:
        subject = _("Doorbraak: action %(ref)s is overdue") % {"ref": action.reference}
    else:
        subject = _("Doorbraak: action %(ref)s is due today") % {"ref": action.reference}
    body = _("Your follow-up action %(ref)s is due on %(date)s. Open your actions:\n%(link)s") % {
        "ref": action.reference,
        "date": action.due_date.strftime("%d-%m-%Y"),
        "link": link,
    }
    return subject, body


def actions_remind_due(now: datetime.datetime | None = None) -> int:
    """Send one reminder per open action due today or earlier whose owner has an e-mail
    address and was not reminded today. Returns how many were sent. Safe to run again (and
    concurrently): the rows are locked and marked before the mail goes out on commit."""
    today = timezone.localdate(now or timezone.now())
    sent = 0
    with transaction.atomic():
        due = list(
            FollowUpAction.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(done_at__isnull=True, due_date__lte=today, owner__is_active=True)
            .exclude(owner__email="")
            .exclude(reminded_on__gte=today)
            .select_related("owner")
            .order_by("pk")
        )
        for action in due:
            with override(settings.LANGUAGE_CODE):
                subject, body = reminder_text(action, today)
            address = action.owner.email
            transaction.on_commit(
                lambda s=subject, b=body, a=address: send_mail(s, b, None, [a], fail_silently=True)
            )
            sent += 1
        FollowUpAction.objects.filter(pk__in=[a.pk for a in due]).update(reminded_on=today)
    return sent
