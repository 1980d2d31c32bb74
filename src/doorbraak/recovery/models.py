"""The hersteloperatie kinderopvangtoeslag (seeds 000 and 002, Utrecht and Zaanstad).

A household can carry the mark "gedupeerde hersteloperatie": special personal data. It is read
and written only by those who work on the case (the case's visibility), every read and write
is in the processing log, and it never reaches an approver or an anonymised text: approvers
only see that a request has priority (approvals/queries.py), never why.

Debts the municipality and others forgive are tracked per creditor; the fund of the
hersteloperatie (Utrecht's toeslagenherstelpotje) is linked as a `RecoveryFund`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.cases.models import Case, Household
from doorbraak.text_validators import LimitedCharField


class MarkSource(models.TextChoices):
    UHT = "uht", _("Uitvoeringsorganisatie Herstel Toeslagen (UHT)")
    OWN = "eigen-melding", _("own report by the parent")
    MUNICIPALITY = "gemeente", _("registration through the municipality")
    OTHER = "anders", _("other source")


class RecoveryMark(models.Model):
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        on_delete=models.PROTECT,
        related_name="recovery_marks",
    )
    source = models.CharField(_("source"), max_length=20, choices=MarkSource.choices)
    marked_on = models.DateField(
        _("date"), help_text=_("When the household was recognised or reported itself.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    ended_at = models.DateTimeField(_("removed at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("removed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("hersteloperatie mark")
        verbose_name_plural = _("hersteloperatie marks")
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(ended_at__isnull=True),
                name="one_active_recovery_mark",
            )
        ]
        indexes = [
            # The approval inbox asks "is this request's household marked?" per row.
            models.Index(
                fields=["household"],
                condition=Q(ended_at__isnull=True),
                name="recovery_mark_active_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.household_id} ({self.source})"


class DebtStatus(models.TextChoices):
    REQUESTED = "aangevraagd", _("requested")
    PROMISED = "toegezegd", _("promised")
    FORGIVEN = "kwijtgescholden", _("forgiven")
    REFUSED = "afgewezen", _("refused")


class ForgivenDebt(models.Model):
    """One creditor's debt of the household that is (to be) forgiven."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="forgiven_debts"
    )
    creditor = LimitedCharField(_("creditor"), max_length=limits.NAME, name_check=True)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2)
    status = models.CharField(
        _("status"), max_length=20, choices=DebtStatus.choices, default=DebtStatus.REQUESTED
    )
    status_date = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("forgiven debt")
        verbose_name_plural = _("forgiven debts")
        ordering = ["case", "creditor", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="forgiven_debt_positive")
        ]

    def __str__(self) -> str:
        return f"{self.creditor}: {self.amount}"


class RecoveryFund(models.Model):
    """Marks a fund as the hersteloperatie's own (the toeslagenherstelpotje): the recovery
    page offers it for a marked household, and the fund page counts the households it
    served. Its rules and approval policy are the fund's own (funds/, approvals/)."""

    fund = models.OneToOneField(
        "funds.Fund",
        verbose_name=_("fund"),
        on_delete=models.PROTECT,
        related_name="recovery",
    )

    class Meta:
        verbose_name = _("fund of the hersteloperatie")
        verbose_name_plural = _("funds of the hersteloperatie")

    def __str__(self) -> str:
        return str(self.fund)
