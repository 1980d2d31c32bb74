"""The approval policy and the funds (opened through the services) and their final budgets."""

import datetime
import math
import time
from dataclasses import dataclass
from decimal import Decimal

from .tables import Stats, Table, copy_rows, euro
from .vocab import BASE, FUNDS_PER_TEAM, IBANS, Scale


@dataclass(frozen=True)
class Funds:
    ids: list[int]
    by_team: dict[int, list[int]]
    account: dict[tuple[int, str], int]
    reserved: dict[int, int]  # cents reserved per fund, added up while the requests are written


def open_funds(cursor, connection, sc: Scale, stats: Stats) -> Funds:
    """Save the policy and open FUNDS_PER_TEAM funds per team through the services."""
    from doorbraak.approvals.models import ApprovalPolicy, PolicyVersion
    from doorbraak.approvals.services import policy_save
    from doorbraak.funds.models import Fund, LedgerAccount
    from doorbraak.funds.services import fund_open

    start = time.perf_counter()
    policy = ApprovalPolicy(name="Bench teambeleid", pool="team", quorum=3, no_threshold=2)
    policy_save(policy)
    funds: list[int] = []
    team_funds: dict[int, list[int]] = {}
    for team in range(1, sc.teams + 1):
        for n, name in enumerate(("Doorbraakfonds", "Herstelpotje")[:FUNDS_PER_TEAM]):
            fund = fund_open(
                Fund(
                    name=f"{name} Team {team}",
                    owner_team_id=team,
                    owner_organisation_id=1,
                    programme="Bench",
                    period_start=datetime.date(2025, 1, 1),
                    period_end=datetime.date(2025, 12, 31),
                    total_budget=Decimal("0"),
                    debtor_name="Gemeente Bench",
                    debtor_iban=IBANS[n],
                    approval_policy=policy,
                )
            )
            funds.append(fund.pk)
            team_funds.setdefault(team, []).append(fund.pk)
    cursor.execute(f'UPDATE "{Fund._meta.db_table}" SET created_at = %s', (BASE,))
    cursor.execute(f'UPDATE "{PolicyVersion._meta.db_table}" SET created_at = %s', (BASE,))
    account = {
        (a.fund_id, a.kind): a.pk
        for a in LedgerAccount.objects.using(connection.alias).filter(fund_id__in=funds)
    }
    stats.add("funds (ORM)", len(funds), time.perf_counter() - start)
    return Funds(funds, team_funds, account, dict.fromkeys(funds, 0))


def settle_budgets(cursor, t: dict[str, Table], funds: Funds, stats: Stats) -> list[str]:
    """Give every fund a budget above what it reserved, allocate it, and recompute the
    balances from the entries. Returns the tables written here outside `t`."""
    from doorbraak.funds.models import Fund, LedgerAccount

    start = time.perf_counter()
    account = funds.account
    allocations, entries, budgets = [], [], []
    for n, fund_id in enumerate(funds.ids, start=1):
        budget = math.ceil(funds.reserved[fund_id] * 1.25 / 100_000) * 100_000 + 1_000_000
        budgets.append((fund_id, euro(budget)))
        allocations.append(
            (n, fund_id, "toewijzing", f"allocate:fund:{fund_id}", None, "Budget", None,
             BASE - datetime.timedelta(days=1))
        )  # fmt: skip
        entries.append((2 * n - 1, n, account[fund_id, "budget"], -budget))
        entries.append((2 * n, n, account[fund_id, "vrij"], budget))
    copy_rows(cursor, t["transaction"], allocations, stats)
    copy_rows(cursor, t["entry"], entries, stats)
    fund_table = Fund._meta.db_table
    cursor.executemany(
        f'UPDATE "{fund_table}" SET total_budget = %s WHERE id = %s',
        [(b, f) for f, b in budgets],
    )
    account_table = LedgerAccount._meta.db_table
    cursor.execute(
        f'UPDATE "{account_table}" a SET balance_cents = COALESCE(s.total, 0) '
        f'FROM "{account_table}" a2 LEFT JOIN (SELECT account_id, sum(amount_cents) AS total '
        f'FROM "{t["entry"].name}" GROUP BY account_id) s ON s.account_id = a2.id '
        "WHERE a.id = a2.id"
    )
    stats.add("balances", len(funds.ids), time.perf_counter() - start)
    return [fund_table, account_table]
