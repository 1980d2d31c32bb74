"""A submission to the Landelijk Escalatie Team through the Maatwerkloket, from triage to the
follow-up check. Its texts are stored anonymised: the regievoerder is national and never
needs the household's identity. The rules live in `rules.py` (pure Python)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation
from doorbraak.text_validators import LimitedTextField

from . import rules


class SubmissionStatus(models.TextChoices):
    SUBMITTED = rules.SUBMITTED, _("submitted to the Maatwerkloket")
    ACCEPTED = rules.ACCEPTED, _("accepted for the LET")
    SOLVED_EARLY = rules.SOLVED_EARLY, _("solved in the voortraject")
    NOT_SUITABLE = rules.NOT_SUITABLE, _("not suitable for the LET")
    DECIDED = rules.DECIDED, _("decided by the LET")
    CHECKED = rules.CHECKED, _("checked afterwards")


class LegalGround(models.TextChoices):
    DISCRETIONARY = rules.DISCRETIONARY, _("discretionary power")
    HARDSHIP = rules.HARDSHIP, _("hardship clause")
    OTHER = rules.OTHER_GROUND, _("another legal ground")


def _user(verbose, **kwargs):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose,
        on_delete=models.PROTECT,
        related_name="+",
        **kwargs,
    )


class LetSubmission(models.Model):
    escalation = models.OneToOneField(
        "escalation.Escalation",
        verbose_name=_("escalation"),
        on_delete=models.PROTECT,
        related_name="let_submission",
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=25,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.SUBMITTED,
    )
    summary = LimitedTextField(_("summary (anonymised)"), max_length=limits.TEXT)
    question = LimitedTextField(_("question to the LET (anonymised)"), max_length=limits.TEXT)
    #: Snapshots at submission, anonymised: [{"organisation", "rule", "effect"}] and
    #: [{"level", "name", "status", "question", "decision"}].
    blockers = models.JSONField(_("blockers"), default=list)
    earlier_levels = models.JSONField(_("earlier levels"), default=list)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("national organisations involved"), related_name="+"
    )
    submitted_by = _user(_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    triaged_by = _user(_("triaged by"), null=True, blank=True)
    triaged_at = models.DateTimeField(_("triaged at"), null=True, blank=True)
    triage_note = LimitedTextField(_("haakje or reason"), max_length=limits.TEXT, blank=True)

    decided_by = _user(_("decision recorded by"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    exception_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation making the exception"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    exception = LimitedTextField(_("exception"), max_length=limits.TEXT, blank=True)
    legal_ground = models.CharField(
        _("legal ground"), max_length=30, choices=LegalGround.choices, blank=True
    )
    legal_ground_detail = LimitedTextField(
        _("legal ground (article)"), max_length=limits.SHORT_TEXT, blank=True
    )
    reasons = LimitedTextField(_("reasons"), max_length=limits.TEXT, blank=True)
    check_on = models.DateField(_("check on"), null=True, blank=True)

    checked_by = _user(_("checked by"), null=True, blank=True)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    carried_out = models.BooleanField(_("carried out as agreed"), null=True, blank=True)
    check_outcome = LimitedTextField(_("how it ended"), max_length=limits.TEXT, blank=True)

    class Meta:
        verbose_name = _("LET submission")
        verbose_name_plural = _("LET submissions")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "check_on"], name="let_status_check_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=[rules.DECIDED, rules.CHECKED])
                | (~Q(reasons="") & Q(check_on__isnull=False)),
                name="let_decision_has_reasons_and_check",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[rules.SOLVED_EARLY, rules.NOT_SUITABLE])
                | ~Q(triage_note=""),
                name="let_triage_has_note",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"LET-{self.pk:05d}"

    @property
    def is_check_due(self) -> bool:
        return self.status == rules.DECIDED and self.check_on is not None
