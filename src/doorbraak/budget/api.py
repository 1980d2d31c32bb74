"""Budget checks and payment plans over the API, under the same rules as the pages: seen by
whoever sees the case, written by the professionals on it through services.py (same
refusals, same Dutch words), every read and write processing-logged. Amounts are strings
with a point ("1234.56"), as everywhere in the API."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from doorbraak.api.fields import IdRelatedField, MoneyField, WholeNumberField
from doorbraak.api.logged import ProcessingLogged
from doorbraak.cases.models import Case
from doorbraak.cases.queries import subject_ids_of_cases, visible_cases
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import origin_from_request
from doorbraak.text_validators import LimitedSerializerMixin

from . import queries, services
from .models import (
    BudgetCheck,
    CostKind,
    Debt,
    DebtKind,
    FixedCost,
    HouseholdKind,
    Income,
    IncomeKind,
    PaymentPlan,
    PlanShare,
)
from .plan import MAX_MONTHS

MONTHS_MESSAGE = _("A payment plan runs for at least 1 and at most 36 months.")


def _dutch(error: ValidationError) -> serializers.ValidationError:
    if not hasattr(error, "error_dict"):
        return serializers.ValidationError({"non_field_errors": error.messages})
    return serializers.ValidationError(
        {("non_field_errors" if k == "__all__" else k): v for k, v in error.message_dict.items()}
    )


def _money(**kwargs):
    return MoneyField(max_digits=12, decimal_places=2, min_value=0, **kwargs)


class IncomeSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=IncomeKind.choices)
    amount = _money()

    class Meta:
        model = Income
        fields = ["kind", "amount"]


class CostSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=CostKind.choices)
    amount = _money()

    class Meta:
        model = FixedCost
        fields = ["kind", "amount"]


class DebtSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=DebtKind.choices)
    amount = MoneyField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))
    arrears = _money(required=False, default="0.00")
    priority = serializers.BooleanField(source="is_priority", read_only=True)

    class Meta:
        model = Debt
        fields = ["id", "creditor", "kind", "amount", "arrears", "priority"]
        read_only_fields = ["id"]


class CapacitySerializer(serializers.Serializer):
    norm = MoneyField(max_digits=12, decimal_places=2, read_only=True, allow_null=True)
    income = _money(read_only=True)
    base = _money(read_only=True)
    housing_correction = _money(read_only=True)
    health_correction = _money(read_only=True)
    voet = _money(read_only=True)
    capacity = _money(read_only=True)


class BudgetCheckSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    case = IdRelatedField(queryset=Case.objects.none())
    household_kind = serializers.ChoiceField(choices=HouseholdKind.choices)
    pension_age = serializers.BooleanField(required=False, default=False)
    incomes = IncomeSerializer(many=True, required=False)
    costs = CostSerializer(many=True, required=False)
    debts = DebtSerializer(many=True, required=False)
    result = serializers.SerializerMethodField()

    class Meta:
        model = BudgetCheck
        fields = [
            "id",
            "reference",
            "case",
            "household_kind",
            "pension_age",
            "checked_on",
            "incomes",
            "costs",
            "debts",
            "result",
            "created_by",
            "created_at",
        ]
        read_only_fields = ["created_by", "created_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["case"].queryset = visible_cases(request.user)

    @extend_schema_field(CapacitySerializer(allow_null=True))
    def get_result(self, check):
        norm, result = services.compute(
            check, check.incomes.all(), check.costs.all(), norms=self.context.get("norms")
        )
        if result is None:
            return None
        return CapacitySerializer(
            {
                "norm": norm.amount,
                "income": result.income,
                "base": result.base,
                "housing_correction": result.housing_correction,
                "health_correction": result.health_correction,
                "voet": result.voet,
                "capacity": result.capacity,
            }
        ).data


class ShareSerializer(serializers.ModelSerializer):
    debt = serializers.IntegerField(source="debt_id", read_only=True)
    owed = _money(read_only=True)
    total = _money(read_only=True)
    monthly = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = PlanShare
        fields = ["id", "debt", "creditor", "priority", "owed", "total", "monthly"]


class PaymentPlanSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    budget_check = IdRelatedField(queryset=BudgetCheck.objects.none())
    months_asked = WholeNumberField(
        min_value=1,
        max_value=MAX_MONTHS,
        required=False,
        default=MAX_MONTHS,
        error_messages={
            "min_value": MONTHS_MESSAGE,
            "max_value": MONTHS_MESSAGE,
        },
    )
    priority_first = serializers.BooleanField(required=False, default=False)
    capacity = _money(read_only=True)
    voet = _money(read_only=True)
    shares = ShareSerializer(many=True, read_only=True)

    class Meta:
        model = PaymentPlan
        fields = [
            "id",
            "reference",
            "budget_check",
            "months_asked",
            "months",
            "priority_first",
            "capacity",
            "voet",
            "norm",
            "shares",
            "created_by",
            "created_at",
        ]
        read_only_fields = ["months", "norm", "created_by", "created_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["budget_check"].queryset = queries.visible_checks(request.user)


class _Writes:
    def call(self, service, **kwargs):
        try:
            return service(
                actor=self.request.user, origin=origin_from_request(self.request), **kwargs
            )
        except ValidationError as error:
            raise _dutch(error) from None
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from None


@extend_schema_view(
    list=extend_schema(summary="Budgetchecks van de casussen die je mag zien"),
    retrieve=extend_schema(
        summary="Eén budgetcheck met inkomsten, vaste lasten, schulden en de aflossingscapaciteit"
    ),
    create=extend_schema(summary="Budgetcheck vastleggen met alle regels tegelijk"),
)
class BudgetCheckViewSet(_Writes, ProcessingLogged, viewsets.ReadOnlyModelViewSet):
    log_activity = Activity.API_BUDGET
    log_object_type = "budget-check"
    serializer_class = BudgetCheckSerializer
    queryset = BudgetCheck.objects.none()

    def get_queryset(self):
        return (
            queries.visible_checks(self.request.user)
            .select_related("case")
            .prefetch_related("incomes", "costs", "debts")
            .order_by("-created_at", "-pk")
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "norms": services.all_norms()}

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        check = self.call(services.check_create, **serializer.validated_data)
        check = self.get_queryset().get(pk=check.pk)
        return Response(self.get_serializer(check).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Betalingsregelingen van de casussen die je mag zien"),
    retrieve=extend_schema(
        summary="Eén betalingsregeling met de bedragen per schuldeiser per maand"
    ),
    create=extend_schema(summary="Betalingsregeling voorstellen voor een budgetcheck"),
)
class PaymentPlanViewSet(_Writes, ProcessingLogged, viewsets.ReadOnlyModelViewSet):
    log_activity = Activity.API_BUDGET
    log_object_type = "payment-plan"
    serializer_class = PaymentPlanSerializer
    queryset = PaymentPlan.objects.none()

    def get_queryset(self):
        return (
            queries.visible_plans(self.request.user)
            .select_related("budget_check__case")
            .prefetch_related("shares")
            .order_by("-created_at", "-pk")
        )

    def log_subject_ids(self, objects):
        return subject_ids_of_cases([plan.budget_check.case for plan in objects])

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        plan = self.call(
            services.plan_propose,
            check=data["budget_check"],
            months=data["months_asked"],
            priority_first=data["priority_first"],
        )
        plan = self.get_queryset().get(pk=plan.pk)
        return Response(self.get_serializer(plan).data, status=status.HTTP_201_CREATED)
