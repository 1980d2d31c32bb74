"""The escalation route over the API: route levels (read), escalations (list, read, create =
escalate, `decide`), follow-up actions (your own; `done`). Same visibility as the pages;
amounts are strings and ids integers (a float is refused); refusals are Dutch."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from doorbraak.accounts.models import Organisation, User
from doorbraak.api.logged import ProcessingLogged
from doorbraak.cases.models import Blocker, Case
from doorbraak.cases.queries import visible_cases
from doorbraak.funds.models import Fund
from doorbraak.home.menu import may_write_request
from doorbraak.home.queries import person_of
from doorbraak.privacy.activities import Activity
from doorbraak.proposals.models import Request

from . import queries, rules, services, workflow
from .models import Escalation, EscalationLevel, FollowUpAction, Status


class StrictId(serializers.PrimaryKeyRelatedField):
    """A related id as a JSON integer: 3, never 3.0 or "3"."""

    def to_internal_value(self, data):
        if type(data) is not int:
            raise serializers.ValidationError(_("Give the id as a whole number."))
        return super().to_internal_value(data)


class StrictAmount(serializers.DecimalField):
    """Money as a string ("500.00"): a JSON number could be a float and lose cents."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            raise serializers.ValidationError(
                _("Give the amount as text in euros and cents, e.g. 500.00.")
            )
        try:
            Decimal(data)
        except InvalidOperation:
            raise serializers.ValidationError(_("This is not an amount.")) from None
        return super().to_internal_value(data)


class StrictInteger(serializers.IntegerField):
    def to_internal_value(self, data):
        if type(data) is not int:
            raise serializers.ValidationError(_("Give a whole number."))
        return super().to_internal_value(data)


def _dutch(error: ValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(
        {("non_field_errors" if k == "__all__" else k): v for k, v in error.message_dict.items()}
    )


class LevelSerializer(serializers.ModelSerializer):
    max_amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, read_only=True, allow_null=True
    )
    position = serializers.IntegerField(read_only=True, min_value=1, max_value=rules.MAX_LEVELS)
    target_days = serializers.IntegerField(
        read_only=True, min_value=1, max_value=rules.MAX_TARGET_DAYS
    )

    class Meta:
        model = EscalationLevel
        fields = [
            "id",
            "route",
            "position",
            "name",
            "kind",
            "roles",
            "max_amount",
            "funds",
            "exception_organisations",
            "target_days",
        ]


@extend_schema_view(
    list=extend_schema(summary="Niveaus van de escalatieroutes (zoals nu ingesteld)"),
    retrieve=extend_schema(summary="Eén niveau van een escalatieroute"),
)
class EscalationLevelViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = LevelSerializer
    queryset = EscalationLevel.objects.prefetch_related(
        "funds", "exception_organisations"
    ).order_by("route_id", "position")


class EscalationSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    case = StrictId(queryset=Case.objects.none())
    request = StrictId(queryset=Request.objects.none(), required=False, allow_null=True)
    blocker = StrictId(queryset=Blocker.objects.none(), required=False, allow_null=True)
    level = StrictInteger(required=False, allow_null=True, min_value=1, max_value=rules.MAX_LEVELS)
    level_name = serializers.SerializerMethodField()
    amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, read_only=True, allow_null=True
    )
    route_version = serializers.IntegerField(source="route_version.version", read_only=True)

    class Meta:
        model = Escalation
        fields = [
            "id",
            "reference",
            "case",
            "request",
            "blocker",
            "previous",
            "route_version",
            "level",
            "level_name",
            "status",
            "question",
            "tried",
            "skip_reason",
            "due_date",
            "created_at",
            "decided_at",
            "reasons",
            "amount",
            "fund",
            "exception_organisation",
        ]
        read_only_fields = [
            "previous",
            "status",
            "due_date",
            "created_at",
            "decided_at",
            "reasons",
            "fund",
            "exception_organisation",
        ]
        # The services check the rules (and the database's one-open-escalation constraint);
        # DRF's validators from the conditional unique constraints would make fields required.
        validators = []
        extra_kwargs = {
            "question": {"required": False, "allow_blank": True},
            "tried": {"required": False, "allow_blank": True},
            "skip_reason": {"required": False, "allow_blank": True},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            cases = visible_cases(request.user)
            self.fields["case"].queryset = cases
            self.fields["request"].queryset = Request.objects.filter(case__in=cases.values("pk"))
            self.fields["blocker"].queryset = Blocker.objects.filter(case__in=cases.values("pk"))

    def get_level_name(self, obj) -> str:
        return obj.current_level.name


class ActionInputSerializer(serializers.Serializer):
    owner = StrictId(queryset=User.objects.filter(is_active=True))
    description = serializers.CharField(allow_blank=True)
    due_date = serializers.DateField(allow_null=True)


class DecisionSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField([(s, s) for s in (*workflow.DECISIONS, workflow.WITHDRAWN)])
    reasons = serializers.CharField(allow_blank=True, required=False, default="")
    amount = StrictAmount(max_digits=12, decimal_places=2, required=False, allow_null=True)
    fund = StrictId(queryset=Fund.objects.filter(active=True), required=False, allow_null=True)
    organisation = StrictId(queryset=Organisation.objects.all(), required=False, allow_null=True)
    action = ActionInputSerializer(required=False, allow_null=True)


@extend_schema_view(
    list=extend_schema(summary="Escalaties van zichtbare casussen"),
    retrieve=extend_schema(summary="Eén escalatie (één item op één niveau)"),
    create=extend_schema(
        summary="Escaleren: een voorstel of knelpunt één niveau omhoog",
        description=(
            "Geef `request` of `blocker` (niet allebei), `question` en `tried`. Zonder `level` "
            "gaat het item één niveau omhoog; een niveau overslaan vraagt `skip_reason`. Staat "
            "het item al open op een niveau, dan wordt dat afgesloten als 'doorgeschaald'."
        ),
    ),
)
class EscalationViewSet(ProcessingLogged, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    log_activity = Activity.API_ESCALATIONS
    log_object_type = "escalation"
    serializer_class = EscalationSerializer

    def get_queryset(self):
        return queries.escalation_list(self.request.user)

    def create(self, request, *args, **kwargs):
        if not may_write_request(person_of(request.user)):
            raise ApiPermissionDenied(_("Only a professional can escalate a request or blocker."))
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            escalation = services.escalate(
                actor=request.user,
                case=data["case"],
                request=data.get("request"),
                blocker=data.get("blocker"),
                level=data.get("level"),
                question=data.get("question", ""),
                tried=data.get("tried", ""),
                skip_reason=data.get("skip_reason", ""),
            )
        except ValidationError as error:
            raise _dutch(error) from None
        escalation = self.get_queryset().get(pk=escalation.pk)
        self.log([escalation], action="create", object_id=escalation.pk)
        return Response(self.get_serializer(escalation).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Besluit van dit niveau vastleggen (opgelost, opgelost in het voortraject, "
        "niet geschikt, ingetrokken), eventueel met een vervolgactie",
        request=DecisionSerializer,
        responses={200: EscalationSerializer},
    )
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None, format=None):
        escalation = self.get_logged(pk)
        serializer = DecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            services.escalation_decide(
                actor=request.user,
                escalation=escalation,
                outcome=data["outcome"],
                reasons=data.get("reasons", ""),
                amount=data.get("amount"),
                fund=data.get("fund"),
                organisation=data.get("organisation"),
                action=data.get("action"),
            )
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from None
        except ValidationError as error:
            raise _dutch(error) from None
        escalation = self.get_queryset().get(pk=escalation.pk)
        self.log([escalation], action="update", object_id=escalation.pk)
        return Response(self.get_serializer(escalation).data)


class FollowUpActionSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = FollowUpAction
        fields = [
            "id",
            "reference",
            "kind",
            "case",
            "escalation",
            "mandate_use",
            "description",
            "owner",
            "due_date",
            "overdue",
            "created_at",
            "done_at",
            "done_note",
        ]
        read_only_fields = fields

    def get_overdue(self, obj) -> bool:
        return queries.is_overdue(obj)


class DoneSerializer(serializers.Serializer):
    note = serializers.CharField(allow_blank=True)


@extend_schema_view(
    list=extend_schema(summary="Je eigen vervolgacties (open eerst, op datum)"),
    retrieve=extend_schema(summary="Eén eigen vervolgactie"),
)
class FollowUpActionViewSet(ProcessingLogged, viewsets.ReadOnlyModelViewSet):
    log_activity = Activity.API_ACTIONS
    log_object_type = "follow-up-action"
    serializer_class = FollowUpActionSerializer

    def get_queryset(self):
        return (
            FollowUpAction.objects.filter(owner_id=self.request.user.pk)
            .select_related("case")
            .order_by("done_at", "due_date", "pk")
        )

    @extend_schema(
        summary="Vervolgactie afronden met een korte notitie",
        request=DoneSerializer,
        responses={200: FollowUpActionSerializer},
    )
    @action(detail=True, methods=["post"])
    def done(self, request, pk=None, format=None):
        item = self.get_object()
        serializer = DoneSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            item = services.action_done(
                actor=request.user, action=item, note=serializer.validated_data["note"]
            )
        except ValidationError as error:
            raise _dutch(error) from None
        self.log([item], action="update", object_id=item.pk)
        return Response(self.get_serializer(item).data)


__all__ = ["EscalationLevelViewSet", "EscalationViewSet", "FollowUpActionViewSet", "Status"]
