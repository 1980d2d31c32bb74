"""S4 on a phone (375 × 800): from the vote e-mail to a decided vote in two taps. The link
opens the request (after logging in, the user is returned to it), the Yes button is in view
without scrolling, and the decision shows at once."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from doorbraak.proposals import lifecycle
from tests.approvals.test_flow import submit
from tests.e2e.conftest import assert_accessible
from tests.factories import PASSWORD, UserFactory
from tests.funds.conftest import make_fund

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE_HEIGHT = 800


def test_from_the_vote_email_to_a_decision_in_two_taps(
    live_server, browser, settings, worker_a, team_a
):
    settings.SITE_URL = live_server.url
    fund = make_fund(team_a, name="Minimaatwerkbudget", budget_cents=10_000_000)
    first, second, third = (
        UserFactory(username=f"stemmer-{i}", team=team_a, email=f"s{i}@example.org")
        for i in range(3)
    )
    request = submit(worker_a, fund, "350.00", solution="Koelkast voor de insuline " * 12)
    lifecycle.vote_cast(actor=first, request=request, choice="ja")
    lifecycle.vote_cast(actor=second, request=request, choice="ja")
    link = next(
        re.search(r"https?://\S+", m.body).group(0) for m in mail.outbox if m.to == [third.email]
    )

    context = browser.new_context(
        viewport={"width": 375, "height": PHONE_HEIGHT}, bypass_csp=True, locale="nl-NL"
    )
    page = context.new_page()
    taps = 0
    page.goto(link)  # tap 1: the link in the e-mail
    taps += 1
    # Not logged in on this phone yet: log in, and land on the request, not on a list.
    page.get_by_label("Gebruikersnaam").fill(third.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name=request.reference)).to_be_visible()
    assert page.url.endswith(f"/stemmen/{request.pk}/")
    assert_accessible(page)

    yes = page.get_by_role("button", name="Ja", exact=True)
    box = yes.bounding_box()
    assert page.evaluate("window.scrollY") == 0
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE_HEIGHT, box
    yes.click()  # tap 2
    taps += 1

    expect(page.get_by_text("het voorstel is goedgekeurd", exact=False)).to_be_visible()
    expect(page.locator(".db-badge").first).to_have_text("goedgekeurd")
    assert taps == 2
    request.refresh_from_db()
    assert request.status == "goedgekeurd"
    context.close()


def test_the_vote_bar_stays_in_reach_while_reading(live_server, phone_page, worker_a, team_a):
    fund = make_fund(team_a, name="Minimaatwerkbudget", budget_cents=10_000_000)
    approver = UserFactory(username="stemmer", team=team_a)
    request = submit(worker_a, fund, "80.00", solution="Een lange uitleg. " * 100)
    page = phone_page
    page.goto(f"{live_server.url}/stemmen/{request.pk}/")
    page.get_by_label("Gebruikersnaam").fill(approver.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(200)
    for name in ("Ja", "Nee", "Vraag"):
        box = page.get_by_role("button", name=name, exact=True).bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE_HEIGHT + 12, (name, box)
    # No without a comment: one message, next to the field, which gets the focus.
    page.get_by_role("button", name="Nee", exact=True).click()
    message = page.get_by_text("Licht je nee of je vraag toe")
    expect(message).to_have_count(1)
    expect(page.get_by_label("Opmerking (nodig bij nee of vraag)")).to_be_focused()
    # In view at once, above the vote bar: the phone does not look as if nothing happened.
    box = message.bounding_box()
    bar = page.locator(".db-votebar").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= bar["y"], (box, bar)
