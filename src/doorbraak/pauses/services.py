"""Writes on pauses, one transaction each. Bad input raises a Dutch ValidationError (per field)
before anything is saved; a refused role raises PermissionDenied. Every write is logged in the
processing log by the caller's origin (privacy.services.log_processing), explicitly.

The review is a follow-up action (escalation.FollowUpAction) for whoever paused, due on the
review date: it appears in "Mijn acties" and on the start page, and is marked done when the
review's outcome is recorded here."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak import text_limits as limits
from doorbraak.cases.models import CaseStatus, EntryKind
from doorbraak.cases.queries import visible_cases
from doorbraak.cases.services import timeline_record
from doorbraak.escalation.models import FollowUpAction
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import Origin, log_processing
from doorbraak.text_validators import check_text
from doorbraak.ui import formatting

from . import access, rules
from .messages import message
from .models import Measure, Outcome, Pause, PauseStatus


def max_weeks() -> int:
    return settings.DOORBRAAK_PAUSE_MAX_WEEKS


def _log(origin: Origin | None, pause: Pause, action: str) -> None:
    if origin is None:
        return
    log_processing(
        origin,
        activity=Activity.PAUSE_RECORD,
        action=action,
        object_type="pause",
        object_id=pause.pk,
        subject_ids=list(pause.case.household.members.values_list("subject_id", flat=True)),
    )


def _timeline(pause: Pause, actor, kind: EntryKind, text: str) -> None:
    """The pause in the case's timeline, for everyone who works on the case."""
    timeline_record(pause.case, actor, kind, text[: limits.LONG_TEXT])


def _started_text(pause: Pause) -> str:
    text = _(
        "Pause %(ref)s: %(measure)s (%(benefit)s, %(organisation)s) from %(start)s to "
        "%(end)s; review on %(review)s."
    ) % {
        "ref": pause.reference,
        "measure": pause.get_measure_display(),
        "benefit": pause.benefit,
        "organisation": pause.organisation,
        "start": formatting.date(pause.starts_on),
        "end": formatting.date(pause.ends_on),
        "review": formatting.date(pause.review_on),
    }
    if pause.status == PauseStatus.AWAITING_APPROVAL:
        text += " " + _("Longer than %(weeks)s weeks: awaits a second person's approval.") % {
            "weeks": max_weeks()
        }
    return text


def _review_action(pause: Pause) -> FollowUpAction:
    return FollowUpAction.objects.create(
        case_id=pause.case_id,
        owner=pause.created_by,
        created_by=pause.created_by,
        due_date=pause.review_on,
        description=_("Review pause %(ref)s (%(measure)s, %(benefit)s): continue, adjust or end.")
        % {
            "ref": pause.reference,
            "measure": pause.get_measure_display(),
            "benefit": pause.benefit,
        },
    )


@transaction.atomic
def pause_start(
    *,
    actor,
    case,
    organisation,
    measure: str,
    benefit: str,
    reason: str,
    starts_on: datetime.date | None,
    weeks: int | None,
    review_on: datetime.date | None,
    today: datetime.date | None = None,
    origin: Origin | None = None,
) -> Pause:
    """An inkomensconsulent or handhaver who sees the case pauses a measure. Up to the
    configured maximum of weeks it takes effect at once; longer, it waits for a second
    person's approval (`pause_approve`)."""
    today = today or timezone.localdate()
    if not access.may_pause(actor.role, actor.is_active):
        raise PermissionDenied(message("not_pauser"))
    if not visible_cases(actor).filter(pk=case.pk).exists():
        raise PermissionDenied(message("not_pauser"))
    found: dict[str, list[str]] = {}
    if case.status != CaseStatus.OPEN:
        found["__all__"] = [message("case_closed")]
    if organisation is None:
        found["organisation"] = [message("organisation_missing")]
    if measure not in Measure.values:
        found["measure"] = [message("measure_missing")]
    benefit, reason = (benefit or "").strip(), (reason or "").strip()
    if not benefit:
        found["benefit"] = [message("benefit_missing")]
    if not reason:
        found["reason"] = [message("reason_missing")]
    for field, value, limit in (
        ("benefit", benefit, limits.SHORT_TEXT),
        ("reason", reason, limits.TEXT),
    ):
        try:
            check_text(value, field, limit)
        except ValidationError as error:
            found.update(error.message_dict)
    draft = rules.Draft(start=starts_on, weeks=weeks, review=review_on)
    for field, code in rules.check(draft, today=today).items():
        found[field] = [message(code)]
    if found:
        raise ValidationError(found)
    long = rules.needs_approval(weeks, max_weeks())
    pause = Pause.objects.create(
        case=case,
        organisation=organisation,
        measure=measure,
        benefit=benefit,
        reason=reason,
        starts_on=starts_on,
        weeks=weeks,
        ends_on=rules.last_day(starts_on, weeks),
        review_on=review_on,
        status=PauseStatus.AWAITING_APPROVAL if long else PauseStatus.ACTIVE,
        created_by=actor,
    )
    if not long:
        pause.review_action = _review_action(pause)
        pause.save(update_fields=["review_action"])
    _timeline(pause, actor, EntryKind.PAUSE, _started_text(pause))
    _log(origin, pause, "create")
    return pause


