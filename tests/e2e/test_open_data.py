"""Open data in the browser, on a phone and a desktop: a beleidsadviseur previews the export,
gets a Dutch message for a backwards period, publishes, and anyone opens the public page."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, follow_menu, log_in
from tests.opendata.conftest import city  # noqa: F401 (fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", ["phone_page", "desktop_page"])
def test_adviser_previews_and_publishes_open_data(live_server, request, viewport, city):  # noqa: F811
    page = request.getfixturevalue(viewport)
    log_in(page, live_server, city["adviser"])
    follow_menu(page, "Open data")
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data")
    expect(page.get_by_text("Huisraad").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Vanaf").fill("2026-12-31")
    page.get_by_label("Tot en met").fill("2026-01-01")
    page.get_by_role("button", name="Tonen").click()
    expect(page.get_by_role("alert")).to_contain_text("De einddatum ligt voor de begindatum.")
    expect(page.get_by_text("Huisraad")).to_have_count(0)
    assert_accessible(page)
    page.goto(f"{live_server.url}/mijn-open-data/")
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("De open data zijn gepubliceerd.")).to_be_visible()
    page.goto(f"{live_server.url}/open-data/gemeente-testdorp/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gemeente Testdorp")
    assert_accessible(page)
    assert page.js_errors == []
