"""E-mail reminders, the reference and a link only (never household details, as
approvals/notifications.py): follow-up actions due today or overdue (once per action per day),
and escalations whose level passed its target time (once per escalation, to whoever escalated
it). Plain functions, run by Celery beat tasks (tasks.py)."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from .models import Escalation, FollowUpAction, Status


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


def overdue_text(escalation: Escalation) -> tuple[str, str]:
    link = settings.SITE_URL.rstrip("/") + reverse("escalation:detail", args=[escalation.pk])
    subject = _("Doorbraak: escalation %(ref)s is past its target time") % {
        "ref": escalation.reference
    }
    body = _(
        "Escalation %(ref)s was to be decided by %(date)s and is still open. Ask the level, "
        "or escalate further:\n%(link)s"
    ) % {
        "ref": escalation.reference,
        "date": escalation.due_date.strftime("%d-%m-%Y"),
        "link": link,
    }
    return subject, body


def escalations_flag_overdue(now: datetime.datetime | None = None) -> int:
    """Tell whoever escalated an item, once, that its level passed the target time without a
    decision. Returns how many were told. Safe to run again and concurrently (rows locked and
    marked before the mail goes out on commit)."""
    today = timezone.localdate(now or timezone.now())
    told = 0
    with transaction.atomic():
        late = list(
            Escalation.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=Status.OPEN, due_date__lt=today, overdue_notified_on__isnull=True)
            .select_related("created_by")
            .order_by("pk")
        )
        for escalation in late:
            person = escalation.created_by
            if not person.is_active or not person.email:
                continue
            with override(settings.LANGUAGE_CODE):
                subject, body = overdue_text(escalation)
            transaction.on_commit(
                lambda s=subject, b=body, a=person.email: send_mail(
                    s, b, None, [a], fail_silently=True
                )
            )
            told += 1
        Escalation.objects.filter(pk__in=[e.pk for e in late]).update(overdue_notified_on=today)
    return told
