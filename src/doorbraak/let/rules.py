"""The Landelijk Escalatie Team through the Maatwerkloket (seed 002): a submission's states,
what each step needs, and the follow-up check. Pure Python: no Django import, no clock.

A professional submits an item that is at the LET level of the route. A regievoerder
triages it: accepted for the LET, solved in the voortraject (with the "haakje" that solved
it: counted as a success, not a failure), or not suitable (with the reason). The LET's
decision says which organisation makes which exception on which legal ground, with reasons,
and sets a check after a while (default three months). The check records whether the
solution was carried out as agreed and how it ended.
"""

import datetime
from dataclasses import dataclass

SUBMITTED = "ingediend"
ACCEPTED = "aangenomen"
SOLVED_EARLY = "opgelost-voortraject"
NOT_SUITABLE = "niet-geschikt"
DECIDED = "besloten"
CHECKED = "nagekeken"

STATUSES = (SUBMITTED, ACCEPTED, SOLVED_EARLY, NOT_SUITABLE, DECIDED, CHECKED)

ALLOWED = {
    SUBMITTED: frozenset({ACCEPTED, SOLVED_EARLY, NOT_SUITABLE}),
    ACCEPTED: frozenset({DECIDED, SOLVED_EARLY}),
    DECIDED: frozenset({CHECKED}),
    SOLVED_EARLY: frozenset(),
    NOT_SUITABLE: frozenset(),
    CHECKED: frozenset(),
}
#: What a regievoerder may answer to a new submission.
TRIAGE_OUTCOMES = (ACCEPTED, SOLVED_EARLY, NOT_SUITABLE)
FINAL = frozenset(s for s, following in ALLOWED.items() if not following)

#: Legal grounds for an exception (seed 002: "discretionaire bevoegdheid"; DOMAIN.md).
DISCRETIONARY = "discretionaire-bevoegdheid"
HARDSHIP = "hardheidsclausule"
OTHER_GROUND = "anders"
LEGAL_GROUNDS = (DISCRETIONARY, HARDSHIP, OTHER_GROUND)

#: The LET checks "na verloop van tijd"; three months unless the decision says otherwise.
CHECK_MONTHS = 3


def may_change(current: str, new: str) -> bool:
    return new in ALLOWED.get(current, frozenset())


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` plus whole months; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def default_check_date(day: datetime.date) -> datetime.date:
    return add_months(day, CHECK_MONTHS)


@dataclass(frozen=True)
class SubmissionDraft:
    at_let_level: bool
    escalation_open: bool
    already_submitted: bool
    summary: str
    question: str
    organisation_count: int


def check_submission(draft: SubmissionDraft) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if not draft.escalation_open or not draft.at_let_level:
        problems.append(("__all__", "not_at_let"))
    elif draft.already_submitted:
        problems.append(("__all__", "already_submitted"))
    if not draft.summary.strip():
        problems.append(("summary", "summary_missing"))
    if not draft.question.strip():
        problems.append(("question", "question_missing"))
    if draft.organisation_count < 1:
        problems.append(("organisations", "organisations_missing"))
    return problems


def check_triage(status: str, outcome: str, note: str) -> list[tuple[str, str]]:
    if status != SUBMITTED:
        return [("__all__", "already_triaged")]
    if outcome not in TRIAGE_OUTCOMES:
        return [("outcome", "outcome_invalid")]
    if outcome in (SOLVED_EARLY, NOT_SUITABLE) and not note.strip():
        code = "hook_missing" if outcome == SOLVED_EARLY else "reason_missing"
        return [("note", code)]
    return []


@dataclass(frozen=True)
class DecisionDraft:
    status: str
    organisation_id: int | None
    organisation_involved: bool
    exception: str
    legal_ground: str
    legal_ground_detail: str
    reasons: str
    check_on: datetime.date | None
    today: datetime.date


def check_decision(draft: DecisionDraft) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if draft.status != ACCEPTED:
        problems.append(("__all__", "not_accepted"))
    if draft.organisation_id is None:
        problems.append(("organisation", "organisation_missing"))
    elif not draft.organisation_involved:
        problems.append(("organisation", "organisation_not_involved"))
    if not draft.exception.strip():
        problems.append(("exception", "exception_missing"))
    if draft.legal_ground not in LEGAL_GROUNDS:
        problems.append(("legal_ground", "legal_ground_missing"))
    elif draft.legal_ground == OTHER_GROUND and not draft.legal_ground_detail.strip():
        problems.append(("legal_ground_detail", "legal_ground_detail_missing"))
    if not draft.reasons.strip():
        problems.append(("reasons", "reasons_missing"))
    if draft.check_on is None:
        problems.append(("check_on", "check_missing"))
    elif draft.check_on <= draft.today:
        problems.append(("check_on", "check_not_future"))
    return problems


def check_followup(status: str, carried_out: bool | None, outcome: str) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if status != DECIDED:
        problems.append(("__all__", "not_decided"))
    if carried_out is None:
        problems.append(("carried_out", "carried_out_missing"))
    if not outcome.strip():
        problems.append(("outcome", "ending_missing"))
    return problems


@dataclass(frozen=True)
class YearFigures:
    """A year's submissions as the seed counts them: "vijf casussen via het LET opgelost ...
    een slagingspercentage van 100 procent", and "de meeste casussen worden al in het
    voortraject opgelost" (a success of its own, counted separately)."""

    submitted: int
    solved_early: int
    not_suitable: int
    decided: int
    checked: int
    carried_out: int

    @property
    def success_rate(self) -> float | None:
        """Share of the checked LET decisions carried out as agreed; None before any check."""
        return self.carried_out / self.checked if self.checked else None


def year_figures(rows: list[tuple[str, bool | None]]) -> YearFigures:
    """From (status, carried_out) of each submission of a year."""
    statuses = [status for status, _ in rows]
    return YearFigures(
        submitted=len(rows),
        solved_early=statuses.count(SOLVED_EARLY),
        not_suitable=statuses.count(NOT_SUITABLE),
        decided=statuses.count(DECIDED) + statuses.count(CHECKED),
        checked=statuses.count(CHECKED),
        carried_out=sum(1 for status, done in rows if status == CHECKED and done),
    )
