"""Organisations, neighbourhoods (wijken), teams, people with their roles, and mandates."""

import datetime

from django.contrib.auth.models import AbstractUser
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

    def is_active_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)
