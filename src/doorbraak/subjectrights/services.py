"""Data-subject rights: finding a person by BSN, the access export, restriction of processing
and the trail of rectification requests. Every function checks who may do it, writes in one
transaction and logs the processing explicitly (one record per data subject)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak import text_limits as limits
from doorbraak.cases.bsn import InvalidBSN, normalise_bsn
from doorbraak.cases.models import Case, EntryKind, Member
from doorbraak.cases.services import timeline_record
from doorbraak.privacy import bsn_keys
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import Origin, log_processing
from doorbraak.text_validators import check_text

from . import export
from .models import RequestKind, RequestState, Restriction, RightsRequest
from .permissions import may_handle_rights


def _invalid_bsn() -> str:
    return _("This is not a valid BSN: it must be 9 digits and pass the 11-check.")


def _check_actor(actor) -> None:
    if not may_handle_rights(actor):
        raise PermissionDenied(
            _("Only the functional administrator handles requests about personal data.")
        )


def _text(value: str, field: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("Add a short explanation.")})
    return check_text(value, field, limits.TEXT)


def _subjects(members) -> list:
    return [m.subject_id for m in members]


def find_person(*, actor, origin: Origin, bsn: str) -> list[Member]:
    """The member rows with this BSN. A BSN that fails the 11-check is refused with a Dutch
    message; the attempt is logged (without the BSN) and nothing is shown."""
    _check_actor(actor)
    try:
        bsn = normalise_bsn((bsn or "").strip())
    except InvalidBSN:
        log_processing(
            origin,
            activity=Activity.SUBJECT_LOOKUP,
            action="search",
            object_type="bsn",
            result=Outcome.DENIED,
        )
        raise ValidationError({"bsn": _invalid_bsn()}) from None
    members = list(
        Member.objects.filter(bsn_index__in=bsn_keys.search_indexes(bsn))
        .select_related("household")
        .order_by("pk")
    )
    log_processing(
        origin,
        activity=Activity.SUBJECT_LOOKUP,
        action="search",
        object_type="bsn",
        subject_ids=_subjects(members),
    )
    return members


def person_members(*, actor, member_pk) -> list[Member]:
    """Every member row of the person of `member_pk` (same BSN), or Member.DoesNotExist."""
    _check_actor(actor)
    member = Member.objects.select_related("household").get(pk=member_pk)
    return export.persons_members(member)


def log_view(*, origin: Origin, members) -> None:
    log_processing(
        origin,
        activity=Activity.SUBJECT_ACCESS,
        action="read",
        object_type="person",
        object_id=members[0].pk,
        subject_ids=_subjects(members),
    )


@transaction.atomic
def access_export(*, actor, origin: Origin, members: list[Member], fmt: str) -> dict:
    """Gather the access export and record it (the request, handled at once, and the log)."""
    _check_actor(actor)
    data = export.gather(members)
    now = timezone.now()
    RightsRequest.objects.create(
        kind=RequestKind.ACCESS,
        member=members[0],
        recorded_by=actor,
        state=RequestState.DONE,
        handled_at=now,
        handled_by=actor,
        handling=_("Access export made (%(fmt)s).") % {"fmt": fmt.upper()},
    )
    log_processing(
        origin,
        activity=Activity.SUBJECT_ACCESS,
        action="export",
        object_type="person",
        object_id=members[0].pk,
        subject_ids=_subjects(members),
    )
    return data


@transaction.atomic
def restriction_start(*, actor, origin: Origin, member: Member, reason: str) -> Restriction:
    """Restrict processing of the member's household (AVG art. 18): from now on only stored."""
    _check_actor(actor)
    reason = _text(reason, "reason")
    if Restriction.objects.filter(
        household_id=member.household_id, lifted_at__isnull=True
    ).exists():
        raise ValidationError(_("Processing of this household is already restricted."))
    restriction = Restriction.objects.create(
        household_id=member.household_id, member=member, reason=reason, started_by=actor
    )
    RightsRequest.objects.create(
        kind=RequestKind.RESTRICTION,
        member=member,
        description=reason,
        recorded_by=actor,
        state=RequestState.DONE,
        handled_at=timezone.now(),
        handled_by=actor,
        handling=_("Processing restricted."),
    )
    log_processing(
        origin,
        activity=Activity.SUBJECT_RESTRICTION,
        action="restrict",
        object_type="household",
        object_id=member.household_id,
        subject_ids=Member.objects.filter(household_id=member.household_id).values_list(
            "subject_id", flat=True
        ),
    )
    return restriction


