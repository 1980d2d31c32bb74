"""S14 in the browser (seed 002, LET): a model integration student overran the inburgering
term and fell deep into debt. The item is at the LET level (team → Doorbraaktafel → LET);
the professional submits it through the Maatwerkloket on a phone, checking the anonymised
text first; the regievoerder triages it and records the LET decision at a desk; three months
later the follow-up check is due on the regievoerder's start page and is recorded. Layout
check at 375 px and axe-core at both widths on every page of the flow."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doorbraak.escalation.models import ActionKind, FollowUpAction
from doorbraak.let import rules
from doorbraak.let.models import LetSubmission
from tests.e2e.conftest import assert_accessible, assert_layout, log_in
from tests.let.conftest import SUMMARY, duo, duo_blocker, regie, student_case, to_let

#: The LET tests' fixtures, used here too.
__all__ = ["duo", "duo_blocker", "regie", "student_case"]

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def check(page, *, layout=True):
    assert_accessible(page)
    if layout:
        assert_layout(page)


def test_s14_submitted_triaged_decided_and_checked(
    live_server, phone_page, desktop_page, worker_a, student_case, duo_blocker, duo, regie
):
    from doorbraak.accounts.roles import Role
    from tests.factories import UserFactory

    leader = UserFactory(username="leider-s14", role=Role.TEAMLEIDER, team=worker_a.team)
    at_let = to_let(worker_a, leader, student_case, duo_blocker)

    page = phone_page
    log_in(page, live_server, worker_a)
    page.goto(f"{live_server.url}/escalaties/{at_let.pk}/")
    page.get_by_role("link", name="Voorleggen aan het LET via het Maatwerkloket").click()
    expect(page.get_by_role("heading", name="Voorleggen aan het LET")).to_be_visible()
    expect(page.get_by_label("DUO (test)")).to_be_checked()
    check(page)
    page.get_by_role("button", name="Voorleggen aan het Maatwerkloket").click()
    expect(page.get_by_role("alert")).to_contain_text("Schrijf kort op wat er speelt.")
    check(page)
    page.get_by_label("Samenvatting van de situatie").fill(SUMMARY)
    page.get_by_label("Vraag aan het LET").fill("Kan DUO afzien van de terugvordering?")
    page.get_by_role("button", name="Geanonimiseerde tekst bekijken").click()
    preview = page.get_by_role("status")
    expect(preview).to_contain_text("inburgeringstermijn")
    assert "Jansen" not in preview.inner_text()
    check(page)
    page.get_by_role("button", name="Voorleggen aan het Maatwerkloket").click()
    expect(page.get_by_role("heading", name="LET-voorlegging LET-", exact=False)).to_be_visible()
    check(page)
    submission = LetSubmission.objects.get()
    assert page.js_errors == []

    page = desktop_page
    log_in(page, live_server, regie)
    page.get_by_role("link", name=f"Nieuwe voorlegging {submission.reference}").click()
    check(page, layout=False)
    page.get_by_label("aangenomen voor het LET").check()
    page.get_by_role("button", name="Beoordeling opslaan").click()
    expect(page.get_by_role("heading", name="LET-besluit vastleggen")).to_be_visible()
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Kies de grondslag van de uitzondering.")
    check(page, layout=False)
    page.get_by_label("Organisatie die de uitzondering maakt").select_option(label="DUO (test)")
    page.get_by_label("Uitzondering", exact=True).fill("DUO ziet af van de terugvordering")
    page.get_by_label("hardheidsclausule").check()
    page.get_by_label("Onderbouwing").fill(
        "Voorbeeldig ingeburgerd; de termijn werd per ongeluk overschreden."
    )
    page.get_by_role("button", name="Besluit opslaan").click()
    expect(page.get_by_role("heading", name="LET-besluit", exact=True)).to_be_visible()
    check(page, layout=False)
    page.get_by_role("button", name="Pdf maken (geanonimiseerd)").click()
    expect(page.get_by_role("link", name=f"{submission.reference}.pdf downloaden")).to_be_visible()
    check(page, layout=False)
    submission.refresh_from_db()
    assert submission.status == rules.DECIDED
    assert submission.check_on == rules.default_check_date(timezone.localdate())

    # Three months later (synthetic time): the check is due on the regievoerder's phone.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    LetSubmission.objects.update(check_on=yesterday)
    FollowUpAction.objects.filter(kind=ActionKind.LET_CHECK).update(due_date=yesterday)
    page = phone_page
    page.context.clear_cookies()  # the professional logs out; the regievoerder's phone
    log_in(page, live_server, regie)
    card = page.get_by_role("link", name=f"Nacontrole {submission.reference}")
    expect(card).to_be_visible()
    check(page)
    card.click()
    page.get_by_label("Ja").check()
    page.get_by_label("Hoe het afliep").fill("De lening is kwijtgescholden; de studie loopt.")
    page.get_by_role("button", name="Nacontrole opslaan").click()
    expect(page.get_by_text("Uitgevoerd zoals afgesproken")).to_be_visible()
    check(page)
    page.goto(f"{live_server.url}/let/")
    expect(page.get_by_role("cell", name="1 van 1 nagekeken")).to_be_visible()
    check(page)
    assert LetSubmission.objects.get().status == rules.CHECKED
    assert page.js_errors == []
