"""The scale test's check of the scheduled tasks (bench/scale.py, check_slots): every slot beat
sent ran exactly once. Pure: synthetic beat log lines and TaskRun rows."""

from bench.scale import PROBE_TASK, check_slots, sent_slots

FLAG = "doorbraak.approvals.tasks.flag_overdue"
PERIODS = {PROBE_TASK: 2.0, FLAG: 4.0}


def at(second: int) -> str:
    return f"2026-12-02T01:40:{second:02d}+00:00"


def beat_log(task: str, seconds) -> str:
    return "\n".join(
        f"[2026-12-02 02:40:{s:02d},004: INFO/MainProcess] Scheduler: slot {at(s)} of "
        f"entry ({task})"
        for s in seconds
    )


def runs(done, skipped=(), failed=(), redelivered=()):
    return {
        "uitgevoerd": [at(s) for s in done],
        "overgeslagen": [at(s) for s in skipped],
        "mislukt": [at(s) for s in failed],
        "redelivered": [at(s) for s in redelivered],
    }


def test_the_beat_log_gives_the_slots_sent_per_task():
    log = (
        beat_log(PROBE_TASK, [0, 2]) + "\nScheduler: Sending due task x (y)\n" + beat_log(FLAG, [0])
    )
    assert sent_slots(log) == {PROBE_TASK: [at(0), at(2)], FLAG: [at(0)]}


def test_every_slot_once_passes_and_is_summed_up():
    sent = {PROBE_TASK: [at(s) for s in range(0, 20, 2)], FLAG: [at(0), at(4), at(8)]}
    state = {
        PROBE_TASK: runs(range(0, 20, 2), skipped=[6], failed=[8], redelivered=[8]),
        FLAG: runs([0, 4, 8]),
    }
    failures, summary = check_slots(sent, state, PERIODS, ticks=10)
    assert failures == []
    assert summary[PROBE_TASK] == {
        "sent": 10,
        "done": 10,
        "skipped_duplicates": 1,
        "failed_attempts": 1,
        "done_from_a_redelivered_message": 1,
        "first": at(0),
        "last": at(18),
        "counter": 10,
    }


def test_a_lost_a_doubled_and_an_unsent_slot_fail():
    sent = {PROBE_TASK: [at(0), at(2), at(4)]}
    failures, _ = check_slots(sent, {PROBE_TASK: runs([0, 0, 6])}, PERIODS)
    text = " ".join(failures)
    assert "run twice" in text and "sent but not run" in text and "never sent" in text


def test_a_grid_point_beat_left_out_fails():
    sent = {PROBE_TASK: [at(0), at(4)]}
    failures, _ = check_slots(sent, {PROBE_TASK: runs([0, 4])}, PERIODS)
    assert failures and "grid" in failures[0]


def test_the_probe_counter_must_equal_its_done_slots():
    sent = {PROBE_TASK: [at(0), at(2)]}
    failures, _ = check_slots(sent, {PROBE_TASK: runs([0, 2])}, PERIODS, ticks=3)
    assert failures and "counter 3" in failures[0]
