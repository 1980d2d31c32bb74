"""The full recompute's writes (recompute.py): only what differs from what is stored. A
re-found candidate (same reference item, same scope) keeps its row, its first `found_at` and
every link that did not change; links that changed are deleted and inserted (COPY on
PostgreSQL, its foreign keys checked once per table for a bulk insert); candidates not found
again are deleted; the `in_pattern` flags follow the links."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import OperationalError, connection, transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from doorbraak.accounts.models import Organisation
from doorbraak.cases.models import Blocker
from doorbraak.ui import formatting

from . import matching
from .matching import Item, Scope
from .models import Pattern, PatternBlocker, Signal, Signature


@dataclass(slots=True)
class Found:
    scope: Scope
    reference: Item
    members: list = field(default_factory=list)  # (item, score)
    pk: int | None = None


class _Similarities(dict):
    """score → (Decimal as stored, the same × 10⁴ as an integer): few distinct scores."""

    def __missing__(self, score: float):
        value = Decimal(str(round(score, 4)))
        self[score] = result = (value, int(value.scaleb(4)))
        return result


def write(found: list[Found], existing_links, dropped, old_links, cache) -> int:
    """Write what the replay found, changing only what differs from what is stored; returns
    how many candidates were recomputed (all dropped ones, as before)."""
    old_by_reference: dict[tuple[str, int], tuple] = {}
    for row in dropped.values():
        key = ("b", row[1]) if row[1] is not None else ("s", row[2])
        old_by_reference.setdefault(key, row)
    _texts_and_rows(found, old_by_reference, cache)
    reused = {f.pk for f in found}
    gone = [pk for pk in dropped if pk not in reused]
    similarity = _Similarities()
    wanted: dict[int, tuple[int, int, Decimal]] = {}  # blocker → (pattern, × 10⁴, value)
    signal_links: list[tuple[int, Item, float]] = []
    touched: set[int] = set()
    for pattern, item, score in existing_links:
        touched.add(pattern.pk)
        if item.kind == "b":
            value, whole = similarity[score]
            wanted[item.pk] = (pattern.pk, whole, value)
        else:
            signal_links.append((pattern.pk, item, score))
    for pattern in found:
        for item, score in pattern.members:
            if item.kind == "b":
                value, whole = similarity[score]
                wanted[item.pk] = (pattern.pk, whole, value)
            else:
                signal_links.append((pattern.pk, item, score))
                touched.add(pattern.pk)
    stale = [
        blocker
        for blocker, (pattern, whole) in old_links.items()
        if wanted.get(blocker, (None, None))[:2] != (pattern, whole)
    ]
    new_links = [
        (pattern, blocker, value)
        for blocker, (pattern, whole, value) in wanted.items()
        if old_links.get(blocker) != (pattern, whole)
    ]
    _delete_links(stale)
    if gone:
        Pattern.objects.filter(pk__in=gone).delete()
    _insert_links(new_links)
    for pattern_pk, item, score in signal_links:
        Signal.objects.filter(pk=item.pk, pattern__isnull=True).update(
            pattern_id=pattern_pk, similarity=similarity[score][0]
        )
    for pattern in Pattern.objects.filter(pk__in=touched):
        matching.refresh_counts(pattern)
    return len(dropped)


def _texts_and_rows(found: list[Found], old_by_reference, cache) -> None:
    """Each found pattern's row: the candidate with the same reference item in the same
    scope is kept (its texts and counts updated when they differ), the others are made with
    anonymised texts, at once. Sets `pk` on each."""
    organisations = dict(
        Organisation.objects.filter(pk__in={f.scope[0] for f in found}).values_list("pk", "name")
    )
    signals = Signal.objects.in_bulk([f.reference.pk for f in found if f.reference.kind == "s"])
    fresh = [f for f in found if f.reference.kind == "b" and f.reference.pk not in cache.previous]
    blockers = {}
    if fresh:  # the households' names, for the anonymiser, in two queries
        blockers = Blocker.objects.select_related("organisation", "case__household")
        blockers = blockers.prefetch_related("case__household__members").in_bulk(
            [f.reference.pk for f in fresh]
        )
    created = []
    for pattern in found:
        ref = pattern.reference
        if ref.kind == "b":
            if ref.pk in cache.previous:
                rule, effect = cache.previous[ref.pk]
            else:
                rule, effect = matching.anonymised_reference(blockers[ref.pk], cache)
            refs = {"reference_blocker_id": ref.pk}
        else:
            signal = signals[ref.pk]
            rule, effect, refs = signal.rule, signal.effect, {"reference_signal_id": ref.pk}
        items = [item for item, _score in pattern.members]
        values = {
            "summary": _("%(organisation)s: %(rule)s")
            % {
                "organisation": organisations[pattern.scope[0]],
                "rule": formatting.shorten(rule, 160),
            },
            "rule": rule,
            "effect": effect,
            "cases_count": len({case for item in items for case in item.cases}),
            "teams_count": len({item.team for item in items if item.team is not None}),
        }
        old = old_by_reference.pop(ref.key, None)
        if old is not None and (old[3], old[4]) == pattern.scope:
            pattern.pk = old[0]
            stored = dict(
                zip(
                    ("rule", "effect", "summary", "cases_count", "teams_count"),
                    old[5:],
                    strict=True,
                )
            )
            changed = {k: v for k, v in values.items() if stored[k] != v}
            if changed:
                Pattern.objects.filter(pk=old[0]).update(**changed)
            continue
        created.append(
            (
                pattern,
                Pattern(
                    organisation_id=pattern.scope[0],
                    municipality_id=pattern.scope[1],
                    **values,
                    **refs,
                ),
            )
        )
    saved = Pattern.objects.bulk_create([row for _f, row in created], batch_size=1000)
    for (pattern, _row), row in zip(created, saved, strict=True):
        pattern.pk = row.pk


def _delete_links(blockers: list[int]) -> None:
    for start in range(0, len(blockers), 50_000):
        PatternBlocker.objects.filter(blocker_id__in=blockers[start : start + 50_000])._raw_delete(
            PatternBlocker.objects.db
        )


#: From this many new links on (the first recompute, a changed threshold) PostgreSQL checks
#: the link table's foreign keys once for the whole table instead of once per row.
BULK_LINKS = 20_000


def _insert_links(links: list[tuple[int, int, Decimal]]) -> None:
    """Many new pattern links (pattern id, blocker id, similarity) at once: COPY on
    PostgreSQL (a million in seconds), bulk insert elsewhere."""
    if not links:
        return
    if connection.vendor != "postgresql":
        PatternBlocker.objects.bulk_create(
            [PatternBlocker(pattern_id=p, blocker_id=b, similarity=v) for p, b, v in links],
            batch_size=5000,
        )
        return
    table = PatternBlocker._meta.db_table
    with (
        _foreign_keys_checked_once(table, len(links) >= BULK_LINKS),
        connection.cursor() as cursor,
        cursor.copy(f"COPY {table} (pattern_id, blocker_id, similarity) FROM STDIN") as copy,
    ):
        for row in links:
            copy.write_row(row)


@contextmanager
def _foreign_keys_checked_once(table: str, bulk: bool):
    """PostgreSQL checks a deferred foreign key per inserted row at COMMIT (a locking
    look-up of the referenced row each: 4.4 s for 100,000 links, issue 14); dropped before
    a bulk insert and added again after, it checks all rows in one join (0.2 s). ALTER TABLE
    locks the table (and blocks writes to the referenced tables) until COMMIT: tried for at
    most LOCK_WAIT, else the rows are checked one by one as usual."""
    if not bulk:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
            [table],
        )
        keys = cursor.fetchall()
        cursor.execute("SHOW lock_timeout")
        previous = cursor.fetchone()[0]
        # The checks queued so far run now (few: new patterns), so the table can be altered.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        try:
            with transaction.atomic():
                cursor.execute("SELECT set_config('lock_timeout', %s, true)", [LOCK_WAIT])
                for name, _definition in keys:
                    cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        except OperationalError:
            keys = []  # busy: checked per row at COMMIT instead
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [previous])
    yield
    with connection.cursor() as cursor:
        for name, definition in keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


#: How long the recompute waits for the link table's lock before a bulk insert.
LOCK_WAIT = "2s"


def sync_flags() -> None:
    """Signature.in_pattern equal to "has a pattern link" again, in two statements that
    rewrite only the rows whose membership changed, without reading the links into Python."""
    link = PatternBlocker.objects.filter(blocker_id=OuterRef("pk"))
    Signature.objects.filter(~Exists(link), in_pattern=True).update(in_pattern=False)
    Signature.objects.filter(Exists(link), in_pattern=False).update(in_pattern=True)
