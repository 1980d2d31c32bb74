"""Reads for using a mandate (PRIO): the mandates a person may use today, and the mandate
uses a person may see (whoever may see the case, as for escalations)."""

import datetime

from django.db.models import Q, QuerySet
from django.http import Http404

from doorbraak.accounts.models import Mandate
from doorbraak.cases.queries import visible_cases
from doorbraak.compiled_reads import CompiledRead

from .models import Escalation, MandateUse, Status


def _valid_on(day: datetime.date) -> Q:
    return Q(valid_from__lte=day) & (Q(valid_until__isnull=True) | Q(valid_until__gte=day))


def usable_mandates(user, day: datetime.date) -> QuerySet[Mandate]:
    """The person's own mandates valid on `day` (the register decides; nothing else)."""
    return (
        Mandate.objects.filter(_valid_on(day), holder_id=user.pk)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )


def own_mandates(user) -> QuerySet[Mandate]:
    """All of the person's mandates, also expired ones (to say why none can be used)."""
    return Mandate.objects.filter(holder_id=user.pk).order_by("-valid_from", "pk")


# Every case page asks this: compiled once (doorbraak/compiled_reads.py).
_USABLE = CompiledRead(
    lambda p: Mandate.objects.filter(_valid_on(p.date("day")), holder_id=p.int("user")).values_list(
        "pk", flat=True
    )[:1]
)


def has_usable_mandate(user, day: datetime.date) -> bool:
    return bool(_USABLE.all(day=day, user=user.pk))


def visible_mandate_uses(user) -> QuerySet[MandateUse]:
    return MandateUse.objects.filter(case_id__in=visible_cases(user).values("pk"))


def _with_relations(queryset):
    return queryset.select_related(
        "mandate__organisation", "case", "escalation", "overruled_organisation", "decided_by"
    )


def mandate_use_list(user) -> QuerySet[MandateUse]:
    return _with_relations(visible_mandate_uses(user)).order_by("-decided_on", "-pk")


def mandate_use_detail(user, pk) -> MandateUse:
    try:
        use = _with_relations(visible_mandate_uses(user)).get(pk=pk)
    except (MandateUse.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    use.action_list = list(use.actions.select_related("owner").order_by("pk"))
    return use


def open_escalations(case) -> QuerySet[Escalation]:
    """The case's items open at some level: a mandate use may decide one of them."""
    return (
        Escalation.objects.filter(case_id=case.pk, status=Status.OPEN)
        .select_related("request", "blocker__organisation")
        .order_by("pk")
    )
