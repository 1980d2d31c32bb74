"""Learning from cases: the rule catalogue, signals ("dit kan niet de bedoeling zijn") and
patterns (similar blockers and signals from several cases). Werktafels, structural solutions
and generic decisions will refer to a Pattern; category spending to its blockers' requests.

No household data lives here: a signal's texts are stored anonymised (services.signal_record),
patterns refer to blockers by id, and pattern pages show the blockers' texts anonymised."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation, Team
from doorbraak.cases.models import Blocker, Case
from doorbraak.text_validators import LimitedCharField, LimitedTextField

from . import workflow


class Rule(models.Model):
    """A rule of one organisation that often gets in the way (catalogue, managed in /beheer/),
    offered as a suggestion when a blocker or signal is recorded."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="rules"
    )
    title = LimitedCharField(_("rule"), max_length=limits.SHORT_TEXT)
    explanation = LimitedTextField(_("explanation"), max_length=limits.TEXT, blank=True)
    source = LimitedCharField(_("source"), max_length=limits.SHORT_TEXT, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("rule (catalogue)")
        verbose_name_plural = _("rule catalogue")
        ordering = ["organisation__name", "title"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "title"], name="one_rule_per_title")
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.title}"


class SignalStatus(models.TextChoices):
    NEW = workflow.NEW, _("new")
    INVESTIGATING = workflow.INVESTIGATING, _("under investigation")
    LINKED = workflow.LINKED, _("linked to a pattern")
    CLOSED = workflow.CLOSED, _("closed")


class PatternStatus(models.TextChoices):
    CANDIDATE = workflow.CANDIDATE, _("candidate")
    CONFIRMED = workflow.CONFIRMED, _("confirmed")
    DISMISSED = workflow.DISMISSED, _("dismissed")


class Pattern(models.Model):
    """Similar blockers and signals of one organisation from at least k distinct cases."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="patterns",
    )
    #: Patterns group across the teams of one municipality, never across municipalities
    #: (empty: teams without a wijk, grouped together).
    municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=PatternStatus.choices,
        default=PatternStatus.CANDIDATE,
    )
    summary = LimitedTextField(_("summary"), max_length=limits.TEXT)
    #: The item the others were compared with (its text, anonymised, is the pattern's rule).
    reference_blocker = models.ForeignKey(
        Blocker, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reference_signal = models.ForeignKey(
        "Signal", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rule = LimitedTextField(_("rule"), max_length=limits.TEXT)
    effect = LimitedTextField(_("effect"), max_length=limits.TEXT, blank=True)
    cases_count = models.PositiveIntegerField(_("distinct cases"), default=0)
    teams_count = models.PositiveIntegerField(_("teams"), default=0)
    found_at = models.DateTimeField(_("found at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = LimitedTextField(_("note"), max_length=limits.TEXT, blank=True)

    class Meta:
        verbose_name = _("pattern")
        verbose_name_plural = _("patterns")
        ordering = ["-found_at", "-id"]
        indexes = [
            models.Index(
                fields=["organisation", "municipality", "status"], name="pattern_scope_idx"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(reference_blocker__isnull=False) | Q(reference_signal__isnull=False),
                name="pattern_has_reference",
            )
        ]

    def __str__(self) -> str:
        return f"P-{self.pk:05d}"

    @property
    def reference(self) -> str:
        return f"P-{self.pk:05d}"


class PatternBlocker(models.Model):
    """A blocker in a pattern, with its similarity to the pattern's reference item. A blocker
    is in at most one pattern (dismissed ones included: it does not come back)."""

    pattern = models.ForeignKey(Pattern, on_delete=models.CASCADE, related_name="blocker_links")
    blocker = models.OneToOneField(Blocker, on_delete=models.PROTECT, related_name="pattern_link")
    similarity = models.DecimalField(_("similarity"), max_digits=5, decimal_places=4)

    class Meta:
        ordering = ["blocker_id"]

    def __str__(self) -> str:
        return f"{self.pattern_id}: {self.blocker_id}"


class Signature(models.Model):
    """What chooses one blocker's comparison partners (organisation, municipality, date) and
    names its text (digest), copied from the blocker, its case and team when the blocker is
    matched, so matching reads this one narrow table; the text's vector is in
    SignatureVector (a flag update then rewrites rows of about 80 bytes, not 1 kB: issue 14).
    Written and refreshed by matching.py only (a changed text has another digest)."""

    blocker = models.OneToOneField(
        Blocker, primary_key=True, on_delete=models.CASCADE, related_name="signature"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    municipality = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+", db_index=False)
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    created_at = models.DateTimeField()
    digest = models.BigIntegerField()
    #: The blocker is in a pattern (PatternBlocker exists): set with it by matching.py, so
    #: the unassigned pool of a scope is read from a partial index without a join.
    in_pattern = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(
                fields=["organisation", "municipality", "created_at"],
                condition=Q(in_pattern=False),
                name="signature_pool_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.blocker_id}"


class SignatureVector(models.Model):
    """The stored text vector of one blocker (signature.py: feature numbers and float16
    weights, 0.5–1 kB), read once per distinct text of a scope; apart from Signature so
    that the rows the matcher filters and flags stay narrow."""

    blocker = models.OneToOneField(
        Blocker, primary_key=True, on_delete=models.CASCADE, related_name="signature_vector"
    )
    vector = models.BinaryField()

    def __str__(self) -> str:
        return f"{self.blocker_id}"


class Signal(models.Model):
    """Professionele buikpijn: a professional's "dit kan niet de bedoeling zijn" about a rule."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="signals",
    )
    rule = LimitedTextField(_("rule"), max_length=limits.TEXT)
    effect = LimitedTextField(_("effect"), max_length=limits.TEXT)
    blockers = models.ManyToManyField(
        Blocker, verbose_name=_("blockers"), blank=True, related_name="signals"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=SignalStatus.choices, default=SignalStatus.NEW
    )
    pattern = models.ForeignKey(
        Pattern,
        verbose_name=_("pattern"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
    )
    #: Similarity to the pattern's reference when matched automatically; empty when linked by hand.
    similarity = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    close_reason = LimitedTextField(_("reason for closing"), max_length=limits.TEXT, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("triaged by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    triaged_at = models.DateTimeField(_("triaged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"], name="signal_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=workflow.CLOSED) | ~Q(close_reason=""),
                name="closed_signal_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=workflow.LINKED) | Q(pattern__isnull=False),
                name="linked_signal_has_pattern",
            ),
        ]

    def __str__(self) -> str:
        return f"S-{self.pk:05d}"

    @property
    def reference(self) -> str:
        return f"S-{self.pk:05d}"
