"""A case's requests with their votes, notifications, reservations, ledger entries and orders."""

import datetime
import json
from dataclasses import dataclass

from .funds import Funds
from .households import NewCase
from .people import Staff
from .tables import Ids, euro
from .vocab import IBANS, SOLUTIONS, STATUS_MIX, SUPPLIERS, YEAR_SECONDS


@dataclass(frozen=True)
class Catalogue:
    categories: list[tuple[int, str]]
    grounds: list[int | None]


@dataclass(frozen=True)
class NewRequest:
    """What the votes and the payment of a request need to know about it."""

    id: int
    ref: str
    requester: int
    category_label: str
    fund_id: int
    cents: int
    status: str
    submitted: datetime.datetime
    decided: datetime.datetime | None
    supplier: str
    iban: str


def load_catalogue(cursor) -> Catalogue:
    """The active categories and legal grounds the migrations installed."""
    cursor.execute("SELECT id, label FROM proposals_category WHERE active ORDER BY id")
    categories = cursor.fetchall()
    cursor.execute("SELECT id FROM proposals_legalground WHERE active ORDER BY id")
    grounds = [row[0] for row in cursor.fetchall()] or [None]
    return Catalogue(categories, grounds)


def add_requests(
    rows: dict[str, list],
    ids: Ids,
    rng,
    case: NewCase,
    count: int,
    staff: Staff,
    funds: Funds,
    catalogue: Catalogue,
) -> None:
    """Append `count` requests for `case`, each with its votes and, once approved with an
    amount, its reservation, payment order and ledger transactions."""
    members = staff.team_members[case.team]
    for _ in range(count):
        request = _add_request(rows, ids, rng, case, members, funds, catalogue)
        voters = _add_votes(rows, ids, rng, request, members)
        if request.status in ("goedgekeurd", "betaald") and request.cents > 0:
            _add_payment(rows, ids, request, voters[-1], funds)


def _add_request(
    rows: dict[str, list],
    ids: Ids,
    rng,
    case: NewCase,
    members: list[int],
    funds: Funds,
    catalogue: Catalogue,
) -> NewRequest:
    h = case.id
    rid = ids.next("request")
    requester = case.key_worker if rng.random() < 0.9 else rng.choice(members)
    category_id, category_label = rng.choice(catalogue.categories)
    fund_id = rng.choice(funds.by_team[case.team])
    cents = 0 if rng.random() < 0.03 else rng.randint(100, 50_000)
    roll = rng.random()
    status = next(s for s, w in STATUS_MIX if roll < w)
    submitted = case.opened + datetime.timedelta(seconds=rng.randrange(YEAR_SECONDS // 2))
    decided = (
        None if status == "ingediend" else submitted + datetime.timedelta(hours=rng.randint(2, 96))
    )
    solution = rng.choice(SOLUTIONS)
    supplier = rng.choice(SUPPLIERS)
    iban = rng.choice(IBANS)
    texts = {
        "solution": solution,
        "prior_provisions_note": "Geen voorliggende voorziening",
        "recurrence_prevention": "Budgetcoaching loopt",
        "legitimacy": "Past binnen de hardheidsclausule",
        "legitimacy_na": "",
        "involvement": "Het huishouden betaalt een deel terug",
        "involvement_na": "",
        "societal_return": "Voorkomt een ontruiming",
        "societal_return_na": "",
        "blockers": [],
    }
    rows["request"].append(
        (rid, h, solution, category_id, euro(cents), "eenmalig", 1, supplier,
         iban, '["geen"]', texts["prior_provisions_note"],
         texts["recurrence_prevention"], fund_id, status, json.dumps(texts),
         decided,
         "ander-fonds" if status == "elders-opgelost" else "",
         "Via een ander fonds betaald" if status == "elders-opgelost" else "",
         requester, submitted)
    )  # fmt: skip
    rows["request_blockers"].append((ids.next("rb"), rid, rng.choice(case.blockers)))
    rows["triangle"].append(
        (rid, rid, rng.choice(catalogue.grounds), texts["legitimacy"], "",
         texts["involvement"], "", texts["societal_return"], "")
    )  # fmt: skip
    return NewRequest(
        id=rid,
        ref=f"V-{rid:06d}",
        requester=requester,
        category_label=category_label,
        fund_id=fund_id,
        cents=cents,
        status=status,
        submitted=submitted,
        decided=decided,
        supplier=supplier,
        iban=iban,
    )


def _add_votes(
    rows: dict[str, list], ids: Ids, rng, request: NewRequest, members: list[int]
) -> list[int]:
    """Votes from colleagues that fit the request's status; notifications for the ones
    still asked to vote. Returns the voters in voting order."""
    rid, status, submitted = request.id, request.status, request.submitted
    colleagues = [u for u in members if u != request.requester]
    if status in ("goedgekeurd", "betaald"):
        choices = ["ja"] * 3
    elif status == "afgewezen":
        choices = ["nee", "nee"] + ["ja"] * rng.randint(0, 1)
    elif status == "ingediend":
        choices = [rng.choice(("ja", "ja", "vraag")) for _ in range(rng.randint(0, 2))]
    else:
        choices = ["ja"] * rng.randint(0, 1)
    voters = rng.sample(colleagues, len(choices))
    for n, (voter, choice) in enumerate(zip(voters, choices, strict=True)):
        comment = "" if choice == "ja" else "Graag toelichting"
        rows["vote"].append(
            (ids.next("vote"), rid, voter, choice, comment,
             submitted + datetime.timedelta(minutes=10 * (n + 1)))
        )  # fmt: skip
    if status == "ingediend":
        voted = set(voters)
        for user in colleagues:
            if user not in voted:
                rows["notification"].append(
                    (ids.next("notification"), user, rid, "stem-gevraagd", submitted, None)
                )
    return voters


def _add_payment(
    rows: dict[str, list], ids: Ids, request: NewRequest, approver: int, funds: Funds
) -> None:
    """The reservation, its ledger transaction and the payment order of an approved
    request; for a paid one also the payment transaction."""
    rid, ref, fund_id, cents = request.id, request.ref, request.fund_id, request.cents
    status, decided, account = request.status, request.decided, funds.account
    memo = f"{ref} {request.category_label}"
    rows["reservation"].append(
        (ids.next("reservation"), fund_id, ref, rid, cents,
         cents if status == "betaald" else 0, 0, decided)
    )  # fmt: skip
    funds.reserved[fund_id] += cents
    txn = ids.next("transaction")
    rows["transaction"].append(
        (txn, fund_id, "reservering", f"reserve:{ref}", rid, memo, approver, decided)
    )
    rows["entry"].append((ids.next("entry"), txn, account[fund_id, "vrij"], -cents))
    rows["entry"].append((ids.next("entry"), txn, account[fund_id, "gereserveerd"], cents))
    oid = ids.next("order")
    paid_at = decided + datetime.timedelta(days=7)
    rows["order"].append(
        (oid, rid, fund_id, 1, euro(cents), request.supplier[:70], request.iban,
         memo[:140], (decided + datetime.timedelta(days=3)).date(),
         "betaald" if status == "betaald" else "open", None,
         paid_at if status == "betaald" else None)
    )  # fmt: skip
    if status == "betaald":
        txn = ids.next("transaction")
        rows["transaction"].append(
            (txn, fund_id, "betaling", f"pay:order:{oid}", rid, memo[:300],
             request.requester, paid_at)
        )  # fmt: skip
        rows["entry"].append((ids.next("entry"), txn, account[fund_id, "gereserveerd"], -cents))
        rows["entry"].append((ids.next("entry"), txn, account[fund_id, "betaald"], cents))
