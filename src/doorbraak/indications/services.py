"""Writes on indications, one transaction each. Bad input raises a Dutch ValidationError (per
field) before anything is saved; a refused person raises PermissionDenied. Every write is
logged in the processing log by the caller's origin (privacy.services.log_processing),
explicitly; the case's timeline gets a note of it."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak import text_limits as limits
from doorbraak.cases.models import CaseStatus, EntryKind, Member
from doorbraak.cases.queries import visible_cases
from doorbraak.cases.services import timeline_record
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import Origin, log_processing
from doorbraak.text_validators import check_text

from . import access
from .messages import message
from .models import (
    MAX_CONTRIBUTION,
    OPEN_STATUSES,
    Exchange,
    ExchangeKind,
    Indication,
    IndicationStatus,
)

AGREE, ASK, ADJUST = "akkoord", "vraag", "aanpassen"
OUTCOMES = (AGREE, ASK, ADJUST)


def _log(origin: Origin | None, indication: Indication, action: str) -> None:
    if origin is None:
        return
    log_processing(
        origin,
        activity=Activity.INDICATION_RECORD,
        action=action,
        object_type="indication",
        object_id=indication.pk,
        subject_ids=list(
            Member.objects.filter(household_id=indication.case.household_id).values_list(
                "subject_id", flat=True
            )
        ),
    )


def _texts(found: dict, **fields) -> dict[str, str]:
    """Stripped texts, with length problems added to `found`."""
    out = {}
    for field, (value, limit) in fields.items():
        value = (value or "").strip()
        try:
            check_text(value, field, limit)
        except ValidationError as error:
            found.update(error.message_dict)
        out[field] = value
    return out


def _money(value, field: str, found: dict, *, required: bool = True) -> Decimal | None:
    if value in (None, ""):
        if required:
            found[field] = [message("contribution_missing")]
        return None
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        found[field] = [message("contribution_range")]
        return None
    if not amount.is_finite() or not Decimal("0") <= amount <= MAX_CONTRIBUTION:
        found[field] = [message("contribution_range")]
        return None
    return amount.quantize(Decimal("0.01"))


def is_linked(user, case) -> bool:
    """The adviser is linked to the case: the key worker (or team leader) added them to it
    (cases.services.access_grant), which is what makes the case visible to them."""
    return visible_cases(user).filter(pk=case.pk).exists()


@transaction.atomic
def indication_write(
    *,
    actor,
    case,
    reported_on: datetime.date | None,
    applied_on: datetime.date | None = None,
    need: str,
    own_capacity: str,
    informal_care: str = "",
    provision: str,
    scope: str,
    contribution,
    today: datetime.date | None = None,
    origin: Origin | None = None,
) -> Indication:
    """An adviser linked to the case writes an advisory Wmo indication."""
    today = today or timezone.localdate()
    if not access.may_write(actor.role, actor.is_active):
        raise PermissionDenied(message("not_writer"))
    if not is_linked(actor, case):
        raise PermissionDenied(message("not_linked"))
    found: dict[str, list[str]] = {}
    if case.status != CaseStatus.OPEN:
        found["__all__"] = [message("case_closed")]
    text = _texts(
        found,
        need=(need, limits.TEXT),
        own_capacity=(own_capacity, limits.TEXT),
        informal_care=(informal_care, limits.TEXT),
        provision=(provision, limits.SHORT_TEXT),
        scope=(scope, limits.SHORT_TEXT),
    )
    for field, code in (
        ("need", "need_missing"),
        ("own_capacity", "capacity_missing"),
        ("provision", "provision_missing"),
        ("scope", "scope_missing"),
    ):
        if not text[field] and field not in found:
            found[field] = [message(code)]
    amount = _money(contribution, "contribution", found)
    if reported_on is None:
        found["reported_on"] = [message("reported_missing")]
    elif reported_on > today:
        found["reported_on"] = [message("reported_future")]
    if applied_on is not None:
        if applied_on > today:
            found["applied_on"] = [message("applied_future")]
        elif reported_on is not None and applied_on < reported_on:
            found["applied_on"] = [message("applied_before_report")]
    if found:
        raise ValidationError(found)
    indication = Indication.objects.create(
        case=case,
        adviser=actor,
        reported_on=reported_on,
        applied_on=applied_on,
        contribution=amount,
        **text,
    )
    timeline_record(
        case,
        actor,
        EntryKind.NOTE,
        _("Advisory Wmo indication %(ref)s written: %(provision)s, %(scope)s.")
        % {"ref": indication.reference, "provision": text["provision"], "scope": text["scope"]},
    )
    _log(origin, indication, "create")
    return indication


def _locked(indication: Indication) -> Indication:
    return (
        Indication.objects.select_for_update(of=("self",))
        .select_related("case__household")
        .get(pk=indication.pk)
    )


@transaction.atomic
def indication_review(
    *,
    actor,
    indication: Indication,
    outcome: str,
    question: str = "",
    reasons: str = "",
    provision: str = "",
    scope: str = "",
    contribution=None,
    decided_on: datetime.date | None = None,
    applied_on: datetime.date | None = None,
    today: datetime.date | None = None,
    origin: Origin | None = None,
) -> Indication:
    """A Wmo consultant (never the adviser who wrote it) agrees, asks a question, or adjusts
    with reasons. Agreeing or adjusting concludes the indication: the decision, with its date.
    A missing date of the application may be given here."""
    today = today or timezone.localdate()
    if indication.adviser_id == actor.pk:
        raise PermissionDenied(message("own_indication"))
    if not access.may_review(actor.role, actor.is_active):
        raise PermissionDenied(message("not_reviewer"))
    indication = _locked(indication)
    if indication.status not in OPEN_STATUSES:
        raise ValidationError({"__all__": [message("not_open")]})
    if indication.status == IndicationStatus.QUESTION:
        raise ValidationError({"__all__": [message("not_awaiting_review")]})
    found: dict[str, list[str]] = {}
    text = _texts(
        found,
        question=(question, limits.TEXT),
        reasons=(reasons, limits.TEXT),
        provision=(provision, limits.SHORT_TEXT),
        scope=(scope, limits.SHORT_TEXT),
    )
    if outcome not in OUTCOMES:
        raise ValidationError({"outcome": [message("outcome_missing")]})
    if outcome == ASK:
        if not text["question"] and "question" not in found:
            found["question"] = [message("question_missing")]
        if found:
            raise ValidationError(found)
        Exchange.objects.create(
            indication=indication, kind=ExchangeKind.QUESTION, text=text["question"], author=actor
        )
        indication.status, indication.questioned = IndicationStatus.QUESTION, True
        indication.save(update_fields=["status", "questioned"])
        _log(origin, indication, "question")
        return indication
    if decided_on is None:
        found["decided_on"] = [message("decided_missing")]
    elif decided_on > today:
        found["decided_on"] = [message("decided_future")]
    elif decided_on < indication.reported_on:
        found["decided_on"] = [message("decided_before_report")]
    applied = indication.applied_on or applied_on
    if indication.applied_on is None and applied_on is not None:
        if applied_on > today:
            found["applied_on"] = [message("applied_future")]
        elif applied_on < indication.reported_on:
            found["applied_on"] = [message("applied_before_report")]
    amount = None
    if outcome == ADJUST:
        if not text["reasons"] and "reasons" not in found:
            found["reasons"] = [message("reasons_missing")]
        amount = _money(contribution, "contribution", found, required=False)
        new_provision = text["provision"] or indication.provision
        new_scope = text["scope"] or indication.scope
        new_amount = indication.contribution if amount is None else amount
        if "contribution" not in found and (new_provision, new_scope, new_amount) == (
            indication.provision,
            indication.scope,
            indication.contribution,
        ):
            found["__all__"] = [message("adjust_nothing")]
    if found:
        raise ValidationError(found)
    indication.reviewer, indication.decided_on = actor, decided_on
    indication.applied_on, indication.recorded_at = applied, timezone.now()
    if outcome == AGREE:
        indication.status = IndicationStatus.AGREED
        indication.decided_provision = indication.provision
        indication.decided_scope = indication.scope
        indication.decided_contribution = indication.contribution
    else:
        indication.status = IndicationStatus.ADJUSTED
        indication.reasons = text["reasons"]
        indication.decided_provision, indication.decided_scope = new_provision, new_scope
        indication.decided_contribution = new_amount
    indication.save()
    timeline_record(
        indication.case,
        actor,
        EntryKind.NOTE,
        _(
            "The Wmo consultant reviewed advisory Wmo indication %(ref)s: %(status)s "
            "(decision of %(date)s)."
        )
        % {
            "ref": indication.reference,
            "status": indication.get_status_display(),
            "date": decided_on.strftime("%d-%m-%Y"),
        },
    )
    _log(origin, indication, "agree" if outcome == AGREE else "adjust")
    return indication


@transaction.atomic
def indication_answer(
    *, actor, indication: Indication, answer: str, origin: Origin | None = None
) -> Indication:
    """The adviser who wrote the indication answers the consultant's question; the indication
    then awaits review again."""
    if indication.adviser_id != actor.pk or not access.may_write(actor.role, actor.is_active):
        raise PermissionDenied(message("not_author"))
    indication = _locked(indication)
    if indication.status != IndicationStatus.QUESTION:
        raise ValidationError({"__all__": [message("not_asked")]})
    found: dict[str, list[str]] = {}
    text = _texts(found, answer=(answer, limits.TEXT))
    if not text["answer"] and "answer" not in found:
        found["answer"] = [message("answer_missing")]
    if found:
        raise ValidationError(found)
    Exchange.objects.create(
        indication=indication, kind=ExchangeKind.ANSWER, text=text["answer"], author=actor
    )
    indication.status = IndicationStatus.SUBMITTED
    indication.save(update_fields=["status"])
    _log(origin, indication, "answer")
    return indication
