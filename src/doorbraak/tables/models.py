"""Doorbraaktafels and casusoverleggen (tables), their contact persons, meetings with an
agenda of escalated items, what the table decided per item, and the household's consent to
share its identity with a table. The rules live in `rules.py` and `consent.py`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.text_validators import LimitedCharField, LimitedTextField

from . import consent


class TableKind(models.TextChoices):
    TABLE = "doorbraaktafel", _("Doorbraaktafel")
    CASE_MEETING = "casusoverleg", _("case meeting / MDT")


class Table(models.Model):
    """A table sits at one level of an escalation route: the open escalations at that level
    are what its meetings can put on the agenda."""

    name = LimitedCharField(_("name"), max_length=limits.NAME, name_check=True)
    kind = models.CharField(_("kind"), max_length=20, choices=TableKind.choices)
    route = models.ForeignKey(
        "escalation.EscalationRoute",
        verbose_name=_("escalation route"),
        on_delete=models.PROTECT,
        related_name="tables",
    )
    level = models.PositiveSmallIntegerField(
        _("level on the route"), help_text=_("The step of the route this table decides at.")
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TableMember(models.Model):
    """A contact person of a member organisation, with the mandate they carry (if any)."""

    table = models.ForeignKey(
        Table, verbose_name=_("table"), on_delete=models.CASCADE, related_name="members"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        on_delete=models.PROTECT,
        related_name="table_memberships",
    )
    mandate = models.ForeignKey(
        "accounts.Mandate",
        verbose_name=_("mandate"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("From the mandate register, when the contact person holds one."),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["table", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["table", "user"], name="one_membership_per_table")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"


class Meeting(models.Model):
    table = models.ForeignKey(
        Table, verbose_name=_("table"), on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField(_("date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("planned by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("planned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["table", "date"], name="meeting_table_date_idx")]

    def __str__(self) -> str:
        return f"{self.table} {self.date:%d-%m-%Y}"


class AgendaItem(models.Model):
    """One escalated item on a meeting's agenda, and what the table decided about it."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items"
    )
    escalation = models.ForeignKey(
        "escalation.Escalation",
        verbose_name=_("escalation"),
        on_delete=models.PROTECT,
        related_name="agenda_items",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    outcome = models.CharField(_("outcome"), max_length=25, blank=True)
    decision = LimitedTextField(_("decision"), max_length=limits.TEXT, blank=True)
    legitimacy = LimitedTextField(_("legitimacy"), max_length=limits.TEXT, blank=True)
    involvement = LimitedTextField(_("involvement"), max_length=limits.TEXT, blank=True)
    returns = LimitedTextField(_("return"), max_length=limits.TEXT, blank=True)
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
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "escalation"], name="one_item_per_escalation_per_meeting"
            ),
            models.CheckConstraint(
                condition=Q(decided_at__isnull=True)
                | (~Q(decision="") & ~Q(legitimacy="") & ~Q(involvement="") & ~Q(returns="")),
                name="table_decision_has_reasons",
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gt=0, fund__isnull=False),
                name="table_money_has_fund",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"T-{self.pk:06d}"

    @property
    def is_decided(self) -> bool:
        return self.decided_at is not None


class ConsentScope(models.TextChoices):
    IDENTITY = consent.IDENTITY, _("identity (names of the household)")
    IDENTITY_AND_TEXTS = consent.IDENTITY_AND_TEXTS, _("identity and the item's texts")


class Consent(models.Model):
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, related_name="+"
    )
    member = models.ForeignKey(
        "cases.Member", verbose_name=_("given by"), on_delete=models.PROTECT, related_name="+"
    )
    table = models.ForeignKey(
        Table, verbose_name=_("shared with"), on_delete=models.PROTECT, related_name="consents"
    )
    scope = models.CharField(_("what"), max_length=30, choices=ConsentScope.choices)
    valid_from = models.DateField(_("from"))
    valid_until = models.DateField(_("until"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawal recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-valid_from", "-pk"]
        indexes = [models.Index(fields=["case", "table"], name="consent_case_table_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")), name="consent_period_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.table} {self.valid_from}–{self.valid_until}"

    def period(self) -> consent.Period:
        return consent.Period(self.valid_from, self.valid_until, self.withdrawn_at is not None)
