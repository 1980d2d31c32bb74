"""The pause button (pauzeknop, seed 002 "Fraude of pleinvrees", scenario S10): on a case, an
inkomensconsulent or handhaver pauses the end of a benefit or a sanction while the cause is
investigated. The review is a follow-up action in "Mijn acties" (escalation.FollowUpAction);
its outcome (continue, adjust, end) is recorded here with reasons, and may start a care path
as another follow-up action."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation
from doorbraak.text_validators import LimitedCharField, LimitedTextField

from . import rules


class Measure(models.TextChoices):
    TERMINATION = "beeindiging", _("ending the benefit")
    SANCTION = "maatregel", _("sanction (maatregel)")
    RECOVERY = "terugvordering", _("recovery")


class PauseStatus(models.TextChoices):
    AWAITING_APPROVAL = "goedkeuring", _("awaiting approval")
    ACTIVE = "actief", _("active")
    REVIEWED = "herbeoordeeld", _("reviewed")
    REFUSED = "afgewezen", _("not approved")


class Outcome(models.TextChoices):
    CONTINUE = rules.CONTINUE, _("continue the benefit")
    ADJUST = rules.ADJUST, _("adjust the benefit")
    END = rules.END, _("end the benefit")


class Pause(models.Model):
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="pauses"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    measure = models.CharField(_("what is paused"), max_length=20, choices=Measure.choices)
    benefit = LimitedCharField(_("benefit or scheme"), max_length=limits.SHORT_TEXT)
    reason = LimitedTextField(_("why"), max_length=limits.TEXT)
    starts_on = models.DateField(_("first day"))
    weeks = models.PositiveSmallIntegerField(_("weeks"))
    ends_on = models.DateField(_("last day"))
    review_on = models.DateField(_("review date"))
    status = models.CharField(_("status"), max_length=20, choices=PauseStatus.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("paused by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("paused at"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approval_note = LimitedTextField(_("note"), max_length=limits.TEXT, blank=True)
    review_action = models.OneToOneField(
        "escalation.FollowUpAction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pause_review",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_reasons = LimitedTextField(_("reasons"), max_length=limits.TEXT, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    care_action = models.OneToOneField(
        "escalation.FollowUpAction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pause_care_path",
    )

    class Meta:
        verbose_name = _("pause")
        verbose_name_plural = _("pauses")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["case", "status"], name="pause_case_status_idx"),
            models.Index(fields=["status", "review_on"], name="pause_status_review_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_on__gte=models.F("starts_on"))
                & Q(review_on__lte=models.F("ends_on")),
                name="pause_review_within",
            ),
            models.CheckConstraint(
                condition=~Q(status=PauseStatus.REVIEWED)
                | (~Q(outcome="") & ~Q(outcome_reasons="")),
                name="reviewed_pause_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"PZ-{self.pk:05d}"
