"""The approver's view over the API: anonymised requests and voting. Like the pages, it never
shows who the household is."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from doorbraak.api.auth import refuse_unless_reauthenticated
from doorbraak.api.conflict import Conflict
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import Outcome
from doorbraak.privacy.services import log_processing, origin_from_request
from doorbraak.proposals import lifecycle
from doorbraak.proposals.models import Request

from . import queries
from .models import COMMENT_MAX, ApprovalPolicy, Choice, Vote


class VoteSerializer(serializers.ModelSerializer):
    approver = serializers.CharField(source="approver.username", read_only=True)
    # Approvers may be outside the case's team: they read the anonymised comment.
    comment = serializers.CharField(source="comment_anonymised", read_only=True)

    class Meta:
        model = Vote
        fields = ["approver", "choice", "comment", "created_at"]
        read_only_fields = ["created_at"]


class ApproverRequestSerializer(serializers.ModelSerializer):
    fund = serializers.CharField(source="fund.name", read_only=True)
    category = serializers.CharField(source="category.key", read_only=True)
    legal_ground = serializers.CharField(
        source="triangle.legal_ground", default=None, read_only=True
    )
    texts = serializers.JSONField(source="anonymised", read_only=True)
    # Explicit: a small integer's range differs per database backend (schema drift).
    months = serializers.IntegerField(read_only=True)
    total = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)
    votes = VoteSerializer(many=True, read_only=True)
    calculation = serializers.SerializerMethodField()

    class Meta:
        model = Request
        fields = [
            "id",
            "reference",
            "status",
            "fund",
            "category",
            "amount",
            "frequency",
            "months",
            "total",
            "supplier_name",
            "legal_ground",
            "texts",
            "calculation",
            "votes",
            "submitted_at",
            "decided_at",
        ]

    def get_calculation(self, obj) -> dict | None:
        stored = getattr(obj, "cost_benefit", None)
        if stored is None:
            return None
        result = stored.result
        return {key: result[key] for key in ("cost", "avoided", "net", "return_per_euro")}


class CastVoteSerializer(serializers.Serializer):
    choice = serializers.ChoiceField(Choice.choices)
    comment = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=COMMENT_MAX
    )


@extend_schema_view(
    list=extend_schema(summary="Voorstellen waarover je mag stemmen"),
    retrieve=extend_schema(summary="Eén voorstel (geanonimiseerd)"),
)
class ApprovalViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ApproverRequestSerializer

    def get_queryset(self):
        return (
            queries._asked(self.request.user.pk)
            .select_related("fund", "category", "triangle__legal_ground", "cost_benefit")
            .prefetch_related("votes__approver")
            .order_by("-submitted_at", "-pk")
        )

    def _log(self, object_id="", result=Outcome.OK):
        log_processing(
            origin_from_request(self.request),
            activity=Activity.REQUEST_REVIEW,
            action="read",
            object_type="request",
            object_id=object_id,
            result=result,
        )

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        self._log()
        return response

    def retrieve(self, request, *args, **kwargs):
        try:
            proposal = self.get_object()
        except Http404:
            self._log(kwargs.get("pk", ""), Outcome.DENIED)
            raise
        self._log(proposal.pk)
        return Response(self.get_serializer(proposal).data)

    @extend_schema(
        summary="Stemmen: ja, nee of vraag",
        request=CastVoteSerializer,
        responses={200: ApproverRequestSerializer},
    )
    @action(detail=True, methods=["post"])
    def vote(self, request, pk=None, format=None):
        proposal = self.get_object()
        serializer = CastVoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # A yes vote can approve a payment: re-authentication above DOORBRAAK_REAUTH_ABOVE.
        if serializer.validated_data["choice"] == Choice.YES:
            refuse_unless_reauthenticated(request, proposal.total)
        try:
            lifecycle.vote_cast(actor=request.user, request=proposal, **serializer.validated_data)
        except ValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from None
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        except lifecycle.MoneyConflict as error:
            raise Conflict(error.message) from None
        self._log(proposal.pk)
        return Response(self.get_serializer(self.get_queryset().get(pk=proposal.pk)).data)


class ApprovalPolicySerializer(serializers.ModelSerializer):
    quorum = serializers.IntegerField(min_value=1, max_value=100)
    no_threshold = serializers.IntegerField(min_value=1, max_value=100)
    decide_within_hours = serializers.IntegerField(min_value=1, max_value=10000)

    class Meta:
        model = ApprovalPolicy
        fields = [
            "id",
            "name",
            "pool",
            "group",
            "quorum",
            "role_rules",
            "veto_roles",
            "no_rule",
            "no_threshold",
            "decide_within_hours",
            "small_request_limit",
            "version",
        ]


class ApprovalPolicyViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ApprovalPolicySerializer
    queryset = ApprovalPolicy.objects.order_by("name")
