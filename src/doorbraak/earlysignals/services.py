"""Every write of vroegsignalering: the CSV import (all or nothing, one transaction) and each
step of a signal's funnel, ending in a case with one click. Refusals are Dutch
ValidationErrors raised before anything is saved; the callers write the processing log."""

import base64
import csv
import datetime
import hashlib
import hmac
import io
import json
from dataclasses import dataclass, field

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from doorbraak.accounts.models import Organisation, OrganisationKind
from doorbraak.cases import services as case_services
from doorbraak.cases.models import EntryKind
from doorbraak.privacy import keyed_hash

from . import access, rows, workflow
from .messages import issue_line
from .models import Signal, SignalEvent, SignalImport, SignalStatus

#: At most this many problems are kept for the page; the count says how many there were.
SHOWN_ISSUES = 200
BATCH = 5000


def first_contact_days() -> int:
    return int(getattr(settings, "EARLYSIGNALS_FIRST_CONTACT_DAYS", 0) or 0) or (
        workflow.DEFAULT_FIRST_CONTACT_DAYS
    )


def municipality_id_of(user) -> int | None:
    """The municipality whose signals a person works: their team's wijk's municipality, or
    their own organisation when it is a municipality."""
    team = getattr(user, "team", None)
    if team is not None and team.neighbourhood_id:
        return team.neighbourhood.municipality_id
    if (
        user.organisation_id
        and Organisation.objects.filter(
            pk=user.organisation_id, kind=OrganisationKind.MUNICIPALITY
        ).exists()
    ):
        return user.organisation_id
    return None


def _person_key(text: str) -> str:
    return hmac.new(
        settings.PSEUDONYM_KEY.encode(), f"early-signal-person:{text}".encode(), hashlib.sha256
    ).hexdigest()


def _dedup_key(person_key: str, arrear_text: str) -> str:
    return hmac.new(
        settings.PSEUDONYM_KEY.encode(),
        f"early-signal-arrear:{person_key}|{arrear_text}".encode(),
        hashlib.sha256,
    ).hexdigest()


def _fernet() -> Fernet:
    raw = base64.urlsafe_b64decode(settings.FIELD_ENCRYPTION_KEY)
    return Fernet(base64.urlsafe_b64encode(raw))


def contact_of(signal: Signal) -> dict:
    """The person's name, birth date, address and contact details (decrypted)."""
    return json.loads(keyed_hash.decrypt(settings.FIELD_ENCRYPTION_KEY, signal.contact))


def subject_id(signal_or_key) -> str:
    """The data subject id the processing log pseudonymises: the person key."""
    key = getattr(signal_or_key, "person_key", signal_or_key)
    return f"vroegsignaal:{key}"


@dataclass
class ImportResult:
    signal_import: SignalImport | None = None
    rows: int = 0
    created: int = 0
    merged: int = 0
    issues: list[str] = field(default_factory=list)
    issue_count: int = 0


class ImportRefused(ValidationError):
    """The file has bad rows: nothing was imported."""

    def __init__(self, result: ImportResult):
        self.result = result
        super().__init__(_("Nothing was imported: the file has problems."))


def _text_stream(file) -> io.TextIOBase:
    if isinstance(file, io.TextIOBase):
        return file
    return io.TextIOWrapper(file, encoding="utf-8-sig", newline="", errors="strict")


def signals_import(*, actor, file, file_name: str = "", today=None) -> ImportResult:
    """Read a partner's CSV and store its signals for the actor's municipality, streaming.
    Every row is checked; one bad row and nothing is stored (ImportRefused names each line).
    A signal already known (same person, creditor, amount and date; also from an earlier
    import or earlier in the same file) is merged: its `times_received` goes up."""
    if not access.may_import(actor.role, actor.is_active):
        raise PermissionDenied(_("Only a team leader imports signals."))
    municipality_id = municipality_id_of(actor)
    if municipality_id is None:
        raise PermissionDenied(_("Your team is not linked to a municipality."))
    today = today or timezone.localdate()
    result = ImportResult()
    try:
        with transaction.atomic():
            record = SignalImport.objects.create(
                municipality_id=municipality_id, imported_by=actor, file_name=file_name[:200]
            )
            writer = _PostgresWriter if connection.vendor == "postgresql" else _OrmWriter
            with writer(record, today) as out:
                _read_into(out, _text_stream(file), today, result)
            if result.issue_count:
                raise ImportRefused(result)
            result.created, result.merged = out.created, out.merged + out.merged_in_file
            record.rows, record.created, record.merged = result.rows, result.created, result.merged
            record.save(update_fields=["rows", "created", "merged"])
            result.signal_import = record
    except UnicodeDecodeError:
        result.issue_count = 1
        result.issues = [_("The file is not UTF-8 text (save it as CSV UTF-8).")]
        raise ImportRefused(result) from None
    except csv.Error as error:
        result.issue_count = 1
        result.issues = [_("The file cannot be read as CSV: %(e)s") % {"e": error}]
        raise ImportRefused(result) from None
    return result


