"""The calculator answers htmx with what is wrong and where, not with nothing. (htmx swaps a
400 answer: `responseHandling` in base.html.)"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROWS = {
    "horizon_months": "12",
    "solution-TOTAL_FORMS": "1",
    "solution-INITIAL_FORMS": "0",
    "solution-0-label": "Koelkast",
    "solution-0-amount": "350",
    "solution-0-per": "once",
    "avoided-TOTAL_FORMS": "1",
    "avoided-INITIAL_FORMS": "0",
    "avoided-0-label": "Opname",
    "avoided-0-amount": "900",
    "avoided-0-per": "once",
}


def post(client, **changes):
    data = {**ROWS, **changes}
    return client.post(reverse("costbenefit:calculator"), data, HTTP_HX_REQUEST="true")


def test_a_field_error_comes_back_as_a_summary_with_links(client, worker_a):
    client.force_login(worker_a)
    response = post(client, **{"solution-0-per": "", "solution-0-months": "0"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Niet berekend: verbeter het volgende" in html
    assert 'href="#id_solution-0-per"' in html and 'href="#id_solution-0-months"' in html


def test_an_amount_the_calculator_cannot_read_is_explained(client, worker_a):
    client.force_login(worker_a)
    response = post(client, **{"solution-0-amount": "1.250,50"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_the_page_swaps_400_answers(client, worker_a):
    client.force_login(worker_a)
    html = client.get(reverse("costbenefit:calculator")).content.decode()
    assert '{"code": "400", "swap": true, "error": false}' in html
