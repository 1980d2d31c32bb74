"""The agreement rate of samen indiceren on the dashboard (/cijfers/): per team of the
dashboard's scope and its period, the share of reviewed advisory indications the Wmo consultant
agreed with as written. Counted by the date the advice was submitted; "reviewed" and "agreed"
are terms.counts_as_reviewed / counts_as_agreed: a questioned indication counts as reviewed and
not agreed, also when agreed after the adviser's answer (the pilot: 1 of 13 questioned, 12 of
13 agreed). One query; the chart via reports.charts."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from doorbraak.reports import charts
from doorbraak.ui import formatting

from . import terms
from .models import Indication, IndicationStatus

REVIEWED = Q(questioned=True) | Q(status__in=[IndicationStatus.AGREED, IndicationStatus.ADJUSTED])
AGREED = Q(status=IndicationStatus.AGREED, questioned=False)


@dataclass(frozen=True)
class TeamRate:
    team: str
    reviewed: int
    agreed: int

    @property
    def rate(self) -> float | None:
        return terms.agreement_rate(self.agreed, self.reviewed)


def team_rates(teams, start, end) -> list[TeamRate]:
    """Per team (a list or subquery of team ids), by name: reviewed and agreed indications
    submitted from `start` up to and including `end`."""
    rows = (
        Indication.objects.filter(
            case__team_id__in=teams,
            submitted_at__date__gte=start,
            submitted_at__date__lte=end,
        )
        .values("case__team__name")
        .annotate(reviewed=Count("pk", filter=REVIEWED), agreed=Count("pk", filter=AGREED))
        .filter(reviewed__gt=0)
        .order_by("case__team__name")
    )
    return [TeamRate(r["case__team__name"], r["reviewed"], r["agreed"]) for r in rows]


def section(scope, period) -> dict:
    """The context of `indications/_dashboard_section.html`: nothing for a scope without
    teams (a project leader's funds)."""
    if scope is None or scope.teams is None:
        return {"indication_rates": None}
    rates = team_rates(scope.teams, period.start, period.end)
    reviewed = sum(r.reviewed for r in rates)
    agreed = sum(r.agreed for r in rates)
    overall = terms.agreement_rate(agreed, reviewed)
    # Agreed / reviewed per team; the rate is the chart's bar. One narrow column, so a long
    # team name keeps its width at 375 px.
    rows = [(r.team, f"{r.agreed} / {r.reviewed}") for r in rates]
    chart = charts.bars(
        [(r.team, round((r.rate or 0) * 100)) for r in rates],
        title=_("Agreement rate per team"),
        fmt=lambda v: f"{v} %",
    )
    return {
        "indication_rates": {
            "rows": rows,
            "chart": chart,
            "reviewed": reviewed,
            "agreed": agreed,
            "rate": overall,
            "summary": _(
                "%(agreed)s of %(reviewed)s reviewed indications agreed as written (%(rate)s)."
            )
            % {
                "agreed": formatting.number(agreed),
                "reviewed": formatting.number(reviewed),
                "rate": formatting.percent(overall),
            },
        }
    }
