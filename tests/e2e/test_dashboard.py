"""The dashboard in the browser, on a phone and a desktop: a team leader filters the figures,
opens a chart's table, gets a Dutch message for a backwards period, and downloads a table."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from doorbraak.accounts.roles import Role
from doorbraak.proposals import lifecycle
from tests.approvals.test_flow import submit
from tests.e2e.conftest import assert_accessible, follow_menu, log_in
from tests.factories import UserFactory
from tests.reports.test_summary import paying_fund

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", ["phone_page", "desktop_page"])
def test_team_leader_reads_and_downloads_the_figures(
    live_server, request, viewport, team_a, worker_a
):
    page = request.getfixturevalue(viewport)
    with translation.override("nl"):
        colleagues = [UserFactory(team=team_a) for _ in range(3)]
        fund = paying_fund(team_a)
        approved = submit(worker_a, fund, "240.00")
        for colleague in colleagues:
            lifecycle.vote_cast(actor=colleague, request=approved, choice="ja")
        submit(worker_a, fund, "60.00")
    leader = UserFactory(team=team_a, role=Role.TEAMLEIDER)
    log_in(page, live_server, leader)
    follow_menu(page, "Cijfers")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cijfers")
    expect(page.get_by_text("€ 240,00").first).to_be_visible()
    assert_accessible(page)
    page.get_by_text("De cijfers als tabel").first.click()
    expect(page.get_by_role("rowheader", name="goedgekeurd")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").first.click()
    assert download.value.suggested_filename.startswith("cijfers-status-")
    page.get_by_label("Vanaf").fill("2026-12-31")
    page.get_by_label("Tot en met").fill("2026-01-01")
    page.get_by_role("button", name="Tonen").click()
    expect(page.get_by_role("alert")).to_contain_text("De einddatum ligt voor de begindatum.")
    expect(page.get_by_text("€ 240,00")).to_have_count(0)
    assert_accessible(page)
    assert page.js_errors == []
