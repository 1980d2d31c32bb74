"""S4 (Utrecht): a locksmith for a woman who left her keys in the door, approved within
minutes on a phone: open the notification, read the anonymised text, tap yes."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect
from stdnum import iban

from doorbraak.proposals import lifecycle
from doorbraak.proposals import services as proposals
from doorbraak.proposals.models import Category, LegalGround, Request
from tests.e2e.conftest import assert_accessible
from tests.factories import PASSWORD, CaseFactory, UserFactory
from tests.funds.conftest import make_fund

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LOCKSMITH_IBAN = "NL" + iban.calc_check_digits("NL00DEMO0000000125") + "DEMO0000000125"


def test_s4_from_notification_to_decided_in_two_taps(live_server, phone_page, worker_a, team_a):
    fund = make_fund(team_a, name="Minimaatwerkbudget", ceiling_per_request=Decimal("500"))
    colleagues = [UserFactory(username=f"collega-{i}", team=team_a) for i in range(3)]
    case = CaseFactory(actor=worker_a, given_name="Fenna", family_name="Zwaluwstaart")
    request = proposals.request_submit(
        actor=worker_a,
        case=case,
        fund=fund,
        category=Category.objects.get(key="veiligheid"),
        legal_ground=LegalGround.objects.get(title="Hardheidsclausule"),
        solution="Slotenmaker voor mevrouw Zwaluwstaart: door de stress liet ze haar sleutels "
        "in de voordeur zitten en voelt zich niet meer veilig. Bel haar op 06-12345678.",
        amount=Decimal("125.00"),
        supplier_name="Slotenmaker Sleutelbos (demo)",
        supplier_iban=LOCKSMITH_IBAN,
        prior_provisions=["geen"],
        recurrence_prevention="Mevrouw krijgt hulp bij de stress via de huisarts.",
        legitimacy="Bijzondere bijstand duurt te lang.",
        involvement="Mevrouw maakt de afspraak.",
        societal_return="Voorkomt dat mevrouw uit angst vertrekt.",
    )
    for colleague in colleagues[:2]:
        lifecycle.vote_cast(actor=colleague, request=request, choice="ja")

    page = phone_page
    page.goto(f"{live_server.url}/stemmen/")
    page.get_by_label("Gebruikersnaam").fill(colleagues[2].username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Je stem wordt gevraagd")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=request.reference, exact=False).click()  # tap 1
    expect(page.get_by_text("Slotenmaker voor [PERSOON]")).to_be_visible()
    body = page.locator("main").inner_text()
    assert "Zwaluwstaart" not in body and "Fenna" not in body and "06-12345678" not in body
    assert "€ 125" in body and "Slotenmaker Sleutelbos (demo)" in body
    assert_accessible(page)
    page.get_by_role("button", name="Ja", exact=True).click()  # tap 2

    expect(page.get_by_text("het voorstel is goedgekeurd")).to_be_visible()
    assert Request.objects.get(pk=request.pk).status == "goedgekeurd"
    assert_accessible(page)
    assert page.js_errors == []
