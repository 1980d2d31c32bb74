"""The escalation pages: escalate with Dutch errors next to the field and at the top, the
decision, Mijn acties, the case page's route, the start page; visibility and the log."""

import datetime

import pytest
from django.utils import timezone

from doorbraak.escalation.models import Escalation, FollowUpAction, Status
from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from tests.escalation.conftest import escalate

pytestmark = pytest.mark.django_db


def test_escalating_a_blocker_from_the_form(client, worker_a, case_a, blocker):
    client.force_login(worker_a)
    url = f"/escalaties/casus/{case_a.pk}/nieuw/?knelpunt={blocker.pk}"
    page = client.get(url)
    assert page.status_code == 200 and f'value="b{blocker.pk}" selected' in page.text
    response = client.post(
        url, {"item": f"b{blocker.pk}", "level": "2", "question": "Vraag", "tried": "Iets"}
    )
    escalation = Escalation.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/escalaties/{escalation.pk}/"
    detail = client.get(response["Location"])
    assert "Casusoverleg / MDT" in detail.text and 'aria-current="step"' in detail.text
    assert AuditRecord.objects.filter(activity="escalatie-indienen", action="create").exists()
    assert ProcessingRecord.objects.filter(activity="escalatie-raadplegen").count() == 1


def test_bad_input_is_refused_in_dutch_next_to_the_field_and_on_top(
    client, worker_a, case_a, blocker
):
    client.force_login(worker_a)
    response = client.post(
        f"/escalaties/casus/{case_a.pk}/nieuw/",
        {"item": f"b{blocker.pk}", "level": "4", "question": "", "tried": "x"},
    )
    assert response.status_code == 400
    assert "Niet opgeslagen" in response.text
    assert "Schrijf de vraag aan dit niveau op." in response.text
    assert "Je slaat een niveau over: zeg waarom." in response.text
    assert 'id="id_skip_reason-error"' in response.text
    assert not Escalation.objects.exists()


def test_a_case_you_cannot_see_is_a_404(client, worker_b, case_a, blocker, worker_a):
    escalation = escalate(worker_a, case_a, blocker)
    client.force_login(worker_b)
    assert client.get(f"/escalaties/casus/{case_a.pk}/nieuw/").status_code == 404
    assert client.get(f"/escalaties/{escalation.pk}/").status_code == 404
    assert client.post(f"/escalaties/{escalation.pk}/besluit/", {}).status_code == 404
    assert AuditRecord.objects.filter(result="denied").count() == 3


def test_the_team_leader_decides_with_an_action(client, worker_a, leader, case_a, blocker):
    escalation = escalate(worker_a, case_a, blocker)
    client.force_login(leader)
    due = timezone.localdate() + datetime.timedelta(days=3)
    bad = client.post(
        f"/escalaties/{escalation.pk}/besluit/",
        {"besluit-outcome": "opgelost", "besluit-reasons": "", "besluit-amount": "2500,01"},
    )
    assert bad.status_code == 400
    assert "Dit niveau mag beslissen tot € 2.500,00." in bad.text
    assert "Schrijf het besluit en de redenen op." in bad.text
    assert Escalation.objects.get().status == Status.OPEN
    ok = client.post(
        f"/escalaties/{escalation.pk}/besluit/",
        {
            "besluit-outcome": "opgelost",
            "besluit-reasons": "Corporatie bevriest de achterstand",
            "besluit-action_description": "Afspraak bevestigen",
            "besluit-action_owner": str(worker_a.pk),
            "besluit-action_due_date": due.isoformat(),
        },
    )
    assert ok.status_code == 302
    assert Escalation.objects.get().status == Status.SOLVED
    assert FollowUpAction.objects.get().owner == worker_a


def test_a_caseworker_sees_no_decision_choices_but_may_withdraw(client, worker_a, case_a, blocker):
    escalation = escalate(worker_a, case_a, blocker)
    client.force_login(worker_a)
    page = client.get(f"/escalaties/{escalation.pk}/")
    assert 'value="ingetrokken"' in page.text and 'value="opgelost"' not in page.text


