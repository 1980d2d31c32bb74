"""Writes on the knowledge base, one transaction each. Bad input raises a Dutch
ValidationError per field and saves nothing; a reader who is not an author gets
PermissionDenied. Every save adds an ArticleVersion and refreshes the search vector."""

from django.contrib.postgres.search import SearchVector
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Value
from django.utils.translation import gettext as _

from doorbraak import text_limits as limits
from doorbraak.accounts.models import User
from doorbraak.home.queries import person_of
from doorbraak.text_validators import check_name, check_text

from . import access, tags
from .models import BODY, TAG, TAGS, Article, ArticleVersion


def _links(article: Article) -> dict:
    """The links as labels, for the version (history stays as it was)."""
    return {
        "categories": sorted(c.label for c in article.categories.all()),
        "legal_grounds": sorted(str(g) for g in article.legal_grounds.all()),
        "organisations": sorted(o.name for o in article.organisations.all()),
        "patterns": sorted(p.reference for p in article.patterns.all()),
    }


def refresh_search_vector(article_id: int) -> None:
    """Title weighs most, then tags, then the text; Dutch stemming ("huurtoeslagen" finds
    "huurtoeslag"). PostgreSQL only: SQLite has no tsvector (queries.search falls back)."""
    if connection.vendor != "postgresql":
        return
    article = Article.objects.only("tags").get(pk=article_id)
    Article.objects.filter(pk=article_id).update(
        search_vector=SearchVector("title", weight="A", config="dutch")
        + SearchVector(Value(" ".join(article.tags)), weight="B", config="dutch")
        + SearchVector("body", weight="C", config="dutch")
    )


def _clean(title, body, tag_text, note) -> tuple[dict, dict]:
    errors: dict[str, list] = {}
    values = {}
    title = " ".join((title or "").split())
    body = (body or "").replace("\r\n", "\n").strip()
    if not title:
        errors["title"] = [_("Give the article a title.")]
    else:
        try:
            values["title"] = check_name(title, "title", limits.SHORT_TEXT)
        except ValidationError as error:
            errors.update(error.message_dict)
    if not body:
        errors["body"] = [_("Write the text of the article.")]
    else:
        try:
            values["body"] = check_text(body, "body", BODY)
        except ValidationError as error:
            errors.update(error.message_dict)
    parsed, problem = tags.parse(
        tag_text if isinstance(tag_text, str) else ", ".join(tag_text or []),
        max_tags=TAGS,
        max_length=TAG,
    )
    if problem == "too-many":
        errors["tags"] = [_("At most %(n)s tags.") % {"n": TAGS}]
    elif problem == "too-long":
        errors["tags"] = [_("A tag has at most %(n)s characters.") % {"n": TAG}]
    values["tags"] = parsed
    try:
        values["note"] = check_text(" ".join((note or "").split()), "note", limits.SHORT_TEXT)
    except ValidationError as error:
        errors.update(error.message_dict)
    return values, errors


@transaction.atomic
def article_save(
    *,
    actor: User,
    article: Article | None = None,
    title: str,
    body: str,
    tags: str | list = "",
    categories=(),
    legal_grounds=(),
    organisations=(),
    patterns=(),
    note: str = "",
) -> Article:
    """Write a new article (`article` None) or a new version of one."""
    if not access.may_write_articles(person_of(actor)):
        raise PermissionDenied(
            _("Only policy advisers and functional administrators write articles.")
        )
    values, errors = _clean(title, body, tags, note)
    if errors:
        raise ValidationError(errors)
    note = values.pop("note") or ""
    if article is None:
        article = Article.objects.create(created_by=actor, updated_by=actor, version=1, **values)
    else:
        # Lock the row: two saves at once get consecutive version numbers.
        locked = Article.objects.select_for_update().get(pk=article.pk)
        for field, value in values.items():
            setattr(locked, field, value)
        locked.version += 1
        locked.updated_by = actor
        locked.save()
        article = locked
    article.categories.set(categories)
    article.legal_grounds.set(legal_grounds)
    article.organisations.set(organisations)
    article.patterns.set(patterns)
    ArticleVersion.objects.create(
        article=article,
        version=article.version,
        title=article.title,
        body=article.body,
        tags=article.tags,
        links=_links(article),
        note=note,
        created_by=actor,
    )
    refresh_search_vector(article.pk)
    return article
