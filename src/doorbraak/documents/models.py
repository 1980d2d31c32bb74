"""A PDF someone asked for, rendered by a background job and kept briefly for its download.
Only the person who asked may download it; it is deleted after a day (it holds case data,
if anonymised). What each kind renders and who may ask for it: `kinds.py`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.text_validators import LimitedCharField


class DocumentKind(models.TextChoices):
    LET_SUBMISSION = "let-voorlegging", _("LET submission")
    BESLUITENLIJST = "besluitenlijst", _("list of decisions")
    ONDERBOUWING = "onderbouwing", _("onderbouwing of a request")


class DocumentStatus(models.TextChoices):
    WAITING = "wacht", _("being made")
    READY = "klaar", _("ready")
    FAILED = "mislukt", _("failed")


class Document(models.Model):
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    object_id = models.PositiveBigIntegerField(_("of"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.WAITING
    )
    file = models.FileField(_("file"), upload_to="documents/", blank=True)
    filename = LimitedCharField(_("file name"), max_length=limits.SHORT_TEXT, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    error = LimitedCharField(_("error"), max_length=limits.SHORT_TEXT, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["created_at"], name="document_created_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.object_id}"
