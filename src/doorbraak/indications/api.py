"""Indications over the API, under the same rules as the pages: an indication is seen by
whoever sees its case and by the Wmo consultants of its municipality; writing, reviewing and
answering go through services.py (same refusals, same Dutch words) and are processing-logged."""

from django.core.exceptions import PermissionDenied, ValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from doorbraak.api.fields import IdField
from doorbraak.api.logged import ProcessingLogged
from doorbraak.cases.models import Case
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import origin_from_request
from doorbraak.text_validators import LimitedSerializerMixin

from . import queries, services
from .messages import message
from .models import MAX_CONTRIBUTION, Exchange, Indication


def _dutch(error: ValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(
        {("non_field_errors" if k == "__all__" else k): v for k, v in error.message_dict.items()}
    )


class ExchangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Exchange
        fields = ["kind", "text", "author", "created_at"]
        read_only_fields = fields


class IndicationSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    # A case the adviser is not linked to, or that does not exist, is refused alike: 403 with
    # the service's Dutch message (no answer tells which case ids exist).
    case = IdField(source="case_id")
    contribution = serializers.DecimalField(
        max_digits=9, decimal_places=2, min_value=0, max_value=MAX_CONTRIBUTION
    )
    applied_on = serializers.DateField(required=False, allow_null=True)
    informal_care = serializers.CharField(required=False, allow_blank=True, default="")
    exchanges = ExchangeSerializer(many=True, read_only=True)

    class Meta:
        model = Indication
        fields = [
            "id",
            "reference",
            "case",
            "adviser",
            "reported_on",
            "applied_on",
            "need",
            "own_capacity",
            "informal_care",
            "provision",
            "scope",
            "contribution",
            "status",
            "questioned",
            "submitted_at",
            "reviewer",
            "decided_on",
            "reasons",
            "decided_provision",
            "decided_scope",
            "decided_contribution",
            "exchanges",
        ]
        read_only_fields = [
            "adviser",
            "status",
            "questioned",
            "submitted_at",
            "reviewer",
            "decided_on",
            "reasons",
            "decided_provision",
            "decided_scope",
            "decided_contribution",
        ]


class IndicationReviewSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=services.OUTCOMES)
    question = serializers.CharField(allow_blank=True, required=False, default="")
    reasons = serializers.CharField(allow_blank=True, required=False, default="")
    provision = serializers.CharField(allow_blank=True, required=False, default="")
    scope = serializers.CharField(allow_blank=True, required=False, default="")
    contribution = serializers.DecimalField(
        max_digits=9, decimal_places=2, required=False, allow_null=True, default=None
    )
    decided_on = serializers.DateField(required=False, allow_null=True, default=None)
    applied_on = serializers.DateField(required=False, allow_null=True, default=None)


class IndicationAnswerSerializer(serializers.Serializer):
    answer = serializers.CharField(allow_blank=True)


@extend_schema_view(
    list=extend_schema(summary="Wmo-indicaties die je mag zien (casus of eigen gemeente)"),
    retrieve=extend_schema(summary="Eén Wmo-indicatie met vragen en antwoorden"),
    create=extend_schema(summary="Adviserende Wmo-indicatie schrijven (adviseur, gekoppeld)"),
)
class IndicationViewSet(ProcessingLogged, viewsets.ReadOnlyModelViewSet):
    log_activity = Activity.API_INDICATIONS
    log_object_type = "indication"
    serializer_class = IndicationSerializer
    queryset = Indication.objects.none()

    def get_queryset(self):
        return (
            queries.visible_indications(self.request.user)
            .prefetch_related("exchanges")
            .order_by("-submitted_at", "-pk")
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

    def _fresh(self, indication):
        return self.get_queryset().get(pk=indication.pk)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        case = Case.objects.filter(pk=data.pop("case_id")).first()
        if case is None:
            raise ApiPermissionDenied(message("not_linked"))
        indication = self._call(services.indication_write, case=case, **data)
        return Response(
            self.get_serializer(self._fresh(indication)).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        summary="Beoordelen: akkoord, vraag stellen of aanpassen met redenen (Wmo-consulent)",
        request=IndicationReviewSerializer,
        responses={200: IndicationSerializer},
    )
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None, format=None):
        indication = self.get_logged(pk)
        serializer = IndicationReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        indication = self._call(
            services.indication_review, indication=indication, **serializer.validated_data
        )
        return Response(self.get_serializer(self._fresh(indication)).data)

    @extend_schema(
        summary="De vraag van de Wmo-consulent beantwoorden (adviseur)",
        request=IndicationAnswerSerializer,
        responses={200: IndicationSerializer},
    )
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None, format=None):
        indication = self.get_logged(pk)
        serializer = IndicationAnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        indication = self._call(
            services.indication_answer, indication=indication, **serializer.validated_data
        )
        return Response(self.get_serializer(self._fresh(indication)).data)
