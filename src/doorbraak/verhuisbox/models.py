"""A VerhuisboxPlus trajectory (seed 002, "Elders onder dak"): a household of an existing case
that looks for a home, mostly outside the region, with intensive help. The household's own
data stays in `cases`; a trajectory refers to the case. Money goes through a fund's ledger
(`funds.ledger`): every cost here has a reservation and a payment there."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.text_validators import LimitedCharField, LimitedTextField

from . import figures, rules


class Status(models.TextChoices):
    REGISTERED = figures.REGISTERED, _("registered")
    STARTED = figures.STARTED, _("searching")
    HOUSED = figures.HOUSED, _("housed")
    STOPPED = figures.STOPPED, _("stopped")
    NOT_STARTED = figures.NOT_STARTED, _("not started")


class StopReason(models.TextChoices):
    ADDICTION = rules.REASON_ADDICTION, _("heavy care needed: addiction")
    DEBTS = rules.REASON_DEBTS, _("heavy care needed: large debts")
    NO_STATEMENT = rules.REASON_NO_STATEMENT, _("no landlord statement")
    SETTLING = rules.REASON_SETTLING, _("would hardly settle there")
    OWN_CHOICE = rules.REASON_OWN_CHOICE, _("the resident's own choice")
    OTHER = rules.REASON_OTHER, _("another reason")


class CostKind(models.TextChoices):
    FEE = rules.COST_FEE, _("registration fee")
    TRAIN = rules.COST_TRAIN, _("train tickets")
    RENT = rules.COST_RENT, _("first rent")
    FURNISHING = rules.COST_FURNISHING, _("basic furnishing")


def _user(verbose, **kwargs):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose,
        on_delete=models.PROTECT,
        related_name="+",
        **kwargs,
    )


class Trajectory(models.Model):
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        related_name="verhuisbox_trajectories",
    )
    fund = models.ForeignKey(
        "funds.Fund", verbose_name=_("fund"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    registered_on = models.DateField(_("registered on"))
    intensive_help = models.BooleanField(_("intensive help"), default=True)
    no_heavy_addiction = models.BooleanField(_("no heavy addiction"), default=False)
    no_large_debts = models.BooleanField(_("no large debts"), default=False)
    landlord_statement = models.BooleanField(_("landlord statement present"), default=False)

    advice_on = models.DateField(_("advice conversation on"), null=True, blank=True)
    goals = LimitedTextField(_("goals"), max_length=limits.TEXT, blank=True)
    regions = LimitedTextField(_("regions considered"), max_length=limits.TEXT, blank=True)
    voluntary_discussed = models.BooleanField(_("voluntariness discussed"), default=False)

    handover_municipality = LimitedCharField(
        _("receiving municipality"), max_length=limits.NAME, blank=True
    )
    handover_contact = LimitedCharField(_("contact person"), max_length=limits.NAME, blank=True)
    handover_shared = LimitedTextField(_("what was shared"), max_length=limits.TEXT, blank=True)
    handover_consent_by = LimitedCharField(
        _("with whose consent"), max_length=limits.SHORT_TEXT, blank=True
    )
    handover_on = models.DateField(_("handed over on"), null=True, blank=True)

    bijstand_action = models.OneToOneField(
        "escalation.FollowUpAction",
        verbose_name=_("extra month of bijstand"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    housed_on = models.DateField(_("housed on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    stop_reason = models.CharField(
        _("reason"), max_length=30, choices=StopReason.choices, blank=True
    )
    stop_note = LimitedTextField(_("explanation"), max_length=limits.TEXT, blank=True)

    created_by = _user(_("registered by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("VerhuisboxPlus trajectory")
        verbose_name_plural = _("VerhuisboxPlus trajectories")
        ordering = ["-registered_on", "-pk"]
        indexes = [
            models.Index(fields=["case", "status"], name="verhuisbox_case_status_idx"),
            models.Index(fields=["registered_on"], name="verhuisbox_registered_idx"),
            models.Index(fields=["housed_on"], name="verhuisbox_housed_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=figures.HOUSED)
                | (Q(housed_on__isnull=False) & Q(housed_on__gte=models.F("registered_on"))),
                name="verhuisbox_housed_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[figures.STOPPED, figures.NOT_STARTED])
                | (~Q(stop_reason="") & Q(ended_on__isnull=False)),
                name="verhuisbox_stop_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(advice_on__isnull=True) | Q(voluntary_discussed=True),
                name="verhuisbox_advice_voluntary",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"VB-{self.pk:05d}"

    @property
    def is_open(self) -> bool:
        return self.status in figures.OPEN

    @property
    def days_to_housing(self) -> int | None:
        if self.housed_on is None:
            return None
        return figures.days_to_housing(self.registered_on, self.housed_on)


class HousingSite(models.Model):
    """A housing website the household is registered on as a home seeker."""

    trajectory = models.ForeignKey(
        Trajectory, verbose_name=_("trajectory"), on_delete=models.PROTECT, related_name="sites"
    )
    name = LimitedCharField(_("housing site"), max_length=limits.NAME)
    fee = models.DecimalField(_("registration fee (EUR)"), max_digits=9, decimal_places=2)
    registered_on = models.DateField(_("registered on"))
    created_by = _user(_("recorded by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("housing site")
        verbose_name_plural = _("housing sites")
        ordering = ["registered_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(fee__gte=0), name="verhuisbox_site_fee_positive"),
            models.UniqueConstraint(fields=["trajectory", "name"], name="verhuisbox_site_once"),
        ]

    def __str__(self) -> str:
        return self.name


class Cost(models.Model):
    """A cost paid in kind from the trajectory's fund: its ledger reservation is `ref`."""

    trajectory = models.ForeignKey(
        Trajectory, verbose_name=_("trajectory"), on_delete=models.PROTECT, related_name="costs"
    )
    site = models.OneToOneField(
        HousingSite,
        verbose_name=_("housing site"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cost",
    )
    fund = models.ForeignKey(
        "funds.Fund", verbose_name=_("fund"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CostKind.choices)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=9, decimal_places=2)
    supplier = LimitedCharField(_("paid to"), max_length=limits.NAME)
    paid_on = models.DateField(_("paid on"))
    ref = models.CharField(_("ledger reference"), max_length=80, unique=True)
    created_by = _user(_("recorded by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cost paid in kind")
        verbose_name_plural = _("costs paid in kind")
        ordering = ["paid_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="verhuisbox_cost_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"
