"""A professional fills in a maatwerk request on a phone: S8's zero-euro request with all
three sides of the value triangle and a calculation; then the calculator page on its own.
axe-core checks each page."""

import pytest
from playwright.sync_api import expect

from doorbraak.accounts.models import Neighbourhood, Organisation
from doorbraak.cases import services as case_services
from doorbraak.proposals.models import Request
from tests.e2e.conftest import assert_accessible, assert_layout, follow_menu, log_in
from tests.factories import CaseFactory, OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_fill_in_a_zero_euro_request_with_the_value_triangle(
    live_server, phone_page, worker_a, team_a
):
    municipality = Organisation.objects.create(name="Gemeente Test", kind="gemeente")
    team_a.neighbourhood = Neighbourhood.objects.create(name="Wijk", municipality=municipality)
    team_a.save()
    case = CaseFactory(actor=worker_a, household_name="Huishouden Lindeboom")
    org = OrganisationFactory(name="Schuldhulp (test)", kind="schuldhulpverlening")
    case_services.blocker_add(
        actor=worker_a,
        case=case,
        organisation=org,
        rule="Schuldhulp alleen als de auto wordt verkocht",
        effect="Meneer heeft de auto nodig voor zijn gezondheid",
        life_domain="financien",
    )
    page = phone_page
    log_in(page, live_server, worker_a)
    page.goto(f"{live_server.url}/casussen/{case.pk}/")
    page.get_by_role("link", name="Maatwerkvoorstel schrijven").click()
    expect(page.get_by_role("heading", name="Nieuw maatwerkvoorstel")).to_be_visible()
    expect(page.get_by_text("Een volledig voorstel.")).to_be_visible()  # no fund: decided elsewhere
    assert_accessible(page)
    assert_layout(page)
    group = page.locator("#id_prior_provisions").bounding_box()
    assert group["width"] > 300, group  # the whole group, not one squeezed checkbox

    page.get_by_label("Schuldhulp (test)").check()
    page.get_by_label("Voorgestelde oplossing").fill(
        "Schuldhulp toelaten met behoud van de auto; budgetbeheer bij de gemeente."
    )
    page.get_by_label("Categorie").select_option(label="Schulden")
    page.get_by_label("Bedrag (EUR)", exact=True).fill("0")
    page.get_by_label("andere voorziening").check()
    page.get_by_label("Hoe wordt herhaling voorkomen?").fill(
        "Budgetbeheer vangt het wisselende inkomen op."
    )
    page.get_by_label("Wettelijke grondslag").select_option(
        label="Algemene wet bestuursrecht art. 4:84: Afwijken van beleidsregels"
    )
    page.get_by_label("Legitimiteit: waarom het mag").fill(
        "Verkoop van de auto heeft onevenredige gevolgen voor zijn gezondheid."
    )
    page.get_by_label("Betrokkenheid", exact=False).first.fill(
        "Ik ga weer werken en laat mijn inkomen via budgetbeheer lopen."
    )
    page.get_by_label("Rendement: welke maatschappelijke kosten", exact=False).fill(
        "Geen uitkering meer nodig; huisuitzetting en meer zorggebruik worden voorkomen."
    )

    page.get_by_text("Kosten-batenberekening").click()
    row = page.locator(".db-row").first
    row.get_by_label("Kengetal").select_option("bijstand_alleenstaande")
    row.get_by_label("Aantal").fill("12")
    row.get_by_label("Kans (0–1)").fill("0.5")
    page.get_by_role("button", name="Bereken").click()
    expect(page.locator("#calculation")).to_contain_text("goedkoper dan doormodderen")
    assert_accessible(page)

    page.get_by_role("button", name="Controleer de tekst voor beoordelaars").click()
    expect(page.get_by_role("heading", name="Wat beoordelaars lezen")).to_be_visible()
    approver_text = page.locator("#approver_involvement")
    expect(approver_text).to_have_value(
        "Ik ga weer werken en laat mijn inkomen via budgetbeheer lopen."
    )
    assert_accessible(page)
    assert_layout(page)
    page.get_by_role("button", name="Voorstel indienen").click()
    expect(page.get_by_role("heading", name="Maatwerkvoorstel V-", exact=False)).to_be_visible()
    expect(page.get_by_text("Ik ga weer werken")).to_be_visible()
    assert_accessible(page)
    assert_layout(page)
    assert page.js_errors == []

    proposal = Request.objects.get()
    assert proposal.amount == 0 and proposal.cost_benefit.result["cost"] == "0.00"
    triangle = proposal.triangle
    assert triangle.legal_ground and triangle.involvement and triangle.societal_return


def test_calculator_page_on_a_phone(live_server, phone_page, worker_a):
    page = phone_page
    log_in(page, live_server, worker_a)
    follow_menu(page, "Rekenhulp")
    expect(page.get_by_role("heading", name="Rekenhulp kosten en baten")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Horizon (maanden)").fill("3")
    solution = page.locator("fieldset").nth(0).locator(".db-row").first
    solution.get_by_label("Oplossing").fill("Vliegticket oma uit Curaçao")
    solution.get_by_label("Bedrag (EUR)").fill("1100")
    avoided = page.locator("fieldset").nth(1).locator(".db-row").first
    avoided.get_by_label("Of: omschrijving").fill("Thuisondersteuning 6 weken, drie kinderen")
    avoided.get_by_label("Eigen bedrag (EUR)").fill("13200")
    page.get_by_role("button", name="Bereken").click()
    expect(page.locator("#calculation")).to_contain_text(
        "Doorbreken is € 12.100,00 goedkoper dan doormodderen."
    )
    assert_accessible(page)
    assert_layout(page)
    expect(page.get_by_text("(optioneel) (optioneel)")).to_have_count(0)


def test_a_refused_request_shows_a_summary_that_leads_to_each_field(
    live_server, phone_page, worker_a
):
    case = CaseFactory(actor=worker_a)
    page = phone_page
    log_in(page, live_server, worker_a)
    page.goto(f"{live_server.url}/casussen/{case.pk}/voorstellen/nieuw/")
    page.get_by_label("Voorgestelde oplossing").fill("Een koelkast.")
    page.get_by_role("button", name="Controleer de tekst voor beoordelaars").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Niet opgeslagen")
    assert summary.bounding_box()["y"] < 800  # at the top, not thousands of pixels down
    expect(page.get_by_role("heading", name="Wat beoordelaars lezen")).to_have_count(0)
    summary.get_by_role("link", name="Categorie", exact=False).click()
    assert page.evaluate("location.hash") == "#id_category"
    expect(page.locator("#id_category")).to_be_in_viewport()
    assert_accessible(page)
    assert_layout(page)
