"""S10 in the browser (seed 002, "Fraude of pleinvrees"): an older woman misses every
appointment with W&I, who is about to end her benefit. The buurtteam worker consults
Handhaving anonymously (the consult is stored without her identity); the income consultant
pauses the termination for 8 weeks; the review finds agoraphobia: the benefit continues and a
care path starts as a follow-up action for the key worker. axe-core at 375 and 1280 px on
every page, and the layout check at 375 px."""

import pytest
from playwright.sync_api import expect

from doorbraak.accounts.models import Organisation
from doorbraak.accounts.roles import Role
from doorbraak.cases import services as cases
from doorbraak.consults.models import Consult
from doorbraak.pauses.models import Pause
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import CaseFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SITUATION = (
    "Mevrouw Wilhelmina Verhoef verschijnt nooit op afspraken met W&I; bel haar op "
    "06-12345678. Ze zwaait soms vanuit huis naar de buren."
)


def both(phone, desktop, url):
    for page in (phone, desktop):
        page.goto(url)
        assert_accessible(page)


def test_s10_consult_pause_review_care_path(live_server, phone_page, desktop_page, team_a):
    from doorbraak.privacy.anonymiser import get_anonymiser

    get_anonymiser()  # deduce loads once per process (seconds): not inside a click's timeout
    town = Organisation.objects.create(name="Gemeente S10", kind="gemeente")
    worker = UserFactory(username="buurt-s10", role=Role.BUURTTEAMMEDEWERKER, team=team_a)
    consultant = UserFactory(username="ic-s10", role=Role.INKOMENSCONSULENT, organisation=town)
    case = CaseFactory(actor=worker, given_name="Wilhelmina", family_name="Verhoef")
    cases.access_grant(actor=worker, case=case, user=consultant, reason="Bijstandsuitkering")

    # 1. The anonymous consult, on a phone: write, check the anonymised text, confirm.
    page = phone_page
    log_in(page, live_server, worker)
    page.goto(f"{live_server.url}/consulten/nieuw/")
    assert_accessible(page)
    page.get_by_label("Handhaving (handhaver)").check()
    page.get_by_label("niet verschijnen op afspraken").check()
    page.get_by_role("textbox", name="Situatie").fill(SITUATION)
    page.get_by_role("textbox", name="Advies").fill(
        "Nog niet stopzetten; eerst onderzoeken. Pauze mogelijk."
    )
    page.get_by_role("button", name="Volgende: tekst controleren").click()
    expect(page.get_by_role("heading", name="Controleer de geanonimiseerde tekst")).to_be_visible()
    situation = page.get_by_role("textbox", name="Situatie").input_value()
    assert "Verhoef" not in situation and "06-12345678" not in situation
    assert_accessible(page)
    page.get_by_role("textbox", name="Situatie").fill(
        situation + " Bel 06-12345678."
    )  # an edit that leaks
    page.get_by_role("button", name="Bevestigen en opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("een telefoonnummer")
    assert_accessible(page)
    assert not Consult.objects.exists()
    page.get_by_role("textbox", name="Situatie").fill(situation)
    page.get_by_role("button", name="Bevestigen en opslaan").click()
    expect(page.get_by_role("heading", name="Sparoverleg SP-", exact=False)).to_be_visible()
    assert_accessible(page)
    consult = Consult.objects.get()
    assert "Verhoef" not in consult.situation and "Wilhelmina" not in consult.situation

    # 2. The pause of 8 weeks, at a desk.
    desk = desktop_page
    log_in(desk, live_server, consultant)
    desk.goto(f"{live_server.url}/casussen/{case.pk}/")
    assert_accessible(desk)
    desk.get_by_role("link", name="Beëindiging of maatregel pauzeren").click()
    expect(desk.get_by_label("Aantal weken")).to_have_value("8")
    assert_accessible(desk)
    desk.get_by_label("Organisatie").select_option(label="Gemeente S10")
    desk.get_by_label("beëindiging van de uitkering").check()
    desk.get_by_label("Uitkering of regeling").fill("Bijstandsuitkering (Participatiewet)")
    desk.get_by_role("textbox", name="Waarom").fill(
        "Verschijnt niet; eerst onderzoeken of er een oorzaak is."
    )
    desk.get_by_role("button", name="Maatregel pauzeren").click()
    expect(desk.get_by_role("heading", name="Pauze PZ-", exact=False)).to_be_visible()
    pause = Pause.objects.get()
    assert pause.weeks == 8 and pause.status == "actief"
    assert (pause.ends_on - pause.starts_on).days == 55
    assert_accessible(desk)
    desk.goto(f"{live_server.url}/acties/")
    expect(desk.get_by_text(f"Herbeoordeel pauze {pause.reference}", exact=False)).to_be_visible()

    # 3. The review: agoraphobia; the benefit continues and a care path starts.
    both(phone_page, desk, f"{live_server.url}/pauzes/{pause.pk}/")  # phone: worker sees it
    desk.get_by_label("uitkering voortzetten").check()
    desk.get_by_role("textbox", name="Onderbouwing").fill(
        "Pleinvrees; werk is niet te verwachten, bijna pensioen."
    )
    desk.get_by_label("Zorgtraject starten").fill("Zorgtraject om isolement te verminderen")
    desk.get_by_role("button", name="Herbeoordeling vastleggen").click()
    expect(desk.get_by_text("Herbeoordeling vastgelegd.")).to_be_visible()
    assert_accessible(desk)
    pause.refresh_from_db()
    assert pause.outcome == "voortzetten"
    assert pause.care_action.owner == worker

    # The care path is the key worker's follow-up action.
    phone_page.goto(f"{live_server.url}/acties/")
    expect(phone_page.get_by_text("Zorgtraject om isolement", exact=False)).to_be_visible()
    assert_accessible(phone_page)
