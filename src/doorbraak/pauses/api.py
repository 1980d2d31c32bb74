"""Pauses over the API, under the same rules as the pages: a pause is seen by whoever sees its
case and by the W&I roles of its organisation; pausing, approving and reviewing go through
services.py (same refusals, same Dutch words) and are processing-logged."""

from django.core.exceptions import PermissionDenied, ValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from doorbraak.accounts.models import Organisation
from doorbraak.api.fields import IdRelatedField
from doorbraak.api.logged import ProcessingLogged
from doorbraak.cases.models import Case
from doorbraak.cases.queries import visible_cases
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import origin_from_request
from doorbraak.text_validators import LimitedSerializerMixin

from . import queries, services
from .models import Measure, Outcome, Pause


def _dutch(error: ValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(
        {("non_field_errors" if k == "__all__" else k): v for k, v in error.message_dict.items()}
    )


class PauseSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    case = IdRelatedField(queryset=Case.objects.none())
    organisation = IdRelatedField(queryset=Organisation.objects.all())
    measure = serializers.ChoiceField(choices=Measure.choices)
    starts_on = serializers.DateField()
    weeks = serializers.IntegerField(min_value=1, max_value=52)
    review_on = serializers.DateField()
    # Empty until the review: the schema says so (an enum or "").
    outcome = serializers.ChoiceField(
        choices=Pause._meta.get_field("outcome").choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Pause
        #: Written by the services (start, approval, review), never by the client.
        read_only_fields = [
            "ends_on",
            "status",
            "created_by",
            "created_at",
            "approved_by",
            "approved_at",
            "outcome",
            "outcome_reasons",
            "reviewed_by",
            "reviewed_at",
            "review_action",
            "care_action",
        ]
        #: What the client sends to start a pause, then the rest.
        fields = [
            "id",
            "reference",
            "case",
            "organisation",
            "measure",
            "benefit",
            "reason",
            "starts_on",
            "weeks",
            "review_on",
            *read_only_fields,
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["case"].queryset = visible_cases(request.user)


class ApprovalSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    note = serializers.CharField(allow_blank=True, required=False, default="")


class ReviewSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    reasons = serializers.CharField(allow_blank=True)
    care_path = serializers.CharField(allow_blank=True, required=False, default="")
    care_due = serializers.DateField(required=False, allow_null=True, default=None)


@extend_schema_view(
    list=extend_schema(summary="Pauzes die je mag zien (casus of eigen W&I-organisatie)"),
    retrieve=extend_schema(summary="Eén pauze"),
    create=extend_schema(summary="Beëindiging of maatregel pauzeren (pauzeknop)"),
)
class PauseViewSet(ProcessingLogged, viewsets.ReadOnlyModelViewSet):
    log_activity = Activity.API_PAUSES
    log_object_type = "pause"
    serializer_class = PauseSerializer
    queryset = Pause.objects.none()

    def get_queryset(self):
        return queries.visible_pauses(self.request.user).order_by("-created_at", "-pk")

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
        pause = self._call(services.pause_start, **serializer.validated_data)
        return Response(self.get_serializer(pause).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Lange pauze goedkeuren of afwijzen (tweede persoon)",
        request=ApprovalSerializer,
        responses={200: PauseSerializer},
    )
    @action(detail=True, methods=["post"])
    def approval(self, request, pk=None, format=None):
        pause = self.get_logged(pk)
        serializer = ApprovalSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        pause = self._call(services.pause_approve, pause=pause, **serializer.validated_data)
        return Response(self.get_serializer(pause).data)

    @extend_schema(
        summary="Herbeoordeling vastleggen: voortzetten, aanpassen of beëindigen",
        request=ReviewSerializer,
        responses={200: PauseSerializer},
    )
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None, format=None):
        pause = self.get_logged(pk)
        serializer = ReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        pause = self._call(services.pause_review, pause=pause, **serializer.validated_data)
        return Response(self.get_serializer(pause).data)
