"""Browser tests: Playwright (Python) driving Debian's Chromium, never a downloaded browser.
Without /usr/bin/chromium they skip, unless REQUIRE_BROWSER=1 (CI), where they fail."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("DOORBRAAK_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
LAYOUT_CHECK = (Path(__file__).with_name("layout_check.js")).read_text()
DESKTOP = {"width": 1280, "height": 800}
# Runs the layout check in the page after every load and every htmx swap, and reports what it
# finds to the test through an exposed binding.
_LAYOUT_HOOK = (
    "(() => {\n  const check = "
    + LAYOUT_CHECK
    + """;
  const report = () => document.fonts.ready.then(
    () => window.__reportLayout(location.pathname, check())
  );
  window.addEventListener("load", () => setTimeout(report, 0));
  document.addEventListener("htmx:afterSettle", () => setTimeout(report, 0));
})();
"""
)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 375, "height": 812}

# Playwright's sync API runs an event loop in this thread; Django's test database access
# from the same thread is still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but there is no Chromium at {CHROMIUM}.")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _catalogues(request):
    """Browser tests flush the database after each test, also the rows that data migrations
    made; put the shipped catalogues back before each one."""
    if "live_server" not in request.fixturenames:
        return
    request.getfixturevalue("transactional_db")
    from doorbraak.budget import starter as budget_starter
    from doorbraak.budget.models import BijstandsNorm
    from doorbraak.costbenefit.services import load_defaults
    from doorbraak.escalation import starter
    from doorbraak.escalation.models import EscalationLevel, EscalationRoute, RouteVersion
    from doorbraak.proposals.services import load_starter_catalogues

    load_defaults()
    load_starter_catalogues()
    starter.load(EscalationRoute, EscalationLevel, RouteVersion)
    budget_starter.load(BijstandsNorm)


def _page(browser, viewport):
    # bypass_csp only so axe-core and the layout check can run; the app's CSP stays strict.
    context = browser.new_context(viewport=viewport, bypass_csp=True, locale="nl-NL")
    problems = []
    context.expose_binding(
        "__reportLayout",
        lambda source, path, found: problems.extend(f"{path}: {p}" for p in found),
    )
    context.add_init_script(_LAYOUT_HOOK)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    page.layout_problems = problems
    return context, page


@pytest.fixture
def phone_page(browser):
    """A phone-sized page. Every page it loads passes the layout check (layout_check.js):
    no label or heading narrower than its longest word, no sideways scroll, no runaway
    height. The test fails at the end when one did not."""
    context, page = _page(browser, PHONE)
    yield page
    problems = list(page.layout_problems)
    context.close()
    assert problems == [], "layout check:\n" + "\n".join(problems)


@pytest.fixture
def desktop_page(browser):
    context, page = _page(browser, DESKTOP)
    yield page
    problems = list(page.layout_problems)
    context.close()
    assert problems == [], "layout check:\n" + "\n".join(problems)


def log_in(page, live_server, user, password=None, totp_secret=None):
    from tests.factories import PASSWORD

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(password or PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, totp_secret)


def pass_second_factor(page, secret=None) -> None:
    """After the password, a person with an authenticator app enters its code (issue 16,
    item 5): by default the demo's published synthetic secret (demo/accounts.py)."""
    import pyotp

    from doorbraak.demo.accounts import TOTP_SECRET

    page.wait_for_load_state()
    if "/tweestapsverificatie/controleren/" not in page.url:
        return
    page.get_by_label("Code uit je app").fill(pyotp.TOTP(secret or TOTP_SECRET).now())
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()


def follow_menu(page, name: str) -> None:
    """Follow a main-menu link, unfolding its group (Samenwerken, Geld, Leren, Meer) first
    when it sits in one, as a person would."""
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    link = nav.get_by_role("link", name=name, exact=True)
    if not link.is_visible():
        # A folded link is hidden, so found by its text, not its role.
        nav.locator(f'details:has(a:text-is("{name}")) > summary').click()
    link.click()


def assert_layout(page) -> None:
    """Check the current page now (also after client-side changes without a load)."""
    found = page.evaluate(LAYOUT_CHECK)
    assert found == [], f"{page.url}: {found}"


def axe_violations(page) -> list[dict]:
    """WCAG 2.1 A/AA violations axe-core finds on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{page.url}: {violations}"
    assert_layout(page)


def s9_three_blockers(live_server, page, prefix: str, *, check=None):
    """S9's start, shared by the pattern and the werktafel tests: three workers in three teams
    each record the spookbewoning blocker on a case of their own (through the blocker form).
    Returns the beleidsadviseur who will see the pattern and the three cases. `check` runs on
    each filled form."""
    from playwright.sync_api import expect

    from doorbraak.accounts.roles import Role
    from doorbraak.learning.models import Rule
    from doorbraak.privacy.anonymiser import get_anonymiser
    from tests.factories import CaseFactory, OrganisationFactory, TeamFactory, UserFactory
    from tests.learning.conftest import SPOOK

    get_anonymiser()  # deduce loads once per process (seconds): not inside a click's timeout
    toeslagen = OrganisationFactory(
        name="Dienst Toeslagen (test)", kind="belastingdienst-toeslagen"
    )
    Rule.objects.create(organisation=toeslagen, title=SPOOK[0][0])
    workers = [
        UserFactory(
            username=f"{prefix}-werker-{i}", team=TeamFactory(name=f"Buurtteam {prefix}-{i}")
        )
        for i in range(3)
    ]
    cases = [
        CaseFactory(actor=w, household_name=f"Huishouden Khan{i}", family_name=f"Khan{i}")
        for i, w in enumerate(workers)
    ]
    adviser = UserFactory(username=f"{prefix}-adviseur", role=Role.BELEIDSADVISEUR)
    for worker, case, (rule, effect) in zip(workers, cases, SPOOK, strict=False):
        page.context.clear_cookies()
        log_in(page, live_server, worker)
        page.goto(f"{live_server.url}/casussen/{case.pk}/knelpunten/")
        page.get_by_label("Organisatie").select_option(label="Dienst Toeslagen (test)")
        page.get_by_label("Regel").fill(rule)
        page.get_by_label("Gevolg voor het huishouden").fill(effect)
        page.get_by_label("Leefgebied").select_option("financien")
        if check is not None:
            check(page)
        page.get_by_role("button", name="Knelpunt opslaan").click()
        expect(page.locator("#blockers")).to_contain_text(rule[:30])
    return adviser, cases
