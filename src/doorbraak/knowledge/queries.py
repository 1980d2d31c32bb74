"""Reads for the knowledge base pages, the suggestions on the request form and the API."""

from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.http import Http404

from doorbraak.cases.queries import valid_pk

from .models import Article, ArticleVersion

#: How many articles the request form suggests.
SUGGESTIONS = 3
#: A search query longer than this is cut (nobody types more; it bounds the work).
QUERY_LENGTH = 200


def articles() -> QuerySet[Article]:
    return Article.objects.select_related("updated_by")


def with_links(queryset: QuerySet[Article]) -> QuerySet[Article]:
    return queryset.prefetch_related("categories", "legal_grounds", "organisations", "patterns")


def search(text: str) -> QuerySet[Article]:
    """Articles matching `text`, best first. PostgreSQL: full-text search in the Dutch
    configuration on the stored vector (GIN index), ranked; words are stemmed, so
    "huurtoeslagen" finds "huurtoeslag". SQLite: every word must occur in the title, tags or
    text (case-insensitive, a plural ending cut off: `_stem`), ordered by title."""
    text = " ".join((text or "").split())[:QUERY_LENGTH]
    if not text:
        return articles().order_by("-updated_at", "-pk")
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config="dutch", search_type="websearch")
        return (
            articles()
            .filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-updated_at", "-pk")
        )
    matches = articles()
    for word in (_stem(w) for w in text.split()[:10]):
        matches = matches.filter(
            Q(title__icontains=word) | Q(body__icontains=word) | Q(tags__icontains=word)
        )
    return matches.order_by("title", "pk")


def _stem(word: str) -> str:
    """A crude Dutch plural cut for the SQLite fallback: "huurtoeslagen" looks for
    "huurtoeslag", "medebewoners" for "medebewoner" (PostgreSQL's snowball does it right)."""
    lowered = word.lower()
    for suffix in ("en", "s", "'s"):
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def suggestions(*, category: str = "", legal_ground: str = "") -> list[Article]:
    """Articles linked to the request's category (by key) or legal ground (by id): those
    linked to both first, then the most recently changed."""
    conditions = []
    if category and len(category) <= 40:
        conditions.append(Q(categories__key=category))
    if legal_ground.isdigit() and len(legal_ground) < 19:
        conditions.append(Q(legal_grounds__pk=int(legal_ground)))
    if not conditions:
        return []
    found = list(
        Article.objects.filter(reduce(or_, conditions))
        .distinct()
        .order_by("-updated_at", "-pk")
        .only("pk", "title", "body", "updated_at")[:20]
    )
    if len(conditions) == 2:
        both = set(
            Article.objects.filter(
                pk__in=[a.pk for a in found],
                categories__key=category,
                legal_grounds__pk=int(legal_ground),
            ).values_list("pk", flat=True)
        )
        found.sort(key=lambda a: a.pk not in both)
    return found[:SUGGESTIONS]


def article_or_404(pk) -> Article:
    article = with_links(articles().select_related("created_by")).filter(pk=valid_pk(pk)).first()
    if article is None:
        raise Http404
    return article


def versions(article: Article) -> list[ArticleVersion]:
    return list(article.versions.select_related("created_by").order_by("-version"))


def version_pair(article: Article, number) -> tuple[ArticleVersion, ArticleVersion | None]:
    """The version `number` and the one before it (None for the first)."""
    number = valid_pk(number)
    rows = list(
        article.versions.filter(version__in=[number, number - 1])
        .select_related("created_by")
        .order_by("-version")
    )
    if not rows or rows[0].version != number:
        raise Http404
    return rows[0], (rows[1] if len(rows) > 1 else None)
