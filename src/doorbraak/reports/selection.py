"""What a dashboard shows for a request: the person's scope, the filters (checked by the
filter form, Dutch messages), and the figures and tables in that scope. Shared by the page,
the exports and the API."""

from django.core.exceptions import EmptyResultSet, PermissionDenied
from django.db import connection
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.funds.models import AccountKind
from doorbraak.funds.services import from_cents
from doorbraak.learning.models import PatternStatus
from doorbraak.proposals.models import AlternativeKind, RequestStatus
from doorbraak.worktables.models import SolutionStatus

from . import dashboard, figures, queries, sections
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
    form = filter_form(scope, request.GET or {"start": period.start, "end": period.end})
    if not form.is_valid():
        return scope, form, None
    data = dict(form.cleaned_data)
    data["period"] = figures.Period(data["start"], data["end"])
    # the team filter narrows the scope itself: every figure below is that team's
    return queries.narrowed(scope, data.get("team")), form, data


def filter_form(scope, data) -> FilterForm:
    return FilterForm(
        data,
        teams=queries.teams_in(scope),
        funds=queries.funds_in(scope),
        categories=queries.categories(),
        offer_teams=scope.teams is not None,
    )


def select(request, top_funds=None):
    """The person's scope and the filter form; the figures when the form is valid
    (`top_funds`: see `compute`)."""
    scope, form, data = filtered(request)
    if data is None:
        return scope, form, None
    period = data["period"]
    board, tables = compute(scope, period, data["fund"], data["category"], top_funds=top_funds)
    return scope, form, (period, board, tables)


def compute(scope, period, fund=None, category=None, funds=None, top_funds=None):
    """The figures and tables of a scope and period (the page, the exports, the API and the
    yearly report): a fixed number of queries. With `top_funds` (a function naming the other
    funds, `views._other_funds`), the fund table holds only the busiest funds and one row for
    the rest (`dashboard.top_funds`, ranked on whole cents), as the page and the yearly report
    show it; `board.funds_total` and `board.funds_other` say how many funds there are and how
    many the last row adds up. The exports and the API keep every fund."""
    rows = queries.rows(scope, period.start, period.end, fund, category)
    board = dashboard.build(rows, period.months())
    shown_funds = queries.funds_in(scope) if funds is None else funds
    if fund:
        shown_funds = shown_funds.filter(pk=fund.pk)
    if top_funds is None:
        cents = fund_utilisation(shown_funds)
        board.funds_total, board.funds_other = len(cents), 0
    else:
        cents, board.funds_other, board.funds_total = busiest_funds(shown_funds, top_funds)
    statuses, alternatives = _labels()
    tables = {
        "status": [(statuses.get(k, k), v) for k, v in board.by_status.items()],
        "alternative": [
            (alternatives.get(k, k or "—"), v) for k, v in board.by_alternative.items()
        ],
        "category": board.spent_by_category,
        "month": board.spent_by_month,
        "funds": [(name, [from_cents(part) for part in parts]) for name, parts in cents],
    }
    extra = sections.build(scope, period, rows, fund=fund, category=category)
    board.sections = extra
    tables.update(section_tables(extra))
    return board, tables


def _per_fund(funds):
    """The funds with today's balances of their ledger accounts (as `funds.ledger.balances`
    reads them; only a budget account may go below zero) in whole cents, added up per fund by
    the database: a municipality has 3,200 funds and four times as many accounts, which as
    rows in Python cost more than the rest of the dashboard."""

    def balance(kind):
        return Coalesce(Sum("accounts__balance_cents", filter=Q(accounts__kind=kind)), 0)

    return funds.annotate(
        paid_cents=balance(AccountKind.PAID),
        reserved_cents=balance(AccountKind.RESERVED),
        available_cents=balance(AccountKind.AVAILABLE),
    ).values_list("name", "paid_cents", "reserved_cents", "available_cents")


def fund_utilisation(funds) -> list[tuple[str, list[int]]]:
    """(name, [paid, reserved, free]) in cents for every fund, in the funds' order (the
    exports and the API); `compute` turns them into euros."""
    return [(name, [paid, reserved, free]) for name, paid, reserved, free in _per_fund(funds)]


