"""The budget check in the browser on a phone: a professional starts a check for a case from
the menu (Geld › Budgetcheck), makes the mistakes the issue names (a negative income, an
ambiguous "1,234", a plan over 36 months) and sees the Dutch message beside the field and
in the summary, then enters Dutch amounts, proposes a payment plan with the priority debts
first and opens its page; axe finds nothing on any of them."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, follow_menu, log_in
from tests.factories import CaseFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_budget_check_and_plan(live_server, phone_page, worker_a):
    page = phone_page
    case = CaseFactory(actor=worker_a)
    log_in(page, live_server, worker_a)
    follow_menu(page, "Budgetcheck")
    expect(page.get_by_role("heading", name="Budgetcheck", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Casus").select_option(str(case.pk))
    page.get_by_label("Alleenstaande ouder").check()
    page.get_by_role("button", name="Budgetcheck starten").click()
    expect(page.get_by_text("Budgetcheck gestart.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Netto bedrag per maand (EUR)").fill("-100")
    page.get_by_role("button", name="Inkomen toevoegen").click()
    expect(page.locator("#error-summary")).to_contain_text("Het bedrag mag niet negatief zijn.")
    expect(page.locator("#id_inkomen-amount-error")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Netto bedrag per maand (EUR)").fill("1,234")
    page.get_by_role("button", name="Inkomen toevoegen").click()
    expect(page.locator("#error-summary")).to_contain_text("dubbelzinnig")
    page.get_by_label("Netto bedrag per maand (EUR)").fill("1.850,00")
    page.get_by_role("button", name="Inkomen toevoegen").click()
    expect(page.get_by_text("Inkomen toegevoegd.")).to_be_visible()

    page.get_by_text("Schuld toevoegen", exact=True).click()
    page.get_by_label("Schuldeiser").fill("Woningcorporatie (test)")
    page.get_by_label("Soort schuld").select_option("huur")
    page.get_by_label("Schuldbedrag (EUR)").fill("1.200,00")
    page.get_by_role("button", name="Schuld opslaan").click()
    expect(page.get_by_text("Schuld toegevoegd.")).to_be_visible()
    page.get_by_text("Schuld toevoegen", exact=True).click()
    page.get_by_label("Schuldeiser").fill("Webwinkel (test)")
    page.get_by_label("Soort schuld").select_option("overig")
    page.get_by_label("Schuldbedrag (EUR)").fill("400.00")
    page.get_by_role("button", name="Schuld opslaan").click()

    page.get_by_label("Aantal maanden").fill("48")
    page.get_by_role("button", name="Betalingsregeling voorstellen").click()
    expect(page.locator("#error-summary")).to_contain_text("hoogstens 36 maanden")
    assert_accessible(page)
    page.get_by_label("Aantal maanden").fill("36")
    page.get_by_label("Voorrangsschulden eerst").check()
    page.get_by_role("button", name="Betalingsregeling voorstellen").click()
    expect(page.get_by_role("heading", name="Betalingsregeling", level=1)).to_contain_text("BR-")
    expect(page.get_by_role("link", name="Brief aan Woningcorporatie (test) (pdf)")).to_be_visible()
    assert_accessible(page)
    assert page.js_errors == []
