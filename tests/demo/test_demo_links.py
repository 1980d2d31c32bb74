"""The demo tells a consistent story: each request solves the blocker it is about, the README
lists every demo account, and loading the demo does not print e-mails into the terminal."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from doorbraak.cases.models import BlockerStatus, LifeDomain
from doorbraak.demo import data

README = Path(__file__).resolve().parents[2] / "README.md"


def load() -> str:
    out = StringIO()
    call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


#: The hersteloperatie's fund in the demo (demo/recovery.py).
HERSTEL_FUND = "Toeslagenherstelpotje"
#: Its requests (one on the herstelpotje, one on another fund for the order of the inbox).
RECOVERY_SUPPLIER = "Witgoedwinkel Voorbeeldstad (demo)"


@pytest.mark.django_db
def test_each_demo_request_is_linked_to_the_blocker_it_solves():
    from doorbraak.proposals.models import Request

    load()
    # supplier (or amount for the zero-euro exception) → what its blocker must be about
    expected = {
        "Slotenmaker": (LifeDomain.SAFETY, ("sleutel", "cilinder")),
        "Witgoedzaak": (LifeDomain.HEALTH, ("witgoed",)),
        "Woonstichting": (LifeDomain.HOUSING, ("huurtoeslag",)),
        "": (LifeDomain.FINANCES, ("auto",)),
        "Reisbureau": (LifeDomain.HOUSING, ("isolatie",)),  # S6, demo/tables.py
    }
    requests = (
        Request.objects.prefetch_related("blockers")
        .select_related("case")
        # demo/recovery.py: they show the inbox's priority
        .exclude(fund__name=HERSTEL_FUND)
        .exclude(supplier_name=RECOVERY_SUPPLIER)
    )
    assert requests.count() == len(expected)
    for request in requests:
        name = request.supplier_name
        key = next((k for k in expected if k and name.startswith(k)), "")
        domain, words = expected[key]
        blockers = list(request.blockers.all())
        assert len(blockers) == 1, request.reference
        blocker = blockers[0]
        assert blocker.case_id == request.case_id
        assert blocker.life_domain == domain, (request.solution, blocker.rule)
        assert any(w in blocker.rule.lower() for w in words), (request.solution, blocker.rule)
    locksmith = requests.get(supplier_name__startswith="Slotenmaker")
    assert "insuline" not in locksmith.blockers.get().effect.lower()
    assert "insuline" not in locksmith.case.question.lower()


@pytest.mark.django_db
def test_demo_requests_keep_their_blockers_open():
    from doorbraak.proposals.models import Request

    load()
    for request in Request.objects.exclude(status="betaald").exclude(fund__name=HERSTEL_FUND):
        assert {b.status for b in request.blockers.all()} == {BlockerStatus.OPEN}


def test_readme_lists_every_demo_account_with_a_role():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Demo accounts") : text.index("## Where things are")]
    listed = set(re.findall(r"`(demo-[a-z-]+)`", section))
    assert {username for username, *_ in data.USERS} <= listed
    assert "demo-fleur" in listed
    rows = [line for line in section.splitlines() if line.startswith("| `demo-")]
    assert all(line.count("|") == 5 and "|  |" not in line for line in rows)


@pytest.mark.django_db(transaction=True)
def test_load_demo_prints_no_e_mails(settings, capsys):
    # Transactional: the e-mails go out when load_demo's transaction commits. An earlier
    # transactional test may have flushed the shipped catalogues; put them back.
    from doorbraak.costbenefit.services import load_defaults
    from doorbraak.proposals.services import load_starter_catalogues

    load_defaults()
    load_starter_catalogues()
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    output = load()
    printed = capsys.readouterr()
    terminal = output + printed.out + printed.err
    assert "Subject:" not in terminal and "Content-Type:" not in terminal
    sent = re.search(r"(\d+) e-mails", output)
    assert sent and int(sent.group(1)) > 0
