"""Maatwerk requests (maatwerkvoorstellen) with their value triangle and the cost-benefit
calculation as it was at submission."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak.cases.models import Blocker, Case
from doorbraak.ui import formatting

from . import limits
from .validators import validate_name


class Category(models.Model):
    """Managed taxonomy of spending, so recurring blockers can be found (Leiden: dentist)."""

    key = models.SlugField(_("key"), max_length=40, unique=True)
    label = models.CharField(_("name"), max_length=100)
    active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["order", "label"]

    def __str__(self) -> str:
        return self.label


class GroundKind(models.TextChoices):
    ARTICLE = "artikel", _("article of law")
    HARDSHIP = "hardheidsclausule", _("hardship clause")
    DISCRETION = "discretionair", _("discretionary power")
    POLICY = "beleidsregel", _("deviation from a policy rule")


class LegalGround(models.Model):
    """Catalogue of legal grounds for the legitimacy side of the value triangle."""

    law = models.CharField(_("law or regulation"), max_length=120)
    article = models.CharField(_("article"), max_length=60, blank=True)
    title = models.CharField(_("short title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=GroundKind.choices)
    explanation = models.TextField(_("explanation"), max_length=2000)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("legal ground")
        verbose_name_plural = _("legal grounds")
        ordering = ["law", "article"]

    def __str__(self) -> str:
        article = f" {self.article}" if self.article else ""
        return f"{self.law}{article}: {self.title}"


class Frequency(models.TextChoices):
    ONCE = "eenmalig", _("once")
    MONTHLY = "maandelijks", _("monthly")


class PriorProvision(models.TextChoices):
    OTHER_FUND = "ander-fonds", _("another fund")
    SPECIAL_ASSISTANCE = "bijzondere-bijstand", _("special assistance (bijzondere bijstand)")
    WMO = "wmo", _("Wmo provision")
    INSURANCE = "verzekering", _("insurance")
    OTHER = "anders", _("other provision")
    NONE_AVAILABLE = "geen", _("none exists or it takes too long")


class RequestStatus(models.TextChoices):
    SUBMITTED = "ingediend", _("submitted")
    APPROVED = "goedgekeurd", _("approved")
    REJECTED = "afgewezen", _("rejected")
    WITHDRAWN = "ingetrokken", _("withdrawn")
    PAID = "betaald", _("paid")
    SOLVED_OTHERWISE = "elders-opgelost", _("solved otherwise")


class AlternativeKind(models.TextChoices):
    OTHER_FUND = "ander-fonds", _("another fund")
    PRIOR_PROVISION = "voorliggende-voorziening", _("a voorliggende voorziening")
    NO_COST = "zonder-kosten", _("a solution without costs")


class Request(models.Model):
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="requests"
    )
    blockers = models.ManyToManyField(Blocker, verbose_name=_("blockers"), related_name="requests")
    solution = models.TextField(_("proposed solution"), max_length=limits.TEXT["solution"])
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="requests"
    )
    amount = models.DecimalField(
        _("amount (EUR)"), max_digits=12, decimal_places=2, help_text=_("Per payment; may be 0.")
    )
    frequency = models.CharField(
        _("one-off or recurring"), max_length=12, choices=Frequency.choices, default=Frequency.ONCE
    )
    months = models.PositiveSmallIntegerField(_("number of months"), default=1)
    supplier_name = models.CharField(
        _("supplier or creditor"), max_length=limits.NAME, blank=True, validators=[validate_name]
    )
    supplier_iban = models.CharField(_("IBAN of the supplier"), max_length=34, blank=True)
    prior_provisions = models.JSONField(_("provisions tried first"), default=list)
    prior_provisions_note = models.TextField(
        _("what came of them"), blank=True, max_length=limits.TEXT["prior_provisions_note"]
    )
    recurrence_prevention = models.TextField(
        _("how recurrence is prevented"), max_length=limits.TEXT["recurrence_prevention"]
    )
    fund = models.ForeignKey(
        "funds.Fund",
        verbose_name=_("fund"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        help_text=_("Empty: decided elsewhere (a table, a mandate)."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.SUBMITTED
    )
    anonymised = models.JSONField(
        _("text for approvers"),
        default=dict,
        blank=True,
        help_text=_(
            "The request's free text without the household's identifying details, "
            "as the writer checked it."
        ),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    alternative = models.CharField(
        _("solved otherwise through"), max_length=30, choices=AlternativeKind.choices, blank=True
    )
    outcome_note = models.TextField(
        _("outcome note"), blank=True, max_length=limits.TEXT["outcome_note"]
    )
    small = models.BooleanField(
        _("small request"),
        default=False,
        db_default=False,  # raw inserts (bench data) need no new column
        help_text=_(
            "Submitted as a small request under the fund's approval policy: the value "
            "triangle was optional."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    # A retry or double click of one submission finds the request it made (idempotency.py).
    idempotency_key = models.CharField(
        _("submission key"), max_length=120, blank=True, default="", db_default=""
    )
    idempotency_fingerprint = models.CharField(
        _("fingerprint of the submission"), max_length=64, blank=True, default="", db_default=""
    )

    class Meta:
        verbose_name = _("maatwerk request")
        verbose_name_plural = _("maatwerk requests")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["fund", "status"], name="request_fund_status_idx"),
            # the summary refresh after a decision recounts one group (team, fund, category,
            # month): without it PostgreSQL ANDs the fund index with a quarter of the rows
            # from the category index (57 ms at national scale, reports/summary.py)
            models.Index(
                fields=["fund", "category", "submitted_at"], name="request_figure_group_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="request_amount_not_negative"),
            models.CheckConstraint(condition=Q(months__gte=1), name="request_months_positive"),
            models.CheckConstraint(
                condition=~Q(frequency="eenmalig") | Q(months=1), name="request_once_is_one_month"
            ),
            models.CheckConstraint(
                condition=Q(amount=0) | ~Q(supplier_iban=""), name="request_paid_to_supplier"
            ),
            models.UniqueConstraint(
                fields=["created_by", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="request_idempotency_key_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {formatting.shorten(self.solution, 60)}"

    @property
    def reference(self) -> str:
        return f"V-{self.pk:06d}"

    @property
    def total(self):
        return self.amount * self.months


class ValueTriangle(models.Model):
    """Legitimiteit, betrokkenheid, rendement. Each side is filled in, or honestly marked not
    applicable with a reason."""

    request = models.OneToOneField(
        Request, verbose_name=_("request"), on_delete=models.PROTECT, related_name="triangle"
    )
    legal_ground = models.ForeignKey(
        LegalGround,
        verbose_name=_("legal ground"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    legitimacy = models.TextField(
        _("legitimacy: why it is allowed"), blank=True, max_length=limits.TEXT["legitimacy"]
    )
    legitimacy_na = models.TextField(
        _("legitimacy not applicable, because"), blank=True, max_length=limits.TEXT["legitimacy_na"]
    )
    involvement = models.TextField(
        _("involvement: what the household contributes"),
        blank=True,
        max_length=limits.TEXT["involvement"],
    )
    involvement_na = models.TextField(
        _("involvement not applicable, because"),
        blank=True,
        max_length=limits.TEXT["involvement_na"],
    )
    societal_return = models.TextField(
        _("return: which societal costs are avoided"),
        blank=True,
        max_length=limits.TEXT["societal_return"],
    )
    societal_return_na = models.TextField(
        _("return not applicable, because"),
        blank=True,
        max_length=limits.TEXT["societal_return_na"],
    )

    class Meta:
        verbose_name = _("value triangle")
        verbose_name_plural = _("value triangles")

    def __str__(self) -> str:
        return str(self.request)


class CostBenefit(models.Model):
    """The calculation as made at submission: input, result and the figures (with their
    version and source), so a later change of the catalogue never rewrites history."""

    request = models.OneToOneField(
        Request, verbose_name=_("request"), on_delete=models.PROTECT, related_name="cost_benefit"
    )
    horizon_months = models.PositiveSmallIntegerField(_("horizon (months)"))
    price_year = models.PositiveSmallIntegerField(_("price year"))
    input = models.JSONField(_("input"))
    result = models.JSONField(_("result"))
    computed_at = models.DateTimeField(_("computed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cost-benefit calculation")
        verbose_name_plural = _("cost-benefit calculations")

    def __str__(self) -> str:
        return f"{self.request} ({self.price_year})"
