"""Every demo role lands on a start page with its own work, a fixed number of queries, and
only the links it may use."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doorbraak.accounts.models import User
from doorbraak.demo.accounts import ROLE_ACCOUNTS
from doorbraak.home import menu
from doorbraak.home.queries import person_of

pytestmark = pytest.mark.django_db

ROLES = [account.removeprefix("demo-") for account in ROLE_ACCOUNTS]
#: Queries for the start page per role, whatever the amount of data (session, user, menu badge
#: and the role's own sections). A new section must be added here on purpose: +3 for the
#: follow-up actions (count, then the list when there are any) and escalations to decide.
#: +1 for everyone: the next meeting of the tables one sits at; +5 at a table with a meeting
#: (its items, their household members, the cases one sees, the consents, the keep terms).
#: Short lists come with their totals in one query (a window count), and the start page
#: hands the unread total to the menu badge: 26 before, 22 now. +3 for a caseworker's open
#: VerhuisboxPlus trajectories (the list, their household members, the processing log).
MAX_QUERIES = 25


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", "--force", stdout=StringIO())


def test_every_demo_role_lands_on_its_own_work(client, demo):
    for role in ROLES:
        user = User.objects.get(username=f"demo-{role}")
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/")
        assert response.status_code == 200, role
        html = response.content.decode()
        assert "Er wacht nu niets op jou" not in html, f"{role} has no work on the start page"
        sections = re.findall(r'<section class="db-section"', html)
        assert sections, role
        # Other databases write the processing log as savepoint, two inserts and release
        # instead of one statement (decision 0008).
        limit = MAX_QUERIES + (0 if connection.vendor == "postgresql" else 3)
        assert len(queries) <= limit, (role, len(queries))
        person = person_of(user)
        assert ('href="/casussen/nieuw/"' in html) == menu.may_open_case(person), role
        assert ('href="/potjes/"' in html) == menu.may_see_funds(person), role
        assert ('href="/stemmen/"' in html) == menu.may_vote(person), role
        assert ('href="/beheer/"' in html) == menu.may_administer(person), role


def test_login_lands_on_the_start_page(client, demo):
    response = client.post(
        "/inloggen/", {"username": "demo-tafellid", "password": "doorbraak"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/"
    assert "Gedeeld met jou" in response.content.decode()


def test_login_returns_to_the_page_that_was_asked(client, demo):
    response = client.get("/stemmen/2/")
    assert response.status_code == 302 and "next=/stemmen/2/" in response["Location"]
    response = client.post(
        "/inloggen/?next=/stemmen/2/",
        {"username": "demo-teamleider", "password": "doorbraak", "next": "/stemmen/2/"},
    )
    assert response["Location"] == "/stemmen/2/"


def test_the_intro_can_be_hidden(client, demo):
    client.force_login(User.objects.get(username="demo-gezinswerker"))
    assert "Zo werk je met Doorbraak" in client.get("/").content.decode()
    client.post("/intro-verbergen/")
    assert "Zo werk je met Doorbraak" not in client.get("/").content.decode()


def test_start_page_queries_do_not_grow_with_rows(client, demo):
    from tests.test_query_counts import add_cases

    user = User.objects.get(username="demo-teamleider")
    client.force_login(user)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        return len(captured)

    few = count()
    add_cases(user, 6)
    assert count() == few


def test_help_page_explains_the_words_of_the_seeds(client):
    response = client.get("/hulp/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="waardendriehoek"' in html and 'id="voorliggende-voorziening"' in html
    assert 'class="utrecht-heading-2"' in html


def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")


@pytest.mark.parametrize(
    ("role", "url", "status"),
    [
        ("tafellid", "/casussen/nieuw/", 403),
        ("handhaver", "/casussen/nieuw/", 403),
        ("beheerder", "/casussen/nieuw/", 403),
        ("gezinswerker", "/casussen/nieuw/", 200),
        ("tafellid", "/potjes/", 403),
        ("handhaver", "/potjes/", 403),
        ("beleidsadviseur", "/potjes/", 200),
    ],
)
def test_a_page_the_menu_does_not_offer_is_refused_before_any_work(client, demo, role, url, status):
    client.force_login(User.objects.get(username=f"demo-{role}"))
    assert client.get(url).status_code == status


def test_only_professionals_write_requests_on_a_shared_case(client, demo):
    from doorbraak.cases.models import CaseAccess

    access = CaseAccess.objects.select_related("case").get(user__username="demo-handhaver")
    client.force_login(access.user)
    page = client.get(f"/casussen/{access.case_id}/").content.decode()
    assert f"/casussen/{access.case_id}/voorstellen/nieuw/" not in page
    assert client.get(f"/casussen/{access.case_id}/voorstellen/nieuw/").status_code == 403
    client.force_login(access.case.key_worker)
    page = client.get(f"/casussen/{access.case_id}/").content.decode()
    assert f"/casussen/{access.case_id}/voorstellen/nieuw/" in page


def test_the_request_form_explains_the_words_of_the_seeds(client, demo):
    user = User.objects.get(username="demo-gezinswerker")
    case = user.key_cases.filter(status="open").first()
    client.force_login(user)
    page = client.get(f"/casussen/{case.pk}/voorstellen/nieuw/").content.decode()
    assert 'href="/hulp/#waardendriehoek"' in page
    assert 'href="/hulp/#voorliggende-voorziening"' in page
    assert "Wat is de waardendriehoek?" in page
