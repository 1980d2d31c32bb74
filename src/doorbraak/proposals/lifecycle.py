"""A request's money lifecycle, and the one place that takes its locks.

    approved by vote -> reserved -> payment orders -> in a batch -> paid
    withdrawn / solved otherwise -> what is reserved goes back, open orders lapse
    batch cancelled -> its orders open again (or lapse, for a closed request)

Every action here locks in the order of docs/decisions/0010-money-lock-order.md:

    1. the requests (ascending id)   2. their payment orders (ascending id)
    3. the payment batch             4. the fund's ledger accounts (funds.ledger)

so a withdrawal and a batch, or a vote and a payment, wait for each other instead of
interleaving. Dependencies run one way: this module uses approvals.services (votes),
funds.services (orders, batches) and funds.ledger; none of those imports this module or
proposals.services. A refused money action raises MoneyConflict (a Dutch message; pages show
it, the API answers 409); a LedgerError never reaches a view.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.accounts.models import User
from doorbraak.approvals import notifications as approval_notifications
from doorbraak.approvals import services as approval_services
from doorbraak.approvals.quorum import APPROVED
from doorbraak.cases import services as case_services
from doorbraak.cases.models import EntryKind
from doorbraak.funds import ledger
from doorbraak.funds import services as fund_services
from doorbraak.funds.messages import ledger_message
from doorbraak.funds.models import BatchStatus, Fund, OrderStatus, PaymentBatch, PaymentOrder
from doorbraak.reports import summary
from doorbraak.subjectrights import restriction
from doorbraak.text_validators import length_message

from . import limits, workflow
from .models import AlternativeKind, Request, RequestStatus

#: A batch may hold orders of requests in these statuses only.
PAYABLE = (RequestStatus.APPROVED,)


class MoneyConflict(Exception):
    """A money action that cannot be done in the current state; `message` is in Dutch."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _lock_requests(ids) -> dict[int, Request]:
    """Lock 1: the requests, in id order."""
    rows = Request.objects.select_for_update(of=("self",)).filter(pk__in=list(ids)).order_by("pk")
    return {r.pk: r for r in rows}


def _lock_request(request: Request) -> Request:
    return (
        Request.objects.select_for_update(of=("self",))
        .select_related("fund__approval_policy", "case")
        .get(pk=request.pk)
    )


def _reserve_and_order(request: Request, *, actor, memo: str) -> None:
    """An approved request (locked, with its fund set): reserve its total on the ledger and
    make its payment orders; nothing for a zero-euro request."""
    if request.total <= 0:
        return
    try:
        ledger.reserve(
            fund_id=request.fund_id,
            ref=request.reference,
            cents=fund_services.to_cents(request.total),
            request_id=request.pk,
            actor=actor,
            memo=memo,
        )
    except ledger.LedgerError as error:
        raise MoneyConflict(
            _("The fund has not enough free budget for this request now; nothing was saved.")
            if error.code == "insufficient"
            else ledger_message(error)
        ) from error
    fund_services.orders_create(request)


def _refuse_if_restricted(request_ids) -> None:
    """AVG art. 18 (subjectrights): a restricted household's request is not approved or paid."""
    if restriction.restricted_request_ids(request_ids):
        raise MoneyConflict(restriction.ProcessingRestricted().message)


# --- Votes ---------------------------------------------------------------------------------


@transaction.atomic
def vote_cast(*, actor: User, request: Request, choice: str, comment: str = ""):
    """Record a vote; when it decides the request and approves it, reserve the money and make
    the payment orders. Nothing is saved when the money cannot be reserved."""
    request = _lock_request(request)
    _refuse_if_restricted([request.pk])
    vote, decision = approval_services.vote_record(
        actor=actor, request=request, choice=choice, comment=comment
    )
    if decision is not None and decision.status == APPROVED:
        _reserve_and_order(request, actor=actor, memo=f"{request.reference} {request.category}")
    if decision is not None:
        approval_services.decision_announce(request)
    return vote


