"""Knowledge base and hersteloperatie in the browser: a beleidsadviseur writes an article, a
professional finds it by an inflected word and sees it suggested on the request form for its
category; a marked household's request is first in the approver's inbox with "prioriteit",
and the page never says why."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doorbraak.accounts.roles import Role
from doorbraak.privacy.services import Origin
from doorbraak.recovery import services as recovery
from tests.approvals.conftest import herstelpotje  # noqa: F401 - the fixture
from tests.approvals.test_flow import submit
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import CaseFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_article_found_and_suggested_on_the_request_form(live_server, phone_page, worker_a):
    page = phone_page
    adviser = UserFactory(username="e2e-beleid", role=Role.BELEIDSADVISEUR)
    log_in(page, live_server, adviser)
    page.goto(f"{live_server.url}/kennisbank/nieuw/")
    page.get_by_role("button", name="Artikel opslaan").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Huurtoeslag en een medebewoner")
    page.get_by_label("Tekst").fill("## Wat je kunt doen\n\nVraag een adresonderzoek aan.")
    page.get_by_label("Trefwoorden").fill("huurtoeslag, spookbewoning")
    page.get_by_label("Wonen").check()
    page.get_by_role("button", name="Artikel opslaan").click()
    expect(page.get_by_text("Artikel opgeslagen (versie 1).")).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    log_in(page, live_server, worker_a)
    page.goto(f"{live_server.url}/kennisbank/")
    page.get_by_label("Zoeken in de kennisbank").fill("huurtoeslagen")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Huurtoeslag en een medebewoner")).to_be_visible()
    assert_accessible(page)

    case = CaseFactory(actor=worker_a)
    page.goto(f"{live_server.url}/casussen/{case.pk}/voorstellen/nieuw/")
    suggestions = page.locator("#knowledge-suggestions")
    page.get_by_label("Categorie").select_option("wonen")
    expect(suggestions).to_contain_text("Huurtoeslag en een medebewoner")
    page.get_by_label("Categorie").select_option("schulden")
    expect(suggestions).not_to_contain_text("Huurtoeslag")
    assert_accessible(page)
    assert page.js_errors == []


def test_marked_household_first_with_priority(live_server, phone_page, worker_a, herstelpotje):  # noqa: F811
    page = phone_page
    fund, people = herstelpotje
    older = submit(worker_a, fund, "240.00", solution="Stapelbed voor de kinderen")
    case = CaseFactory(actor=worker_a, members=2)
    origin = Origin("0" * 32, "0" * 16, "", worker_a, "test")
    recovery.mark_record(
        actor=worker_a,
        origin=origin,
        case=case,
        source="uht",
        marked_on=timezone.localdate() - datetime.timedelta(days=2),
    )
    newer = submit(worker_a, fund, "600.00", case=case, solution="Wasmachine voor het gezin")
    log_in(page, live_server, people["wi"])
    page.goto(f"{live_server.url}/stemmen/")
    cards = page.locator("ul.db-cards").first.locator("li")
    expect(cards.first).to_contain_text(newer.reference)
    expect(cards.first).to_contain_text("prioriteit")
    expect(cards.nth(1)).to_contain_text(older.reference)
    expect(cards.nth(1)).not_to_contain_text("prioriteit")
    body = page.locator("body")
    for word in ["gedupeerde", "hersteloperatie", "UHT", "Herstel Toeslagen"]:
        expect(body).not_to_contain_text(word, ignore_case=True)
    assert_accessible(page)
    cards.first.get_by_role("link").click()
    for word in ["gedupeerde", "hersteloperatie", "UHT"]:
        expect(page.locator("main")).not_to_contain_text(word, ignore_case=True)
    assert page.js_errors == []
