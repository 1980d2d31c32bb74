"""Writes on generic decisions and their outreach lists, one transaction each. Bad input
raises a Dutch ValidationError (per field) before anything is saved; a refused role raises
PermissionDenied. A page or API call passes its `origin` (privacy.services.origin_from_request):
the write then logs the data subjects it linked or touched, in the same transaction. The demo
loader passes none, as the other apps' services called from it write no log either."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation, User
from doorbraak.cases.models import Member
from doorbraak.home.queries import person_of
from doorbraak.learning.models import Pattern, Rule
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import Origin, log_processing
from doorbraak.text_validators import check_text

from . import access, criteria, outreach, queries
from .models import GenericDecision, OutreachAttempt, OutreachRow, OutreachStatus


def _messages() -> dict[str, str]:
    return {
        criteria.NO_ORGANISATION: _("Choose the organisation whose rule the decision is about."),
        criteria.NO_RULE: _("Choose a rule from the catalogue or describe the rule."),
        criteria.NO_PERIOD: _("Give the period the decision covers: a start and an end date."),
        criteria.END_BEFORE_START: _("The end of the period cannot be before its start."),
        criteria.NEGATIVE_AMOUNT: _("The maximum amount cannot be negative."),
    }


def _subjects(case_ids) -> list:
    return list(
        Member.objects.filter(household__cases__id__in=list(case_ids)).values_list(
            "subject_id", flat=True
        )
    )


def check_criteria(
    *,
    organisation: Organisation | None,
    catalogue_rule: Rule | None,
    rule: str,
    period_start: datetime.date | None,
    period_end: datetime.date | None,
    max_amount: Decimal | None = None,
) -> str:
    """The rule as matched; raises a Dutch ValidationError when the criteria cannot select
    cases (also used by the form's preview, before anything is saved)."""
    rule = (rule or "").strip()
    if catalogue_rule is not None:
        if organisation is not None and catalogue_rule.organisation_id != organisation.pk:
            raise ValidationError(
                {"catalogue_rule": _("This rule belongs to another organisation.")}
            )
        rule = rule or catalogue_rule.title
    problems = criteria.problems(
        organisation_id=organisation.pk if organisation is not None else None,
        rule=rule,
        start=period_start,
        end=period_end,
        max_amount=max_amount,
    )
    if problems:
        messages = _messages()
        raise ValidationError({field: messages[key] for field, key in problems.items()})
    return check_text(rule, "rule", limits.TEXT)


@transaction.atomic
def decision_create(
    *,
    actor: User,
    organisation: Organisation | None,
    title: str,
    rule: str = "",
    catalogue_rule: Rule | None = None,
    period_start: datetime.date | None,
    period_end: datetime.date | None,
    max_amount: Decimal | None = None,
    reasons: str,
    legal_ground: str = "",
    pattern: Pattern | None = None,
    origin: Origin | None = None,
) -> GenericDecision:
    """A beleidsadviseur decides for a whole group; the cases the criteria select become the
    outreach list (to call)."""
    if not access.may_create_generic(person_of(actor)):
        raise PermissionDenied(_("Only a policy adviser takes a generic decision."))
    errors = {}
    try:
        rule = check_criteria(
            organisation=organisation,
            catalogue_rule=catalogue_rule,
            rule=rule,
            period_start=period_start,
            period_end=period_end,
            max_amount=max_amount,
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    texts = {}
    for field, value, label, required, limit in (
        ("title", title, _("Title"), True, limits.SHORT_TEXT),
        ("reasons", reasons, _("Reasons"), True, limits.TEXT),
        ("legal_ground", legal_ground, _("Legal ground"), False, limits.TEXT),
    ):
        value = (value or "").strip()
        if required and not value:
            errors[field] = [_("%(label)s is required.") % {"label": label}]
            continue
        try:
            texts[field] = check_text(value, field, limit)
        except ValidationError as error:
            errors.update(error.message_dict)
    if (
        pattern is not None
        and organisation is not None
        and pattern.organisation_id != organisation.pk
    ):
        errors["pattern"] = [_("The pattern is about another organisation.")]
    if errors:
        raise ValidationError(errors)
    decision = GenericDecision.objects.create(
        organisation=organisation,
        catalogue_rule=catalogue_rule,
        rule=rule,
        period_start=period_start,
        period_end=period_end,
        max_amount=max_amount,
        pattern=pattern,
        created_by=actor,
        **texts,
    )
    _add_rows(decision, actor, origin)
    return decision


def _add_rows(decision: GenericDecision, actor: User, origin: Origin | None) -> int:
    case_ids = queries.affected_case_ids(
        organisation_id=decision.organisation_id,
        rule=decision.rule,
        start=decision.period_start,
        end=decision.period_end,
    )
    existing = set(OutreachRow.objects.filter(decision=decision).values_list("case_id", flat=True))
    new = [case_id for case_id in case_ids if case_id not in existing]
    OutreachRow.objects.bulk_create(
        [OutreachRow(decision=decision, case_id=case_id) for case_id in new],
        batch_size=1000,
    )
    if new and origin is not None:
        log_processing(
            origin,
            activity=Activity.GENERIC_DECIDE,
            action="create",
            object_type="generic-decision",
            object_id=decision.pk,
            subject_ids=_subjects(new),
        )
    return len(new)


@transaction.atomic
def decision_refresh(
    *, actor: User, decision: GenericDecision, origin: Origin | None = None
) -> int:
    """Add the cases that match the criteria now and are not on the list yet; rows already
    there stay as they are (also when their blocker has changed). Returns how many were added."""
    if not access.may_create_generic(person_of(actor)):
        raise PermissionDenied(_("Only a policy adviser refreshes the outreach list."))
    decision = GenericDecision.objects.select_for_update().get(pk=decision.pk)
    added = _add_rows(decision, actor, origin)
    decision.refreshed_at = timezone.now()
    decision.save(update_fields=["refreshed_at"])
    return added


def _anonymised_note(note: str, row: OutreachRow) -> str:
    """A short note about the call, never who was called: names of the household and anything
    else identifying are taken out before it is stored."""
    from doorbraak.privacy.anonymiser import get_anonymiser
    from doorbraak.proposals.anonymised import household_names, keep_terms

    names = household_names(row.case)
    return get_anonymiser().anonymise(note, names=names, keep=keep_terms()).text


@transaction.atomic
def attempt_record(
    *,
    actor: User,
    row: OutreachRow,
    outcome: str,
    note: str = "",
    at: datetime.datetime | None = None,
    origin: Origin | None = None,
) -> OutreachAttempt:
    """The belteam records one call: reached, declined or no answer. After the configured
    number of attempts without an answer the row closes as not reached (outreach.py)."""
    decision = GenericDecision.objects.get(pk=row.decision_id)
    if not queries.visible_rows(actor, decision).filter(pk=row.pk).exists():
        raise PermissionDenied(_("You cannot work on this outreach list."))
    row = OutreachRow.objects.select_for_update().get(pk=row.pk)
    note = check_text((note or "").strip(), "note", limits.SHORT_TEXT)
    at = at or timezone.now()
    if at > timezone.now() + datetime.timedelta(minutes=5):
        raise ValidationError({"at": _("An attempt cannot be in the future.")})
    try:
        status, attempts = outreach.after_attempt(
            row.status, row.attempts, outcome, settings.OUTREACH_MAX_ATTEMPTS
        )
    except outreach.RowClosed:
        raise ValidationError(
            {
                "outcome": _("This household is already “%(status)s”: no more attempts.")
                % {"status": OutreachStatus(row.status).label}
            }
        ) from None
    except outreach.UnknownOutcome:
        raise ValidationError({"outcome": _("Choose a valid outcome.")}) from None
    if note:
        row_with_case = OutreachRow.objects.select_related("case__household").get(pk=row.pk)
        note = _anonymised_note(note, row_with_case)[: limits.SHORT_TEXT]
    attempt = OutreachAttempt.objects.create(row=row, at=at, by=actor, outcome=outcome, note=note)
    row.status, row.attempts = status, attempts
    row.last_attempt_at = max(at, row.last_attempt_at) if row.last_attempt_at else at
    row.save(update_fields=["status", "attempts", "last_attempt_at"])
    if origin is not None:
        log_processing(
            origin,
            activity=Activity.OUTREACH_ATTEMPT,
            action="update",
            object_type="outreach-row",
            object_id=row.pk,
            subject_ids=_subjects([row.case_id]),
        )
    return attempt


def set_status_check(status: str) -> str:
    """A status filter or field from outside: one of the outreach statuses, or a Dutch error."""
    if status not in OutreachStatus.values:
        raise ValidationError({"status": _("This outreach status does not exist.")})
    return status
