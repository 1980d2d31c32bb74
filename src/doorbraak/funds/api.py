"""Funds (with their utilisation), payment orders and batches, with the SEPA and CSV files."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from doorbraak.api.fields import IdField
from doorbraak.text_validators import LimitedSerializerMixin

from . import export, queries, services
from .models import Fund, PaymentBatch, PaymentOrder
from .permissions import may_handle_payments


class FundSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    # A programme fund has no owner team.
    owner_team = serializers.CharField(
        source="owner_team.name", default=None, allow_null=True, read_only=True
    )
    categories = serializers.SlugRelatedField(slug_field="key", many=True, read_only=True)
    utilisation = serializers.SerializerMethodField()

    class Meta:
        model = Fund
        fields = [
            "id",
            "name",
            "owner_team",
            "programme",
            "period_start",
            "period_end",
            "total_budget",
            "ceiling_per_request",
            "ceiling_per_household",
            "categories",
            "recurring_allowed",
            "approval_policy",
            "active",
            "utilisation",
        ]

    def get_utilisation(self, obj) -> dict:
        return {key: str(value) for key, value in services.utilisation(obj).items()}


class PaymentOrderSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    request = serializers.CharField(source="request.reference", read_only=True)
    sequence = serializers.IntegerField(read_only=True)

    class Meta:
        model = PaymentOrder
        fields = [
            "id",
            "request",
            "fund",
            "sequence",
            "amount",
            "creditor_name",
            "creditor_iban",
            "remittance",
            "due_date",
            "status",
            "batch",
            "paid_at",
        ]


class BatchSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    orders = PaymentOrderSerializer(many=True, read_only=True)

    class Meta:
        model = PaymentBatch
        fields = [
            "id",
            "fund",
            "message_id",
            "created_at",
            "execution_date",
            "status",
            "paid_at",
            "orders",
        ]
        read_only_fields = ["message_id", "created_at", "execution_date", "status", "paid_at"]


class NewBatchSerializer(serializers.Serializer):
    fund = IdField()


def _fund_id(request) -> int:
    """The fund a new batch is for: a whole number in a JSON object, or a Dutch 400."""
    serializer = NewBatchSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data["fund"]


class FundViewSet(viewsets.ReadOnlyModelViewSet):
    """The team's own funds and the shared ones, as on the funds page."""

    serializer_class = FundSerializer
    queryset = Fund.objects.none()  # for the schema; see get_queryset

    def get_queryset(self):
        return queries.visible_funds(self.request.user).prefetch_related("categories")


def _handled_funds(user):
    return [f.pk for f in Fund.objects.all() if may_handle_payments(user, f)]


class PaymentOrderViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PaymentOrderSerializer
    queryset = PaymentOrder.objects.none()  # for the schema; see get_queryset

    def get_queryset(self):
        return (
            PaymentOrder.objects.filter(fund_id__in=_handled_funds(self.request.user))
            .select_related("request")
            .order_by("due_date", "id")
        )


class BatchViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = BatchSerializer
    queryset = PaymentBatch.objects.none()  # for the schema; see get_queryset

    def get_queryset(self):
        return (
            PaymentBatch.objects.filter(fund_id__in=_handled_funds(self.request.user))
            .prefetch_related("orders__request")
            .order_by("-created_at")
        )

    @extend_schema(
        request=NewBatchSerializer,
        responses={201: BatchSerializer},
    )
    def create(self, request, *args, **kwargs):
        fund = get_object_or_404(Fund, pk=_fund_id(request))
        if not may_handle_payments(request.user, fund):
            raise PermissionDenied()
        try:
            batch = services.batch_create(fund=fund, actor=request.user)
        except ValidationError as error:
            raise serializers.ValidationError({"fund": error.messages}) from None
        return Response(
            self.get_serializer(self.get_queryset().get(pk=batch.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        summary="SEPA-bestand (pain.001)", responses={(200, "application/xml"): OpenApiTypes.BINARY}
    )
    @action(detail=True, methods=["get"], url_path="pain001")
    def pain001(self, request, pk=None):
        batch = self.get_object()
        schema = request.query_params.get("schema", "pain.001.001.09")
        try:
            content = export.pain001(batch, schema=schema)
        except export.ExportError as error:
            raise serializers.ValidationError({"detail": str(error)}) from None
        response = HttpResponse(content, content_type="application/xml")
        response["Content-Disposition"] = f'attachment; filename="{export.filename(batch, "xml")}"'
        return response

    @extend_schema(
        summary="CSV voor het financiële systeem", responses={(200, "text/csv"): OpenApiTypes.STR}
    )
    @action(detail=True, methods=["get"], url_path="csv")
    def csv(self, request, pk=None):
        batch = self.get_object()
        response = HttpResponse(export.csv_export(batch), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{export.filename(batch, "csv")}"'
        return response

    @extend_schema(
        summary="Batch is betaald: boek het grootboek",
        request=None,
        responses={200: BatchSerializer},
    )
    @action(detail=True, methods=["post"], url_path="mark-paid")
    def mark_paid(self, request, pk=None):
        batch = self.get_object()
        services.batch_mark_paid(batch=batch, actor=request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=batch.pk)).data)
