"""Every write of a LET submission: submit (the professional), triage, decide and check (the
regievoerder). Each is one transaction that also closes the item's escalation at the LET
level where the step ends it; every refusal is a Dutch ValidationError raised before
anything is saved. Texts are anonymised before they are stored."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from doorbraak.accounts.roles import Role
from doorbraak.cases.models import BlockerStatus
from doorbraak.escalation import queries as escalation_queries
from doorbraak.escalation import rules as route_rules
from doorbraak.escalation.models import ActionKind, Escalation, FollowUpAction, Status
from doorbraak.escalation.services import escalation_close
from doorbraak.proposals.anonymised import anonymise_blockers, anonymise_texts

from . import rules
from .messages import errors, message
from .models import LetSubmission, SubmissionStatus


def is_regievoerder(user) -> bool:
    return user.is_active and user.role == Role.REGIEVOERDER


def _earlier_levels(escalation: Escalation) -> list[dict]:
    route = escalation.route
    chain = [e for e in escalation_queries.item_escalations(escalation) if e.pk != escalation.pk]
    texts = anonymise_texts(
        {
            **{f"q{e.pk}": e.question for e in chain},
            **{f"d{e.pk}": e.reasons for e in chain},
        },
        case=escalation.case,
    )
    labels = dict(Status.choices)
    return [
        {
            "level": e.level,
            "name": route.level(e.level).name,
            "status": str(labels[e.status]),
            "question": texts[f"q{e.pk}"],
            # Escalated further: its "decision" is the next level's question, shown there.
            "decision": "" if e.status == Status.ESCALATED else texts[f"d{e.pk}"],
        }
        for e in chain
    ]


@transaction.atomic
def submit(
    *, actor, escalation: Escalation, summary: str, question: str, organisations
) -> LetSubmission:
    """The professional's submission of an item open at the LET level: the summary and the
    question anonymised, with the case's open blockers and every earlier level's question and
    decision as they stand now."""
    escalation = (
        Escalation.objects.select_for_update(of=("self",))
        .select_related("route_version", "case__household")
        .get(pk=escalation.pk)
    )
    organisations = list(organisations or [])
    draft = rules.SubmissionDraft(
        at_let_level=escalation.current_level.kind == route_rules.LET,
        escalation_open=escalation.status == Status.OPEN,
        already_submitted=LetSubmission.objects.filter(escalation=escalation).exists(),
        summary=summary or "",
        question=question or "",
        organisation_count=len(organisations),
    )
    found = errors(rules.check_submission(draft))
    if found:
        raise ValidationError(found)
    case = escalation.case
    texts = anonymise_texts({"summary": summary, "question": question}, case=case)
    blockers = case.blockers.filter(status=BlockerStatus.OPEN).select_related("organisation")
    submission = LetSubmission.objects.create(
        escalation=escalation,
        case=case,
        summary=texts["summary"].strip(),
        question=texts["question"].strip(),
        blockers=anonymise_blockers(list(blockers.order_by("pk")), case=case),
        earlier_levels=_earlier_levels(escalation),
        submitted_by=actor,
    )
    submission.organisations.set(organisations)
    return submission


def _locked(submission: LetSubmission) -> LetSubmission:
    return LetSubmission.objects.select_for_update().get(pk=submission.pk)


def _close_escalation(submission, actor, status, reasons, organisation=None) -> None:
    escalation = Escalation.objects.select_for_update().get(pk=submission.escalation_id)
    if escalation.status != Status.OPEN:
        return  # withdrawn meanwhile: the submission still records what happened
    escalation_close(
        escalation, actor=actor, status=status, reasons=reasons, organisation=organisation
    )


@transaction.atomic
def triage(*, actor, submission: LetSubmission, outcome: str, note: str = "") -> LetSubmission:
    """The regievoerder's first answer: accepted for the LET, solved in the voortraject (with
    the haakje), or not suitable (with the reason)."""
    if not is_regievoerder(actor):
        raise PermissionDenied(message("not_regievoerder"))
    submission = _locked(submission)
    found = errors(rules.check_triage(submission.status, outcome, note or ""))
    if found:
        raise ValidationError(found)
    submission.status = outcome
    submission.triaged_by = actor
    submission.triaged_at = timezone.now()
    submission.triage_note = (note or "").strip()
    submission.save(update_fields=["status", "triaged_by", "triaged_at", "triage_note"])
    if outcome == rules.SOLVED_EARLY:
        _close_escalation(submission, actor, Status.SOLVED_EARLY, submission.triage_note)
    elif outcome == rules.NOT_SUITABLE:
        _close_escalation(submission, actor, Status.NOT_SUITABLE, submission.triage_note)
    return submission


@transaction.atomic
def decide(
    *,
    actor,
    submission: LetSubmission,
    organisation=None,
    exception: str = "",
    legal_ground: str = "",
    legal_ground_detail: str = "",
    reasons: str = "",
    check_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> LetSubmission:
    """The LET's decision, argued and documented: which organisation makes which exception on
    which legal ground, and when the regievoerder checks it was carried out (default three
    months). The check becomes the regievoerder's follow-up action."""
    if not is_regievoerder(actor):
        raise PermissionDenied(message("not_regievoerder"))
    today = today or timezone.localdate()
    submission = _locked(submission)
    check_on = check_on or rules.default_check_date(today)
    involved = set(submission.organisations.values_list("pk", flat=True))
    draft = rules.DecisionDraft(
        status=submission.status,
        organisation_id=organisation.pk if organisation else None,
        organisation_involved=bool(organisation) and organisation.pk in involved,
        exception=exception or "",
        legal_ground=legal_ground or "",
        legal_ground_detail=legal_ground_detail or "",
        reasons=reasons or "",
        check_on=check_on,
        today=today,
    )
    found = errors(rules.check_decision(draft))
    if found:
        raise ValidationError(found)
    texts = anonymise_texts(
        {"exception": exception, "reasons": reasons, "detail": legal_ground_detail},
        case=submission.case,
    )
    submission.status = SubmissionStatus.DECIDED
    submission.decided_by = actor
    submission.decided_at = timezone.now()
    submission.exception_organisation = organisation
    submission.exception = texts["exception"].strip()
    submission.legal_ground = legal_ground
    submission.legal_ground_detail = texts["detail"].strip()
    submission.reasons = texts["reasons"].strip()
    submission.check_on = check_on
    submission.save()
    _close_escalation(
        submission,
        actor,
        Status.SOLVED,
        f"{submission.exception} — {submission.reasons}"[:1990],
        organisation,
    )
    FollowUpAction.objects.create(
        kind=ActionKind.LET_CHECK,
        case_id=submission.case_id,
        escalation_id=submission.escalation_id,
        owner=actor,
        description=f"{submission.reference}: {submission.exception}"[:1990],
        due_date=check_on,
        created_by=actor,
    )
    return submission


@transaction.atomic
def check(
    *, actor, submission: LetSubmission, carried_out: bool | None, outcome: str = ""
) -> LetSubmission:
    """The check after a while: was the solution carried out as agreed, and how did it end.
    It closes the regievoerder's follow-up action."""
    if not is_regievoerder(actor):
        raise PermissionDenied(message("not_regievoerder"))
    submission = _locked(submission)
    found = errors(rules.check_followup(submission.status, carried_out, outcome or ""))
    if found:
        raise ValidationError(found)
    ending = anonymise_texts({"o": outcome}, case=submission.case)["o"].strip()
    submission.status = SubmissionStatus.CHECKED
    submission.checked_by = actor
    submission.checked_at = timezone.now()
    submission.carried_out = carried_out
    submission.check_outcome = ending
    submission.save(
        update_fields=["status", "checked_by", "checked_at", "carried_out", "check_outcome"]
    )
    FollowUpAction.objects.filter(
        escalation_id=submission.escalation_id, kind=ActionKind.LET_CHECK, done_at__isnull=True
    ).update(done_at=timezone.now(), done_note=ending[:1990])
    return submission
