"""A refused form names every problem at once: a wrong BSN or year of birth is reported
together with the missing fields, not only after those are fixed."""

import pytest
from django.urls import reverse

from doorbraak.cases.models import Case

pytestmark = pytest.mark.django_db


def test_case_open_names_the_bsn_and_the_missing_fields_together(client, worker_a):
    client.force_login(worker_a)
    response = client.post(reverse("cases:open"), {"bsn": "123", "birth_year": "1850"})
    page = response.content.decode()
    assert "Dit veld is vereist." in page
    assert "Dit is geen geldig BSN" in page
    assert "Geboortejaar moet tussen 1900 en" in page
    assert page.count('href="#id_bsn"') == 1  # in the error summary at the top
    assert not Case.objects.exists()
