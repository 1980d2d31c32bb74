"""S1 as a professional writes it on a phone (issue 10, item 13): a €350 fridge for insulin
on the team's minimaatwerkbudget is a small request: at most six filled inputs, checked,
previewed for the approvers and submitted. axe-core and a layout check on each page."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from doorbraak.accounts.models import Neighbourhood, Organisation
from doorbraak.cases import services as case_services
from doorbraak.proposals.models import Request
from tests.e2e.conftest import assert_accessible, assert_layout, log_in
from tests.factories import CaseFactory, OrganisationFactory
from tests.funds.conftest import make_fund

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOP_IBAN = "NL91ABNA0417164300"  # the standard example IBAN from the IBAN registry


class Counted:
    """Counts every input the professional fills, checks or chooses."""

    def __init__(self, page):
        self.page, self.inputs = page, []

    def fill(self, locator, value):
        self.inputs.append(locator)
        locator.fill(value)

    def check(self, locator):
        self.inputs.append(locator)
        locator.check()

    def choose(self, locator, **option):
        self.inputs.append(locator)
        locator.select_option(**option)


def test_s1_fridge_is_a_small_request_with_six_inputs(live_server, phone_page, worker_a, team_a):
    municipality = Organisation.objects.create(name="Gemeente Leiden (test)", kind="gemeente")
    team_a.neighbourhood = Neighbourhood.objects.create(name="Wijk", municipality=municipality)
    team_a.save()
    fund = make_fund(team_a, name="Minimaatwerkbudget Noord", ceiling_per_request=Decimal("500.00"))
    case = CaseFactory(actor=worker_a, household_name="Huishouden Koelman")
    case_services.blocker_add(
        actor=worker_a,
        case=case,
        organisation=OrganisationFactory(name="Bijzondere bijstand (test)", kind="gemeente"),
        rule="Huisraad alleen via een lening na verhuizing",
        effect="Geen koelkast: de insuline kan niet koel bewaard worden",
        life_domain="gezondheid",
    )
    page = phone_page
    log_in(page, live_server, worker_a)
    page.goto(f"{live_server.url}/casussen/{case.pk}/")
    page.get_by_role("link", name="Maatwerkvoorstel schrijven").click()
    expect(page.get_by_text("Een klein voorstel.")).to_be_visible()
    expect(page.locator("#id_fund")).to_have_value(str(fund.pk))
    expect(page.locator("#justification")).not_to_have_attribute("open", "")
    assert_accessible(page)
    assert_layout(page)

    me = Counted(page)
    me.check(page.get_by_label("Bijzondere bijstand (test)"))
    me.fill(
        page.get_by_label("Wat is er nodig, en waarom?"),
        "Een koelkast: meneer heeft ernstige diabetes en kan zijn insuline nu niet koel "
        "bewaren. Er is geen geld na de verhuizing.",
    )
    me.choose(page.get_by_label("Categorie"), label="Huisraad")
    me.fill(page.get_by_label("Bedrag (EUR)", exact=True), "350")
    me.fill(page.get_by_label("Leverancier of schuldeiser"), "Witgoedwinkel Leiden (test)")
    me.fill(page.get_by_label("IBAN van de leverancier"), SHOP_IBAN)
    assert len(me.inputs) <= 6
    expect(page.locator("#request-mode")).to_contain_text("Een klein voorstel.")

    page.get_by_role("button", name="Controleer de tekst voor beoordelaars").click()
    expect(page.get_by_role("heading", name="Wat beoordelaars lezen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Voorstel indienen").click()
    expect(page.get_by_role("heading", name="Maatwerkvoorstel V-", exact=False)).to_be_visible()
    assert_accessible(page)
    assert page.js_errors == []

    proposal = Request.objects.get()
    assert proposal.small and proposal.fund == fund and proposal.total == Decimal("350.00")
    assert proposal.supplier_name == "Witgoedwinkel Leiden (test)"


def test_above_the_amount_the_form_says_it_is_a_full_request(
    live_server, phone_page, worker_a, team_a
):
    make_fund(team_a, name="Minimaatwerkbudget Noord", ceiling_per_request=Decimal("500.00"))
    case = CaseFactory(actor=worker_a)
    page = phone_page
    log_in(page, live_server, worker_a)
    page.goto(f"{live_server.url}/casussen/{case.pk}/voorstellen/nieuw/")
    page.get_by_label("Bedrag (EUR)", exact=True).fill("650")
    page.get_by_label("Bedrag (EUR)", exact=True).blur()
    expect(page.locator("#request-mode")).to_contain_text("Een volledig voorstel.")
    expect(page.locator("#justification > summary")).not_to_contain_text("optioneel")
    page.get_by_label("Wat is er nodig, en waarom?").fill("Een wasmachine en een cursus.")
    page.get_by_role("button", name="Controleer de tekst voor beoordelaars").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Betrokkenheid", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name="Wat beoordelaars lezen")).to_have_count(0)
    assert_accessible(page)
    assert_layout(page)
