"""Werktafel and structural solution pages: who may use them, Dutch errors that save nothing,
no household identity, the pattern page's block and the start pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from doorbraak.accounts.roles import Role
from doorbraak.worktables import rules, services
from doorbraak.worktables.models import Session, StructuralSolution, WorkTable
from tests.factories import UserFactory
from tests.worktables.conftest import NAMES

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _html(response) -> str:
    return response.content.decode()


def _no_household(html: str) -> None:
    for names in NAMES:
        for value in names.values():
            assert value.split()[-1] not in html


def test_start_a_werktafel_from_the_pattern_page(client, adviser, pattern, toeslagen):
    client.force_login(adviser)
    html = _html(client.get(reverse("learning:pattern", args=[pattern.pk])))
    start = f"{reverse('worktables:start')}?patroon={pattern.pk}"
    assert start in html and "Werktafel starten" in html
    form = client.get(start)
    assert form.status_code == 200 and "Datum sessie 3" in _html(form)
    dates = [TODAY + datetime.timedelta(days=7 * n) for n in (1, 2, 3)]
    response = client.post(
        start,
        {
            "title": "Werktafel spookbewoning",
            "organisations": [toeslagen.pk],
            "departments": "Klantcontactcentrum (gemeente)\nAfdeling Ruimte (gemeente)\n",
            **{f"session{n}": d.isoformat() for n, d in enumerate(dates, start=1)},
        },
    )
    worktable = WorkTable.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("worktables:detail", args=[worktable.pk])
    assert [s.date for s in worktable.sessions.all()] == dates
    assert worktable.participants.count() == 3
    page = _html(client.get(response["Location"]))
    assert "Afdeling Ruimte (gemeente)" in page and "Sessie 3" in page


def test_a_missing_session_date_and_an_empty_title_save_nothing(
    client, adviser, pattern, toeslagen
):
    client.force_login(adviser)
    response = client.post(
        f"{reverse('worktables:start')}?patroon={pattern.pk}",
        {"title": " ", "organisations": [toeslagen.pk], "session1": TODAY.isoformat()},
    )
    html = _html(response)
    assert response.status_code == 400
    assert "Niet opgeslagen" in html and "Geef een titel." in html
    assert "Geef de datum van de sessie." in html
    assert not WorkTable.objects.exists() and not Session.objects.exists()


def test_edit_a_session_and_refuse_a_held_session_in_the_future(client, adviser, worktable):
    client.force_login(adviser)
    session = worktable.sessions.first()
    url = reverse("worktables:session", args=[session.pk])
    future = (TODAY + datetime.timedelta(days=3)).isoformat()
    response = client.post(url, {"date": future, "held": "on", "notes": "Notities"})
    assert response.status_code == 400
    assert "Een sessie in de toekomst kan nog niet gehouden zijn." in _html(response)
    session.refresh_from_db()
    assert not session.held and session.notes == ""
    response = client.post(
        url,
        {
            "date": TODAY.isoformat(),
            "held": "on",
            "perspective": "Mevrouw Vlasblom wacht maanden op haar huurtoeslag.",
            "notes": "Toeslagen schoof aan.",
        },
    )
    assert response.status_code == 302
    html = _html(client.get(reverse("worktables:detail", args=[worktable.pk])))
    assert "Toeslagen schoof aan." in html and "gehouden" in html
    _no_household(html)


def test_record_a_solution_move_it_on_and_see_it_linked_to_the_cases(client, adviser, worktable):
    client.force_login(adviser)
    response = client.post(
        reverse("worktables:solution-new", args=[worktable.pk]),
        {
            "title": "Signalering op adres naar Dienst Toeslagen",
            "kind": rules.PARTNER_AGREEMENT,
            "owner_text": "Teamleider KCC",
            "proposed_on": (TODAY - datetime.timedelta(days=10)).isoformat(),
        },
    )
    solution = StructuralSolution.objects.get()
    assert response.status_code == 302
    page = client.get(reverse("worktables:solution", args=[solution.pk]))
    html = _html(page)
    assert "De casussen waar ze uit voortkomt (3, geanonimiseerd)" in html
    assert "Op afgesproken zetten" in html
    _no_household(html)
    step = reverse("worktables:solution-step", args=[solution.pk])
    skipped = client.post(step, {"status": rules.IMPLEMENTED, "stap-on": TODAY.isoformat()})
    assert skipped.status_code == 400 and "stap voor stap" in _html(skipped)
    assert client.post(step, {"status": rules.AGREED, "stap-on": ""}).status_code == 400
    solution.refresh_from_db()
    assert solution.status == rules.PROPOSED
    ok = client.post(step, {"status": rules.AGREED, "stap-on": TODAY.isoformat()})
    assert ok.status_code == 302
    solution.refresh_from_db()
    assert solution.status == rules.AGREED and solution.agreed_on == TODAY


def test_before_and_after_figures_show_once_implemented(client, adviser, solution):
    services.solution_step(
        actor=adviser,
        solution=solution,
        status=rules.AGREED,
        on=TODAY - datetime.timedelta(days=25),
    )
    client.force_login(adviser)
    url = reverse("worktables:solution", args=[solution.pk])
    assert "Zichtbaar zodra de oplossing is ingevoerd" in _html(client.get(url))
    StructuralSolution.objects.filter(pk=solution.pk).update(
        status=rules.IMPLEMENTED, implemented_on=datetime.date(TODAY.year - 1, TODAY.month, 1)
    )
    html = _html(client.get(url))
    assert "Nieuwe casussen per maand" in html and "ervoor" in html and "erna" in html


def test_a_national_signal_is_recorded_as_sent_and_shown_to_the_regievoerder(
    client, adviser, worktable
):
    signal = services.solution_record(
        actor=adviser,
        worktable=worktable,
        title="Adressignaal voor alle gemeenten",
        kind=rules.NATIONAL_SIGNAL,
        owner=adviser,
        proposed_on=TODAY,
    )
    client.force_login(adviser)
    url = reverse("worktables:solution", args=[signal.pk])
    assert "Doorsturen naar landelijk beleid" not in _html(client.get(url))  # not agreed yet
    services.solution_step(actor=adviser, solution=signal, status=rules.AGREED, on=TODAY)
    assert "Doorsturen naar landelijk beleid" in _html(client.get(url))
    send = reverse("worktables:signal-send", args=[signal.pk])
    empty = client.post(send, {"doorsturen-sent_on": "", "doorsturen-recipient": ""})
    assert empty.status_code == 400 and "Zeg naar wie het signaal is gestuurd." in _html(empty)
    ok = client.post(
        send,
        {"doorsturen-sent_on": TODAY.isoformat(), "doorsturen-recipient": "Maatwerkloket"},
    )
    assert ok.status_code == 302
    regie = UserFactory(username="wt-regie", role=Role.REGIEVOERDER)
    client.force_login(regie)
    start = _html(client.get("/"))
    assert "Signalen naar landelijk beleid" in start and signal.reference in start
    page = _html(client.get(url))
    assert "Maatwerkloket" in page and "Vastleggen als doorgestuurd" not in page


def test_the_advisers_start_page_shows_open_werktafels_and_solutions(client, adviser, solution):
    client.force_login(adviser)
    html = _html(client.get("/"))
    assert "Werktafels en structurele oplossingen" in html
    assert solution.worktable.reference in html and solution.reference in html
    assert "volgende stap: afgesproken" in html


@pytest.mark.parametrize("role", [Role.TEAMLEIDER, Role.PROJECTLEIDER, Role.MANAGER_WI])
def test_pattern_roles_read_without_forms(client, role, solution):
    client.force_login(UserFactory(role=role))
    worktable = solution.worktable
    html = _html(client.get(reverse("worktables:detail", args=[worktable.pk])))
    assert worktable.title in html and "Uitkomst vastleggen" not in html
    assert "Structurele oplossing vastleggen" not in html and "Sessie 1 bijwerken" not in html
    html = _html(client.get(reverse("worktables:solution", args=[solution.pk])))
    assert solution.title in html and "Op afgesproken zetten" not in html
    pattern_page = _html(client.get(reverse("learning:pattern", args=[solution.pattern_id])))
    assert "Werktafel starten" not in pattern_page
    assert (
        client.get(f"{reverse('worktables:start')}?patroon={solution.pattern_id}").status_code
        == 403
    )
    assert (
        client.post(
            reverse("worktables:outcome-add", args=[worktable.pk]), {"uitkomst-text": "x"}
        ).status_code
        == 403
    )


@pytest.mark.parametrize("role", [Role.GEZINSWERKER, Role.TAFELLID, Role.HANDHAVER, Role.BEHEERDER])
def test_others_cannot_see_werktafels(client, role, solution):
    client.force_login(UserFactory(role=role))
    assert client.get(reverse("worktables:index")).status_code == 403
    assert client.get(reverse("worktables:detail", args=[solution.worktable_id])).status_code == 403
    assert client.get(reverse("worktables:solution", args=[solution.pk])).status_code == 403
    assert "Werktafels" not in _html(client.get("/"))


def test_a_finished_werktafel_is_read_only_but_takes_solutions(client, adviser, worktable):
    services.worktable_finish(actor=adviser, worktable=worktable)
    client.force_login(adviser)
    html = _html(client.get(reverse("worktables:detail", args=[worktable.pk])))
    assert "afgerond" in html and "Uitkomst vastleggen" not in html
    assert "Sessie 1 bijwerken" not in html and "Structurele oplossing vastleggen" in html
    response = client.post(
        reverse("worktables:outcome-add", args=[worktable.pk]), {"uitkomst-text": "Te laat"}
    )
    assert response.status_code == 302
    assert "Deze werktafel is afgerond." in _html(client.get(response["Location"]))
    assert not worktable.outcomes.exists()
