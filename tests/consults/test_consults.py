"""Anonymous consults: no household identity stored, identifiers left after the writer's edit
are refused in Dutch, only the writer links a consult to a case, counts per topic."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from doorbraak.accounts.roles import Role
from doorbraak.consults import queries, services
from doorbraak.consults.models import Consult
from tests.bsn_numbers import valid_bsn
from tests.factories import CaseFactory, UserFactory, api_for

pytestmark = pytest.mark.django_db

SITUATION = (
    "Oudere vrouw verschijnt nooit op afspraken met W&I. Mevrouw Wilhelmina Verhoef woont "
    "aan de Kastanjelaan 12, bel 06-12345678."
)


@pytest.fixture
def worker(team_a):
    return UserFactory(role=Role.BUURTTEAMMEDEWERKER, team=team_a)


def _record(actor, **overrides):
    data = {
        "held_on": timezone.localdate(),
        "expert": "handhaving",
        "topic": "afspraken",
        "topic_other": "",
        "situation": "Oudere vrouw verschijnt nooit op afspraken met W&I.",
        "advice": "Eerst onderzoeken waarom; uitkering nog niet stopzetten.",
    }
    data.update(overrides)
    return services.consult_record(actor=actor, **data)


def test_the_anonymised_text_is_stored_without_identity(worker):
    texts = services.anonymised({"situation": SITUATION, "advice": "Pauze van 8 weken."})
    assert "Verhoef" not in texts["situation"]
    assert "06-12345678" not in texts["situation"]
    consult = _record(worker, **texts)
    stored = Consult.objects.get(pk=consult.pk)
    for identity in ("Verhoef", "Wilhelmina", "Kastanjelaan", "06-12345678"):
        assert identity not in stored.situation and identity not in stored.advice


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (f"Haar BSN is {valid_bsn(7)}.", "een BSN"),
        ("Betaalt vanaf NL91 ABNA 0417 1643 00 de huur.", "een IBAN"),
        ("Bereikbaar op 06-12345678 na tienen.", "een telefoonnummer"),
        ("Mevrouw Wilhelmina Verhoef komt niet op afspraken.", "een naam"),
    ],
)
def test_an_identifier_left_after_the_edit_is_refused(worker, text, word, settings):
    settings.LANGUAGE_CODE = "nl"
    with pytest.raises(ValidationError) as error:
        _record(worker, situation=text)
    message = error.value.message_dict["situation"][0]
    assert message.startswith("Deze tekst bevat nog") and word in message
    assert not Consult.objects.exists()


def test_only_the_writer_links_to_one_of_their_cases(worker, team_a, team_b):
    consult = _record(worker)
    own = CaseFactory(actor=worker)
    colleague = UserFactory(role=Role.BUURTTEAMMEDEWERKER, team=team_a)
    with pytest.raises(PermissionDenied):
        services.consult_link(actor=colleague, consult=consult, case=own)
    stranger = UserFactory(role=Role.GEZINSWERKER, team=team_b)
    other_case = CaseFactory(actor=stranger)
    with pytest.raises(ValidationError):
        services.consult_link(actor=worker, consult=consult, case=other_case)
    services.consult_link(actor=worker, consult=consult, case=own)
    consult.refresh_from_db()
    assert consult.case == own
    assert list(queries.own_consults(colleague)) == []


def test_link_page_and_api_refuse_others(client, worker, team_a):
    consult = _record(worker)
    colleague = UserFactory(role=Role.BUURTTEAMMEDEWERKER, team=team_a)
    case = CaseFactory(actor=colleague)
    client.force_login(colleague)
    response = client.post(reverse("consults:link", args=[consult.pk]), {"case": case.pk})
    assert response.status_code == 404
    assert api_for(colleague).get(f"/api/v1/consults/{consult.pk}/").status_code == 404
    consult.refresh_from_db()
    assert consult.case is None


def test_counts_per_topic(worker):
    _record(worker)
    _record(worker)
    _record(worker, topic="anders", topic_other="Mantelzorg")
    counts = {label: n for label, n, _w in queries.counts_per_topic()}
    assert counts["niet verschijnen op afspraken"] == 2
    assert counts["anders"] == 1


def test_other_topic_needs_a_name_and_future_date_refused(worker):
    with pytest.raises(ValidationError) as error:
        _record(
            worker,
            topic="anders",
            held_on=timezone.localdate() + datetime.timedelta(days=1),
            situation="",
        )
    assert set(error.value.message_dict) == {"topic_other", "held_on", "situation"}


def test_two_step_page(client, worker):
    client.force_login(worker)
    url = reverse("consults:new")
    assert client.get(url).status_code == 200
    data = {
        "held_on": timezone.localdate().isoformat(),
        "expert": "handhaving",
        "topic": "afspraken",
        "situation": SITUATION,
        "advice": "Pauze van 8 weken.",
        "stap": "controleren",
    }
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bevestigen en opslaan" in html and "Verhoef" not in html
    assert not Consult.objects.exists()
    response = client.post(url, {**data, "stap": "opslaan"})  # the original text, unedited
    assert response.status_code == 400
    assert "Deze tekst bevat nog" in response.content.decode()
    assert not Consult.objects.exists()
    texts = services.anonymised({"situation": SITUATION})
    response = client.post(url, {**data, **texts, "stap": "opslaan"})
    assert response.status_code == 302
    assert Consult.objects.get().created_by == worker
    page = client.get(reverse("consults:list")).content.decode()
    assert "Sparoverleggen per onderwerp" in page


def test_beheerder_cannot_record(client):
    admin = UserFactory(role=Role.BEHEERDER)
    client.force_login(admin)
    assert client.get(reverse("consults:new")).status_code == 403
    with pytest.raises(PermissionDenied):
        _record(admin)
