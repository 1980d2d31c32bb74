"""The access export (inzageverzoek, AVG art. 15): everything Doorbraak holds about one
person, found by BSN, as machine-readable JSON and as a PDF.

The person is every household member row with the BSN's blind index (someone registered in
two households is one person). What is theirs: their own member rows; the households they
belong to and those households' case files (the case file is about the household, so about
them): blockers, support plans, timeline, handovers, access, maatwerk requests with their
votes, decisions, payment orders and ledger lines, documents made of them, and every other
record pointing at one of those cases or requests (found from the models, so a new app's
records are included without a change here). Other household members' own rows (names,
BSN, year of birth) are not theirs and are left out; only their number is given. Who
processed their data when comes from the processing log through the person's pseudonym,
joined to the audit trail for the actor.

Sections are flat lists of records with their foreign keys as ids, so the JSON can be joined
by machine; the PDF shows the same sections as tables.
"""

import datetime
import decimal
import json
import threading
import uuid

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.accounts.models import Neighbourhood, Organisation, Team, User
from doorbraak.approvals.models import DecisionRecord, Vote
from doorbraak.cases.models import (
    Blocker,
    Case,
    CaseAccess,
    Household,
    KeyWorkerHandover,
    Member,
    SupportPlan,
    TimelineEntry,
)
from doorbraak.documents.models import Document, DocumentKind
from doorbraak.funds.models import Fund, LedgerTransaction, PaymentOrder, Reservation
from doorbraak.privacy import bsn_keys
from doorbraak.privacy.activities import Activity
from doorbraak.privacy.models import AuditRecord, ProcessingRecord
from doorbraak.privacy.queries import AUDIT_MATCH_FIELDS, pseudonyms_of
from doorbraak.proposals.models import Category, CostBenefit, LegalGround, Request, ValueTriangle

from .models import DestroyedCase, Restriction, RightsRequest

#: Foreign keys to these are shown by name (they hold no one's personal data but staff names);
#: all others by id, so no other person's data comes in through a label.
_NAMED = (User, Organisation, Team, Neighbourhood, Category, Fund, LegalGround)

#: Never exported: ciphertext, search keys, internal keys and the approvers' anonymised copy.
_SKIPPED = {
    "bsn_encrypted",
    "bsn_index",
    "bsn_key_version",
    "subject_id",
    "idempotency_key",
    "idempotency_fingerprint",
    "password",
}


def _value(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


class _Names:
    """str() of named foreign keys, one query per distinct object."""

    def __init__(self):
        self.cache: dict = {}

    def __call__(self, model, pk):
        if pk is None:
            return None
        key = (model, pk)
        if key not in self.cache:
            obj = model._default_manager.filter(pk=pk).first()
            self.cache[key] = str(obj) if obj is not None else None
        return self.cache[key]


def _fields(model) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in _SKIPPED and not isinstance(f, models.FileField)
    ]


def _record(obj, names: _Names) -> dict:
    row = {}
    for f in _fields(type(obj)):
        if f.is_relation:
            pk = getattr(obj, f.attname)
            if issubclass(f.related_model, _NAMED):
                row[f.name] = names(f.related_model, pk)
            else:
                row[f.name] = pk
        else:
            row[f.name] = _value(getattr(obj, f.attname))
    return row


def _labels(model) -> dict:
    return {f.name: str(f.verbose_name) for f in _fields(model)}


#: Models handled by name in `gather`; every other model with a foreign key to a case or a
#: request is added as "other records".
_EXPLICIT = {
    Member,
    Household,
    Case,
    Blocker,
    SupportPlan,
    TimelineEntry,
    KeyWorkerHandover,
    CaseAccess,
    Request,
    ValueTriangle,
    CostBenefit,
    Vote,
    DecisionRecord,
    PaymentOrder,
    Reservation,
    LedgerTransaction,
    Document,
    RightsRequest,
    Restriction,
    DestroyedCase,
}


def other_models_of(target) -> list[tuple[type, str]]:
    """(model, field name) for every model not handled by name that has a foreign key (or
    one-to-one) to `target` (Case, Request or Blocker)."""
    found = []
    for model in apps.get_models():
        if model in _EXPLICIT:
            continue
        for f in model._meta.concrete_fields:
            if f.is_relation and f.many_to_one | f.one_to_one and f.related_model is target:
                found.append((model, f.name))
    return found


def persons_members(member: Member) -> list[Member]:
    """Every member row of the same person: same BSN (blind index), else this row only."""
    if member.bsn_index:
        indexes = bsn_keys.search_indexes(member.bsn)  # both keys during a rotation
        return list(Member.objects.filter(bsn_index__in=indexes).order_by("pk"))
    return [member]


