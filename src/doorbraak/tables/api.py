"""Tables, meetings and agenda items over the API, under the pages' rules (`queries.py`): a
contact person sees only their own tables, those tables' meetings and the items on those
agendas. An item shows the household's identity only to whoever may see the case, or under a
consent for that table valid on the meeting date and today; otherwise the anonymised text.
Writes go through `services.py`, as on the pages: planning a meeting, putting an escalated
item on its agenda, recording the table's decision. Ids are JSON integers, amounts strings;
refusals are Dutch. Every response with agenda items writes the processing log (api-tafels)."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxLengthValidator
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from doorbraak import text_limits as limits
from doorbraak.api.fields import IdField
from doorbraak.api.logged import ProcessingLogged
from doorbraak.escalation import rules as route_rules
from doorbraak.escalation.api import StrictAmount, StrictId
from doorbraak.escalation.models import Escalation
from doorbraak.funds.models import Fund
from doorbraak.privacy import subjects
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_request
from doorbraak.text_validators import LimitedSerializerMixin

from . import queries, services
from .forms import owners
from .models import AgendaItem, Meeting, Table, TableMember

#: The most commitments one decision records through the API (the page offers two rows).
MAX_ACTIONS = 10
_ACTION_FIELD = re.compile(r"action(\d+)_(\w+)")


def _refusal(error: ValidationError) -> serializers.ValidationError:
    """A service's Dutch refusal in the API's shape: per field, `non_field_errors` for the
    whole, and a commitment's fields (`action1_due_date`) at their place in `actions`."""
    if not hasattr(error, "error_dict"):
        return serializers.ValidationError({"non_field_errors": error.messages})
    found: dict = {}
    actions: dict[int, dict] = {}
    for key, messages in error.message_dict.items():
        match = _ACTION_FIELD.fullmatch(key)
        if match:
            actions.setdefault(int(match[1]), {})[match[2]] = messages
        else:
            found["non_field_errors" if key == "__all__" else key] = messages
    if actions:
        found["actions"] = [actions.get(n, {}) for n in range(max(actions) + 1)]
    return serializers.ValidationError(found)


def _id_parameter(request, name: str) -> int | None:
    """A filter like `?meeting=12`: a whole number or a Dutch 400."""
    value = request.query_params.get(name)
    if value is None:
        return None
    try:
        return IdField().run_validation(value)
    except serializers.ValidationError as error:
        raise serializers.ValidationError({name: error.detail}) from None


# --- Tables ----------------------------------------------------------------------------------


class TableContactSerializer(serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    contact_person = serializers.CharField(source="user", read_only=True)
    has_mandate = serializers.SerializerMethodField()

    class Meta:
        model = TableMember
        fields = ["organisation", "organisation_name", "contact_person", "has_mandate"]
        read_only_fields = fields

    def get_has_mandate(self, obj) -> bool:
        return obj.mandate_id is not None


class TableSerializer(serializers.ModelSerializer):
    level = serializers.IntegerField(read_only=True, min_value=1, max_value=route_rules.MAX_LEVELS)
    members = TableContactSerializer(many=True, read_only=True)

    class Meta:
        model = Table
        fields = ["id", "name", "kind", "route", "level", "members"]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(summary="Tafels waar je contactpersoon bent"),
    retrieve=extend_schema(summary="Eén tafel met haar contactpersonen"),
)
class TableViewSet(viewsets.ReadOnlyModelViewSet):
    # No household data: names of tables, organisations and contact persons.
    serializer_class = TableSerializer
    queryset = Table.objects.none()  # the schema's id type; get_queryset filters

    def get_queryset(self):
        return queries.table_api_list(self.request.user)


# --- Meetings --------------------------------------------------------------------------------


