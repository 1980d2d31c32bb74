"""The access export (inzageverzoek): for a BSN everything about the person, nobody else's."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import AuditRecord, Outcome, ProcessingRecord
from doorbraak.privacy.services import subject_pseudonym
from doorbraak.subjectrights import export, services
from doorbraak.subjectrights.models import RequestKind, RightsRequest

from .conftest import ANNA, BERT, KEES, member, origin

pytestmark = pytest.mark.django_db


def _export(members):
    return json.loads(export.as_json(export.gather(members)))


def _ids(data, section):
    return {r["id"] for r in data["sections"][section]["records"]}


def test_an_invalid_bsn_is_refused_in_dutch_shows_nothing_and_is_logged(beheerder, jansens):
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        services.find_person(actor=beheerder, origin=origin(beheerder), bsn="123456789")
    assert "11-proef" in refused.value.message_dict["bsn"][0]
    audit = AuditRecord.objects.get(activity=Activity.SUBJECT_LOOKUP)
    assert audit.result == Outcome.DENIED and audit.subject_count == 0


def test_the_page_refuses_an_invalid_bsn_with_the_message_next_to_the_field(client, beheerder):
    client.force_login(beheerder)
    response = client.post(
        reverse("subjectrights:index"), {"bsn": "123456780"}, HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert response.status_code == 200
    assert "11-proef" in response.content.decode()
    assert "Doorbraak heeft geen gegevens" not in response.content.decode()
    assert AuditRecord.objects.filter(
        activity=Activity.SUBJECT_LOOKUP, result=Outcome.DENIED
    ).exists()


def test_the_export_holds_everything_about_the_main_person_and_nothing_of_the_neighbours(
    client, worker_a, beheerder, jansens
):
    a, b = jansens["a"], jansens["b"]
    client.force_login(worker_a)
    client.get(reverse("cases:detail", args=[a.pk]))  # logged: who processed it when
    client.get(reverse("cases:detail", args=[b.pk]))
    members = services.find_person(actor=beheerder, origin=origin(beheerder), bsn=ANNA)
    assert [m.given_name for m in members] == ["Anna"]
    data = _export(members)
    text = json.dumps(data, ensure_ascii=False)
    assert _ids(data, "cases") == {a.pk}
    assert _ids(data, "requests") == {jansens["request"].pk}
    assert len(data["sections"]["payments"]["records"]) == 1
    assert data["sections"]["payments"]["records"][0]["status"] == "betaald"
    assert data["sections"]["ledger"]["records"], "reserve and payment lines"
    assert data["sections"]["blockers"]["records"][0]["rule"].endswith(" A")
    assert data["sections"]["plans"]["records"][0]["goal"] == "Schuldenvrij A"
    assert any("post A" in r["text"] for r in data["sections"]["timeline"]["records"])
    # Nobody else's: not the other Jansen household, not the son's own member record.
    assert "Bert" not in text and "werk B" not in text
    assert [r["given_name"] for r in data["sections"]["person"]["records"]] == ["Anna"]
    assert data["sections"]["households"]["records"][0]["other_members"] == 1
    assert ANNA not in text and KEES not in text and BERT not in text
    assert data["sections"]["person"]["records"][0]["bsn"].endswith(ANNA[-4:])
    # Who processed it when: exactly Anna's processing records, with the actor.
    anna = member("Anna")
    expected = ProcessingRecord.objects.filter(data_subject=subject_pseudonym(anna.subject_id))
    processing = data["sections"]["processing"]["records"]
    assert len(processing) == expected.count() > 0
    assert any(r["actor"] == "worker-a" and r["activity"] == "casus-raadplegen" for r in processing)


def test_the_sons_export_is_his_not_his_mothers(beheerder, jansens, client, worker_a):
    client.force_login(worker_a)
    client.get(reverse("cases:detail", args=[jansens["a"].pk]))
    members = services.find_person(actor=beheerder, origin=origin(beheerder), bsn=KEES)
    data = _export(members)
    person = data["sections"]["person"]["records"]
    assert [(r["given_name"], r["household_role"]) for r in person] == [("Kees", "kind")]
    assert _ids(data, "cases") == {jansens["a"].pk}  # the household's case file is his too
    kees = member("Kees")
    expected = ProcessingRecord.objects.filter(data_subject=subject_pseudonym(kees.subject_id))
    assert len(data["sections"]["processing"]["records"]) == expected.count()
    assert "Bert" not in json.dumps(data)


def test_pdf_and_json_downloads_are_recorded_and_logged(client, beheerder, jansens):
    client.force_login(beheerder)
    anna = member("Anna")
    pdf = client.post(reverse("subjectrights:export-pdf", args=[anna.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf["Content-Disposition"].startswith("attachment")
    got = client.post(reverse("subjectrights:export-json", args=[anna.pk]))
    assert json.loads(got.content)["sections"]["person"]["records"][0]["given_name"] == "Anna"
    assert RightsRequest.objects.filter(kind=RequestKind.ACCESS, member=anna).count() == 2
    assert (
        AuditRecord.objects.filter(activity=Activity.SUBJECT_ACCESS, action="export").count() == 2
    )
    logged = ProcessingRecord.objects.filter(
        activity=Activity.SUBJECT_ACCESS, data_subject=subject_pseudonym(anna.subject_id)
    )
    assert logged.exists()


def test_only_the_functional_administrator_may(client, worker_a, jansens):
    client.force_login(worker_a)
    assert client.get(reverse("subjectrights:index")).status_code == 403
    anna = member("Anna")
    assert client.post(reverse("subjectrights:export-json", args=[anna.pk])).status_code == 403


def test_the_person_page_shows_the_cases_and_is_logged(client, beheerder, jansens):
    client.force_login(beheerder)
    anna = member("Anna")
    response = client.get(reverse("subjectrights:person", args=[anna.pk]))
    assert response.status_code == 200
    assert jansens["a"].reference in response.content.decode()
    assert jansens["b"].reference not in response.content.decode()
    assert AuditRecord.objects.filter(activity=Activity.SUBJECT_ACCESS, action="read").exists()
