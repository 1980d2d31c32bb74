"""Retention terms and destruction (Archiefwet; AVG art. 5(1)(e) storage limitation).

Per kind of record a retention term with its source, counted from the closure of the case.
What is due is listed (a dry run, counts per kind); it is destroyed only after a second
functional administrator confirms the first one's proposal (four eyes). Destroying a case
means removing its personal data irreversibly, in place:

* the household's name and address, the members' names, year of birth, BSN ciphertext and
  BSN blind index are removed; each member gets a fresh random `subject_id`, so the kept
  processing log no longer leads to the (anonymised) member row;
* every free text of the case file and of records pointing at it (blockers, plans, timeline,
  requests, votes, escalations, LET submissions, …: every text field and every name field,
  found from the models) is replaced;
* what financial accountability needs stays, anonymised: requests' amounts, statuses and
  dates, decisions, payment orders' amounts and dates, and the ledger untouched (its memos
  hold references and categories only), so every fund's balances replay as before.

A household is destroyed as a whole: its cases are due only when all of them are. A household
whose processing is restricted (AVG art. 18) is not destroyed while the restriction lasts.

The processing log and the audit trail are out of scope: they are append-only (and
hash-chained), nothing here deletes or changes them; their own retention is the log's.
"""

import datetime
import secrets
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorbraak.cases.models import (
    Blocker,
    Case,
    CaseStatus,
    Household,
    LifeDomain,
    Member,
)
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.services import Origin, log_processing
from doorbraak.proposals.models import Request

from .models import DestroyedCase, DestructionProposal, ProposalState, Restriction
from .permissions import may_handle_rights

REPLACEMENT = "[vernietigd]"
BATCH = 500


@dataclass(frozen=True)
class Term:
    kind: str
    label: str
    years: int
    source: str


JEUGD = "jeugdwet"
SOCIAL = "sociaal-domein"

#: The defaults. Override the years per kind with DOORBRAAK_RETENTION_YEARS in the settings,
#: e.g. {"sociaal-domein": 10}; the source then says it was set locally.
DEFAULT_TERMS = {
    SOCIAL: Term(
        SOCIAL,
        gettext_lazy("social-domain case file"),
        10,
        "Selectielijst gemeenten en intergemeentelijke organen 2020 (VNG, Stcrt. 2020, 11143), "
        "procestype 'Verstrekken' — categorie en termijn door de archivaris te bevestigen; "
        "10 jaar na afsluiten is hier als voorzichtige standaard gekozen",
    ),
    JEUGD: Term(
        JEUGD,
        gettext_lazy("Jeugdwet case file"),
        20,
        "Jeugdwet art. 7.3.8 (bewaartermijn 20 jaar); hier geteld vanaf het afsluiten",
    ),
}

#: Kept in anonymised form, never destroyed here: amounts, decisions, ledger.
FINANCIAL_TERM = Term(
    "financieel",
    gettext_lazy("financial accountability"),
    7,
    "Art. 52 Algemene wet inzake rijksbelastingen / art. 2:10 BW (7 jaar)",
)


def terms() -> dict[str, Term]:
    overrides = getattr(settings, "DOORBRAAK_RETENTION_YEARS", {}) or {}
    result = {}
    for kind, term in DEFAULT_TERMS.items():
        if kind in overrides:
            term = Term(kind, term.label, int(overrides[kind]), f"lokaal ingesteld ({term.source})")
        result[kind] = term
    return result


def kind_of(life_domains) -> str:
    """A case about parenting and youth is a Jeugdwet file; every other one a social-domain
    case file (Wmo, Participatiewet, schuldhulpverlening)."""
    return JEUGD if LifeDomain.PARENTING_YOUTH in (life_domains or []) else SOCIAL


