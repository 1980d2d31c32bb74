"""The dashboard's figures over the API (`GET /api/v1/figures/`): the same scope, filters and
numbers as /cijfers/, as JSON. Counts and amounts only; amounts are strings."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selection
from .serializers import FiguresFilterErrorsSerializer, FiguresSerializer


def _money(value) -> str:
    return f"{value:.2f}"


@extend_schema(
    summary="De cijfers van je dashboard (team, potjes of gemeente, naar je rol)",
    parameters=[
        OpenApiParameter(
            "start",
            OpenApiTypes.DATE,
            description="Begin van de periode (met end; zonder beide: de afgelopen twaalf maanden)",
        ),
        OpenApiParameter("end", OpenApiTypes.DATE, description="Eind van de periode (tot en met)"),
        OpenApiParameter(
            "team",
            OpenApiTypes.INT,
            description="Alleen dit team: een teamleider alleen het eigen team, de gemeente "
            "elk team van haar wijken; een projectleider geen",
        ),
        OpenApiParameter(
            "fund", OpenApiTypes.INT, description="Alleen dit potje (een van je potjes)"
        ),
        OpenApiParameter("category", OpenApiTypes.INT, description="Alleen deze categorie"),
    ],
    responses={
        200: FiguresSerializer,
        400: OpenApiResponse(
            FiguresFilterErrorsSerializer,
            description="Een filter dat niet klopt (periode achterstevoren of te lang, een "
            "team, potje of categorie onbekend of niet voor jou): per veld de meldingen in het "
            "Nederlands; geen cijfers.",
        ),
    },
)
class FiguresView(APIView):
    def get(self, request, format=None):
        try:
            scope, form, result = selection.select(request)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None
        if result is None:
            raise ValidationError({k: [str(m) for m in v] for k, v in form.errors.items()})
        period, board, tables = result
        return Response(
            {
                "scope": {"kind": scope.kind, "name": scope.name},
                "team": scope.team.pk if scope.team else None,
                "period": {"start": period.start, "end": period.end},
                "requests": board.requests,
                "by_status": board.by_status,
                "solved_otherwise": board.solved_otherwise,
                "solved_otherwise_share": (
                    None
                    if board.solved_otherwise_share is None
                    else str(board.solved_otherwise_share)
                ),
                "solved_otherwise_with": board.by_alternative,
                "decided": board.decided,
                "decision_hours_median_at_most": board.median_hours,
                "decision_hours_p90_at_most": board.p90_hours,
                "spent": _money(board.spent),
                "spent_by_category": [
                    {"category": label, "amount": _money(amount)}
                    for label, amount in board.spent_by_category
                ],
                "spent_by_month": [
                    {"month": month.strftime("%Y-%m"), "amount": _money(amount)}
                    for month, amount in board.spent_by_month
                ],
                "funds": [
                    {
                        "fund": name,
                        "paid": _money(paid),
                        "reserved": _money(reserved),
                        "free": _money(free),
                    }
                    for name, (paid, reserved, free) in tables["funds"]
                ],
                **_sections(board.sections),
            }
        )


def _sections(extra) -> dict:
    """The sections beyond the requests (reports/sections.py); the team-bound ones are null
    for a scope without teams (a projectleider's funds)."""
    payers = {
        "benefit_by_payer": [
            {
                "payer": payer,
                "requests": n,
                "cost": _money(cost),
                "expected_avoided_cost": _money(avoided),
            }
            for payer, n, cost, avoided in extra.benefit
        ],
        "benefit_cost": _money(extra.benefit_cost),
        "benefit_expected_avoided_cost": _money(extra.benefit_avoided),
    }
    if not extra.for_teams:
        return {
            "table_cases": None,
            "table_solved": None,
            "breakthroughs": None,
            "tables_by_year": None,
            "let": None,
            "mandate_uses": None,
            "patterns_by_status": None,
            "solutions_by_status": None,
            "decision_hours_per_level": None,
            **payers,
        }
    let = extra.let
    return {
        "table_cases": extra.table_cases,
        "table_solved": extra.table_solved,
        "breakthroughs": extra.breakthroughs,
        "tables_by_year": [
            {
                "year": y.year,
                "table_cases": y.cases,
                "solved_at_table": y.solved,
                "breakthroughs": y.breakthroughs,
            }
            for y in extra.table_years
        ],
        "let": {
            "submitted": let.submitted,
            "solved_early": let.solved_early,
            "not_suitable": let.not_suitable,
            "decided": let.decided,
            "checked": let.checked,
            "carried_out": let.carried_out,
            "success_rate": None if let.success_rate is None else f"{let.success_rate:.2f}",
        },
        "mandate_uses": {
            "uses": extra.mandate_uses,
            "amount": _money(extra.mandate_amount),
            "by_organisation": [
                {"organisation": name, "uses": n, "amount": _money(amount)}
                for name, n, amount in extra.mandates
            ],
        },
        "patterns_by_status": dict(extra.patterns),
        "solutions_by_status": dict(extra.solutions),
        "decision_hours_per_level": [
            {
                "level": t.level,
                "decided": t.decided,
                "median_at_most": t.median_hours,
                "p90_at_most": t.p90_hours,
            }
            for t in extra.levels
        ],
        **payers,
    }
