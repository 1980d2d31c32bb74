"""Approval policies (versioned), approval groups, votes, decisions and notifications. The
rules themselves live in `quorum.py` (pure Python)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import quorum

#: The longest comment on a vote (a short explanation of a no or a question).
COMMENT_MAX = 1000


class ApprovalGroup(models.Model):
    """A named pool of approvers, possibly from several organisations (Utrecht's herstelpotje
    group: gezinswerkers, a W&I officer and sociaal raadslieden)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), related_name="approval_groups"
    )

    class Meta:
        verbose_name = _("approval group")
        verbose_name_plural = _("approval groups")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Pool(models.TextChoices):
    TEAM = "team", _("the requester's team")
    GROUP = "groep", _("an approval group")


class NoRule(models.TextChoices):
    THRESHOLD = quorum.NO_RULE_THRESHOLD, _("rejected after a number of no votes")
    VETO_ONLY = quorum.NO_RULE_VETO_ONLY, _("only a veto rejects")
    IMPOSSIBLE = quorum.NO_RULE_IMPOSSIBLE, _("rejected when approval can no longer be reached")


class ApprovalPolicy(models.Model):
    """The policy as the functional administrator edits it. Every saved change becomes a new
    immutable `PolicyVersion`; decisions point at the version they were taken under."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    pool = models.CharField(
        _("who may approve"), max_length=10, choices=Pool.choices, default=Pool.TEAM
    )
    group = models.ForeignKey(
        ApprovalGroup,
        verbose_name=_("approval group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    quorum = models.PositiveSmallIntegerField(_("yes votes needed"), default=3)
    role_rules = models.JSONField(
        _("role rules"),
        default=list,
        blank=True,
        help_text=_(
            'For example [{"above": "5000.00", "roles": ["gezinswerker", "teamleider", '
            '"projectleider", "manager-wi"]}]: above the amount, one yes per role.'
        ),
    )
    veto_roles = models.JSONField(_("roles with a veto"), default=list, blank=True)
    no_rule = models.CharField(
        _("rule for no votes"), max_length=20, choices=NoRule.choices, default=NoRule.THRESHOLD
    )
    no_threshold = models.PositiveSmallIntegerField(_("no votes that reject"), default=2)
    decide_within_hours = models.PositiveSmallIntegerField(
        _("flag to the team leader after (hours)"), default=48
    )
    small_request_limit = models.DecimalField(
        _("small requests up to (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "A request whose total is at most this amount is a small request: what is needed "
            "and why, amount, category, blocker and supplier are enough; the value triangle is "
            "optional. Empty: the fund's ceiling per request when that is at most € 500. "
            "0: no small requests."
        ),
    )
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    class Meta:
        verbose_name = _("approval policy")
        verbose_name_plural = _("approval policies")
        constraints = [
            models.CheckConstraint(
                condition=~Q(pool="groep") | Q(group__isnull=False), name="group_pool_has_group"
            ),
            models.CheckConstraint(
                condition=Q(small_request_limit__isnull=True) | Q(small_request_limit__gte=0),
                name="small_request_limit_not_negative",
            ),
            models.CheckConstraint(condition=Q(quorum__gte=1), name="quorum_at_least_one"),
        ]

    def __str__(self) -> str:
        return self.name


class PolicyVersion(models.Model):
    policy = models.ForeignKey(
        ApprovalPolicy, verbose_name=_("policy"), on_delete=models.PROTECT, related_name="versions"
    )
    version = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("policy as it was"))
    created_at = models.DateTimeField(_("valid from"), auto_now_add=True)

    class Meta:
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        constraints = [
            models.UniqueConstraint(fields=["policy", "version"], name="one_row_per_policy_version")
        ]

    def __str__(self) -> str:
        return f"{self.policy} v{self.version}"

    def as_policy(self) -> quorum.Policy:
        return quorum.Policy.from_dict(self.snapshot)


class Choice(models.TextChoices):
    YES = quorum.YES, _("yes")
    NO = quorum.NO, _("no")
    QUESTION = quorum.QUESTION, _("question")


class Vote(models.Model):
    """Append-only: a changed mind is a new vote; the latest one counts."""

    request = models.ForeignKey(
        "proposals.Request",
        verbose_name=_("request"),
        on_delete=models.PROTECT,
        related_name="votes",
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        on_delete=models.PROTECT,
        related_name="votes",
    )
    choice = models.CharField(_("vote"), max_length=10, choices=Choice.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX)
    # What approvers outside the case's team read: the comment through the same anonymiser as
    # the request's text (a comment may name the household).
    comment_anonymised = models.TextField(
        _("comment as approvers read it"), blank=True, default="", db_default=""
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(choice="ja") | ~Q(comment=""), name="no_and_question_need_a_comment"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.approver}: {self.choice}"


class DecisionRecord(models.Model):
    """How a request was decided, under which policy version, and why."""

    request = models.OneToOneField(
        "proposals.Request",
        verbose_name=_("request"),
        on_delete=models.PROTECT,
        related_name="decision",
    )
    status = models.CharField(_("decision"), max_length=20)
    policy_version = models.ForeignKey(
        PolicyVersion,
        verbose_name=_("policy version"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    explanation = models.JSONField(_("explanation"))
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.request}: {self.status}"


class NotificationKind(models.TextChoices):
    VOTE_REQUESTED = "stem-gevraagd", _("your vote is asked")
    DECIDED = "besloten", _("decided")
    OVERDUE = "te-laat", _("no decision in time")
    QUESTION = "vraag", _("a question about your request")


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("for"),
        on_delete=models.PROTECT,
        related_name="notifications",
    )
    request = models.ForeignKey(
        "proposals.Request",
        verbose_name=_("request"),
        on_delete=models.PROTECT,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_inbox_idx")]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind}"
