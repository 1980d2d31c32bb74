"""Generic maatwerk (GenericDecision): one decision for a whole group, and the outreach list
(belteam) that reaches each household.

A decision names the organisation, the rule (a catalogue rule or free text), the period and
optionally the maximum amount waived; the affected cases are the cases with a blocker of that
organisation and rule recorded within the period (criteria.py, queries.matching_blockers).
Creating the decision snapshots them into OutreachRows; no household data is copied: a row
refers to its case by id and an attempt's note is stored anonymised."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation
from doorbraak.cases.models import Case
from doorbraak.learning.models import Pattern, Rule
from doorbraak.text_validators import LimitedCharField, LimitedTextField

from . import outreach


class GenericDecision(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="generic_decisions",
    )
    catalogue_rule = models.ForeignKey(
        Rule,
        verbose_name=_("rule (catalogue)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="generic_decisions",
    )
    #: The rule as matched: the catalogue rule's title, or the free text.
    rule = LimitedTextField(_("rule"), max_length=limits.TEXT)
    title = LimitedCharField(_("title"), max_length=limits.SHORT_TEXT)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    max_amount = models.DecimalField(
        _("maximum amount waived"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    reasons = LimitedTextField(_("reasons"), max_length=limits.TEXT)
    legal_ground = LimitedTextField(_("legal ground"), max_length=limits.TEXT, blank=True)
    pattern = models.ForeignKey(
        Pattern,
        verbose_name=_("pattern"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="generic_decisions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("decided at"), auto_now_add=True)
    refreshed_at = models.DateTimeField(_("list refreshed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("generic decision")
        verbose_name_plural = _("generic decisions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="generic_period_in_order"
            ),
            models.CheckConstraint(
                condition=Q(max_amount__isnull=True) | Q(max_amount__gte=0),
                name="generic_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"G-{self.pk:05d}"


class OutreachStatus(models.TextChoices):
    TO_CALL = outreach.TO_CALL, _("to call")
    REACHED = outreach.REACHED, _("reached")
    NOT_REACHED = outreach.NOT_REACHED, _("not reached")
    DECLINED = outreach.DECLINED, _("declined")


class AttemptOutcome(models.TextChoices):
    ANSWERED = outreach.ANSWERED, _("reached")
    NO_ANSWER = outreach.NO_ANSWER, _("no answer")
    REFUSED = outreach.REFUSED, _("declined")


class OutreachRow(models.Model):
    """One household (case) on a decision's outreach list."""

    decision = models.ForeignKey(
        GenericDecision, on_delete=models.PROTECT, related_name="outreach_rows"
    )
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="outreach_rows"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=OutreachStatus.choices, default=OutreachStatus.TO_CALL
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("outreach row")
        verbose_name_plural = _("outreach list")
        ordering = ["decision", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "case"], name="one_row_per_case"),
        ]
        indexes = [models.Index(fields=["decision", "status"], name="outreach_status_idx")]

    def __str__(self) -> str:
        return f"{self.decision_id}: {self.case_id}"

    @property
    def is_closed(self) -> bool:
        return outreach.is_closed(self.status)


class OutreachAttempt(models.Model):
    row = models.ForeignKey(OutreachRow, on_delete=models.PROTECT, related_name="attempt_log")
    at = models.DateTimeField(_("date"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=AttemptOutcome.choices)
    note = LimitedCharField(_("short note"), max_length=limits.SHORT_TEXT, blank=True)

    class Meta:
        verbose_name = _("outreach attempt")
        verbose_name_plural = _("outreach attempts")
        ordering = ["row", "at", "id"]

    def __str__(self) -> str:
        return f"{self.row_id} {self.outcome}"
