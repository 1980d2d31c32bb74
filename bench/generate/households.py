"""One household's rows: the household, its members, its case, blockers and timeline."""

import datetime
import json
import uuid
from dataclasses import dataclass

from .people import Staff
from .tables import Ids
from .vocab import BASE, FAMILY_NAMES, GIVEN_NAMES, LIFE_DOMAINS, RULES, YEAR_SECONDS, Scale


@dataclass(frozen=True)
class NewCase:
    """What the requests of a household's case need to know about it."""

    id: int
    team: int
    key_worker: int
    blockers: list[int]
    opened: datetime.datetime


def add_household(rows: dict[str, list], ids: Ids, rng, h: int, sc: Scale, staff: Staff) -> NewCase:
    """Append household `h` and its members, case, blockers and timeline to `rows`."""
    team = rng.randrange(1, sc.teams + 1)
    family = rng.choice(FAMILY_NAMES)
    opened = BASE + datetime.timedelta(seconds=rng.randrange(YEAR_SECONDS // 2))
    rows["household"].append(
        (h, f"Huishouden Bench {h}", staff.team_wijk[team], f"Benchstraat {h}",
         f"{1000 + h % 9000} AB", "Benchstad", opened)
    )  # fmt: skip
    for m in range(rng.randint(1, 4)):
        role = ("hoofdbewoner", "partner", "kind", "kind")[m]
        born = rng.randint(1960, 1995) if m < 2 else rng.randint(2005, 2022)
        rows["member"].append(
            (ids.next("member"), h, uuid.UUID(int=rng.getrandbits(128)),
             rng.choice(GIVEN_NAMES), family, role, born, "", "", 1, opened)
        )  # fmt: skip
    key_worker = rng.choice(staff.team_caseworkers[team])
    closed = rng.random() < 0.1
    domains = rng.sample(LIFE_DOMAINS, rng.randint(1, 3))
    rows["case"].append(
        (h, h, key_worker, team, "gesloten" if closed else "open",
         "Hulpvraag van het huishouden", json.dumps(domains), opened,
         opened + datetime.timedelta(days=120) if closed else None)
    )  # fmt: skip
    rows["timeline"].append((ids.next("timeline"), h, "geopend", "", key_worker, None, opened))
    case_blockers = []
    for b in range(rng.randint(1, 3)):
        bid = ids.next("blocker")
        case_blockers.append(bid)
        org = rng.choice(staff.blocker_org_ids)
        at = opened + datetime.timedelta(hours=b + 1)
        resolved = rng.random() < 0.3
        rows["blocker"].append(
            (bid, h, org, rng.choice(RULES), "Het huishouden loopt vast",
             rng.choice(domains), "opgelost" if resolved else "open", key_worker,
             at, "Opgelost met een maatwerkvoorstel" if resolved else "",
             at + datetime.timedelta(days=30) if resolved else None)
        )  # fmt: skip
        rows["timeline"].append((ids.next("timeline"), h, "knelpunt", "", key_worker, bid, at))
    if rng.random() < 0.5:
        rows["timeline"].append(
            (ids.next("timeline"), h, "notitie", "Huisbezoek gehad", key_worker, None,
             opened + datetime.timedelta(days=2))
        )  # fmt: skip
    return NewCase(h, team, key_worker, case_blockers, opened)
