import pytest
from django.urls import reverse

from doorbraak.knowledge import services
from doorbraak.knowledge.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(author, wonen, art35):
    return services.article_save(
        actor=author,
        title="Huurtoeslag en een medebewoner",
        body="## Wat je kunt doen\n\nVraag een adresonderzoek aan.\n\n<script>alert(1)</script>",
        tags="huurtoeslag",
        categories=[wonen],
        legal_grounds=[art35],
    )


def test_everyone_reads_and_searches(client, reader, article):
    client.force_login(reader)
    page = client.get(reverse("knowledge:index"), {"q": "adresonderzoek"})
    assert page.status_code == 200
    assert "Huurtoeslag en een medebewoner" in page.text
    assert "Artikel schrijven" not in page.text  # no button a reader may not use
    detail = client.get(reverse("knowledge:detail", args=[article.pk]))
    # The article's top heading follows the page's h1 (rendering.heading_levels).
    assert '<h2 class="utrecht-heading-2">Wat je kunt doen</h2>' in detail.text
    assert "<script>alert(1)</script>" not in detail.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in detail.text
    assert reverse("knowledge:edit", args=[article.pk]) not in detail.text


def test_reader_cannot_open_the_form(client, reader, article):
    client.force_login(reader)
    assert client.get(reverse("knowledge:new")).status_code == 403
    assert client.get(reverse("knowledge:edit", args=[article.pk])).status_code == 403
    response = client.post(reverse("knowledge:new"), {"title": "x", "body": "y"})
    assert response.status_code == 403
    assert Article.objects.count() == 1


def test_author_writes_and_edits_with_history(client, author, article, wonen):
    client.force_login(author)
    assert "Artikel schrijven" in client.get(reverse("knowledge:index")).text
    response = client.post(
        reverse("knowledge:edit", args=[article.pk]),
        {
            "title": "Huurtoeslag en een medebewoner",
            "body": "## Wat je kunt doen\n\nVraag een adresonderzoek aan bij de gemeente.",
            "tags": "huurtoeslag, spookbewoning",
            "categories": [wonen.pk],
            "note": "Gemeente toegevoegd",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.version == 2
    history = client.get(reverse("knowledge:history", args=[article.pk]))
    assert "Versie 2" in history.text and "Gemeente toegevoegd" in history.text
    version = client.get(reverse("knowledge:version", args=[article.pk, 2]))
    assert "<ins>+ Vraag een adresonderzoek aan bij de gemeente.</ins>" in version.text
    assert "<del>− Vraag een adresonderzoek aan.</del>" in version.text
    assert "<del>− &lt;script&gt;alert(1)&lt;/script&gt;</del>" in version.text
    first = client.get(reverse("knowledge:version", args=[article.pk, 1]))
    assert first.status_code == 200 and "Eerste versie" in first.text
    assert client.get(reverse("knowledge:version", args=[article.pk, 9])).status_code == 404


def test_errors_next_to_the_field_and_nothing_saved(client, author):
    client.force_login(author)
    response = client.post(reverse("knowledge:new"), {"title": "", "body": ""})
    assert response.status_code == 400
    assert "Niet opgeslagen" in response.text
    assert 'id="id_title-error"' in response.text
    assert not Article.objects.exists()


def test_suggestions_fragment(client, reader, article, wonen, art35):
    client.force_login(reader)
    response = client.get(reverse("knowledge:suggestions"), {"category": "wonen"})
    assert "Huurtoeslag en een medebewoner" in response.text
    response = client.get(reverse("knowledge:suggestions"), {"legal_ground": str(art35.pk)})
    assert "Huurtoeslag en een medebewoner" in response.text
    response = client.get(reverse("knowledge:suggestions"), {"category": "schulden"})
    assert response.text.strip() == ""


def test_request_form_loads_the_suggestions(client, worker_a, case_a):
    client.force_login(worker_a)
    page = client.get(reverse("cases:request-new", args=[case_a.pk]))
    assert reverse("knowledge:suggestions") in page.text
    assert 'hx-include="#id_category, #id_legal_ground"' in page.text


def test_anonymous_is_sent_to_login(client, article):
    assert client.get(reverse("knowledge:index")).status_code == 302
    assert client.get(reverse("knowledge:suggestions")).status_code == 302
