"""Game sessions over the API: the facilitator and the players read their sessions (teams,
squares, the team on turn); a player rolls for their team (`POST .../roll/`): not on turn, a
Dutch message and nothing changed. The training cases hold no link to a live case."""

from django.core.exceptions import PermissionDenied, ValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from . import queries, services
from .models import Roll, Session, Stage, Team, TrainingCase


class GameTeamSerializer(serializers.ModelSerializer):
    class Meta:
        model = Team
        fields = ["number", "name", "position", "secret_done", "score"]
        read_only_fields = fields


class TrainingCaseSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingCase
        fields = ["number", "text", "category", "amount", "months"]
        read_only_fields = fields


class GameSessionSerializer(serializers.ModelSerializer):
    stage = serializers.ChoiceField(choices=Stage.choices, read_only=True)
    teams = GameTeamSerializer(many=True, read_only=True)
    cases = TrainingCaseSerializer(many=True, read_only=True)
    on_turn = serializers.SerializerMethodField()

    class Meta:
        model = Session
        fields = ["id", "title", "stage", "version", "on_turn", "teams", "cases", "created_at"]
        read_only_fields = fields

    def get_on_turn(self, session) -> int | None:
        """The number of the team on turn while the board is open."""
        return session.turn + 1 if session.stage == Stage.BOARD else None


class GameRollSerializer(serializers.ModelSerializer):
    team = serializers.IntegerField(source="team.number", read_only=True)

    class Meta:
        model = Roll
        fields = ["team", "die", "start", "end"]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(summary="Je spelsessies (als spelleider of speler)"),
    retrieve=extend_schema(summary="Eén spelsessie: teams, vakjes, wie aan de beurt is"),
)
class GameSessionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GameSessionSerializer
    queryset = Session.objects.none()

    def get_queryset(self):
        return queries.visible_sessions(self.request.user).prefetch_related("teams", "cases")

    @extend_schema(
        summary="Dobbelen voor je eigen team (alleen als het aan de beurt is)",
        request=None,
        responses={201: GameRollSerializer},
    )
    @action(detail=True, methods=["post"])
    def roll(self, request, pk=None, format=None):
        session = self.get_object()
        try:
            done = services.die_roll(actor=request.user, session=session)
        except ValidationError as error:
            raise serializers.ValidationError(
                {
                    ("non_field_errors" if k == "__all__" else k): v
                    for k, v in error.message_dict.items()
                }
            ) from None
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from None
        return Response(GameRollSerializer(done).data, status=201)
