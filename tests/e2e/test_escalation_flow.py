"""S3 on the escalation route, in the browser: EUR 500.01 on a EUR 500 ceiling is refused by
the fund, which offers escalation; the professional escalates the blocker to the casusoverleg
(a missing question is refused first), and the team leader records it solved with a
follow-up action. Phone width with the layout check, axe-core on every page; the decision
page also at desktop width."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doorbraak.accounts.roles import Role
from doorbraak.cases import services as case_services
from doorbraak.escalation.models import Escalation, FollowUpAction, Status
from tests.e2e.conftest import assert_accessible, assert_layout, log_in
from tests.factories import CaseFactory, OrganisationFactory, UserFactory
from tests.funds.conftest import make_fund
from tests.proposals.test_form_checks import post_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_s3_refused_by_the_fund_escalated_to_the_casusoverleg_and_solved(
    live_server, phone_page, desktop_page, worker_a, team_a
):
    leader = UserFactory(username="leider-s3", role=Role.TEAMLEIDER, team=team_a)
    fund = make_fund(team_a, name="Minimaatwerkbudget Noord", ceiling_per_request=Decimal("500.00"))
    case = CaseFactory(actor=worker_a, household_name="Huishouden Oudeschuld")
    blocker = case_services.blocker_add(
        actor=worker_a,
        case=case,
        organisation=OrganisationFactory(name="Schuldhulp (test)", kind="schuldhulpverlening"),
        rule="Een oude schuld van € 500,01 blokkeert de schuldregeling",
        effect="De hele regeling dreigt te vervallen",
        life_domain="financien",
    )
    page = phone_page
    log_in(page, live_server, worker_a)
    # The refused submission (as the form posts it) offers escalation as the next step.
    page.goto(f"{live_server.url}/casussen/{case.pk}/voorstellen/nieuw/")
    data = post_data(fund=str(fund.pk), amount="500.01", blockers=[str(blocker.pk)])
    page.get_by_label("Schuldhulp (test)").check()
    page.get_by_label("Wat is er nodig, en waarom?").fill(data["solution"])
    page.get_by_label("Categorie").select_option(value="schulden")
    page.get_by_label("Bedrag (EUR)", exact=True).fill("500.01")
    page.get_by_role("button", name="Controleer de tekst voor beoordelaars").click()
    offer = page.locator("#escalate-offer")
    expect(offer).to_be_visible()
    assert_accessible(page)
    offer.get_by_role("link", name="Opschalen naar het volgende niveau").click()

    expect(page.get_by_role("heading", name="Eén niveau opschalen")).to_be_visible()
    expect(page.get_by_label("Wat schaal je op?")).to_have_value(f"b{blocker.pk}")
    assert_accessible(page)
    assert_layout(page)
    page.get_by_label("Wat al geprobeerd is").fill("Minimaatwerkbudget: plafond € 500.")
    page.get_by_role("button", name="Opschalen").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Schrijf de vraag aan dit niveau op.")
    assert not Escalation.objects.exists()
    assert_accessible(page)
    page.get_by_label("Vraag aan dit niveau").fill(
        "Mag de casusoverleg € 500,01 toekennen zodat de schuldregeling blijft staan?"
    )
    page.get_by_role("button", name="Opschalen").click()
    expect(page.get_by_role("heading", name="Escalatie E-", exact=False)).to_be_visible()
    expect(page.locator('[aria-current="step"]')).to_contain_text("Casusoverleg / MDT")
    assert_accessible(page)
    assert_layout(page)
    escalation = Escalation.objects.get()
    assert escalation.level == 2 and escalation.blocker == blocker
    assert page.js_errors == []

    page = desktop_page
    log_in(page, live_server, leader)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=escalation.reference, exact=False).click()
    page.get_by_label("opgelost op dit niveau").check()
    page.get_by_label("Besluit en redenen").fill(
        "Toegekend: de regeling blijft staan, dat voorkomt een nieuwe schuldenspiraal."
    )
    page.get_by_label("Bedrag (EUR)").fill("500,01")
    page.get_by_label("Uit potje").select_option(label=str(fund))
    page.get_by_role("textbox", name="Vervolgactie (optioneel)").fill(
        "Betaling aan de schuldeiser nagaan"
    )
    page.get_by_label("Eigenaar van de actie").select_option(label=str(worker_a))
    due = timezone.localdate() + datetime.timedelta(days=7)
    page.get_by_label("Uiterlijk op").first.fill(due.isoformat())
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.get_by_text("Het besluit is vastgelegd.")).to_be_visible()
    assert_accessible(page)
    escalation.refresh_from_db()
    assert escalation.status == Status.SOLVED and escalation.amount == Decimal("500.01")
    assert FollowUpAction.objects.get().owner == worker_a
    assert page.js_errors == []
