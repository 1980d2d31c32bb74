"""S9 (Tilburg, spookbewoning) end to end in the browser, on a phone: three professionals in
three teams record the same blocker in their own words; the pattern appears on the
beleidsadviseur's start page; she starts a werktafel from it, records the first session
("waar stukt het systeem?") and an outcome, and records the structural solution "signalering
op adres naar Dienst Toeslagen", linked to the three cases without naming a household.
(tests/e2e/test_patterns.py plays the first half and the confirmation.)"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doorbraak.cases.models import Blocker
from doorbraak.worktables.models import StructuralSolution, WorkTable
from tests.e2e.conftest import assert_accessible, log_in, s9_three_blockers

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_s9_pattern_to_werktafel_to_structural_solution(live_server, phone_page):
    page = phone_page
    adviser, cases = s9_three_blockers(live_server, page, "s9w")

    # The pattern appears for the beleidsadviseur.
    page.context.clear_cookies()
    log_in(page, live_server, adviser)
    section = page.locator("section", has=page.get_by_role("heading", name="Mogelijke patronen"))
    expect(section).to_contain_text("in 3 casussen")
    section.get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Patroon P-")

    # Werktafel: started from the pattern, three sessions planned up front.
    page.get_by_role("link", name="Werktafel starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werktafel starten")
    assert_accessible(page)
    page.get_by_label("Titel").fill("")
    page.get_by_label("Datum sessie 2").fill("")
    page.get_by_role("button", name="Werktafel starten").click()
    expect(page.get_by_role("alert")).to_contain_text("Geef een titel.")
    expect(page.get_by_role("alert")).to_contain_text("Geef de datum van de sessie.")
    assert_accessible(page)
    assert not WorkTable.objects.exists()
    page.get_by_label("Titel").fill("Werktafel spookbewoning")
    page.get_by_label("Afdelingen en andere deelnemers").fill(
        "Klantcontactcentrum (gemeente)\nAfdeling Ruimte (gemeente)"
    )
    later = timezone.localdate() + datetime.timedelta(days=20)
    page.get_by_label("Datum sessie 2").fill(later.isoformat())
    page.get_by_role("button", name="Werktafel starten").click()
    expect(page.get_by_text("gestart.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Sessie 3")
    assert_accessible(page)

    # The first session, held today, from the resident's perspective.
    page.get_by_role("link", name="Sessie 1 bijwerken").click()
    page.get_by_label("Datum", exact=True).fill(timezone.localdate().isoformat())
    page.get_by_label("Deze sessie is gehouden").check()
    page.get_by_label("Waar stukt het systeem?").fill(
        "Meneer Khan0 krijgt maanden te weinig huurtoeslag door een spookbewoner."
    )
    page.get_by_label("Aantekeningen").fill("Het Klantcontactcentrum ziet de dubbele bewoning.")
    assert_accessible(page)
    page.get_by_role("button", name="Sessie opslaan").click()
    expect(page.get_by_text("Sessie 1 opgeslagen.")).to_be_visible()
    page.get_by_label("Uitkomst", exact=True).fill("Een vinkje voor Dienst Toeslagen.")
    page.get_by_role("button", name="Uitkomst vastleggen").click()
    expect(page.get_by_text("Uitkomst vastgelegd.")).to_be_visible()

    # The structural solution, linked to the three cases.
    page.get_by_role("link", name="Structurele oplossing vastleggen").click()
    page.get_by_label("Titel").fill("Signalering op adres naar Dienst Toeslagen")
    page.get_by_label("afspraak met een partner").check()
    assert_accessible(page)
    page.get_by_role("button", name="Oplossing vastleggen").click()
    expect(page.get_by_text("gekoppeld aan 3 casussen")).to_be_visible()
    expect(page.locator("main")).to_contain_text("De casussen waar ze uit voortkomt (3")
    for i in range(3):
        expect(page.locator("main")).not_to_contain_text(f"Khan{i}")
    assert_accessible(page)
    page.get_by_role("button", name="Op afgesproken zetten").click()
    expect(page.get_by_text("De status is nu “afgesproken”.")).to_be_visible()
    assert page.js_errors == []

    solution = StructuralSolution.objects.get()
    assert solution.status == "afgesproken" and solution.worktable == WorkTable.objects.get()
    linked = set(solution.case_links.values_list("case_id", flat=True))
    assert linked == {c.pk for c in cases}
    assert set(Blocker.objects.filter(case__in=cases).values_list("case_id", flat=True)) == linked
    session = WorkTable.objects.get().sessions.get(number=1)
    assert session.held and "Khan0" not in session.perspective
