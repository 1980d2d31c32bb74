"""Every write of werktafels and structural solutions, one transaction each. Only a
beleidsadviseur writes (PermissionDenied otherwise); bad input raises a Dutch ValidationError
(per field) before anything is saved. Free texts are stored anonymised: a werktafel talks
about the system, and names heard at the table (of the pattern's households or anyone else)
are taken out before they are stored, as a signal's are (learning.services)."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from doorbraak import text_limits as limits
from doorbraak.cases.models import Blocker, Member
from doorbraak.learning import workflow as pattern_workflow
from doorbraak.learning.models import Pattern
from doorbraak.privacy.anonymiser import get_anonymiser
from doorbraak.text_validators import check_text

from . import permissions, rules
from .messages import errors, message
from .models import (
    STEP_DATE,
    Outcome,
    Participant,
    Session,
    SolutionCase,
    StructuralSolution,
    WorkTable,
)
from .permissions import person_of

#: Names of at most this many of the pattern's households are taken out of the texts.
NAMED_CASES = 500
#: Who receives a national policy signal unless the adviser says otherwise.
MAATWERKLOKET = "Maatwerkloket (PMM/LET)"


def _require_adviser(actor) -> None:
    if not permissions.may_manage_worktables(person_of(actor)):
        raise PermissionDenied(message("not_adviser"))


def _pattern_names(pattern_id: int) -> list[str]:
    """Given, family and household names of the pattern's cases (two queries)."""
    case_ids = list(
        Blocker.objects.filter(pattern_link__pattern_id=pattern_id)
        .order_by("case_id")
        .values_list("case_id", flat=True)
        .distinct()[:NAMED_CASES]
    )
    names: set[str] = set()
    for given, family, household in Member.objects.filter(
        household__cases__pk__in=case_ids
    ).values_list("given_name", "family_name", "household__name"):
        names.update({given, family, household.split(" ", 1)[-1]})
    return sorted(n for n in names if n and n.strip())


def _clean(texts: dict[str, str], pattern_id: int, max_length: int = limits.TEXT) -> dict:
    """Checked for length and stored anonymised (empty texts stay empty)."""
    from doorbraak.proposals.anonymised import keep_terms

    for field, text in texts.items():
        check_text(text or "", field, max_length)
    if not any((t or "").strip() for t in texts.values()):
        return {field: "" for field in texts}
    anonymiser, names, keep = get_anonymiser(), _pattern_names(pattern_id), keep_terms()
    return {
        field: anonymiser.anonymise(text.strip(), names=names, keep=keep).text
        if text and text.strip()
        else ""
        for field, text in texts.items()
    }


def _raise(problems) -> None:
    found = errors(problems)
    if found:
        raise ValidationError(found)


# --- werktafels --------------------------------------------------------------------------------


@transaction.atomic
def worktable_start(
    *,
    actor,
    pattern: Pattern | None,
    title: str,
    question: str = "",
    organisations=(),
    departments=(),
    session_dates=None,
    today: datetime.date | None = None,
) -> WorkTable:
    """Start a werktafel on a candidate or confirmed pattern, with its participants and its
    sessions planned up front (default three, two weeks apart from two weeks from today)."""
    _require_adviser(actor)
    today = today or timezone.localdate()
    organisations = list(organisations or [])
    departments = [d.strip() for d in (departments or []) if d and d.strip()]
    if session_dates is None:
        session_dates = rules.default_session_dates(
            today + datetime.timedelta(days=rules.SESSION_INTERVAL_DAYS)
        )
    session_dates = list(session_dates)
    problems = rules.check_worktable(
        title or "", session_dates, len(organisations) + len(departments)
    )
    if pattern is None:
        problems.append(("pattern", "pattern_missing"))
    elif pattern.status == pattern_workflow.DISMISSED:
        problems.append(("pattern", "pattern_dismissed"))
    _raise(problems)
    for department in departments:
        check_text(department, "departments", limits.SHORT_TEXT)
    check_text(title.strip(), "title", limits.SHORT_TEXT)
    texts = _clean({"question": question}, pattern.pk)
    worktable = WorkTable.objects.create(
        pattern=pattern, title=title.strip(), question=texts["question"], created_by=actor
    )
    Participant.objects.bulk_create(
        [Participant(worktable=worktable, organisation=o) for o in organisations]
        + [Participant(worktable=worktable, name=d) for d in departments]
    )
    Session.objects.bulk_create(
        [
            Session(worktable=worktable, number=n, date=day)
            for n, day in enumerate(sorted(session_dates), start=1)
        ]
    )
    return worktable


def _open_worktable(worktable: WorkTable) -> WorkTable:
    worktable = WorkTable.objects.select_for_update().get(pk=worktable.pk)
    if worktable.status != rules.RUNNING:
        raise ValidationError({"__all__": [message("worktable_finished")]})
    return worktable


@transaction.atomic
def session_add(*, actor, worktable: WorkTable, date: datetime.date | None) -> Session:
    _require_adviser(actor)
    worktable = _open_worktable(worktable)
    _raise(rules.check_session(date, False, timezone.localdate()))
    count = worktable.sessions.count()
    if count >= rules.MAX_SESSIONS:
        _raise([("date", "sessions_too_many")])
    return Session.objects.create(worktable=worktable, number=count + 1, date=date)


