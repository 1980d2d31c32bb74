"""Reads on game sessions: who sees which session (the facilitator and the players), the board
state for the shared screen and a phone, in a fixed number of queries."""

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from doorbraak.accounts.models import User

from . import board as rules
from .cards import CHANCE_CARDS, SECRET_ASSIGNMENTS
from .models import Answer, Card, Player, Roll, Session, Stage, Team


def visible_sessions(user) -> QuerySet[Session]:
    return (
        Session.objects.filter(Q(facilitator_id=user.pk) | Q(players__user_id=user.pk))
        .distinct()
        .select_related("facilitator")
        .order_by("-created_at", "-pk")
    )


def session_or_404(user, pk) -> Session:
    session = visible_sessions(user).filter(pk=pk).first()
    if session is None:
        raise Http404
    return session


def possible_players() -> QuerySet[User]:
    return (
        User.objects.filter(is_active=True)
        .exclude(role="")
        .exclude(role="beheerder")
        .select_related("organisation")
        .order_by("first_name", "last_name", "username")
    )


def teams_of(session: Session) -> list[Team]:
    """Teams in order with their players (names only), argument and last roll. Three queries."""
    return list(
        session.teams.order_by("number")
        .select_related("argument")
        .prefetch_related(
            Prefetch("players", queryset=Player.objects.select_related("user").order_by("pk"))
        )
    )


def board_state(session: Session) -> dict:
    teams = teams_of(session)
    squares = [
        {
            "n": n,
            "chance": n in rules.CHANCE_SQUARES,
            "teams": [t for t in teams if t.position == n],
        }
        for n in range(rules.FINISH + 1)
    ]
    positions = [t.position for t in teams]
    done = [t.secret_done for t in teams]
    winner = None
    if session.stage == Stage.FINISHED and teams:
        index = rules.winner(positions, done)
        winner = teams[index] if index is not None else None
    last = Roll.objects.filter(team__session=session).select_related("team").order_by("-pk").first()
    return {
        "teams": teams,
        "squares": squares,
        "on_turn": teams[session.turn] if teams and session.stage == Stage.BOARD else None,
        "winner": winner,
        "ranking": [teams[i] for i in rules.ranking(positions, done)] if teams else [],
        "last_roll": last,
        "finish": rules.FINISH,
    }


def phone_state(session: Session, team: Team | None) -> dict:
    if team is None:
        return {"team": None}
    answers = {a.case_id: a for a in Answer.objects.filter(team=team)}
    cards = [
        {"square": c.square, "text": CHANCE_CARDS[c.card % len(CHANCE_CARDS)]}
        for c in Card.objects.filter(team=team).order_by("-pk")[:10]
    ]
    return {
        "team": team,
        "members": [p.user for p in team.players.select_related("user").order_by("pk")],
        "answers": answers,
        "cards": cards,
        "secret": SECRET_ASSIGNMENTS[team.secret % len(SECRET_ASSIGNMENTS)],
    }
