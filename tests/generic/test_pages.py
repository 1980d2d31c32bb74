"""The generic maatwerk pages: the adviser takes a decision with a preview first, sees
progress but no households; the belteam sees the outreach list (each view processing-logged
per data subject) and records attempts; bad input is a Dutch message that saves nothing."""

import datetime

import pytest
from django.urls import reverse

from doorbraak.generic import services
from doorbraak.generic.models import GenericDecision, OutreachAttempt
from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from tests.generic.conftest import RULE, blocker, values

pytestmark = pytest.mark.django_db

NAMES = {
    "household_name": "Huishouden Kowalczyk",
    "given_name": "Zbigniew",
    "family_name": "Kowalczyk",
}


@pytest.fixture
def decision(adviser, worker_a, worker_b, uwv):
    blocker(worker_a, uwv, **NAMES)
    blocker(worker_b, uwv)
    return services.decision_create(actor=adviser, **values(uwv))


def form(uwv, **changes):
    data = {
        "title": "Geen terugvordering",
        "organisation": uwv.pk,
        "rule": RULE,
        "period_start": "2020-01-01",
        "period_end": "2022-12-31",
        "max_amount": "11977",
        "reasons": "Achterstanden bij de beoordeling.",
        "actie": "besluiten",
    }
    return {**data, **changes}


def test_preview_counts_and_saves_nothing_then_the_decision_lists_the_cases(
    client, adviser, worker_a, worker_b, uwv
):
    blocker(worker_a, uwv)
    blocker(worker_b, uwv)
    blocker(worker_a, uwv, day=datetime.date(2023, 5, 1))
    client.force_login(adviser)
    url = reverse("generic:decision-new")
    assert client.get(url).status_code == 200
    response = client.post(url, form(uwv, actie="voorbeeld"))
    assert response.status_code == 200
    assert "2 casussen voldoen aan deze criteria" in response.content.decode()
    assert GenericDecision.objects.count() == 0
    response = client.post(url, form(uwv))
    decision = GenericDecision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("generic:decision", args=[decision.pk])
    assert decision.outreach_rows.count() == 2
    assert AuditRecord.objects.get(activity="generiek-maatwerk-besluiten").subject_count == 4


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"period_start": "", "period_end": ""}, "Geef de periode van het besluit"),
        ({"period_start": "2022-12-31", "period_end": "2020-01-01"}, "kan niet voor het begin"),
        ({"organisation": "", "rule": ""}, "Kies de organisatie"),
        ({"organisation": "999999"}, "Selecteer een geldige keuze"),
        ({"max_amount": "-5"}, "kan niet negatief zijn"),
    ],
)
@pytest.mark.parametrize("actie", ["voorbeeld", "besluiten"])
def test_bad_input_on_the_form(client, adviser, uwv, changes, message, actie):
    client.force_login(adviser)
    response = client.post(reverse("generic:decision-new"), form(uwv, actie=actie, **changes))
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Niet opgeslagen" in html  # the summary at the top
    assert GenericDecision.objects.count() == 0


def test_the_adviser_sees_progress_not_households(client, adviser, decision):
    client.force_login(adviser)
    response = client.get(reverse("generic:decision", args=[decision.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voortgang van het belteam" in html
    assert "Nog te bellen" in html
    assert "Kowalczyk" not in html
    assert "Bellijst" not in html
    assert not AuditRecord.objects.filter(activity="bellijst-raadplegen").exists()


def test_the_belteam_sees_the_list_and_each_view_is_logged(client, belteam, decision):
    client.force_login(belteam)
    before = ProcessingRecord.objects.filter(activity="bellijst-raadplegen").count()
    response = client.get(reverse("generic:decision", args=[decision.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kowalczyk" in html
    assert "Poging vastleggen" in html
    # two households of two members each: one record per data subject
    assert ProcessingRecord.objects.filter(activity="bellijst-raadplegen").count() == before + 4
    audit = AuditRecord.objects.get(activity="bellijst-raadplegen")
    assert audit.actor == belteam and audit.subject_count == 4


def test_a_professional_sees_only_their_teams_households(client, worker_b, decision):
    client.force_login(worker_b)
    response = client.get(reverse("generic:decision", args=[decision.pk]))
    assert response.status_code == 200
    assert "Kowalczyk" not in response.content.decode()


def test_an_unknown_status_filter_is_a_dutch_message(client, belteam, decision):
    client.force_login(belteam)
    response = client.get(reverse("generic:decision", args=[decision.pk]) + "?status=kwijt")
    assert response.status_code == 400
    assert "Deze belstatus bestaat niet." in response.content.decode()


def test_recording_attempts(client, belteam, decision):
    client.force_login(belteam)
    row = decision.outreach_rows.order_by("id").first()
    url = reverse("generic:attempt-new", args=[decision.pk, row.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Kowalczyk" in response.content.decode()
    response = client.post(url, {"outcome": "", "note": ""})
    assert response.status_code == 400
    assert OutreachAttempt.objects.count() == 0
    response = client.post(url, {"outcome": "bereikt", "note": "Blij met het nieuws"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == "bereikt"
    response = client.post(url, {"outcome": "geen-gehoor", "note": ""})
    assert response.status_code == 400
    assert "er kunnen geen pogingen meer bij" in response.content.decode()
    assert OutreachAttempt.objects.count() == 1


def test_roles_on_the_pages(client, adviser, belteam, worker_a, decision):
    from doorbraak.accounts.roles import Role
    from tests.factories import UserFactory

    row = decision.outreach_rows.first()
    client.force_login(adviser)
    assert client.get(reverse("generic:attempt-new", args=[decision.pk, row.pk])).status_code == 403
    client.force_login(belteam)
    assert client.get(reverse("generic:decision-new")).status_code == 403
    assert client.post(reverse("generic:decision-refresh", args=[decision.pk])).status_code == 403
    handhaver = UserFactory(username="handhaver-g", role=Role.HANDHAVER)
    client.force_login(handhaver)
    assert client.get(reverse("generic:decisions")).status_code == 403
    client.force_login(adviser)
    response = client.post(reverse("generic:decision-refresh", args=[decision.pk]))
    assert response.status_code == 302


def test_start_pages(client, adviser, belteam, decision):
    client.force_login(adviser)
    html = client.get("/").content.decode()
    assert decision.reference in html and "Generiek maatwerk" in html
    client.force_login(belteam)
    html = client.get("/").content.decode()
    assert "2 huishoudens nog te bellen" in html
