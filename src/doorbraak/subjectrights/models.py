"""Data-subject rights (AVG art. 15, 16, 18) and retention/destruction records.

Kept apart from the case file: a restriction of processing is its own row pointing at a
household (no column on `cases.Household`, so no migration in that app), and a destroyed case
is marked by a `DestroyedCase` row. Nothing here holds a BSN or a name: a request is tied to
the household member it is about by foreign key.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.cases.models import Case, Household, Member
from doorbraak.text_validators import LimitedTextField


class Restriction(models.Model):
    """Restriction of processing (AVG art. 18): while active (`lifted_at` empty) the
    household's cases are only stored: not listed, not opened, no request submitted, approved
    or paid, left out of exports. Checked centrally in `restriction.py`."""

    household = models.ForeignKey(
        Household, verbose_name=_("household"), on_delete=models.PROTECT, related_name="+"
    )
    member = models.ForeignKey(
        Member,
        verbose_name=_("requested by (household member)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = LimitedTextField(_("reason"), max_length=limits.TEXT)
    started_at = models.DateTimeField(_("restricted since"), auto_now_add=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("restricted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lifted by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    lift_reason = LimitedTextField(_("reason for lifting"), max_length=limits.TEXT, blank=True)

    class Meta:
        verbose_name = _("restriction of processing")
        verbose_name_plural = _("restrictions of processing")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(lifted_at__isnull=True),
                name="one_active_restriction_per_household",
            )
        ]

    def __str__(self) -> str:
        return f"{self.household_id} {self.started_at:%Y-%m-%d}"

    @property
    def active(self) -> bool:
        return self.lifted_at is None


class RequestKind(models.TextChoices):
    ACCESS = "inzage", _("access (art. 15)")
    RECTIFICATION = "rectificatie", _("rectification (art. 16)")
    RESTRICTION = "beperking", _("restriction (art. 18)")


class RequestState(models.TextChoices):
    RECEIVED = "ontvangen", _("received")
    DONE = "afgehandeld", _("handled")
    REFUSED = "afgewezen", _("refused")


class RightsRequest(models.Model):
    """The trail of a data subject's request: what was asked, when, and how it was handled.
    A rectification is carried out in the case file through the existing services; this row
    records the request and its handling."""

    kind = models.CharField(_("kind"), max_length=20, choices=RequestKind.choices)
    member = models.ForeignKey(
        Member, verbose_name=_("data subject"), on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    description = LimitedTextField(_("what the person asks"), max_length=limits.TEXT, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=RequestState.choices, default=RequestState.RECEIVED
    )
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    handling = LimitedTextField(_("how it was handled"), max_length=limits.TEXT, blank=True)

    class Meta:
        verbose_name = _("data subject request")
        verbose_name_plural = _("data subject requests")
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.received_at:%Y-%m-%d}"


class ProposalState(models.TextChoices):
    PROPOSED = "voorgesteld", _("proposed")
    DONE = "uitgevoerd", _("carried out")
    CANCELLED = "ingetrokken", _("withdrawn")


class DestructionProposal(models.Model):
    """A destruction proposed by one functional administrator and confirmed by another. Once
    carried out it is the destruction record: what kind, how many, when, under which term,
    proposed by and confirmed by. Never deleted."""

    kind = models.CharField(_("kind of record"), max_length=40)
    term_years = models.PositiveSmallIntegerField(_("retention term (years)"))
    term_source = models.CharField(_("source of the term"), max_length=300)
    due_before = models.DateTimeField(_("closed before"))
    case_ids = models.JSONField(_("cases"), default=list)
    counts = models.JSONField(_("counts per kind"), default=dict)
    state = models.CharField(
        _("state"), max_length=20, choices=ProposalState.choices, default=ProposalState.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    carried_out_at = models.DateTimeField(_("carried out at"), null=True, blank=True)

    class Meta:
        verbose_name = _("destruction proposal")
        verbose_name_plural = _("destruction records")
        ordering = ["-proposed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.proposed_at:%Y-%m-%d}"


class DestroyedCase(models.Model):
    """Marks a case whose personal data was destroyed (anonymised irreversibly)."""

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="+"
    )
    proposal = models.ForeignKey(
        DestructionProposal,
        verbose_name=_("destruction"),
        on_delete=models.PROTECT,
        related_name="destroyed",
    )

    class Meta:
        verbose_name = _("destroyed case")
        verbose_name_plural = _("destroyed cases")

    def __str__(self) -> str:
        return str(self.case_id)
