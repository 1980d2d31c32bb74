"""Writes on game sessions, one transaction each; the session row is locked for every change
on the board, so two phones rolling at once cannot both move. Bad input raises a Dutch
ValidationError and changes nothing; a refused role raises PermissionDenied. Starting a
session and finishing it are written to the processing log (activity "spel-sessie": who
played in which team; no household data: the cases are anonymised training copies)."""

import secrets
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak import text_limits as limits
from doorbraak.costbenefit import calculator
from doorbraak.costbenefit.api import calculate_for
from doorbraak.costbenefit.parsing import error_message
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.anonymiser import get_anonymiser
from doorbraak.privacy.services import log_processing, origin_from_context
from doorbraak.proposals.anonymised import keep_terms
from doorbraak.proposals.models import Request, RequestStatus
from doorbraak.text_validators import check_text

from . import board as rules
from .cards import CHANCE_CARDS, FACILITATOR_ROLES, SECRET_ASSIGNMENTS
from .models import Answer, Argument, Card, Player, Roll, Session, Stage, Team, TrainingCase, Value

#: Requests that are done with: a training copy is made of these only.
CLOSED = (
    RequestStatus.APPROVED,
    RequestStatus.REJECTED,
    RequestStatus.PAID,
    RequestStatus.SOLVED_OTHERWISE,
)
DEFAULT_TEAMS, DEFAULT_TEAM_SIZE, DEFAULT_CASES = 4, 4, 3
NEXT_STAGE = {Stage.ROUND1: Stage.ROUND2, Stage.ROUND2: Stage.BOARD, Stage.BOARD: Stage.FINISHED}


def may_facilitate(user) -> bool:
    return bool(user and user.is_active and user.role in FACILITATOR_ROLES)


def _facilitator(actor, session: Session) -> None:
    if session.facilitator_id != actor.pk:
        raise PermissionDenied(_("Only the facilitator of this session can do that."))


def training_copies(limit: int = DEFAULT_CASES) -> list[dict]:
    """Anonymised text, category name and amounts of the latest closed requests; the
    anonymiser runs once more over the approvers' text (it was checked when submitted)."""
    anonymiser, keep = get_anonymiser(), keep_terms()
    rows = (
        Request.objects.filter(status__in=CLOSED)
        .exclude(anonymised={})
        .order_by("-decided_at", "-pk")
        .values_list("anonymised", "category__label", "amount", "months")[: limit * 3]
    )
    copies = []
    for texts, category, amount, months in rows:
        parts = [texts.get("solution", "")]
        parts += [b.get("effect", "") for b in texts.get("blockers", [])[:2]]
        text = " ".join(p.strip() for p in parts if p and p.strip())
        if not text:
            continue
        text = anonymiser.anonymise(text[: limits.TEXT], keep=keep).text
        copies.append({"text": text, "category": category, "amount": amount, "months": months})
        if len(copies) == limit:
            break
    return copies


@transaction.atomic
def session_start(*, actor, title: str, teams: list[list], cases: int = DEFAULT_CASES) -> Session:
    if not may_facilitate(actor):
        raise PermissionDenied(
            _("Only a team leader, project leader or policy adviser can start a game.")
        )
    found: dict[str, list[str]] = {}
    title = " ".join((title or "").split()) or _("Op Maat game")
    try:
        check_text(title, "title", limits.SHORT_TEXT)
    except ValidationError as error:
        found.update(error.message_dict)
    teams = [list(t) for t in teams if t]
    players = [u for t in teams for u in t]
    if not rules.MIN_TEAMS <= len(teams) <= rules.MAX_TEAMS:
        found["players"] = [
            _("Choose players for at least %(min)s and at most %(max)s teams.")
            % {"min": rules.MIN_TEAMS, "max": rules.MAX_TEAMS}
        ]
    elif len({u.pk for u in players}) != len(players):
        found["players"] = [_("Everyone plays in one team only.")]
    elif any(not (u.is_active and u.role) for u in players):
        found["players"] = [_("Only active professionals can play.")]
    copies = training_copies(cases)
    if not copies:
        found.setdefault("__all__", []).append(
            _("There are no closed requests to make training cases from yet.")
        )
    if found:
        raise ValidationError(found)
    session = Session.objects.create(
        title=title, facilitator=actor, seed=secrets.randbelow(len(SECRET_ASSIGNMENTS))
    )
    for number, members in enumerate(teams):
        team = Team.objects.create(
            session=session,
            number=number + 1,
            name=_("Team %(n)s") % {"n": number + 1},
            secret=rules.secret_for(number, session.seed, len(SECRET_ASSIGNMENTS)),
        )
        Player.objects.bulk_create(Player(session=session, team=team, user=u) for u in members)
    TrainingCase.objects.bulk_create(
        TrainingCase(session=session, number=i + 1, **copy) for i, copy in enumerate(copies)
    )
    _log(actor, "create", session)
    return session