def gather(members: list[Member]) -> dict:
    """The export as a dict of sections (see the module docstring)."""
    names = _Names()
    sections: dict[str, dict] = {}

    def add(key, title, model, rows):
        rows = list(rows)
        sections[key] = {
            "title": title,
            "labels": _labels(model),
            "records": [_record(r, names) for r in rows],
        }
        return rows

    member_ids = [m.pk for m in members]
    household_ids = sorted({m.household_id for m in members})
    person = add("person", _("The person"), Member, members)
    for row, member in zip(sections["person"]["records"], person, strict=True):
        row["bsn"] = member.bsn_masked
    add(
        "households",
        _("Households"),
        Household,
        Household.objects.filter(pk__in=household_ids).order_by("pk"),
    )
    others = dict(
        Member.objects.filter(household_id__in=household_ids)
        .exclude(pk__in=member_ids)
        .values_list("household_id")
        .annotate(n=models.Count("pk"))
    )
    for row in sections["households"]["records"]:
        row["other_members"] = others.get(row["id"], 0)
    sections["households"]["labels"]["other_members"] = _(
        "other household members (their data is not in this export)"
    )
    cases = add(
        "cases",
        _("Case files"),
        Case,
        Case.objects.filter(household_id__in=household_ids).order_by("pk"),
    )
    case_ids = [c.pk for c in cases]
    add("blockers", _("Blockers"), Blocker, Blocker.objects.filter(case_id__in=case_ids))
    add(
        "plans",
        _("Support plans"),
        SupportPlan,
        SupportPlan.objects.filter(case_id__in=case_ids).order_by("case_id", "version"),
    )
    add(
        "timeline",
        _("Timeline"),
        TimelineEntry,
        TimelineEntry.objects.filter(case_id__in=case_ids).order_by("case_id", "created_at", "pk"),
    )
    add(
        "handovers",
        _("Key worker handovers"),
        KeyWorkerHandover,
        KeyWorkerHandover.objects.filter(case_id__in=case_ids).order_by("pk"),
    )
    add(
        "access",
        _("People added to the case"),
        CaseAccess,
        CaseAccess.objects.filter(case_id__in=case_ids).order_by("pk"),
    )
    requests = add(
        "requests",
        _("Maatwerk requests"),
        Request,
        Request.objects.filter(case_id__in=case_ids).order_by("pk"),
    )
    request_ids = [r.pk for r in requests]
    add(
        "value_triangles",
        _("Value triangles"),
        ValueTriangle,
        ValueTriangle.objects.filter(request_id__in=request_ids).order_by("pk"),
    )
    add(
        "cost_benefit",
        _("Cost-benefit calculations"),
        CostBenefit,
        CostBenefit.objects.filter(request_id__in=request_ids).order_by("pk"),
    )
    add("votes", _("Votes"), Vote, Vote.objects.filter(request_id__in=request_ids).order_by("pk"))
    add(
        "decisions",
        _("Decisions"),
        DecisionRecord,
        DecisionRecord.objects.filter(request_id__in=request_ids).order_by("pk"),
    )
    add(
        "payments",
        _("Payment orders"),
        PaymentOrder,
        PaymentOrder.objects.filter(request_id__in=request_ids).order_by("pk"),
    )
    add(
        "reservations",
        _("Reservations on the fund"),
        Reservation,
        Reservation.objects.filter(request_id__in=request_ids).order_by("pk"),
    )
    add(
        "ledger",
        _("Ledger transactions"),
        LedgerTransaction,
        LedgerTransaction.objects.filter(request_id__in=request_ids).order_by("pk"),
    )
    other_rows, seen = [], set()
    blocker_ids = [b["id"] for b in sections["blockers"]["records"]]
    for target, ids in ((Case, case_ids), (Request, request_ids), (Blocker, blocker_ids)):
        for model, field in other_models_of(target):
            for obj in model._default_manager.filter(**{f"{field}__in": ids}).order_by("pk"):
                if (model, obj.pk) in seen:
                    continue
                seen.add((model, obj.pk))
                other_rows.append(
                    {
                        "kind": str(model._meta.verbose_name),
                        "model": model._meta.label_lower,
                        "record": _record(obj, names),
                    }
                )
    sections["other"] = {
        "title": _("Other records about the case files"),
        "labels": {"kind": _("kind"), "model": _("model"), "record": _("record")},
        "records": other_rows,
    }
    let_ids = [r["record"]["id"] for r in other_rows if r["model"] == "let.letsubmission"]
    add(
        "documents",
        _("Documents made"),
        Document,
        Document.objects.filter(
            models.Q(kind=DocumentKind.ONDERBOUWING, object_id__in=request_ids)
            | models.Q(kind=DocumentKind.LET_SUBMISSION, object_id__in=let_ids)
        ).order_by("pk"),
    )
    add(
        "rights_requests",
        _("Requests about your data"),
        RightsRequest,
        RightsRequest.objects.filter(member_id__in=member_ids).order_by("pk"),
    )
    add(
        "restrictions",
        _("Restrictions of processing"),
        Restriction,
        Restriction.objects.filter(household_id__in=household_ids).order_by("pk"),
    )
    sections["processing"] = {
        "title": _("Who processed your data when"),
        "labels": {
            "time": _("time"),
            "activity": _("processing activity"),
            "activity_label": _("description"),
            "outcome": _("outcome"),
            "actor": _("by"),
            "action": _("action"),
            "object": _("object"),
        },
        "records": processing_history(members),
    }
    return {
        "generated_at": _value(timezone.now()),
        "sections": sections,
    }


