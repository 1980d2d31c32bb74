"""The pages: write on a linked case (Dutch errors next to the field), refused on another case,
review and answer, the list with overdue terms, the case page's section; fixed query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doorbraak.indications.models import Indication, IndicationStatus
from tests.factories import CaseFactory

from .conftest import write

pytestmark = pytest.mark.django_db

FORM = {
    "reported_on": "2026-11-02",
    "applied_on": "",
    "need": "Kan niet meer bukken.",
    "own_capacity": "Kookt zelf.",
    "informal_care": "",
    "provision": "Toiletverhoger",
    "scope": "eenmalig",
    "contribution": "0",
}


def test_the_adviser_writes_on_a_linked_case(client, nurse, case):
    client.force_login(nurse)
    assert client.get(f"/casussen/{case.pk}/indicatie/").status_code == 200
    response = client.post(f"/casussen/{case.pk}/indicatie/", FORM)
    indication = Indication.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/indicaties/{indication.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Toiletverhoger" in page and "Wacht op de beoordeling" in page


def test_errors_in_dutch_and_nothing_saved(client, nurse, case):
    client.force_login(nurse)
    response = client.post(
        f"/casussen/{case.pk}/indicatie/", {**FORM, "need": "", "contribution": "-5"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Beschrijf de ondersteuningsbehoefte." in html
    assert "De eigen bijdrage ligt tussen" in html
    assert not Indication.objects.exists()


def test_an_unlinked_case_is_refused(client, nurse, worker):
    other = CaseFactory(actor=worker)
    client.force_login(nurse)
    for response in (
        client.get(f"/casussen/{other.pk}/indicatie/"),
        client.post(f"/casussen/{other.pk}/indicatie/", FORM),
    ):
        assert response.status_code == 403
        assert "niet gekoppeld" in response.content.decode()
    assert not Indication.objects.exists()


def test_the_consultant_asks_and_the_adviser_answers(client, nurse, consultant, indication):
    client.force_login(consultant)
    url = f"/indicaties/{indication.pk}/"
    assert 'name="outcome"' in client.get(url).content.decode()
    response = client.post(url + "beoordeling/", {"outcome": "vraag", "question": ""})
    assert response.status_code == 400
    assert "Schrijf je vraag voor de adviseur." in response.content.decode()
    client.post(url + "beoordeling/", {"outcome": "vraag", "question": "Woont partner thuis?"})
    client.force_login(nurse)
    page = client.get(url).content.decode()
    assert "Woont partner thuis?" in page and 'name="answer"' in page
    assert 'name="outcome"' not in page  # never a review form for the writer
    client.post(url + "antwoord/", {"answer": "Nee."})
    client.force_login(consultant)
    today = datetime.date.today().isoformat()
    client.post(url + "beoordeling/", {"outcome": "akkoord", "decided_on": today})
    indication.refresh_from_db()
    assert indication.status == IndicationStatus.AGREED


def test_the_writer_posting_a_review_is_refused(client, nurse, indication):
    client.force_login(nurse)
    response = client.post(
        f"/indicaties/{indication.pk}/beoordeling/",
        {"outcome": "akkoord", "decided_on": "2026-11-30"},
    )
    assert response.status_code == 403
    indication.refresh_from_db()
    assert indication.status == IndicationStatus.SUBMITTED


def test_list_flags_overdue_and_case_page_shows_the_section(
    client, nurse, consultant, worker, case
):
    write(nurse, case, reported_on=datetime.date(2026, 9, 1), applied_on=None)
    client.force_login(consultant)
    html = client.get("/indicaties/").content.decode()
    assert "onderzoek te laat" in html
    client.force_login(worker)
    html = client.get(f"/casussen/{case.pk}/").content.decode()
    assert "Wmo-indicaties (samen indiceren)" in html
    assert "Schrijf een adviserende Wmo-indicatie" not in html  # the key worker does not write
    client.force_login(nurse)
    html = client.get(f"/casussen/{case.pk}/").content.decode()
    assert "Schrijf een adviserende Wmo-indicatie" in html


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_number_of_indications(client, nurse, consultant, case):
    write(nurse, case)
    client.force_login(consultant)
    _count(client, "/indicaties/")  # the first processing-log record starts the chain
    first = (
        _count(client, "/indicaties/"),
        _count(client, f"/indicaties/{Indication.objects.first().pk}/"),
    )
    for _ in range(5):
        write(nurse, case)
    assert _count(client, "/indicaties/") == first[0]
    assert _count(client, f"/indicaties/{Indication.objects.last().pk}/") == first[1]


@pytest.mark.parametrize("typed", ["21,80", "21.80", "€ 21,80"])
def test_the_contribution_is_taken_as_the_professionals_write_it(client, nurse, case, typed):
    """ "21,80" gave "Voer een getal in." while the page shows amounts as "€ 21,80" (found
    by an exploratory test)."""
    client.force_login(nurse)
    response = client.post(f"/casussen/{case.pk}/indicatie/", {**FORM, "contribution": typed})
    assert response.status_code == 302
    assert str(Indication.objects.get().contribution) == "21.80"
