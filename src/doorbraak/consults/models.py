"""Anonymous consults ("anoniem sparren", seed 002 "Fraude of pleinvrees", scenario S10): a
professional talks a case through with a handhaver or another expert without naming the
household. Stored without household identity: the texts pass the anonymiser and the writer
confirms the result (services.consult_record refuses a text that still holds an identifier).
Only the writer may link a consult to one of their cases later."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from doorbraak import text_limits as limits
from doorbraak.text_validators import LimitedCharField, LimitedTextField


class Expert(models.TextChoices):
    ENFORCEMENT = "handhaving", _("enforcement (handhaver)")
    INCOME = "werk-en-inkomen", _("Work and Income (income consultant)")
    DEBT = "schuldhulp", _("debt help")
    OTHER = "anders", _("other expert")


class Topic(models.TextChoices):
    APPOINTMENTS = "afspraken", _("not showing up for appointments")
    LIVING = "woonsituatie", _("living situation or cohabitation")
    INCOME = "inkomsten", _("income not reported")
    ASSETS = "vermogen", _("assets")
    ABROAD = "buitenland", _("stay abroad")
    RECOVERY = "terugvordering", _("recovery and debts")
    OTHER = "anders", pgettext_lazy("consult topic", "other")


class Consult(models.Model):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    held_on = models.DateField(_("date"))
    expert = models.CharField(_("consulted"), max_length=20, choices=Expert.choices)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    topic_other = LimitedCharField(_("other topic"), max_length=limits.SHORT_TEXT, blank=True)
    situation = LimitedTextField(_("situation"), max_length=limits.TEXT)
    advice = LimitedTextField(_("advice"), max_length=limits.TEXT)
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("consult")
        verbose_name_plural = _("consults")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["created_by", "held_on"], name="consult_writer_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(topic="anders") | ~Q(topic_other=""), name="other_topic_named"
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"SP-{self.pk:05d}"

    @property
    def topic_label(self) -> str:
        return self.topic_other if self.topic == Topic.OTHER else self.get_topic_display()