def _read_into(out, stream, today, result: ImportResult) -> None:
    reader = csv.reader(stream, delimiter=rows.DELIMITER)
    fernet = _fernet()
    for item in rows.read(rows.numbered(reader), today):
        if isinstance(item, rows.Issue):
            result.issue_count += 1
            if len(result.issues) < SHOWN_ISSUES:
                result.issues.append(issue_line(item))
            continue
        result.rows += 1
        if result.issue_count:
            continue  # keep checking, store nothing more
        person_key = _person_key(item.person_text())
        contact = fernet.encrypt(
            json.dumps(
                {
                    "naam": item.name,
                    "geboortedatum": item.birth_date.isoformat(),
                    "postcode": item.postcode,
                    "huisnummer": item.house_number,
                    "telefoon": item.phone,
                    "email": item.email,
                },
                separators=(",", ":"),
            ).encode()
        ).decode()
        out.add(item, person_key, _dedup_key(person_key, item.arrear_text()), contact)


class _Writer:
    """Collects rows; in-file duplicates are merged before anything reaches the database."""

    def __init__(self, record: SignalImport, today):
        self.record = record
        self.today = today
        self.seen: dict[bytes, int] = {}
        self.created = 0
        self.merged = 0
        self.merged_in_file = 0

    def __enter__(self):
        return self

    def add(self, row, person_key, dedup_key, contact):
        digest = bytes.fromhex(dedup_key)
        if digest in self.seen:
            self.seen[digest] += 1
            self.merged_in_file += 1
            return
        self.seen[digest] = 0
        self.write(
            (
                self.record.municipality_id,
                self.record.pk,
                row.sender_kind,
                row.creditor,
                row.amount,
                row.arrear_date,
                person_key,
                dedup_key,
                contact,
                self.today,
            )
        )

    def _apply_in_file_merges(self):
        extra: dict[int, list[str]] = {}
        for digest, n in self.seen.items():
            if n:
                extra.setdefault(n, []).append(digest.hex())
        for n, keys in extra.items():
            for start in range(0, len(keys), 500):
                Signal.objects.filter(
                    municipality_id=self.record.municipality_id,
                    dedup_key__in=keys[start : start + 500],
                ).update(times_received=F("times_received") + n)


COLUMNS = (
    "municipality_id",
    "first_import_id",
    "sender_kind",
    "creditor",
    "amount",
    "arrear_date",
    "person_key",
    "dedup_key",
    "contact",
    "received_on",
)


class _OrmWriter(_Writer):
    """SQLite and others: bulk inserts per batch, known arrears updated."""

    def __init__(self, record, today):
        super().__init__(record, today)
        self.batch: list[tuple] = []

    def write(self, values):
        self.batch.append(values)
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self):
        if not self.batch:
            return
        keys = [v[7] for v in self.batch]
        known = set(
            Signal.objects.filter(
                municipality_id=self.record.municipality_id, dedup_key__in=keys
            ).values_list("dedup_key", flat=True)
        )
        if known:
            Signal.objects.filter(
                municipality_id=self.record.municipality_id, dedup_key__in=known
            ).update(times_received=F("times_received") + 1)
        new = [
            Signal(status=SignalStatus.RECEIVED, **dict(zip(COLUMNS, v, strict=True)))
            for v in self.batch
            if v[7] not in known
        ]
        Signal.objects.bulk_create(new, batch_size=BATCH)
        self.created += len(new)
        self.merged += len(known)
        self.batch = []

    def __exit__(self, kind, value, traceback):
        if kind is None:
            self.flush()
            self._apply_in_file_merges()
        return False


_COLUMN_LIST = ", ".join(COLUMNS)
_TARGET = ", ".join([*COLUMNS, "status", "times_received", "close_reason"])
#: New signals in, known ones merged; counts (new, merged). Built from constants only.
INSERT_FROM_STAGE = (
    f"WITH ins AS (INSERT INTO earlysignals_signal ({_TARGET}) "  # noqa: S608
    f"SELECT {_COLUMN_LIST}, %s, 1, '' FROM earlysignals_stage "
    "ON CONFLICT (municipality_id, dedup_key) DO UPDATE "
    "SET times_received = earlysignals_signal.times_received + 1 "
    "RETURNING (xmax = 0) AS new) "
    "SELECT count(*) FILTER (WHERE new), count(*) FILTER (WHERE NOT new) FROM ins"
)


class _PostgresWriter(_Writer):
    """PostgreSQL: COPY every row into a temporary table as it is read, then one INSERT …
    ON CONFLICT that creates new signals and merges known ones."""

    def __enter__(self):
        self.cursor = connection.cursor()
        self.cursor.execute(
            "CREATE TEMP TABLE earlysignals_stage ("
            "municipality_id bigint, first_import_id bigint, sender_kind varchar(20), "
            "creditor varchar(200), amount numeric(12,2), arrear_date date, "
            "person_key varchar(64), dedup_key varchar(64), contact text, received_on date"
            ") ON COMMIT DROP"
        )
        self.copy_cm = self.cursor.cursor.copy(
            f"COPY earlysignals_stage ({', '.join(COLUMNS)}) FROM STDIN"
        )
        self.copy = self.copy_cm.__enter__()
        return self

    def write(self, values):
        self.copy.write_row(values)

    def __exit__(self, kind, value, traceback):
        self.copy_cm.__exit__(kind, value, traceback)
        if kind is None:
            self._insert()
            self._apply_in_file_merges()
            # Dropped now, not only at commit: a caller's outer transaction may import again.
            self.cursor.execute("DROP TABLE earlysignals_stage")
        self.cursor.close()
        return False

    def _insert(self):
        self.cursor.execute(INSERT_FROM_STAGE, [SignalStatus.RECEIVED])
        self.created, self.merged = self.cursor.fetchone()


