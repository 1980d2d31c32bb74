"""S6 (seed 004, Utrecht) in the browser, at 375 px and at 1280 px: a man (65+) with severe
rheumatism lives in a cold, draughty house; the corporation keeps postponing the renovation;
family in a warm country offers him a stay of some months, but he cannot pay the ticket. The
key worker escalates the € 250 flight ticket to the casusoverleg and records the man's consent
to share his identity with the Doorbraaktafel (an open-ended consent is refused first); the
team leader escalates it to the Doorbraaktafel; the corporation's contact person plans a
meeting (a date in the past is refused first), puts the item on the agenda, sees the man's
name under the consent, and records the table's decision (without reasons it is refused
first): € 250 from the fund, argued on the value triangle, the son answering housing offers in
his father's name, and a follow-up date. The key worker finds the follow-up under "Mijn
acties". Every page passes the layout check and axe-core (WCAG 2.1 AA).

With E2E_SCREENSHOTS=<folder> the table pages are saved there (empty, with a validation
error, filled) at both widths."""

import datetime
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doorbraak.accounts.roles import Role
from doorbraak.cases import services as case_services
from doorbraak.escalation.models import Escalation, EscalationRoute, FollowUpAction, Status
from doorbraak.funds.models import Fund, Reservation
from doorbraak.proposals.models import RequestStatus
from doorbraak.tables.models import AgendaItem, Consent, Table, TableMember
from tests.e2e.conftest import assert_accessible, log_in
from tests.factories import CaseFactory, OrganisationFactory, UserFactory
from tests.funds.conftest import make_fund
from tests.tables.conftest import waiting_request

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ["E2E_SCREENSHOTS"]) if os.environ.get("E2E_SCREENSHOTS") else None
NAME = "Zonneveld"


def shot(page, width, name):
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"s6_{width}_{name}.png"), full_page=True)


