"""Reads about funds: which a person sees, whose money they handle, outcomes and batches."""

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from doorbraak.accounts.roles import Role
from doorbraak.proposals.models import Request, RequestStatus

from .models import BatchStatus, Fund, PaymentBatch, PaymentOrder


def visible_funds(user) -> QuerySet[Fund]:
    """A team sees its own funds and the shared (programme or municipal) funds."""
    return (
        Fund.objects.filter(Q(owner_team_id=user.team_id) | Q(owner_team__isnull=True))
        .select_related("owner_team", "approval_policy")
        .prefetch_related("accounts")
        .order_by("name")
    )


def handled_funds(user) -> QuerySet[Fund]:
    """The funds whose money this person handles, as one SQL filter on the funds they see:
    the rule of funds.permissions.may_handle_payments."""
    if not (user and user.is_authenticated and user.is_active):
        return Fund.objects.none()
    if user.role == Role.TEAMLEIDER and user.team_id is not None:
        rule = Q(owner_team_id=user.team_id)
    elif user.role == Role.PROJECTLEIDER:
        rule = Q(owner_team__isnull=True) & (
            Q(owner_organisation__isnull=True) | Q(owner_organisation_id=user.organisation_id)
        )
    else:
        return Fund.objects.none()
    return visible_funds(user).filter(rule)


def handled_batches(user) -> QuerySet[PaymentBatch]:
    return PaymentBatch.objects.filter(fund__in=handled_funds(user).values("pk"))


def handled_orders(user) -> QuerySet[PaymentOrder]:
    return PaymentOrder.objects.filter(fund__in=handled_funds(user).values("pk"))


def outcomes(fund: Fund) -> dict[str, int]:
    """How requests on this fund ended (or stand): the team sees how often a request was
    solved otherwise, without the fund."""
    rows = fund.requests.values("status", "alternative").annotate(n=Count("id"))
    counts: dict[str, int] = {}
    for row in rows:
        key = row["status"] if not row["alternative"] else f"{row['status']}:{row['alternative']}"
        counts[key] = counts.get(key, 0) + row["n"]
    return counts


def batches(fund: Fund) -> QuerySet[PaymentBatch]:
    return fund.batches.annotate(n=Count("orders")).order_by("-created_at")


def export_refusal(batch: PaymentBatch) -> str | None:
    """Why this batch's SEPA and CSV files may not be made (in Dutch), or None. A cancelled
    batch has none; an unpaid batch holding a payment of a request that is no longer approved
    would make the bank pay money the ledger has released (decision 0010)."""
    if batch.status == BatchStatus.CANCELLED:
        return _("This batch is cancelled: it has no files to send.")
    if batch.status != BatchStatus.OPEN:
        return None
    closed = (
        Request.objects.filter(payment_orders__batch=batch)
        .exclude(status=RequestStatus.APPROVED)
        .distinct()
        .order_by("pk")
    )
    references = [r.reference for r in closed.only("pk")]
    if not references:
        return None
    return _(
        "This batch holds payments for requests that are no longer approved (%(refs)s). "
        "Cancel the batch and make a new one; no file was made."
    ) % {"refs": ", ".join(references)}
