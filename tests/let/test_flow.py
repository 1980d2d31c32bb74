"""S14 end to end through the pages (seed 002, LET): a model integration student overran the
inburgering term and fell deep into debt. Route team → Doorbraaktafel → LET; the
Maatwerkloket triages; the LET decision is argued and documented; a follow-up check after
three months is due and shows up for the regievoerder, and for nobody else."""

import datetime

import pytest
from django.utils import timezone

from doorbraak.escalation.models import ActionKind, Escalation, FollowUpAction, Status
from doorbraak.let import rules
from doorbraak.let.models import LetSubmission
from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from tests.let.conftest import SUMMARY, to_let

pytestmark = pytest.mark.django_db


def test_s14_from_the_team_to_the_let_and_the_check_three_months_later(
    client, worker_a, leader, student_case, duo_blocker, duo, uwv, regie, worker_b
):
    at_let = to_let(worker_a, leader, student_case, duo_blocker)
    assert at_let.current_level.kind == "let"
    client.force_login(worker_a)
    page = client.get(f"/escalaties/{at_let.pk}/")
    assert f"/let/escalatie/{at_let.pk}/" in page.text
    url = f"/let/escalatie/{at_let.pk}/"
    form = client.get(url)
    assert form.status_code == 200 and f'value="{duo.pk}"' in form.text
    assert "checked" in form.text.split(f'value="{duo.pk}"')[1][:120]  # DUO preselected
    empty = client.post(url, {"summary": "", "question": ""})
    assert empty.status_code == 400 and "Niet opgeslagen" in empty.text
    assert "Schrijf kort op wat er speelt." in empty.text
    assert "Kies ten minste één landelijke organisatie." in empty.text
    data = {
        "summary": SUMMARY,
        "question": "Kan DUO afzien van de terugvordering?",
        "organisations": [str(duo.pk)],
    }
    preview = client.post(url, {**data, "preview": "1"})
    assert preview.status_code == 200 and "Dit leest het Maatwerkloket:" in preview.text
    shown = preview.text.split("Dit leest het Maatwerkloket:")[1][:600]
    assert "Jansen" not in shown and "inburgeringstermijn" in shown
    assert not LetSubmission.objects.exists()
    submitted = client.post(url, data)
    submission = LetSubmission.objects.get()
    assert submitted.status_code == 302 and submitted["Location"] == f"/let/{submission.pk}/"
    assert "Jansen" not in submission.summary and "inburgering" in submission.summary
    assert [b["organisation"] for b in submission.blockers] == ["DUO (test)"]
    assert [lvl["level"] for lvl in submission.earlier_levels] == [3]
    assert client.get(url).status_code == 302  # submitted once; the page leads to it

    # The Maatwerkloket: the regievoerder sees it on the start page and triages it.
    client.force_login(regie)
    assert f"Nieuwe voorlegging {submission.reference}" in client.get("/").text
    detail = client.get(f"/let/{submission.pk}/")
    assert detail.status_code == 200 and "Jansen" not in detail.text
    assert ProcessingRecord.objects.filter(activity="let-raadplegen").exists()
    no_hook = client.post(f"/let/{submission.pk}/triage/", {"triage-outcome": rules.SOLVED_EARLY})
    assert no_hook.status_code == 400
    assert "Schrijf op welk haakje het in het voortraject oploste." in no_hook.text
    accepted = client.post(f"/let/{submission.pk}/triage/", {"triage-outcome": rules.ACCEPTED})
    assert accepted.status_code == 302

    # The LET's decision, argued and documented; the check three months later.
    decide = f"/let/{submission.pk}/besluit/"
    wrong = client.post(
        decide,
        {"besluit-organisation": str(uwv.pk), "besluit-legal_ground": rules.HARDSHIP},
    )
    assert wrong.status_code == 400  # UWV is not among the submission's organisations
    assert "Selecteer een geldige keuze" in wrong.text
    unargued = client.post(
        decide,
        {
            "besluit-organisation": str(duo.pk),
            "besluit-legal_ground": rules.OTHER_GROUND,
            "besluit-exception": "Afzien van terugvordering",
        },
    )
    assert unargued.status_code == 400
    assert "Schrijf de onderbouwing op: het besluit moet uit te leggen zijn." in unargued.text
    assert "Noem de grondslag (wet en artikel)." in unargued.text
    assert LetSubmission.objects.get().status == rules.ACCEPTED
    today = timezone.localdate()
    ok = client.post(
        decide,
        {
            "besluit-organisation": str(duo.pk),
            "besluit-exception": "DUO ziet af van de terugvordering van de lening",
            "besluit-legal_ground": rules.HARDSHIP,
            "besluit-reasons": "Voorbeeldig ingeburgerd; de termijn werd per ongeluk "
            "overschreden. De bedoeling van de wet is bereikt.",
            "besluit-check_on": rules.default_check_date(today).isoformat(),
        },
    )
    assert ok.status_code == 302
    submission.refresh_from_db()
    assert submission.status == rules.DECIDED
    assert submission.check_on == rules.default_check_date(today)
    escalation = Escalation.objects.get(pk=at_let.pk)
    assert escalation.status == Status.SOLVED and escalation.exception_organisation == duo
    check_action = FollowUpAction.objects.get(kind=ActionKind.LET_CHECK)
    assert check_action.owner == regie and check_action.due_date == submission.check_on

    # Three months later: the check is due for the regievoerder, and only for them.
    yesterday = today - datetime.timedelta(days=1)
    LetSubmission.objects.update(check_on=yesterday)
    FollowUpAction.objects.filter(kind=ActionKind.LET_CHECK).update(due_date=yesterday)
    start = client.get("/")
    assert f"Nacontrole {submission.reference}" in start.text and "te laat" in start.text
    assert submission.reference in client.get("/acties/").text
    assert submission.reference in client.get("/let/").text
    for other in (worker_a, leader, worker_b):
        client.force_login(other)
        assert f"Nacontrole {submission.reference}" not in client.get("/").text
        assert check_action.reference not in client.get("/acties/").text
    client.force_login(worker_b)
    assert client.get(f"/let/{submission.pk}/").status_code == 404
    client.force_login(worker_a)  # the submitter sees it, but may not check it
    assert client.get(f"/let/{submission.pk}/").status_code == 200
    assert client.post(f"/let/{submission.pk}/controle/", {}).status_code == 403

    client.force_login(regie)
    bad = client.post(f"/let/{submission.pk}/controle/", {"controle-outcome": ""})
    assert bad.status_code == 400
    assert "Geef aan of de oplossing is uitgevoerd zoals afgesproken." in bad.text
    done = client.post(
        f"/let/{submission.pk}/controle/",
        {"controle-carried_out": "ja", "controle-outcome": "De lening is kwijtgescholden."},
    )
    assert done.status_code == 302
    submission.refresh_from_db()
    assert submission.status == rules.CHECKED and submission.carried_out is True
    assert FollowUpAction.objects.get(kind=ActionKind.LET_CHECK).done_at is not None
    figures = client.get("/let/").text
    assert "1 van 1 nagekeken" in figures
    assert AuditRecord.objects.filter(activity="let-besluiten", action="update").count() == 3


def test_an_item_not_at_the_let_level_cannot_be_submitted(
    client, worker_a, student_case, duo_blocker, duo
):
    from doorbraak.escalation import services as escalation_services

    at_mdt = escalation_services.escalate(
        actor=worker_a, case=student_case, blocker=duo_blocker, question="Vraag", tried="Iets"
    )
    client.force_login(worker_a)
    assert f"/let/escalatie/{at_mdt.pk}/" not in client.get(f"/escalaties/{at_mdt.pk}/").text
    response = client.post(
        f"/let/escalatie/{at_mdt.pk}/",
        {"summary": "s", "question": "q", "organisations": [str(duo.pk)]},
    )
    assert response.status_code == 403
    assert "Alleen een item dat open staat op het LET-niveau" in response.text
    assert not LetSubmission.objects.exists()
