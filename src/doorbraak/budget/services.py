"""Every write of the budget check: start a check for a case, add or remove an income, a
fixed cost or a debt, and propose a payment plan. One transaction each, each with its
processing-log record; bad input raises a Dutch `ValidationError` per field before anything
is saved. Only a professional who may see the case writes."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from doorbraak.accounts.roles import CASEWORKER_ROLES
from doorbraak.cases.models import Case
from doorbraak.cases.queries import may_see, subject_ids_of_case
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import Origin, log_processing
from doorbraak.text_validators import check_name

from . import capacity as core
from . import plan as plan_core
from .messages import message
from .models import (
    BijstandsNorm,
    BudgetCheck,
    CostKind,
    Debt,
    DebtKind,
    FixedCost,
    HouseholdKind,
    Income,
    IncomeKind,
    PaymentPlan,
    PlanShare,
)
from .money import AmountError, parse_amount


def may_work(user, case: Case) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role in CASEWORKER_ROLES
        and may_see(user, case)
    )


def _require(actor, case: Case) -> None:
    if not may_work(actor, case):
        raise PermissionDenied(message("not_worker"))


def _log(origin: Origin, case: Case, action: str, object_type: str, object_id) -> None:
    log_processing(
        origin,
        activity=Activity.BUDGET_RECORD,
        action=action,
        object_type=object_type,
        object_id=object_id,
        subject_ids=subject_ids_of_case(case),
    )


def amount_or_error(value, field: str, errors: dict, *, positive: bool = False) -> Decimal | None:
    """The amount, or a Dutch message for `field` in `errors`."""
    try:
        amount = parse_amount(value)
    except AmountError as error:
        errors.setdefault(field, []).append(message(error.code))
        return None
    if positive and amount <= 0:
        errors.setdefault(field, []).append(message("zero"))
        return None
    return amount


def norm_for(household_kind: str, pension_age: bool, on: datetime.date) -> BijstandsNorm | None:
    return (
        BijstandsNorm.objects.filter(
            household_kind=household_kind, pension_age=pension_age, valid_from__lte=on
        )
        .order_by("-valid_from")
        .first()
    )


@transaction.atomic
def check_start(
    *,
    actor,
    origin: Origin,
    case: Case,
    household_kind: str,
    pension_age: bool = False,
    checked_on: datetime.date | None = None,
) -> BudgetCheck:
    _require(actor, case)
    checked_on = checked_on or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if household_kind not in HouseholdKind.values:
        errors["household_kind"] = [message("kind")]
    if not isinstance(checked_on, datetime.date):
        errors["checked_on"] = [message("date")]
    elif checked_on > timezone.localdate():
        errors["checked_on"] = [message("date_future")]
    if not errors and norm_for(household_kind, bool(pension_age), checked_on) is None:
        errors["checked_on"] = [message("no_norm", date=checked_on.strftime("%d-%m-%Y"))]
    if errors:
        raise ValidationError(errors)
    check = BudgetCheck.objects.create(
        case=case,
        household_kind=household_kind,
        pension_age=bool(pension_age),
        checked_on=checked_on,
        created_by=actor,
    )
    _log(origin, case, "create", "budget-check", check.pk)
    return check


def _locked(check: BudgetCheck) -> BudgetCheck:
    return (
        BudgetCheck.objects.select_for_update(of=("self",)).select_related("case").get(pk=check.pk)
    )


@transaction.atomic
def income_add(*, actor, origin: Origin, check: BudgetCheck, kind: str, amount) -> Income:
    check = _locked(check)
    _require(actor, check.case)
    errors: dict[str, list[str]] = {}
    if kind not in IncomeKind.values:
        errors["kind"] = [message("kind")]
    value = amount_or_error(amount, "amount", errors)
    if errors:
        raise ValidationError(errors)
    income = Income.objects.create(budget_check=check, kind=kind, amount=value)
    _log(origin, check.case, "create", "budget-income", income.pk)
    return income


@transaction.atomic
def cost_add(*, actor, origin: Origin, check: BudgetCheck, kind: str, amount) -> FixedCost:
    check = _locked(check)
    _require(actor, check.case)
    errors: dict[str, list[str]] = {}
    if kind not in CostKind.values:
        errors["kind"] = [message("kind")]
    value = amount_or_error(amount, "amount", errors)
    if errors:
        raise ValidationError(errors)
    cost = FixedCost.objects.create(budget_check=check, kind=kind, amount=value)
    _log(origin, check.case, "create", "budget-cost", cost.pk)
    return cost


@transaction.atomic
def debt_add(
    *, actor, origin: Origin, check: BudgetCheck, creditor: str, kind: str, amount, arrears="0"
) -> Debt:
    check = _locked(check)
    _require(actor, check.case)
    errors: dict[str, list[str]] = {}
    creditor = (creditor or "").strip()
    if not creditor:
        errors["creditor"] = [message("creditor_missing")]
    else:
        try:
            check_name(creditor, "creditor")
        except ValidationError as error:
            errors.update(error.message_dict)
    if kind not in DebtKind.values:
        errors["kind"] = [message("kind")]
    owed = amount_or_error(amount, "amount", errors, positive=True)
    overdue = amount_or_error(arrears if arrears not in (None, "") else "0", "arrears", errors)
    if owed is not None and overdue is not None and overdue > owed:
        errors.setdefault("arrears", []).append(message("arrears_above_amount"))
    if errors:
        raise ValidationError(errors)
    debt = Debt.objects.create(
        budget_check=check, creditor=creditor, kind=kind, amount=owed, arrears=overdue
    )
    _log(origin, check.case, "create", "budget-debt", debt.pk)
    return debt


_LINES = {"income": Income, "cost": FixedCost, "debt": Debt}


@transaction.atomic
def line_remove(*, actor, origin: Origin, check: BudgetCheck, kind: str, pk: int) -> None:
    """Remove an income, fixed cost or debt line; a debt that a plan refers to stays."""
    check = _locked(check)
    _require(actor, check.case)
    model = _LINES[kind]
    line = model.objects.filter(budget_check=check, pk=pk).first()
    if line is None:
        return
    if kind == "debt" and PlanShare.objects.filter(debt=line).exists():
        raise ValidationError(message("debt_in_plan"))
    line.delete()
    _log(origin, check.case, "delete", f"budget-{kind}", pk)


def all_norms() -> list[BijstandsNorm]:
    """The whole (small) norm table, newest first: for lists, one read instead of one per row."""
    return list(BijstandsNorm.objects.order_by("-valid_from", "pk"))


def _pick(norms, check) -> BijstandsNorm | None:
    return next(
        (
            n
            for n in norms
            if n.household_kind == check.household_kind
            and n.pension_age == check.pension_age
            and n.valid_from <= check.checked_on
        ),
        None,
    )


def compute(
    check: BudgetCheck, incomes=None, costs=None, norms=None
) -> tuple[BijstandsNorm | None, core.Capacity | None]:
    """The norm and the capacity of a check as it stands (reads only)."""
    if norms is None:
        norm = norm_for(check.household_kind, check.pension_age, check.checked_on)
    else:
        norm = _pick(norms, check)
    if norm is None:
        return None, None
    incomes = check.incomes.all() if incomes is None else incomes
    costs = check.costs.all() if costs is None else costs
    return norm, core.compute(
        norm.as_core(),
        [core.Line(i.kind, i.amount) for i in incomes],
        [core.Line(c.kind, c.amount) for c in costs],
    )


def _months(value, errors) -> int | None:
    if isinstance(value, bool):
        value = None
    try:
        months = int(value)
    except (TypeError, ValueError):
        months = None
    if (
        months is None
        or str(value).strip() != str(months)
        or not 1 <= months <= plan_core.MAX_MONTHS
    ):
        errors["months"] = [message("months")]
        return None
    return months


@transaction.atomic
def plan_propose(
    *, actor, origin: Origin, check: BudgetCheck, months=plan_core.MAX_MONTHS, priority_first=False
) -> PaymentPlan:
    check = _locked(check)
    _require(actor, check.case)
    errors: dict[str, list[str]] = {}
    months = _months(months, errors)
    debts = list(check.debts.order_by("pk"))
    if not debts:
        errors.setdefault("__all__", []).append(message("no_debts"))
    norm, result = compute(check)
    if norm is None:
        errors.setdefault("__all__", []).append(
            message("no_norm", date=check.checked_on.strftime("%d-%m-%Y"))
        )
    elif result.capacity <= 0:
        errors.setdefault("__all__", []).append(message("no_capacity"))
    if errors:
        raise ValidationError(errors)
    computed = plan_core.make_plan(
        result.capacity,
        [plan_core.Debt(d.pk, d.amount, d.is_priority) for d in debts],
        months=months,
        priority_first=bool(priority_first),
    )
    plan = PaymentPlan.objects.create(
        budget_check=check,
        months_asked=months,
        months=computed.months,
        priority_first=bool(priority_first),
        capacity=result.capacity,
        voet=result.voet,
        norm=norm,
        created_by=actor,
    )
    by_pk = {d.pk: d for d in debts}
    PlanShare.objects.bulk_create(
        PlanShare(
            plan=plan,
            debt=by_pk[share.key],
            creditor=by_pk[share.key].creditor,
            priority=share.priority,
            owed=share.owed,
            total=share.paid,
            monthly=[str(amount) for amount in share.monthly],
        )
        for share in computed.shares
    )
    _log(origin, check.case, "create", "payment-plan", plan.pk)
    return plan


@transaction.atomic
def check_create(
    *,
    actor,
    origin: Origin,
    case: Case,
    household_kind: str,
    pension_age: bool = False,
    checked_on: datetime.date | None = None,
    incomes=(),
    costs=(),
    debts=(),
) -> BudgetCheck:
    """A whole budget check at once (the API): the check and all its lines, or nothing. A bad
    line is named by its list and number: {"incomes": ["Regel 2: ..."]}."""
    check = check_start(
        actor=actor,
        origin=origin,
        case=case,
        household_kind=household_kind,
        pension_age=pension_age,
        checked_on=checked_on,
    )
    errors: dict[str, list[str]] = {}
    steps = (
        (
            "incomes",
            incomes,
            lambda row: income_add(actor=actor, origin=origin, check=check, **row),
        ),
        ("costs", costs, lambda row: cost_add(actor=actor, origin=origin, check=check, **row)),
        ("debts", debts, lambda row: debt_add(actor=actor, origin=origin, check=check, **row)),
    )
    for name, rows, add in steps:
        for number, row in enumerate(rows or (), start=1):
            try:
                with transaction.atomic():
                    add(dict(row))
            except ValidationError as error:
                for text in error.messages:
                    errors.setdefault(name, []).append(message("line", number=number, text=text))
    if errors:
        raise ValidationError(errors)  # the outer transaction rolls the check back
    return check
