"""Werktafels and structural solutions over the API, under the pages' rules: the pattern
roles read, a beleidsadviseur starts werktafels, records outcomes, finishes them, records
solutions and moves them on (`step`) or records a national signal as sent (`send`). No
household data: case ids and anonymised texts. Refusals are Dutch; ids are integers."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation
from doorbraak.api.conflict import Conflict
from doorbraak.api.fields import IdRelatedField
from doorbraak.escalation.api import _dutch
from doorbraak.learning import queries as learning
from doorbraak.learning.models import Pattern
from doorbraak.text_validators import LimitedSerializerMixin

from . import queries, services
from .forms import owner_choices
from .models import (
    Outcome,
    Participant,
    Session,
    SolutionKind,
    SolutionStatus,
    StructuralSolution,
    WorkTable,
)


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["id", "number", "date", "held", "notes", "perspective"]
        read_only_fields = fields


class ParticipantSerializer(serializers.ModelSerializer):
    class Meta:
        model = Participant
        fields = ["organisation", "name"]
        read_only_fields = fields


class OutcomeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outcome
        fields = ["id", "text", "created_at"]
        read_only_fields = ["id", "created_at"]


# What both viewsets do around a service: refusals in Dutch, and the object read again (with
# what the list prefetches) for the answer. A comment, not a docstring: drf-spectacular would
# publish a docstring as the operations' description.
class _ServiceCalls:
    def _call(self, service, **kwargs):
        try:
            return service(actor=self.request.user, **kwargs)
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from None
        except ValidationError as error:
            raise _dutch(error) from None

    def _answer(self, obj, code=status.HTTP_200_OK):
        obj = self.get_queryset().get(pk=obj.pk)
        return Response(self.get_serializer(obj).data, status=code)


class WorkTableSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    pattern = IdRelatedField(queryset=Pattern.objects.none())
    organisations = IdRelatedField(
        queryset=Organisation.objects.all(), many=True, required=False, write_only=True
    )
    departments = serializers.ListField(
        child=serializers.CharField(max_length=limits.SHORT_TEXT),
        required=False,
        write_only=True,
    )
    session_dates = serializers.ListField(
        child=serializers.DateField(),
        required=False,
        write_only=True,
        help_text="Geplande datums; zonder: drie sessies, twee weken uit elkaar.",
    )
    participants = ParticipantSerializer(many=True, read_only=True)
    sessions = SessionSerializer(many=True, read_only=True)
    outcomes = OutcomeSerializer(many=True, read_only=True)
    solutions = serializers.SerializerMethodField()

    class Meta:
        model = WorkTable
        fields = [
            "id",
            "reference",
            "pattern",
            "title",
            "question",
            "status",
            "organisations",
            "departments",
            "session_dates",
            "participants",
            "sessions",
            "outcomes",
            "solutions",
            "created_at",
            "finished_at",
        ]
        read_only_fields = ["status", "created_at", "finished_at"]
        extra_kwargs = {
            "title": {"required": False, "allow_blank": True},
            "question": {"required": False, "allow_blank": True},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            self.fields["pattern"].queryset = learning.visible_patterns(request.user)

    def get_solutions(self, worktable) -> list[int]:
        return [s.pk for s in worktable.solutions.all()]


class OutcomeAddSerializer(serializers.Serializer):
    text = serializers.CharField(allow_blank=True, max_length=limits.TEXT)


@extend_schema_view(
    list=extend_schema(summary="Werktafels (voor de rollen die patronen zien)"),
    retrieve=extend_schema(summary="Eén werktafel met deelnemers, sessies en uitkomsten"),
    create=extend_schema(
        summary="Een werktafel starten op een patroon (beleidsadviseur)",
        description=(
            "Geef `pattern`, `title`, deelnemers (`organisations`: ids, `departments`: "
            "teksten) en eventueel `session_dates`; zonder datums drie sessies, twee weken "
            "uit elkaar."
        ),
    ),
)
class WorkTableViewSet(_ServiceCalls, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = WorkTableSerializer
    queryset = WorkTable.objects.none()

    def get_queryset(self):
        return (
            queries.visible_worktables(self.request.user)
            .prefetch_related("participants", "sessions", "outcomes", "solutions")
            .order_by("-created_at", "-pk")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        worktable = self._call(
            services.worktable_start,
            pattern=data["pattern"],
            title=data.get("title", ""),
            question=data.get("question", ""),
            organisations=data.get("organisations", []),
            departments=data.get("departments", []),
            session_dates=data.get("session_dates"),
        )
        return self._answer(worktable, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Een uitkomst van de werktafel vastleggen (geanonimiseerd)",
        request=OutcomeAddSerializer,
        responses={200: WorkTableSerializer},
    )
    @action(detail=True, methods=["post"])
    def outcomes(self, request, pk=None, format=None):
        worktable = self.get_object()
        serializer = OutcomeAddSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self._call(services.outcome_add, worktable=worktable, **serializer.validated_data)
        return self._answer(worktable)

    @extend_schema(
        summary="De werktafel afronden",
        request=None,
        responses={200: WorkTableSerializer},
    )
    @action(detail=True, methods=["post"])
    def finish(self, request, pk=None, format=None):
        worktable = self.get_object()
        try:
            self._call(services.worktable_finish, worktable=worktable)
        except serializers.ValidationError as error:  # already finished: the state, not input
            raise Conflict(" ".join(str(m) for ms in error.detail.values() for m in ms)) from None
        return self._answer(worktable)


class SolutionSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    pattern = IdRelatedField(queryset=Pattern.objects.none(), required=False, allow_null=True)
    worktable = IdRelatedField(queryset=WorkTable.objects.none(), required=False, allow_null=True)
    owner = IdRelatedField(queryset=owner_choices(), required=False, allow_null=True)
    kind = serializers.ChoiceField(SolutionKind.choices)
    status = serializers.ChoiceField(SolutionStatus.choices, read_only=True)
    proposed_on = serializers.DateField(required=False, allow_null=True)
    cases = serializers.SerializerMethodField()

    class Meta:
        model = StructuralSolution
        fields = [
            "id",
            "reference",
            "pattern",
            "worktable",
            "title",
            "description",
            "kind",
            "owner",
            "owner_text",
            "status",
            "proposed_on",
            "agreed_on",
            "implemented_on",
            "evaluated_on",
            "evaluation",
            "sent_on",
            "sent_to",
            "cases",
            "created_at",
        ]
        read_only_fields = [
            "agreed_on",
            "implemented_on",
            "evaluated_on",
            "evaluation",
            "sent_on",
            "sent_to",
            "created_at",
        ]
        extra_kwargs = {
            "title": {"required": False, "allow_blank": True},
            "description": {"required": False, "allow_blank": True},
            "owner_text": {"required": False, "allow_blank": True},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            self.fields["pattern"].queryset = learning.visible_patterns(request.user)
            self.fields["worktable"].queryset = queries.visible_worktables(request.user)

    def get_cases(self, solution) -> list[int]:
        """The ids of the cases the solution came from (no household data)."""
        return [link.case_id for link in solution.case_links.all()]


class StepSerializer(serializers.Serializer):
    status = serializers.ChoiceField(SolutionStatus.choices)
    on = serializers.DateField(allow_null=True)
    evaluation = serializers.CharField(
        allow_blank=True, required=False, default="", max_length=limits.TEXT
    )


class SendSerializer(serializers.Serializer):
    sent_on = serializers.DateField(allow_null=True)
    recipient = serializers.CharField(
        allow_blank=True,
        required=False,
        default=services.MAATWERKLOKET,
        max_length=limits.SHORT_TEXT,
    )


@extend_schema_view(
    list=extend_schema(summary="Structurele oplossingen (voor de rollen die patronen zien)"),
    retrieve=extend_schema(summary="Eén structurele oplossing met de ids van haar casussen"),
    create=extend_schema(
        summary="Een structurele oplossing vastleggen (beleidsadviseur)",
        description=(
            "Geef `worktable` of `pattern`, `title`, `kind`, `owner` (id) of `owner_text` en "
            "`proposed_on`. Ze wordt gekoppeld aan de casussen van de knelpunten van het patroon."
        ),
    ),
)
class StructuralSolutionViewSet(
    _ServiceCalls, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = SolutionSerializer
    queryset = StructuralSolution.objects.none()

    def get_queryset(self):
        return (
            queries.visible_solutions(self.request.user)
            .prefetch_related("case_links")
            .order_by("-created_at", "-pk")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        solution = self._call(
            services.solution_record,
            pattern=data.get("pattern"),
            worktable=data.get("worktable"),
            title=data.get("title", ""),
            kind=data["kind"],
            description=data.get("description", ""),
            owner=data.get("owner"),
            owner_text=data.get("owner_text", ""),
            proposed_on=data.get("proposed_on") or timezone.localdate(),
        )
        return self._answer(solution, status.HTTP_201_CREATED)

    @extend_schema(
        summary="De volgende stap: afgesproken, ingevoerd of geëvalueerd, met de datum",
        request=StepSerializer,
        responses={200: SolutionSerializer},
    )
    @action(detail=True, methods=["post"])
    def step(self, request, pk=None, format=None):
        solution = self.get_object()
        serializer = StepSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self._call(services.solution_step, solution=solution, **serializer.validated_data)
        return self._answer(solution)

    @extend_schema(
        summary="Vastleggen dat een signaal naar landelijk beleid is doorgestuurd "
        "(standaard naar het Maatwerkloket)",
        request=SendSerializer,
        responses={200: SolutionSerializer},
    )
    @action(detail=True, methods=["post"])
    def send(self, request, pk=None, format=None):
        solution = self.get_object()
        serializer = SendSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self._call(services.signal_send, solution=solution, **serializer.validated_data)
        return self._answer(solution)


__all__ = ["StructuralSolutionViewSet", "WorkTableViewSet"]
