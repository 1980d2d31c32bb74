"""The Op Maat board (seed 002, Leeuwarden: "een soort ganzenbord"). Pure Python: no Django
import. The teams roll a die in turn; a roll past the finish bounces back (as in ganzenbord);
landing on a chance square draws a chance card with an assignment. Every team has one secret
assignment; the team furthest on the board that completed its secret assignment wins.

A roll by a team that is not on turn is refused with `NotOnTurn` and changes nothing (the
state is immutable: a refused roll returns no new state)."""

from collections.abc import Sequence
from dataclasses import dataclass, replace

#: The finish square; squares are 0 (start) .. FINISH.
FINISH = 30
#: Squares with a chance card (every fourth, from 3).
CHANCE_SQUARES = frozenset(range(3, FINISH, 4))
DIE = range(1, 7)
MIN_TEAMS, MAX_TEAMS = 2, 8


class NotOnTurn(ValueError):
    """The rolling team is not on turn (or the game is over)."""


@dataclass(frozen=True)
class Board:
    positions: tuple[int, ...]
    turn: int = 0  # index of the team on turn
    rolls: int = 0  # rolls so far, all teams together

    def __post_init__(self):
        if not MIN_TEAMS <= len(self.positions) <= MAX_TEAMS:
            raise ValueError("teams")
        if not all(0 <= p <= FINISH for p in self.positions):
            raise ValueError("position")
        if not 0 <= self.turn < len(self.positions):
            raise ValueError("turn")


@dataclass(frozen=True)
class Move:
    team: int
    die: int
    start: int
    end: int
    chance: bool  # landed on a chance square: draw a card
    board: Board  # the state after the move


def new_board(teams: int) -> Board:
    return Board(positions=(0,) * teams)


def advance(position: int, die: int) -> int:
    """Where a piece on `position` ends after `die`: past the finish it bounces back."""
    target = position + die
    return target if target <= FINISH else 2 * FINISH - target


def roll(board: Board, team: int, die: int) -> Move:
    if die not in DIE:
        raise ValueError("die")
    if team != board.turn:
        raise NotOnTurn(team)
    start = board.positions[team]
    end = advance(start, die)
    positions = tuple(end if i == team else p for i, p in enumerate(board.positions))
    after = replace(
        board, positions=positions, turn=(board.turn + 1) % len(positions), rolls=board.rolls + 1
    )
    return Move(team=team, die=die, start=start, end=end, chance=end in CHANCE_SQUARES, board=after)


def card_for(team: int, rolls: int, deck: int) -> int:
    """Which card of a deck of `deck` the team draws (deterministic: the same state draws the
    same card, so a repeated request cannot draw twice differently)."""
    if deck < 1:
        raise ValueError("deck")
    return (7 * rolls + 3 * team) % deck


def secret_for(team: int, session_seed: int, deck: int) -> int:
    """The secret assignment of each team: different for every team while the deck lasts."""
    if deck < 1:
        raise ValueError("deck")
    return (session_seed + team) % deck


def winner(positions: Sequence[int], secret_done: Sequence[bool]) -> int | None:
    """The team furthest on the board among those that completed their secret assignment; on
    equal squares the team earlier in the order. None while no team completed it."""
    done = [i for i, ok in enumerate(secret_done) if ok]
    if not done:
        return None
    return max(done, key=lambda i: (positions[i], -i))


def ranking(positions: Sequence[int], secret_done: Sequence[bool]) -> list[int]:
    """All teams in final order: those with the secret done first, each by position."""
    return sorted(range(len(positions)), key=lambda i: (not secret_done[i], -positions[i], i))
