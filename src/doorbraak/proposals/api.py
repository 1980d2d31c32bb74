"""Maatwerk requests, legal grounds and categories over the API. Requests follow the case
visibility rule; every response with a request logs its household's data subjects."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from doorbraak.api.conflict import Conflict
from doorbraak.api.fields import IdRelatedField, MoneyField, WholeNumberField
from doorbraak.cases.models import Blocker, Case
from doorbraak.cases.queries import visible_cases
from doorbraak.costbenefit.calculator import MAX_HORIZON_MONTHS
from doorbraak.funds.models import Fund
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_processing, origin_from_request

from . import idempotency, limits, queries, services
from .models import Category, Frequency, LegalGround, PriorProvision, Request, ValueTriangle
from .rules import MAX_MONTHS


class LegalGroundSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegalGround
        fields = ["id", "law", "article", "title", "kind", "explanation"]


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["key", "label"]


class TriangleSerializer(serializers.ModelSerializer):
    legal_ground = IdRelatedField(
        queryset=LegalGround.objects.filter(active=True), allow_null=True, required=False
    )

    class Meta:
        model = ValueTriangle
        fields = ["legal_ground", *limits.TRIANGLE_TEXTS]


class CostBenefitInputSerializer(serializers.Serializer):
    horizon_months = WholeNumberField(
        required=False, allow_null=True, min_value=1, max_value=MAX_HORIZON_MONTHS
    )
    avoided = serializers.ListField(child=serializers.DictField(), allow_empty=True)


class RequestSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    case = IdRelatedField(queryset=Case.objects.none())
    blockers = IdRelatedField(queryset=Blocker.objects.none(), many=True, required=False)
    category = serializers.SlugRelatedField(
        slug_field="key", queryset=Category.objects.filter(active=True)
    )
    frequency = serializers.ChoiceField(Frequency.choices, default=Frequency.ONCE)
    # Bounded here (not only in the service): a number beyond any column is refused, in Dutch.
    amount = MoneyField(max_digits=12, decimal_places=2)
    months = WholeNumberField(required=False, allow_null=True, min_value=1, max_value=MAX_MONTHS)
    prior_provisions = serializers.ListField(
        child=serializers.ChoiceField(PriorProvision.choices), allow_empty=True, required=False
    )
    triangle = TriangleSerializer(required=False)
    fund = IdRelatedField(
        queryset=Fund.objects.filter(active=True), allow_null=True, required=False
    )
    cost_benefit = CostBenefitInputSerializer(write_only=True, required=False, allow_null=True)
    calculation = serializers.SerializerMethodField()
    total = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)

    class Meta:
        model = Request
        fields = [
            "id",
            "reference",
            "case",
            "blockers",
            "solution",
            "category",
            "amount",
            "frequency",
            "months",
            "total",
            "supplier_name",
            "supplier_iban",
            "prior_provisions",
            "prior_provisions_note",
            "recurrence_prevention",
            "fund",
            "status",
            "small",
            "submitted_at",
            "triangle",
            "cost_benefit",
            "calculation",
        ]
        read_only_fields = ["status", "small", "submitted_at"]
        extra_kwargs = {
            "recurrence_prevention": {"allow_blank": True, "required": False},
            "supplier_name": {"required": False},
            "supplier_iban": {"required": False},
            "prior_provisions_note": {"required": False},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            cases = visible_cases(request.user)
            self.fields["case"].queryset = cases
            self.fields["blockers"].child_relation.queryset = Blocker.objects.filter(
                case__in=cases.values("pk")
            )

    def get_calculation(self, obj) -> dict | None:
        stored = getattr(obj, "cost_benefit", None)
        return stored.result if stored else None

    def validate(self, attrs):
        if attrs.get("frequency") != Frequency.MONTHLY and attrs.get("months") not in (None, 1):
            raise serializers.ValidationError(
                {"months": _("A one-off payment has no number of months: leave it out or give 1.")}
            )
        return attrs


@extend_schema_view(
    list=extend_schema(summary="Maatwerkvoorstellen van zichtbare casussen"),
    retrieve=extend_schema(summary="Eén maatwerkvoorstel"),
    create=extend_schema(
        summary="Maatwerkvoorstel indienen",
        description=(
            "Een klein voorstel (op een fonds waarvan het goedkeuringsbeleid het totaal als "
            "klein ziet) heeft alleen oplossing (wat en waarom), bedrag, categorie en, als er "
            "geld betaald wordt, leverancier en IBAN nodig; waardendriehoek, eerder geprobeerde "
            "voorzieningen en berekening zijn dan optioneel. Anders is alles verplicht. "
            "Het antwoord zegt in `small` hoe het voorstel is beoordeeld.\n\n"
            "Stuur een eigen sleutel mee in de header `Idempotency-Key` om dubbel indienen te "
            "voorkomen: dezelfde sleutel met hetzelfde voorstel geeft het eerder ingediende "
            "voorstel terug (201, header `Idempotent-Replayed: true`) en maakt niets nieuws; "
            "dezelfde sleutel met een ander voorstel geeft 409."
        ),
        parameters=[
            OpenApiParameter(
                name="Idempotency-Key",
                location=OpenApiParameter.HEADER,
                required=False,
                description=(
                    "Eenmalige sleutel van deze indiening, per gebruiker: 1 tot "
                    f"{idempotency.KEY_MAX} tekens, letters, cijfers en - _ . :"
                ),
                type=str,
            )
        ],
        responses={
            201: RequestSerializer,
            409: inline_serializer("IdempotencyConflict", {"detail": serializers.CharField()}),
        },
    ),
)
class RequestViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = RequestSerializer

    def get_queryset(self):
        return queries.visible_requests(self.request.user).order_by("-submitted_at", "-pk")

    def _log(self, objects, action="read", object_id="", result=Outcome.OK):
        subjects = [s for obj in objects for s in queries.subject_ids(obj)]
        log_processing(
            origin_from_request(self.request),
            activity=Activity.API_REQUESTS,
            action=action,
            object_type="request",
            object_id=object_id,
            subject_ids=subjects,
            result=result,
        )

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        data = self.get_serializer(page, many=True).data
        self._log(page)
        return self.get_paginated_response(data)

    def retrieve(self, request, *args, **kwargs):
        try:
            proposal = self.get_object()
        except Http404:
            self._log([], object_id=kwargs.get("pk", ""), result=Outcome.DENIED)
            raise
        data = self.get_serializer(proposal).data
        self._log([proposal], object_id=proposal.pk)
        return Response(data)

    def create(self, request, *args, **kwargs):
        try:
            key = idempotency.check_key(request.headers.get("Idempotency-Key"))
        except ValidationError:
            raise serializers.ValidationError(
                {"Idempotency-Key": [idempotency.key_message()]}
            ) from None
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        triangle = data.pop("triangle", None) or {}
        cost_benefit = data.pop("cost_benefit", None) or {}
        try:
            proposal = services.request_submit(
                actor=request.user,
                **data,
                **triangle,
                horizon_months=cost_benefit.get("horizon_months"),
                avoided=cost_benefit.get("avoided") or None,
                idempotency_key=key,
            )
        except ValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None
        except idempotency.KeyConflict as error:
            raise Conflict(error.message) from None
        replayed = getattr(proposal, "replayed", False)
        proposal = self.get_queryset().get(pk=proposal.pk)
        self._log([proposal], action="read" if replayed else "create", object_id=proposal.pk)
        response = Response(self.get_serializer(proposal).data, status=status.HTTP_201_CREATED)
        if replayed:
            response["Idempotent-Replayed"] = "true"
        return response


class LegalGroundViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = LegalGroundSerializer
    queryset = LegalGround.objects.filter(active=True).order_by("law", "article", "pk")


class CategoryViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CategorySerializer
    lookup_field = "key"
    queryset = Category.objects.filter(active=True)
