"""VerhuisboxPlus pages: registering through the form, each step's form with Dutch errors next
to the field, visibility like cases, the figures page for who steers, the start page and the
processing log."""

import datetime

import pytest
from django.urls import reverse

from doorbraak.accounts.roles import Role
from doorbraak.privacy.models import AuditRecord
from doorbraak.verhuisbox.models import Trajectory
from tests.factories import UserFactory

DAY = datetime.timedelta(days=1)
pytestmark = pytest.mark.django_db


def test_register_page_refuses_in_dutch_then_registers(client, worker, case, fund, today):
    client.force_login(worker)
    url = reverse("verhuisbox:register", args=[case.pk])
    assert client.get(url).status_code == 200
    data = {
        "registered_on": today.isoformat(),
        "fund": fund.pk,
        "no_heavy_addiction": "on",
        "no_large_debts": "on",
        "intensive_help": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "verhuurdersverklaring" in html and "Niet opgeslagen" in html
    assert not Trajectory.objects.exists()
    response = client.post(url, {**data, "landlord_statement": "on"})
    t = Trajectory.objects.get()
    assert response.status_code == 302 and response.url == reverse("verhuisbox:detail", args=[t.pk])
    assert AuditRecord.objects.filter(activity="verhuisbox-vastleggen", action="create").exists()


def test_register_from_the_list_with_a_case_choice(client, worker, case, fund, today):
    client.force_login(worker)
    url = reverse("verhuisbox:new")
    assert str(case.household) in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "case": case.pk,
            "registered_on": today.isoformat(),
            "fund": fund.pk,
            "no_heavy_addiction": "on",
            "no_large_debts": "on",
            "landlord_statement": "on",
        },
    )
    assert response.status_code == 302
    assert Trajectory.objects.get().case == case


def test_detail_steps_with_errors_next_to_the_field(client, worker, started, today):
    client.force_login(worker)
    detail = reverse("verhuisbox:detail", args=[started.pk])
    html = client.get(detail).content.decode()
    assert "Inschrijven op een woonsite" in html or "woonsite" in html
    response = client.post(
        reverse("verhuisbox:cost", args=[started.pk]),
        {
            "kosten-kind": "treinkaartjes",
            "kosten-amount": "-12,50",
            "kosten-supplier": "NS",
            "kosten-paid_on": today.isoformat(),
        },
    )
    assert response.status_code == 400
    assert "Het bedrag kan niet negatief zijn." in response.content.decode()
    response = client.post(
        reverse("verhuisbox:housed", args=[started.pk]),
        {"woning-housed_on": (started.registered_on - DAY).isoformat()},
    )
    assert response.status_code == 400
    assert "De datum van huisvesting ligt voor de aanmelding." in response.content.decode()
    response = client.post(
        reverse("verhuisbox:site", args=[started.pk]),
        {"site-name": "WoonZeeland", "site-fee": "30,00", "site-registered_on": today.isoformat()},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("verhuisbox:housed", args=[started.pk]), {"woning-housed_on": today.isoformat()}
    )
    assert response.status_code == 302
    started.refresh_from_db()
    assert started.status == "gehuisvest" and started.days_to_housing == 30
    html = client.get(detail).content.decode()
    assert "na 30 dagen" in html
    assert AuditRecord.objects.filter(
        activity="verhuisbox-raadplegen", object_id=str(started.pk)
    ).exists()


def test_visibility_like_cases(client, outsider, trajectory):
    client.force_login(outsider)
    assert client.get(reverse("verhuisbox:detail", args=[trajectory.pk])).status_code == 404
    assert trajectory.reference not in client.get(reverse("verhuisbox:index")).content.decode()
    assert (
        client.post(
            reverse("verhuisbox:housed", args=[trajectory.pk]), {"woning-housed_on": "2020-01-01"}
        ).status_code
        == 404
    )
    assert AuditRecord.objects.filter(activity="verhuisbox-raadplegen", result="denied").exists()


def test_figures_page_for_who_steers(client, worker, trajectory, team_a):
    client.force_login(worker)
    assert client.get(reverse("verhuisbox:figures")).status_code == 403
    for role in (Role.PROJECTLEIDER, Role.BELEIDSADVISEUR, Role.TEAMLEIDER):
        client.force_login(UserFactory(role=role, team=team_a))
        response = client.get(reverse("verhuisbox:figures"))
        assert response.status_code == 200
        assert "Aanmeldingen" in response.content.decode()
    client.force_login(UserFactory(role=Role.TAFELLID))
    assert client.get(reverse("verhuisbox:index")).status_code == 403


def test_start_page_shows_the_next_step(client, worker, trajectory):
    client.force_login(worker)
    html = client.get(reverse("home:start")).content.decode()
    assert trajectory.reference in html and "Adviesgesprek voeren" in html
