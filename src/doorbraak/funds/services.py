"""Writes about funds and payments: opening a fund, checking a request against it, payment
orders, batches and their ledger postings. The steps a request's money goes through, and the
order of their locks, are proposals.lifecycle's: this module never imports it, nor
proposals.services or approvals.services."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.proposals.models import Request
from doorbraak.recovery import queries as recovery_queries
from doorbraak.ui import display

from . import ledger, rules, schedule
from .messages import ledger_message
from .models import BatchStatus, Fund, OrderStatus, PaymentBatch, PaymentOrder

CENTS = Decimal("100")


def to_cents(amount: Decimal) -> int:
    return int((amount * CENTS).to_integral_value())


def euro(amount: Decimal) -> str:
    return display.euro(amount)


@transaction.atomic
def fund_open(fund: Fund, *, actor=None) -> Fund:
    """Save a new fund, open its ledger accounts and allocate its total budget."""
    fund.save()
    ledger.open_accounts(fund)
    if fund.total_budget > 0:
        ledger.allocate(
            fund_id=fund.pk,
            cents=to_cents(fund.total_budget),
            key=f"allocate:fund:{fund.pk}",
            actor=actor,
            memo="Budget",
        )
    return fund


def free(fund: Fund) -> Decimal:
    return from_cents(ledger.balances(fund.pk).available)


def household_spent(fund: Fund, household_id: int, *, exclude_request_id=None) -> Decimal:
    """What this household already has approved or paid from the fund in its period."""
    rows = Request.objects.filter(
        fund=fund,
        case__household_id=household_id,
        status__in=["goedgekeurd", "betaald"],
        submitted_at__date__gte=fund.period_start,
        submitted_at__date__lte=fund.period_end,
    ).exclude(pk=exclude_request_id)
    return sum((r.total for r in rows), Decimal("0"))


def _terms(fund: Fund) -> rules.FundTerms:
    return rules.FundTerms(
        active=fund.active,
        period_start=fund.period_start,
        period_end=fund.period_end,
        ceiling_per_request=fund.ceiling_per_request,
        ceiling_per_household=fund.ceiling_per_household,
        categories=frozenset(fund.categories.values_list("key", flat=True)),
        recurring_allowed=fund.recurring_allowed,
        free=free(fund),
    )


def fit_problems(
    fund: Fund,
    *,
    total: Decimal,
    category_key: str,
    recurring: bool,
    household_id: int,
    exclude_request_id=None,
) -> list[str]:
    """Dutch messages for every way the request does not fit the fund; empty if it fits."""
    terms = rules.RequestTerms(
        total=total,
        category=category_key,
        recurring=recurring,
        day=timezone.localdate(),
        household_spent=household_spent(fund, household_id, exclude_request_id=exclude_request_id),
    )
    messages = {
        "fund_closed": _("This fund is closed or outside its period."),
        "above_ceiling": _("%(total)s is above this fund's ceiling of %(ceiling)s per request."),
        "household_ceiling": _("This household has %(left)s left in this fund this period."),
        "category": _("This fund does not pay for this category."),
        "recurring": _("This fund does not allow recurring payments."),
        "insufficient": _("This fund has %(free)s free, not enough for %(total)s."),
    }
    out = []
    for code, params in rules.check_fit(_terms(fund), terms):
        values = {key: euro(value) for key, value in params.items()}
        out.append(messages[code] % {"total": euro(total), **values})
    if recovery_queries.fund_refuses(fund.pk, household_id):
        out.append(_("This fund pays only for households of the hersteloperatie."))
    return out


def funds_that_fit(
    *, team_id, exclude_fund_id, total, category_key, recurring, household_id
) -> list[Fund]:
    """The next route: other active funds of the team (or without a team) that would fit."""
    candidates = (
        Fund.objects.filter(active=True)
        .filter(Q(owner_team_id=team_id) | Q(owner_team__isnull=True))
        .exclude(pk=exclude_fund_id)
    )
    return [
        f
        for f in candidates
        if not fit_problems(
            f,
            total=total,
            category_key=category_key,
            recurring=recurring,
            household_id=household_id,
        )
    ]


@transaction.atomic
def pay_in_kind(*, fund: Fund, ref: str, cents: int, actor, memo: str, field: str = "amount"):
    """Reserve and pay at once a cost a programme pays in kind from `fund` (VerhuisboxPlus:
    registration fees, tickets, first rent), under the fund's lock (decision 0010). `ref` is
    the cost's own key: the same cost twice pays once. A refusal by the ledger is a Dutch
    ValidationError on `field`, and nothing is posted."""
    try:
        ledger.reserve(fund_id=fund.pk, ref=ref, cents=cents, actor=actor, memo=memo)
        ledger.pay(fund_id=fund.pk, ref=ref, cents=cents, key=f"pay:{ref}", actor=actor, memo=memo)
    except ledger.LedgerError as error:
        raise ValidationError({field: [ledger_message(error)]}) from None


@transaction.atomic
def orders_create(request) -> list[PaymentOrder]:
    """Payment orders for an approved request: one, or one per month of its schedule."""
    if request.amount <= 0 or request.fund_id is None:
        return []
    start = timezone.localdate()
    return [
        PaymentOrder.objects.get_or_create(
            request=request,
            sequence=n + 1,
            defaults={
                "fund_id": request.fund_id,
                "amount": request.amount,
                "creditor_name": request.supplier_name[:70],
                "creditor_iban": request.supplier_iban,
                # Reference and category only: the transfer reaches the bank and the
                # supplier, so no free text about the household goes on it.
                "remittance": f"{request.reference} {request.category}"[:140],
                "due_date": due,
            },
        )[0]
        for n, due in enumerate(schedule.due_dates(start, request.months))
    ]


@transaction.atomic
def orders_cancel(request) -> int:
    return request.payment_orders.filter(status=OrderStatus.OPEN).update(
        status=OrderStatus.CANCELLED
    )


@transaction.atomic
def batch_create(
    *, fund: Fund, actor, up_to: datetime.date, request_ids: list[int]
) -> PaymentBatch:
    """Put the open orders of the fund due on or before `up_to`, of the given requests, into
    one new batch. Called by proposals.lifecycle, which holds those requests' locks."""
    orders = list(
        PaymentOrder.objects.select_for_update()
        .filter(fund=fund, status=OrderStatus.OPEN, due_date__lte=up_to, request_id__in=request_ids)
        .order_by("id")
    )
    if not orders:
        raise ValidationError(_("There are no payments due in this fund."))
    if not fund.debtor_iban:
        raise ValidationError(_("Set the IBAN the fund pays from before making a batch."))
    now = timezone.now()
    batch = PaymentBatch.objects.create(
        fund=fund,
        created_at=now,
        execution_date=max(up_to, timezone.localdate()),
        created_by=actor,
        message_id=f"DOORBRAAK-{fund.pk}-{now:%Y%m%d%H%M%S%f}"[:35],
    )
    PaymentOrder.objects.filter(pk__in=[o.pk for o in orders]).update(
        batch=batch, status=OrderStatus.BATCHED
    )
    return batch


