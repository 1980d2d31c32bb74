"""The funnel per month per sender kind as charts: for the dashboard (/cijfers/, in the
scope and period chosen there) and for the app's own overview page. Two queries at most."""

from django.utils.translation import gettext as _

from doorbraak.reports import charts
from doorbraak.ui import formatting

from . import queries, workflow
from .models import SenderKind, Signal


def series() -> list[str]:
    return [_("received"), _("approached"), _("reached"), _("help accepted")]


def _count(value) -> str:
    return formatting.number(value)


def _month(day) -> str:
    return f"{formatting.month(day)} '{day:%y}"


def funnel_context(signals, start=None, end=None) -> dict:
    """Per sender kind a chart (columns per month: received, approached, reached, help
    accepted) with its table rows, and the totals with percentages."""
    by_kind = queries.funnel(signals, start, end)
    labels = dict(SenderKind.choices)
    names = series()
    sections = []
    for kind, months in by_kind.items():
        label = str(labels[kind])
        title = _("Funnel of signals from %(kind)s per month") % {"kind": label}
        points = [(_month(m), f.as_list()) for m, f in months]
        total = workflow.Funnel()
        for _m, f in months:
            total = total + f
        sections.append(
            {
                "kind": kind,
                "label": label,
                "caption": title,
                "chart": charts.columns(points, title=title, series=names, fmt=_count),
                "rows": [(m, f.as_list()) for m, f in months],
                "total": total,
            }
        )
    total = queries.totals(by_kind)
    return {
        "funnel_sections": sections,
        "funnel_parts": names,
        "funnel_total": total,
        "funnel_summary": (
            _(
                "%(received)s signals received, %(approached)s approached (%(ap)s), "
                "%(reached)s reached (%(rp)s), %(accepted)s accepted help."
            )
            % {
                "received": formatting.number(total.received),
                "approached": formatting.number(total.approached),
                "ap": formatting.percent(workflow.share(total.approached, total.received)),
                "reached": formatting.number(total.reached),
                "rp": formatting.percent(workflow.share(total.reached, total.approached)),
                "accepted": formatting.number(total.accepted),
            }
            if total.received
            else ""
        ),
    }


def dashboard_section(scope, period) -> dict:
    """The dashboard's context for its scope and period; empty for a scope without a
    municipality (a projectleider's funds)."""
    municipality = getattr(scope, "municipality_id", None)
    if municipality is None:
        return {"earlysignals": None}
    if hasattr(municipality, "query"):
        signals = Signal.objects.filter(municipality_id__in=municipality)
    else:
        signals = Signal.objects.filter(municipality_id=municipality)
    return {"earlysignals": funnel_context(signals, period.start, period.end)}
