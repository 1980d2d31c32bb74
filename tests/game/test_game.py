"""The Op Maat game (issue 18 item 4): training copies that cannot reach a live case or any
household identity, the rounds, the calculator's return, dice in turn (a team not on turn: a
Dutch message and nothing changed), the winner, and the ambassadors at the end."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation

from doorbraak.accounts.roles import Role
from doorbraak.game import services
from doorbraak.game.models import Roll, Session, Team, TrainingCase
from doorbraak.privacy.models import AuditRecord
from doorbraak.proposals import services as proposals
from doorbraak.proposals.models import Request, RequestStatus
from tests.factories import UserFactory, api_for
from tests.proposals.conftest import blocker, case, category, complete, ground  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_request(case, worker_a, category, ground):  # noqa: F811
    values = complete(
        solution="Vliegticket voor de moeder van Lotte Beekman uit Curaçao, BSN 111222333, "
        "bel 06-12345678.",
        recurrence_prevention="Oma blijft zes weken.",
    )
    values["amount"] = Decimal("450.00")
    request = proposals.request_submit(
        actor=worker_a, case=case, category=category, legal_ground=ground, **values
    )
    Request.objects.filter(pk=request.pk).update(status=RequestStatus.PAID)
    return request


@pytest.fixture
def facilitator(db):
    return UserFactory(username="spelleider", role=Role.TEAMLEIDER)


@pytest.fixture
def players(db):
    return [UserFactory(username=f"speler-{i}", role=Role.GEZINSWERKER) for i in range(4)]


@pytest.fixture
def session(facilitator, players, closed_request):
    return services.session_start(
        actor=facilitator, title="Op Maat", teams=[players[:2], players[2:]]
    )


def test_game_models_have_no_way_to_a_live_case_or_household():
    allowed = {"game", "accounts"}
    for model in apps.get_app_config("game").get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.ForeignKey | models.OneToOneField | models.ManyToManyField):
                app = field.related_model._meta.app_label
                assert app in allowed, f"{model.__name__}.{field.name} -> {app}"
                if app == "accounts":
                    assert field.related_model._meta.model_name == "user"


def test_training_copies_hold_no_identity_and_no_link(session, closed_request, case, players):  # noqa: F811
    copy = TrainingCase.objects.get(session=session)
    assert copy.amount == Decimal("450.00") and copy.category == closed_request.category.label
    for identity in ("Lotte", "Beekman", "111222333", "06-12345678", case.household.name):
        assert identity not in copy.text
    # Nothing the game shows or serves names the household or points at the case.
    api = api_for(players[0]).get(f"/api/v1/game-sessions/{session.pk}/").content.decode()
    from django.test import Client

    client = Client()
    client.force_login(players[0])
    pages = [
        client.get(reverse(name, args=[session.pk])).content.decode()
        for name in ("game:phone", "game:board")
    ]
    for text in [api, *pages]:
        assert "Beekman" not in text and "111222333" not in text
        assert (
            f"/casussen/{case.pk}/" not in text and f"/voorstellen/{closed_request.pk}/" not in text
        )
    # The live request changes; the training copy does not follow.
    Request.objects.filter(pk=closed_request.pk).update(amount=Decimal("1.00"))
    assert TrainingCase.objects.get(pk=copy.pk).amount == Decimal("450.00")


def test_open_requests_are_not_played(facilitator, players, case, worker_a, category, ground):  # noqa: F811
    values = complete()
    values["amount"] = Decimal(values["amount"])
    proposals.request_submit(
        actor=worker_a, case=case, category=category, legal_ground=ground, **values
    )
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.session_start(actor=facilitator, title="x", teams=[players[:2], players[2:]])
    assert "afgesloten" in str(error.value)
    assert not Session.objects.exists()


def test_only_facilitator_roles_start_and_starting_is_logged(players, closed_request):
    for role in Role:
        user = UserFactory(role=role)
        if role in (Role.TEAMLEIDER, Role.PROJECTLEIDER, Role.BELEIDSADVISEUR):
            services.session_start(actor=user, title="t", teams=[players[:2], players[2:]])
        else:
            with pytest.raises(PermissionDenied):
                services.session_start(actor=user, title="t", teams=[players[:2], players[2:]])
    assert AuditRecord.objects.filter(activity="spel-sessie", action="create").count() == 3


def test_bad_teams_are_refused(facilitator, players, closed_request):
    with pytest.raises(ValidationError):
        services.session_start(actor=facilitator, title="t", teams=[players])
    with pytest.raises(ValidationError):
        services.session_start(actor=facilitator, title="t", teams=[players[:2], players[1:]])


def test_a_short_game(session, facilitator, players):
    copy = session.cases.get()
    services.answer_give(
        actor=players[0], session=session, case=copy, maatwerk=True, reason="Oma kent de kinderen"
    )
    services.stage_next(actor=facilitator, session=session)
    argument = services.argument_give(
        actor=players[2],
        session=session,
        case=copy,
        value="rendement",
        text="Ticket tegen zes weken thuisondersteuning",
        avoided_label="thuisondersteuning",
        avoided_per_month="1500",
        months=2,
        probability="100",
    )
    assert argument.cost == Decimal("450.00") and argument.avoided == Decimal("3000.00")
    assert argument.net == Decimal("2550.00") and argument.return_per_euro == Decimal("6.67")
    team1, team2 = session.teams.order_by("number")
    services.score_give(actor=facilitator, team=team2, score=8)
    services.stage_next(actor=facilitator, session=session)
    services.die_roll(actor=players[0], session=session, die=3)  # team 1 to square 3: a card
    assert team1.cards.count() == 1
    # Team 1 again: not on turn, a Dutch message and nothing changed.
    before = (Session.objects.get(pk=session.pk).version, Roll.objects.count())
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        services.die_roll(actor=players[1], session=session, die=6)
    assert "niet jullie beurt" in str(error.value) and "Team 2" in str(error.value)
    assert (Session.objects.get(pk=session.pk).version, Roll.objects.count()) == before
    assert Team.objects.get(pk=team1.pk).position == 3
    services.die_roll(actor=players[3], session=session, die=5)
    services.secret_done(actor=facilitator, team=team1)
    services.stage_next(actor=facilitator, session=session)
    from doorbraak.game.queries import board_state

    state = board_state(Session.objects.get(pk=session.pk))
    assert state["winner"].pk == team1.pk  # team 2 is further but did not do its secret
    with pytest.raises(PermissionDenied):
        services.stage_next(actor=players[0], session=session)


def test_a_roll_through_the_page_and_api_when_not_on_turn(session, facilitator, players, client):
    services.stage_next(actor=facilitator, session=session)
    services.stage_next(actor=facilitator, session=session)
    client.force_login(players[2])
    response = client.post(reverse("game:roll", args=[session.pk]), follow=True)
    assert "Team 1" in response.content.decode() and not Roll.objects.exists()
    response = api_for(players[2]).post(f"/api/v1/game-sessions/{session.pk}/roll/")
    assert response.status_code == 400 and not Roll.objects.exists()
    response = api_for(players[0]).post(f"/api/v1/game-sessions/{session.pk}/roll/")
    assert response.status_code == 201 and response.json()["team"] == 1
    assert (
        api_for(UserFactory(role=Role.GEZINSWERKER))
        .get(f"/api/v1/game-sessions/{session.pk}/")
        .status_code
        == 404
    )


def test_the_board_poll_answers_204_while_nothing_changed(session, players, client):
    client.force_login(players[0])
    url = reverse("game:board-state", args=[session.pk])
    assert client.get(url, {"versie": session.version}).status_code == 204
    assert client.get(url, {"versie": session.version - 1}).status_code == 200


def test_at_the_end_every_player_sees_the_ambassadors(session, facilitator, players, client):
    from doorbraak.accounts.models import Organisation
    from doorbraak.ambassadors import services as ambassadors

    adviser = UserFactory(role=Role.BELEIDSADVISEUR)
    ambassadors.ambassador_save(
        actor=adviser,
        name="Fatima el Idrissi",
        kind="maatwerkambassadeur",
        organisation=Organisation.objects.create(name="Gemeente Spel", kind="gemeente"),
        topics="bijstand",
        work_email="fatima@gemeente.example",
    )
    for _ in range(3):
        services.stage_next(actor=facilitator, session=session)
    for player in players:
        client.force_login(player)
        assert (
            "Fatima el Idrissi"
            in client.get(reverse("game:phone", args=[session.pk])).content.decode()
        )
