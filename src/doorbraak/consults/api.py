"""Consults over the API, under the same rules as the pages: your own consults only; a
consult's texts must come without household identity (POST the text you confirmed: the
anonymiser checks it again and refuses what still identifies); only the writer links a case.
The counts per topic name nobody."""

from django.core.exceptions import PermissionDenied, ValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from doorbraak.api.fields import IdRelatedField
from doorbraak.cases.models import Case
from doorbraak.cases.queries import visible_cases
from doorbraak.text_validators import LimitedSerializerMixin

from . import queries, services
from .models import Consult, Expert, Topic


def _dutch(error: ValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(
        {("non_field_errors" if k == "__all__" else k): v for k, v in error.message_dict.items()}
    )


class ConsultSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    expert = serializers.ChoiceField(choices=Expert.choices)
    topic = serializers.ChoiceField(choices=Topic.choices)

    class Meta:
        model = Consult
        fields = [
            "id",
            "reference",
            "held_on",
            "expert",
            "topic",
            "topic_other",
            "situation",
            "advice",
            "case",
            "created_at",
        ]
        read_only_fields = ["case", "created_at"]


class LinkSerializer(serializers.Serializer):
    case = IdRelatedField(queryset=Case.objects.none(), allow_null=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["case"].queryset = visible_cases(request.user)


class TopicCountSerializer(serializers.Serializer):
    topic = serializers.CharField()
    count = serializers.IntegerField()


@extend_schema_view(
    list=extend_schema(summary="Je eigen anonieme sparoverleggen"),
    retrieve=extend_schema(summary="Eén eigen sparoverleg"),
    create=extend_schema(summary="Anoniem sparoverleg vastleggen (tekst zonder identiteit)"),
)
class ConsultViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ConsultSerializer
    queryset = Consult.objects.none()

    def get_queryset(self):
        return queries.own_consults(self.request.user).order_by("-held_on", "-pk")

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            consult = services.consult_record(actor=request.user, **serializer.validated_data)
        except ValidationError as error:
            raise _dutch(error) from None
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from None
        return Response(self.get_serializer(consult).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Sparoverleg aan een eigen casus koppelen (alleen de schrijver)",
        request=LinkSerializer,
        responses={200: ConsultSerializer},
    )
    @action(detail=True, methods=["post"])
    def link(self, request, pk=None, format=None):
        consult = self.get_object()
        serializer = LinkSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        try:
            consult = services.consult_link(
                actor=request.user, consult=consult, case=serializer.validated_data["case"]
            )
        except ValidationError as error:
            raise _dutch(error) from None
        return Response(self.get_serializer(consult).data)

    @extend_schema(
        summary="Aantal sparoverleggen per onderwerp (van iedereen)",
        responses={200: TopicCountSerializer(many=True)},
    )
    @action(detail=False, methods=["get"], pagination_class=None)  # one list, as the schema
    def topics(self, request, format=None):
        if not services.may_record(request.user):
            raise ApiPermissionDenied()
        values = [value for value, _label in Topic.choices]
        rows = queries.counts_per_topic()
        return Response(
            [{"topic": v, "count": n} for v, (_l, n, _w) in zip(values, rows, strict=True)]
        )
