"""Reads that are built and compiled once per process, then run with fresh parameters.

A page's time goes mostly into Python, not into PostgreSQL: building a queryset (`filter`,
`select_related`, cloning) and compiling it to SQL cost more than running it (issue 12,
docs/benchmarks.md). The reads every page makes have a fixed shape, only the ids change. A
`CompiledRead` builds its queryset once with placeholder values, compiles it once per database
connection, and from then on only swaps the placeholders for the real values and runs the SQL.
Rows still come back through Django's own iterables: model instances (with their
`select_related` objects), `values()` dicts or `values_list()` tuples, with every field
converter applied (decryption, decimals, dates), exactly as the queryset would return them.

    _MEMBERS = CompiledRead(lambda p: Member.objects.filter(household_id=p.int("household")))
    members = _MEMBERS.all(household=case.household_id)

What a compiled read cannot hold, it refuses when it is first compiled: `prefetch_related`
(a second query of its own), a placeholder Django would write into the SQL text instead of
passing it as a parameter (a `LIMIT` must be a constant), a placeholder that does not reach the
database at all, and lists of varying length (`pk__in=[...]`: use a subquery). A read whose
shape depends on the data (a user with or without a team) takes that as a `shape` argument:
each shape is compiled once.

Decision record: docs/decisions/0011-compiled-reads.md."""

import datetime
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler

_ATTRIBUTE = "_doorbraak_compiled_reads"


class CompiledReadError(Exception):
    """A compiled read was written with something it cannot hold (see the module docstring)."""


class Params:
    """Hands out placeholder values for a read's parameters while it is being built. A read is
    built twice, with two different sets of placeholders; the positions where the compiled
    parameters differ between the two builds are the read's parameters. The placeholders are
    small positive numbers, valid for every integer column, so Django compiles them as it would
    compile a real id."""

    def __init__(self, variant: int) -> None:
        self.variant = variant
        self.sentinels: dict[str, Any] = {}

    def int(self, name: str) -> int:
        return self._sentinel(name, 20011 + 2 * len(self.sentinels) + self.variant)

    def str(self, name: str) -> str:
        return self._sentinel(name, f"doorbraak-param-{len(self.sentinels)}-{self.variant}")

    def date(self, name: str) -> datetime.date:
        return self._sentinel(
            name,
            datetime.date(1901, 1, 1)
            + datetime.timedelta(days=2 * len(self.sentinels) + self.variant),
        )

    def _sentinel(self, name: str, value):
        if name not in self.sentinels:
            self.sentinels[name] = value
        return self.sentinels[name]


@dataclass
class _Compiled:
    queryset: QuerySet
    compiler: SQLCompiler
    sql: str
    params: tuple
    #: parameter name → positions in `params` where its placeholder stands
    positions: dict[str, list[int]]
    #: position → the driver type the compiled query wrapped its value in (psycopg's Int4)
    wrappers: dict[int, type]
    current: tuple = field(default=())


class CompiledRead:
    def __init__(self, build: Callable[..., QuerySet], *, using: str = "default") -> None:
        self.build = build
        self.using = using

    def all(self, *shape: Hashable, **params) -> list:
        """The rows for these parameter values, as the queryset would return them."""
        compiled = self._compiled(shape)
        missing = set(compiled.positions) ^ set(params)
        if missing:
            raise CompiledReadError(f"parameters do not match the read: {sorted(missing)}")
        values = list(compiled.params)
        for name, positions in compiled.positions.items():
            value = params[name]
            for position in positions:
                wrap = compiled.wrappers.get(position)
                values[position] = value if wrap is None or value is None else wrap(value)
        compiled.current = tuple(values)
        queryset = compiled.queryset
        return list(queryset._iterable_class(queryset))

    def first(self, *shape: Hashable, **params):
        rows = self.all(*shape, **params)
        return rows[0] if rows else None

    def _compiled(self, shape: tuple) -> _Compiled:
        connection = connections[self.using]
        cache = connection.__dict__.setdefault(_ATTRIBUTE, {})
        key = (id(self), shape)
        compiled = cache.get(key)
        if compiled is None:
            compiled = cache[key] = self._compile(connection, shape)
        return compiled

    def _compile(self, connection, shape: tuple) -> _Compiled:
        builds = []
        for variant in (0, 1):
            names = Params(variant)
            queryset = self.build(names, *shape)
            if queryset._prefetch_related_lookups:
                raise CompiledReadError("a compiled read cannot prefetch: write a second read")
            compiler = queryset.query.get_compiler(connection=connection)
            sql, params = compiler.as_sql()
            builds.append((names.sentinels, queryset, compiler, sql, tuple(params)))
        (first, queryset, compiler, sql, params), (second, _, _, other_sql, other_params) = builds
        if sql != other_sql or len(params) != len(other_params):
            raise CompiledReadError("a parameter is written into the SQL text")
        positions: dict[str, list[int]] = {}
        for name in first:
            found = [
                i
                for i, (one, two) in enumerate(zip(params, other_params, strict=True))
                if _same(one, first[name]) and _same(two, second[name])
            ]
            if not found:
                raise CompiledReadError(f"parameter {name!r} does not reach the database")
            positions[name] = found
        if sum(len(found) for found in positions.values()) != sum(
            one != two for one, two in zip(params, other_params, strict=True)
        ):
            raise CompiledReadError("a parameter reaches the database changed")
        wrappers = {
            i: type(params[i])
            for name, found in positions.items()
            for i in found
            if type(params[i]) is not type(first[name])
        }
        compiled = _Compiled(queryset, compiler, sql, params, positions, wrappers)
        # From now on the query hands out this compiler, and the compiler its SQL with the
        # current values, so Django's iterables run it without building or compiling again.
        queryset.query.get_compiler = lambda using=None, connection=None, elide_empty=True: compiler
        compiler.as_sql = lambda *args, **kwargs: (compiled.sql, compiled.current)
        return compiled


def prefetched(instance, name: str, rows: list) -> list:
    """Hand `rows` to `instance.<name>.all()` as `prefetch_related` would, so code that reads
    the relation (templates, serializers) runs no query of its own."""
    manager = getattr(instance, name)
    key = getattr(manager, "prefetch_cache_name", None) or manager.field.remote_field.cache_name
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    cache.pop(key, None)
    queryset = manager.get_queryset()  # the relation's own filter, for a later .filter()
    queryset._result_cache = list(rows)
    queryset._prefetch_done = True
    cache[key] = queryset
    return rows


def _same(value, sentinel) -> bool:
    """`value` is the placeholder as the compiled query carries it: the same value, perhaps
    wrapped in a driver type (psycopg's `Int4` for an integer column, with server-side
    binding), or a date as the text SQLite's backend turns it into."""
    if isinstance(sentinel, datetime.date) and isinstance(value, str):
        return value == sentinel.isoformat()
    return isinstance(value, type(sentinel)) and value == sentinel


def forget(using: str = "default") -> None:
    """Drop the compiled reads of this thread's connection (tests that change the schema)."""
    connections[using].__dict__.pop(_ATTRIBUTE, None)
