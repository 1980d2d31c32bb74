import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doorbraak.knowledge import queries, services
from doorbraak.knowledge.models import Article, ArticleVersion

pytestmark = pytest.mark.django_db


def write(author, **kwargs):
    values = {"title": "Huurtoeslag en een medebewoner", "body": "Over de huurtoeslag."}
    return services.article_save(actor=author, **{**values, **kwargs})


def test_every_save_is_a_version(author, beheerder, wonen, art35):
    article = write(author, tags="Huurtoeslag, medebewoner", categories=[wonen])
    assert article.version == 1 and article.tags == ["huurtoeslag", "medebewoner"]
    article = services.article_save(
        actor=beheerder,
        article=article,
        title="Huurtoeslag en een medebewoner",
        body="Over de huurtoeslag.\nNieuwe stap.",
        legal_grounds=[art35],
        note="stap erbij",
    )
    assert article.version == 2
    versions = queries.versions(article)
    assert [v.version for v in versions] == [2, 1]
    assert versions[0].note == "stap erbij" and versions[0].created_by == beheerder
    assert versions[1].body == "Over de huurtoeslag."
    assert versions[1].links["categories"] == ["Wonen"]
    assert versions[0].links["categories"] == []
    assert "Participatiewet" in versions[0].links["legal_grounds"][0]
    current, previous = queries.version_pair(article, 2)
    assert (current.version, previous.version) == (2, 1)


def test_readers_cannot_write(reader):
    with pytest.raises(PermissionDenied):
        write(reader)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "field,values",
    [
        ("title", {"title": "  "}),
        ("body", {"body": ""}),
        ("title", {"title": "<b>x</b>"}),
        ("tags", {"tags": ",".join(f"t{i}" for i in range(13))}),
        ("body", {"body": "x" * 20_001}),
    ],
)
def test_bad_input_saves_nothing(author, field, values):
    with pytest.raises(ValidationError) as error:
        write(author, **values)
    assert field in error.value.message_dict
    assert not Article.objects.exists() and not ArticleVersion.objects.exists()


def test_suggestions_by_category_and_legal_ground(author, wonen, art35):
    both = write(author, title="Beide", categories=[wonen], legal_grounds=[art35])
    only_category = write(author, title="Categorie", categories=[wonen])
    write(author, title="Niets")
    found = queries.suggestions(category="wonen", legal_ground=str(art35.pk))
    assert found[0] == both and only_category in found and len(found) == 2
    assert queries.suggestions(category="", legal_ground="") == []
    assert queries.suggestions(category="bestaat-niet", legal_ground="x") == []


def test_simple_search_finds_words(author):
    write(author, title="Bijzondere bijstand", body="Eerst de voorliggende voorziening.")
    write(author, title="Schuldhulp", body="Een oude schuld.", tags="schulden")
    assert [a.title for a in queries.search("voorliggende")] == ["Bijzondere bijstand"]
    assert [a.title for a in queries.search("schuld")] == ["Schuldhulp"]
    assert len(queries.search("")) == 2


@pytest.mark.postgres
def test_dutch_full_text_search_finds_inflected_words(author):
    """PostgreSQL, Dutch configuration: "huurtoeslagen" finds an article about
    "huurtoeslag"; the title weighs more than the text."""
    write(author, title="Witgoed", body="Een wasmachine, ook bij minder huurtoeslag.")
    write(author, title="Huurtoeslag en een medebewoner", body="Spookbewoning op het adres.")
    write(author, title="Schuldhulp", body="Een oude schuld.")
    found = list(queries.search("huurtoeslagen"))
    assert [a.title for a in found] == ["Huurtoeslag en een medebewoner", "Witgoed"]
    assert found[0].rank > found[1].rank
    assert [a.title for a in queries.search("medebewoners")] == ["Huurtoeslag en een medebewoner"]
    assert list(queries.search("kinderopvang")) == []


@pytest.mark.postgres
def test_search_uses_the_gin_index(author):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'knowledge_article' "
            "AND indexdef ILIKE '%%gin%%'"
        )
        assert cursor.fetchall()


def test_simple_search_cuts_a_plural(author):
    write(author, title="Huurtoeslag en een medebewoner", body="Spookbewoning.")
    assert [a.title for a in queries.search("huurtoeslagen")] == ["Huurtoeslag en een medebewoner"]
    assert [a.title for a in queries.search("medebewoners")] == ["Huurtoeslag en een medebewoner"]
