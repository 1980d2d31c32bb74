"""Organisations, wijken, teams and users: the people the cases and votes are assigned to."""

import datetime
from dataclasses import dataclass

from .tables import Stats, Table, copy_rows
from .vocab import BASE, BLOCKER_ORGS, FAMILY_NAMES, GIVEN_NAMES, ROLE_MIX, Scale

#: the municipality-wide users with a fixed name: the web bench logs in as `bench-manager` to
#: measure the dashboard (/cijfers/) for the whole municipality (issue 15).
BOARD_USERS = {"manager-wi": "bench-manager", "beleidsadviseur": "bench-beleidsadviseur"}


@dataclass(frozen=True)
class Staff:
    blocker_org_ids: list[int]
    team_wijk: dict[int, int]
    team_members: dict[int, list[int]]
    team_caseworkers: dict[int, list[int]]


def add_people(cursor, t: dict[str, Table], sc: Scale, rng, stats: Stats) -> Staff:
    """Write the organisations, wijken, teams and users; return who works where."""
    from django.contrib.auth.hashers import make_password

    from doorbraak.accounts.roles import CASEWORKER_ROLES

    orgs = [(1, "Gemeente Bench", "gemeente"), (2, "Buurtteams Bench", "buurtteamorganisatie")]
    orgs += [(i + 3, name, kind) for i, (name, kind) in enumerate(BLOCKER_ORGS)]
    blocker_org_ids = [o[0] for o in orgs[2:]]
    copy_rows(cursor, t["organisation"], orgs, stats)
    copy_rows(
        cursor,
        t["neighbourhood"],
        [(w, f"Wijk Bench {w}", 1) for w in range(1, sc.wijken + 1)],
        stats,
    )
    team_wijk = {n: (n - 1) % sc.wijken + 1 for n in range(1, sc.teams + 1)}
    copy_rows(
        cursor,
        t["team"],
        [(n, f"Buurtteam Bench {n}", 2, team_wijk[n]) for n in team_wijk],
        stats,
    )

    password = make_password("doorbraak")
    users = []
    team_members: dict[int, list[int]] = {}
    team_caseworkers: dict[int, list[int]] = {}
    uid = 0
    for team in range(1, sc.teams + 1):
        roles = ["teamleider"] + [ROLE_MIX[i % len(ROLE_MIX)] for i in range(sc.per_team - 1)]
        for slot, role in enumerate(roles):
            uid += 1
            first = rng.choice(GIVEN_NAMES)
            last = rng.choice(FAMILY_NAMES)
            if team == 1 and slot == 1:
                username, role = "bench-worker", "gezinswerker"
            else:
                username = f"bench-user-{uid}"
            users.append(
                (uid, password, None, False, username, first, last, "", False, True,
                 BASE - datetime.timedelta(days=30), role, 2, team)
            )  # fmt: skip
            team_members.setdefault(team, []).append(uid)
            if role in CASEWORKER_ROLES:
                team_caseworkers.setdefault(team, []).append(uid)
    for role in ("beheerder", "beleidsadviseur", "manager-wi"):
        uid += 1
        users.append(
            (uid, password, None, False, BOARD_USERS.get(role, f"bench-user-{uid}"), "Bench",
             role.title(), "",
             role == "beheerder", True, BASE - datetime.timedelta(days=30), role, 1, None)
        )  # fmt: skip
    copy_rows(cursor, t["user"], users, stats)
    return Staff(blocker_org_ids, team_wijk, team_members, team_caseworkers)
