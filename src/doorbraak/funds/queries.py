"""Reads about funds: which a person sees, utilisation, categories and outcomes."""

from django.db.models import Count, Q, QuerySet

from .models import Fund, PaymentBatch


def visible_funds(user) -> QuerySet[Fund]:
    """A team sees its own funds and the shared (programme or municipal) funds."""
    return (
        Fund.objects.filter(Q(owner_team_id=user.team_id) | Q(owner_team__isnull=True))
        .select_related("owner_team", "approval_policy")
        .prefetch_related("accounts")
        .order_by("name")
    )


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