def batch_lock(batch: PaymentBatch) -> PaymentBatch:
    return PaymentBatch.objects.select_for_update().get(pk=batch.pk)


def batch_orders_lock(batch: PaymentBatch) -> list[PaymentOrder]:
    return list(PaymentOrder.objects.select_for_update().filter(batch=batch).order_by("id"))


def batch_post_paid(
    *, batch: PaymentBatch, orders: list[PaymentOrder], refs: dict[int, str], actor
) -> None:
    """Post every order of the (locked) batch on the ledger, idempotent per order; `refs`:
    the reservation reference per request id."""
    now = timezone.now()
    for order in orders:
        ledger.pay(
            fund_id=batch.fund_id,
            ref=refs[order.request_id],
            cents=to_cents(order.amount),
            key=f"pay:order:{order.pk}",
            actor=actor,
            memo=order.remittance,
        )
        order.status, order.paid_at = OrderStatus.PAID, now
        order.save(update_fields=["status", "paid_at"])
    batch.status, batch.paid_at, batch.paid_by = BatchStatus.PAID, now, actor
    batch.save(update_fields=["status", "paid_at", "paid_by"])


def batch_void(
    *, batch: PaymentBatch, actor, reason: str, reopen: list[int], lapse: list[int]
) -> PaymentBatch:
    """Cancel the (locked) batch: the `reopen` orders go back to open for a next batch, the
    `lapse` orders lapse. The batch stays, marked cancelled, with who, when and why."""
    PaymentOrder.objects.filter(pk__in=reopen).update(batch=None, status=OrderStatus.OPEN)
    PaymentOrder.objects.filter(pk__in=lapse).update(status=OrderStatus.CANCELLED)
    batch.status, batch.cancelled_at, batch.cancelled_by = (
        BatchStatus.CANCELLED,
        timezone.now(),
        actor,
    )
    batch.cancel_reason = reason
    batch.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason"])
    return batch


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / CENTS).quantize(Decimal("0.01"))


def utilisation(fund: Fund) -> dict[str, Decimal]:
    """Budget, free, reserved and paid; uses prefetched `accounts` when the caller has them."""
    b = ledger.balances_of(fund.accounts.all())
    return {
        "budget": from_cents(-b.budget),
        "free": from_cents(b.available),
        "reserved": from_cents(b.reserved),
        "paid": from_cents(b.paid),
    }


def spent_by_category(fund: Fund) -> list[dict]:
    return list(
        Request.objects.filter(fund=fund, status__in=["goedgekeurd", "betaald"])
        .values("category__label")
        .annotate(total=Sum(F("amount") * F("months")))
        .order_by("-total")
    )
