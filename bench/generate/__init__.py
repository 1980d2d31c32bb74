"""Fill a PostgreSQL database with a consistent synthetic Doorbraak dataset, fast.

    python -m bench.generate --scale tiny|city|national --seed 1 [--database-url URL]

Everything is deterministic for a seed: one `random.Random(seed)` and timestamps derived from
a fixed base date. The few policy and fund rows go through the services (so they look like the
real thing); everything else is written with COPY, with ids assigned here. Ledger balances are
recomputed from the entries at the end, so `balances == replayed_balances` for every fund.

`generate(scale=..., seed=..., connection=...)` fills the database behind a Django connection
(the current test database, for instance) without running migrations.
"""

from .cli import main, report
from .core import generate
from .tables import Stats
from .vocab import BASE, SCALES, Scale

__all__ = ["BASE", "SCALES", "Scale", "Stats", "generate", "main", "report"]