@transaction.atomic
def pause_approve(
    *, actor, pause: Pause, approve: bool | None, note: str = "", origin: Origin | None = None
) -> Pause:
    """A second inkomensconsulent or the W&I manager approves (or refuses) a long pause."""
    if not access.may_approve(actor.role, actor.is_active):
        raise PermissionDenied(message("not_approver"))
    pause = Pause.objects.select_for_update(of=("self",)).select_related("case").get(pk=pause.pk)
    if pause.created_by_id == actor.pk:
        raise PermissionDenied(message("own_pause"))
    if pause.status != PauseStatus.AWAITING_APPROVAL:
        raise ValidationError({"__all__": [message("not_awaiting")]})
    note = check_text((note or "").strip(), "note", limits.TEXT)
    if approve is None:
        raise ValidationError({"decision": [message("decision_missing")]})
    if not approve and not note:
        raise ValidationError({"note": [message("refuse_reason")]})
    pause.approved_by, pause.approved_at, pause.approval_note = actor, timezone.now(), note
    pause.status = PauseStatus.ACTIVE if approve else PauseStatus.REFUSED
    if approve:
        pause.review_action = _review_action(pause)
    pause.save(
        update_fields=["approved_by", "approved_at", "approval_note", "status", "review_action"]
    )
    _timeline(
        pause,
        actor,
        EntryKind.PAUSE,
        _("Pause %(ref)s approved by a second person.") % {"ref": pause.reference}
        if approve
        else _("Pause %(ref)s refused: %(note)s") % {"ref": pause.reference, "note": note},
    )
    _log(origin, pause, "approve" if approve else "refuse")
    return pause


@transaction.atomic
def pause_review(
    *,
    actor,
    pause: Pause,
    outcome: str,
    reasons: str,
    care_path: str = "",
    care_due: datetime.date | None = None,
    today: datetime.date | None = None,
    origin: Origin | None = None,
) -> Pause:
    """Record the review: continue, adjust or end the benefit, with reasons. With `care_path`
    a follow-up action for the case's key worker starts it (due `care_due`)."""
    today = today or timezone.localdate()
    if not access.may_review(actor.role, actor.is_active):
        raise PermissionDenied(message("not_reviewer"))
    pause = (
        Pause.objects.select_for_update(of=("self",))
        .select_related("case__key_worker")
        .get(pk=pause.pk)
    )
    if pause.status != PauseStatus.ACTIVE:
        raise ValidationError({"__all__": [message("not_active")]})
    found: dict[str, list[str]] = {}
    if outcome not in Outcome.values:
        found["outcome"] = [message("outcome_missing")]
    reasons, care_path = (reasons or "").strip(), (care_path or "").strip()
    if not reasons:
        found["reasons"] = [message("outcome_reasons_missing")]
    for field, value in (("reasons", reasons), ("care_path", care_path)):
        try:
            check_text(value, field, limits.TEXT)
        except ValidationError as error:
            found.update(error.message_dict)
    key_worker = pause.case.key_worker
    if care_path:
        if care_due is None:
            found["care_due"] = [message("care_due_missing")]
        elif care_due < today:
            found["care_due"] = [message("care_due_past")]
        if key_worker is None or not key_worker.is_active:
            found["care_path"] = [message("no_key_worker")]
    if found:
        raise ValidationError(found)
    pause.status = PauseStatus.REVIEWED
    pause.outcome, pause.outcome_reasons = outcome, reasons
    pause.reviewed_by, pause.reviewed_at = actor, timezone.now()
    if care_path:
        pause.care_action = FollowUpAction.objects.create(
            case_id=pause.case_id,
            owner=key_worker,
            created_by=actor,
            due_date=care_due,
            description=_("Care path after pause %(ref)s: %(what)s")
            % {"ref": pause.reference, "what": care_path},
        )
    pause.save(
        update_fields=[
            "status",
            "outcome",
            "outcome_reasons",
            "reviewed_by",
            "reviewed_at",
            "care_action",
        ]
    )
    if pause.review_action_id:
        FollowUpAction.objects.filter(pk=pause.review_action_id, done_at__isnull=True).update(
            done_at=timezone.now(),
            done_note=f"{Outcome(outcome).label}: {reasons}"[: limits.TEXT],
        )
    _timeline(
        pause,
        actor,
        EntryKind.PAUSE_REVIEWED,
        _("Pause %(ref)s reviewed: %(outcome)s.")
        % {"ref": pause.reference, "outcome": Outcome(outcome).label},
    )
    _log(origin, pause, "review")
    return pause
