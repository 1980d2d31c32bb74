"""The dashboard's figures over the API (`GET /api/v1/figures/`): the same scope, filters and
numbers as /cijfers/, as JSON. Counts and amounts only; amounts are strings."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selection


def _money(value) -> str:
    return f"{value:.2f}"


@extend_schema(
    summary="De cijfers van je dashboard (team, potjes of gemeente, naar je rol)",
    parameters=[
        OpenApiParameter("start", OpenApiTypes.DATE, description="Begin van de periode"),
        OpenApiParameter("end", OpenApiTypes.DATE, description="Eind van de periode (tot en met)"),
        OpenApiParameter("fund", OpenApiTypes.INT, description="Alleen dit potje"),
        OpenApiParameter("category", OpenApiTypes.INT, description="Alleen deze categorie"),
    ],
    responses={200: OpenApiTypes.OBJECT},
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
            }
        )
