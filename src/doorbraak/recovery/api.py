"""The hersteloperatie mark and forgiven debts over the API, only for those who may see the
case (the case's visibility), every read and write processing-logged. Approvers' API
(approvals/) never carries the mark."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from doorbraak.api.fields import IdRelatedField, MoneyField
from doorbraak.api.logged import ProcessingLogged
from doorbraak.cases.models import Case, Member
from doorbraak.cases.queries import subject_ids_of_cases, visible_cases
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import origin_from_request
from doorbraak.text_validators import LimitedSerializerMixin

from . import queries, services
from .models import ForgivenDebt, RecoveryMark


def _service_call(call, **kwargs):
    try:
        return call(**kwargs)
    except ValidationError as error:
        raise serializers.ValidationError(
            error.message_dict if hasattr(error, "error_dict") else error.messages
        ) from None
    except DjangoPermissionDenied as error:
        raise PermissionDenied(str(error)) from None


class RecoveryMarkSerializer(serializers.ModelSerializer):
    case = IdRelatedField(queryset=Case.objects.none(), write_only=True)

    class Meta:
        model = RecoveryMark
        fields = ["id", "case", "household", "source", "marked_on", "recorded_at"]
        read_only_fields = ["household", "recorded_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["case"].queryset = visible_cases(request.user)


class RecoveryMarkViewSet(ProcessingLogged, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Active "gedupeerde hersteloperatie" marks of households whose case you may see."""

    serializer_class = RecoveryMarkSerializer
    queryset = RecoveryMark.objects.none()
    log_activity = Activity.API_RECOVERY
    log_object_type = "recovery-mark"

    def get_queryset(self):
        return queries.visible_marks(self.request.user).order_by("pk")

    def log_subject_ids(self, objects):
        households = {mark.household_id for mark in objects}
        return list(
            Member.objects.filter(household_id__in=households).values_list("subject_id", flat=True)
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        mark = _service_call(
            services.mark_record,
            actor=request.user,
            origin=origin_from_request(request),
            case=data["case"],
            source=data["source"],
            marked_on=data["marked_on"],
        )
        return Response(self.get_serializer(mark).data, status=status.HTTP_201_CREATED)


class ForgivenDebtSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    case = IdRelatedField(queryset=Case.objects.none())
    amount = MoneyField(max_digits=12, decimal_places=2)

    class Meta:
        model = ForgivenDebt
        fields = ["id", "case", "creditor", "amount", "status", "status_date", "recorded_at"]
        read_only_fields = ["recorded_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["case"].queryset = visible_cases(request.user)


class ForgivenDebtViewSet(ProcessingLogged, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Debts forgiven per creditor, of the cases you may see."""

    serializer_class = ForgivenDebtSerializer
    queryset = ForgivenDebt.objects.none()
    log_activity = Activity.API_RECOVERY
    log_object_type = "forgiven-debt"

    def get_queryset(self):
        return queries.visible_debts(self.request.user).select_related("case").order_by("pk")

    def log_subject_ids(self, objects):
        return subject_ids_of_cases([debt.case for debt in objects])

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        debt = _service_call(
            services.debt_record,
            actor=request.user,
            origin=origin_from_request(request),
            **serializer.validated_data,
        )
        return Response(self.get_serializer(debt).data, status=status.HTTP_201_CREATED)
