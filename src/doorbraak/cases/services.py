"""Every write to a case file. Each function runs in one transaction, checks its input and
raises `ValidationError` with a Dutch message before anything is saved."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Neighbourhood, Organisation, User
from doorbraak.accounts.roles import CASEWORKER_ROLES, Role
from doorbraak.learning.tasks import match_blocker_soon
from doorbraak.privacy import keyed_hash
from doorbraak.reports import summary
from doorbraak.subjectrights.restriction import refuse_if_restricted
from doorbraak.text_validators import check_name, check_text

from .bsn import InvalidBSN, normalise_bsn
from .models import (
    Blocker,
    BlockerStatus,
    Case,
    CaseAccess,
    CaseStatus,
    EntryKind,
    Household,
    HouseholdRole,
    KeyWorkerHandover,
    LifeDomain,
    Member,
    SupportPlan,
    TimelineEntry,
)


def _required(value: str, field: str, label: str, limit: int = limits.TEXT) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: _("%(label)s is required.") % {"label": label}})
    return check_text(value, field, limit)


def _optional(value: str, field: str, limit: int = limits.TEXT) -> str:
    return check_text((value or "").strip(), field, limit)


def _name(value: str, field: str, label: str, limit: int, *, required: bool = True) -> str:
    """A name: required (unless not), at most `limit` characters, printable, no markup."""
    value = _required(value, field, label, limit) if required else (value or "").strip()
    return check_name(value, field, limit)


def _check_choice(value: str, choices, field: str, label: str) -> str:
    if value not in choices.values:
        raise ValidationError({field: _("Choose a valid %(label)s.") % {"label": label}})
    return value


def _check_birth_year(birth_year: int | None) -> int | None:
    if birth_year is None:
        return None
    this_year = timezone.localdate().year
    if not 1900 <= birth_year <= this_year:
        raise ValidationError(
            {
                "birth_year": _("Year of birth must be between 1900 and %(year)s.")
                % {"year": this_year}
            }
        )
    return birth_year


def _bsn_fields(bsn: str) -> dict:
    bsn = (bsn or "").strip()
    if not bsn:
        return {"bsn_encrypted": "", "bsn_index": "", "bsn_key_version": 1}
    try:
        bsn = normalise_bsn(bsn)
    except InvalidBSN:
        raise ValidationError(
            {"bsn": _("This is not a valid BSN: it must be 9 digits and pass the 11-check.")}
        ) from None
    key = settings.FIELD_ENCRYPTION_KEY
    return {
        "bsn_encrypted": keyed_hash.encrypt(key, bsn),
        "bsn_index": keyed_hash.blind_index(key, bsn),
        "bsn_key_version": int(getattr(settings, "FIELD_ENCRYPTION_KEY_VERSION", 1)),
    }


def bsn_search_key(bsn: str) -> str:
    """The blind index of a BSN typed into a search box; raises ValidationError if invalid."""
    return _bsn_fields(bsn)["bsn_index"]


def bsn_search_keys(bsn: str) -> list[str]:
    """Its blind index under every known field key: during a key rotation rows of the old and
    the new key are found (privacy/bsn_keys.py). Raises ValidationError if invalid."""
    from doorbraak.privacy import bsn_keys

    bsn_search_key(bsn)
    return bsn_keys.search_indexes(normalise_bsn(bsn))


def _check_life_domains(domains) -> list[str]:
    domains = list(dict.fromkeys(domains or []))
    for domain in domains:
        _check_choice(domain, LifeDomain, "life_domains", _("life domain"))
    return domains


def _check_open(case: Case) -> None:
    refuse_if_restricted(case.household_id)  # AVG art. 18 (subjectrights): storage only
    if case.status != CaseStatus.OPEN:
        raise ValidationError(_("This case is closed; reopen it before changing it."))


def _is_caseworker_with_team(user: User) -> bool:
    return user.is_active and user.role in CASEWORKER_ROLES and user.team_id is not None


def may_manage(actor: User, case: Case) -> bool:
    """The key worker and the team leader of the case's team decide who works on it."""
    return actor.pk == case.key_worker_id or (
        actor.role == Role.TEAMLEIDER and actor.team_id == case.team_id
    )


def timeline_record(
    case: Case, actor: User, kind: EntryKind, text: str = "", blocker=None
) -> TimelineEntry:
    """Add an entry to the case's timeline; other apps call this for their own events."""
    return TimelineEntry.objects.create(
        case=case, actor=actor, kind=kind, text=text, blocker=blocker
    )


_timeline = timeline_record


