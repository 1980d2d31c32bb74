"""Werktafels on a pattern (participants, sessions, outcomes) and the structural solutions
that come from them. No household data lives here: a solution refers to the cases it came
from by id (through the pattern's blockers), and every free text is stored anonymised
(services.py). The rules are in rules.py (pure Python)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation
from doorbraak.text_validators import LimitedCharField, LimitedTextField

from . import rules


def _user(verbose, **kwargs):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose,
        on_delete=models.PROTECT,
        related_name="+",
        **kwargs,
    )


class WorkTableStatus(models.TextChoices):
    RUNNING = rules.RUNNING, _("running")
    FINISHED = rules.FINISHED, _("finished")


class WorkTable(models.Model):
    """Structured sessions on one pattern with everyone involved, from the resident's view."""

    pattern = models.ForeignKey(
        "learning.Pattern",
        verbose_name=_("pattern"),
        on_delete=models.PROTECT,
        related_name="worktables",
    )
    title = LimitedCharField(_("title"), max_length=limits.SHORT_TEXT)
    question = LimitedTextField(_("question for the werktafel"), max_length=limits.TEXT, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=WorkTableStatus.choices, default=rules.RUNNING
    )
    created_by = _user(_("started by"))
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("werktafel")
        verbose_name_plural = _("werktafels")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="worktable_status_idx")]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"WT-{self.pk:05d}"


class Participant(models.Model):
    """An organisation, a department, or a department of an organisation at the werktafel."""

    worktable = models.ForeignKey(WorkTable, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = LimitedCharField(
        _("department or other participant"), max_length=limits.SHORT_TEXT, blank=True
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(name=""),
                name="participant_named",
            )
        ]

    def __str__(self) -> str:
        if self.organisation_id and self.name:
            return f"{self.organisation} – {self.name}"
        return self.name or str(self.organisation)


class Session(models.Model):
    worktable = models.ForeignKey(WorkTable, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("number"))
    date = models.DateField(_("date"))
    held = models.BooleanField(_("held"), default=False)
    notes = LimitedTextField(_("notes"), max_length=limits.TEXT, blank=True)
    perspective = LimitedTextField(
        _("the resident's perspective"), max_length=limits.TEXT, blank=True
    )
    updated_by = _user(_("updated by"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["worktable", "number"], name="one_session_number")
        ]

    def __str__(self) -> str:
        return f"{self.worktable_id}: {self.number}"


class Outcome(models.Model):
    """What a werktafel found or agreed (anonymised), in the order it was written down."""

    worktable = models.ForeignKey(WorkTable, on_delete=models.CASCADE, related_name="outcomes")
    text = LimitedTextField(_("outcome"), max_length=limits.TEXT)
    created_by = _user(_("recorded by"))
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.worktable_id}: {self.pk}"


class SolutionKind(models.TextChoices):
    RULE_CHANGE = rules.RULE_CHANGE, _("rule change")
    PROCESS_CHANGE = rules.PROCESS_CHANGE, _("process change")
    PARTNER_AGREEMENT = rules.PARTNER_AGREEMENT, _("agreement with a partner")
    NATIONAL_SIGNAL = rules.NATIONAL_SIGNAL, _("signal to national policy")


class SolutionStatus(models.TextChoices):
    PROPOSED = rules.PROPOSED, _("proposed")
    AGREED = rules.AGREED, _("agreed")
    IMPLEMENTED = rules.IMPLEMENTED, _("implemented")
    EVALUATED = rules.EVALUATED, _("evaluated")


#: The date field of each status.
STEP_DATE = {
    rules.PROPOSED: "proposed_on",
    rules.AGREED: "agreed_on",
    rules.IMPLEMENTED: "implemented_on",
    rules.EVALUATED: "evaluated_on",
}


class StructuralSolution(models.Model):
    """A change of rule, process or agreement for a pattern (e.g. the spookbewoning flag at an
    address to Dienst Toeslagen), followed until it is evaluated."""

    pattern = models.ForeignKey(
        "learning.Pattern",
        verbose_name=_("pattern"),
        on_delete=models.PROTECT,
        related_name="structural_solutions",
    )
    worktable = models.ForeignKey(
        WorkTable,
        verbose_name=_("werktafel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="solutions",
    )
    title = LimitedCharField(_("title"), max_length=limits.SHORT_TEXT)
    description = LimitedTextField(_("description"), max_length=limits.TEXT, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SolutionKind.choices)
    owner = _user(_("owner"), null=True, blank=True)
    owner_text = LimitedCharField(_("owner (other)"), max_length=limits.SHORT_TEXT, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SolutionStatus.choices, default=rules.PROPOSED
    )
    proposed_on = models.DateField(_("proposed on"))
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    implemented_on = models.DateField(_("implemented on"), null=True, blank=True)
    evaluated_on = models.DateField(_("evaluated on"), null=True, blank=True)
    evaluation = LimitedTextField(_("evaluation"), max_length=limits.TEXT, blank=True)
    cases = models.ManyToManyField(
        "cases.Case", verbose_name=_("cases"), through="SolutionCase", related_name="+"
    )
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    sent_to = LimitedCharField(_("sent to"), max_length=limits.SHORT_TEXT, blank=True)
    sent_by = _user(_("sent by"), null=True, blank=True)
    created_by = _user(_("recorded by"))
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_by = _user(_("last step by"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last step at"), auto_now=True)

    class Meta:
        verbose_name = _("structural solution")
        verbose_name_plural = _("structural solutions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="solution_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner__isnull=False) | ~Q(owner_text=""), name="solution_has_owner"
            ),
            models.CheckConstraint(
                condition=Q(status=rules.PROPOSED) | Q(agreed_on__isnull=False),
                name="solution_agreed_dated",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[rules.PROPOSED, rules.AGREED])
                | Q(implemented_on__isnull=False),
                name="solution_implemented_dated",
            ),
            models.CheckConstraint(
                condition=~Q(status=rules.EVALUATED)
                | (Q(evaluated_on__isnull=False) & ~Q(evaluation="")),
                name="solution_evaluated_dated",
            ),
            models.CheckConstraint(
                condition=Q(sent_on__isnull=True) | Q(kind=rules.NATIONAL_SIGNAL),
                name="only_national_signals_sent",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"SO-{self.pk:05d}"

    @property
    def owner_label(self) -> str:
        if self.owner_id:
            return self.owner.get_full_name() or self.owner.username
        return self.owner_text

    def step_date(self, status: str):
        return getattr(self, STEP_DATE[status])

    @property
    def steps(self) -> list[tuple[str, str, object]]:
        """(status, label, date or None) of every step, in order."""
        labels = dict(SolutionStatus.choices)
        return [(s, labels[s], self.step_date(s)) for s in rules.STATUSES]

    @property
    def next_status(self) -> str | None:
        return rules.next_status(self.status)

    @property
    def next_status_label(self) -> str:
        following = self.next_status
        return str(SolutionStatus(following).label) if following else ""


class SolutionCase(models.Model):
    """A case a solution came from, with the pattern's blocker that brought it."""

    solution = models.ForeignKey(
        StructuralSolution, on_delete=models.CASCADE, related_name="case_links"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    blocker = models.ForeignKey("cases.Blocker", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["case_id"]
        constraints = [
            models.UniqueConstraint(fields=["solution", "case"], name="one_link_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.solution_id}: {self.case_id}"
