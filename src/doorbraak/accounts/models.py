"""Organisations, neighbourhoods (wijken), teams, people with their roles, and mandates."""

import datetime

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.text_validators import LimitedCharField, LimitedTextField

from .labels import ROLE_CHOICES


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "gemeente", _("Municipality")
    NEIGHBOURHOOD_TEAM_ORG = "buurtteamorganisatie", _("Neighbourhood team organisation")
    HOUSING_CORPORATION = "woningcorporatie", _("Housing corporation")
    HEALTH_INSURER = "zorgverzekeraar", _("Health insurer")
    UWV = "uwv", _("UWV")
    SVB = "svb", _("SVB")
    DUO = "duo", _("DUO")
    CJIB = "cjib", _("CJIB")
    TAX_BENEFITS = "belastingdienst-toeslagen", _("Tax Administration / Benefits")
    DEBT_HELP = "schuldhulpverlening", _("Debt help")
    SHELTER = "opvang", _("Shelter")
    CARE_PROVIDER = "zorgaanbieder", _("Care provider")
    OTHER = "overig", _("Other")


class Organisation(models.Model):
    name = LimitedCharField(_("name"), max_length=limits.NAME, unique=True, name_check=True)
    kind = models.CharField(_("kind"), max_length=40, choices=OrganisationKind.choices)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Neighbourhood(models.Model):
    """A wijk: the area a neighbourhood team works in."""

    name = LimitedCharField(_("name"), max_length=limits.NAME, name_check=True)
    municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        limit_choices_to={"kind": OrganisationKind.MUNICIPALITY},
        related_name="neighbourhoods",
    )

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="unique_wijk_per_gemeente"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    name = LimitedCharField(_("name"), max_length=limits.NAME, name_check=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="teams"
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="teams",
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_team_per_org")
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A professional. Residents never log in; their data lives in cases."""

    first_name = LimitedCharField(_("first name"), max_length=150, blank=True, name_check=True)
    last_name = LimitedCharField(_("last name"), max_length=150, blank=True, name_check=True)
    role = models.CharField(_("role"), max_length=40, choices=ROLE_CHOICES, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def role_label(self) -> str:
        return self.get_role_display()


class Mandate(models.Model):
    """Mandate register: who may decide what on behalf of which organisation, until when."""

    holder = models.ForeignKey(
        User, verbose_name=_("holder"), on_delete=models.PROTECT, related_name="mandates"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of"),
        on_delete=models.PROTECT,
        related_name="mandates",
    )
    scope = LimitedTextField(
        _("for what"), max_length=limits.TEXT, help_text=_("What the holder may decide.")
    )
    max_amount = models.DecimalField(
        _("maximum amount (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    granted_by = LimitedCharField(_("granted by"), max_length=limits.NAME, name_check=True)
    decision_reference = LimitedCharField(
        _("decision reference"), max_length=limits.SHORT_TEXT, blank=True, name_check=True
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandate register")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="mandate_period_valid",
            ),
            models.CheckConstraint(
                condition=Q(max_amount__isnull=True) | Q(max_amount__gte=0),
                name="mandate_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder} — {self.organisation}"

    def clean(self) -> None:
        """The constraints' rules in words, next to the field (the admin showed "Beperking
        'mandate_period_valid' is geschonden" at the top); the constraints stay the guard."""
        problems = {}
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            problems["valid_until"] = _("The end date lies before the start date.")
        if self.max_amount is not None and self.max_amount < 0:
            problems["max_amount"] = _("An amount cannot be below zero.")
        if problems:
            raise ValidationError(problems)

    def is_active_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class TOTPDevice(models.Model):
    """A person's authenticator app (TOTP, issue 16 item 5). The secret is encrypted with the
    field encryption key; `confirmed_at` is set by the first correct code, only then does the
    device count. `last_used_step` refuses a replayed code; `failures` and `last_failure_at`
    rate-limit the verification (accounts/totp.py)."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="totp_devices"
    )
    encrypted_secret = models.TextField(_("secret (encrypted)"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    last_used_step = models.BigIntegerField(_("last time step used"), default=0)
    failures = models.PositiveIntegerField(_("wrong codes in a row"), default=0)
    last_failure_at = models.DateTimeField(_("last wrong code at"), null=True, blank=True)

    class Meta:
        verbose_name = _("authenticator app")
        verbose_name_plural = _("authenticator apps")

    def __str__(self) -> str:
        return str(self.user)


class RecoveryCode(models.Model):
    """A single-use recovery code; only its keyed hash is stored (accounts/totp.py)."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(_("code (hashed)"), max_length=64, unique=True)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return f"{self.user} ({self.pk})"


class ReviewDecision(models.TextChoices):
    CONFIRMED = "bevestigd", _("Access confirmed")
    REVOKED = "ingetrokken", _("Access revoked")


class AccessReview(models.Model):
    """One decision of the periodic access review (BIO, issue 16 item 6): a team leader (or
    the functional administrator) confirmed or revoked a person's access. Kept, never
    changed: the latest confirmation per person says when the next review is due."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.PROTECT, related_name="access_reviews"
    )
    reviewer = models.ForeignKey(
        User, verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(_("decision"), max_length=20, choices=ReviewDecision.choices)
    role = models.CharField(_("role at the review"), max_length=40, blank=True)
    team = models.ForeignKey(
        Team,
        verbose_name=_("team at the review"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cases_count = models.PositiveIntegerField(_("cases visible at the review"), default=0)
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        verbose_name = _("access review")
        verbose_name_plural = _("access reviews")
        ordering = ["-decided_at"]
        indexes = [models.Index(fields=["user", "-decided_at"], name="access_review_latest")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_decision_display()}"
