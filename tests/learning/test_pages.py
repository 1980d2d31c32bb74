"""Signal and pattern pages: who may use them, Dutch errors that save nothing, no household
identity on a pattern page, confirm and dismiss, the start page and the rule suggestions."""

import pytest
from django.urls import reverse

from doorbraak.accounts.roles import Role
from doorbraak.learning.models import Pattern, Rule, Signal
from tests.factories import UserFactory
from tests.learning.conftest import OTHER, SPOOK, add

pytestmark = pytest.mark.django_db

NAMES = [
    {
        "household_name": "Huishouden Kowalczyk",
        "given_name": "Zbigniew",
        "family_name": "Kowalczyk",
    },
    {"household_name": "Huishouden Oyelaran", "given_name": "Adebayo", "family_name": "Oyelaran"},
    {
        "household_name": "Huishouden Vlasblom",
        "given_name": "Gerritdina",
        "family_name": "Vlasblom",
    },
]


@pytest.fixture
def pattern(toeslagen, workers):
    for i in range(3):
        rule, effect = SPOOK[i]
        family = NAMES[i]["family_name"]
        add(workers[i], toeslagen, (rule, f"{effect}; mevrouw {family} belde ons."), names=NAMES[i])
    return Pattern.objects.get()


def test_pattern_page_shows_counts_similarity_and_no_household_identity(client, adviser, pattern):
    client.force_login(adviser)
    response = client.get(reverse("learning:pattern", args=[pattern.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dienst Toeslagen (test)" in html
    assert "gelijkenis" in html
    assert "Casussen per maand" in html
    for names in NAMES:
        for value in names.values():
            assert value.split()[-1] not in html


def test_confirm_and_dismiss(client, adviser, pattern):
    client.force_login(adviser)
    url = reverse("learning:pattern-decide", args=[pattern.pk])
    response = client.post(url, {"besluit": "afwijzen", "note": ""})
    assert response.status_code == 400
    assert "Zeg waarom dit geen patroon is." in response.content.decode()
    pattern.refresh_from_db()
    assert pattern.status == "kandidaat"
    response = client.post(url, {"besluit": "bevestigen", "note": ""})
    assert response.status_code == 302
    pattern.refresh_from_db()
    assert pattern.status == "bevestigd" and pattern.decided_by == adviser


def test_caseworkers_cannot_see_patterns(client, workers, pattern):
    client.force_login(workers[0])
    assert client.get(reverse("learning:patterns")).status_code == 403
    assert client.get(reverse("learning:pattern", args=[pattern.pk])).status_code == 403


def test_start_page_shows_candidate_patterns_and_new_signals(client, adviser, pattern, workers):
    from doorbraak.learning import services

    services.signal_record(
        actor=workers[0], organisation=pattern.organisation, rule="Regel X", effect="Gevolg Y"
    )
    client.force_login(adviser)
    html = client.get("/").content.decode()
    assert pattern.reference in html
    assert "Nieuwe signalen" in html
    assert 'href="/patronen/"' in html and 'href="/signalen/"' in html


def test_record_a_signal_from_a_blocker(client, workers, toeslagen):
    blocker = add(workers[0], toeslagen, SPOOK[0])
    client.force_login(workers[0])
    url = reverse("learning:signal-new")
    form = client.get(f"{url}?knelpunt={blocker.pk}").content.decode()
    assert SPOOK[0][0] in form  # rule prefilled
    response = client.post(
        url,
        {
            "organisation": toeslagen.pk,
            "rule": SPOOK[0][0],
            "effect": "Te weinig toeslag",
            "blockers": [blocker.pk],
        },
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert list(signal.blockers.all()) == [blocker]
    assert signal.created_by == workers[0]


def test_bad_signal_input_gets_dutch_messages_and_saves_nothing(client, workers, toeslagen):
    client.force_login(workers[0])
    response = client.post(reverse("learning:signal-new"), {"organisation": "", "rule": " "})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dit veld is vereist." in html
    assert Signal.objects.count() == 0


def test_signal_cannot_link_a_blocker_of_an_invisible_case(client, workers, toeslagen):
    other = add(workers[1], toeslagen, SPOOK[1])
    client.force_login(workers[0])
    response = client.post(
        reverse("learning:signal-new"),
        {"organisation": toeslagen.pk, "rule": "r", "effect": "e", "blockers": [other.pk]},
    )
    assert response.status_code == 400
    assert Signal.objects.count() == 0


def test_triage_closing_needs_a_reason(client, adviser, workers, toeslagen):
    from doorbraak.learning import services

    signal = services.signal_record(actor=workers[0], organisation=toeslagen, rule="r", effect="e")
    client.force_login(adviser)
    url = reverse("learning:signal", args=[signal.pk])
    response = client.post(url, {"status": "gesloten", "reason": ""})
    assert response.status_code == 400
    assert "Reden van afsluiten is verplicht." in response.content.decode()
    signal.refresh_from_db()
    assert signal.status == "nieuw"
    assert client.post(url, {"status": "gesloten", "reason": "Geen regel"}).status_code == 302
    signal.refresh_from_db()
    assert signal.status == "gesloten" and signal.close_reason == "Geen regel"
    client.force_login(workers[0])
    assert client.post(url, {"status": "in-onderzoek"}).status_code == 403


def test_blocker_form_suggests_catalogue_rules_and_takes_free_text(client, workers, toeslagen):
    Rule.objects.create(organisation=toeslagen, title="Medebewoner telt mee in de huurtoeslag")
    Rule.objects.create(organisation=toeslagen, title="Oude regel", active=False)
    blocker = add(workers[0], toeslagen, ("Vrije tekst over een regel", "gevolg"))
    client.force_login(workers[0])
    html = client.get(reverse("cases:blocker-add", args=[blocker.case_id])).content.decode()
    assert 'list="id_rule-catalogus"' in html
    assert '<option value="Medebewoner telt mee in de huurtoeslag">' in html
    assert "Oude regel" not in html


def test_signal_texts_are_stored_anonymised(workers, toeslagen):
    from doorbraak.learning import services

    blocker = add(workers[0], toeslagen, SPOOK[0], names=NAMES[0])
    signal = services.signal_record(
        actor=workers[0],
        organisation=toeslagen,
        rule="Medebewoner telt mee",
        effect="Meneer Zbigniew Kowalczyk krijgt te weinig toeslag",
        blockers=[blocker],
    )
    assert "Kowalczyk" not in signal.effect and "Zbigniew" not in signal.effect


def test_functional_administrator_cannot_record_signals(client):
    admin = UserFactory(username="beheer", role=Role.BEHEERDER)
    client.force_login(admin)
    assert client.get(reverse("learning:signals")).status_code == 403


def test_signal_form_lists_only_the_writers_own_cases_blockers(client, workers, toeslagen):
    own = add(workers[0], toeslagen, SPOOK[0])
    colleague = UserFactory(
        username="collega", team=workers[0].team, organisation=workers[0].organisation
    )
    theirs = add(colleague, toeslagen, OTHER[0])
    client.force_login(workers[0])
    url = reverse("learning:signal-new")
    page = client.get(url).content.decode()
    assert f'name="blockers" value="{own.pk}"' in page
    # The team's case, not the writer's own: not listed.
    assert f'name="blockers" value="{theirs.pk}"' not in page
    # Started from the colleague's blocker (visible to the team), it is offered and linked.
    page = client.get(f"{url}?knelpunt={theirs.pk}").content.decode()
    assert f'name="blockers" value="{theirs.pk}"' in page
    response = client.post(
        f"{url}?knelpunt={theirs.pk}",
        {
            "organisation": toeslagen.pk,
            "rule": OTHER[0][0],
            "effect": "Kan de huur niet betalen",
            "blockers": [theirs.pk],
        },
    )
    assert response.status_code == 302
    assert list(Signal.objects.get().blockers.all()) == [theirs]