@transaction.atomic
def request_approve_at_table(*, actor: User, request: Request, fund: Fund, memo: str) -> Request:
    """A table (Doorbraaktafel, casusoverleg) approves a request that is still waiting for its
    colleagues: from `fund`, reserve the request's total and make its payment orders, in the
    lock order of decision 0010 (the request, then the ledger; the orders are new rows). The
    reservation's reference is the request's, so paying, withdrawing and cancelling work as
    for a request approved by vote; the ledger's key (`reserve:<reference>`) makes a second
    approval of the same request reserve nothing more. The caller holds its own lock (the
    agenda item) first and passes `memo` (e.g. `table:item:<id>`) for the ledger line."""
    request = _lock_request(request)
    _refuse_if_restricted([request.pk])
    if request.status == RequestStatus.APPROVED and request.fund_id == fund.pk:
        return request  # this approval is already done: once, not twice
    if not workflow.may_change(request.status, RequestStatus.APPROVED):
        raise MoneyConflict(
            _("A request that is %(status)s cannot be approved by the table.")
            % {"status": request.get_status_display()}
        )
    request.fund, request.status, request.decided_at = fund, RequestStatus.APPROVED, timezone.now()
    request.save(update_fields=["fund", "status", "decided_at"])
    summary.requests_changed([request.pk])
    _reserve_and_order(request, actor=actor, memo=memo)
    approval_notifications.settle_request(request.pk)
    case_services.timeline_record(
        request.case,
        actor,
        EntryKind.NOTE,
        _("%(ref)s approved by the table (%(memo)s).") % {"ref": request.reference, "memo": memo},
    )
    return request


# --- Closing a request ---------------------------------------------------------------------


def may_close(actor: User, request: Request) -> bool:
    """Who may withdraw a request or record that it was solved otherwise: the requester, the
    key worker or the team leader of the case's team."""
    return actor.pk == request.created_by_id or case_services.may_manage(actor, request.case)


def _transition(request: Request, new: str) -> Request:
    locked = _lock_request(request)
    if not workflow.may_change(locked.status, new):
        raise ValidationError(
            _("A request that is %(status)s cannot become %(new)s.")
            % {"status": locked.get_status_display(), "new": RequestStatus(new).label}
        )
    return locked


@transaction.atomic
def request_withdraw(*, actor: User, request: Request, reason: str) -> Request:
    """The requester (or the key worker / team leader) withdraws: anything reserved goes back
    to the fund and unpaid orders lapse."""
    request = _transition(request, RequestStatus.WITHDRAWN)
    if not may_close(actor, request):
        raise PermissionDenied(
            _("Only the requester, the key worker or the team leader can withdraw a request.")
        )
    return _close(actor, request, RequestStatus.WITHDRAWN, "", reason)


@transaction.atomic
def request_solve_otherwise(
    *, actor: User, request: Request, alternative: str, note: str
) -> Request:
    """Solved without this fund: another fund, a voorliggende voorziening, or no cost."""
    request = _transition(request, RequestStatus.SOLVED_OTHERWISE)
    if not may_close(actor, request):
        raise PermissionDenied(
            _("Only the requester, the key worker or the team leader can close a request.")
        )
    if alternative not in AlternativeKind.values:
        raise ValidationError({"alternative": _("Choose how it was solved.")})
    return _close(actor, request, RequestStatus.SOLVED_OTHERWISE, alternative, note)


def _close(actor, request, status, alternative, note) -> Request:
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Add a short explanation.")})
    if len(note) > limits.NOTE:
        raise ValidationError({"note": length_message(limits.NOTE, len(note))})
    # Lock 2, after the request: a batch being made now holds this request's lock, so by here
    # it has committed and its orders show as in a batch.
    orders = list(PaymentOrder.objects.select_for_update().filter(request=request).order_by("pk"))
    if any(o.status == OrderStatus.BATCHED for o in orders):
        raise MoneyConflict(
            _(
                "A payment for this request is already in a payment batch; "
                "it is paid with that batch. Ask the fund's treasurer."
            )
        )
    if request.fund_id and request.reservations.exists():
        try:
            ledger.release(
                fund_id=request.fund_id,
                ref=request.reference,
                actor=actor,
                memo=f"{request.reference} {status}",
            )
        except ledger.LedgerError as error:
            raise MoneyConflict(ledger_message(error)) from error
    fund_services.orders_cancel(request)
    request.status, request.alternative, request.outcome_note = status, alternative, note
    request.save(update_fields=["status", "alternative", "outcome_note"])
    summary.requests_changed([request.pk])
    approval_notifications.settle_request(request.pk)
    case_services.timeline_record(
        request.case,
        actor,
        EntryKind.REQUEST_CLOSED,
        f"{request.reference}: {request.get_status_display()} — {note}",
    )
    return request


# --- Batches -------------------------------------------------------------------------------


