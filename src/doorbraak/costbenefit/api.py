"""The stateless calculator, and the catalogue, for external tools."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from doorbraak.text_validators import LimitedSerializerMixin

from . import calculator, parsing, queries
from .models import CostFigure

EXAMPLE = {
    "horizon_months": 24,
    "solution": [{"label": "ticket", "amount": "250.00", "per": "once"}],
    "avoided": [
        {"figure": "maatschappelijke_opvang_dakloos", "quantity": "0.5", "probability": "0.6"},
        {
            "label": "extra zorg",
            "amount": "300.00",
            "per": "month",
            "months": 6,
            "probability": "0.5",
            "payer": "zorgverzekeraar",
        },
    ],
}

_totals = inline_serializer(
    "PayerTotals",
    {
        "cost": serializers.CharField(),
        "avoided": serializers.CharField(),
        "net": serializers.CharField(),
    },
)
RESULT = inline_serializer(
    "CostBenefitResult",
    {
        "horizon_months": serializers.IntegerField(),
        "price_year": serializers.IntegerField(),
        "cost": serializers.CharField(),
        "avoided": serializers.CharField(),
        "net": serializers.CharField(),
        "return_per_euro": serializers.CharField(allow_null=True),
        "break_even_probability": serializers.CharField(allow_null=True),
        "range": serializers.DictField(
            child=serializers.CharField(allow_null=True), allow_null=True
        ),
        "by_payer": serializers.DictField(child=_totals),
        "figures": serializers.ListField(child=serializers.DictField()),
        "lines": serializers.ListField(child=serializers.DictField()),
    },
)


def calculate_for(data, municipality_id=None) -> calculator.Result:
    """Parse and calculate with the catalogue of `municipality_id`; raises CalculationError."""
    index = queries.price_index()
    return calculator.calculate(
        **parsing.parse(data),
        catalogue=queries.catalogue_for(municipality_id),
        index=index,
        target_year=queries.target_price_year(index),
    )


class CostBenefitView(APIView):
    """Micro cost-benefit analysis; nothing is stored. Decimals are strings."""

    @extend_schema(
        summary="Kosten-batenberekening (stateless)",
        request=OpenApiTypes.OBJECT,
        responses={
            200: RESULT,
            400: inline_serializer("CostBenefitError", {"detail": serializers.CharField()}),
        },
        examples=[OpenApiExample("Vliegticket", value=EXAMPLE, request_only=True)],
    )
    def post(self, request):
        try:
            result = calculate_for(request.data)
        except calculator.CalculationError as error:
            return Response({"detail": parsing.error_message(error)}, status=400)
        return Response(parsing.serialise(result))


class CostFigureSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    # Explicit bounds: a small integer's range differs per database backend (schema drift).
    price_year = serializers.IntegerField(min_value=1900, max_value=2100, read_only=True)
    municipality = serializers.CharField(
        source="municipality.name", allow_null=True, read_only=True
    )

    class Meta:
        model = CostFigure
        fields = [
            "key",
            "label",
            "amount",
            "unit",
            "price_year",
            "source",
            "note",
            "payer",
            "municipality",
            "version",
        ]


class CostFigureViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CostFigureSerializer
    lookup_field = "key"
    queryset = CostFigure.objects.filter(active=True, municipality__isnull=True).order_by("key")
