"""The pure board (game/board.py): property tests with hypothesis."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doorbraak.game import board as b

teams = st.integers(min_value=b.MIN_TEAMS, max_value=b.MAX_TEAMS)
dice = st.lists(st.integers(min_value=1, max_value=6), max_size=60)


@settings(deadline=None)  # pure and fast, but the shared machine is slow at times
@given(teams, dice)
def test_positions_stay_on_the_board_and_turns_go_round(n, rolls):
    board = b.new_board(n)
    for i, die in enumerate(rolls):
        assert board.turn == i % n
        move = b.roll(board, board.turn, die)
        assert 0 <= move.end <= b.FINISH
        assert move.chance == (move.end in b.CHANCE_SQUARES)
        assert move.board.rolls == board.rolls + 1
        board = move.board
    assert all(0 <= p <= b.FINISH for p in board.positions)


@given(teams, st.integers(min_value=1, max_value=6), st.integers(min_value=0, max_value=7))
def test_a_team_not_on_turn_changes_nothing(n, die, who):
    board = b.new_board(n)
    board = b.roll(board, 0, 3).board
    who = who % n
    if who == board.turn:
        return
    before = board
    with pytest.raises(b.NotOnTurn):
        b.roll(board, who, die)
    assert board == before


@given(st.integers(min_value=0, max_value=b.FINISH), st.integers(min_value=1, max_value=6))
def test_past_the_finish_bounces_back(position, die):
    end = b.advance(position, die)
    assert 0 <= end <= b.FINISH
    if position + die <= b.FINISH:
        assert end == position + die
    else:
        assert b.FINISH - end == position + die - b.FINISH


@given(
    st.lists(st.integers(min_value=0, max_value=b.FINISH), min_size=2, max_size=8).flatmap(
        lambda ps: st.tuples(
            st.just(ps), st.lists(st.booleans(), min_size=len(ps), max_size=len(ps))
        )
    )
)
def test_the_winner_is_furthest_of_those_who_did_their_secret(data):
    positions, done = data
    winner = b.winner(positions, done)
    if not any(done):
        assert winner is None
        return
    assert done[winner]
    assert all(positions[i] <= positions[winner] for i in range(len(done)) if done[i])
    assert b.ranking(positions, done)[0] == winner


def test_bad_dice_and_boards_are_refused():
    with pytest.raises(ValueError):
        b.roll(b.new_board(2), 0, 7)
    with pytest.raises(ValueError):
        b.new_board(1)


@given(
    st.integers(min_value=0, max_value=7),
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=1, max_value=12),
)
def test_cards_and_secrets_come_from_the_deck(team, n, deck):
    assert 0 <= b.card_for(team, n, deck) < deck
    assert 0 <= b.secret_for(team, n, deck) < deck
