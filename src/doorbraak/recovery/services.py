"""Writes of the hersteloperatie, one transaction each, each with its processing-log record.
Only someone who may see the case writes; bad input raises a Dutch ValidationError per field
and saves nothing."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.accounts.models import User
from doorbraak.cases import services as case_services
from doorbraak.cases.models import Case, CaseStatus
from doorbraak.cases.queries import may_see, subject_ids_of_case
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import Origin, log_processing
from doorbraak.text_validators import check_name

from . import plan_template
from .models import DebtStatus, ForgivenDebt, MarkSource, RecoveryMark

MAX_AMOUNT = Decimal("9999999999.99")


def _require(actor: User, case: Case) -> None:
    if not may_see(actor, case):
        raise PermissionDenied(_("Only those who work on the case record this."))


def _log(origin: Origin, case: Case, action: str, object_type: str, object_id) -> None:
    log_processing(
        origin,
        activity=Activity.RECOVERY_RECORD,
        action=action,
        object_type=object_type,
        object_id=object_id,
        subject_ids=subject_ids_of_case(case),
    )


def _date(value, field: str) -> date:
    if not isinstance(value, date):
        raise ValidationError({field: _("Enter a date.")})
    if value > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})
    return value


@transaction.atomic
def mark_record(
    *, actor: User, origin: Origin, case: Case, source: str, marked_on: date
) -> RecoveryMark:
    _require(actor, case)
    errors = {}
    if source not in MarkSource.values:
        errors["source"] = [_("Choose the source.")]
    try:
        _date(marked_on, "marked_on")
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            mark = RecoveryMark.objects.create(
                household_id=case.household_id,
                source=source,
                marked_on=marked_on,
                recorded_by=actor,
            )
    except IntegrityError:
        raise ValidationError(_("This household is marked already.")) from None
    _log(origin, case, "create", "recovery-mark", mark.pk)
    return mark


@transaction.atomic
def mark_remove(*, actor: User, origin: Origin, case: Case) -> None:
    _require(actor, case)
    mark = (
        RecoveryMark.objects.select_for_update()
        .filter(household_id=case.household_id, ended_at__isnull=True)
        .first()
    )
    if mark is None:
        raise ValidationError(_("This household has no mark."))
    mark.ended_at, mark.ended_by = timezone.now(), actor
    mark.save(update_fields=["ended_at", "ended_by"])
    _log(origin, case, "delete", "recovery-mark", mark.pk)


def _amount(value) -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError({"amount": _("Enter an amount in euros.")}) from None
    if not amount.is_finite() or amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than € 0.")})
    if amount > MAX_AMOUNT:
        raise ValidationError({"amount": _("The amount is too large.")})
    return amount


@transaction.atomic
def debt_record(
    *,
    actor: User,
    origin: Origin,
    case: Case,
    creditor: str,
    amount,
    status: str,
    status_date: date,
) -> ForgivenDebt:
    _require(actor, case)
    errors = {}
    creditor = " ".join((creditor or "").split())
    checks = (
        ("creditor", lambda: creditor or _raise("creditor", _("Name the creditor."))),
        ("creditor", lambda: check_name(creditor, "creditor")),
        ("amount", lambda: _amount(amount)),
        ("status", lambda: status in DebtStatus.values or _raise("status", _("Choose a status."))),
        ("status_date", lambda: _date(status_date, "status_date")),
    )
    values = {}
    for field, check in checks:
        if field in errors:
            continue
        try:
            values[field] = check()
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    debt = ForgivenDebt.objects.create(
        case=case,
        creditor=creditor,
        amount=values["amount"],
        status=status,
        status_date=status_date,
        recorded_by=actor,
    )
    _log(origin, case, "create", "forgiven-debt", debt.pk)
    return debt


def _raise(field: str, message: str):
    raise ValidationError({field: message})


@transaction.atomic
def debt_update(
    *, actor: User, origin: Origin, debt: ForgivenDebt, status: str, status_date: date
) -> ForgivenDebt:
    _require(actor, debt.case)
    errors = {}
    if status not in DebtStatus.values:
        errors["status"] = [_("Choose a status.")]
    try:
        _date(status_date, "status_date")
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    debt.status, debt.status_date = status, status_date
    debt.save(update_fields=["status", "status_date"])
    _log(origin, debt.case, "update", "forgiven-debt", debt.pk)
    return debt


@transaction.atomic
def plan_apply(
    *, actor: User, origin: Origin, case: Case, goal: str, own_contribution: str, answers: dict
):
    """The fresh-start plan as a new version of the case's support plan (cases/)."""
    _require(actor, case)
    if case.status != CaseStatus.OPEN:
        raise ValidationError(_("The case is closed."))
    texts = plan_template.compose(goal=goal, own_contribution=own_contribution, answers=answers)
    if not texts["support_needed"]:
        raise ValidationError(
            {plan_template.DOMAINS[0].key: _("Fill in at least one life domain.")}
        )
    try:
        plan = case_services.plan_update(actor=actor, case=case, **texts)
    except ValidationError as error:
        if hasattr(error, "error_dict") and "support_needed" in error.error_dict:
            raise ValidationError(
                {plan_template.DOMAINS[0].key: error.error_dict["support_needed"]}
            ) from None
        raise
    _log(origin, case, "create", "support-plan", plan.pk)
    return plan