class MeetingSerializer(serializers.ModelSerializer):
    table = StrictId(queryset=Table.objects.none())
    table_name = serializers.CharField(source="table.name", read_only=True)
    item_count = serializers.IntegerField(read_only=True, min_value=0)

    class Meta:
        model = Meeting
        fields = ["id", "table", "table_name", "date", "item_count", "created_at"]
        read_only_fields = ["created_at"]
        extra_kwargs = {"date": {"required": False, "allow_null": True}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["table"].queryset = queries.visible_tables(request.user)


class AgendaCandidateSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    reference = serializers.CharField(read_only=True)
    item_label = serializers.SerializerMethodField()
    due_date = serializers.DateField(read_only=True)

    def get_item_label(self, escalation) -> str:
        return queries.item_label(escalation)


@extend_schema_view(
    list=extend_schema(
        summary="Overleggen van je tafels (nieuwste eerst)",
        parameters=[
            OpenApiParameter("table", int, description="Alleen de overleggen van deze tafel.")
        ],
    ),
    retrieve=extend_schema(summary="Eén overleg"),
    create=extend_schema(
        summary="Een overleg plannen (als contactpersoon van de tafel)",
        description="Geef `table` en `date` (vandaag of later).",
    ),
)
class MeetingViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    # No household data: a meeting's table, date and number of agenda items.
    serializer_class = MeetingSerializer
    queryset = Meeting.objects.none()

    def get_queryset(self):
        table_id = _id_parameter(self.request, "table") if self.action == "list" else None
        return queries.meeting_api_list(self.request.user, table_id)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            meeting = services.meeting_plan(
                actor=request.user, table=data["table"], date=data.get("date")
            )
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from None
        except ValidationError as error:
            raise _refusal(error) from None
        meeting = self.get_queryset().get(pk=meeting.pk)
        return Response(self.get_serializer(meeting).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Open escalaties die op de agenda van dit overleg kunnen",
        responses={200: AgendaCandidateSerializer(many=True)},
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def candidates(self, request, pk=None, format=None):
        meeting = self.get_object()
        on_agenda = set(meeting.items.values_list("escalation_id", flat=True))
        rows = [e for e in queries.candidates(meeting.table) if e.pk not in on_agenda]
        data = AgendaCandidateSerializer(rows, many=True).data
        # Each candidate is an escalation of a case: logged per member of its household.
        log_request(
            request,
            Activity.API_TABLES,
            "read",
            "meeting-candidates",
            meeting.pk,
            subjects.of_cases([e.case_id for e in rows]),
        )
        return Response(data)


# --- Agenda items ----------------------------------------------------------------------------


class TableCommitmentSerializer(serializers.Serializer):
    description = serializers.CharField(read_only=True)
    owner = serializers.IntegerField(source="owner_id", read_only=True)
    owner_name = serializers.CharField(source="owner", read_only=True)
    organisation_name = serializers.SerializerMethodField()
    due_date = serializers.DateField(read_only=True)
    done_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def get_organisation_name(self, obj) -> str:
        return obj.owner.organisation.name if obj.owner.organisation_id else ""


# How the household shows (`mode`) is worked out for a page of items at once and passed in
# the context as `shown`: {item id: queries.Shown}. (No docstrings: the schema would show them.)
class ShownText(serializers.CharField):
    # A text of the item as `queries.present` shows it to this user: named like the field.
    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, value):
        return getattr(self.context["shown"][value.pk], self.field_name)


class AgendaItemSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    meeting = StrictId(queryset=Meeting.objects.none())
    escalation = StrictId(queryset=Escalation.objects.none())
    table = serializers.IntegerField(source="meeting.table_id", read_only=True)
    meeting_date = serializers.DateField(source="meeting.date", read_only=True)
    position = serializers.IntegerField(read_only=True, min_value=1)
    mode = serializers.SerializerMethodField()
    household = ShownText()
    item_label = ShownText()
    question = ShownText()
    tried = ShownText()
    requested_amount = serializers.DecimalField(
        source="escalation.request.total",
        max_digits=12,
        decimal_places=2,
        read_only=True,
        allow_null=True,
    )
    amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, read_only=True, allow_null=True
    )
    commitments = TableCommitmentSerializer(source="escalation.actions", many=True, read_only=True)

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "reference",
            "meeting",
            "table",
            "meeting_date",
            "position",
            "escalation",
            "item_label",
            "mode",
            "household",
            "question",
            "tried",
            "requested_amount",
            "outcome",
            "decision",
            "legitimacy",
            "involvement",
            "returns",
            "amount",
            "fund",
            "decided_at",
            "commitments",
        ]
        read_only_fields = [
            "outcome",
            "decision",
            "legitimacy",
            "involvement",
            "returns",
            "fund",
            "decided_at",
        ]
        validators = []  # the service refuses an item already on the agenda, in Dutch

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["meeting"].queryset = queries.visible_meetings(request.user)
            self.fields["escalation"].queryset = queries.routed_escalations(request.user)

    @extend_schema_field(serializers.ChoiceField(choices=queries.MODES))
    def get_mode(self, obj) -> str:
        return self.context["shown"][obj.pk].mode


