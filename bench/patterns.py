"""Pattern matching benchmark: match one new blocker against N existing blockers.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:54329/doorbraak_bench_patterns \\
       python bench/patterns.py 10000 100000 [--runs 7]

For each N the database is emptied of blockers and filled with N synthetic blockers (bulk
insert) over 400 cases and 12 organisations (the Dienst Toeslagen holds a fifth of them), with
rule texts made from 40 rule templates and small variations, all within the pattern window
and in no pattern yet: the worst case for one match, because every blocker of the
organisation is a candidate. Each run records one new Toeslagen blocker and times
`pattern_match_blocker` alone, inside a transaction that is rolled back. Prints the median.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings_test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

RULES = [
    "Medebewoner telt mee in de huurtoeslag",
    "Geen bijstand met terugwerkende kracht",
    "Voorschot wordt in één keer teruggevorderd",
    "Onder de 23 jaar geen huurtoeslag boven de kwaliteitskortingsgrens",
    "Zonder adres geen uitkering",
    "Beslag op de toeslag ondanks de beslagvrije voet",
    "Schuldregeling vraagt verkoop van de auto",
    "Verhogingen op boetes lopen door tijdens de schuldregeling",
    "Wachttijd voor beschermd wonen",
    "Tandzorg valt niet onder de basisverzekering",
] + [f"Regel {i} over procedure {i % 7} en termijn {i % 5}" for i in range(30)]
EFFECTS = ["minder inkomen", "huurachterstand", "schuld groeit", "geen woning", "zorg mist"]
EXTRA = ["", " (gemeld door buurtteam)", " volgens de brief", " sinds de verhuizing"]


def setup_world():
    from doorbraak.accounts.models import Organisation, Team, User
    from doorbraak.cases import services

    organisations = [
        Organisation.objects.get_or_create(name=f"Bench-organisatie {i}", kind="overig")[0]
        for i in range(12)
    ]
    team, _ = Team.objects.get_or_create(name="Bench-team", organisation=organisations[1])
    user, _ = User.objects.get_or_create(
        username="bench-werker", defaults={"role": "gezinswerker", "team": team}
    )
    from doorbraak.cases.models import Case

    cases = list(Case.objects.filter(key_worker=user))
    while len(cases) < 400:
        cases.append(
            services.case_open(
                actor=user,
                household_name=f"Huishouden Bench{len(cases)}",
                given_name="Bench",
                family_name=f"Synthetisch{len(cases)}",
                birth_year=1980,
            )
        )
    return organisations, cases, user


def fill(n, organisations, cases, user, rng):
    from doorbraak.cases.models import Blocker

    Blocker.objects.all().delete()
    batch = []
    for _ in range(n):
        org = organisations[0] if rng.random() < 0.2 else rng.choice(organisations[1:])
        batch.append(
            Blocker(
                case=rng.choice(cases),
                organisation=org,
                rule=rng.choice(RULES) + rng.choice(EXTRA),
                effect=rng.choice(EFFECTS),
                life_domain="wonen",
                created_by=user,
            )
        )
        if len(batch) == 5000:
            Blocker.objects.bulk_create(batch)
            batch = []
    Blocker.objects.bulk_create(batch)


def one_match(organisation, case, user, threshold) -> float:
    from doorbraak.cases.models import Blocker
    from doorbraak.learning.matching import parameters, pattern_match_blocker

    params = parameters(threshold=threshold)
    with transaction.atomic():
        blocker = Blocker.objects.create(
            case=case,
            organisation=organisation,
            rule="Een spookbewoner telt als medebewoner mee in de huurtoeslag",
            effect="veel minder huurtoeslag",
            life_domain="wonen",
            created_by=user,
        )
        start = time.perf_counter()
        pattern_match_blocker(blocker.pk, params=params)
        elapsed = time.perf_counter() - start
        transaction.set_rollback(True)
    return elapsed


def main(argv):
    runs = 7
    if "--runs" in argv:
        runs = int(argv[argv.index("--runs") + 1])
        del argv[argv.index("--runs") : argv.index("--runs") + 2]
    sizes = [int(a) for a in argv] or [10_000, 100_000]
    call_command("migrate", verbosity=0)
    rng = random.Random(14)  # noqa: S311 - synthetic data
    organisations, cases, user = setup_world()
    for n in sizes:
        fill(n, organisations, cases, user, rng)
        # Threshold 1.0: only an identical text would match and the new one has none, so no
        # pattern is created and every run compares against the same candidates (worst case).
        times = [one_match(organisations[0], cases[0], user, 1.0) for _ in range(runs)]
        print(
            f"N={n:>8}: match one blocker median {statistics.median(times) * 1000:.0f} ms "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; {runs} runs; "
            f"{n // 5} candidates of the same organisation)"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
