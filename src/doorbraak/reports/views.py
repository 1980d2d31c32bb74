"""The dashboard page (/cijfers/): figures of the person's scope, as charts with their tables."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from doorbraak.funds.services import utilisation
from doorbraak.proposals.models import AlternativeKind, RequestStatus
from doorbraak.ui import formatting

from . import charts, dashboard, figures, queries, summary
from .forms import FilterForm


def _count(value) -> str:
    return formatting.number(value)


def _duration(hours: int | None) -> str:
    """A bound of the time-to-decision histogram in words: "8 uur", "2 dagen"."""
    if hours is None:
        return _("more than a quarter")
    if hours < 24:
        return ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": hours}
    days = hours // 24
    return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}


def _month(day) -> str:
    return f"{formatting.month(day)} '{day:%y}"


def _labels() -> tuple[dict, dict]:
    return (
        {k: str(v) for k, v in RequestStatus.choices},
        {k: str(v) for k, v in AlternativeKind.choices},
    )


def index(request):
    scope = queries.scope_of(request.user)
    if scope is None:
        raise PermissionDenied(
            _("Figures are for team leaders, projectleiders and the municipality.")
        )
    today = timezone.localdate()
    period = figures.default_period(today)
    funds = queries.funds_in(scope)
    form = FilterForm(
        request.GET or {"start": period.start, "end": period.end},
        funds=funds,
        categories=queries.categories(),
    )
    context = {"form": form, "scope": scope, "refreshed": summary.last_refresh()}
    if not form.is_valid():
        return render(request, "reports/index.html", context, status=400)
    data = form.cleaned_data
    period = figures.Period(data["start"], data["end"])
    rows = queries.rows(scope, period.start, period.end, data["fund"], data["category"])
    board = dashboard.build(rows, period.months())
    statuses, alternatives = _labels()
    status_rows = [(statuses.get(k, k), v) for k, v in board.by_status.items()]
    alternative_rows = [(alternatives.get(k, k or "—"), v) for k, v in board.by_alternative.items()]
    shown_funds = funds.filter(pk=data["fund"].pk) if data["fund"] else funds
    shown_funds = shown_funds.prefetch_related("accounts")
    fund_rows = []
    for fund in shown_funds:
        u = utilisation(fund)
        fund_rows.append((fund.name, [u["paid"], u["reserved"], max(u["free"], 0)]))
    parts = [_("paid"), _("reserved"), _("free")]
    month_rows = [(_month(m), [v]) for m, v in board.spent_by_month]
    context.update(
        {
            "period": period,
            "board": board,
            "median_text": _duration(board.median_hours) if board.decided else "",
            "p90_text": _duration(board.p90_hours) if board.decided else "",
            "status_rows": status_rows,
            "alternative_rows": alternative_rows,
            "category_rows": board.spent_by_category,
            "month_rows": board.spent_by_month,
            "fund_rows": fund_rows,
            "parts": parts,
            "charts": {
                "status": charts.bars(status_rows, title=_("Requests by status"), fmt=_count),
                "alternative": charts.bars(
                    alternative_rows, title=_("Solved otherwise, with what"), fmt=_count
                ),
                "category": charts.bars(
                    board.spent_by_category, title=_("Spending per category"), fmt=formatting.euro
                ),
                "month": charts.columns(
                    month_rows,
                    title=_("Spending per month"),
                    series=[_("spent")],
                    fmt=formatting.euro,
                ),
                "funds": charts.stacked(
                    fund_rows, title=_("Fund utilisation"), parts=parts, fmt=formatting.euro
                ),
            },
        }
    )
    return render(request, "reports/index.html", context)
