"""The Op Maat game in a browser (issue 18 item 4): a facilitator starts a session with two
teams, a player answers round 1 on their phone (375 px), the board opens, each team rolls
once, the shared screen (1280 px) follows by htmx polling, the facilitator ends the game, the
board names the winner and every phone shows the maatwerkambassadeurs. No axe violation."""

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from doorbraak.accounts.roles import Role
from doorbraak.ambassadors import services as ambassadors
from doorbraak.game.models import Session
from tests.e2e.conftest import PHONE, _page, assert_accessible, follow_menu, log_in
from tests.factories import OrganisationFactory, UserFactory
from tests.game.test_game import closed_request  # noqa: F401
from tests.proposals.conftest import case, category, ground  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = "/tmp/game-shots"


def test_a_short_game(live_server, browser, desktop_page, closed_request):  # noqa: F811
    lead = UserFactory(
        username="spelleider", first_name="Esther", last_name="Dalen", role=Role.PROJECTLEIDER
    )
    one = UserFactory(
        username="speler-een", first_name="Anna", last_name="Een", role=Role.GEZINSWERKER
    )
    two = UserFactory(
        username="speler-twee", first_name="Bram", last_name="Twee", role=Role.INKOMENSCONSULENT
    )
    ambassadors.ambassador_save(
        actor=UserFactory(role=Role.BELEIDSADVISEUR),
        name="Fatima el Idrissi",
        kind="maatwerkambassadeur",
        organisation=OrganisationFactory(name="Gemeente Spelstad", kind="gemeente"),
        topics="bijstand, terugvordering",
        work_email="fatima@gemeente.example",
    )
    board = desktop_page
    log_in(board, live_server, lead)
    follow_menu(board, "Op Maat-spel")
    board.get_by_role("link", name="Spelsessie starten").click()
    board.get_by_label("Aantal teams").select_option("2")
    board.get_by_label("Anna Een").check()
    board.get_by_label("Bram Twee").check()
    assert_accessible(board)
    board.get_by_role("button", name="Spel starten").click()
    expect(board.get_by_role("heading", name="Leiden: Op Maat-spel")).to_be_visible()
    assert_accessible(board)
    session = Session.objects.get()

    phones = []
    for player in (one, two):
        context, page = _page(browser, PHONE)
        log_in(page, live_server, player)
        page.goto(f"{live_server.url}/spel/{session.pk}/")
        phones.append((context, page))
    first, second = phones[0][1], phones[1][1]
    expect(first.get_by_role("heading", name="Ronde 1: maatwerk of niet?")).to_be_visible()
    first.get_by_label("Maatwerk", exact=True).first.check()
    first.get_by_label("Waarom?").first.fill("Oma kent de kinderen; thuiszorg is duurder.")
    assert_accessible(first)
    first.screenshot(path=f"{SHOTS}/phone-round1.png", full_page=True)
    first.get_by_role("button", name="Antwoord opslaan").first.click()
    expect(first.get_by_text("Antwoord opgeslagen")).to_be_visible()

    board.get_by_role("button", name="Ronde 2 starten").click()
    board.get_by_role("button", name="Bord openen").click()
    board.goto(f"{live_server.url}/spel/{session.pk}/bord/")
    expect(board.get_by_text("Team 1 is aan de beurt")).to_be_visible()

    first.reload()
    first.get_by_role("button", name="Dobbelen").click()
    expect(first.get_by_text("Je gooide")).to_be_visible()
    assert_accessible(first)
    # The shared screen follows by polling, without a reload.
    expect(board.get_by_text("Team 2 is aan de beurt")).to_be_visible(timeout=6000)
    second.reload()
    second.get_by_role("button", name="Dobbelen").click()
    expect(second.get_by_text("Je gooide")).to_be_visible()
    expect(board.get_by_text("Team 1 is aan de beurt")).to_be_visible(timeout=6000)
    assert_accessible(board)
    board.screenshot(path=f"{SHOTS}/board-playing.png", full_page=True)

    board.goto(f"{live_server.url}/spel/{session.pk}/leiden/")
    board.get_by_role("button", name="Geheime opdracht van Team 2 gedaan").click()
    board.get_by_role("button", name="Spel beëindigen").click()
    board.goto(f"{live_server.url}/spel/{session.pk}/bord/")
    expect(board.get_by_text("Team 2 wint")).to_be_visible()
    expect(board.get_by_text("Fatima el Idrissi")).to_be_visible()
    assert_accessible(board)
    board.screenshot(path=f"{SHOTS}/board-end.png", full_page=True)
    for _context, page in phones:
        _open_phone(page, f"{live_server.url}/spel/{session.pk}/")
        expect(
            page.get_by_role("heading", name="Maatwerkambassadeurs: neem ze mee")
        ).to_be_visible()
        expect(page.get_by_text("Fatima el Idrissi")).to_be_visible()
        assert_accessible(page)
        assert page.layout_problems == []
    second.screenshot(path=f"{SHOTS}/phone-end.png", full_page=True)
    for context, _phone in phones:
        context.close()


def _open_phone(page, url):
    """Open the phone page anew rather than reload. Its poll may be navigating to the same page
    right now; then that navigation wins and is awaited instead."""
    try:
        page.goto(url)
    except PlaywrightError as error:
        if "interrupted by another navigation" not in str(error):
            raise
        page.wait_for_load_state()
    assert page.url == url
