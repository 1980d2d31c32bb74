"""The dashboard page (/cijfers/): figures of the person's scope, as charts with their tables."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from doorbraak.accounts.roles import Role
from doorbraak.earlysignals import dashboard as earlysignals_dashboard
from doorbraak.home import menu
from doorbraak.home.queries import person_of
from doorbraak.indications import dashboard as indication_dashboard
from doorbraak.learning import recurrence
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import log_processing, origin_from_request
from doorbraak.ui import formatting
from doorbraak.worktables.models import SolutionKind, SolutionStatus

from . import charts, dashboard, exports, figures, queries, sections, selection, summary

#: The tables a dashboard exports, with the sheet name of each.
EXPORT_TABLES = {
    "status": "Status",
    "alternative": "Elders opgelost",
    "category": "Categorieen",
    "month": "Maanden",
    "funds": "Potjes",
    "tables": "Doorbraaktafels",
    "let": "LET",
    "mandates": "Mandaatgebruik",
    "patterns": "Patronen",
    "solutions": "Structurele oplossingen",
    "benefit": "Kosten en baten",
    "levels": "Doorlooptijd per stap",
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


def _other_funds(n: int) -> str:
    return ngettext("%(n)s other fund", "Other funds (%(n)s)", n) % {"n": formatting.number(n)}


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
        "tables": [_("Year"), _("Table cases"), _("Solved at the table"), _("Breakthroughs")],
        "let": [_("LET submissions"), _("Number")],
        "mandates": [_("Overruled organisation"), _("Mandate uses"), _("Amount (EUR)")],
        "patterns": [_("Status"), _("Patterns")],
        "solutions": [_("Status"), _("Structural solutions")],
        "benefit": [
            _("Payer"),
            _("Approved requests"),
            _("Cost (EUR)"),
            _("Expected avoided cost (EUR)"),
        ],
        "levels": [
            _("Step of the escalation route"),
            _("Decided"),
            _("Half decided within (hours, at most)"),
            _("90th percentile decided within (hours, at most)"),
        ],
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
        values = values if isinstance(values, list) else [values]
        rows.append([label, *("" if v is None else v for v in values)])
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
    # the chart and the table beside it: the busiest funds and one row for the others (the
    # exports and the API keep every fund)
    scope, form, result = selection.select(request, top_funds=_other_funds)
    if result is None:
        return _refused(request, scope, form)
    context = {"form": form, "scope": scope, "refreshed": summary.last_refresh()}
    period, board, tables = result
    status_rows, alternative_rows = tables["status"], tables["alternative"]
    fund_rows = tables["funds"]
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
            "other_funds": board.funds_other,
            "all_funds": board.funds_total,
            "parts": parts,
            "charts": _base_charts(board, tables, month_rows, parts, fund_rows),
        }
    )
    context.update(_section_context(board.sections, tables))
    context.update(indication_dashboard.section(scope, period))  # indications/ (issue 17)
    context.update(earlysignals_dashboard.dashboard_section(scope, period))
    if may_print_yearly(request.user, scope):
        context["yearly_years"] = yearly_years(timezone.localdate())
        context["yearly_query"] = f"?team={scope.team.pk}" if scope.team else ""
    return render(request, "reports/index.html", context)


def _base_charts(board, tables, month_rows, parts, fund_rows) -> dict:
    return {
        "status": charts.bars(tables["status"], title=_("Requests by status"), fmt=_count),
        "alternative": charts.bars(
            tables["alternative"], title=_("Solved otherwise, with what"), fmt=_count
        ),
        "category": charts.bars(
            board.spent_by_category, title=_("Spending per category"), fmt=formatting.euro
        ),
        "month": charts.columns(
            month_rows, title=_("Spending per month"), series=[_("spent")], fmt=formatting.euro
        ),
        "funds": charts.stacked(
            fund_rows, title=_("Fund utilisation"), parts=parts, fmt=formatting.euro
        ),
    }


def _hours(value) -> str:
    return _duration(value)


def _section_context(extra, tables) -> dict:
    """The charts, display rows and summaries of the sections beyond the requests."""
    euro = formatting.euro
    let = extra.let
    table_rows = tables["tables"]
    levels = extra.levels
    context = {
        "extra": extra,
        "let_rate": None if let.success_rate is None else round(Decimal(let.success_rate), 2),
        "table_rows": table_rows,
        "let_rows": tables["let"],
        "mandate_rows": [
            (name, [_count(n), euro(amount)]) for name, (n, amount) in tables["mandates"]
        ],
        "pattern_rows": tables["patterns"],
        "solution_rows": tables["solutions"],
        "benefit_rows": [
            (label, [_count(n), euro(cost), euro(avoided)])
            for label, (n, cost, avoided) in tables["benefit"]
        ],
        "level_rows": [
            (
                selection.level_label(t.level),
                [_count(t.decided), _duration(t.median_hours), _duration(t.p90_hours)],
            )
            for t in levels
        ],
        "table_parts": [_("table cases"), _("solved at the table"), _("breakthroughs")],
        "mandate_parts": [_("uses"), _("amount")],
        "benefit_parts": [_("requests"), _("cost"), _("expected avoided cost")],
        "level_parts": [_("decided"), _("half within"), _("90 % within")],
    }
    context["section_charts"] = {
        "tables": charts.columns(
            [(label, [v[0], v[2]]) for label, v in table_rows],
            title=_("Table cases and breakthroughs per year"),
            series=[_("table cases"), _("breakthroughs")],
            fmt=_count,
        ),
        "let": charts.bars(tables["let"], title=_("LET submissions"), fmt=_count),
        "mandates": charts.bars(
            [(name, n) for name, (n, _amount) in tables["mandates"]],
            title=_("Mandate uses per overruled organisation"),
            fmt=_count,
        ),
        "patterns": charts.bars(tables["patterns"], title=_("Patterns by status"), fmt=_count),
        "solutions": charts.bars(
            tables["solutions"], title=_("Structural solutions by status"), fmt=_count
        ),
        "benefit": charts.bars(
            [(label, avoided) for label, (_n, _cost, avoided) in tables["benefit"]],
            title=_("Expected avoided cost per payer"),
            fmt=euro,
        ),
        "levels": charts.columns(
            [
                (selection.level_label(t.level), [t.median_hours or 0, t.p90_hours or 0])
                for t in levels
            ],
            title=_("Time to decision per step"),
            series=[_("half within"), _("90 % within")],
            fmt=_hours,
        ),
    }
    context["table_summary"] = _(
        "%(cases)s table cases, %(solved)s solved at the table; %(b)s breakthroughs in all."
    ) % {
        "cases": _count(extra.table_cases),
        "solved": _count(extra.table_solved),
        "b": _count(extra.breakthroughs),
    }
    context["let_summary"] = (
        _("%(done)s of %(checked)s checked LET decisions carried out as agreed (%(rate)s).")
        % {
            "done": _count(let.carried_out),
            "checked": _count(let.checked),
            "rate": formatting.percent(context["let_rate"]),
        }
        if let.checked
        else _("No LET decision checked afterwards yet in this period.")
    )
    context["benefit_summary"] = _(
        "Approved requests cost %(cost)s and are expected to avoid %(avoided)s."
    ) % {"cost": euro(extra.benefit_cost), "avoided": euro(extra.benefit_avoided)}
    return context


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


#: Who may print the municipality's yearly report (issue 15): the municipality's own roles.
YEARLY_ROLES = frozenset({Role.BELEIDSADVISEUR, Role.MANAGER_WI})
FIRST_YEAR = 2000


def may_print_yearly(user, scope) -> bool:
    return scope is not None and scope.kind == queries.MUNICIPALITY and user.role in YEARLY_ROLES


def yearly_years(today: datetime.date) -> list[int]:
    """The years the dashboard offers a report for: this one and the three before."""
    return [today.year - i for i in range(4)]


def yearly_report(request, year: int):
    """The municipality's yearly report as a PDF: headline figures, the charts and the
    structural solutions. Counts, amounts and anonymised texts only; the download is logged."""
    scope = queries.scope_of(request.user)
    if not may_print_yearly(request.user, scope):
        raise PermissionDenied(_("The yearly report is for the municipality's policy roles."))
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise Http404
    period = figures.Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    # the team filter of the dashboard (`?team=`), checked like the page's
    form = selection.filter_form(
        scope, {"start": period.start, "end": period.end, "team": request.GET.get("team", "")}
    )
    if not form.is_valid():
        return _refused(request, scope, form)
    scope = queries.narrowed(scope, form.cleaned_data["team"])
    board, tables = selection.compute(scope, period, top_funds=_other_funds)
    extra = board.sections
    approved = sum(board.by_status.get(status, 0) for status in sorted(dashboard.SPENT))
    month_rows = [(_month(m), [v]) for m, v in board.spent_by_month]
    kinds = {k: str(v) for k, v in SolutionKind.choices}
    statuses = {k: str(v) for k, v in SolutionStatus.choices}
    context = {
        "scope": scope,
        "year": year,
        "board": board,
        "approved": approved,
        "solutions": [
            (kinds.get(s.kind, s.kind), statuses.get(s.status, s.status), s.organisation, s.rule)
            for s in sections.solution_list(scope, period)
        ],
        "charts": _base_charts(board, tables, month_rows, _fund_parts(), tables["funds"]),
        "made_at": timezone.localtime(),
        **_section_context(extra, tables),
    }
    html = render_to_string("reports/yearly_report.html", context, request=request)
    from doorbraak.documents.kinds import render_pdf  # loads WeasyPrint lazily

    body = render_pdf(html)
    log_processing(
        origin_from_request(request),
        activity=Activity.YEARLY_REPORT_EXPORT,
        action="export",
        object_type="yearly-report",
        object_id=f"{scope.municipality_id}:{year}"
        + (f":team-{scope.team.pk}" if scope.team else ""),
    )
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="jaarverslag-cijfers-{year}.pdf"'
    return response
