"""The dashboard's sections beyond the requests in the browser, on a phone and a desktop: the
municipality's adviser reads the table cases, breakthroughs, LET, mandate uses, patterns,
cost-benefit and time per step of the hand-counted fixture, opens a table, and sees the link
to the yearly report (a team leader does not)."""

import pytest
from playwright.sync_api import expect

from doorbraak.accounts.roles import Role
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import OrganisationFactory, UserFactory
from tests.reports import test_sections as sections

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", ["phone_page", "desktop_page"])
def test_the_adviser_reads_the_sections(live_server, request, viewport, team_a, worker_a, case_a):
    page = request.getfixturevalue(viewport)
    town = sections.make_town(team_a)
    corporation = OrganisationFactory(name="Woningcorporatie (test)", kind="woningcorporatie")
    sections.fill(team_a, worker_a, case_a, town, corporation)
    adviser = UserFactory(role=Role.BELEIDSADVISEUR, organisation=town)
    log_in(page, live_server, adviser)
    page.goto(f"{live_server.url}/cijfers/{sections.PERIOD}")
    expect(
        page.get_by_text("60 tafelcasussen, 50 aan tafel opgelost; 89 doorbraken")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Jaarverslag 2025 (pdf)")).to_be_visible()
    assert_accessible(page)
    page.locator("#tables-heading ~ figure details summary").first.click()
    expect(page.get_by_role("rowheader", name="2025")).to_be_visible()
    assert_accessible(page)
    assert page.js_errors == []
    leader = UserFactory(role=Role.TEAMLEIDER, team=team_a)
    page.context.clear_cookies()
    log_in(page, live_server, leader)
    page.goto(f"{live_server.url}/cijfers/{sections.PERIOD}")
    expect(page.get_by_text("89 doorbraken")).to_be_visible()
    expect(page.get_by_role("link", name="Jaarverslag 2025 (pdf)")).to_have_count(0)
