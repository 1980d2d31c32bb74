"""A professional on a phone logs in, opens a case, records a blocker and a note, and sees
both on the timeline. axe-core checks every page visited for WCAG 2.1 A/AA violations."""

import re

import pytest
from playwright.sync_api import expect

from doorbraak.cases.models import Blocker, EntryKind
from doorbraak.privacy.models import ProcessingRecord
from tests.e2e.conftest import assert_accessible
from tests.factories import PASSWORD, CaseFactory, OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_log_in_open_case_add_blocker_and_note(live_server, phone_page, worker_a):
    case = CaseFactory(actor=worker_a, members=2, household_name="Huishouden Vlinder")
    OrganisationFactory(name="Woonstichting Voorbeeld (test)", kind="woningcorporatie")
    page = phone_page

    page.goto(f"{live_server.url}/casussen/")
    expect(page.get_by_role("heading", name="Inloggen bij Doorbraak")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Gebruikersnaam").fill(worker_a.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", name="Mijn casussen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Huishouden Vlinder").click()

    expect(page.get_by_role("heading", name="Huishouden Vlinder", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_text("Knelpunt vastleggen").click()
    blocker_form = page.locator("form", has=page.get_by_role("button", name="Knelpunt opslaan"))
    blocker_form.get_by_label("Organisatie").select_option(label="Woonstichting Voorbeeld (test)")
    blocker_form.get_by_label("Regel").fill("Urgentie alleen met een vast inkomen")
    blocker_form.get_by_label("Gevolg voor het huishouden").fill("Blijft in een te dure woning")
    blocker_form.get_by_label("Leefgebied").select_option("wonen")
    assert_accessible(page)
    blocker_form.get_by_role("button", name="Knelpunt opslaan").click()
    expect(page.locator("#blockers")).to_contain_text("Urgentie alleen met een vast inkomen")

    page.get_by_label("Notitie").fill("Mevrouw vertelt dat haar zoon weer naar school gaat.")
    page.get_by_role("button", name="Notitie opslaan").click()
    timeline = page.locator("#timeline")
    expect(timeline).to_contain_text("haar zoon weer naar school gaat")
    expect(timeline).to_contain_text("Knelpunt vastgelegd")
    expect(timeline).to_contain_text("Urgentie alleen met een vast inkomen")
    expect(page.get_by_label("Notitie")).to_have_value("")
    assert_accessible(page)
    assert page.js_errors == []

    assert Blocker.objects.get().case == case
    assert case.timeline.filter(kind=EntryKind.NOTE).count() == 1
    assert ProcessingRecord.objects.filter(activity="casus-raadplegen").count() >= 2 * 2


def test_open_case_form_is_accessible_and_refuses_a_bad_bsn(live_server, phone_page, worker_a):
    page = phone_page
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(worker_a.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Casus openen").first.click()
    assert_accessible(page)
    page.get_by_label(re.compile("^Naam van het huishouden")).fill("Huishouden Fout")
    page.get_by_label(re.compile("^Voornaam")).fill("Piet")
    page.get_by_label(re.compile("^BSN")).fill("123456789")
    page.get_by_role("button", name="Casus openen").click()
    expect(page.locator("#id_bsn-error")).to_contain_text("Dit is geen geldig BSN")
    # and in the error summary at the top, linking to the field
    expect(page.get_by_role("alert").get_by_role("link", name="BSN", exact=False)).to_be_visible()
    assert_accessible(page)
    assert not Blocker.objects.exists()
