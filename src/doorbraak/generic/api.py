"""Generic decisions and their outreach lists over the API, under the same rules as the pages
(access.py): decisions for the adviser and the belteam, created by the adviser; outreach rows
only for the belteam, every response with rows written to the processing log; an attempt is
recorded on a row."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from doorbraak.accounts.models import Organisation
from doorbraak.api.fields import IdRelatedField, MoneyField
from doorbraak.api.logged import ProcessingLogged
from doorbraak.home.queries import person_of
from doorbraak.learning.models import Pattern, Rule
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import origin_from_request
from doorbraak.text_validators import LimitedSerializerMixin

from . import access, queries, services
from .models import AttemptOutcome, GenericDecision, OutreachAttempt, OutreachRow, OutreachStatus


def _service_errors(error: ValidationError) -> ApiValidationError:
    return ApiValidationError(
        error.message_dict if hasattr(error, "error_dict") else error.messages
    )


class ProgressSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    to_call = serializers.IntegerField()
    reached = serializers.IntegerField()
    not_reached = serializers.IntegerField()
    declined = serializers.IntegerField()
    share_reached = serializers.IntegerField(help_text="Bereikt, in hele procenten van het totaal.")


class GenericDecisionSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    organisation = IdRelatedField(
        queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    catalogue_rule = IdRelatedField(
        queryset=Rule.objects.filter(active=True), required=False, allow_null=True
    )
    pattern = IdRelatedField(queryset=Pattern.objects.all(), required=False, allow_null=True)
    rule = serializers.CharField(required=False, allow_blank=True)
    period_start = serializers.DateField(required=False, allow_null=True)
    period_end = serializers.DateField(required=False, allow_null=True)
    max_amount = MoneyField(max_digits=12, decimal_places=2, required=False, allow_null=True)
    reference = serializers.CharField(read_only=True)
    progress = serializers.SerializerMethodField()

    class Meta:
        model = GenericDecision
        fields = [
            "id",
            "reference",
            "title",
            "organisation",
            "catalogue_rule",
            "rule",
            "period_start",
            "period_end",
            "max_amount",
            "reasons",
            "legal_ground",
            "pattern",
            "created_at",
            "refreshed_at",
            "progress",
        ]
        read_only_fields = ["created_at", "refreshed_at"]

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, decision) -> dict:
        progress = getattr(decision, "progress", None) or queries.progress_of(decision.pk)
        return ProgressSerializer(progress).data


@extend_schema_view(
    list=extend_schema(summary="Generieke besluiten (beleidsadviseur en belteam)"),
    retrieve=extend_schema(summary="Eén generiek besluit met de voortgang van de bellijst"),
    create=extend_schema(
        summary="Een generiek besluit nemen (beleidsadviseur)",
        description=(
            "Geef `organisation`, `rule` of `catalogue_rule`, `period_start`, `period_end`, "
            "`title` en `reasons`; `max_amount`, `legal_ground` en `pattern` mogen. De casussen "
            "met een knelpunt van die organisatie en regel binnen de periode komen op de bellijst."
        ),
    ),
)
class GenericDecisionViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = GenericDecisionSerializer
    queryset = GenericDecision.objects.none()

    def get_queryset(self):
        return queries.visible_decisions(self.request.user).order_by("-created_at", "-pk")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        rows = queries.with_progress(GenericDecision.objects.filter(pk__in=[d.pk for d in page]))
        rows.sort(key=lambda d: (d.created_at, d.pk), reverse=True)
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)

    def create(self, request, *args, **kwargs):
        if not access.may_create_generic(person_of(request.user)):
            raise PermissionDenied(_("Only a policy adviser takes a generic decision."))
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = {"rule": "", **serializer.validated_data}
        for field in ("organisation", "catalogue_rule", "period_start", "period_end"):
            values.setdefault(field, None)
        try:
            decision = services.decision_create(
                actor=request.user, origin=origin_from_request(request), **values
            )
        except ValidationError as error:
            raise _service_errors(error) from None
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        return Response(self.get_serializer(decision).data, status=status.HTTP_201_CREATED)


class OutreachRowSerializer(serializers.ModelSerializer):
    case_reference = serializers.CharField(source="case.reference", read_only=True)

    class Meta:
        model = OutreachRow
        fields = [
            "id",
            "decision",
            "case",
            "case_reference",
            "status",
            "attempts",
            "last_attempt_at",
            "added_at",
        ]
        read_only_fields = fields


class AttemptSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    outcome = serializers.ChoiceField(choices=AttemptOutcome.choices)
    at = serializers.DateTimeField(required=False)

    class Meta:
        model = OutreachAttempt
        fields = ["id", "row", "outcome", "note", "at"]
        read_only_fields = ["id", "row"]


@extend_schema_view(
    list=extend_schema(
        summary="De bellijst: huishoudens van generieke besluiten (alleen het belteam)",
        parameters=[
            OpenApiParameter("decision", int, description="Alleen de rijen van dit besluit."),
            OpenApiParameter(
                "status", str, enum=OutreachStatus.values, description="Alleen deze status."
            ),
        ],
    ),
    retrieve=extend_schema(summary="Eén rij van de bellijst"),
)
class OutreachRowViewSet(ProcessingLogged, viewsets.ReadOnlyModelViewSet):
    """Rows of outreach lists for the belteam (access.py); each response is written to the
    processing log per data subject. A row refers to its case by id."""

    # Listing and reading, with the processing log, come from api/logged.py.

    log_activity = Activity.API_OUTREACH
    log_object_type = "outreach-row"
    serializer_class = OutreachRowSerializer
    queryset = OutreachRow.objects.none()

    def get_queryset(self):
        rows = queries.all_visible_rows(self.request.user).select_related("case")
        decision = self.request.query_params.get("decision")
        if decision is not None:
            if not decision.isdigit() or len(decision) > 18:
                raise ApiValidationError({"decision": [_("Give the id of a generic decision.")]})
            rows = rows.filter(decision_id=int(decision))
        wanted = self.request.query_params.get("status")
        if wanted is not None and wanted not in OutreachStatus.values:
            raise ApiValidationError({"status": [_("This outreach status does not exist.")]})
        if wanted:
            rows = rows.filter(status=wanted)
        return rows.order_by("decision_id", "id")

    @extend_schema(
        summary="Een belpoging vastleggen (bereikt, geen gehoor, geweigerd)",
        request=AttemptSerializer,
        responses={201: OutreachRowSerializer},
    )
    @action(detail=True, methods=["post"], url_path="attempts")
    def attempts(self, request, pk=None):
        row = self.get_logged(pk)
        serializer = AttemptSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            services.attempt_record(
                actor=request.user,
                row=row,
                origin=origin_from_request(request),
                **serializer.validated_data,
            )
        except ValidationError as error:
            raise _service_errors(error) from None
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        row.refresh_from_db()
        return Response(self.get_serializer(row).data, status=status.HTTP_201_CREATED)