def busiest_funds(funds, other_label, top: int = dashboard.TOP_FUNDS):
    """What `dashboard.top_funds` makes of `fund_utilisation(funds)` — the `top` funds with
    the most activity and one row `other_label(n)` adding up the others; all of them in the
    funds' order (by name) when there are no more than `top` + 1 — but ranked and added up by
    the database in the same one query, so that only those rows reach Python. Returns (rows
    in cents, funds in the last row or 0, funds in all). Ties on activity go by the name's
    code points, as in Python."""
    try:
        sql, params = _per_fund(funds).order_by().query.sql_with_params()
    except EmptyResultSet:  # a scope that can hold no fund (`.none()`)
        return [], 0, 0
    binary = 'COLLATE "C"' if connection.vendor == "postgresql" else "COLLATE BINARY"
    with connection.cursor() as cursor:
        # the kept rows come first, by name (the funds' order); the sum of the others last
        cursor.execute(
            f"WITH f (name, paid, reserved, free) AS ({sql}), "  # noqa: S608 - the ORM's SQL
            "r AS (SELECT f.*, count(*) OVER () AS n, row_number() OVER "
            f"(ORDER BY paid + reserved DESC, name {binary}) AS rn FROM f) "
            "SELECT name, paid, reserved, free, rn, n, 0 AS tail FROM r WHERE rn <= %s "
            "UNION ALL SELECT NULL, sum(paid), sum(reserved), sum(free), NULL, max(n), 1 "
            "FROM r WHERE rn > %s ORDER BY tail, name",
            [*params, top + 1, top],
        )
        found = cursor.fetchall()
    total = int(found[0][5] or 0) if found else 0
    kept = [row for row in found if row[4] is not None]
    if total <= top + 1:
        return [_cents(row) for row in kept], 0, total
    kept.sort(key=lambda row: row[4])
    others = total - top
    tail = found[-1]
    return [*map(_cents, kept[:top]), _cents((other_label(others), *tail[1:4]))], others, total


def _cents(row) -> tuple[str, list[int]]:
    return row[0], [int(row[1]), int(row[2]), int(row[3])]


def payer_labels() -> dict[str, str]:
    from . import benefit

    return {
        benefit.MUNICIPALITY: _("municipality"),
        benefit.HEALTH_INSURER: _("health insurer"),
        benefit.HOUSING: _("housing corporation"),
        benefit.NATIONAL: _("national organisations"),
        benefit.OTHER: _("other"),
    }


def level_label(level: int) -> str:
    return _("Step %(n)s") % {"n": level}


def section_tables(extra: "sections.Sections") -> dict[str, list]:
    """The new sections' tables as (label, value or [values]) rows, like the others: what the
    page shows beside the charts, and what the exports and the PDF write."""
    payers = payer_labels()
    pattern_labels = {k: str(v) for k, v in PatternStatus.choices}
    solution_labels = {k: str(v) for k, v in SolutionStatus.choices}
    let = extra.let
    return {
        "tables": [(str(y.year), [y.cases, y.solved, y.breakthroughs]) for y in extra.table_years],
        "let": [
            (_("submitted"), let.submitted),
            (_("solved in the voortraject"), let.solved_early),
            (_("not suitable"), let.not_suitable),
            (_("decided by the LET"), let.decided),
            (_("checked afterwards"), let.checked),
            (_("carried out as agreed"), let.carried_out),
        ]
        if extra.for_teams
        else [],
        "mandates": [(name, [n, amount]) for name, n, amount in extra.mandates],
        "patterns": [(pattern_labels.get(k, k), n) for k, n in extra.patterns],
        "solutions": [(solution_labels.get(k, k), n) for k, n in extra.solutions],
        "benefit": [
            (payers.get(payer, payer), [n, cost, avoided])
            for payer, n, cost, avoided in extra.benefit
        ],
        "levels": [
            (level_label(t.level), [t.decided, t.median_hours, t.p90_hours]) for t in extra.levels
        ],
    }
