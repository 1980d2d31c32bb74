"""Data-subject rights in the browser: the functional administrator finds a person by BSN (an
invalid BSN refused next to the field), opens the person's page, is refused a restriction
without a reason, and proposes a destruction on the retention page. Accessibility (axe-core)
and the layout check on every page, at phone and desktop width. With SHOTS=<dir> it saves a
screenshot of each."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, follow_menu, log_in
from tests.subjectrights.conftest import ANNA, beheerder, jansens, years_ago  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _shot(page, name):
    if os.environ.get("SHOTS"):
        out = Path(os.environ["SHOTS"])
        out.mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("which", ["phone_page", "desktop_page"])
def test_rights_pages(request, live_server, which, beheerder, jansens, worker_a):  # noqa: F811
    from doorbraak.cases import services as case_services

    case_services.case_close(
        actor=worker_a, case=jansens["a"], reason="Afgerond", when=years_ago(11)
    )
    page = request.getfixturevalue(which)
    log_in(page, live_server, beheerder)
    follow_menu(page, "Rechten betrokkenen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rechten van betrokkenen")
    assert_accessible(page)
    _shot(page, "rechten-leeg")

    page.get_by_label("BSN van de persoon").fill("123456780")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("alert")).to_contain_text("11-proef")
    assert_accessible(page)
    _shot(page, "rechten-fout")

    page.get_by_label("BSN van de persoon").fill(ANNA)
    page.get_by_role("button", name="Zoeken").click()
    assert_accessible(page)
    _shot(page, "rechten-gevonden")
    page.get_by_role("link", name="Anna Jansen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna Jansen")
    assert_accessible(page)
    _shot(page, "persoon")

    page.get_by_role("button", name="Verwerking beperken").click()
    expect(page.get_by_role("alert")).to_contain_text("Geef een korte toelichting")
    assert_accessible(page)
    _shot(page, "persoon-fout")

    page.get_by_role("link", name="Rechten van betrokkenen").click()
    page.get_by_role("link", name="Bewaartermijnen en vernietiging").click()
    assert_accessible(page)
    _shot(page, "bewaartermijnen")
    page.get_by_role("button", name="Vernietiging voorstellen").first.click()
    expect(
        page.get_by_text("Een andere functioneel beheerder moet dit bevestigen.")
    ).to_be_visible()
    assert_accessible(page)
    _shot(page, "bewaartermijnen-voorgesteld")
