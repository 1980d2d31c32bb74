"""The text approvers see: the request's free text without the household's identifying
details. Computed with the anonymiser (deduce + our own rules, plus the household members'
names), shown to the writer before submitting, and checked again after the writer's edits.

What approvers need stays readable: every organisation, fund, category and legal ground the
platform knows is passed to the anonymiser as a `keep` term (one query, cached per process
for a minute, so an edit in the administration counts soon)."""

import threading
import time

from doorbraak.accounts.models import Organisation
from doorbraak.funds.models import Fund
from doorbraak.privacy.anonymiser import get_anonymiser

from . import limits
from .models import Category, LegalGround, PriorProvision

#: Free-text fields of a request (and its triangle) that approvers read.
FIELDS = ("solution", "prior_provisions_note", "recurrence_prevention", *limits.TRIANGLE_TEXTS)

KEEP_TERMS_SECONDS = 60.0
_keep_cache: tuple[float, tuple[str, ...]] | None = None
_keep_lock = threading.Lock()


def _query_keep_terms() -> tuple[str, ...]:
    # One UNION query; no ORDER BY in its parts (SQLite refuses them in compound statements).
    names = (
        Organisation.objects.order_by()
        .values_list("name", flat=True)
        .union(
            Fund.objects.order_by().values_list("name", flat=True),
            Category.objects.order_by().values_list("label", flat=True),
            LegalGround.objects.order_by().values_list("law", flat=True),
            LegalGround.objects.order_by().values_list("title", flat=True),
        )
    )
    provisions = [str(label) for label in PriorProvision.labels]
    # Sorted, so the same catalogue gives the same tuple and the anonymiser's compiled set.
    return tuple(sorted({n for n in [*names, *provisions] if n and n.strip()}))


def keep_terms() -> tuple[str, ...]:
    """Names the platform knows that approvers must read (one query, cached briefly)."""
    global _keep_cache
    now = time.monotonic()
    cached = _keep_cache
    if cached is not None and now - cached[0] < KEEP_TERMS_SECONDS:
        return cached[1]
    with _keep_lock:
        terms = _query_keep_terms()
        _keep_cache = (now, terms)
    return terms


def clear_keep_terms() -> None:
    """Forget the cached keep terms (tests; after a bulk import)."""
    global _keep_cache
    _keep_cache = None


def household_names(case) -> list[str]:
    names = []
    for member in case.household.members.all():
        names += [member.given_name, member.family_name]
    household = case.household.name
    for prefix in ("Huishouden ", "huishouden ", "Familie ", "familie ", "Gezin ", "gezin "):
        household = household.removeprefix(prefix)
    names.append(household)
    return [name for name in names if name and name.strip()]


def anonymise_texts(texts: dict[str, str], *, case, keep_ibans=()) -> dict[str, str]:
    anonymiser = get_anonymiser()
    names = household_names(case)
    keep = keep_terms()
    return {
        field: anonymiser.anonymise(text, names=names, keep_ibans=keep_ibans, keep=keep).text
        if text and text.strip()
        else ""
        for field, text in texts.items()
    }


def anonymise_blockers(blockers, *, case) -> list[dict[str, str]]:
    anonymiser = get_anonymiser()
    names = household_names(case)
    keep = keep_terms()
    return [
        {
            "organisation": str(b.organisation),
            "rule": anonymiser.anonymise(b.rule, names=names, keep=keep).text,
            "effect": anonymiser.anonymise(b.effect, names=names, keep=keep).text,
        }
        for b in blockers
    ]
