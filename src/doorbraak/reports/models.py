"""Summary tables for the dashboards (issue 15): figures kept up to date by the services that
change the underlying rows (reports/summary.py), so a dashboard reads a few hundred summary
rows instead of scanning millions of requests. They hold counts and sums only: no text, no
household. A full recompute (`refresh_figures`, nightly) repairs anything a path missed."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak.accounts.models import Organisation, Team
from doorbraak.funds.models import Fund
from doorbraak.proposals.models import Category

from .figures import HOUR_BOUNDS

#: One column per bound of figures.HOUR_BOUNDS (tests/reports check they agree).
WITHIN_FIELDS = tuple(f"within_{hours}h" for hours in HOUR_BOUNDS)


class Counts(models.Model):
    """The counts of a group of requests per status and alternative: how many, how much, and
    how fast they were decided (shared by the team and the municipality summaries)."""

    status = models.CharField(_("status"), max_length=20)
    alternative = models.CharField(_("solved otherwise with"), max_length=30, blank=True)
    requests = models.PositiveIntegerField(_("requests"))
    small = models.PositiveIntegerField(_("small requests"))
    #: the sum of amount × months (EUR)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=14, decimal_places=2)
    decided = models.PositiveIntegerField(_("decided"))
    # Cumulative: how many were decided within figures.HOUR_BOUNDS[i] hours. Integer columns
    # (not a list) so a dashboard can add them up in SQL.
    within_1h = models.PositiveIntegerField(default=0)
    within_2h = models.PositiveIntegerField(default=0)
    within_4h = models.PositiveIntegerField(default=0)
    within_8h = models.PositiveIntegerField(default=0)
    within_24h = models.PositiveIntegerField(default=0)
    within_48h = models.PositiveIntegerField(default=0)
    within_72h = models.PositiveIntegerField(default=0)
    within_120h = models.PositiveIntegerField(default=0)
    within_168h = models.PositiveIntegerField(default=0)
    within_336h = models.PositiveIntegerField(default=0)
    within_720h = models.PositiveIntegerField(default=0)
    within_2160h = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.status}: {self.requests}"

    @property
    def decided_within(self) -> list[int]:
        return [getattr(self, name) for name in WITHIN_FIELDS]


class TeamGroup(models.Model):
    """The group a team summary row counts: one team, fund, category and month of
    submission (reports/summary.py `Group`)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    fund = models.ForeignKey(Fund, null=True, on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(Category, null=True, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))

    class Meta:
        abstract = True


class RequestFigure(TeamGroup, Counts):
    """Requests of one team, fund, category and month of submission, per status and
    alternative."""

    class Meta:
        verbose_name = _("request figure")
        verbose_name_plural = _("request figures")
        indexes = [
            models.Index(fields=["team", "month"], name="reqfig_team_month_idx"),
            models.Index(fields=["fund", "month"], name="reqfig_fund_month_idx"),
            models.Index(fields=["month"], name="reqfig_month_idx"),
        ]


class MunicipalityFigure(Counts):
    """The request figures of a whole municipality per category, month, status and
    alternative: the sums of its teams' `RequestFigure` rows, so the municipal dashboard reads
    a few hundred rows instead of every team's and fund's (at national density some 2.4
    million per page view). Kept by the same service calls as `RequestFigure`, in the same
    transaction (reports/summary.py adds the change of the team rows); refreshed by the full
    recount. Used when no team or fund filter narrows the municipality's scope."""

    municipality = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(Category, null=True, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))

    class Meta:
        verbose_name = _("municipality figure")
        verbose_name_plural = _("municipality figures")
        # one row per (municipality, month, category, status, alternative): summary.py
        # writes a group under an advisory lock (a category may be null, so no constraint)
        indexes = [models.Index(fields=["municipality", "month"], name="munfig_mun_month_idx")]


class FigureRefresh(models.Model):
    """When the figures were last recomputed in full (shown on the dashboards)."""

    name = models.CharField(max_length=40, unique=True)
    refreshed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name}: {self.refreshed_at:%Y-%m-%d %H:%M}"


class BenefitFigure(TeamGroup):
    """The expected avoided cost of approved and paid requests (their cost-benefit calculation
    as stored at submission) per team, fund, category, month of submission and payer group
    (reports/sections.py `PAYER_GROUPS`). Kept by the same refreshes as `RequestFigure`."""

    payer = models.CharField(_("payer"), max_length=20)
    #: approved or paid requests with a calculation in this group
    requests = models.PositiveIntegerField(_("requests"))
    cost = models.DecimalField(_("cost (EUR)"), max_digits=14, decimal_places=2)
    avoided = models.DecimalField(_("expected avoided cost (EUR)"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("benefit figure")
        verbose_name_plural = _("benefit figures")
        indexes = [
            models.Index(fields=["team", "month"], name="benfig_team_month_idx"),
            models.Index(fields=["fund", "month"], name="benfig_fund_month_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.payer}: {self.avoided}"