def _years_before(moment: datetime.datetime, years: int) -> datetime.datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def due(now=None) -> dict[str, list[int]]:
    """Case ids due for destruction per kind: closed at least the kind's term ago, not yet
    destroyed, not restricted, and every other case of the household due or destroyed too."""
    now = now or timezone.now()
    all_terms = terms()
    cutoffs = {kind: _years_before(now, t.years) for kind, t in all_terms.items()}
    destroyed = DestroyedCase.objects.values("case_id")
    candidates = (
        Case.objects.filter(status=CaseStatus.CLOSED, closed_at__lte=max(cutoffs.values()))
        .exclude(pk__in=destroyed)
        .exclude(
            household_id__in=Restriction.objects.filter(lifted_at__isnull=True).values(
                "household_id"
            )
        )
        .values_list("pk", "household_id", "life_domains", "closed_at")
        .order_by("pk")
    )
    by_kind: dict[str, list[int]] = defaultdict(list)
    households: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for pk, household_id, domains, closed_at in candidates.iterator(chunk_size=5000):
        kind = kind_of(domains)
        if closed_at <= cutoffs[kind]:
            households[household_id].append((kind, pk))
    if not households:
        return {kind: [] for kind in all_terms}
    # A household only as a whole: drop households with a case that is not due.
    due_ids = {pk for cases in households.values() for _kind, pk in cases}
    blocked = set()
    household_ids = list(households)
    for start in range(0, len(household_ids), 5000):
        chunk = household_ids[start : start + 5000]
        for pk, household_id in (
            Case.objects.filter(household_id__in=chunk)
            .exclude(pk__in=destroyed)
            .values_list("pk", "household_id")
        ):
            if pk not in due_ids:
                blocked.add(household_id)
    for household_id, cases in households.items():
        if household_id in blocked:
            continue
        for kind, pk in cases:
            by_kind[kind].append(pk)
    return {kind: sorted(by_kind.get(kind, [])) for kind in all_terms}


def due_counts(now=None) -> dict[str, int]:
    return {kind: len(ids) for kind, ids in due(now).items()}


def _check_actor(actor) -> None:
    if not may_handle_rights(actor):
        raise PermissionDenied(
            _("Only the functional administrator may propose or confirm a destruction.")
        )


@transaction.atomic
def propose(*, actor, origin: Origin, kind: str, now=None) -> DestructionProposal:
    """Propose destroying what is due of one kind now. Nothing is destroyed yet."""
    _check_actor(actor)
    all_terms = terms()
    if kind not in all_terms:
        raise ValidationError({"kind": _("Choose a kind of record.")})
    if DestructionProposal.objects.filter(kind=kind, state=ProposalState.PROPOSED).exists():
        raise ValidationError(
            {"kind": _("A destruction of this kind is already waiting for confirmation.")}
        )
    now = now or timezone.now()
    ids = due(now)[kind]
    if not ids:
        raise ValidationError({"kind": _("Nothing of this kind is due for destruction.")})
    term = all_terms[kind]
    proposal = DestructionProposal.objects.create(
        kind=kind,
        term_years=term.years,
        term_source=term.source[:300],
        due_before=_years_before(now, term.years),
        case_ids=ids,
        counts={"cases": len(ids)},
        proposed_by=actor,
    )
    log_processing(
        origin,
        activity=Activity.RETENTION_PROPOSE,
        action="propose",
        object_type="destruction",
        object_id=proposal.pk,
    )
    return proposal


@transaction.atomic
def withdraw(*, actor, origin: Origin, proposal: DestructionProposal) -> DestructionProposal:
    _check_actor(actor)
    proposal = DestructionProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state != ProposalState.PROPOSED:
        raise ValidationError(_("This destruction is no longer waiting for confirmation."))
    proposal.state = ProposalState.CANCELLED
    proposal.save(update_fields=["state"])
    log_processing(
        origin,
        activity=Activity.RETENTION_PROPOSE,
        action="withdraw",
        object_type="destruction",
        object_id=proposal.pk,
    )
    return proposal


@transaction.atomic
def confirm(
    *, actor, origin: Origin, proposal: DestructionProposal, now=None
) -> DestructionProposal:
    """A second functional administrator confirms: the proposal's cases that are still due
    are destroyed, and the proposal becomes the destruction record."""
    _check_actor(actor)
    proposal = DestructionProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state != ProposalState.PROPOSED:
        raise ValidationError(_("This destruction is no longer waiting for confirmation."))
    if proposal.proposed_by_id == actor.pk:
        raise PermissionDenied(
            _(
                "A destruction must be confirmed by another functional administrator than the "
                "one who proposed it. Nothing was destroyed."
            )
        )
    still_due = set(due(now)[proposal.kind])
    ids = [pk for pk in proposal.case_ids if pk in still_due]
    counts = _destroy(ids, proposal=proposal, origin=origin)
    proposal.state, proposal.confirmed_by = ProposalState.DONE, actor
    proposal.carried_out_at = timezone.now()
    proposal.counts = {**counts, "proposed_cases": len(proposal.case_ids)}
    proposal.save(update_fields=["state", "confirmed_by", "carried_out_at", "counts"])
    return proposal


def refuse_unconfirmed() -> None:
    """What a destruction without a second person's confirmation gets."""
    raise PermissionDenied(
        _(
            "Destruction needs a proposal by one functional administrator and a confirmation by "
            "another. Nothing was destroyed."
        )
    )


# --- Destroying -----------------------------------------------------------------------------

#: Fields kept although they are text: references and categories only, needed for the
#: financial accountability and the ledger.
_KEEP = {("funds", "paymentorder", "remittance")}

