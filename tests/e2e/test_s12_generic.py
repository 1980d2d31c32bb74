"""S12 in the browser (seed 002, "Professionele buikpijn"): UWV reclaimed the advance of people
whose WIA claim was rejected. The beleidsadviseur takes one generic decision for the period
2020-01-01 to 2022-12-31, recoveries up to €11,977 waived: the affected cases are listed from
the blockers in the data (a preview first; a blocker outside the period and another rule stay
out). UWV's belteam works the outreach list on a phone: one household reached, one not reached
after three attempts without an answer, one still to call. Accessibility (axe-core) and the
layout check on every page; each view of the list is in the processing log."""

import datetime

import pytest
from playwright.sync_api import expect

from doorbraak.generic.models import GenericDecision, OutreachAttempt
from doorbraak.learning.models import Rule
from doorbraak.privacy.anonymiser import get_anonymiser
from doorbraak.privacy.models import AuditRecord
from tests.e2e.conftest import assert_accessible, follow_menu, log_in
from tests.generic.conftest import RULE, blocker

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FAMILIES = ["Akkerman", "Baars", "Claassen"]


def test_s12_generic_decision_and_outreach(
    live_server, phone_page, desktop_page, worker_a, worker_b
):
    from doorbraak.accounts.roles import Role
    from tests.factories import OrganisationFactory, UserFactory

    get_anonymiser()  # deduce loads once per process (seconds): not inside a click's timeout
    uwv = OrganisationFactory(name="UWV (test)", kind="uwv")
    Rule.objects.create(organisation=uwv, title=RULE)
    adviser = UserFactory(username="adviseur-s12", role=Role.BELEIDSADVISEUR)
    belteam = UserFactory(username="belteam-s12", role=Role.TAFELLID, organisation=uwv)
    days = [datetime.date(2020, 3, 2), datetime.date(2021, 7, 1), datetime.date(2022, 12, 30)]
    for worker, family, day in zip([worker_a, worker_a, worker_b], FAMILIES, days, strict=True):
        names = {"household_name": f"Huishouden {family}", "family_name": family}
        blocker(worker, uwv, rule=f"{RULE}: ruim 6.000 euro", day=day, **names)
    blocker(worker_b, uwv, day=datetime.date(2023, 2, 1))  # after the period
    blocker(worker_b, uwv, rule="Geen bijstand met terugwerkende kracht")  # another rule

    page = desktop_page
    log_in(page, live_server, adviser)
    follow_menu(page, "Generiek maatwerk")
    page.get_by_role("link", name="Generiek besluit nemen").click()
    assert_accessible(page)
    page.get_by_role("button", name="Besluit nemen").click()
    expect(page.get_by_role("alert")).to_contain_text("Geef de periode van het besluit")
    assert_accessible(page)
    page.get_by_label("Titel").fill("Geen terugvordering van WIA-voorschotten 2020–2022")
    page.get_by_label("Organisatie", exact=True).select_option(label="UWV (test)")
    page.get_by_label("Regel uit de catalogus").select_option(label=f"UWV (test): {RULE}")
    page.get_by_label("Periode van").fill("2020-01-01")
    page.get_by_label("Periode tot en met").fill("2022-12-31")
    page.get_by_label("Maximaal kwijtgescholden bedrag (EUR)").fill("11977")
    page.get_by_label("Onderbouwing").fill(
        "Ontstaan door achterstanden in de sociaal-medische beoordeling; niks doen is geen "
        "alternatief."
    )
    page.get_by_role("button", name="Laat zien hoeveel casussen voldoen").click()
    expect(page.get_by_role("status")).to_contain_text("3 casussen voldoen aan deze criteria")
    assert GenericDecision.objects.count() == 0
    page.get_by_role("button", name="Besluit nemen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("G-")
    expect(page.get_by_text("Huishoudens op de lijst")).to_be_visible()
    expect(page.get_by_text("€ 11.977,00")).to_be_visible()
    html = page.content()
    assert all(family not in html for family in FAMILIES)  # the adviser sees no households
    assert_accessible(page)
    decision = GenericDecision.objects.get()
    assert decision.outreach_rows.count() == 3
    assert page.js_errors == []

    page = phone_page
    log_in(page, live_server, belteam)
    expect(page.get_by_text("3 huishoudens nog te bellen")).to_be_visible()
    page.get_by_role("link", name=f"{decision.reference} ·", exact=False).click()
    expect(page.get_by_role("heading", name="Bellijst")).to_be_visible()
    assert_accessible(page)
    rows = list(decision.outreach_rows.select_related("case__household").order_by("id"))
    assert AuditRecord.objects.filter(activity="bellijst-raadplegen", actor=belteam).exists()

    def attempt(row, outcome):
        page.get_by_role("link", name=f"Poging vastleggen {row.case.reference}").click()
        expect(page.get_by_role("heading", name="Poging vastleggen")).to_be_visible()
        page.get_by_label(outcome, exact=True).check()
        page.get_by_role("button", name="Poging opslaan").click()
        expect(page.get_by_text("Poging vastgelegd.")).to_be_visible()

    page.get_by_role("link", name=f"Poging vastleggen {rows[0].case.reference}").click()
    page.get_by_role("button", name="Poging opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Uitkomst")
    assert_accessible(page)
    page.get_by_label("Korte notitie").fill("Goed nieuws verteld; kon het eerst niet geloven.")
    page.get_by_label("bereikt", exact=True).check()
    page.get_by_role("button", name="Poging opslaan").click()
    for _ in range(3):
        attempt(rows[1], "geen gehoor")
    assert_accessible(page)

    statuses = dict(decision.outreach_rows.values_list("case__household__name", "status"))
    assert statuses == {
        "Huishouden Akkerman": "bereikt",
        "Huishouden Baars": "niet-bereikt",
        "Huishouden Claassen": "te-bellen",
    }
    assert OutreachAttempt.objects.count() == 4
    expect(
        page.get_by_role("link", name=f"Poging vastleggen {rows[1].case.reference}")
    ).to_have_count(0)
    page.get_by_role("link", name="niet bereikt").click()
    expect(page.get_by_text("Huishouden Baars")).to_be_visible()
    expect(page.get_by_text("Huishouden Claassen")).to_have_count(0)
    assert page.js_errors == []
