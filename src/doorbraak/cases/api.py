"""Case, household and blocker resources under the same visibility rule as the screens.
Every response that shows personal data writes the processing log explicitly."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from doorbraak.accounts.models import Organisation
from doorbraak.api.fields import IdRelatedField
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_processing, origin_from_request
from doorbraak.text_validators import LimitedSerializerMixin

from . import queries, services
from .models import Blocker, Case, Household, LifeDomain, Member


class MemberSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    class Meta:
        model = Member
        fields = ["id", "given_name", "family_name", "household_role", "birth_year", "has_bsn"]

    has_bsn = serializers.BooleanField(read_only=True)
    # Explicit bounds: the model field's range differs per database backend.
    birth_year = serializers.IntegerField(min_value=1900, max_value=2100, allow_null=True)


class HouseholdSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    members = MemberSerializer(many=True, read_only=True)

    class Meta:
        model = Household
        fields = ["id", "name", "neighbourhood", "address", "postcode", "city", "members"]


class CaseSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    household = HouseholdSerializer(read_only=True)
    key_worker = serializers.CharField(source="key_worker.username", read_only=True)
    team = serializers.CharField(source="team.name", read_only=True)
    life_domains = serializers.ListField(child=serializers.ChoiceField(LifeDomain.choices))

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "status",
            "question",
            "life_domains",
            "opened_at",
            "closed_at",
            "key_worker",
            "team",
            "household",
        ]


class BlockerSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    case = IdRelatedField(queryset=Case.objects.none())
    organisation = IdRelatedField(queryset=Organisation.objects.all())

    class Meta:
        model = Blocker
        fields = [
            "id",
            "case",
            "organisation",
            "rule",
            "effect",
            "life_domain",
            "status",
            "created_at",
            "resolution",
            "resolved_at",
        ]
        read_only_fields = ["status", "created_at", "resolution", "resolved_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["case"].queryset = queries.visible_cases(request.user)


class LoggedReadMixin:
    """List and retrieve that log one processing record per data subject shown."""

    activity: Activity
    object_type: str

    def subject_ids(self, objects) -> list:
        raise NotImplementedError

    def _log(self, objects, object_id=""):
        log_processing(
            origin_from_request(self.request),
            activity=self.activity,
            action="read",
            object_type=self.object_type,
            object_id=object_id,
            subject_ids=self.subject_ids(objects),
        )

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        objects = page if page is not None else list(queryset)
        data = self.get_serializer(objects, many=True).data
        self._log(objects)
        return self.get_paginated_response(data) if page is not None else Response(data)

    def retrieve(self, request, *args, **kwargs):
        try:
            instance = self.get_object()
        except Http404:
            log_processing(
                origin_from_request(request),
                activity=self.activity,
                action="read",
                object_type=self.object_type,
                object_id=kwargs.get("pk", ""),
                result=Outcome.DENIED,
            )
            raise
        data = self.get_serializer(instance).data
        self._log([instance], object_id=instance.pk)
        return Response(data)


@extend_schema_view(
    list=extend_schema(summary="Casussen die de gebruiker mag zien"),
    retrieve=extend_schema(summary="Eén casus"),
)
class CaseViewSet(LoggedReadMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = CaseSerializer
    activity = Activity.API_CASES
    object_type = "case"

    def get_queryset(self):
        return queries.case_list(self.request.user).prefetch_related("household__members")

    def subject_ids(self, objects):
        return queries.subject_ids_of_cases(objects)


@extend_schema_view(
    list=extend_schema(summary="Huishoudens van zichtbare casussen"),
    retrieve=extend_schema(summary="Eén huishouden"),
)
class HouseholdViewSet(LoggedReadMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = HouseholdSerializer
    activity = Activity.API_HOUSEHOLDS
    object_type = "household"

    def get_queryset(self):
        return queries.visible_households(self.request.user).order_by("pk")

    def subject_ids(self, objects):
        return [m.subject_id for household in objects for m in household.members.all()]


@extend_schema_view(
    list=extend_schema(summary="Knelpunten van zichtbare casussen"),
    retrieve=extend_schema(summary="Eén knelpunt"),
    create=extend_schema(summary="Knelpunt vastleggen"),
)
class BlockerViewSet(LoggedReadMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = BlockerSerializer
    activity = Activity.API_BLOCKERS
    object_type = "blocker"

    def get_queryset(self):
        return (
            queries.visible_blockers(self.request.user)
            .prefetch_related("case__household__members")
            .order_by("pk")
        )

    def subject_ids(self, objects):
        return [m.subject_id for blocker in objects for m in blocker.case.household.members.all()]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        try:
            blocker = services.blocker_add(actor=request.user, **data)
        except ValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from None
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        log_processing(
            origin_from_request(request),
            activity=Activity.API_BLOCKERS,
            action="create",
            object_type="blocker",
            object_id=blocker.pk,
            subject_ids=queries.subject_ids_of_household(blocker.case.household_id),
        )
        return Response(self.get_serializer(blocker).data, status=status.HTTP_201_CREATED)
