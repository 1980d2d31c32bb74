"""Screenshots of every page as every demo role, at 375 and 1280 px, with the layout check.

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000 [var/screenshots] [role ...]

Needs a running server with the demo data (`make run`) and Debian's Chromium. Writes one PNG per
page, role and width, and prints the layout problems it finds (tests/e2e/layout_check.js).
"""

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from doorbraak.demo.accounts import ROLE_ACCOUNTS

ROOT = Path(__file__).resolve().parents[1]
LAYOUT_CHECK = (ROOT / "tests" / "e2e" / "layout_check.js").read_text()
ROLES = [account.removeprefix("demo-") for account in ROLE_ACCOUNTS]
WIDTHS = (375, 1280)
#: Pages reached from the start page and the menu; for each role, also the first link of
#: these kinds found on its start page.
FOLLOW = re.compile(r"^/(casussen/\d+/|voorstellen/\d+/|stemmen/\d+/|potjes/\d+/|escalaties/\d+/)$")


def _slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.strip("/").lower()) or "start"


def shoot(base: str, out: Path, roles: list[str]) -> int:
    out.mkdir(parents=True, exist_ok=True)
    problems = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for role in roles:
            context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
            page = context.new_page()
            page.goto(f"{base}/inloggen/")
            page.get_by_label("Gebruikersnaam").fill(f"demo-{role}")
            page.get_by_label("Wachtwoord").fill("doorbraak")
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_load_state()
            if "/tweestapsverificatie/controleren/" in page.url:  # demo-beheerder (README)
                import pyotp

                from doorbraak.demo.accounts import TOTP_SECRET

                page.get_by_label("Code uit je app").fill(pyotp.TOTP(TOTP_SECRET).now())
                page.get_by_role("button", name="Bevestigen").click()
            paths = ["/"] + [
                a
                for a in page.eval_on_selector_all(
                    "nav[aria-label] a", "as => as.map(a => a.getAttribute('href'))"
                )
                if a.startswith("/") and not a.startswith("/beheer")
            ]
            page.goto(f"{base}/")
            links = page.eval_on_selector_all("main a", "as => as.map(a => a.getAttribute('href'))")
            seen_kinds = set()
            for link in links:
                match = link and FOLLOW.match(link)
                if match and match.group(1).split("/")[0] not in seen_kinds:
                    seen_kinds.add(match.group(1).split("/")[0])
                    paths.append(link)
            if "/casussen/nieuw/" in paths:
                # A professional also writes requests: the form of the first case.
                paths += [
                    f"{p}voorstellen/nieuw/" for p in paths if re.match(r"^/casussen/\d+/$", p)
                ][:1]
            for path in dict.fromkeys(paths):
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 800})
                    response = page.goto(f"{base}{path}")
                    page.evaluate("document.fonts.ready.then(() => true)")
                    found = page.evaluate(LAYOUT_CHECK)
                    name = f"{role}_{_slug(path)}_{width}.png"
                    page.screenshot(path=str(out / name), full_page=True)
                    status = response.status if response else "?"
                    if found or status >= 400:
                        problems += 1
                        print(f"{role} {path} {width}px HTTP {status}: {found}")
            context.close()
        browser.close()
    print(f"{problems} page(s) with problems; screenshots in {out}")
    return problems


if __name__ == "__main__":
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "var" / "screenshots"
    roles = sys.argv[3:] or ROLES
    sys.exit(1 if shoot(base.rstrip("/"), out, roles) else 0)
