"""S11 in the browser (seed 002, Rotterdam): the team leader decides with her PRIO mandate
on a phone (a missing rule is refused first), sees the decision with its verzoeningsgesprek,
and finds the talk in Mijn acties at a desk. Layout check at 375 px, axe-core at both
widths."""

import pytest
from playwright.sync_api import expect

from doorbraak.accounts.models import OrganisationKind
from doorbraak.accounts.roles import Role
from doorbraak.escalation.models import FollowUpAction, MandateUse
from tests.e2e.conftest import assert_accessible, assert_layout, log_in
from tests.escalation.test_mandates import S11, _mandate
from tests.factories import CaseFactory, OrganisationFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_s11_the_leader_overrules_the_refusal_with_her_mandate(
    live_server, phone_page, desktop_page, worker_a, team_a
):
    leader = UserFactory(username="leider-s11", role=Role.TEAMLEIDER, team=team_a)
    municipality = OrganisationFactory(name="Gemeente Teststad", kind=OrganisationKind.MUNICIPALITY)
    _mandate(leader, municipality)
    case = CaseFactory(actor=worker_a, household_name="Huishouden Opvang")
    page = phone_page
    log_in(page, live_server, leader)
    page.goto(f"{live_server.url}/casussen/{case.pk}/")
    page.get_by_role("link", name="Besluit met je mandaat").click()
    expect(page.get_by_role("heading", name="Besluiten met mandaat")).to_be_visible()
    assert_accessible(page)
    assert_layout(page)
    page.get_by_label("Afdeling van het eerdere besluit").fill(S11["overruled_department"])
    page.get_by_label("Eerdere afwijzing").fill(S11["earlier_refusal"])
    page.get_by_label("Jouw besluit").fill(S11["decision"])
    page.get_by_label("Onderbouwing").fill(S11["reasons"])
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Schrijf op welke regel of welk beleid je opzij zet."
    )
    assert not MandateUse.objects.exists()
    assert_accessible(page)
    assert_layout(page)
    page.get_by_label("Welke regel of welk beleid je opzij zet").fill(S11["overruled_rule"])
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("heading", name="Besluit met mandaat M-", exact=False)).to_be_visible()
    expect(page.get_by_text("Verzoeningsgesprek met Maatschappelijke opvang")).to_be_visible()
    assert_accessible(page)
    assert_layout(page)
    talk = FollowUpAction.objects.get()
    assert page.js_errors == []

    page = desktop_page
    log_in(page, live_server, leader)
    page.goto(f"{live_server.url}/acties/")
    expect(page.locator(f"#actie-{talk.pk}")).to_contain_text("Verzoeningsgesprek")
    page.locator(f"#actie-{talk.pk}").get_by_role("link", name="mandaatgebruik M-").click()
    expect(page.get_by_role("heading", name="Besluit met mandaat M-", exact=False)).to_be_visible()
    assert_accessible(page)