def batchable_orders(fund: Fund, up_to=None):
    """The open orders a batch made now would take (without the locks `batch_create` holds):
    due on or before `up_to` (today), of requests still approved, not of a restricted
    household. What the fund page counts and the re-authentication's amount; later
    instalments are not among them."""
    up_to = up_to or timezone.localdate()
    orders = PaymentOrder.objects.filter(
        fund=fund, status=OrderStatus.OPEN, due_date__lte=up_to, request__status__in=PAYABLE
    )
    return orders.exclude(request__case__household_id__in=restriction.restricted_household_ids())


def _due_request_ids(fund: Fund, up_to) -> list[int]:
    return list(
        PaymentOrder.objects.filter(fund=fund, status=OrderStatus.OPEN, due_date__lte=up_to)
        .values_list("request_id", flat=True)
        .distinct()
    )


@transaction.atomic
def batch_create(*, fund: Fund, actor, up_to=None) -> PaymentBatch:
    """Put every open order of the fund due on or before `up_to` into one new batch; only
    orders of requests that are still approved once their locks are held. ValidationError
    when there is nothing to pay or the fund has no IBAN."""
    up_to = up_to or timezone.localdate()
    requests = _lock_requests(_due_request_ids(fund, up_to))
    restricted = restriction.restricted_request_ids(requests)  # AVG art. 18: not paid
    payable = [pk for pk, r in requests.items() if r.status in PAYABLE and pk not in restricted]
    return fund_services.batch_create(fund=fund, actor=actor, up_to=up_to, request_ids=payable)


def _batch_request_ids(batch: PaymentBatch) -> list[int]:
    return list(batch.orders.values_list("request_id", flat=True).distinct())


@transaction.atomic
def batch_mark_paid(*, batch: PaymentBatch, actor) -> PaymentBatch:
    """The bank has paid the batch: post every order on the ledger (idempotent per order) and
    mark each request paid once all its orders are. Refused as a whole — nothing posted — when
    an order in it may not be paid (its request was closed: cancel the batch instead)."""
    requests = _lock_requests(_batch_request_ids(batch))
    batch = fund_services.batch_lock(batch)
    if batch.status == BatchStatus.PAID:
        return batch
    if batch.status == BatchStatus.CANCELLED:
        raise MoneyConflict(_("This batch is cancelled; it cannot be paid."))
    orders = fund_services.batch_orders_lock(batch)
    _refuse_if_restricted(requests)
    closed = sorted(
        {
            requests[o.request_id].reference
            for o in orders
            if requests[o.request_id].status not in PAYABLE
        }
    )
    if closed:
        raise MoneyConflict(
            _(
                "This batch holds payments for requests that are no longer approved (%(refs)s). "
                "Cancel the batch and make a new one; nothing was marked paid."
            )
            % {"refs": ", ".join(closed)}
        )
    try:
        fund_services.batch_post_paid(
            batch=batch,
            orders=orders,
            refs={pk: r.reference for pk, r in requests.items()},
            actor=actor,
        )
    except ledger.LedgerError as error:
        raise MoneyConflict(ledger_message(error)) from error
    for request in requests.values():
        if not request.payment_orders.exclude(
            status__in=[OrderStatus.PAID, OrderStatus.CANCELLED]
        ).exists():
            request.status = RequestStatus.PAID
            request.save(update_fields=["status"])
    summary.requests_changed(requests)
    return batch


@transaction.atomic
def batch_cancel(*, batch: PaymentBatch, actor, reason: str) -> PaymentBatch:
    """The way out of a batch that must not be paid as it is (the bank refused it, a request
    in it was closed): its orders of approved requests open again for the next batch, those
    of closed requests lapse. A paid batch cannot be cancelled."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Add a short explanation.")})
    if len(reason) > limits.NOTE:
        raise ValidationError({"reason": length_message(limits.NOTE, len(reason))})
    requests = _lock_requests(_batch_request_ids(batch))
    batch = fund_services.batch_lock(batch)
    if batch.status == BatchStatus.PAID:
        raise MoneyConflict(_("This batch is already paid; it cannot be cancelled."))
    if batch.status == BatchStatus.CANCELLED:
        return batch
    orders = fund_services.batch_orders_lock(batch)
    reopen = [o.pk for o in orders if requests[o.request_id].status in PAYABLE]
    lapse = [o.pk for o in orders if o.pk not in set(reopen)]
    return fund_services.batch_void(
        batch=batch, actor=actor, reason=reason, reopen=reopen, lapse=lapse
    )
