import pytest

from doorbraak.knowledge.models import Article
from tests.factories import api_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/"


def test_read_for_all_write_for_authors(reader, author, wonen):
    denied = api_for(reader).post(URL, {"title": "x", "body": "y"}, format="json")
    assert denied.status_code == 403
    made = api_for(author).post(
        URL,
        {
            "title": "Schuldhulp",
            "body": "[x](javascript:alert(1)) <script>alert(1)</script>",
            "tags": ["schulden"],
            "categories": [wonen.pk],
        },
        format="json",
    )
    assert made.status_code == 201, made.content
    data = made.json()
    assert data["version"] == 1 and "<script>" not in data["html"] and "href" not in data["html"]
    listed = api_for(reader).get(URL, {"q": "schuldhulp"}).json()
    assert [a["title"] for a in listed["results"]] == ["Schuldhulp"]
    changed = api_for(author).patch(f"{URL}{data['id']}/", {"body": "Nieuw."}, format="json")
    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert changed.json()["categories"] == [wonen.pk]
    assert (
        api_for(reader).patch(f"{URL}{data['id']}/", {"body": "z"}, format="json").status_code
        == 403
    )
    versions = api_for(reader).get(f"{URL}{data['id']}/versions/").json()
    assert [v["version"] for v in versions] == [2, 1]


def test_bad_input_is_a_dutch_400(author):
    response = api_for(author).post(URL, {"title": "", "body": ""}, format="json")
    assert response.status_code == 400
    assert not Article.objects.exists()
