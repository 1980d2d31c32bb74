"""Funds (with their utilisation), payment orders and batches, with the SEPA and CSV files."""

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from doorbraak.api.auth import refuse_unless_reauthenticated
from doorbraak.api.conflict import Conflict
from doorbraak.api.fields import IdField
from doorbraak.api.logged import ProcessingLogged
from doorbraak.home.menu import may_see_funds
from doorbraak.home.queries import person_of
from doorbraak.privacy import subjects
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_request
from doorbraak.proposals import lifecycle
from doorbraak.text_validators import LimitedSerializerMixin

from . import export, queries, services
from .forms import REASON_MAX
from .models import Fund, PaymentBatch, PaymentOrder


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
            "cancelled_at",
            "cancel_reason",
            "orders",
        ]
        read_only_fields = [
            "message_id",
            "created_at",
            "execution_date",
            "status",
            "paid_at",
            "cancelled_at",
            "cancel_reason",
        ]


class CancelBatchSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=REASON_MAX)


class SeesFunds(BasePermission):
    """As on the funds pages: partners at the table and enforcement see no funds (home/menu.py)."""

    message = gettext_lazy("Funds are for the teams and the municipality's roles.")

    def has_permission(self, request, view) -> bool:
        return may_see_funds(person_of(request.user))


FUND_PERMISSIONS = [IsAuthenticated, SeesFunds]


class NewBatchSerializer(serializers.Serializer):
    fund = IdField()


def _fund_id(request) -> int:
    """The fund a new batch is for: a whole number in a JSON object, or a Dutch 400."""
    serializer = NewBatchSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data["fund"]


class FundViewSet(viewsets.ReadOnlyModelViewSet):
    """The team's own funds and the shared ones, as on the funds page."""

    permission_classes = FUND_PERMISSIONS
    serializer_class = FundSerializer
    queryset = Fund.objects.none()  # for the schema; see get_queryset

    def get_queryset(self):
        return queries.visible_funds(self.request.user).prefetch_related("categories")


class HandledOnly(ProcessingLogged):
    # Orders and batches of the funds whose money this person handles (permissions.py); any
    # other id is a Dutch 404, as for a fund they cannot see. Creditor, IBAN and remittance
    # are about the households of the orders' requests: every read and action is logged per
    # member (api/logged.py), a refused id as DENIED.
    log_activity = Activity.API_PAYMENTS

    def get_object(self):
        pk = str(self.kwargs.get("pk", ""))
        obj = self.get_queryset().filter(pk=int(pk)).first() if pk.isdigit() else None
        if obj is None:
            self.log([], object_id=pk[:64], result=Outcome.DENIED)
            raise NotFound(_("No payment or batch of a fund whose payments you handle."))
        self.check_object_permissions(self.request, obj)
        return obj

    def get_logged(self, pk):
        return self.get_object()  # a refusal is logged there


class PaymentOrderViewSet(HandledOnly, viewsets.ReadOnlyModelViewSet):
    """Payment orders of the funds whose money you handle: a team leader the team's funds, a
    project leader the programme funds of their organisation. Any other id answers 404."""

    permission_classes = FUND_PERMISSIONS
    serializer_class = PaymentOrderSerializer
    queryset = PaymentOrder.objects.none()  # for the schema; see get_queryset
    log_object_type = "payment-order"

    def log_subject_ids(self, objects) -> list:
        return subjects.of_requests([order.request_id for order in objects])

    def get_queryset(self):
        return (
            queries.handled_orders(self.request.user)
            .select_related("request")
            .order_by("due_date", "id")
        )