def switch_to(page, live_server, user):
    page.context.clear_cookies()
    log_in(page, live_server, user)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def s6_world(team_a, worker_a):
    """The man's case, the blocker at the corporation, the € 250 request waiting on the
    fund, the Doorbraaktafel with the corporation's contact person (synthetic)."""
    today = timezone.localdate()
    leader = UserFactory(username="leider-s6", role=Role.TEAMLEIDER, team=team_a)
    corporation = OrganisationFactory(name="Woningcorporatie Zuid (test)", kind="woningcorporatie")
    contact = UserFactory(username="tafel-s6", role=Role.TAFELLID, organisation=corporation)
    fund = make_fund(team_a, name="Voorkom Erger Potje (test)")
    Fund.objects.filter(pk=fund.pk).update(
        period_start=today - datetime.timedelta(days=30),
        period_end=today + datetime.timedelta(days=365),
    )
    case = CaseFactory(
        actor=worker_a,
        household_name=f"Huishouden {NAME}",
        given_name="Gerrit",
        family_name=NAME,
        birth_year=today.year - 71,
    )
    case_services.blocker_add(
        actor=worker_a,
        case=case,
        organisation=corporation,
        rule="De renovatie van de woning wordt steeds vooruitgeschoven.",
        effect="Meneer (65+) heeft ernstige reuma en zit de winter in een koud, tochtig huis.",
        life_domain="wonen",
    )
    request = waiting_request(case, worker_a, fund=fund, amount="250.00")
    route = EscalationRoute.objects.get(municipality__isnull=True)
    table = Table.objects.create(
        name="Doorbraaktafel Zuid (test)", kind="doorbraaktafel", route=route, level=3
    )
    TableMember.objects.create(table=table, user=contact, organisation=corporation)
    return leader, contact, fund, case, request, table


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_s6_flight_ticket_decided_at_the_doorbraaktafel(
    live_server, request, width, worker_a, team_a
):
    page = request.getfixturevalue(f"{width}_page")
    leader, contact, fund, case, ticket, table = s6_world(team_a, worker_a)
    today = timezone.localdate()

    # The key worker escalates the request to the casusoverleg.
    log_in(page, live_server, worker_a)
    page.goto(f"{live_server.url}/casussen/{case.pk}/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/escalaties/casus/{case.pk}/nieuw/?verzoek={ticket.pk}")
    page.get_by_label("Vraag aan dit niveau").fill(
        "Kan het casusoverleg een vliegticket van € 250 betalen? Het past in geen regeling."
    )
    page.get_by_label("Wat al geprobeerd is").fill(
        "Bijzondere bijstand gevraagd: reiskosten vallen erbuiten."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Opschalen").click()
    expect(page.get_by_role("heading", name="Escalatie E-", exact=False)).to_be_visible()
    assert_accessible(page)

    # ... and records the man's consent to share his identity with the Doorbraaktafel.
    page.goto(f"{live_server.url}/casussen/{case.pk}/")
    page.get_by_role("link", name="Toestemming om met een tafel te delen").click()
    expect(page.get_by_text("Geen toestemming vastgelegd.")).to_be_visible()
    assert_accessible(page)
    shot(page, width, "consent-empty")
    page.get_by_label("Gegeven door").select_option(label=f"Gerrit {NAME}")
    page.get_by_label("Gedeeld met").select_option(label=str(table))
    page.get_by_label("identiteit (namen van het huishouden)").check()
    page.get_by_role("button", name="Toestemming vastleggen").click()
    expect(page.get_by_role("alert")).to_contain_text("zonder einddatum")
    assert not Consent.objects.exists()
    assert_accessible(page)
    shot(page, width, "consent-error")
    until = today + datetime.timedelta(days=90)
    page.get_by_label("Tot en met").fill(until.isoformat())
    page.get_by_role("button", name="Toestemming vastleggen").click()
    expect(page.get_by_text("De toestemming is vastgelegd.")).to_be_visible()
    assert_accessible(page)
    shot(page, width, "consent-filled")

    # The team leader escalates it to the Doorbraaktafel.
    switch_to(page, live_server, leader)
    first = Escalation.objects.get()
    page.goto(f"{live_server.url}/escalaties/{first.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Verder opschalen").click()
    expect(page.get_by_label("Naar niveau")).to_have_value("3")
    page.get_by_label("Vraag aan dit niveau").fill(
        "Kan de Doorbraaktafel het ticket van € 250 uit een potje betalen?"
    )
    page.get_by_label("Wat al geprobeerd is").fill(
        "Besproken in het casusoverleg: geen regeling past, de corporatie kan niet eerder "
        "renoveren."
    )
    page.get_by_role("button", name="Opschalen").click()
    expect(page.get_by_role("heading", name="Escalatie E-", exact=False)).to_be_visible()
    assert_accessible(page)
    at_table = Escalation.objects.get(status=Status.OPEN)
    assert at_table.level == 3

    # The corporation's contact person plans a meeting of the table.
    switch_to(page, live_server, contact)
    page.goto(f"{live_server.url}/tafels/")
    expect(page.get_by_text("Geen overleg gepland.")).to_be_visible()
    assert_accessible(page)
    shot(page, width, "tables-empty")
    expect(page.get_by_label("Tafel", exact=True)).to_have_value(str(table.pk))
    page.get_by_label("Datum van het overleg").fill(
        (today - datetime.timedelta(days=1)).isoformat()
    )
    page.get_by_role("button", name="Overleg plannen").click()
    expect(page.get_by_role("alert")).to_contain_text("verleden")
    assert_accessible(page)
    shot(page, width, "tables-error")
    meeting_date = today + datetime.timedelta(days=7)
    page.get_by_label("Datum van het overleg").fill(meeting_date.isoformat())
    page.get_by_role("button", name="Overleg plannen").click()
    expect(page.get_by_text("Het overleg is gepland.")).to_be_visible()
    expect(page.get_by_text("De agenda is leeg.", exact=False)).to_be_visible()
    assert_accessible(page)
    shot(page, width, "meeting-empty")
    page.get_by_role("button", name="Aan de agenda toevoegen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)
    shot(page, width, "meeting-error")
    page.get_by_label("Opgeschaald punt").select_option(index=1)
    page.get_by_role("button", name="Aan de agenda toevoegen").click()
    expect(page.get_by_text("Het punt staat op de agenda.")).to_be_visible()
    expect(page.get_by_text("met toestemming")).to_be_visible()
    assert_accessible(page)
    shot(page, width, "meeting-filled")
    item = AgendaItem.objects.get()

    # Under the consent the table sees the man's name; it records its decision.
    page.get_by_role("link", name=f"1. Huishouden {NAME}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Huishouden {NAME}")
    assert_accessible(page)
    shot(page, width, "item-empty")
    page.get_by_label("opgelost op dit niveau").check()
    page.get_by_role("textbox", name="Besluit van de tafel").fill(
        "De tafel betaalt het vliegticket."
    )
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("legitimiteit")
    item.refresh_from_db()
    assert not item.is_decided
    assert_accessible(page)
    shot(page, width, "item-error")
    page.get_by_role("textbox", name="Besluit van de tafel").fill(
        "De tafel betaalt het vliegticket van € 250 uit het Voorkom Erger Potje: meneer "
        "overwintert bij zijn familie in het buitenland."
    )
    page.get_by_label("Legitimiteit").fill(
        "Noodzakelijke kosten door bijzondere omstandigheden; huisarts en reumatoloog "
        "raden een warmere, droge omgeving dringend aan."
    )
    page.get_by_label("Betrokkenheid").fill(
        "De familie vangt meneer gratis op; zijn zoon reageert met een machtiging namens "
        "hem op woningaanbod."
    )
    page.get_by_label("Rendement").fill(
        "Voorkomt verergering van de reuma, extra zorg thuis en een mogelijke opname."
    )
    page.get_by_label("Bedrag (EUR)").fill("250,00")
    page.get_by_label("Uit potje").select_option(label=str(fund))
    follow_up = today + datetime.timedelta(days=90)
    page.get_by_label("Toezegging 1: wat doet de organisatie").fill(
        "Na terugkeer: hoe gaat het met meneer, en is er een geschikte woning?"
    )
    page.get_by_label("Toezegging 1: eigenaar").select_option(label=str(worker_a))
    page.get_by_label("Toezegging 1: uiterste datum").fill(follow_up.isoformat())
    page.get_by_label("Toezegging 2: wat doet de organisatie").fill(
        "Woningaanbod van de zoon (met machtiging) met voorrang bekijken."
    )
    page.get_by_label("Toezegging 2: eigenaar").select_option(label=str(contact))
    page.get_by_label("Toezegging 2: uiterste datum").fill(
        (today + datetime.timedelta(days=60)).isoformat()
    )
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.get_by_text("Het besluit van de tafel is vastgelegd.")).to_be_visible()
    assert_accessible(page)
    shot(page, width, "item-filled")
    page.goto(f"{live_server.url}/tafels/")
    assert_accessible(page)
    shot(page, width, "tables-filled")

    item.refresh_from_db()
    ticket.refresh_from_db()
    at_table.refresh_from_db()
    assert item.is_decided and item.amount == Decimal("250.00") and item.fund == fund
    assert ticket.status == RequestStatus.APPROVED and ticket.fund == fund
    assert Reservation.objects.get().amount_cents == 25000
    assert at_table.status == Status.SOLVED
    actions = FollowUpAction.objects.filter(escalation=at_table).order_by("due_date")
    assert [(a.owner, a.due_date) for a in actions] == [
        (contact, today + datetime.timedelta(days=60)),
        (worker_a, follow_up),
    ]

    # The key worker sees the follow-up date among their actions.
    switch_to(page, live_server, worker_a)
    page.goto(f"{live_server.url}/acties/")
    expect(page.get_by_text("is er een geschikte woning", exact=False)).to_be_visible()
    assert_accessible(page)
    assert page.js_errors == []
