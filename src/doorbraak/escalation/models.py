"""The escalation route (per municipality, versioned), escalations of one item at one level,
and follow-up actions. The rules live in `rules.py` and `workflow.py` (pure Python)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation, OrganisationKind
from doorbraak.text_validators import LimitedCharField, LimitedTextField

from . import rules, workflow


class LevelKind(models.TextChoices):
    COLLEAGUES = rules.COLLEAGUES, _("colleagues (the fund's quorum)")
    CASE_MEETING = rules.CASE_MEETING, _("case meeting / MDT")
    TABLE = rules.TABLE, _("Doorbraaktafel")
    MANDATE = rules.MANDATE, _("mandate (PRIO)")
    LET = rules.LET, _("national escalation team (LET) via the Maatwerkloket")


class EscalationRoute(models.Model):
    """The route as the functional administrator edits it. Each save is a new immutable
    `RouteVersion`; every escalation keeps the version it ran under. The route without a
    municipality is the default for municipalities without their own."""

    name = LimitedCharField(_("name"), max_length=limits.NAME, name_check=True)
    municipality = models.OneToOneField(
        Organisation,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": OrganisationKind.MUNICIPALITY},
        related_name="escalation_route",
        help_text=_("Empty: the default route for every municipality without its own."),
    )
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    class Meta:
        verbose_name = _("escalation route")
        verbose_name_plural = _("escalation routes")
        ordering = ["municipality_id", "pk"]

    def __str__(self) -> str:
        return self.name


class EscalationLevel(models.Model):
    route = models.ForeignKey(
        EscalationRoute, verbose_name=_("route"), on_delete=models.CASCADE, related_name="levels"
    )
    position = models.PositiveSmallIntegerField(_("step"))
    name = LimitedCharField(_("name"), max_length=limits.NAME, name_check=True)
    kind = models.CharField(_("kind"), max_length=20, choices=LevelKind.choices)
    roles = models.JSONField(
        _("who decides (roles)"),
        default=list,
        help_text=_('For example ["teamleider", "inkomensconsulent"].'),
    )
    max_amount = models.DecimalField(
        _("money up to (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty: this level decides no money."),
    )
    funds = models.ManyToManyField(
        "funds.Fund",
        verbose_name=_("from which funds"),
        blank=True,
        related_name="+",
        help_text=_("Empty: any fund."),
    )
    exception_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("exceptions in which organisations"),
        blank=True,
        related_name="+",
        help_text=_("Empty: any organisation."),
    )
    target_days = models.PositiveSmallIntegerField(_("target time (days)"), default=14)

    class Meta:
        verbose_name = _("route level")
        verbose_name_plural = _("route levels")
        ordering = ["route", "position"]
        constraints = [
            models.UniqueConstraint(fields=["route", "position"], name="one_level_per_position"),
            models.CheckConstraint(
                condition=Q(max_amount__isnull=True) | Q(max_amount__gte=0),
                name="level_amount_not_negative",
            ),
            models.CheckConstraint(condition=Q(target_days__gte=1), name="level_target_days"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"


class RouteVersion(models.Model):
    route = models.ForeignKey(
        EscalationRoute, verbose_name=_("route"), on_delete=models.PROTECT, related_name="versions"
    )
    version = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("route as it was"))
    created_at = models.DateTimeField(_("valid from"), auto_now_add=True)

    class Meta:
        verbose_name = _("route version")
        verbose_name_plural = _("route versions")
        constraints = [
            models.UniqueConstraint(fields=["route", "version"], name="one_row_per_route_version")
        ]

    def __str__(self) -> str:
        return f"{self.route} v{self.version}"

    def as_route(self) -> rules.Route:
        return rules.Route.from_dict(self.snapshot)


class Status(models.TextChoices):
    OPEN = workflow.OPEN, _("open")
    ESCALATED = workflow.ESCALATED, _("escalated further")
    SOLVED = workflow.SOLVED, _("solved at this level")
    SOLVED_EARLY = workflow.SOLVED_EARLY, _("solved in the voortraject")
    NOT_SUITABLE = workflow.NOT_SUITABLE, _("not suitable")
    WITHDRAWN = workflow.WITHDRAWN, _("withdrawn")


class Escalation(models.Model):
    """One item (a request, or a blocker without one) at one level of the route. Escalating
    it further closes this row as "escalated further" and opens the next level's row, which
    points back at it (`previous`): the chain is the item's way up the route."""

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="escalations"
    )
    request = models.ForeignKey(
        "proposals.Request",
        verbose_name=_("request"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="escalations",
    )
    blocker = models.ForeignKey(
        "cases.Blocker",
        verbose_name=_("blocker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="escalations",
    )
    previous = models.OneToOneField(
        "self",
        verbose_name=_("previous level"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next",
    )
    route_version = models.ForeignKey(
        RouteVersion, verbose_name=_("route version"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.PositiveSmallIntegerField(_("level"))
    #: The level's deciding roles as ",role,role," (copied from the route version, so the
    #: start page can find what waits for a role in one indexed-free LIKE on open rows).
    decider_roles = models.CharField(_("who decides"), max_length=400, editable=False)
    status = models.CharField(
        _("status"), max_length=25, choices=Status.choices, default=Status.OPEN
    )
    question = LimitedTextField(_("question"), max_length=limits.TEXT)
    tried = LimitedTextField(_("what was tried"), max_length=limits.TEXT)
    skip_reason = LimitedTextField(_("why a level is skipped"), max_length=limits.TEXT, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("escalated by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("escalated at"), auto_now_add=True)
    due_date = models.DateField(_("decision expected by"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reasons = LimitedTextField(_("decision and reasons"), max_length=limits.TEXT, blank=True)
    amount = models.DecimalField(
        _("amount (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    fund = models.ForeignKey(
        "funds.Fund",
        verbose_name=_("fund"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    exception_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("exception made by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    #: When whoever escalated it was told that the level passed its target time (once).
    overdue_notified_on = models.DateField(
        _("told it is overdue on"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["case", "status"], name="escalation_case_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(request__isnull=False, blocker__isnull=True)
                | Q(request__isnull=True, blocker__isnull=False),
                name="escalation_one_item",
            ),
            models.UniqueConstraint(
                fields=["request"], condition=Q(status="open"), name="one_open_per_request"
            ),
            models.UniqueConstraint(
                fields=["blocker"], condition=Q(status="open"), name="one_open_per_blocker"
            ),
            models.CheckConstraint(
                condition=Q(status="open") | ~Q(reasons=""), name="decision_has_reasons"
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="escalation_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"E-{self.pk:06d}"

    @property
    def route(self) -> rules.Route:
        return self.route_version.as_route()

    @property
    def current_level(self) -> rules.Level:
        return self.route.level(self.level)

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN


class MandateUse(models.Model):
    """A decision taken with a mandate from the register (PRIO) that overrules a department
    of the mandate's organisation. Recorded once, never changed; it sets the holder a
    verzoeningsgesprek with the overruled department. The rules: `mandate_rules.py`."""

    mandate = models.ForeignKey(
        "accounts.Mandate", verbose_name=_("mandate"), on_delete=models.PROTECT, related_name="uses"
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="mandate_uses"
    )
    escalation = models.OneToOneField(
        Escalation,
        verbose_name=_("escalation it decides"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mandate_use",
    )
    overruled_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("overruled organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    overruled_department = LimitedCharField(
        _("overruled department"), max_length=limits.NAME, blank=True, name_check=True
    )
    overruled_rule = LimitedTextField(_("overruled rule"), max_length=limits.SHORT_TEXT)
    earlier_refusal = LimitedTextField(_("earlier refusal"), max_length=limits.TEXT)
    decision = LimitedTextField(_("decision"), max_length=limits.TEXT)
    reasons = LimitedTextField(_("reasons"), max_length=limits.TEXT)
    amount = models.DecimalField(
        _("amount (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    decided_on = models.DateField(_("decided on"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("mandate use")
        verbose_name_plural = _("mandate uses")
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reasons="") & ~Q(decision=""), name="mandate_use_has_reasons"
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="mandate_use_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"M-{self.pk:06d}"

    @property
    def department_label(self) -> str:
        if self.overruled_department:
            return f"{self.overruled_department} ({self.overruled_organisation})"
        return str(self.overruled_organisation)


class ActionKind(models.TextChoices):
    ACTION = "actie", _("follow-up action")
    RECONCILIATION = "verzoeningsgesprek", _("reconciliation talk")
    LET_CHECK = "let-controle", _("LET follow-up check")


class FollowUpAction(models.Model):
    """Something someone must do after a decision, by a date. Linked to what decided it: an
    escalation (a level's decision, a table's, the LET's) or a mandate use (its
    verzoeningsgesprek)."""

    kind = models.CharField(
        _("kind"), max_length=30, choices=ActionKind.choices, default=ActionKind.ACTION
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="+"
    )
    escalation = models.ForeignKey(
        Escalation,
        verbose_name=_("escalation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
    )
    mandate_use = models.ForeignKey(
        MandateUse,
        verbose_name=_("mandate use"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
    )
    description = LimitedTextField(_("what"), max_length=limits.TEXT)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="follow_up_actions",
    )
    due_date = models.DateField(_("due date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("set at"), auto_now_add=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_note = LimitedTextField(_("note"), max_length=limits.TEXT, blank=True)
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(
                fields=["owner", "due_date"],
                condition=Q(done_at__isnull=True),
                name="open_action_owner_due_idx",
            ),
            models.Index(
                fields=["due_date"], condition=Q(done_at__isnull=True), name="open_action_due_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(done_at__isnull=True) | ~Q(done_note=""), name="done_action_has_note"
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"A-{self.pk:06d}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
