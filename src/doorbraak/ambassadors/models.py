"""The ambassadors directory (issue 17 item 5; seeds 002, 004, 000): maatwerkambassadeurs and
trekkers/aanjagers per organisation and wijk, with their topics and how to reach them at work
— the colleague in another department or organisation who will listen to a hard case.

Only work contact details: the service refuses a private mail domain. An ambassador who stops
is set inactive (kept for the history of who helped), never deleted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.text_validators import LimitedCharField


class Kind(models.TextChoices):
    AMBASSADOR = "maatwerkambassadeur", _("maatwerk ambassador")
    LEAD = "trekker", _("lead (trekker)")
    DRIVER = "aanjager", _("driver (aanjager)")


class Ambassador(models.Model):
    name = LimitedCharField(_("name"), max_length=limits.NAME, name_check=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="ambassadors",
    )
    neighbourhood = models.ForeignKey(
        "accounts.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ambassadors",
        help_text=_("Empty: the whole organisation."),
    )
    department = LimitedCharField(_("department"), max_length=limits.SHORT_TEXT, blank=True)
    topics = LimitedCharField(
        _("topics"),
        max_length=limits.SHORT_TEXT,
        help_text=_("Separated by commas, e.g. debts, housing, benefits."),
    )
    work_email = models.EmailField(_("work e-mail"), max_length=254, blank=True)
    work_phone = models.CharField(_("work phone"), max_length=20, blank=True)
    reachable = LimitedCharField(
        _("when and how to reach"), max_length=limits.SHORT_TEXT, blank=True
    )
    active = models.BooleanField(_("active"), default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("ambassador")
        verbose_name_plural = _("ambassadors")
        ordering = ["organisation__name", "name", "pk"]
        indexes = [models.Index(fields=["organisation", "active"], name="ambassador_org_idx")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()}, {self.organisation})"

    @property
    def topic_list(self) -> list[str]:
        return [t.strip() for t in self.topics.split(",") if t.strip()]
