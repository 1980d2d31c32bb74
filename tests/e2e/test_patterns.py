"""S9 (Tilburg, spookbewoning) in the browser: three professionals in three teams each record
the same blocker in their own words on a phone; the beleidsadviseur sees the candidate pattern
on the start page, opens it (anonymised, with similarity) and confirms it."""

import pytest
from playwright.sync_api import expect

from doorbraak.accounts.roles import Role
from doorbraak.learning.models import Pattern, Rule
from doorbraak.privacy.anonymiser import get_anonymiser
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import CaseFactory, OrganisationFactory, TeamFactory, UserFactory
from tests.learning.conftest import SPOOK

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_s9_three_blockers_in_three_teams_make_a_pattern_to_confirm(live_server, phone_page):
    get_anonymiser()  # deduce loads once per process (seconds): not inside a click's timeout
    toeslagen = OrganisationFactory(
        name="Dienst Toeslagen (test)", kind="belastingdienst-toeslagen"
    )
    Rule.objects.create(organisation=toeslagen, title=SPOOK[0][0])
    workers = [
        UserFactory(username=f"s9-werker-{i}", team=TeamFactory(name=f"Buurtteam S9-{i}"))
        for i in range(3)
    ]
    cases = [
        CaseFactory(actor=w, household_name=f"Huishouden Khan{i}", family_name=f"Khan{i}")
        for i, w in enumerate(workers)
    ]
    adviser = UserFactory(username="s9-adviseur", role=Role.BELEIDSADVISEUR)
    page = phone_page
    for worker, case, (rule, effect) in zip(workers, cases, SPOOK, strict=False):
        page.context.clear_cookies()
        log_in(page, live_server, worker)
        page.goto(f"{live_server.url}/casussen/{case.pk}/knelpunten/")
        page.get_by_label("Organisatie").select_option(label="Dienst Toeslagen (test)")
        page.get_by_label("Regel").fill(rule)
        page.get_by_label("Gevolg voor het huishouden").fill(effect)
        page.get_by_label("Leefgebied").select_option("financien")
        assert_accessible(page)
        page.get_by_role("button", name="Knelpunt opslaan").click()
        expect(page.locator("#blockers")).to_contain_text(rule[:30])

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
