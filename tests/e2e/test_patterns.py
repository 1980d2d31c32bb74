"""S9 (Tilburg, spookbewoning) in the browser: three professionals in three teams each record
the same blocker in their own words on a phone; the beleidsadviseur sees the candidate pattern
on the start page, opens it (anonymised, with similarity) and confirms it."""

import pytest
from playwright.sync_api import expect

from doorbraak.learning.models import Pattern
from tests.e2e.conftest import assert_accessible, log_in, s9_three_blockers

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_s9_three_blockers_in_three_teams_make_a_pattern_to_confirm(live_server, phone_page):
    page = phone_page
    adviser, cases = s9_three_blockers(live_server, page, "s9", check=assert_accessible)

    page.context.clear_cookies()
    log_in(page, live_server, adviser)
    section = page.locator("section", has=page.get_by_role("heading", name="Mogelijke patronen"))
    expect(section).to_contain_text("Dienst Toeslagen (test)")
    expect(section).to_contain_text("in 3 casussen")
    assert_accessible(page)
    section.get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Patroon P-")
    expect(page.get_by_text("gelijkenis").first).to_be_visible()
    for i in range(3):
        expect(page.locator("main")).not_to_contain_text(f"Khan{i}")
    assert_accessible(page)
    page.get_by_role("button", name="Patroon bevestigen").click()
    expect(page.get_by_text("Patroon bevestigd.")).to_be_visible()
    assert_accessible(page)
    assert page.js_errors == []
    pattern = Pattern.objects.get()
    assert pattern.status == "bevestigd" and pattern.cases_count == 3 and pattern.teams_count == 3
