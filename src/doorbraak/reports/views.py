"""The dashboard page (/cijfers/): figures of the person's scope, as charts with their tables."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from doorbraak.funds.services import utilisation
from doorbraak.proposals.models import AlternativeKind, RequestStatus
from doorbraak.ui import formatting

from . import charts, dashboard, exports, figures, queries, summary
from .forms import FilterForm

#: The tables a dashboard exports, with the sheet name of each.
EXPORT_TABLES = {
    "status": "Status",
    "alternative": "Elders opgelost",
    "category": "Categorieen",
    "month": "Maanden",
    "funds": "Potjes",
}


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


def _filtered(request):
    """The person's scope and the filter form; the figures when the form is valid."""
    scope = queries.scope_of(request.user)
    if scope is None:
        raise PermissionDenied(
            _("Figures are for team leaders, projectleiders and the municipality.")
        )
    period = figures.default_period(timezone.localdate())
    funds = queries.funds_in(scope)
    form = FilterForm(
        request.GET or {"start": period.start, "end": period.end},
        funds=funds,
        categories=queries.categories(),
    )
    if not form.is_valid():
        return scope, form, None
    data = form.cleaned_data
    period = figures.Period(data["start"], data["end"])
    rows = queries.rows(scope, period.start, period.end, data["fund"], data["category"])
    board = dashboard.build(rows, period.months())
    shown_funds = funds.filter(pk=data["fund"].pk) if data["fund"] else funds
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


def _export_header(table: str) -> list[str]:
    return {
        "status": [_("Status"), _("Requests")],
        "alternative": [_("Solved otherwise with"), _("Requests")],
        "category": [_("Category"), _("Amount (EUR)")],
        "month": [_("Month"), _("Amount (EUR)")],
        "funds": [_("Fund"), _("paid"), _("reserved"), _("free")],
    }[table]


def export(request, table, kind):
    """One table of the dashboard, with the page's filters, as CSV or XLSX."""
    if table not in EXPORT_TABLES or kind not in exports.CONTENT_TYPES:
        raise Http404
    scope, form, result = _filtered(request)
    if result is None:
        return render(
            request,
            "reports/index.html",
            {"form": form, "scope": scope, "refreshed": summary.last_refresh()},
            status=400,
        )
    period, board, tables = result
    rows = []
    for label, values in tables[table]:
        if table == "month":
            label = label.strftime("%Y-%m")
        rows.append([label, *(values if isinstance(values, list) else [values])])
    header = _export_header(table)
    if kind == exports.CSV:
        body = exports.to_csv(header, rows)
    else:
        body = exports.to_xlsx(EXPORT_TABLES[table], header, rows)
    response = HttpResponse(body, content_type=exports.CONTENT_TYPES[kind])
    name = f"cijfers-{table}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def index(request):
    scope, form, result = _filtered(request)
    context = {"form": form, "scope": scope, "refreshed": summary.last_refresh()}
    if result is None:
        return render(request, "reports/index.html", context, status=400)
    period, board, tables = result
    status_rows, alternative_rows, fund_rows = (
        tables["status"],
        tables["alternative"],
        tables["funds"],
    )
    parts = [_("paid"), _("reserved"), _("free")]
    month_rows = [(_month(m), [v]) for m, v in board.spent_by_month]
    context.update(
        {
            "period": period,
            "board": board,
            "query": request.GET.urlencode(),
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
