"""Published open data over the API, read-only and without login (it is public anyway):
`GET /api/v1/open-data/` lists the municipalities that published, `GET
/api/v1/open-data/<slug>/` returns the latest published JSON document (docs/open-data.md).
Never live or unpublished figures."""

import json

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import queries


class OpenDataListView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="open_data_list",
        summary="Gemeenten die open data publiceerden",
        responses={
            200: inline_serializer(
                "OpenDataMunicipality",
                {
                    "gemeente": serializers.CharField(),
                    "gemeente_slug": serializers.CharField(),
                    "gepubliceerd_op": serializers.CharField(),
                },
                many=True,
            )
        },
    )
    def get(self, request, format=None):
        return Response(
            [
                {"gemeente": name, "gemeente_slug": slug, "gepubliceerd_op": at}
                for name, slug, at in queries.published_municipalities()
            ]
        )


class OpenDataDetailView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="open_data_retrieve",
        summary="De laatst gepubliceerde open data van een gemeente (zie docs/open-data.md)",
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request, slug, format=None):
        municipality = queries.municipality_by_slug(slug)
        snapshot = queries.published(municipality) if municipality else None
        if snapshot is None:
            raise NotFound("Deze gemeente is onbekend of heeft geen open data gepubliceerd.")
        return Response(json.loads(snapshot.json_text))