#: JSON fields that hold personal text.
_JSON_CLEARED = {("proposals", "request", "anonymised"): {}}


def _scrubbed_fields(model) -> dict:
    """The replacement of every personal-text field of `model`: every text field and
    every name field (LimitedCharField(name_check=True) or a CharField with a name
    validator), except choice fields and those in `_KEEP`."""
    values = {}
    for f in model._meta.concrete_fields:
        key = (model._meta.app_label, model._meta.model_name, f.name)
        if key in _KEEP or f.choices or f.is_relation:
            continue
        if key in _JSON_CLEARED:
            values[f.name] = _JSON_CLEARED[key]
            continue
        is_name = getattr(f, "name_check", False) or any(
            getattr(v, "__name__", "") == "validate_name" for v in f.validators
        )
        if isinstance(f, models.TextField) or (isinstance(f, models.CharField) and is_name):
            # A filled field gets the replacement, an empty one stays empty: constraints such
            # as "a paid request has an IBAN" keep holding.
            values[f.name] = models.Case(
                models.When(**{f.name: ""}, then=models.Value("")),
                default=models.Value(REPLACEMENT[: f.max_length or len(REPLACEMENT)]),
                output_field=models.TextField()
                if isinstance(f, models.TextField)
                else models.CharField(),
            )
    return values


def _pointing_at(targets) -> list[tuple[type, str, type]]:
    """(model, field, target) for every foreign key or one-to-one to one of `targets`."""
    found = []
    for model in apps.get_models():
        if model._meta.app_label == "privacy":
            continue  # the processing log and audit trail: out of scope, never changed
        for f in model._meta.concrete_fields:
            if f.is_relation and (f.many_to_one or f.one_to_one) and f.related_model in targets:
                found.append((model, f.name, f.related_model))
    return found


def _destroy(case_ids: list[int], *, proposal, origin: Origin) -> dict:
    counts: dict[str, int] = defaultdict(int)
    for start in range(0, len(case_ids), BATCH):
        for key, n in _destroy_batch(case_ids[start : start + BATCH], proposal, origin).items():
            counts[key] += n
    return dict(counts)


def _destroy_batch(case_ids, proposal, origin: Origin) -> dict:
    cases = list(Case.objects.filter(pk__in=case_ids).values_list("pk", "household_id"))
    case_ids = [pk for pk, _h in cases]
    household_ids = sorted({h for _pk, h in cases})
    request_ids = list(Request.objects.filter(case_id__in=case_ids).values_list("pk", flat=True))
    blocker_ids = list(Blocker.objects.filter(case_id__in=case_ids).values_list("pk", flat=True))
    members = list(
        Member.objects.filter(household_id__in=household_ids).values_list("pk", "subject_id")
    )
    member_ids = [pk for pk, _s in members]
    log_processing(  # before the subject ids are replaced, so the log names them
        origin,
        activity=Activity.RETENTION_DESTROY,
        action="destroy",
        object_type="destruction",
        object_id=proposal.pk,
        subject_ids=[s for _pk, s in members],
    )
    ids_of = {
        Case: case_ids,
        Household: household_ids,
        Member: member_ids,
        Request: request_ids,
        Blocker: blocker_ids,
    }
    changed = 0
    # The records themselves.
    for model, ids in ids_of.items():
        values = _scrubbed_fields(model)
        if values and ids:
            changed += model.objects.filter(pk__in=ids).update(**values)
    Member.objects.filter(pk__in=member_ids).update(birth_year=None, bsn_encrypted="", bsn_index="")
    # A fresh random id each: the kept processing log no longer leads to these rows.
    Member.objects.bulk_update(
        [Member(pk=pk, subject_id=uuid.uuid4()) for pk in member_ids], ["subject_id"]
    )
    Household.objects.filter(pk__in=household_ids).update(
        name=REPLACEMENT, address="", postcode="", city=""
    )
    # Every record pointing at them, found from the models.
    for model, field, target in _pointing_at(tuple(ids_of)):
        values = _scrubbed_fields(model)
        ids = ids_of[target]
        if values and ids:
            changed += model._default_manager.filter(**{f"{field}__in": ids}).update(**values)
    DestroyedCase.objects.bulk_create(
        [DestroyedCase(case_id=pk, proposal=proposal) for pk in case_ids]
    )
    return {
        "cases": len(case_ids),
        "households": len(household_ids),
        "members": len(member_ids),
        "requests": len(request_ids),
        "records_anonymised": changed,
    }


def command_origin(actor) -> Origin:
    return Origin(
        trace_id=secrets.token_hex(16),
        span_id=secrets.token_hex(8),
        parent_span_id="",
        actor=actor,
        origin="command retention",
    )
