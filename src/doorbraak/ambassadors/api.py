"""The ambassadors directory over the API: read and search for every signed-in professional
(?q=, ?organisation=, ?wijk=), like the page. The directory is kept on the pages by the
beheerder and the beleidsadviseur."""

from django.db.models import Q
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import PermissionDenied

from . import queries
from .models import Ambassador, Kind


class AmbassadorSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    neighbourhood_name = serializers.CharField(
        source="neighbourhood.name", read_only=True, allow_null=True, default=None
    )
    topics = serializers.ListField(child=serializers.CharField(), source="topic_list")

    class Meta:
        model = Ambassador
        fields = [
            "id",
            "name",
            "kind",
            "organisation",
            "organisation_name",
            "neighbourhood",
            "neighbourhood_name",
            "department",
            "topics",
            "work_email",
            "work_phone",
            "reachable",
        ]
        read_only_fields = fields


def _int(value):
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return -1  # matches nothing


@extend_schema_view(
    list=extend_schema(
        summary="Ambassadeurs, trekkers en aanjagers (zoeken op onderwerp, organisatie, wijk)",
        parameters=[
            OpenApiParameter("q", str, description="onderwerp, naam of afdeling"),
            OpenApiParameter("organisation", int, description="id van de organisatie"),
            OpenApiParameter("wijk", int, description="id van de wijk"),
        ],
    ),
    retrieve=extend_schema(summary="Eén ambassadeur"),
)
class AmbassadorViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AmbassadorSerializer
    queryset = Ambassador.objects.none()

    def get_queryset(self):
        if not (self.request.user.is_active and self.request.user.role):
            raise PermissionDenied()
        params = self.request.query_params
        rows = queries.directory(q=params.get("q", "")[:100])
        organisation, wijk = _int(params.get("organisation")), _int(params.get("wijk"))
        if organisation is not None:
            rows = rows.filter(organisation_id=organisation)
        if wijk is not None:
            rows = rows.filter(Q(neighbourhood_id=wijk) | Q(neighbourhood__isnull=True))
        return rows