class TableCommitmentInputSerializer(LimitedSerializerMixin, serializers.Serializer):
    owner = StrictId(queryset=owners())
    description = serializers.CharField(allow_blank=True, max_length=limits.TEXT)
    due_date = serializers.DateField(allow_null=True)


class TableDecisionSerializer(LimitedSerializerMixin, serializers.Serializer):
    outcome = serializers.ChoiceField([(o, o) for o in services.OUTCOMES])
    decision = serializers.CharField(allow_blank=True, max_length=limits.TEXT, default="")
    legitimacy = serializers.CharField(allow_blank=True, max_length=limits.TEXT, default="")
    involvement = serializers.CharField(allow_blank=True, max_length=limits.TEXT, default="")
    returns = serializers.CharField(allow_blank=True, max_length=limits.TEXT, default="")
    amount = StrictAmount(max_digits=12, decimal_places=2, required=False, allow_null=True)
    fund = StrictId(queryset=Fund.objects.filter(active=True), required=False, allow_null=True)
    actions = TableCommitmentInputSerializer(many=True, required=False, max_length=MAX_ACTIONS)

    def get_fields(self):
        fields = super().get_fields()
        # A list, not a text: the mixin's text-length check does not apply. DRF counts the
        # commitments itself first (max_length, its own translated message); the validator
        # only gives the schema its maxItems.
        fields["actions"].validators = [MaxLengthValidator(MAX_ACTIONS)]
        return fields


@extend_schema_view(
    list=extend_schema(
        summary="Agendapunten van je tafels",
        description=(
            "`mode` zegt hoe het huishouden getoond wordt: `full` (je eigen casus), "
            "`identity` of `identity-texts` (toestemming voor deze tafel, geldig op de "
            "overlegdatum en vandaag), anders `anonymous`: geanonimiseerde teksten."
        ),
        parameters=[
            OpenApiParameter("meeting", int, description="Alleen de agenda van dit overleg.")
        ],
    ),
    retrieve=extend_schema(summary="Eén agendapunt"),
    create=extend_schema(
        summary="Een geëscaleerd item op de agenda van een overleg zetten",
        description="Geef `meeting` en `escalation` (zie `meetings/{id}/candidates/`).",
    ),
)
class AgendaItemViewSet(ProcessingLogged, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    log_activity = Activity.API_TABLES
    log_object_type = "agenda-item"
    serializer_class = AgendaItemSerializer
    queryset = AgendaItem.objects.none()

    def get_queryset(self):
        meeting_id = _id_parameter(self.request, "meeting") if self.action == "list" else None
        return queries.item_api_list(self.request.user, meeting_id)

    def log_subject_ids(self, objects) -> list:
        return queries.subject_ids(objects)

    def serialize(self, items, many=False):
        shown = {s.item.pk: s for s in queries.presentations(self.request.user, items)}
        context = {**self.get_serializer_context(), "shown": shown}
        return AgendaItemSerializer(items if many else items[0], many=many, context=context).data

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            item = services.item_add(
                actor=request.user, meeting=data["meeting"], escalation=data["escalation"]
            )
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from None
        except ValidationError as error:
            raise _refusal(error) from None
        item = self.get_queryset().get(pk=item.pk)
        self.log([item], action="create", object_id=item.pk)
        return Response(self.serialize([item]), status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Het besluit van de tafel vastleggen: uitkomst, onderbouwing op de "
        "waardendriehoek, toezeggingen met eigenaar en datum, en zo nodig het bedrag uit een "
        "potje (het bedrag van het voorstel; een tweede keer verandert niets)",
        request=TableDecisionSerializer,
        responses={200: AgendaItemSerializer},
    )
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None, format=None):
        item = self.get_logged(pk)
        serializer = TableDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = {**serializer.validated_data}
        data["actions"] = [dict(a) for a in data.get("actions", [])]
        try:
            services.item_decide(actor=request.user, item=item, data=data)
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from None
        except ValidationError as error:
            raise _refusal(error) from None
        item = self.get_queryset().get(pk=item.pk)
        self.log([item], action="update", object_id=item.pk)
        return Response(self.serialize([item]))
