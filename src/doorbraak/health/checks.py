"""What /health/ready checks: the database answers, Redis answers (when configured), and every
migration the code knows is applied. Each check returns "ok" or a short reason without any
detail of the data (no personal data, no connection strings)."""

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

_migrations_done = False  # once all are applied, this process's code never needs more


def database() -> str:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any driver error means: not reachable
        return "unreachable"
    return "ok"


def redis_check() -> str:
    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return "not configured"
    import redis

    try:
        redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return "unreachable"
    return "ok"


def migrations() -> str:
    """Unapplied migrations mean this code runs against an older schema: not ready. The
    answer is remembered once everything is applied (loading the migration graph takes
    tens of milliseconds, too much for every probe)."""
    global _migrations_done
    if _migrations_done:
        return "ok"
    try:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:
        return "unknown"
    if plan:
        return f"{len(plan)} not applied"
    _migrations_done = True
    return "ok"


def reset() -> None:
    """For tests: forget that the migrations were found applied."""
    global _migrations_done
    _migrations_done = False


def ready() -> dict[str, str]:
    checks = {"database": database(), "redis": redis_check()}
    checks["migrations"] = migrations() if checks["database"] == "ok" else "unknown"
    return checks


def failed(checks: dict[str, str]) -> list[str]:
    return [name for name, result in checks.items() if result not in {"ok", "not configured"}]
