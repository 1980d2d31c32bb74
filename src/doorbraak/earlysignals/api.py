"""Payment-arrears signals over the API, under the same rules as the pages: the signals of
the caller's municipality for who works or imports them; a step in the funnel for who works
them; the funnel per month per sender kind. The person's contact details only in the read of
one signal, and every read is in the processing log."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from doorbraak.api.logged import ProcessingLogged
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_request

from . import queries, services, workflow
from .models import CloseReason, Method, Signal, SignalEvent, SignalStatus


class EarlySignalEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = SignalEvent
        fields = ["on", "status", "method", "note", "at"]


class EarlySignalSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    overdue = serializers.SerializerMethodField()
    # Empty until the signal is closed: the schema says so (an enum or "").
    close_reason = serializers.ChoiceField(
        choices=Signal._meta.get_field("close_reason").choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Signal
        fields = [
            "id",
            "reference",
            "sender_kind",
            "creditor",
            "amount",
            "arrear_date",
            "received_on",
            "times_received",
            "status",
            "overdue",
            "first_attempt_on",
            "reached_on",
            "accepted_on",
            "closed_on",
            "close_reason",
            "case",
        ]
        read_only_fields = fields

    def get_overdue(self, obj) -> bool:
        return workflow.is_overdue(
            obj.status, obj.received_on, timezone.localdate(), services.first_contact_days()
        )


class EarlySignalContactSerializer(serializers.Serializer):
    naam = serializers.CharField()
    geboortedatum = serializers.DateField()
    postcode = serializers.CharField()
    huisnummer = serializers.CharField()
    telefoon = serializers.CharField(allow_blank=True)
    email = serializers.CharField(allow_blank=True)


class EarlySignalDetailSerializer(EarlySignalSerializer):
    contact = serializers.SerializerMethodField()
    events = EarlySignalEventSerializer(many=True, read_only=True)

    class Meta(EarlySignalSerializer.Meta):
        fields = [*EarlySignalSerializer.Meta.fields, "contact", "events"]
        read_only_fields = fields

    @extend_schema_field(EarlySignalContactSerializer)
    def get_contact(self, obj) -> dict:
        return services.contact_of(obj)


class EarlySignalStepSerializer(serializers.Serializer):
    status = serializers.ChoiceField([s for s in SignalStatus.values if s != workflow.RECEIVED])
    method = serializers.ChoiceField(Method.choices, required=False, allow_blank=True, default="")
    reason = serializers.ChoiceField(
        CloseReason.choices, required=False, allow_blank=True, default=""
    )
    on = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


def _dutch(error: ValidationError) -> serializers.ValidationError:
    if hasattr(error, "error_dict"):
        return serializers.ValidationError(
            {
                ("non_field_errors" if k == "__all__" else k): v
                for k, v in error.message_dict.items()
            }
        )
    return serializers.ValidationError({"non_field_errors": error.messages})


FunnelRow = inline_serializer(
    "EarlySignalFunnelRow",
    {
        "month": serializers.DateField(),
        "sender_kind": serializers.CharField(),
        "received": serializers.IntegerField(),
        "approached": serializers.IntegerField(),
        "reached": serializers.IntegerField(),
        "accepted": serializers.IntegerField(),
    },
    many=True,
)


@extend_schema_view(
    list=extend_schema(summary="Signalen van betalingsachterstanden van je gemeente"),
    retrieve=extend_schema(summary="Eén signaal met contactgegevens en geschiedenis"),
)
class EarlySignalViewSet(ProcessingLogged, viewsets.ReadOnlyModelViewSet):
    log_activity = Activity.API_EARLY_SIGNALS
    log_object_type = "early-signal"
    queryset = Signal.objects.none()

    def get_serializer_class(self):
        return EarlySignalDetailSerializer if self.action == "retrieve" else EarlySignalSerializer

    def get_queryset(self):
        queryset = queries.visible_signals(self.request.user)
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("events")
        return queryset.order_by("received_on", "pk")

    def log_subject_ids(self, objects) -> list:
        return [services.subject_id(obj) for obj in objects]

    @extend_schema(
        summary="Een stap in de trechter: benaderd (met hoe), bereikt, hulp geaccepteerd of "
        "afgesloten (met reden)",
        request=EarlySignalStepSerializer,
        responses={200: EarlySignalSerializer},
    )
    @action(detail=True, methods=["post"])
    def step(self, request, pk=None, format=None):
        signal = self.get_logged(pk)
        serializer = EarlySignalStepSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            signal = services.signal_step(
                actor=request.user, signal=signal, **serializer.validated_data
            )
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from None
        except ValidationError as error:
            raise _dutch(error) from None
        self.log([signal], action="update", object_id=signal.pk)
        return Response(EarlySignalSerializer(signal).data)

    @extend_schema(
        summary="De trechter per maand per soort afzender: ontvangen, benaderd, bereikt, hulp "
        "geaccepteerd (aantallen, geen persoonsgegevens)",
        responses={200: FunnelRow},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def funnel(self, request, format=None):
        by_kind = queries.funnel(queries.visible_signals(request.user))
        rows = [
            {
                "month": month,
                "sender_kind": kind,
                "received": f.received,
                "approached": f.approached,
                "reached": f.reached,
                "accepted": f.accepted,
            }
            for kind, months in by_kind.items()
            for month, f in months
        ]
        log_request(request, Activity.API_EARLY_SIGNALS, "read", "early-signal-funnel", "", [])
        return Response(rows)


__all__ = ["EarlySignalViewSet"]
