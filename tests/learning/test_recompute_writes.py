"""The recompute's ways of working give the same patterns (recompute_same.json), and a
recompute that finds the same patterns again writes nothing (issue 14: at 1,000,000 blockers
rewriting unchanged rows was most of its time)."""

import datetime
import random

import pytest
from django.db import connection

from doorbraak.learning import matching, replay, writing
from doorbraak.learning.models import Pattern, PatternBlocker, Signature
from tests.learning import test_recompute_same as same

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "setting, value",
    [
        ("shared", 10**9),  # one neighbour product for all scopes
        ("per_scope", 0),  # one per scope
        ("bulk", None),  # links inserted with the foreign keys checked once (PostgreSQL)
    ],
)
def test_each_way_finds_the_same_patterns(monkeypatch, setting, value):
    if setting == "bulk":
        monkeypatch.setattr(writing, "BULK_LINKS", 1)
    else:
        monkeypatch.setattr(replay, "GLOBAL_PRODUCT_SHARE", value)
    same.test_the_recompute_finds_what_it_found_before_the_speed_ups()
    if connection.vendor == "postgresql":  # the foreign keys are back
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
                "AND conrelid = %s::regclass",
                [PatternBlocker._meta.db_table],
            )
            assert cursor.fetchone()[0] == 2


def test_a_recompute_that_finds_the_same_keeps_every_row():
    rng = random.Random(14)
    organisations, cases = same._world()
    same._add_blockers(rng, organisations, cases, 240, 0)
    first = matching.recompute_patterns(now=same.NOW)
    rows = set(Pattern.objects.values_list("pk", "found_at", "reference_blocker_id"))
    links = set(PatternBlocker.objects.values_list("pk", "pattern_id", "blocker_id"))
    flags = set(Signature.objects.filter(in_pattern=True).values_list("pk", flat=True))
    assert first["found"] == len(rows) >= 4
    again = matching.recompute_patterns(now=same.NOW)
    assert again == {"removed": len(rows), "found": len(rows)}
    assert set(Pattern.objects.values_list("pk", "found_at", "reference_blocker_id")) == rows
    assert set(PatternBlocker.objects.values_list("pk", "pattern_id", "blocker_id")) == links
    assert set(Signature.objects.filter(in_pattern=True).values_list("pk", flat=True)) == flags


def test_a_candidate_not_found_again_goes_and_its_blockers_are_free(monkeypatch):
    rng = random.Random(14)
    organisations, cases = same._world()
    same._add_blockers(rng, organisations, cases, 240, 0)
    matching.recompute_patterns(now=same.NOW)
    before = Pattern.objects.count()
    # A year later the window holds none of these blockers: every candidate goes.
    later = same.NOW + datetime.timedelta(days=800)
    assert matching.recompute_patterns(now=later) == {"removed": before, "found": 0}
    assert not Pattern.objects.exists()
    assert not PatternBlocker.objects.exists()
    assert not Signature.objects.filter(in_pattern=True).exists()
