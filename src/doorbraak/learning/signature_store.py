"""The stored signatures of blockers (learning.Signature: what chooses a blocker's comparison
partners, and SignatureVector: its text's vector, signature.py), written the first time a
blocker is matched or by the full recompute for blockers without one, and read by matching.py
and recompute.py."""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Subquery

from doorbraak.cases.models import Blocker

from . import signature
from .models import PatternBlocker, Signature, SignatureVector

_BLOCKER_FIELDS = (
    "pk",
    "organisation_id",
    "case__team__neighbourhood__municipality_id",
    "case_id",
    "case__team_id",
    "rule",
    "effect",
    "created_at",
)


def _signature_from(row) -> Signature:
    pk, organisation_id, municipality_id, case_id, team_id, rule, effect, created_at = row
    return Signature(
        blocker_id=pk,
        organisation_id=organisation_id,
        municipality_id=municipality_id,
        case_id=case_id,
        team_id=team_id,
        created_at=created_at,
        digest=signature.digest(rule, effect),
    )


def with_vector(signatures=None):
    """Signatures with their text's vector (SignatureVector) as `vector`, in one query."""
    vector = SignatureVector.objects.filter(blocker_id=OuterRef("pk")).values("vector")[:1]
    return (signatures if signatures is not None else Signature.objects).annotate(
        vector=Subquery(vector)
    )


def save_vectors(pairs: list[tuple[int, bytes]]) -> None:
    """(blocker id, vector) written, or replaced where the blocker has one."""
    SignatureVector.objects.bulk_create(
        [SignatureVector(blocker_id=pk, vector=vector) for pk, vector in pairs],
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["blocker"],
        update_fields=["vector"],
    )


def ensure_signature(blocker_id: int) -> Signature | None:
    """The blocker's stored signature with its `vector`, written now if it is missing or its
    text, case or team changed."""
    row = (
        Blocker.objects.filter(pk=blocker_id)
        .annotate(linked=Exists(PatternBlocker.objects.filter(blocker_id=OuterRef("pk"))))
        .values_list(*_BLOCKER_FIELDS, "linked")
        .first()
    )
    if row is None:
        return None
    fresh = _signature_from(row[:-1])
    stored = with_vector().filter(pk=blocker_id).first()
    same = ("digest", "municipality_id", "organisation_id", "case_id", "team_id", "created_at")
    has_vector = stored is not None and stored.vector is not None
    if has_vector and all(getattr(stored, f) == getattr(fresh, f) for f in same):
        return stored
    fresh.in_pattern = row[-1]
    fresh.save(force_insert=stored is None)
    if has_vector and stored.digest == fresh.digest:
        fresh.vector = stored.vector
    else:
        fresh.vector = signature.of(row[5], row[6])
        save_vectors([(blocker_id, fresh.vector)])
    return fresh


def store_signatures(chunk: int = 20_000) -> int:
    """Signatures for every blocker without one (blockers written before this table, bulk
    loads), and fresh ones for blockers whose date was moved (the demo backdates); the full
    recompute calls it first. Returns how many were written."""
    moved = Signature.objects.exclude(created_at=F("blocker__created_at")).values_list(
        "pk", flat=True
    )
    for pk in list(moved):
        ensure_signature(pk)
    written = 0
    while True:
        rows = list(
            Blocker.objects.filter(signature__isnull=True)
            .order_by("pk")
            .values_list(*_BLOCKER_FIELDS)[:chunk]
        )
        if not rows:
            return written
        vectors = signature.many([(row[5], row[6]) for row in rows])
        batch = []
        linked = set(
            PatternBlocker.objects.filter(blocker_id__in=[row[0] for row in rows]).values_list(
                "blocker_id", flat=True
            )
        )
        for row in rows:
            item = _signature_from(row)
            item.in_pattern = row[0] in linked
            batch.append(item)
        Signature.objects.bulk_create(batch, batch_size=2000)
        save_vectors([(row[0], vector) for row, vector in zip(rows, vectors, strict=True)])
        written += len(batch)


def vectors_of(first_of: dict[int, int]) -> dict[int, bytes]:
    """digest → vector, reading one signature per distinct text (`first_of`: digest → the
    blocker whose signature is read)."""
    digest_of = {pk: digest for digest, pk in first_of.items()}
    pks = list(digest_of)
    vectors: dict[int, bytes] = {}
    for start in range(0, len(pks), 5000):
        rows = SignatureVector.objects.filter(pk__in=pks[start : start + 5000])
        vectors.update((digest_of[pk], bytes(v)) for pk, v in rows.values_list("pk", "vector"))
    if len(vectors) < len(first_of):  # a signature without its vector: made again
        missing = [pk for digest, pk in first_of.items() if digest not in vectors]
        texts = Blocker.objects.filter(pk__in=missing).values_list("pk", "rule", "effect")
        made = [(pk, signature.of(rule, effect)) for pk, rule, effect in texts]
        save_vectors(made)
        vectors.update((digest_of[pk], vector) for pk, vector in made)
    return vectors


def stored_vectors(blocker_ids: list[int]) -> dict[int, tuple[int, bytes]]:
    """blocker → (digest, vector) of the stored signatures among `blocker_ids`."""
    result: dict[int, tuple[int, bytes]] = {}
    for start in range(0, len(blocker_ids), 5000):
        rows = with_vector(Signature.objects.filter(pk__in=blocker_ids[start : start + 5000]))
        result.update(
            (pk, (digest, bytes(v)))
            for pk, digest, v in rows.values_list("pk", "digest", "vector")
            if v is not None
        )
    return result
