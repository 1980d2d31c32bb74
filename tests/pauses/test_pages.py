"""Pause pages: the button on the case page only for the pausing roles, Dutch errors that save
nothing, approval and review through the pages, the start page and the API."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from doorbraak.pauses import services
from doorbraak.pauses.models import Pause, PauseStatus
from tests.factories import api_for

pytestmark = pytest.mark.django_db


def _form(**overrides):
    today = timezone.localdate()
    data = {
        "organisation": "",
        "measure": "beeindiging",
        "benefit": "Bijstandsuitkering",
        "reason": "Verschijnt niet op afspraken.",
        "starts_on": today.isoformat(),
        "weeks": "8",
        "review_on": (today + datetime.timedelta(days=40)).isoformat(),
    }
    data.update(overrides)
    return data


def test_case_page_shows_the_button_only_to_pausing_roles(client, case, consultant, worker):
    url = reverse("cases:detail", args=[case.pk])
    new = reverse("pauses:new", args=[case.pk])
    client.force_login(consultant)
    html = client.get(url).content.decode()
    assert "Pauzes" in html and new in html
    client.force_login(worker)
    html = client.get(url).content.decode()
    assert "Pauzes" in html and new not in html
    assert client.get(new).status_code == 403


def test_pause_form_refuses_in_dutch_and_saves_nothing(client, case, consultant, municipality):
    client.force_login(consultant)
    url = reverse("pauses:new", args=[case.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert 'value="8"' in response.content.decode()
    response = client.post(url, _form(organisation=municipality.pk, review_on=""))
    assert response.status_code == 400
    assert "Geef de datum van de herbeoordeling." in response.content.decode()
    assert not Pause.objects.exists()
    response = client.post(url, _form(organisation=municipality.pk))
    pause = Pause.objects.get()
    assert response.status_code == 302 and response.url == reverse("pauses:detail", args=[pause.pk])
    assert pause.status == PauseStatus.ACTIVE


def test_approval_and_review_pages(client, case, consultant, colleague, worker, municipality):
    today = timezone.localdate()
    pause = services.pause_start(
        actor=consultant,
        case=case,
        organisation=municipality,
        measure="beeindiging",
        benefit="Bijstand",
        reason="Onderzoek",
        starts_on=today,
        weeks=20,
        review_on=today,
    )
    detail = reverse("pauses:detail", args=[pause.pk])
    client.force_login(consultant)
    html = client.get(detail).content.decode()
    assert "Wacht op goedkeuring van een collega." in html
    assert (
        client.post(
            reverse("pauses:approve", args=[pause.pk]), {"decision": "goedkeuren"}
        ).status_code
        == 403
    )
    client.force_login(colleague)
    start = client.get(reverse("home:start")).content.decode()
    assert pause.reference in start
    response = client.post(reverse("pauses:approve", args=[pause.pk]), {"decision": ""})
    assert response.status_code == 400
    assert "Kies goedkeuren of afwijzen." in response.content.decode()
    response = client.post(reverse("pauses:approve", args=[pause.pk]), {"decision": "goedkeuren"})
    assert response.status_code == 302
    client.force_login(consultant)
    start = client.get(reverse("home:start")).content.decode()
    assert pause.reference in start  # the review is due today
    response = client.post(
        reverse("pauses:review", args=[pause.pk]),
        {
            "outcome": "voortzetten",
            "reasons": "Pleinvrees.",
            "care_path": "Zorgtraject",
            "care_due": (today + datetime.timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 302
    pause.refresh_from_db()
    assert pause.status == PauseStatus.REVIEWED
    assert pause.care_action.owner == worker


def test_list_page_for_wi_roles_only(client, consultant, worker):
    client.force_login(consultant)
    assert client.get(reverse("pauses:list")).status_code == 200
    client.force_login(worker)
    assert client.get(reverse("pauses:list")).status_code == 403


def test_api_same_rules(case, consultant, colleague, worker, municipality, team_b):
    from tests.factories import UserFactory

    today = timezone.localdate()
    data = {
        "case": case.pk,
        "organisation": municipality.pk,
        "measure": "beeindiging",
        "benefit": "Bijstand",
        "reason": "Onderzoek",
        "starts_on": today.isoformat(),
        "weeks": 8,
        "review_on": (today + datetime.timedelta(days=30)).isoformat(),
    }
    response = api_for(worker).post("/api/v1/pauses/", data, format="json")
    assert response.status_code == 403
    response = api_for(consultant).post(
        "/api/v1/pauses/",
        {**data, "review_on": (today + datetime.timedelta(days=90)).isoformat()},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["review_on"] == [
        "De datum van de herbeoordeling moet binnen de pauze liggen."
    ]
    response = api_for(consultant).post("/api/v1/pauses/", data, format="json")
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert api_for(colleague).get(f"/api/v1/pauses/{pk}/").status_code == 200
    stranger = UserFactory(team=team_b)
    assert api_for(stranger).get(f"/api/v1/pauses/{pk}/").status_code == 404
    response = api_for(consultant).post(
        f"/api/v1/pauses/{pk}/review/",
        {"outcome": "voortzetten", "reasons": "Pleinvrees."},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "herbeoordeeld"