@transaction.atomic
def session_update(
    *,
    actor,
    session: Session,
    date: datetime.date | None,
    held: bool = False,
    notes: str = "",
    perspective: str = "",
    today: datetime.date | None = None,
) -> Session:
    """The date, whether it was held, the notes and the resident's perspective ("waar stukt
    het systeem?") of one session."""
    _require_adviser(actor)
    session = (
        Session.objects.select_for_update(of=("self",))
        .select_related("worktable")
        .get(pk=session.pk)
    )
    _open_worktable(session.worktable)
    _raise(rules.check_session(date, bool(held), today or timezone.localdate()))
    texts = _clean({"notes": notes, "perspective": perspective}, session.worktable.pattern_id)
    session.date, session.held = date, bool(held)
    session.notes, session.perspective = texts["notes"], texts["perspective"]
    session.updated_by = actor
    session.save()
    return session


@transaction.atomic
def outcome_add(*, actor, worktable: WorkTable, text: str) -> Outcome:
    _require_adviser(actor)
    worktable = _open_worktable(worktable)
    if not (text or "").strip():
        _raise([("text", "outcome_missing")])
    cleaned = _clean({"text": text}, worktable.pattern_id)["text"]
    return Outcome.objects.create(worktable=worktable, text=cleaned, created_by=actor)


@transaction.atomic
def worktable_finish(*, actor, worktable: WorkTable) -> WorkTable:
    _require_adviser(actor)
    worktable = _open_worktable(worktable)
    worktable.status, worktable.finished_at = rules.FINISHED, timezone.now()
    worktable.save(update_fields=["status", "finished_at"])
    return worktable


# --- structural solutions ------------------------------------------------------------------


def _link_cases(solution: StructuralSolution) -> int:
    """Link the pattern's cases (each with its first blocker in the pattern)."""
    first: dict[int, int] = {}
    rows = (
        Blocker.objects.filter(pattern_link__pattern_id=solution.pattern_id)
        .order_by("created_at", "pk")
        .values_list("pk", "case_id")
    )
    for blocker_id, case_id in rows:
        first.setdefault(case_id, blocker_id)
    SolutionCase.objects.bulk_create(
        [SolutionCase(solution=solution, case_id=c, blocker_id=b) for c, b in first.items()]
    )
    return len(first)


@transaction.atomic
def solution_record(
    *,
    actor,
    pattern: Pattern | None = None,
    worktable: WorkTable | None = None,
    title: str,
    kind: str,
    description: str = "",
    owner=None,
    owner_text: str = "",
    proposed_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> StructuralSolution:
    """A structural solution for a pattern (from one of its werktafels, or directly), linked
    to the cases of the pattern's blockers as they are now."""
    _require_adviser(actor)
    today = today or timezone.localdate()
    if worktable is not None:
        if pattern is not None and pattern.pk != worktable.pattern_id:
            _raise([("worktable", "worktable_other_pattern")])
        pattern = worktable.pattern
    problems = rules.check_solution(
        rules.SolutionDraft(
            title=title or "",
            kind=kind or "",
            owner_chosen=owner is not None,
            owner_text=owner_text or "",
            proposed_on=proposed_on,
            today=today,
        )
    )
    if pattern is None:
        problems.append(("pattern", "pattern_missing"))
    elif pattern.status == pattern_workflow.DISMISSED:
        problems.append(("pattern", "pattern_dismissed"))
    _raise(problems)
    check_text(title.strip(), "title", limits.SHORT_TEXT)
    check_text((owner_text or "").strip(), "owner_text", limits.SHORT_TEXT)
    texts = _clean({"description": description}, pattern.pk)
    solution = StructuralSolution.objects.create(
        pattern=pattern,
        worktable=worktable,
        title=title.strip(),
        description=texts["description"],
        kind=kind,
        owner=owner,
        owner_text=(owner_text or "").strip(),
        proposed_on=proposed_on,
        created_by=actor,
        updated_by=actor,
    )
    _link_cases(solution)
    return solution


@transaction.atomic
def solution_step(
    *,
    actor,
    solution: StructuralSolution,
    status: str,
    on: datetime.date | None,
    evaluation: str = "",
    today: datetime.date | None = None,
) -> StructuralSolution:
    """The next step (agreed, implemented, evaluated) with the date it happened; never a step
    skipped or back. Evaluating needs what the evaluation found."""
    _require_adviser(actor)
    solution = StructuralSolution.objects.select_for_update().get(pk=solution.pk)
    current = solution.status
    draft = rules.StepDraft(
        current=current,
        new=status or "",
        on=on,
        previous_on=solution.step_date(current),
        today=today or timezone.localdate(),
        evaluation=evaluation or "",
    )
    _raise(rules.check_step(draft))
    setattr(solution, STEP_DATE[status], on)
    if status == rules.EVALUATED:
        solution.evaluation = _clean({"evaluation": evaluation}, solution.pattern_id)["evaluation"]
    solution.status = status
    solution.updated_by = actor
    solution.save()
    return solution


@transaction.atomic
def signal_send(
    *,
    actor,
    solution: StructuralSolution,
    sent_on: datetime.date | None,
    recipient: str = MAATWERKLOKET,
    today: datetime.date | None = None,
) -> StructuralSolution:
    """Record that a national policy signal went to the Maatwerkloket (or another national
    recipient): when and to whom. The regievoerders see it on their start page."""
    _require_adviser(actor)
    solution = StructuralSolution.objects.select_for_update().get(pk=solution.pk)
    _raise(
        rules.check_send(
            kind=solution.kind,
            status=solution.status,
            already_sent=solution.sent_on is not None,
            on=sent_on,
            today=today or timezone.localdate(),
            recipient=recipient or "",
        )
    )
    check_text(recipient.strip(), "recipient", limits.SHORT_TEXT)
    solution.sent_on, solution.sent_to, solution.sent_by = sent_on, recipient.strip(), actor
    solution.save(update_fields=["sent_on", "sent_to", "sent_by", "updated_at"])
    return solution
