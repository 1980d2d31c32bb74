"""The catalogue of cost figures (kengetallen) and the price index used to bring them to the
current price year. Editable by the functional administrator, per municipality."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation, OrganisationKind
from doorbraak.text_validators import LimitedCharField, LimitedTextField

from . import calculator

UNIT_CHOICES = [
    (calculator.PER_YEAR, _("per year")),
    (calculator.PER_MONTH, _("per month")),
    (calculator.PER_CASE, _("per case")),
]
PAYER_CHOICES = [*OrganisationKind.choices, ("meerdere", _("several organisations"))]


class CostFigure(models.Model):
    """A kengetal. Without municipality it is the national default; a municipality's own
    figure with the same key replaces it there. Every change raises `version`, and requests
    keep the figures as they were when submitted."""

    key = models.SlugField(_("key"), max_length=80)
    municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": OrganisationKind.MUNICIPALITY},
        related_name="cost_figures",
        help_text=_("Empty: the default for every municipality."),
    )
    label = LimitedCharField(_("description"), max_length=limits.SHORT_TEXT, name_check=True)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=10, choices=UNIT_CHOICES)
    price_year = models.PositiveSmallIntegerField(_("price year"))
    source = LimitedTextField(_("source"), max_length=limits.TEXT)
    note = LimitedTextField(_("note"), max_length=limits.TEXT, blank=True)
    payer = models.CharField(
        _("who pays these costs"), max_length=40, choices=PAYER_CHOICES, default="gemeente"
    )
    active = models.BooleanField(_("active"), default=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("cost figure")
        verbose_name_plural = _("cost figures")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(municipality__isnull=True),
                name="one_default_figure_per_key",
            ),
            models.UniqueConstraint(
                fields=["key", "municipality"], name="one_figure_per_key_per_municipality"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="figure_amount_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.key})"

    def as_figure(self) -> calculator.Figure:
        return calculator.Figure(
            key=self.key,
            label=self.label,
            amount=self.amount,
            unit=self.unit,
            price_year=self.price_year,
            source=self.source,
            payer=self.payer,
            note=self.note,
            version=self.version,
        )


class PriceIndexYear(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    index = models.DecimalField(_("index"), max_digits=10, decimal_places=2)
    source = LimitedTextField(_("source"), max_length=limits.TEXT)

    class Meta:
        verbose_name = _("price index year")
        verbose_name_plural = _("price index")
        ordering = ["year"]
        constraints = [models.CheckConstraint(condition=Q(index__gt=0), name="index_positive")]

    def __str__(self) -> str:
        return f"{self.year}: {self.index}"
