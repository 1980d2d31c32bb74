"""The knowledge base (kennisbank): articles that answer the questions professionals keep
asking ("niet iedereen hoeft zelf een 10 te scoren op kennis", seed 000, Utrecht).

An article is written in Markdown by beleidsadviseurs and functioneel beheerders and read by
everyone. Every save is a new `ArticleVersion` (append-only); the `Article` row holds the
current text for reading and searching. No household data lives here."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import Organisation
from doorbraak.learning.models import Pattern
from doorbraak.proposals.models import Category, LegalGround
from doorbraak.text_validators import LimitedCharField, LimitedTextField

#: An article may be long: a FAQ page with several questions.
BODY = 20_000
TAGS = 12
TAG = 40


class Article(models.Model):
    title = LimitedCharField(_("title"), max_length=limits.SHORT_TEXT, name_check=True)
    body = LimitedTextField(_("text"), max_length=BODY)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    categories = models.ManyToManyField(
        Category, verbose_name=_("categories"), blank=True, related_name="articles"
    )
    legal_grounds = models.ManyToManyField(
        LegalGround, verbose_name=_("legal grounds"), blank=True, related_name="articles"
    )
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), blank=True, related_name="articles"
    )
    patterns = models.ManyToManyField(
        Pattern, verbose_name=_("patterns"), blank=True, related_name="articles"
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    #: PostgreSQL full-text search in the Dutch configuration (title A, tags B, text C),
    #: written by services.article_save on every save; a GIN index (see the migration). Empty
    #: on SQLite, where queries.search falls back to a simple contains.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def reference(self) -> str:
        return f"K-{self.pk:05d}"


class ArticleVersion(models.Model):
    """One saved version of an article, as it was: text, tags and links (as labels, so a
    renamed category does not rewrite history). Append-only."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.PROTECT, related_name="versions"
    )
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=limits.SHORT_TEXT)
    body = models.TextField(_("text"))
    tags = models.JSONField(_("tags"), default=list)
    links = models.JSONField(_("links"), default=dict)
    note = LimitedCharField(_("what changed"), max_length=limits.SHORT_TEXT, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("article version")
        verbose_name_plural = _("article versions")
        ordering = ["article", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["article", "version"], name="one_article_version")
        ]

    def __str__(self) -> str:
        return f"{self.article_id} v{self.version}"
