"""Samen indiceren (seed 002, Twente): an adviser (wijkverpleegkundige), linked to a case,
writes an advisory Wmo indication; a Wmo consultant of the municipality reviews it: agrees,
asks a question (the adviser answers) or adjusts it with reasons. The review's conclusion is
the municipality's decision, recorded with its date. Statutory terms: terms.py."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.text_validators import LimitedCharField, LimitedTextField

from . import terms

MAX_CONTRIBUTION = Decimal("10000.00")


class IndicationStatus(models.TextChoices):
    SUBMITTED = "ingediend", _("awaiting review")
    QUESTION = "vraag", _("question to the adviser")
    AGREED = terms.AGREED, _("agreed with the advice")
    ADJUSTED = terms.ADJUSTED, _("adjusted")


OPEN_STATUSES = (IndicationStatus.SUBMITTED, IndicationStatus.QUESTION)


class Indication(models.Model):
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="indications"
    )
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adviser"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reported_on = models.DateField(_("date of the report (melding)"))
    applied_on = models.DateField(_("date of the application (aanvraag)"), null=True, blank=True)
    need = LimitedTextField(_("need for support"), max_length=limits.TEXT)
    own_capacity = LimitedTextField(_("own capacity (eigen kracht)"), max_length=limits.TEXT)
    informal_care = LimitedTextField(
        _("informal care (mantelzorg)"), max_length=limits.TEXT, blank=True
    )
    provision = LimitedCharField(_("proposed provision"), max_length=limits.SHORT_TEXT)
    scope = LimitedCharField(_("scope"), max_length=limits.SHORT_TEXT)
    contribution = models.DecimalField(
        _("personal contribution"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_CONTRIBUTION)],
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=IndicationStatus.choices,
        default=IndicationStatus.SUBMITTED,
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    questioned = models.BooleanField(_("questioned"), default=False)
    # The conclusion: the municipality's decision.
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Wmo consultant"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_on = models.DateField(_("date of the decision"), null=True, blank=True)
    reasons = LimitedTextField(_("reasons for the adjustment"), max_length=limits.TEXT, blank=True)
    decided_provision = LimitedCharField(
        _("provision decided"), max_length=limits.SHORT_TEXT, blank=True
    )
    decided_scope = LimitedCharField(_("scope decided"), max_length=limits.SHORT_TEXT, blank=True)
    decided_contribution = models.DecimalField(
        _("personal contribution decided"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
    )
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("advisory Wmo indication")
        verbose_name_plural = _("advisory Wmo indications")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "reported_on"], name="indication_status_idx"),
            models.Index(fields=["adviser", "status"], name="indication_adviser_idx"),
            models.Index(fields=["case", "status"], name="indication_case_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(contribution__gte=0), name="indication_contribution_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in OPEN_STATUSES])
                | (Q(decided_on__isnull=False) & Q(reviewer__isnull=False)),
                name="concluded_indication_has_decision",
            ),
            models.CheckConstraint(
                condition=~Q(status=IndicationStatus.ADJUSTED) | ~Q(reasons=""),
                name="adjusted_indication_has_reasons",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"WI-{self.pk:05d}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def terms_on(self, today):
        return terms.terms(
            reported_on=self.reported_on,
            applied_on=self.applied_on,
            decided_on=self.decided_on,
            today=today,
        )


class ExchangeKind(models.TextChoices):
    QUESTION = "vraag", _("question")
    ANSWER = "antwoord", _("answer")


class Exchange(models.Model):
    """A question of the consultant or the adviser's answer, in order. Append-only."""

    indication = models.ForeignKey(
        Indication, verbose_name=_("indication"), on_delete=models.PROTECT, related_name="exchanges"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ExchangeKind.choices)
    text = LimitedTextField(_("text"), max_length=limits.TEXT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("question or answer")
        verbose_name_plural = _("questions and answers")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.indication_id}"