class BatchViewSet(HandledOnly, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Payment batches of the funds whose money you handle (as for payment orders), with their
    SEPA and CSV files and "mark paid". Any other fund or batch answers 404."""

    permission_classes = FUND_PERMISSIONS
    serializer_class = BatchSerializer
    queryset = PaymentBatch.objects.none()  # for the schema; see get_queryset
    log_object_type = "payment-batch"

    def log_subject_ids(self, objects) -> list:
        # The orders are prefetched (get_queryset) for the answer: no query for them here.
        return subjects.of_requests([o.request_id for b in objects for o in b.orders.all()])

    def get_queryset(self):
        return (
            queries.handled_batches(self.request.user)
            .prefetch_related("orders__request")
            .order_by("-created_at")
        )

    @extend_schema(
        request=NewBatchSerializer,
        responses={201: BatchSerializer},
    )
    def create(self, request, *args, **kwargs):
        # 404, not 403, for a fund whose money this person does not handle (permissions.py).
        fund = queries.handled_funds(request.user).filter(pk=_fund_id(request)).first()
        if fund is None:
            raise NotFound(_("No fund whose payments you handle has this number."))
        # Re-authentication above DOORBRAAK_REAUTH_ABOVE, as funds/views.batch_new (issue 16).
        due = lifecycle.batchable_orders(fund)  # what the batch takes, not later instalments
        refuse_unless_reauthenticated(request, due.aggregate(s=Sum("amount"))["s"])
        try:
            batch = lifecycle.batch_create(fund=fund, actor=request.user)
        except ValidationError as error:
            raise serializers.ValidationError({"fund": error.messages}) from None
        batch = self.get_queryset().get(pk=batch.pk)
        self.log([batch], action="create", object_id=batch.pk)
        return Response(self.get_serializer(batch).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="SEPA-bestand (pain.001)", responses={(200, "application/xml"): OpenApiTypes.BINARY}
    )
    @action(detail=True, methods=["get"], url_path="pain001")
    def pain001(self, request, pk=None, format=None):
        batch = self._exportable()
        schema = request.query_params.get("schema", "pain.001.001.09")
        try:
            content = export.pain001(batch, schema=schema)
        except export.ExportError as error:
            raise serializers.ValidationError({"detail": str(error)}) from None
        self.log([batch], action="export", object_id=batch.pk)
        response = HttpResponse(content, content_type="application/xml")
        response["Content-Disposition"] = f'attachment; filename="{export.filename(batch, "xml")}"'
        return response

    @extend_schema(
        summary="CSV voor het financiële systeem", responses={(200, "text/csv"): OpenApiTypes.STR}
    )
    @action(detail=True, methods=["get"], url_path="csv")
    def csv(self, request, pk=None, format=None):
        batch = self._exportable()
        content = export.csv_export(batch)
        self.log([batch], action="export", object_id=batch.pk)
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{export.filename(batch, "csv")}"'
        return response

    @extend_schema(
        summary="Batch is betaald: boek het grootboek",
        request=None,
        responses={200: BatchSerializer},
    )
    @action(detail=True, methods=["post"], url_path="mark-paid")
    def mark_paid(self, request, pk=None, format=None):
        batch = self.get_object()
        refuse_unless_reauthenticated(request, batch.orders.aggregate(s=Sum("amount"))["s"])
        try:
            lifecycle.batch_mark_paid(batch=batch, actor=request.user)
        except lifecycle.MoneyConflict as error:
            raise Conflict(error.message) from None
        batch = self.get_queryset().get(pk=batch.pk)
        self.log([batch], action="update", object_id=batch.pk)
        return Response(self.get_serializer(batch).data)

    @extend_schema(
        summary="Batch annuleren: betalingen terug naar de volgende batch",
        request=CancelBatchSerializer,
        responses={200: BatchSerializer},
    )
    @action(detail=True, methods=["post"], url_path="cancel")
    def cancel(self, request, pk=None, format=None):
        batch = self.get_object()
        serializer = CancelBatchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        affected = self.log_subject_ids([batch])  # the cancel takes the orders out of the batch
        try:
            lifecycle.batch_cancel(batch=batch, actor=request.user, **serializer.validated_data)
        except ValidationError as error:
            raise serializers.ValidationError({"reason": error.messages}) from None
        except lifecycle.MoneyConflict as error:
            raise Conflict(error.message) from None
        log_request(request, self.log_activity, "update", "payment-batch", batch.pk, affected)
        return Response(self.get_serializer(self.get_queryset().get(pk=batch.pk)).data)

    def _exportable(self) -> PaymentBatch:
        batch = self.get_object()
        # Re-authentication above DOORBRAAK_REAUTH_ABOVE, as funds/views.batch_file (issue 16).
        amount = batch.orders.aggregate(s=Sum("amount"))["s"]
        refuse_unless_reauthenticated(self.request, amount)
        refusal = queries.export_refusal(batch)
        if refusal:
            raise Conflict(refusal)
        return batch
