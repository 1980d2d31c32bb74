"""Who sees what: the adviser's page, concept downloads and "Publiceren"; the public pages and
API serve only what was published, without login."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from doorbraak.accounts.roles import Role
from doorbraak.opendata.models import Snapshot
from doorbraak.privacy.models import AuditRecord
from tests.factories import UserFactory


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_adviser_sees_the_preview_and_the_publish_button(city):
    response = _client(city["adviser"]).get(reverse("opendata:index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Publiceren" in body and "Huisraad" in body
    assert reverse("opendata:concept", args=["uitkomsten", "csv"]) in body


@pytest.mark.parametrize("role", [Role.GEZINSWERKER, Role.TEAMLEIDER, Role.PROJECTLEIDER])
def test_other_roles_get_a_dutch_refusal_and_no_figures(city, role):
    user = UserFactory(role=role, organisation=city["municipality"])
    client = _client(user)
    for url in (
        reverse("opendata:index"),
        reverse("opendata:concept", args=["uitkomsten", "csv"]),
    ):
        response = client.get(url)
        assert response.status_code == 403
        assert "Huisraad" not in response.content.decode()
    assert client.post(reverse("opendata:publish")).status_code == 403
    assert not Snapshot.objects.exists()
    assert reverse("opendata:index") not in client.get(reverse("home:start")).content.decode()


def test_unpublished_data_need_a_login(city):
    client = Client()
    for url in (
        reverse("opendata:index"),
        reverse("opendata:concept", args=["uitkomsten", "csv"]),
        reverse("opendata:concept", args=["open-data", "json"]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
    response = client.get(reverse("opendata:public-municipality", args=["gemeente-testdorp"]))
    assert response.status_code == 404
    assert (
        "niet gepubliceerd" in response.content.decode() or "onbekend" in response.content.decode()
    )
    api = client.get("/api/v1/open-data/gemeente-testdorp/")
    assert api.status_code == 404


def test_a_backwards_period_is_refused_in_dutch(city):
    response = _client(city["adviser"]).get(
        reverse("opendata:index"), {"start": "2026-05-01", "end": "2026-01-01"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "De einddatum ligt voor de begindatum." in body
    assert "Huisraad" not in body


def test_publishing_stores_a_snapshot_that_anyone_downloads(city):
    client = _client(city["adviser"])
    response = client.post(
        reverse("opendata:publish"), {"start": "2025-01-01", "end": "2026-12-31"}
    )
    assert response.status_code == 302
    snapshot = Snapshot.objects.get()
    assert snapshot.published_by == city["adviser"]
    assert AuditRecord.objects.filter(
        action="open-data-publiceren", object_id=str(snapshot.pk), actor=city["adviser"]
    ).exists()
    anonymous = Client()
    page = anonymous.get(reverse("opendata:public-municipality", args=["gemeente-testdorp"]))
    assert page.status_code == 200
    csv = anonymous.get(
        reverse("opendata:public-file", args=["gemeente-testdorp", "uitgaven-per-categorie", "csv"])
    )
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode() == snapshot.csv_files["uitgaven-per-categorie"]
    document = anonymous.get(
        reverse("opendata:public-file", args=["gemeente-testdorp", "open-data", "json"])
    )
    assert json.loads(document.content) == json.loads(snapshot.json_text)
    api = anonymous.get("/api/v1/open-data/gemeente-testdorp/")
    assert api.status_code == 200 and api.json() == json.loads(snapshot.json_text)
    listing = anonymous.get("/api/v1/open-data/").json()
    assert [m["gemeente_slug"] for m in listing] == ["gemeente-testdorp"]
    assert "Gemeente Testdorp" in anonymous.get(reverse("opendata:public")).content.decode()
    # Only the published content: an unknown file is not there.
    assert (
        anonymous.get(
            reverse("opendata:public-file", args=["gemeente-testdorp", "casussen", "csv"])
        ).status_code
        == 404
    )


def test_an_unknown_municipality_is_a_dutch_404(db):
    response = Client().get(reverse("opendata:public-municipality", args=["gemeente-nergens"]))
    assert response.status_code == 404
    assert "Deze gemeente is onbekend" in response.content.decode()
