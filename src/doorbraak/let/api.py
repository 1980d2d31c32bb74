"""LET submissions over the API: list and read (same visibility as the pages: a regievoerder
all, anonymised; others those of cases they may see), submit, and the regievoerder's
`triage`, `decide` and `check`. Refusals are Dutch; ids are integers."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from doorbraak.accounts.models import Organisation
from doorbraak.api.logged import ProcessingLogged
from doorbraak.escalation import queries as escalation_queries
from doorbraak.escalation.api import StrictId, _dutch
from doorbraak.escalation.models import Escalation
from doorbraak.home.menu import may_write_request
from doorbraak.home.queries import person_of
from doorbraak.privacy.activities import Activity

from . import queries, rules, services
from .models import LegalGround, LetSubmission


class LetSubmissionSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    escalation = StrictId(queryset=Escalation.objects.none())
    organisations = serializers.ListField(child=serializers.IntegerField(), write_only=True)
    organisation_ids = serializers.SerializerMethodField()
    legal_ground = serializers.ChoiceField(
        choices=LegalGround.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = LetSubmission
        fields = [
            "id",
            "reference",
            "escalation",
            "status",
            "summary",
            "question",
            "organisations",
            "organisation_ids",
            "blockers",
            "earlier_levels",
            "submitted_at",
            "triaged_at",
            "triage_note",
            "decided_at",
            "exception_organisation",
            "exception",
            "legal_ground",
            "legal_ground_detail",
            "reasons",
            "check_on",
            "checked_at",
            "carried_out",
            "check_outcome",
        ]
        read_only_fields = [
            f for f in fields if f not in ("escalation", "summary", "question", "organisations")
        ]
        extra_kwargs = {
            "summary": {"required": False, "allow_blank": True},
            "question": {"required": False, "allow_blank": True},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["escalation"].queryset = escalation_queries.visible_escalations(
                request.user
            )

    def get_organisation_ids(self, obj) -> list[int]:
        return sorted(o.pk for o in obj.organisations.all())


class TriageSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField([(o, o) for o in rules.TRIAGE_OUTCOMES])
    note = serializers.CharField(allow_blank=True, required=False, default="")


class DecideSerializer(serializers.Serializer):
    organisation = StrictId(queryset=Organisation.objects.all(), allow_null=True)
    exception = serializers.CharField(allow_blank=True)
    legal_ground = serializers.ChoiceField(LegalGround.choices)
    legal_ground_detail = serializers.CharField(allow_blank=True, required=False, default="")
    reasons = serializers.CharField(allow_blank=True)
    check_on = serializers.DateField(required=False, allow_null=True)


class CheckSerializer(serializers.Serializer):
    carried_out = serializers.BooleanField(allow_null=True)
    outcome = serializers.CharField(allow_blank=True)


@extend_schema_view(
    list=extend_schema(summary="LET-voorleggingen (regievoerder: alle, geanonimiseerd)"),
    retrieve=extend_schema(summary="Eén LET-voorlegging"),
    create=extend_schema(
        summary="Een item op het LET-niveau voorleggen aan het Maatwerkloket",
        description=(
            "Geef `escalation` (open op het LET-niveau), `summary`, `question` en "
            "`organisations` (ids). De teksten worden geanonimiseerd opgeslagen."
        ),
    ),
)
class LetSubmissionViewSet(
    ProcessingLogged, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet
):
    log_activity = Activity.API_LET
    log_object_type = "let-submission"
    serializer_class = LetSubmissionSerializer

    def get_queryset(self):
        return queries.submission_list(self.request.user)

    def create(self, request, *args, **kwargs):
        if not may_write_request(person_of(request.user)):
            raise ApiPermissionDenied(_("Only a professional can submit a case to the LET."))
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        organisations = list(Organisation.objects.filter(pk__in=data["organisations"]))
        try:
            submission = services.submit(
                actor=request.user,
                escalation=data["escalation"],
                summary=data.get("summary", ""),
                question=data.get("question", ""),
                organisations=organisations,
            )
        except ValidationError as error:
            raise _dutch(error) from None
        submission = self.get_queryset().get(pk=submission.pk)
        self.log([submission], action="create", object_id=submission.pk)
        return Response(self.get_serializer(submission).data, status=status.HTTP_201_CREATED)

    def _step(self, request, pk, serializer_class, service):
        submission = self.get_logged(pk)
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            service(actor=request.user, submission=submission, **serializer.validated_data)
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from None
        except ValidationError as error:
            raise _dutch(error) from None
        submission = self.get_queryset().get(pk=submission.pk)
        self.log([submission], action="update", object_id=submission.pk)
        return Response(self.get_serializer(submission).data)

    @extend_schema(
        summary="Triage door de regievoerder: aangenomen, opgelost in het voortraject (met "
        "het haakje) of niet geschikt (met de reden)",
        request=TriageSerializer,
        responses={200: LetSubmissionSerializer},
    )
    @action(detail=True, methods=["post"])
    def triage(self, request, pk=None, format=None):
        return self._step(request, pk, TriageSerializer, services.triage)

    @extend_schema(
        summary="Het LET-besluit: welke organisatie welke uitzondering maakt, op welke "
        "grondslag, met onderbouwing en een controledatum (standaard over drie maanden)",
        request=DecideSerializer,
        responses={200: LetSubmissionSerializer},
    )
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None, format=None):
        return self._step(request, pk, DecideSerializer, services.decide)

    @extend_schema(
        summary="De nacontrole: uitgevoerd zoals afgesproken, en hoe het afliep",
        request=CheckSerializer,
        responses={200: LetSubmissionSerializer},
    )
    @action(detail=True, methods=["post"])
    def check(self, request, pk=None, format=None):
        return self._step(request, pk, CheckSerializer, services.check)


__all__ = ["LetSubmissionViewSet"]