def player_team(user, session: Session) -> Team | None:
    player = Player.objects.filter(session=session, user_id=user.pk).select_related("team").first()
    return player.team if player else None


def _own_team(actor, session: Session) -> Team:
    team = player_team(actor, session)
    if team is None:
        raise PermissionDenied(_("You do not play in this session."))
    return team


def _touch(session: Session) -> None:
    Session.objects.filter(pk=session.pk).update(version=F("version") + 1)


def _stage(session: Session, stage: str, message: str) -> None:
    if session.stage != stage:
        raise ValidationError({"__all__": [message]})


@transaction.atomic
def answer_give(*, actor, session: Session, case: TrainingCase, maatwerk, reason: str) -> Answer:
    session = Session.objects.select_for_update().get(pk=session.pk)
    team = _own_team(actor, session)
    _stage(session, Stage.ROUND1, _("Round 1 is over: answers can no longer be changed."))
    found = {}
    if case.session_id != session.pk:
        found["case"] = [_("Choose one of this session's cases.")]
    if maatwerk not in (True, False):
        found["maatwerk"] = [_("Choose: maatwerk or not.")]
    reason = (reason or "").strip()
    if not reason:
        found["reason"] = [_("Say in a few words why.")]
    else:
        try:
            check_text(reason, "reason", limits.TEXT)
        except ValidationError as error:
            found.update(error.message_dict)
    if found:
        raise ValidationError(found)
    answer, _created = Answer.objects.update_or_create(
        team=team, case=case, defaults={"maatwerk": maatwerk, "reason": reason}
    )
    _touch(session)
    return answer


def _decimal(value, field: str, found: dict, message: str) -> Decimal | None:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        found[field] = [message]
        return None
    if not number.is_finite() or number < 0 or number >= calculator.MAX_NUMBER:
        found[field] = [message]
        return None
    return number


