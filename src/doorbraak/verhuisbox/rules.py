"""What each step of a VerhuisboxPlus trajectory needs (seed 002, "Elders onder dak"). Pure
Python: no Django import, no clock. Each check returns (field, code) problems; messages.py has
the Dutch words.

Intake: no heavy problems such as an addiction, no large debts, and a landlord statement
("verhuurdersverklaring"); a failing criterion refuses the registration. The advice
conversation sets goals and the regions considered, and records that the move was said to be
voluntary. The trajectory then runs until the household is housed, or ends without a home:
"niet gestart" before the advice conversation, "gestopt" after it, always with a reason.
"""

import datetime
from decimal import Decimal

from .figures import HOUSED, NOT_STARTED, OPEN, REGISTERED, STARTED, STOPPED

#: Reasons a trajectory ends without a home (seed: heavy care for addiction or debts, or a
#: fear that someone would hardly settle, e.g. far from anyone who speaks their language).
REASON_ADDICTION = "verslaving"
REASON_DEBTS = "schulden"
REASON_NO_STATEMENT = "geen-verhuurdersverklaring"
REASON_SETTLING = "moeilijk-aarden"
REASON_OWN_CHOICE = "eigen-keuze"
REASON_OTHER = "anders"
REASONS = (
    REASON_ADDICTION,
    REASON_DEBTS,
    REASON_NO_STATEMENT,
    REASON_SETTLING,
    REASON_OWN_CHOICE,
    REASON_OTHER,
)

#: Costs paid in kind (seed: registration fees, train tickets to viewings, first rent,
#: basic furnishing).
COST_FEE = "inschrijfkosten"
COST_TRAIN = "treinkaartjes"
COST_RENT = "eerste-huur"
COST_FURNISHING = "basisinrichting"
COST_KINDS = (COST_FEE, COST_TRAIN, COST_RENT, COST_FURNISHING)

MAX_AMOUNT = Decimal("100000")


def _date_problems(field, day, today, *, after=None, after_code="") -> list[tuple[str, str]]:
    if day is None:
        return [(field, f"{field}_missing")]
    if day > today:
        return [(field, "date_future")]
    if after is not None and day < after:
        return [(field, after_code)]
    return []


