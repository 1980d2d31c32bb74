"""The dashboard page (/cijfers/): figures of the person's scope, as charts with their tables."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from doorbraak.home import menu
from doorbraak.home.queries import person_of
from doorbraak.learning import recurrence
from doorbraak.ui import formatting

from . import charts, exports, queries, selection, summary

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


def _fund_parts() -> list[str]:
    """The parts of a fund's budget, in the order of `selection.select`'s fund rows."""
    return [_("paid"), _("reserved"), _("free")]


def _export_header(table: str) -> list[str]:
    return {
        "status": [_("Status"), _("Requests")],
        "alternative": [_("Solved otherwise with"), _("Requests")],
        "category": [_("Category"), _("Amount (EUR)")],
        "month": [_("Month"), _("Amount (EUR)")],
        "funds": [_("Fund"), *_fund_parts()],
    }[table]


def _refused(request, scope, form):
    """The dashboard with the filter form's Dutch messages and no figures."""
    context = {"form": form, "scope": scope, "refreshed": summary.last_refresh()}
    return render(request, "reports/index.html", context, status=400)


def export(request, table, kind):
    """One table of the dashboard, with the page's filters, as CSV or XLSX."""
    if table not in EXPORT_TABLES or kind not in exports.CONTENT_TYPES:
        raise Http404
    scope, form, result = selection.select(request)
    if result is None:
        return _refused(request, scope, form)
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
    scope, form, result = selection.select(request)
    if result is None:
        return _refused(request, scope, form)
    context = {"form": form, "scope": scope, "refreshed": summary.last_refresh()}
    period, board, tables = result
    status_rows, alternative_rows, fund_rows = (
        tables["status"],
        tables["alternative"],
        tables["funds"],
    )
    parts = _fund_parts()
    month_rows = [(_month(m), [v]) for m, v in board.spent_by_month]
    busiest = max(board.spent_by_month, key=lambda mv: mv[1], default=None)
    month_summary = (
        _("Most in %(month)s: %(amount)s; in all %(total)s.")
        % {
            "month": _month(busiest[0]),
            "amount": formatting.euro(busiest[1]),
            "total": formatting.euro(board.spent),
        }
        if busiest and busiest[1]
        else _("Nothing spent in this period.")
    )
    context.update(
        {
            "period": period,
            "month_summary": month_summary,
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


def categories(request):
    """Spending per category across funds and teams, and the categories that keep coming back
    (learning/recurrence.py), each offered as the start of a signal."""
    scope, form, data = selection.filtered(request)
    context = {"form": form, "scope": scope}
    if data is None:
        return render(request, "reports/categories.html", context, status=400)
    period = data["period"]
    rows = queries.category_spending(scope, period.start, period.end)
    context.update(
        {
            "period": period,
            "rows": rows,
            "recurring": recurrence.recurring(rows, min_requests=settings.PATTERN_MIN_CASES),
            "min_requests": settings.PATTERN_MIN_CASES,
            "may_signal": menu.may_record_signal(person_of(request.user)),
        }
    )
    return render(request, "reports/categories.html", context)
