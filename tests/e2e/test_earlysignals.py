"""Vroegsignalering in the browser (issue 18, seed 002 Geldzorgen): the team leader imports a
broken file (nothing imported, each bad line named), then the corrected file; a buurtteam
worker sees the overdue signal on the start page, approaches the household by phone, reaches
it and makes a case with one click. axe-core and the layout check at 375 and 1280 px."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from doorbraak.accounts.models import Neighbourhood, Organisation
from doorbraak.accounts.roles import Role
from doorbraak.earlysignals.models import Signal
from tests.e2e.conftest import assert_accessible, follow_menu, log_in
from tests.earlysignals.conftest import GOOD, HEADER
from tests.factories import TeamFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _file(tmp_path, name, *lines):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return str(path)


def test_import_broken_then_good_and_work_a_signal(live_server, phone_page, desktop_page, tmp_path):
    town = Organisation.objects.create(name="Gemeente Enschede (test)", kind="gemeente")
    team = TeamFactory(
        name="Buurtteam Centrum",
        neighbourhood=Neighbourhood.objects.create(municipality=town, name="Centrum"),
    )
    leader = UserFactory(username="leider-e2e", role=Role.TEAMLEIDER, team=team)
    worker = UserFactory(username="werker-e2e", role=Role.BUURTTEAMMEDEWERKER, team=team)

    broken = _file(
        tmp_path,
        "kapot.csv",
        GOOD[0],
        GOOD[1].replace("250.00", "1,234"),
        GOOD[2].replace("2026-10-01", "31-02-2026"),
    )
    good = _file(tmp_path, "goed.csv", *GOOD)

    for page in (desktop_page, phone_page):
        Signal.objects.all().delete()
        log_in(page, live_server, leader)
        page.goto(f"{live_server.url}/vroegsignalen/")
        assert_accessible(page)  # empty
        page.get_by_role("link", name="Signalen importeren").click()
        assert_accessible(page)
        page.get_by_label("CSV-bestand van de signaalpartner").set_input_files(broken)
        page.get_by_role("button", name="Controleren en importeren").click()
        expect(page.get_by_role("alert")).to_contain_text("Niet geïmporteerd")
        expect(page.get_by_text("Regel 3 (bedrag)")).to_be_visible()
        expect(page.get_by_text("Regel 4 (datum_achterstand)")).to_be_visible()
        assert_accessible(page)  # errors
        assert not Signal.objects.exists()
        page.get_by_label("CSV-bestand van de signaalpartner").set_input_files(good)
        page.get_by_role("button", name="Controleren en importeren").click()
        expect(page.get_by_text("3 nieuwe signalen")).to_be_visible()
        assert_accessible(page)  # filled
        assert Signal.objects.count() == 3

    Signal.objects.filter(creditor="Energie Oost (test)").update(
        received_on=timezone.localdate() - datetime.timedelta(days=30)
    )
    page = phone_page
    page.context.clear_cookies()  # the team leader's session from the import above
    log_in(page, live_server, worker)
    page.goto(f"{live_server.url}/")
    expect(page.get_by_text("1 signaal over de termijn zonder contactpoging")).to_be_visible()
    follow_menu(page, "Vroegsignalen")
    page.get_by_role("link", name="Bram Visser").click()
    assert_accessible(page)
    page.get_by_role("button", name="Stap opslaan").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Volgende stap").select_option("benaderd")
    page.get_by_label("Hoe (bij een contactpoging)").select_option("telefoon")
    page.get_by_role("button", name="Stap opslaan").click()
    expect(page.get_by_text("Stap opgeslagen.")).to_be_visible()
    page.get_by_label("Volgende stap").select_option("bereikt")
    page.get_by_role("button", name="Stap opslaan").click()
    page.get_by_role("button", name="Maak een casus van dit huishouden").click()
    expect(page.get_by_text("Casus geopend vanuit signaal")).to_be_visible()
    assert Signal.objects.get(creditor="Energie Oost (test)").case_id is not None