@transaction.atomic
def case_open(
    *,
    actor: User,
    household_name: str,
    given_name: str,
    family_name: str = "",
    birth_year: int | None = None,
    bsn: str = "",
    neighbourhood: Neighbourhood | None = None,
    question: str = "",
    life_domains=(),
) -> Case:
    """Register a household with its first member and open a case with the actor as key worker."""
    if not _is_caseworker_with_team(actor):
        raise PermissionDenied(_("Only a professional in a team can open a case."))
    household_name = _name(household_name, "household_name", _("Household name"), limits.NAME)
    given_name = _name(given_name, "given_name", _("Given name"), 100)
    family_name = _name(family_name, "family_name", _("Family name"), 150, required=False)
    question = _optional(question, "question")
    birth_year = _check_birth_year(birth_year)
    bsn_fields = _bsn_fields(bsn)
    domains = _check_life_domains(life_domains)

    household = Household.objects.create(name=household_name, neighbourhood=neighbourhood)
    Member.objects.create(
        household=household,
        given_name=given_name,
        family_name=family_name.strip(),
        household_role=HouseholdRole.MAIN,
        birth_year=birth_year,
        **bsn_fields,
    )
    case = Case.objects.create(
        household=household,
        key_worker=actor,
        team_id=actor.team_id,
        question=question.strip(),
        life_domains=domains,
    )
    timeline_record(case, actor, EntryKind.OPENED, question.strip())
    return case


@transaction.atomic
def member_add(
    *,
    actor: User,
    case: Case,
    given_name: str,
    family_name: str = "",
    household_role: str,
    birth_year: int | None = None,
    bsn: str = "",
) -> Member:
    _check_open(case)
    given_name = _name(given_name, "given_name", _("Given name"), 100)
    family_name = _name(family_name, "family_name", _("Family name"), 150, required=False)
    _check_choice(household_role, HouseholdRole, "household_role", _("role in household"))
    birth_year = _check_birth_year(birth_year)
    member = Member.objects.create(
        household=case.household,
        given_name=given_name,
        family_name=family_name.strip(),
        household_role=household_role,
        birth_year=birth_year,
        **_bsn_fields(bsn),
    )
    timeline_record(case, actor, EntryKind.MEMBER_ADDED, str(member))
    return member


@transaction.atomic
def note_add(*, actor: User, case: Case, text: str) -> TimelineEntry:
    """Record what the resident tells, so the next contact sees the whole picture."""
    _check_open(case)
    text = _required(text, "text", _("Note"), limits.LONG_TEXT)
    return TimelineEntry.objects.create(case=case, actor=actor, kind=EntryKind.NOTE, text=text)


@transaction.atomic
def blocker_add(
    *, actor: User, case: Case, organisation: Organisation, rule: str, effect: str, life_domain: str
) -> Blocker:
    _check_open(case)
    if organisation is None:
        raise ValidationError({"organisation": _("Choose the organisation where it is stuck.")})
    rule = _required(rule, "rule", _("Rule"))
    effect = _required(effect, "effect", _("Effect on the household"))
    _check_choice(life_domain, LifeDomain, "life_domain", _("life domain"))
    blocker = Blocker.objects.create(
        case=case,
        organisation=organisation,
        rule=rule,
        effect=effect,
        life_domain=life_domain,
        created_by=actor,
    )
    if life_domain not in case.life_domains:
        case.life_domains = [*case.life_domains, life_domain]
        case.save(update_fields=["life_domains"])
    timeline_record(
        case, actor, EntryKind.BLOCKER_ADDED, f"{organisation}: {rule}", blocker=blocker
    )
    # Explicitly, no signal: does this blocker recur in other cases? (learning/tasks.py: in a
    # worker after commit when a broker is configured, at once in the embedded mode.)
    match_blocker_soon(blocker.pk)
    return blocker


@transaction.atomic
def blocker_resolve(*, actor: User, blocker: Blocker, resolution: str) -> Blocker:
    blocker = (
        Blocker.objects.select_for_update(of=("self",)).select_related("case").get(pk=blocker.pk)
    )
    _check_open(blocker.case)
    if blocker.status == BlockerStatus.RESOLVED:
        raise ValidationError(_("This blocker has already been resolved."))
    blocker.resolution = _required(resolution, "resolution", _("Resolution"))
    blocker.status = BlockerStatus.RESOLVED
    blocker.resolved_at = timezone.now()
    blocker.save(update_fields=["resolution", "status", "resolved_at"])
    timeline_record(
        blocker.case, actor, EntryKind.BLOCKER_RESOLVED, blocker.resolution, blocker=blocker
    )
    return blocker