# -- the funnel ------------------------------------------------------------------------------


def _locked(signal: Signal) -> Signal:
    return Signal.objects.select_for_update().get(pk=signal.pk)


def _check_date(on, signal: Signal, today) -> datetime.date:
    on = on or today
    if on > today:
        raise ValidationError({"on": _("The date cannot be in the future.")})
    if on < signal.received_on:
        raise ValidationError({"on": _("The date cannot be before the signal came in.")})
    return on


@transaction.atomic
def signal_step(
    *,
    actor,
    signal: Signal,
    status: str,
    method: str = "",
    reason: str = "",
    on=None,
    note: str = "",
) -> Signal:
    """One step in the funnel: approached (with how), reached, help accepted, or closed (with a
    reason). The first attempt sets the worker and the date the term is measured by."""
    if not access.may_work(actor.role, actor.is_active):
        raise PermissionDenied(_("Only a professional works signals."))
    signal = _locked(signal)
    if signal.municipality_id != municipality_id_of(actor):
        raise PermissionDenied(_("This signal is not of your municipality."))
    if not workflow.may_move(signal.status, status):
        raise ValidationError(
            _("A signal that is “%(current)s” cannot become “%(target)s”.")
            % {
                "current": signal.get_status_display(),
                "target": SignalStatus(status).label if status in SignalStatus.values else status,
            }
        )
    errors = {}
    if status == workflow.APPROACHED and method not in workflow.METHODS:
        errors["method"] = _("Choose how you approached the household.")
    if status == workflow.CLOSED and reason not in workflow.CLOSE_REASONS:
        errors["reason"] = _("Choose why the signal is closed.")
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    on = _check_date(on, signal, today)
    update = ["status"]
    signal.status = status
    if status == workflow.APPROACHED and signal.first_attempt_on is None:
        signal.first_attempt_on = on
        update.append("first_attempt_on")
    if signal.worker_id is None:
        signal.worker = actor
        update.append("worker")
    if status == workflow.REACHED:
        signal.reached_on = on
        update.append("reached_on")
    if status == workflow.ACCEPTED:
        signal.accepted_on = on
        update.append("accepted_on")
    if status == workflow.CLOSED:
        signal.closed_on, signal.close_reason = on, reason
        update += ["closed_on", "close_reason"]
    signal.save(update_fields=update)
    SignalEvent.objects.create(
        signal=signal,
        on=on,
        actor=actor,
        status=status,
        method=method if status == workflow.APPROACHED else "",
        note=(note or "").strip(),
    )
    return signal


@transaction.atomic
def signal_make_case(*, actor, signal: Signal):
    """Open a case for the reached household with the actor as key worker; the signal keeps
    its history and links to the case, and the case's timeline says where it came from."""
    if not access.may_make_case(actor.role, actor.team_id is not None, actor.is_active):
        raise PermissionDenied(_("Only a professional in a team can open a case."))
    signal = _locked(signal)
    if signal.municipality_id != municipality_id_of(actor):
        raise PermissionDenied(_("This signal is not of your municipality."))
    if not workflow.may_become_case(signal.status, signal.case_id is not None):
        raise ValidationError(_("Only a reached household without a case becomes a case."))
    person = contact_of(signal)
    given, _sep, family = person["naam"].partition(" ")
    case = case_services.case_open(
        actor=actor,
        household_name=_("Household %(name)s") % {"name": family or given},
        given_name=given,
        family_name=family,
        birth_year=int(person["geboortedatum"][:4]),
        neighbourhood=actor.team.neighbourhood if actor.team_id else None,
        question=_("Payment arrear at %(creditor)s (%(kind)s) of €%(amount)s since %(date)s.")
        % {
            "creditor": signal.creditor,
            "kind": signal.get_sender_kind_display(),
            "amount": signal.amount,
            "date": signal.arrear_date.strftime("%d-%m-%Y"),
        },
        life_domains=["financien"],
    )
    history = "; ".join(
        f"{e.on:%d-%m-%Y} {e.get_status_display()}"
        + (f" ({e.get_method_display()})" if e.method else "")
        for e in signal.events.all()
    )
    case_services.timeline_record(
        case,
        actor,
        EntryKind.NOTE,
        _("From vroegsignalering %(ref)s, received %(date)s: %(history)s")
        % {"ref": signal.reference, "date": f"{signal.received_on:%d-%m-%Y}", "history": history},
    )
    signal.case = case
    signal.save(update_fields=["case"])
    return case
