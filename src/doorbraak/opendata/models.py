"""A published open-data snapshot: the files as they were published, so the public URL serves
exactly what a beleidsadviseur published, never live or unpublished data. The content holds
aggregates only (opendata/datasets.py): no household, no free text."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak.accounts.models import Organisation


class Snapshot(models.Model):
    municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    min_cell = models.PositiveSmallIntegerField(_("minimum households per cell"))
    #: the JSON document (datasets.document), as text
    json_text = models.TextField(_("JSON"))
    #: dataset name → its CSV file, as text
    csv_files = models.JSONField(_("CSV files"), default=dict)
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("open-data snapshot")
        verbose_name_plural = _("open-data snapshots")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "published_at"], name="opendata_muni_idx")]

    def __str__(self) -> str:
        return f"{self.municipality}: {self.published_at:%Y-%m-%d %H:%M}"
