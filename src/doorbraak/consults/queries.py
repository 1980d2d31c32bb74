"""Reads on consults. A consult is the writer's own: nobody else reads it (not even its
expert: the consult was anonymous). Everyone who may record consults sees the counts per
topic, which name nobody."""

from django.db.models import Count, QuerySet
from django.http import Http404

from .models import Consult, Topic


def own_consults(user) -> QuerySet[Consult]:
    return Consult.objects.filter(created_by_id=user.pk).select_related("case")


def consult_or_404(user, pk) -> Consult:
    consult = own_consults(user).filter(pk=pk).first()
    if consult is None:
        raise Http404
    return consult


def counts_per_topic() -> list[tuple[str, int, int]]:
    """(topic label, count, percentage of the largest) per fixed topic, in the list's order;
    "other" counts every other topic together. One query."""
    counts = dict(
        Consult.objects.order_by()
        .values_list("topic")
        .annotate(n=Count("pk"))
        .values_list("topic", "n")
    )
    top = max(counts.values(), default=0)
    return [
        (label, counts.get(value, 0), round(100 * counts.get(value, 0) / top) if top else 0)
        for value, label in Topic.choices
    ]
