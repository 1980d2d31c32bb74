"""The funnel: steps and refusals, the term, a case with one click, pages, API, dashboard."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from doorbraak.cases.models import TimelineEntry
from doorbraak.earlysignals import queries, services, workflow
from doorbraak.earlysignals.models import Signal
from tests.factories import api_for


@pytest.fixture
def signal(imported):
    return Signal.objects.get(creditor="Energie Oost (test)")


def _age(signal, days):
    Signal.objects.filter(pk=signal.pk).update(
        received_on=timezone.localdate() - datetime.timedelta(days=days)
    )
    signal.refresh_from_db()
    return signal


def test_the_funnel_step_by_step(signal, worker):
    signal = _age(signal, 10)
    signal = services.signal_step(
        actor=worker, signal=signal, status=workflow.APPROACHED, method=workflow.LETTER
    )
    assert signal.first_attempt_on == timezone.localdate() and signal.worker == worker
    services.signal_step(
        actor=worker, signal=signal, status=workflow.APPROACHED, method=workflow.VISIT
    )
    services.signal_step(actor=worker, signal=signal, status=workflow.REACHED)
    signal = services.signal_step(actor=worker, signal=signal, status=workflow.ACCEPTED)
    assert signal.status == workflow.ACCEPTED
    assert [e.method for e in signal.events.all()] == ["brief", "huisbezoek", "", ""]


def test_refusals_are_dutch_and_change_nothing(signal, worker, other_worker, leader):
    with pytest.raises(ValidationError) as error:
        services.signal_step(actor=worker, signal=signal, status=workflow.REACHED)
    assert "kan niet" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        services.signal_step(actor=worker, signal=signal, status=workflow.APPROACHED)
    assert "method" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.signal_step(actor=worker, signal=signal, status=workflow.CLOSED)
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.signal_step(
            actor=worker,
            signal=signal,
            status=workflow.APPROACHED,
            method=workflow.PHONE,
            on=timezone.localdate() + datetime.timedelta(days=1),
        )
    with pytest.raises(PermissionDenied):
        services.signal_step(
            actor=other_worker, signal=signal, status=workflow.APPROACHED, method="brief"
        )
    signal.refresh_from_db()
    assert signal.status == workflow.RECEIVED and not signal.events.exists()


def test_overdue_on_the_start_page_and_worklist(signal, worker, client):
    today = timezone.localdate()
    assert queries.start_section(worker, today)["overdue"] == 0
    _age(signal, 29)
    assert queries.start_section(worker, today)["overdue"] == 1
    assert list(queries.worklist(worker, today, overdue_only=True)) == [signal]
    client.force_login(worker)
    page = client.get("/").content.decode()
    assert "1 signaal over de termijn" in page
    services.signal_step(actor=worker, signal=signal, status=workflow.APPROACHED, method="brief")
    assert queries.start_section(worker, today)["overdue"] == 0


def test_the_term_is_a_setting(signal, worker, settings):
    settings.EARLYSIGNALS_FIRST_CONTACT_DAYS = 5
    _age(signal, 6)
    assert queries.overdue_count(worker, timezone.localdate()) == 1


def test_a_reached_household_becomes_a_case_with_its_history(signal, worker, consultant):
    services.signal_step(actor=worker, signal=signal, status=workflow.APPROACHED, method="telefoon")
    services.signal_step(actor=worker, signal=signal, status=workflow.REACHED)
    with pytest.raises(PermissionDenied):
        services.signal_make_case(actor=consultant, signal=signal)
    case = services.signal_make_case(actor=worker, signal=signal)
    signal.refresh_from_db()
    assert signal.case == case and case.key_worker == worker
    note = TimelineEntry.objects.get(case=case, kind="notitie").text
    assert signal.reference in note and "telefoon" in note.lower()
    with pytest.raises(ValidationError):
        services.signal_make_case(actor=worker, signal=signal)


def test_pages(client, signal, worker, consultant, other_worker, leader):
    _age(signal, 40)
    client.force_login(worker)
    index = client.get("/vroegsignalen/")
    assert index.status_code == 200
    body = index.content.decode()
    assert "Bram Visser" in body and "over de termijn" in body
    assert "Signalen importeren" not in body
    detail = client.get(f"/vroegsignalen/{signal.pk}/")
    assert detail.status_code == 200 and "Maak een casus" not in detail.content.decode()
    response = client.post(f"/vroegsignalen/{signal.pk}/stap/", {"status": "benaderd"})
    assert response.status_code == 400
    assert "Kies hoe je het huishouden hebt benaderd." in response.content.decode()
    response = client.post(
        f"/vroegsignalen/{signal.pk}/stap/", {"status": "benaderd", "method": "brief"}
    )
    assert response.status_code == 302
    client.force_login(leader)
    assert "Signalen importeren" in client.get("/vroegsignalen/").content.decode()
    client.force_login(other_worker)
    assert client.get(f"/vroegsignalen/{signal.pk}/").status_code == 404


def test_the_api(signal, worker, other_worker):
    api = api_for(worker)
    listing = api.get("/api/v1/early-signals/").json()
    assert listing["count"] == 3 and "contact" not in listing["results"][0]
    one = api.get(f"/api/v1/early-signals/{signal.pk}/").json()
    assert one["contact"]["naam"] == "Bram Visser"
    bad = api.post(f"/api/v1/early-signals/{signal.pk}/step/", {"status": "bereikt"}, format="json")
    assert bad.status_code == 400
    ok = api.post(
        f"/api/v1/early-signals/{signal.pk}/step/",
        {"status": "benaderd", "method": "telefoon"},
        format="json",
    )
    assert ok.status_code == 200 and ok.json()["status"] == "benaderd"
    funnel = api.get("/api/v1/early-signals/funnel/").json()
    assert sum(r["received"] for r in funnel) == 3
    assert sum(r["approached"] for r in funnel) == 1
    assert api_for(other_worker).get(f"/api/v1/early-signals/{signal.pk}/").status_code == 404


def test_the_dashboard_shows_the_funnel(client, imported, leader):
    client.force_login(leader)
    body = client.get("/cijfers/").content.decode()
    assert "Vroegsignalering" in body and "Trechter" in body


def test_the_start_pages_own_count_opens_exactly_those_signals(client, signal, worker, leader):
    """ "1 open signaal dat jij opvolgt" on the start page opens a list of just those (it
    opened every open signal the person may see: 82 against 192 in the demo; found by an
    exploratory test)."""
    services.signal_step(actor=worker, signal=signal, status=workflow.APPROACHED, method="brief")
    client.force_login(worker)
    start = client.get("/").content.decode()
    assert 'href="/vroegsignalen/?mijn=1"' in start and "1 open signaal dat jij opvolgt" in start
    mine = client.get("/vroegsignalen/?mijn=1").content.decode()
    assert "Bram Visser" in mine and 'id="id_mijn" checked' in mine
    assert list(queries.worklist(worker, timezone.localdate(), mine=True)) == [signal]
    client.force_login(leader)
    everyone = client.get("/vroegsignalen/").content.decode()
    assert "Bram Visser" in everyone
    own = client.get("/vroegsignalen/?mijn=1").content.decode()
    assert "Bram Visser" not in own and "Geen signalen gevonden." in own
