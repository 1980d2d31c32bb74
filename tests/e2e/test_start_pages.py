"""Every demo role, on a phone and on a desktop: the start page and each page of its menu pass
axe-core and the layout check, and show only links the role may use."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from doorbraak.demo.accounts import ROLE_ACCOUNTS
from tests.e2e.conftest import assert_accessible, pass_second_factor

# mfa_enforced: demo-beheerder passes the second factor with the demo's synthetic secret.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True), pytest.mark.mfa_enforced]

ROLES = [account.removeprefix("demo-") for account in ROLE_ACCOUNTS]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", "--force", stdout=StringIO())


@pytest.mark.parametrize("viewport", ["phone_page", "desktop_page"])
def test_each_role_starts_on_its_own_work(live_server, demo, request, viewport):
    page = request.getfixturevalue(viewport)
    for role in ROLES:
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/")
        page.get_by_label("Gebruikersnaam").fill(f"demo-{role}")
        page.get_by_label("Wachtwoord").fill("doorbraak")
        page.get_by_role("button", name="Inloggen").click()
        pass_second_factor(page)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
        expect(page.get_by_text("Er wacht nu niets op jou")).to_have_count(0)
        assert_accessible(page)
        menu = page.eval_on_selector_all(
            "nav[aria-label] a", "as => as.map(a => a.getAttribute('href'))"
        )
        for href in menu:
            if href.startswith("/beheer"):
                continue
            response = page.goto(f"{live_server.url}{href}")
            assert response.status == 200, (role, href)
            assert_accessible(page)
    assert page.js_errors == []