@transaction.atomic
def restriction_lift(*, actor, origin: Origin, member: Member, reason: str) -> Restriction:
    _check_actor(actor)
    reason = _text(reason, "lift_reason")
    restriction = (
        Restriction.objects.select_for_update()
        .filter(household_id=member.household_id, lifted_at__isnull=True)
        .first()
    )
    if restriction is None:
        raise ValidationError(_("Processing of this household is not restricted."))
    restriction.lifted_at, restriction.lifted_by = timezone.now(), actor
    restriction.lift_reason = reason
    restriction.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    RightsRequest.objects.create(
        kind=RequestKind.RESTRICTION,
        member=member,
        description=reason,
        recorded_by=actor,
        state=RequestState.DONE,
        handled_at=restriction.lifted_at,
        handled_by=actor,
        handling=_("Restriction lifted."),
    )
    log_processing(
        origin,
        activity=Activity.SUBJECT_RESTRICTION,
        action="lift",
        object_type="household",
        object_id=member.household_id,
        subject_ids=Member.objects.filter(household_id=member.household_id).values_list(
            "subject_id", flat=True
        ),
    )
    return restriction


@transaction.atomic
def rectification_record(
    *, actor, origin: Origin, member: Member, case: Case | None, description: str
) -> RightsRequest:
    """Record a request to correct data (AVG art. 16). The correction itself is made in the
    case file through its own pages and services by the key worker; a note on the case's
    timeline tells them (no personal detail of the request in it)."""
    _check_actor(actor)
    description = _text(description, "description")
    if case is not None and case.household_id != member.household_id:
        raise ValidationError({"case": _("Choose a case of this person's household.")})
    rectification = RightsRequest.objects.create(
        kind=RequestKind.RECTIFICATION,
        member=member,
        case=case,
        description=description,
        recorded_by=actor,
    )
    if case is not None:
        timeline_record(
            case,
            actor,
            EntryKind.NOTE,
            _(
                "Rectification request (AVG art. 16) received on %(date)s; "
                "the functional administrator has the details."
            )
            % {"date": timezone.localdate().strftime("%d-%m-%Y")},
        )
    log_processing(
        origin,
        activity=Activity.SUBJECT_RECTIFICATION,
        action="create",
        object_type="rights-request",
        object_id=rectification.pk,
        subject_ids=[member.subject_id],
    )
    return rectification


@transaction.atomic
def rectification_handle(
    *, actor, origin: Origin, rectification: RightsRequest, state: str, handling: str
) -> RightsRequest:
    _check_actor(actor)
    rectification = RightsRequest.objects.select_for_update().get(pk=rectification.pk)
    if rectification.kind != RequestKind.RECTIFICATION:
        raise ValidationError(_("This is not a rectification request."))
    if rectification.state != RequestState.RECEIVED:
        raise ValidationError(_("This request has already been handled."))
    if state not in (RequestState.DONE, RequestState.REFUSED):
        raise ValidationError({"state": _("Choose how the request was handled.")})
    rectification.handling = _text(handling, "handling")
    rectification.state, rectification.handled_at = state, timezone.now()
    rectification.handled_by = actor
    rectification.save(update_fields=["handling", "state", "handled_at", "handled_by"])
    log_processing(
        origin,
        activity=Activity.SUBJECT_RECTIFICATION,
        action="update",
        object_type="rights-request",
        object_id=rectification.pk,
        subject_ids=[rectification.member.subject_id],
    )
    return rectification
