"""Signals, the rule catalogue and patterns over the API, under the same rules as the pages:
signals are the recorder's own (all of them for a beleidsadviseur), patterns only for the
pattern roles and never with household data: ids, counts and anonymised texts."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from doorbraak.accounts.models import Organisation
from doorbraak.api.fields import IdRelatedField
from doorbraak.cases.models import Blocker
from doorbraak.cases.queries import visible_blockers
from doorbraak.text_validators import LimitedSerializerMixin

from . import queries, services
from .models import Pattern, Rule, Signal


class RuleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rule
        fields = ["id", "organisation", "title", "explanation", "source"]


class RuleViewSet(viewsets.ReadOnlyModelViewSet):
    """The active rules of the catalogue (suggestions for a blocker's rule)."""

    serializer_class = RuleSerializer

    def get_queryset(self):
        return queries.active_rules().order_by("organisation__name", "title", "pk")


class SignalSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    organisation = IdRelatedField(queryset=Organisation.objects.all())
    blockers = IdRelatedField(queryset=Blocker.objects.none(), many=True, required=False)

    class Meta:
        model = Signal
        fields = [
            "id",
            "organisation",
            "rule",
            "effect",
            "blockers",
            "status",
            "pattern",
            "close_reason",
            "created_at",
        ]
        read_only_fields = ["status", "pattern", "close_reason", "created_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["blockers"].child_relation.queryset = visible_blockers(request.user)


class SignalViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Signals ("dit kan niet de bedoeling zijn"): your own, or all for a beleidsadviseur.
    Their texts are stored anonymised."""

    serializer_class = SignalSerializer
    queryset = Signal.objects.none()  # the schema's id type; get_queryset filters

    def get_queryset(self):
        return (
            queries.visible_signals(self.request.user)
            .prefetch_related("blockers")
            .order_by("-created_at", "-pk")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            signal = services.signal_record(actor=request.user, **serializer.validated_data)
        except ValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from None
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        return Response(self.get_serializer(signal).data, status=status.HTTP_201_CREATED)


class PatternSerializer(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    blockers = serializers.SerializerMethodField()

    class Meta:
        model = Pattern
        fields = [
            "id",
            "status",
            "organisation",
            "organisation_name",
            "summary",
            "rule",
            "cases_count",
            "teams_count",
            "blockers",
            "found_at",
        ]
        read_only_fields = fields

    def get_blockers(self, pattern) -> list[int]:
        return [link.blocker_id for link in pattern.blocker_links.all()]


class PatternViewSet(viewsets.ReadOnlyModelViewSet):
    """Patterns found automatically, for the roles that look at patterns (others get an empty
    list). No household data: the ids of the blockers, counts and the anonymised rule."""

    serializer_class = PatternSerializer
    queryset = Pattern.objects.none()

    def get_queryset(self):
        return queries.visible_patterns(self.request.user).order_by("-found_at", "-pk")