@transaction.atomic
def plan_update(
    *, actor: User, case: Case, goal: str, own_contribution: str, support_needed: str
) -> SupportPlan:
    _check_open(case)
    goal = _required(goal, "goal", _("What the household wants in a year"), limits.LONG_TEXT)
    own_contribution = _required(
        own_contribution,
        "own_contribution",
        _("What the household does itself"),
        limits.LONG_TEXT,
    )
    support_needed = _required(
        support_needed, "support_needed", _("What support is needed"), limits.LONG_TEXT
    )
    Case.objects.select_for_update().filter(pk=case.pk).first()  # serialise version numbers
    latest = case.plans.order_by("-version").first()
    plan = SupportPlan.objects.create(
        case=case,
        version=(latest.version + 1) if latest else 1,
        goal=goal,
        own_contribution=own_contribution,
        support_needed=support_needed,
        created_by=actor,
    )
    timeline_record(case, actor, EntryKind.PLAN, _("Version %(n)s") % {"n": plan.version})
    return plan


@transaction.atomic
def key_worker_handover(
    *, actor: User, case: Case, to_user: User, reason: str
) -> KeyWorkerHandover:
    """Hand the case to another key worker: a deliberate act with a reason, on the timeline."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_open(case)
    if not may_manage(actor, case):
        raise PermissionDenied(_("Only the key worker or the team leader can hand over a case."))
    reason = _required(reason, "reason", _("Reason"))
    if to_user is None or not _is_caseworker_with_team(to_user):
        raise ValidationError({"to_user": _("Choose an active professional who works in a team.")})
    if to_user.pk == case.key_worker_id:
        raise ValidationError({"to_user": _("This person is already the key worker.")})
    handover = KeyWorkerHandover.objects.create(
        case=case, from_user=case.key_worker, to_user=to_user, reason=reason, handed_over_by=actor
    )
    before = summary.groups_of_case(case.pk)  # the request figures move to the new team
    case.key_worker = to_user
    case.team_id = to_user.team_id
    case.save(update_fields=["key_worker", "team"])
    summary.refresh_groups(before | summary.groups_of_case(case.pk))
    timeline_record(
        case,
        actor,
        EntryKind.HANDOVER,
        _("%(from)s → %(to)s: %(reason)s")
        % {"from": handover.from_user, "to": to_user, "reason": reason},
    )
    return handover


@transaction.atomic
def access_grant(*, actor: User, case: Case, user: User, reason: str) -> CaseAccess:
    _check_open(case)
    if not may_manage(actor, case):
        raise PermissionDenied(_("Only the key worker or the team leader can add people."))
    reason = _required(reason, "reason", _("Reason"))
    if user is None or not user.is_active:
        raise ValidationError({"user": _("Choose an active person.")})
    if CaseAccess.objects.filter(case=case, user=user, revoked_at__isnull=True).exists():
        raise ValidationError({"user": _("This person has already been added.")})
    access = CaseAccess.objects.create(case=case, user=user, reason=reason, granted_by=actor)
    timeline_record(case, actor, EntryKind.ACCESS_GRANTED, f"{user}: {reason}")
    return access


@transaction.atomic
def access_revoke(*, actor: User, access: CaseAccess) -> CaseAccess:
    access = (
        CaseAccess.objects.select_for_update(of=("self",)).select_related("case").get(pk=access.pk)
    )
    if not may_manage(actor, access.case):
        raise PermissionDenied(_("Only the key worker or the team leader can remove people."))
    if access.revoked_at is None:
        access.revoked_at = timezone.now()
        access.revoked_by = actor
        access.save(update_fields=["revoked_at", "revoked_by"])
        timeline_record(access.case, actor, EntryKind.ACCESS_REVOKED, str(access.user))
    return access


@transaction.atomic
def case_close(
    *, actor: User, case: Case, reason: str, when: datetime.datetime | None = None
) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_open(case)
    if not may_manage(actor, case):
        raise PermissionDenied(_("Only the key worker or the team leader can close a case."))
    reason = _required(reason, "reason", _("Reason"))
    case.status = CaseStatus.CLOSED
    case.closed_at = when or timezone.now()
    case.save(update_fields=["status", "closed_at"])
    timeline_record(case, actor, EntryKind.CLOSED, reason)
    return case


@transaction.atomic
def case_reopen(*, actor: User, case: Case, reason: str) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    refuse_if_restricted(case.household_id)  # AVG art. 18 (subjectrights): storage only
    if case.status != CaseStatus.CLOSED:
        raise ValidationError(_("This case is already open."))
    if not may_manage(actor, case):
        raise PermissionDenied(_("Only the key worker or the team leader can reopen a case."))
    reason = _required(reason, "reason", _("Reason"))
    case.status = CaseStatus.OPEN
    case.closed_at = None
    case.save(update_fields=["status", "closed_at"])
    timeline_record(case, actor, EntryKind.REOPENED, reason)
    return case
