"""Funds (potjes) and their double-entry ledger.

The ledger is append-only and counts in cents. Every fund has four accounts:
  budget     the source of the money (goes negative as budget is allocated)
  available  free to spend
  reserved   promised to approved requests
  paid       paid out to suppliers
Each transaction's entries sum to zero. `LedgerAccount.balance_cents` is kept in step with
the entries under row locks, and the database refuses a negative available, reserved or
paid balance (check constraint), so a bug can never overspend a fund.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation, Team
from doorbraak.text_validators import LimitedCharField
from doorbraak.ui import formatting


class Fund(models.Model):
    name = LimitedCharField(_("name"), max_length=limits.NAME, name_check=True)
    owner_team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funds",
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funds",
    )
    programme = LimitedCharField(
        _("programme or project"), max_length=limits.SHORT_TEXT, blank=True, name_check=True
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    total_budget = models.DecimalField(_("total budget (EUR)"), max_digits=12, decimal_places=2)
    ceiling_per_request = models.DecimalField(
        _("ceiling per request (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    ceiling_per_household = models.DecimalField(
        _("ceiling per household per period (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    categories = models.ManyToManyField(
        "proposals.Category",
        verbose_name=_("allowed categories"),
        blank=True,
        help_text=_("Empty: every category."),
    )
    recurring_allowed = models.BooleanField(_("recurring payments allowed"), default=False)
    debtor_name = LimitedCharField(
        _("paying organisation (name on the transfer)"),
        max_length=70,
        default="Gemeente",
        name_check=True,
    )
    debtor_iban = LimitedCharField(
        _("IBAN the fund pays from"), max_length=34, blank=True, name_check=True
    )
    debtor_bic = LimitedCharField(
        _("BIC of that account"), max_length=11, blank=True, name_check=True
    )
    approval_policy = models.ForeignKey(
        "approvals.ApprovalPolicy",
        verbose_name=_("approval policy"),
        on_delete=models.PROTECT,
        related_name="funds",
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="fund_period_valid"
            ),
            models.CheckConstraint(condition=Q(total_budget__gte=0), name="fund_budget_positive"),
            models.CheckConstraint(
                condition=Q(owner_team__isnull=False)
                | Q(owner_organisation__isnull=False)
                | ~Q(programme=""),
                name="fund_has_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """What the admin form checks before saving, in words next to the field: the
        constraints' rules (it showed "Beperking 'fund_period_valid' is geschonden"), and the
        bank details and ceiling, which were only found out when the SEPA file was made."""
        problems = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            problems["period_end"] = _("The end date lies before the start date.")
        if self.total_budget is not None and self.total_budget < 0:
            problems["total_budget"] = _("An amount cannot be below zero.")
        elif (
            self.total_budget is not None
            and self.ceiling_per_request is not None
            and self.ceiling_per_request > self.total_budget
        ):
            problems["ceiling_per_request"] = _(
                "The ceiling per request is higher than the whole budget."
            )
        if self.debtor_iban and not stdnum_iban.is_valid(self.debtor_iban):
            problems["debtor_iban"] = _("This IBAN is not valid; check the number.")
        if self.debtor_bic and not stdnum_bic.is_valid(self.debtor_bic):
            problems["debtor_bic"] = _("This BIC is not valid; check the code.")
        if problems:
            raise ValidationError(problems)


class AccountKind(models.TextChoices):
    BUDGET = "budget", _("budget")
    AVAILABLE = "vrij", _("available")
    RESERVED = "gereserveerd", _("reserved")
    PAID = "betaald", _("paid")


class LedgerAccount(models.Model):
    fund = models.ForeignKey(
        Fund, verbose_name=_("fund"), on_delete=models.PROTECT, related_name="accounts"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AccountKind.choices)
    balance_cents = models.BigIntegerField(_("balance (cents)"), default=0)

    class Meta:
        verbose_name = _("ledger account")
        verbose_name_plural = _("ledger accounts")
        constraints = [
            models.UniqueConstraint(fields=["fund", "kind"], name="one_account_per_kind"),
            models.CheckConstraint(
                condition=Q(kind="budget") | Q(balance_cents__gte=0), name="no_negative_balance"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fund} · {self.get_kind_display()}"


class TransactionKind(models.TextChoices):
    ALLOCATE = "toewijzing", _("budget allocated")
    RESERVE = "reservering", _("reserved")
    RELEASE = "vrijgave", _("released")
    PAY = "betaling", _("paid")
    CORRECTION = "correctie", _("correction")


class LedgerTransaction(models.Model):
    """One money-moving action. Its idempotency key makes a retry or double click a no-op."""

    fund = models.ForeignKey(
        Fund, verbose_name=_("fund"), on_delete=models.PROTECT, related_name="transactions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=TransactionKind.choices)
    idempotency_key = models.CharField(_("idempotency key"), max_length=120, unique=True)
    request = models.ForeignKey(
        "proposals.Request",
        verbose_name=_("request"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_transactions",
    )
    memo = models.CharField(_("memo"), max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("ledger transaction")
        verbose_name_plural = _("ledger transactions")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.idempotency_key}"


class LedgerEntry(models.Model):
    transaction = models.ForeignKey(
        LedgerTransaction,
        verbose_name=_("transaction"),
        on_delete=models.PROTECT,
        related_name="entries",
    )
    account = models.ForeignKey(
        LedgerAccount, verbose_name=_("account"), on_delete=models.PROTECT, related_name="entries"
    )
    amount_cents = models.BigIntegerField(_("amount (cents)"))

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        constraints = [
            models.CheckConstraint(condition=~Q(amount_cents=0), name="entry_not_zero"),
        ]

    def __str__(self) -> str:
        return f"{self.account}: {self.amount_cents}"


class Reservation(models.Model):
    """Money promised to one approved request (or one schedule). Payments and the release of
    what is left are settled against it, never beyond it."""

    fund = models.ForeignKey(
        Fund, verbose_name=_("fund"), on_delete=models.PROTECT, related_name="reservations"
    )
    ref = models.CharField(_("reference"), max_length=80, unique=True)
    request = models.ForeignKey(
        "proposals.Request",
        verbose_name=_("request"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reservations",
    )
    amount_cents = models.BigIntegerField(_("reserved (cents)"))
    paid_cents = models.BigIntegerField(_("paid (cents)"), default=0)
    released_cents = models.BigIntegerField(_("released (cents)"), default=0)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")
        constraints = [
            models.CheckConstraint(condition=Q(amount_cents__gt=0), name="reservation_positive"),
            models.CheckConstraint(
                condition=Q(paid_cents__gte=0)
                & Q(released_cents__gte=0)
                & Q(amount_cents__gte=models.F("paid_cents") + models.F("released_cents")),
                name="reservation_not_oversettled",
            ),
        ]

    def __str__(self) -> str:
        return self.ref

    @property
    def open_cents(self) -> int:
        return self.amount_cents - self.paid_cents - self.released_cents


class OrderStatus(models.TextChoices):
    OPEN = "open", _("to be paid")
    BATCHED = "in-batch", _("in a batch")
    PAID = "betaald", _("paid")
    CANCELLED = "vervallen", _("cancelled")


class PaymentOrder(models.Model):
    """One payment in kind to a supplier or creditor; a recurring request has one per month."""

    request = models.ForeignKey(
        "proposals.Request",
        verbose_name=_("request"),
        on_delete=models.PROTECT,
        related_name="payment_orders",
    )
    fund = models.ForeignKey(
        Fund, verbose_name=_("fund"), on_delete=models.PROTECT, related_name="payment_orders"
    )
    sequence = models.PositiveSmallIntegerField(_("number"), default=1)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2)
    creditor_name = LimitedCharField(_("creditor"), max_length=70, name_check=True)
    creditor_iban = LimitedCharField(_("IBAN"), max_length=34, name_check=True)
    remittance = LimitedCharField(_("description on the transfer"), max_length=140, name_check=True)
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=10, choices=OrderStatus.choices, default=OrderStatus.OPEN
    )
    batch = models.ForeignKey(
        "PaymentBatch",
        verbose_name=_("batch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
    )
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)

    class Meta:
        verbose_name = _("payment order")
        verbose_name_plural = _("payment orders")
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "sequence"], name="one_order_per_month"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="order_amount_positive"),
            models.CheckConstraint(
                condition=~Q(status="in-batch") | Q(batch__isnull=False),
                name="batched_order_has_batch",
            ),
        ]

    def __str__(self) -> str:
        due = formatting.date(self.due_date)
        return f"{self.creditor_name} {formatting.euro(self.amount)} ({due})"


class BatchStatus(models.TextChoices):
    OPEN = "klaar", _("ready for export")
    PAID = "betaald", _("paid")
    CANCELLED = "geannuleerd", pgettext_lazy("batch", "cancelled")


class PaymentBatch(models.Model):
    """Orders of one fund paid together: one SEPA credit transfer file. Exporting again gives
    the same file: everything in it comes from stored fields."""

    fund = models.ForeignKey(
        Fund, verbose_name=_("fund"), on_delete=models.PROTECT, related_name="batches"
    )
    message_id = models.CharField(_("message id"), max_length=35, unique=True)
    created_at = models.DateTimeField(_("created at"))
    execution_date = models.DateField(_("execution date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=BatchStatus.choices, default=BatchStatus.OPEN
    )
    paid_at = models.DateTimeField(_("marked paid at"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked paid by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("payment batch")
        verbose_name_plural = _("payment batches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message_id
