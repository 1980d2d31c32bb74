"""Writes on signals and pattern decisions, one transaction each. Bad input raises a Dutch
ValidationError (per field) before anything is saved; a refused role raises PermissionDenied.
Pattern matching itself is in matching.py."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation, User
from doorbraak.cases.queries import visible_cases
from doorbraak.home import menu
from doorbraak.home.queries import person_of
from doorbraak.privacy.anonymiser import get_anonymiser
from doorbraak.proposals.anonymised import household_names, keep_terms
from doorbraak.text_validators import check_text

from . import matching, tasks, workflow
from .models import Pattern, Signal, SignalStatus


def _text(value, field: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: _("%(label)s is required.") % {"label": label}})
    return check_text(value, field, limits.TEXT)


def _anonymise(texts: dict[str, str], blockers) -> dict[str, str]:
    """A signal is about a rule, not a household: names of the linked cases' households and
    anything else identifying are taken out before it is stored."""
    names = [name for blocker in blockers for name in household_names(blocker.case)]
    anonymiser, keep = get_anonymiser(), keep_terms()
    return {
        field: anonymiser.anonymise(text, names=names, keep=keep).text
        for field, text in texts.items()
    }


@transaction.atomic
def signal_record(
    *, actor: User, organisation: Organisation | None, rule: str, effect: str, blockers=()
) -> Signal:
    """Any professional records "dit kan niet de bedoeling zijn"; the blockers linked must be
    of cases the professional may see."""
    if not menu.may_record_signal(person_of(actor)):
        raise PermissionDenied(_("Your role cannot record signals."))
    errors = {}
    if organisation is None:
        errors["organisation"] = [_("Choose the organisation whose rule it is about.")]
    values = {}
    for field, label in (("rule", _("Rule")), ("effect", _("Effect"))):
        try:
            values[field] = _text({"rule": rule, "effect": effect}[field], field, label)
        except ValidationError as error:
            errors.update(error.message_dict)
    blockers = list(blockers)
    if blockers:
        visible = set(
            visible_cases(actor)
            .filter(pk__in={b.case_id for b in blockers})
            .values_list("pk", flat=True)
        )
        if any(b.case_id not in visible for b in blockers):
            errors["blockers"] = [_("You can only link blockers of cases you may see.")]
    if errors:
        raise ValidationError(errors)
    from doorbraak.cases.models import Blocker

    blockers = list(
        Blocker.objects.filter(pk__in=[b.pk for b in blockers])
        .select_related("case__household")
        .prefetch_related("case__household__members")
    )
    values = _anonymise(values, blockers)
    signal = Signal.objects.create(organisation=organisation, created_by=actor, **values)
    signal.blockers.set(blockers)
    tasks.match_signal_soon(signal.pk)
    return signal


@transaction.atomic
def signal_triage(
    *, actor: User, signal: Signal, status: str, pattern: Pattern | None = None, reason: str = ""
) -> Signal:
    """A beleidsadviseur moves a signal on (workflow.SIGNAL_ALLOWED); linking needs a
    pattern, closing a reason."""
    if not menu.may_triage_signals(person_of(actor)):
        raise PermissionDenied(_("Only a policy adviser triages signals."))
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if status not in SignalStatus.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    if not workflow.may_follow(workflow.SIGNAL_ALLOWED, signal.status, status):
        raise ValidationError(
            {
                "status": _("A signal that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": SignalStatus(signal.status).label,
                    "new": SignalStatus(status).label,
                }
            }
        )
    reason = (reason or "").strip()
    if status in workflow.NEEDS_PATTERN:
        if pattern is None:
            raise ValidationError({"pattern": _("Choose the pattern this signal belongs to.")})
        if pattern.organisation_id != signal.organisation_id:
            raise ValidationError(
                {"pattern": _("The pattern is about another organisation than the signal.")}
            )
        if pattern.pk != signal.pattern_id:
            signal.pattern, signal.similarity = pattern, None
    if status in workflow.NEEDS_REASON:
        signal.close_reason = _text(reason, "reason", _("Reason for closing"))
    elif reason:
        check_text(reason, "reason", limits.TEXT)
    signal.status = status
    signal.triaged_by, signal.triaged_at = actor, timezone.now()
    signal.save()
    if signal.pattern_id:
        matching.refresh_counts(signal.pattern)
    return signal


@transaction.atomic
def pattern_decide(*, actor: User, pattern: Pattern, status: str, note: str = "") -> Pattern:
    """Confirm or dismiss a candidate pattern. A dismissed pattern keeps its items, so the
    same items never form a new candidate again (matching.py)."""
    if not menu.may_decide_patterns(person_of(actor)):
        raise PermissionDenied(_("Only a policy adviser confirms or dismisses patterns."))
    pattern = Pattern.objects.select_for_update().get(pk=pattern.pk)
    if not workflow.may_follow(workflow.PATTERN_ALLOWED, pattern.status, status):
        raise ValidationError(
            {"status": _("This pattern has already been decided on.")}
            if pattern.status != workflow.CANDIDATE
            else {"status": _("Choose confirm or dismiss.")}
        )
    note = (note or "").strip()
    if status == workflow.DISMISSED and not note:
        raise ValidationError({"note": _("Say why this is not a pattern.")})
    pattern.decision_note = check_text(note, "note", limits.TEXT)
    pattern.status = status
    pattern.decided_by, pattern.decided_at = actor, timezone.now()
    pattern.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
    return pattern
