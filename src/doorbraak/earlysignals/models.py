"""Vroegsignalering: payment-arrears signals from fixed-cost partners (health insurer,
landlord, energy, water) and what the municipality did with each. The person's contact
details are stored encrypted (Fernet, the field encryption key); the person and the arrear
are found again through keyed hashes only (`person_key`, `dedup_key`), never in plain text.
The funnel's rules live in `workflow.py`, the CSV rules in `rows.py` (pure Python)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.text_validators import LimitedCharField, LimitedTextField

from . import workflow


class SenderKind(models.TextChoices):
    HEALTH_INSURER = "zorgverzekeraar", _("health insurer")
    LANDLORD = "verhuurder", _("landlord")
    ENERGY = "energie", _("energy supplier")
    WATER = "water", _("water company")


class SignalStatus(models.TextChoices):
    RECEIVED = workflow.RECEIVED, _("received")
    APPROACHED = workflow.APPROACHED, _("approached")
    REACHED = workflow.REACHED, _("reached")
    ACCEPTED = workflow.ACCEPTED, _("help accepted")
    CLOSED = workflow.CLOSED, _("closed")


class Method(models.TextChoices):
    LETTER = workflow.LETTER, _("letter")
    PHONE = workflow.PHONE, _("phone")
    VISIT = workflow.VISIT, _("home visit")


class CloseReason(models.TextChoices):
    SOLVED = "opgelost", _("arrear paid or arranged")
    NOT_REACHED = "niet-bereikt", _("not reached")
    DECLINED = "hulp-geweigerd", _("help declined")
    ALREADY_HELPED = "al-in-hulp", _("already receiving help")
    MOVED = "verhuisd", _("moved away")
    OTHER = "anders", _("other reason")


class SignalImport(models.Model):
    """One uploaded file: who imported it, when, and what came of it."""

    municipality = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    file_name = LimitedCharField(_("file name"), max_length=limits.SHORT_TEXT, blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created = models.PositiveIntegerField(_("new signals"), default=0)
    merged = models.PositiveIntegerField(_("merged duplicates"), default=0)

    class Meta:
        verbose_name = _("signal import")
        verbose_name_plural = _("signal imports")
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name or self.pk} ({self.imported_at:%d-%m-%Y})"


class Signal(models.Model):
    municipality = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    first_import = models.ForeignKey(
        SignalImport,
        verbose_name=_("import"),
        on_delete=models.PROTECT,
        related_name="signals",
    )
    sender_kind = models.CharField(_("sender"), max_length=20, choices=SenderKind.choices)
    creditor = LimitedCharField(_("creditor"), max_length=limits.NAME)
    amount = models.DecimalField(_("arrear"), max_digits=12, decimal_places=2)
    arrear_date = models.DateField(_("arrear since"))
    #: keyed hash (HMAC-SHA256, pseudonym key) of name, birth date, postcode and house number
    person_key = models.CharField(_("person key"), max_length=64, db_index=True)
    #: keyed hash of the person key, the creditor and the arrear: one signal per arrear
    dedup_key = models.CharField(_("duplicate key"), max_length=64)
    #: name, birth date, address and contact details as encrypted JSON (Fernet)
    contact = models.TextField(_("contact details (encrypted)"))
    received_on = models.DateField(_("received on"))
    times_received = models.PositiveIntegerField(_("times received"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.RECEIVED
    )
    first_attempt_on = models.DateField(_("first contact attempt"), null=True, blank=True)
    reached_on = models.DateField(_("reached on"), null=True, blank=True)
    accepted_on = models.DateField(_("help accepted on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    close_reason = models.CharField(
        _("reason"), max_length=20, choices=CloseReason.choices, blank=True
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("worker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    case = models.OneToOneField(
        "cases.Case",
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="early_signal",
    )

    class Meta:
        verbose_name = _("payment-arrears signal")
        verbose_name_plural = _("payment-arrears signals")
        ordering = ["received_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "dedup_key"], name="earlysignal_one_per_arrear"
            )
        ]
        indexes = [
            models.Index(
                fields=["municipality", "status", "received_on"], name="earlysignal_worklist"
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"VS-{self.pk}"


class SignalEvent(models.Model):
    """The signal's history, append-only: each contact attempt and step."""

    signal = models.ForeignKey(
        Signal, verbose_name=_("signal"), on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    on = models.DateField(_("date"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("step"), max_length=20, choices=SignalStatus.choices)
    method = models.CharField(_("how"), max_length=20, choices=Method.choices, blank=True)
    note = LimitedTextField(_("note"), max_length=limits.TEXT, blank=True)

    class Meta:
        verbose_name = _("signal step")
        verbose_name_plural = _("signal steps")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.signal_id}: {self.status} {self.on}"
