"""Samen indiceren in the browser (seed 002, Twente): the key worker links the district nurse
to the case; the nurse writes the advisory Wmo indication (a mistake first: Dutch message next
to the field, nothing saved); the Wmo consultant asks a question; the nurse answers; the
consultant agrees and the decision is recorded with its date. axe-core at 375 and 1280 px on
every page, and the layout check at 375 px."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doorbraak.accounts.models import Neighbourhood, Organisation
from doorbraak.accounts.roles import Role
from doorbraak.indications.models import Indication, IndicationStatus
from tests.e2e.conftest import assert_accessible, assert_layout, log_in
from tests.factories import CaseFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_adviser_writes_consultant_questions_adviser_answers_consultant_agrees(
    live_server, phone_page, desktop_page, team_a
):
    town = Organisation.objects.create(name="Gemeente Twente (test)", kind="gemeente")
    care = Organisation.objects.create(name="Wijkzorg (test)", kind="zorgaanbieder")
    team_a.neighbourhood = Neighbourhood.objects.create(name="Zuid", municipality=town)
    team_a.save()
    worker = UserFactory(username="buurt-si", role=Role.BUURTTEAMMEDEWERKER, team=team_a)
    nurse = UserFactory(username="wvp-si", role=Role.ADVISEUR, organisation=care)
    consultant = UserFactory(username="wmo-si", role=Role.WMO_CONSULENT, organisation=town)
    case = CaseFactory(actor=worker, given_name="Jannie", family_name="Brouwer")

    # 1. The key worker links the nurse to the case.
    desk = desktop_page
    log_in(desk, live_server, worker)
    desk.goto(f"{live_server.url}/casussen/{case.pk}/toegang/")
    desk.get_by_label("Persoon").select_option(label=str(nurse))
    desk.get_by_label("Reden").fill("Wijkverpleegkundige: doet de Wmo-indicatie")
    # the case form's submit button ("Add person": its label has no Dutch entry yet)
    desk.get_by_role("button", name=re.compile("Add person|toevoegen", re.I)).click()
    expect(desk.get_by_text("Wmo-indicaties (samen indiceren)")).to_be_visible()

    # 2. The nurse writes the advice on a phone; a mistake first.
    page = phone_page
    log_in(page, live_server, nurse)
    page.goto(f"{live_server.url}/casussen/{case.pk}/")
    page.get_by_role("link", name="Schrijf een adviserende Wmo-indicatie").click()
    assert_accessible(page)
    assert_layout(page)
    page.get_by_label("Datum van de melding").fill(timezone.localdate().isoformat())
    page.get_by_label("Ondersteuningsbehoefte").fill("Kan niet meer bukken; toilet lukt niet.")
    page.get_by_label("Eigen kracht").fill("Loopt met rollator, kookt zelf.")
    page.get_by_label("Voorgestelde voorziening").fill("Toiletverhoger met armleuningen")
    page.get_by_label("Omvang").fill("eenmalig, in bruikleen")
    page.get_by_label("Eigen bijdrage (€)").fill("-3")
    page.get_by_role("button", name="Versturen naar de Wmo-consulent").click()
    expect(page.get_by_text("De eigen bijdrage ligt tussen").first).to_be_visible()
    assert_accessible(page)
    assert not Indication.objects.exists()
    page.get_by_label("Eigen bijdrage (€)").fill("0")
    page.get_by_role("button", name="Versturen naar de Wmo-consulent").click()
    expect(page.get_by_role("heading", name="Wmo-indicatie WI-", exact=False)).to_be_visible()
    assert_accessible(page)
    indication = Indication.objects.get()

    # 3. The consultant finds it on the start page and asks a question.
    desk.context.clear_cookies()  # the key worker's session ends on this browser
    log_in(desk, live_server, consultant)
    expect(desk.get_by_role("link", name=f"{indication.reference}", exact=False)).to_be_visible()
    assert_accessible(desk)
    desk.get_by_role("link", name=f"{indication.reference}", exact=False).first.click()
    desk.get_by_label("Een vraag stellen aan de adviseur").check()
    desk.get_by_role("button", name="Beoordeling vastleggen").click()
    expect(desk.get_by_text("Schrijf je vraag voor de adviseur.").first).to_be_visible()
    assert_accessible(desk)
    desk.get_by_label("Vraag aan de adviseur").fill(
        "Zijn er armleuningen nodig, of volstaat een verhoger?"
    )
    desk.get_by_role("button", name="Beoordeling vastleggen").click()
    expect(desk.get_by_text("Wacht op het antwoord van de adviseur.")).to_be_visible()

    # 4. The nurse answers from her start page.
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name=f"{indication.reference}", exact=False).first.click()
    expect(page.get_by_text("Zijn er armleuningen nodig")).to_be_visible()
    assert_accessible(page)
    assert_layout(page)
    page.get_by_label("Je antwoord").fill("Armleuningen: ze komt anders niet overeind.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Wacht op de beoordeling door de Wmo-consulent.")).to_be_visible()

    # 5. The consultant agrees; the decision is recorded with its date.
    desk.reload()
    desk.get_by_label("Akkoord met het advies").check()
    desk.get_by_role("button", name="Beoordeling vastleggen").click()
    expect(desk.get_by_text("Besluit")).to_be_visible()
    assert_accessible(desk)
    indication.refresh_from_db()
    assert indication.status == IndicationStatus.AGREED
    assert indication.decided_on == timezone.localdate() and indication.questioned
    desk.goto(f"{live_server.url}/indicaties/")
    assert_accessible(desk)