def check_registration(
    *,
    no_heavy_addiction: bool,
    no_large_debts: bool,
    landlord_statement: bool,
    registered_on: datetime.date | None,
    today: datetime.date,
    already_open: bool,
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if already_open:
        problems.append(("__all__", "already_open"))
    if not no_heavy_addiction:
        problems.append(("no_heavy_addiction", "criterion_addiction"))
    if not no_large_debts:
        problems.append(("no_large_debts", "criterion_debts"))
    if not landlord_statement:
        problems.append(("landlord_statement", "criterion_statement"))
    problems += _date_problems("registered_on", registered_on, today)
    return problems


def check_advice(
    *,
    status: str,
    advice_on: datetime.date | None,
    registered_on: datetime.date,
    goals: str,
    regions: str,
    voluntary_discussed: bool,
    today: datetime.date,
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if status != REGISTERED:
        problems.append(("__all__", "advice_done"))
    problems += _date_problems(
        "advice_on", advice_on, today, after=registered_on, after_code="before_registration"
    )
    if not goals.strip():
        problems.append(("goals", "goals_missing"))
    if not regions.strip():
        problems.append(("regions", "regions_missing"))
    if not voluntary_discussed:
        problems.append(("voluntary_discussed", "voluntary_missing"))
    return problems


def _amount_problems(field, amount, *, allow_zero: bool) -> list[tuple[str, str]]:
    if amount is None:
        return [(field, "amount_missing")]
    if amount < 0:
        return [(field, "amount_negative")]
    if amount == 0 and not allow_zero:
        return [(field, "amount_zero")]
    if amount >= MAX_AMOUNT:
        return [(field, "amount_too_large")]
    if amount != amount.quantize(Decimal("0.01")):
        return [(field, "amount_cents")]
    return []


def check_site(
    *,
    status: str,
    name: str,
    fee: Decimal | None,
    registered_on: datetime.date | None,
    trajectory_registered_on: datetime.date,
    today: datetime.date,
    duplicate: bool,
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if status != STARTED:
        problems.append(("__all__", "not_started"))
    if not name.strip():
        problems.append(("name", "site_missing"))
    elif duplicate:
        problems.append(("name", "site_duplicate"))
    problems += _amount_problems("fee", fee, allow_zero=True)
    problems += _date_problems(
        "registered_on",
        registered_on,
        today,
        after=trajectory_registered_on,
        after_code="before_registration",
    )
    return problems


def check_cost(
    *,
    status: str,
    kind: str,
    amount: Decimal | None,
    supplier: str,
    paid_on: datetime.date | None,
    trajectory_registered_on: datetime.date,
    today: datetime.date,
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if status not in (STARTED, HOUSED):
        problems.append(("__all__", "no_costs_now"))
    if kind not in COST_KINDS:
        problems.append(("kind", "kind_missing"))
    problems += _amount_problems("amount", amount, allow_zero=False)
    if not supplier.strip():
        problems.append(("supplier", "supplier_missing"))
    problems += _date_problems(
        "paid_on",
        paid_on,
        today,
        after=trajectory_registered_on,
        after_code="before_registration",
    )
    return problems


def check_stop(
    *,
    status: str,
    reason: str,
    note: str,
    ended_on: datetime.date | None,
    registered_on: datetime.date,
    today: datetime.date,
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if status not in OPEN:
        problems.append(("__all__", "already_ended"))
    if reason not in REASONS:
        problems.append(("reason", "reason_missing"))
    elif reason == REASON_OTHER and not note.strip():
        problems.append(("note", "note_missing"))
    problems += _date_problems(
        "ended_on", ended_on, today, after=registered_on, after_code="before_registration"
    )
    return problems


def stop_status(status: str) -> str:
    """Before the advice conversation a trajectory did not start; after it, it stopped."""
    return NOT_STARTED if status == REGISTERED else STOPPED


def check_housed(
    *, status: str, housed_on: datetime.date | None, registered_on: datetime.date, today
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if status != STARTED:
        problems.append(("__all__", "not_started" if status == REGISTERED else "already_ended"))
    problems += _date_problems(
        "housed_on", housed_on, today, after=registered_on, after_code="housed_before_registration"
    )
    return problems


def check_handover(
    *,
    status: str,
    municipality: str,
    contact_person: str,
    shared: str,
    consent_by: str,
    handover_on: datetime.date | None,
    registered_on: datetime.date,
    today: datetime.date,
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if status not in (STARTED, HOUSED):
        problems.append(("__all__", "no_handover_now"))
    for field, value in (
        ("municipality", municipality),
        ("contact_person", contact_person),
        ("shared", shared),
        ("consent_by", consent_by),
    ):
        if not value.strip():
            problems.append((field, f"{field}_missing"))
    problems += _date_problems(
        "handover_on", handover_on, today, after=registered_on, after_code="before_registration"
    )
    return problems


def check_bijstand(
    *, status: str, already: bool, due_date: datetime.date | None, today: datetime.date
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if status not in (STARTED, HOUSED):
        problems.append(("__all__", "no_bijstand_now"))
    elif already:
        problems.append(("__all__", "bijstand_already"))
    if due_date is None:
        problems.append(("due_date", "due_date_missing"))
    elif due_date < today:
        problems.append(("due_date", "due_date_past"))
    return problems


def next_step(status: str, *, site_count: int, has_handover: bool) -> str | None:
    """What the caseworker does next, as a code (messages.next_step has the words)."""
    if status == REGISTERED:
        return "advice"
    if status == STARTED:
        return "sites" if site_count == 0 else "search"
    if status == HOUSED and not has_handover:
        return "handover"
    return None
