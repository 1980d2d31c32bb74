"""Submitting a maatwerk request: checked as a whole, saved in one transaction, or refused
with Dutch messages and nothing saved."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorbraak.accounts.models import User
from doorbraak.approvals import notifications as approval_notifications
from doorbraak.approvals import services as approval_services
from doorbraak.cases import services as case_services
from doorbraak.cases.models import Case, EntryKind
from doorbraak.funds import ledger
from doorbraak.funds import services as fund_services
from doorbraak.home.menu import may_write_request
from doorbraak.home.queries import person_of
from doorbraak.text_validators import length_message
from doorbraak.ui import formatting

from . import anonymised as anonymised_texts
from . import idempotency, limits, starter, validation, workflow
from .models import (
    AlternativeKind,
    Category,
    CostBenefit,
    LegalGround,
    Request,
    RequestStatus,
    ValueTriangle,
)


@transaction.atomic
def request_submit(
    *,
    actor: User,
    case: Case,
    anonymised: dict | None = None,
    idempotency_key: str = "",
    **fields,
) -> Request:
    """Submit a request: `fields` as for `validation.request_check`, which refuses it with
    Dutch messages per field (nothing saved). `anonymised`: the approvers' text as the writer
    corrected it in the preview. `idempotency_key`: this submission's one-time key
    (idempotency.py): the same key and submission again returns the first request (marked
    `replayed`) and saves nothing; the key with another submission raises KeyConflict."""
    if not may_write_request(person_of(actor)):
        raise PermissionDenied(_("Only a professional can write a maatwerk request."))
    key = idempotency.check_key(idempotency_key)
    digest = idempotency.fingerprint({"case": case, "anonymised": anonymised, **fields})
    if (done := idempotency.earlier(actor=actor, key=key, digest=digest)) is not None:
        return done
    checked = validation.request_check(case=case, **fields)
    texts, fund = checked.texts, fields.get("fund")
    # The writer may have corrected the approvers' text; it is checked once more, so a name
    # typed back in is still removed.
    approver_texts = anonymised_texts.anonymise_texts(
        {field: (anonymised or {}).get(field, text) for field, text in texts.items()},
        case=case,
        keep_ibans=[checked.iban] if checked.iban else [],
    )
    approver_texts["blockers"] = anonymised_texts.anonymise_blockers(checked.blockers, case=case)
    request, created = idempotency.create_once(
        key=key,
        digest=digest,
        case=case,
        solution=texts["solution"],
        category=fields["category"],
        amount=fields["amount"],
        frequency=checked.frequency,
        months=checked.months,
        supplier_name=checked.supplier_name,
        supplier_iban=checked.iban,
        prior_provisions=checked.provisions,
        prior_provisions_note=texts["prior_provisions_note"],
        recurrence_prevention=texts["recurrence_prevention"],
        created_by=actor,
        fund=fund,
        small=checked.small,
        anonymised=approver_texts,
    )
    if not created:  # the same submission, made at the same moment, was first
        return request
    request.blockers.set(checked.blockers)
    ValueTriangle.objects.create(
        request=request,
        legal_ground=fields.get("legal_ground"),
        **{field: texts[field] for field in limits.TRIANGLE_TEXTS},
    )
    if checked.calculation:
        data, result = checked.calculation
        CostBenefit.objects.create(
            request=request,
            horizon_months=result["horizon_months"],
            price_year=result["price_year"],
            input=data,
            result=result,
        )
    case_services.timeline_record(
        case,
        actor,
        EntryKind.REQUEST,
        # Stored text, read later in any language: Dutch amount, cut at a word boundary.
        f"{request.reference}: {formatting.shorten(texts['solution'], 120)} "
        f"({formatting.euro(request.total)})",
    )
    if fund is not None:
        approval_services.request_opened(request)
    return request


def _transition(request: Request, new: str) -> Request:
    locked = Request.objects.select_for_update().get(pk=request.pk)
    if not workflow.may_change(locked.status, new):
        raise ValidationError(
            _("A request that is %(status)s cannot become %(new)s.")
            % {"status": locked.get_status_display(), "new": RequestStatus(new).label}
        )
    return locked


def may_close(actor: User, request: Request) -> bool:
    """Who may withdraw a request or record that it was solved otherwise: the requester, the
    key worker or the team leader of the case's team."""
    return actor.pk == request.created_by_id or case_services.may_manage(actor, request.case)


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
    if request.payment_orders.filter(status="in-batch").exists():
        raise ValidationError(
            _(
                "A payment for this request is already in a payment batch; "
                "it is paid with that batch. Ask the fund's treasurer."
            )
        )
    if request.fund_id and request.reservations.exists():
        ledger.release(
            fund_id=request.fund_id,
            ref=request.reference,
            actor=actor,
            memo=f"{request.reference} {status}",
        )
    fund_services.orders_cancel(request)
    request.status, request.alternative, request.outcome_note = status, alternative, note
    request.save(update_fields=["status", "alternative", "outcome_note"])
    approval_notifications.settle_request(request.pk)
    case_services.timeline_record(
        request.case,
        actor,
        EntryKind.REQUEST_CLOSED,
        f"{request.reference}: {request.get_status_display()} — {note}",
    )
    return request


@transaction.atomic
def request_mark_paid_if_complete(request: Request) -> bool:
    """After a batch is paid: a request whose orders are all paid is paid."""
    if request.payment_orders.exclude(status__in=["betaald", "vervallen"]).exists():
        return False
    request = _transition(request, RequestStatus.PAID)
    request.status = RequestStatus.PAID
    request.save(update_fields=["status"])
    return True


@transaction.atomic
def load_starter_catalogues() -> None:
    """Add the shipped categories and legal grounds that are missing; never overwrite."""
    starter.load(Category, LegalGround)
