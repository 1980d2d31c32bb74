"""The full recompute gives the same patterns before and after its speed-ups (issue 14).

A fixed fixture (two municipalities and a team without a wijk, three organisations, 240
blockers from 60 texts over 14 months, two signals) is recomputed twice: once from nothing,
then after one pattern was confirmed, one dismissed and new blockers arrived. What it found
(patterns, their texts, counts and members with their similarity, the signals' links, the
in_pattern flags and the returned figures) is compared with `recompute_same.json`, written by
the recompute as it was before the speed-ups. Rewrite it only on purpose:
RECOMPUTE_SAME_WRITE=1 pytest tests/learning/test_recompute_same.py
"""

import datetime
import json
import os
import random
from pathlib import Path

import pytest
from django.utils import timezone

from doorbraak.accounts.models import Neighbourhood
from doorbraak.cases.models import Blocker
from doorbraak.learning import matching
from doorbraak.learning.models import Pattern, Signal, Signature
from tests.factories import CaseFactory, OrganisationFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).with_name("recompute_same.json")
NOW = timezone.make_aware(datetime.datetime(2026, 6, 15, 12, 0))
RULES = [
    "Medebewoner telt mee in de huurtoeslag",
    "Een spookbewoner op het adres telt mee voor de huurtoeslag",
    "Geen bijstand met terugwerkende kracht",
    "Voorschot wordt in een keer teruggevorderd",
    "Zonder adres geen uitkering",
    "Beslag op de toeslag ondanks de beslagvrije voet",
    "Schuldregeling vraagt verkoop van de auto",
    "Wachttijd voor beschermd wonen",
    "Tandzorg valt niet onder de basisverzekering",
    "Regel 4 over procedure 2 en termijn 1",
]
EXTRA = ["", " volgens de brief", " sinds de verhuizing"]
EFFECTS = ["minder inkomen", "huurachterstand"]
TEXTS = [(rule + extra, effect) for rule in RULES for extra in EXTRA for effect in EFFECTS]


def _world():
    organisations = [
        OrganisationFactory(name=f"Uitvoerder {i} (test)", kind="overig") for i in range(3)
    ]
    teams = []
    for m in range(2):
        municipality = OrganisationFactory(name=f"Gemeente {m} (test)", kind="gemeente")
        wijk = Neighbourhood.objects.create(name=f"Wijk {m}", municipality=municipality)
        teams += [TeamFactory(neighbourhood=wijk) for _ in range(2)]
    teams.append(TeamFactory())  # no wijk: no municipality
    cases = []
    for t, team in enumerate(teams):
        worker = UserFactory(
            username=f"same-{t}", team=team, organisation=team.organisation, role="gezinswerker"
        )
        cases += [(worker, CaseFactory(actor=worker)) for _ in range(4)]
    return organisations, cases


def _add_blockers(rng, organisations, cases, n, offset):
    made = []
    for _ in range(n):
        worker, case = rng.choice(cases)
        rule, effect = rng.choice(TEXTS)
        made.append(
            Blocker(
                case=case,
                organisation=rng.choice(organisations),
                rule=rule,
                effect=effect,
                life_domain="wonen",
                created_by=worker,
            )
        )
    made = Blocker.objects.bulk_create(made)
    for i, blocker in enumerate(made):  # auto_now_add: dates afterwards, oldest first
        blocker.created_at = NOW - datetime.timedelta(days=420 - (offset + i) * 420 / 300)
    Blocker.objects.bulk_update(made, ["created_at"])
    return made


def _snapshot(result, blockers, signals) -> dict:
    index = {b.pk: i for i, b in enumerate(blockers)}
    signal_index = {s.pk: i for i, s in enumerate(signals)}
    patterns = []
    for p in Pattern.objects.select_related("organisation", "municipality"):
        reference = (
            ["b", index[p.reference_blocker_id]]
            if p.reference_blocker_id
            else ["s", signal_index[p.reference_signal_id]]
        )
        patterns.append(
            {
                "organisation": p.organisation.name,
                "municipality": p.municipality.name if p.municipality_id else "",
                "status": p.status,
                "reference": reference,
                "summary": p.summary,
                "rule": p.rule,
                "effect": p.effect,
                "cases": p.cases_count,
                "teams": p.teams_count,
                "blockers": sorted(
                    [index[b], str(s)]
                    for b, s in p.blocker_links.values_list("blocker_id", "similarity")
                ),
                "signals": sorted(
                    [signal_index[s], str(v)]
                    for s, v in Signal.objects.filter(pattern=p).values_list("pk", "similarity")
                ),
            }
        )
    patterns.sort(key=lambda p: (p["organisation"], p["municipality"], p["reference"]))
    flagged = sorted(
        index[pk] for pk in Signature.objects.filter(in_pattern=True).values_list("pk", flat=True)
    )
    return {"result": result, "patterns": patterns, "flagged": flagged}


def test_the_recompute_finds_what_it_found_before_the_speed_ups():
    rng = random.Random(14)
    organisations, cases = _world()
    blockers = _add_blockers(rng, organisations, cases, 240, 0)
    signals = []
    for i, (worker, _case) in enumerate(cases[:8:3]):
        rule, effect = TEXTS[i * 6]
        signal = Signal.objects.create(
            organisation=organisations[0], rule=rule, effect=effect, created_by=worker
        )
        signal.blockers.set([b for b in blockers if b.case.key_worker_id == worker.pk][:2])
        Signal.objects.filter(pk=signal.pk).update(created_at=NOW - datetime.timedelta(days=30))
        signals.append(signal)
    first = _snapshot(matching.recompute_patterns(now=NOW), blockers, signals)

    found = list(Pattern.objects.order_by("pk"))
    assert len(found) >= 4
    Pattern.objects.filter(pk=found[0].pk).update(status="bevestigd")
    Pattern.objects.filter(pk=found[1].pk).update(status="afgewezen")
    blockers += _add_blockers(rng, organisations, cases, 60, 240)
    second = _snapshot(matching.recompute_patterns(now=NOW), blockers, signals)
    third = _snapshot(matching.recompute_patterns(now=NOW), blockers, signals)

    got = {"first": first, "second": second, "third": third}
    if os.environ.get("RECOMPUTE_SAME_WRITE"):
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
    expected = json.loads(GOLDEN.read_text())
    assert got["first"] == expected["first"]
    assert got["second"] == expected["second"]
    assert got["third"] == expected["third"]


def test_the_one_pass_reads_the_signature_table():
    assert Signature._meta.db_table == "learning_signature"
