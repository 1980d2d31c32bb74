"""VerhuisboxPlus in the browser (seed 002, "Elders onder dak"): a caseworker registers a
household from the menu (a missing landlord statement is refused first), records the advice
conversation (voluntariness said), registers it on a housing site with its €30 fee paid from
the fund, tries a housing date before the registration (refused in Dutch), records the housing
and the hand-over, and sees the days to housing. axe-core at 375 and 1280 px on every page,
and the layout check on each."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doorbraak.accounts.roles import Role
from doorbraak.funds.models import Fund
from doorbraak.funds.services import fund_open
from doorbraak.verhuisbox.models import Trajectory
from tests.e2e.conftest import assert_accessible, follow_menu, log_in
from tests.factories import CaseFactory, UserFactory
from tests.funds.conftest import make_policy

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
DAY = datetime.timedelta(days=1)


def test_register_a_household_through_to_housed(live_server, phone_page, desktop_page, team_a):
    today = timezone.localdate()
    worker = UserFactory(username="vb-worker", role=Role.GEZINSWERKER, team=team_a)
    case = CaseFactory(actor=worker, household_name="Huishouden Pinas", given_name="Mirella")
    fund_open(
        Fund(
            name="VerhuisboxPlus: kosten in natura",
            programme="VerhuisboxPlus",
            period_start=today - 100 * DAY,
            period_end=today + 100 * DAY,
            total_budget=Decimal("1000.00"),
            approval_policy=make_policy(name="Beleid VB"),
        )
    )
    registered = (today - 5 * DAY).isoformat()

    page = phone_page
    log_in(page, live_server, worker)
    follow_menu(page, "VerhuisboxPlus")
    expect(page.get_by_role("heading", name="VerhuisboxPlus", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Huishouden aanmelden").click()
    assert_accessible(page)
    page.get_by_label("Casus").select_option(str(case.pk))
    page.get_by_label("Aangemeld op").fill(registered)
    page.get_by_label("Geen zware problemen zoals een verslaving").check()
    page.get_by_label("Geen grote schulden").check()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("alert")).to_contain_text("verhuurdersverklaring")
    assert_accessible(page)
    assert not Trajectory.objects.exists()
    page.get_by_label("Verhuurdersverklaring aanwezig").check()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", name="Traject VB-", exact=False)).to_be_visible()
    assert_accessible(page)

    desk = desktop_page
    log_in(desk, live_server, worker)
    trajectory = Trajectory.objects.get()
    desk.goto(f"{live_server.url}/verhuisbox/{trajectory.pk}/")
    assert_accessible(desk)
    desk.get_by_label("Doelen").fill("Een eigen woning met tuin voor de kinderen.")
    desk.get_by_label("Regio's die in aanmerking komen").fill("Zeeland, Drenthe")
    desk.get_by_label("Vrijwilligheid besproken").check()
    desk.get_by_role("button", name="Adviesgesprek opslaan").click()
    expect(desk.get_by_text("het zoeken is begonnen")).to_be_visible()
    assert_accessible(desk)
    desk.get_by_label("Woonsite", exact=True).fill("WoonZeeland")
    desk.get_by_label("Inschrijfkosten (EUR)").fill("30,00")
    desk.get_by_role("button", name="Woonsite opslaan").click()
    expect(desk.get_by_text("€ 30,00 betaald in natura")).to_be_visible()
    desk.get_by_label("Verhuisd op").fill((today - 6 * DAY).isoformat())
    desk.get_by_role("button", name="Huisvesting vastleggen").click()
    expect(desk.get_by_role("alert")).to_contain_text("ligt voor de aanmelding")
    assert_accessible(desk)
    desk.get_by_label("Verhuisd op").fill(today.isoformat())
    desk.get_by_role("button", name="Huisvesting vastleggen").click()
    expect(desk.get_by_text("na 5 dagen")).to_be_visible()
    desk.get_by_role("textbox", name="Ontvangende gemeente", exact=True).fill("Gemeente Sluis")
    desk.get_by_role("textbox", name="Contactpersoon", exact=True).fill("M. de Wit")
    desk.get_by_label("Wat is gedeeld").fill("Behoefte aan maatschappelijk werk.")
    desk.get_by_label("Met wiens toestemming").fill("De bewoner, mondeling")
    desk.get_by_role("button", name="Overdracht opslaan").click()
    expect(desk.get_by_text("De overdracht is vastgelegd.")).to_be_visible()
    assert_accessible(desk)
    trajectory.refresh_from_db()
    assert (trajectory.status, trajectory.days_to_housing) == ("gehuisvest", 5)
    assert trajectory.handover_municipality == "Gemeente Sluis"
