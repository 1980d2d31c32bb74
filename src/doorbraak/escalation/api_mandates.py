"""Mandate uses (PRIO) over the API: list, read, and create (= decide with a mandate). Same
visibility as the pages (whoever may see the case); the service refuses a mandate outside
its scope or period in Dutch; amounts are strings and ids integers."""

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from doorbraak.accounts.models import Mandate, Organisation
from doorbraak.api.logged import ProcessingLogged
from doorbraak.cases.models import Case
from doorbraak.cases.queries import visible_cases
from doorbraak.privacy.activities import Activity

from . import mandate_queries, mandate_services
from .api import StrictAmount, StrictId, _dutch
from .models import Escalation, MandateUse


class MandateUseSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    case = StrictId(queryset=Case.objects.none())
    mandate = StrictId(queryset=Mandate.objects.none())
    escalation = StrictId(queryset=Escalation.objects.none(), required=False, allow_null=True)
    overruled_organisation = StrictId(queryset=Organisation.objects.all())
    amount = StrictAmount(max_digits=12, decimal_places=2, required=False, allow_null=True)
    reconciliation_due = serializers.DateField(write_only=True, required=False, allow_null=True)

    class Meta:
        model = MandateUse
        fields = [
            "id",
            "reference",
            "case",
            "mandate",
            "escalation",
            "overruled_organisation",
            "overruled_department",
            "overruled_rule",
            "earlier_refusal",
            "decision",
            "reasons",
            "amount",
            "decided_on",
            "decided_by",
            "reconciliation_due",
        ]
        read_only_fields = ["decided_on", "decided_by"]
        extra_kwargs = {
            name: {"required": False, "allow_blank": True}
            for name in (
                "overruled_department",
                "overruled_rule",
                "earlier_refusal",
                "decision",
                "reasons",
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            cases = visible_cases(request.user)
            self.fields["case"].queryset = cases
            # Any mandate id: the service says why someone else's cannot be used.
            self.fields["mandate"].queryset = Mandate.objects.all()
            self.fields["escalation"].queryset = Escalation.objects.filter(
                case__in=cases.values("pk")
            )


@extend_schema_view(
    list=extend_schema(summary="Besluiten met mandaat (PRIO) op zichtbare casussen"),
    retrieve=extend_schema(summary="Eén besluit met mandaat"),
    create=extend_schema(
        summary="Besluiten met je mandaat: een besluit van een afdeling overrulen",
        description=(
            "Alleen de houder van een geldig mandaat uit het register, binnen de organisatie "
            "van dat mandaat en tot het maximumbedrag. Met `escalation` (open, op deze casus) "
            "wordt die escalatie opgelost. Er komt een vervolgactie 'verzoeningsgesprek' voor "
            "de houder, standaard over 14 dagen (`reconciliation_due`)."
        ),
    ),
)
class MandateUseViewSet(ProcessingLogged, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    log_activity = Activity.API_MANDATE_USES
    log_object_type = "mandate-use"
    serializer_class = MandateUseSerializer

    def get_queryset(self):
        return mandate_queries.mandate_use_list(self.request.user)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        try:
            use = mandate_services.mandate_use(actor=request.user, **data)
        except ValidationError as error:
            raise _dutch(error) from None
        use = self.get_queryset().get(pk=use.pk)
        self.log([use], action="create", object_id=use.pk)
        return Response(self.get_serializer(use).data, status=status.HTTP_201_CREATED)


__all__ = ["MandateUseViewSet"]
