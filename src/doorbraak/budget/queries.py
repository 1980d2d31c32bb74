"""Reads shared by the budget pages and the API. Who sees a budget check or a plan: whoever
may see its case (`cases.queries.visible_cases`, one SQL filter)."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from doorbraak.cases.queries import visible_cases

from .models import BudgetCheck, PaymentPlan, PlanShare

SHORT = 5


def visible_checks(user) -> QuerySet[BudgetCheck]:
    if not (user and user.is_authenticated and user.is_active):
        return BudgetCheck.objects.none()
    return BudgetCheck.objects.filter(case_id__in=visible_cases(user).values("pk"))


def visible_plans(user) -> QuerySet[PaymentPlan]:
    if not (user and user.is_authenticated and user.is_active):
        return PaymentPlan.objects.none()
    return PaymentPlan.objects.filter(budget_check__case_id__in=visible_cases(user).values("pk"))


def check_list(user) -> QuerySet[BudgetCheck]:
    return (
        visible_checks(user)
        .select_related("case__household", "created_by")
        .order_by("-created_at", "-pk")
    )


def recent_checks(user) -> list[BudgetCheck]:
    """The start page's short list: the newest checks of the cases you are key worker of."""
    return list(
        check_list(user).filter(case__key_worker_id=user.pk)[:SHORT]
        if user.is_authenticated
        else []
    )


def with_lines(queryset):
    return queryset.select_related("case__household", "created_by").prefetch_related(
        "incomes",
        "costs",
        "debts",
        Prefetch("plans", queryset=PaymentPlan.objects.select_related("created_by")),
    )


def check_detail(user, pk) -> BudgetCheck:
    try:
        return with_lines(visible_checks(user)).get(pk=pk)
    except (BudgetCheck.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None


def plan_detail(user, pk) -> PaymentPlan:
    try:
        return (
            visible_plans(user)
            .select_related("budget_check__case__household", "norm", "created_by")
            .prefetch_related(Prefetch("shares", queryset=PlanShare.objects.order_by("pk")))
            .get(pk=pk)
        )
    except (PaymentPlan.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