def processing_history(members: list[Member]) -> list[dict]:
    """The processing log's records about these members, oldest first, each with the actor
    and action from the audit record of the same write.

    The records are read by pseudonym under every pseudonym key version (a record made before
    a key rotation carries the old key's pseudonym, docs/privacy.md §7), through the index on
    `data_subject`; their audit records through the index on `trace_id`, a thousand traces per
    query. The audit record of a write has the trace, span, activity and time of its
    processing records (`privacy.services.log_processing`): that is the match, as in the
    privacy officer's history (`privacy.queries.history`)."""
    pseudonyms = list(pseudonyms_of(m.subject_id for m in members))
    records = list(
        ProcessingRecord.objects.filter(data_subject__in=pseudonyms)
        .order_by("started_at", "pk")
        .values_list("trace_id", "span_id", "activity", "started_at", "ended_at", "outcome")
    )
    audits: dict = {}
    traces = sorted({r[0] for r in records})
    for start in range(0, len(traces), 1000):
        for a in (
            AuditRecord.objects.filter(trace_id__in=traces[start : start + 1000])
            .order_by()
            .values_list(*AUDIT_MATCH_FIELDS)
        ):
            audits.setdefault(a[:4], a)
            audits.setdefault(a[:2], a)  # a record logged before activity and time matched
    labels = {key: str(label) for key, label in Activity.choices}
    rows = []
    for trace, span, activity, started, ended, outcome in records:
        audit = audits.get((trace, span, activity, ended)) or audits.get((trace, span))
        rows.append(
            {
                "time": _value(started),
                "activity": activity,
                "activity_label": labels.get(activity, activity),
                "outcome": outcome,
                "actor": audit[4] if audit else "",
                "action": audit[5] if audit else "",
                "object": f"{audit[6]} {audit[7]}".strip() if audit else "",
            }
        )
    return rows


def as_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


#: The PDF's style, parsed once per process (`_pdf_style`). Fixed table layout: WeasyPrint's
#: automatic layout measures every cell's minimum width, at every break opportunity of
#: `overflow-wrap: anywhere`, which made a long export take minutes.
_PDF_CSS = """
@page { size: A4; margin: 16mm 14mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 8.5pt; color: #111; }
h1 { font-size: 15pt; margin: 0 0 4mm; }
h2 { font-size: 11pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin-bottom: 3mm; page-break-inside: auto;
  table-layout: fixed; }
th, td { border: 1px solid #ccc; padding: 1mm 1.5mm; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: #eee; width: 32%; font-weight: normal; }
.muted { color: #555; }
table.log { border-collapse: separate; border-spacing: 0; margin-bottom: 0; }
table.log th, table.log td { border: none; border-bottom: 0.5pt solid #ccc; }
"""


_pdf_local = threading.local()


def _pdf_style():
    """WeasyPrint (imported here: loading pango costs start-up time), the export's stylesheet
    and the font configuration, made once per thread (a font configuration is not shared
    between threads) and reused by every export after it."""
    if not hasattr(_pdf_local, "style"):
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration

        fonts = FontConfiguration()
        _pdf_local.style = (HTML, CSS(string=_PDF_CSS, font_config=fonts), fonts)
    return _pdf_local.style


def as_pdf(data: dict, *, person_label: str) -> bytes:
    from django.template.loader import render_to_string

    sections = []
    for key, section in data["sections"].items():
        labels = {**section["labels"], "bsn": "BSN"}
        rows = [
            [(labels.get(name, name), _shown(value)) for name, value in record.items()]
            for record in section["records"]
        ]
        sections.append({"key": key, "title": section["title"], "rows": rows, "raw": section})
    html = render_to_string(
        "subjectrights/export_pdf.html",
        {
            "data": data,
            "sections": sections,
            "person_label": person_label,
            "processing_days": _chunks(
                processing_per_day(data["sections"]["processing"]["records"]), LOG_ROWS_PER_TABLE
            ),
        },
    )
    html_class, style, fonts = _pdf_style()
    return html_class(string=html).write_pdf(stylesheets=[style], font_config=fonts)


#: The processing history goes into the PDF as tables of this many rows (about a page each):
#: WeasyPrint lays out a table that spans pages again from its first row on every page, so
#: one table of thousands of rows costs quadratic time; short tables cost linear time.
LOG_ROWS_PER_TABLE = 50


def _chunks(rows: list, size: int) -> list[list]:
    return [rows[start : start + size] for start in range(0, len(rows), size)]


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_shown(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value) or "—"
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    return str(value)


def processing_per_day(records) -> list[dict]:
    """The processing history for the PDF: per day, actor, activity and outcome, with the
    number of records (a person seen on every page for years has thousands; each one is in
    the JSON)."""
    grouped: dict[tuple, int] = {}
    for r in records:
        key = (r["time"][:10], r["actor"], r["activity_label"], r["outcome"])
        grouped[key] = grouped.get(key, 0) + 1
    return [
        {"day": day, "actor": actor, "activity": activity, "outcome": outcome, "count": n}
        for (day, actor, activity, outcome), n in grouped.items()
    ]