def test_my_actions_lists_open_and_overdue_and_marks_done(
    client, worker_a, leader, case_a, blocker
):
    escalation = escalate(worker_a, case_a, blocker)
    client.force_login(leader)
    past = client.post(
        f"/escalaties/{escalation.pk}/acties/",
        {
            "actie-description": "Verslag",
            "actie-owner": str(worker_a.pk),
            "actie-due_date": "2001-01-01",
        },
    )
    assert past.status_code == 400 and "De datum mag niet in het verleden liggen." in past.text
    client.post(
        f"/escalaties/{escalation.pk}/acties/",
        {
            "actie-description": "Verslag",
            "actie-owner": str(worker_a.pk),
            "actie-due_date": timezone.localdate().isoformat(),
        },
    )
    action = FollowUpAction.objects.get()
    FollowUpAction.objects.update(due_date=timezone.localdate() - datetime.timedelta(days=1))
    assert "Verslag" not in client.get("/acties/").text  # the leader owns none
    client.force_login(worker_a)
    page = client.get("/acties/")
    assert "1 actie is te laat." in page.text and action.reference in page.text
    start = client.get("/")
    assert action.reference in start.text and "1 te laat" in start.text
    empty = client.post(f"/acties/{action.pk}/klaar/", {f"a{action.pk}-note": ""})
    assert empty.status_code == 400 and "Schrijf kort op wat er gedaan is." in empty.text
    done = client.post(f"/acties/{action.pk}/klaar/", {f"a{action.pk}-note": "Gestuurd"})
    assert done.status_code == 302 and FollowUpAction.objects.get().done_note == "Gestuurd"


def test_the_case_page_shows_where_each_item_stands(client, worker_a, leader, case_a, blocker):
    escalate(worker_a, case_a, blocker)
    escalate(leader, case_a, blocker, question="Naar de tafel")
    client.force_login(worker_a)
    page = client.get(f"/casussen/{case_a.pk}/")
    assert "Escalatieroute" in page.text and "db-route__step--current" in page.text
    assert page.text.count("db-route__step--passed") == 2  # colleagues and casusoverleg


def test_the_start_page_shows_what_waits_for_the_leaders_decision(
    client, worker_a, leader, case_a, blocker
):
    escalation = escalate(worker_a, case_a, blocker)
    client.force_login(leader)
    assert escalation.reference in client.get("/").text


def test_a_refused_fund_offers_escalation(client, worker_a, case_a, blocker):
    """S3: EUR 500.01 on a EUR 500 ceiling is refused by the fund and offers escalation."""
    from decimal import Decimal

    from tests.funds.conftest import make_fund
    from tests.proposals.test_form_checks import post_data

    fund = make_fund(worker_a.team, name="Minibudget", ceiling_per_request=Decimal("500.00"))
    client.force_login(worker_a)
    response = client.post(
        f"/casussen/{case_a.pk}/voorstellen/nieuw/",
        post_data(fund=str(fund.pk), amount="500.01", blockers=[str(blocker.pk)], action="check"),
    )
    assert response.status_code == 400
    assert "Opschalen naar het volgende niveau" in response.text
    assert f"/escalaties/casus/{case_a.pk}/nieuw/?knelpunt={blocker.pk}" in response.text


def test_with_nothing_open_the_case_page_says_so_instead_of_a_dead_end_form(
    client, worker_a, case_a, blocker
):
    """A case whose blockers are all solved (and has no open or refused request) offered
    "Voorstel of knelpunt opschalen", a form with nothing to choose that could never be sent
    (found by an exploratory test). The case page and the form now say there is nothing open
    and point to recording a blocker."""
    client.force_login(worker_a)
    case_page = client.get(f"/casussen/{case_a.pk}/").text
    assert f"/escalaties/casus/{case_a.pk}/nieuw/" in case_page
    blocker.status = "opgelost"
    blocker.save(update_fields=["status"])
    case_page = client.get(f"/casussen/{case_a.pk}/").text
    assert f"/escalaties/casus/{case_a.pk}/nieuw/" not in case_page
    assert "Er is niets open om op te schalen" in case_page
    form_page = client.get(f"/escalaties/casus/{case_a.pk}/nieuw/").text
    assert (
        "Er is niets open om op te schalen" in form_page
        and '<form method="post" novalidate>' not in form_page
    )
    assert f"/casussen/{case_a.pk}/knelpunten/" in form_page
