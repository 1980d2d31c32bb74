"""Submitting a maatwerk request: checked as a whole, saved in one transaction, or refused
with Dutch messages and nothing saved."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from doorbraak.accounts.models import User
from doorbraak.approvals import services as approval_services
from doorbraak.cases import services as case_services
from doorbraak.cases.models import Case, EntryKind
from doorbraak.home.menu import may_write_request
from doorbraak.home.queries import person_of
from doorbraak.reports import summary
from doorbraak.subjectrights.restriction import refuse_if_restricted
from doorbraak.ui import formatting

from . import anonymised as anonymised_texts
from . import idempotency, limits, starter, validation
from .models import (
    Category,
    CostBenefit,
    LegalGround,
    Request,
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
    refuse_if_restricted(case.household_id)  # AVG art. 18 (subjectrights): storage only
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
    summary.requests_changed([request.pk])
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


@transaction.atomic
def load_starter_catalogues() -> None:
    """Add the shipped categories and legal grounds that are missing; never overwrite."""
    starter.load(Category, LegalGround)
