"""Reads about people and mandates shared by views and API."""

import datetime

from django.db.models import Q, QuerySet

from .models import Mandate, User
from .roles import CASEWORKER_ROLES


def mandates_active_on(day: datetime.date) -> QuerySet[Mandate]:
    return Mandate.objects.filter(
        Q(valid_from__lte=day), Q(valid_until__isnull=True) | Q(valid_until__gte=day)
    ).select_related("holder", "organisation")


def possible_key_workers(*, organisation_id: int | None) -> QuerySet[User]:
    """Active caseworkers of the same organisation: who a case can be handed over to."""
    return (
        User.objects.filter(is_active=True, role__in=[r.value for r in CASEWORKER_ROLES])
        .filter(team__isnull=False, organisation_id=organisation_id)
        .select_related("team")
        .order_by("first_name", "last_name")
    )
