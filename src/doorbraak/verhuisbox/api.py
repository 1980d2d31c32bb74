"""VerhuisboxPlus trajectories over the API, under the same rules as the pages: a trajectory is
seen by whoever sees its case; registering and every step go through services.py (same
refusals, same Dutch words) and are processing-logged, reads by `ProcessingLogged`."""

from django.core.exceptions import PermissionDenied, ValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from doorbraak import text_limits as limits
from doorbraak.api.fields import IdRelatedField, MoneyField
from doorbraak.api.logged import ProcessingLogged
from doorbraak.cases.models import Case
from doorbraak.cases.queries import visible_cases
from doorbraak.funds.models import Fund
from doorbraak.funds.queries import visible_funds
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import origin_from_request
from doorbraak.text_validators import LimitedSerializerMixin

from . import queries, services
from .models import Cost, CostKind, HousingSite, StopReason, Trajectory


def _dutch(error: ValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(
        {("non_field_errors" if k == "__all__" else k): v for k, v in error.message_dict.items()}
    )


class SiteSerializer(serializers.ModelSerializer):
    class Meta:
        model = HousingSite
        fields = ["id", "name", "fee", "registered_on"]


class TrajectoryCostSerializer(serializers.ModelSerializer):
    class Meta:
        model = Cost
        fields = ["id", "kind", "amount", "supplier", "paid_on", "fund", "ref"]


class TrajectorySerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    case = IdRelatedField(queryset=Case.objects.none())
    fund = IdRelatedField(queryset=Fund.objects.none())
    registered_on = serializers.DateField()
    days_to_housing = serializers.IntegerField(read_only=True, allow_null=True)
    sites = SiteSerializer(many=True, read_only=True)
    costs = TrajectoryCostSerializer(many=True, read_only=True)
    stop_reason = serializers.ChoiceField(
        choices=StopReason.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Trajectory
        fields = [
            "id",
            "reference",
            "case",
            "fund",
            "status",
            "registered_on",
            "intensive_help",
            "no_heavy_addiction",
            "no_large_debts",
            "landlord_statement",
            "advice_on",
            "goals",
            "regions",
            "voluntary_discussed",
            "sites",
            "costs",
            "handover_municipality",
            "handover_contact",
            "handover_shared",
            "handover_consent_by",
            "handover_on",
            "bijstand_action",
            "housed_on",
            "days_to_housing",
            "ended_on",
            "stop_reason",
            "stop_note",
            "created_by",
            "created_at",
        ]
        read_only_fields = [
            "status",
            "advice_on",
            "goals",
            "regions",
            "voluntary_discussed",
            "handover_municipality",
            "handover_contact",
            "handover_shared",
            "handover_consent_by",
            "handover_on",
            "bijstand_action",
            "housed_on",
            "ended_on",
            "stop_note",
            "created_by",
            "created_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            self.fields["case"].queryset = visible_cases(request.user)
            self.fields["fund"].queryset = visible_funds(request.user)


def _text(max_length=limits.TEXT):
    return serializers.CharField(allow_blank=True, max_length=max_length)


class AdviceSerializer(serializers.Serializer):
    advice_on = serializers.DateField()
    goals = _text()
    regions = _text()
    voluntary_discussed = serializers.BooleanField()


class SiteInSerializer(serializers.Serializer):
    name = _text(limits.NAME)
    fee = MoneyField(max_digits=9, decimal_places=2)
    registered_on = serializers.DateField()


class CostInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CostKind.choices)
    amount = MoneyField(max_digits=9, decimal_places=2)
    supplier = _text(limits.NAME)
    paid_on = serializers.DateField()


class StopSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=StopReason.choices)
    note = _text()
    ended_on = serializers.DateField()


class HousedSerializer(serializers.Serializer):
    housed_on = serializers.DateField()


class HandoverSerializer(serializers.Serializer):
    municipality = _text(limits.NAME)
    contact_person = _text(limits.NAME)
    shared = _text()
    consent_by = _text(limits.SHORT_TEXT)
    handover_on = serializers.DateField()


class BijstandSerializer(serializers.Serializer):
    due_date = serializers.DateField()


def _step_schema(summary, request):
    return extend_schema(summary=summary, request=request, responses={200: TrajectorySerializer})


@extend_schema_view(
    list=extend_schema(summary="VerhuisboxPlus-trajecten van casussen die je mag zien"),
    retrieve=extend_schema(summary="Eén VerhuisboxPlus-traject"),
    create=extend_schema(summary="Huishouden aanmelden voor VerhuisboxPlus (intakecriteria)"),
)
class TrajectoryViewSet(ProcessingLogged, viewsets.ReadOnlyModelViewSet):
    log_activity = Activity.API_VERHUISBOX
    log_object_type = "verhuisbox-trajectory"
    serializer_class = TrajectorySerializer
    queryset = Trajectory.objects.none()

    def get_queryset(self):
        return (
            queries.visible_trajectories(self.request.user)
            .select_related("case")
            .prefetch_related("sites", "costs")
            .order_by("-registered_on", "-pk")
        )

    def _call(self, service, **kwargs):
        try:
            return service(
                actor=self.request.user, origin=origin_from_request(self.request), **kwargs
            )
        except ValidationError as error:
            raise _dutch(error) from None
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from None

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = {
            k: serializer.validated_data.get(k, default)
            for k, default in (
                ("case", None),
                ("fund", None),
                ("registered_on", None),
                ("no_heavy_addiction", False),
                ("no_large_debts", False),
                ("landlord_statement", False),
                ("intensive_help", True),
            )
        }
        trajectory = self._call(services.trajectory_register, **data)
        return Response(
            self.get_serializer(self.get_queryset().get(pk=trajectory.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    def _step(self, pk, serializer_class, service):
        trajectory = self.get_logged(pk)
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        self._call(service, trajectory=trajectory, **serializer.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=trajectory.pk)).data)

    @_step_schema("Adviesgesprek vastleggen (vrijwilligheid besproken)", AdviceSerializer)
    @action(detail=True, methods=["post"])
    def advice(self, request, pk=None, format=None):
        return self._step(pk, AdviceSerializer, services.advice_record)

    @_step_schema("Inschrijving op een woonsite; inschrijfkosten in natura", SiteInSerializer)
    @action(detail=True, methods=["post"])
    def sites(self, request, pk=None, format=None):
        return self._step(pk, SiteInSerializer, services.site_add)

    @_step_schema("Kosten in natura betalen uit het fonds", CostInSerializer)
    @action(detail=True, methods=["post"])
    def costs(self, request, pk=None, format=None):
        return self._step(pk, CostInSerializer, services.cost_add)

    @_step_schema("Gehuisvest op datum", HousedSerializer)
    @action(detail=True, methods=["post"])
    def housed(self, request, pk=None, format=None):
        return self._step(pk, HousedSerializer, services.trajectory_housed)

    @_step_schema("Overdracht aan de ontvangende gemeente", HandoverSerializer)
    @action(detail=True, methods=["post"])
    def handover(self, request, pk=None, format=None):
        return self._step(pk, HandoverSerializer, services.handover_record)

    @_step_schema("Extra maand bijstand als actie", BijstandSerializer)
    @action(detail=True, methods=["post"])
    def bijstand(self, request, pk=None, format=None):
        return self._step(pk, BijstandSerializer, services.bijstand_extend)

    @_step_schema("Niet gestart of gestopt, met reden", StopSerializer)
    @action(detail=True, methods=["post"])
    def stop(self, request, pk=None, format=None):
        return self._step(pk, StopSerializer, services.trajectory_stop)
