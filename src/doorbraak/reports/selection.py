"""What a dashboard shows for a request: the person's scope, the filters (checked by the
filter form, Dutch messages), and the figures and tables in that scope. Shared by the page,
the exports and the API."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.funds.services import utilisation
from doorbraak.proposals.models import AlternativeKind, RequestStatus

from . import dashboard, figures, queries
from .forms import FilterForm


def _labels() -> tuple[dict, dict]:
    return (
        {k: str(v) for k, v in RequestStatus.choices},
        {k: str(v) for k, v in AlternativeKind.choices},
    )


def filtered(request):
    """The person's scope, the filter form, and its cleaned values with the `period` when the
    form is valid (else None)."""
    scope = queries.scope_of(request.user)
    if scope is None:
        raise PermissionDenied(
            _("Figures are for team leaders, projectleiders and the municipality.")
        )
    period = figures.default_period(timezone.localdate())
    form = FilterForm(
        request.GET or {"start": period.start, "end": period.end},
        funds=queries.funds_in(scope),
        categories=queries.categories(),
    )
    if not form.is_valid():
        return scope, form, None
    data = dict(form.cleaned_data)
    data["period"] = figures.Period(data["start"], data["end"])
    return scope, form, data


def select(request):
    """The person's scope and the filter form; the figures when the form is valid."""
    scope, form, data = filtered(request)
    if data is None:
        return scope, form, None
    period = data["period"]
    rows = queries.rows(scope, period.start, period.end, data["fund"], data["category"])
    board = dashboard.build(rows, period.months())
    shown_funds = form.fields["fund"].queryset
    if data["fund"]:
        shown_funds = shown_funds.filter(pk=data["fund"].pk)
    fund_rows = []
    for fund in shown_funds.prefetch_related("accounts"):
        u = utilisation(fund)
        fund_rows.append((fund.name, [u["paid"], u["reserved"], max(u["free"], 0)]))
    statuses, alternatives = _labels()
    tables = {
        "status": [(statuses.get(k, k), v) for k, v in board.by_status.items()],
        "alternative": [
            (alternatives.get(k, k or "—"), v) for k, v in board.by_alternative.items()
        ],
        "category": board.spent_by_category,
        "month": board.spent_by_month,
        "funds": fund_rows,
    }
    return scope, form, (period, board, tables)