@transaction.atomic
def argument_give(
    *,
    actor,
    session: Session,
    case: TrainingCase,
    value: str,
    text: str,
    avoided_label: str,
    avoided_per_month,
    months,
    probability,
) -> Argument:
    """Round 2: the team argues `case` on one value and computes the return with the real
    calculator: the case's amount as the cost of maatwerk against `avoided_per_month` for
    `months` (e.g. six weeks of home support) with `probability` (percent)."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    team = _own_team(actor, session)
    _stage(session, Stage.ROUND2, _("The arguments are given in round 2."))
    found: dict[str, list[str]] = {}
    if case.session_id != session.pk:
        found["case"] = [_("Choose one of this session's cases.")]
    if value not in Value.values:
        found["value"] = [_("Choose one value of the triangle.")]
    text = (text or "").strip()
    if not text:
        found["text"] = [_("Write your argument.")]
    avoided_label = " ".join((avoided_label or "").split()) or _("regular approach")
    per_month = _decimal(
        avoided_per_month, "avoided_per_month", found, _("Give an amount in euros, e.g. 1250.00.")
    )
    chance = _decimal(probability, "probability", found, _("Give a percentage from 0 to 100."))
    if chance is not None and chance > 100:
        found["probability"] = [_("Give a percentage from 0 to 100.")]
    if not isinstance(months, int) or not 1 <= months <= 60:
        found["months"] = [_("Give a number of months from 1 to 60.")]
    if found:
        raise ValidationError(found)
    data = {
        "horizon_months": max(months, case.months),
        "solution": [
            {
                "label": case.category,
                "amount": str(case.amount),
                "per": "month" if case.months > 1 else "once",
                **({"months": case.months} if case.months > 1 else {}),
            }
        ],
        "avoided": [
            {
                "label": avoided_label,
                "amount": str(per_month),
                "per": "month",
                "months": months,
                "probability": str(chance / 100),
            }
        ],
    }
    try:
        result = calculate_for(data)
    except calculator.CalculationError as error:
        raise ValidationError({"avoided_per_month": [error_message(error)]}) from None
    argument, _created = Argument.objects.update_or_create(
        team=team,
        defaults={
            "case": case,
            "value": value,
            "text": text,
            "cost": result.cost,
            "avoided": result.avoided,
            "net": result.net,
            "return_per_euro": result.return_per_euro,
        },
    )
    _touch(session)
    return argument


@transaction.atomic
def score_give(*, actor, team: Team, score) -> Team:
    session = Session.objects.select_for_update().get(pk=team.session_id)
    _facilitator(actor, session)
    if not isinstance(score, int) or not 0 <= score <= 10:
        raise ValidationError({"score": [_("Give a score from 0 to 10.")]})
    Team.objects.filter(pk=team.pk).update(score=score)
    _touch(session)
    team.score = score
    return team


@transaction.atomic
def stage_next(*, actor, session: Session) -> Session:
    session = Session.objects.select_for_update().get(pk=session.pk)
    _facilitator(actor, session)
    if session.stage == Stage.FINISHED:
        raise ValidationError({"__all__": [_("The game is already over.")]})
    session.stage = NEXT_STAGE[session.stage]
    session.version += 1
    if session.stage == Stage.FINISHED:
        session.finished_at = timezone.now()
        _log(actor, "update", session)
    session.save(update_fields=["stage", "version", "finished_at"])
    return session


@transaction.atomic
def secret_done(*, actor, team: Team, done: bool = True) -> Team:
    session = Session.objects.select_for_update().get(pk=team.session_id)
    _facilitator(actor, session)
    Team.objects.filter(pk=team.pk).update(secret_done=done)
    _touch(session)
    team.secret_done = done
    return team


@transaction.atomic
def die_roll(*, actor, session: Session, die: int | None = None) -> Roll:
    """The player's team rolls. Not on turn, or not the board's stage: a Dutch message and
    nothing changed."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    team = _own_team(actor, session)
    _stage(session, Stage.BOARD, _("The board is not open yet (or the game is over)."))
    teams = list(session.teams.order_by("number"))
    state = rules.Board(
        positions=tuple(t.position for t in teams), turn=session.turn, rolls=session.rolls
    )
    index = next(i for i, t in enumerate(teams) if t.pk == team.pk)
    die = die if die is not None else secrets.randbelow(6) + 1
    try:
        move = rules.roll(state, index, die)
    except rules.NotOnTurn:
        raise ValidationError(
            {
                "__all__": [
                    _("It is not your turn: %(team)s is on turn.")
                    % {"team": teams[state.turn].name}
                ]
            }
        ) from None
    Team.objects.filter(pk=team.pk).update(position=move.end)
    session.turn, session.rolls = move.board.turn, move.board.rolls
    session.version += 1
    session.save(update_fields=["turn", "rolls", "version"])
    roll = Roll.objects.create(team=team, die=die, start=move.start, end=move.end)
    if move.chance:
        Card.objects.create(
            team=team,
            card=rules.card_for(index, state.rolls, len(CHANCE_CARDS)),
            square=move.end,
        )
    return roll


def _log(actor, action: str, session: Session) -> None:
    log_processing(
        origin_from_context(actor, "web"),
        activity=Activity.GAME_SESSION,
        action=action,
        object_type="game-session",
        object_id=session.pk,
    )
