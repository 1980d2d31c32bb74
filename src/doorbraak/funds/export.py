"""Files for finance: a SEPA credit transfer initiation (pain.001) and a CSV of one batch.

Everything in a file comes from stored fields of the batch, its fund and its orders — message
id, creation time and execution date from the batch, end-to-end ids from the order keys — so
exporting the same batch twice gives the same bytes. No random ids, no clock.

The XML is built here rather than with `sepaxml.SepaTransfer`, which draws a random payment
information id and stamps `now()` into the group header. It is checked against the XSDs that
sepaxml ships (with `xmlschema`, sepaxml's own validator) before it is handed out: a batch that
cannot make a valid file raises `ExportError` instead.
"""

import csv
import functools
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban

from doorbraak.ui.spreadsheet import plain_cell

PAIN_09 = "pain.001.001.09"
PAIN_03 = "pain.001.001.03"
SCHEMAS = (PAIN_09, PAIN_03)
CURRENCY = "EUR"
NOT_PROVIDED = "NOTPROVIDED"
CENT = Decimal("0.01")

# The Latin character set every SEPA bank must accept (EPC guidelines); anything else is
# transliterated first (é → e, € → EUR) and then replaced by a space.
_NOT_SEPA = re.compile(r"[^A-Za-z0-9/\-?:().,'+ ]")

CSV_HEADER = (
    "message_id",
    "end_to_end_id",
    "execution_date",
    "creditor_name",
    "creditor_iban",
    "amount",
    "remittance",
    "request_reference",
    "fund",
)


class ExportError(Exception):
    """The batch cannot be made into a valid payment file; the message says why."""


def end_to_end_id(order) -> str:
    """The id the bank carries to the creditor's statement: stable per order."""
    return f"DB-{order.pk}"


def filename(batch, kind: str) -> str:
    """`<message id>.xml` or `<message id>.csv`, safe to use in a Content-Disposition header."""
    if kind not in ("xml", "csv"):
        raise ValueError(f"unknown export kind: {kind!r}")
    stem = re.sub(r"[^A-Za-z0-9._-]", "-", batch.message_id) or f"batch-{batch.pk}"
    return f"{stem}.{kind}"


# --- pain.001 ---------------------------------------------------------------------------------


def _sepa_text(value: str, limit: int) -> str:
    from text_unidecode import unidecode

    text = _NOT_SEPA.sub(" ", unidecode(value or "").replace("&", "+"))
    return " ".join(text.split())[:limit].strip()


def _amount(value: Decimal) -> str:
    value = Decimal(value)
    if value != value.quantize(CENT):
        raise ExportError(_("Amount %(amount)s has more than two decimals.") % {"amount": value})
    return f"{value:.2f}"


def _iban(value: str) -> str:
    return stdnum_iban.compact(value or "")


def _datetime(value) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = text
    return element


def _agent(parent: ET.Element, tag: str, bic: str, schema: str) -> None:
    """Debtor agent: the BIC if known, else `Othr/Id NOTPROVIDED` (Dutch bank guidelines)."""
    institution = _sub(_sub(parent, tag), "FinInstnId")
    if bic:
        _sub(institution, "BICFI" if schema == PAIN_09 else "BIC", bic)
    else:
        _sub(_sub(institution, "Othr"), "Id", NOT_PROVIDED)


def _check(batch, fund, orders) -> None:
    problems = []
    if not orders:
        problems.append(_("The batch has no payment orders."))
    if not (batch.message_id or "").strip():
        problems.append(_("The batch has no message id."))
    if not _sepa_text(fund.debtor_name, 70):
        problems.append(_("Set the name of the account the fund pays from."))
    if not stdnum_iban.is_valid(fund.debtor_iban or ""):
        problems.append(
            _("The IBAN the fund pays from (%(iban)s) is not valid.")
            % {"iban": fund.debtor_iban or "—"}
        )
    if fund.debtor_bic and not stdnum_bic.is_valid(fund.debtor_bic):
        problems.append(_("The BIC of the fund (%(bic)s) is not valid.") % {"bic": fund.debtor_bic})
    for order in orders:
        label = f"{end_to_end_id(order)} ({order.creditor_name})"
        if order.fund_id != batch.fund_id:
            problems.append(_("Order %(order)s belongs to another fund.") % {"order": label})
        if not stdnum_iban.is_valid(order.creditor_iban or ""):
            problems.append(
                _("Order %(order)s: IBAN %(iban)s is not valid.")
                % {"order": label, "iban": order.creditor_iban or "—"}
            )
        if not _sepa_text(order.creditor_name, 70):
            problems.append(_("Order %(order)s has no creditor name.") % {"order": label})
        if order.amount is None or order.amount <= 0:
            problems.append(_("Order %(order)s has no positive amount.") % {"order": label})
    if problems:
        raise ExportError(" ".join(str(p) for p in problems))


def _document(batch, fund, orders, schema: str) -> ET.Element:
    count = str(len(orders))
    total = _amount(sum((Decimal(order.amount) for order in orders), Decimal("0")))
    debtor_name = _sepa_text(fund.debtor_name, 70)
    debtor_bic = stdnum_bic.compact(fund.debtor_bic or "")

    # The namespace as a plain attribute (as sepaxml does): no global namespace registration.
    document = ET.Element(
        "Document",
        {
            "xmlns": f"urn:iso:std:iso:20022:tech:xsd:{schema}",
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        },
    )
    initiation = _sub(document, "CstmrCdtTrfInitn")

    header = _sub(initiation, "GrpHdr")
    _sub(header, "MsgId", batch.message_id)
    _sub(header, "CreDtTm", _datetime(batch.created_at))
    _sub(header, "NbOfTxs", count)
    _sub(header, "CtrlSum", total)
    _sub(_sub(header, "InitgPty"), "Nm", debtor_name)

    info = _sub(initiation, "PmtInf")
    _sub(info, "PmtInfId", batch.message_id)
    _sub(info, "PmtMtd", "TRF")
    _sub(info, "BtchBookg", "true")
    _sub(info, "NbOfTxs", count)
    _sub(info, "CtrlSum", total)
    _sub(_sub(_sub(info, "PmtTpInf"), "SvcLvl"), "Cd", "SEPA")
    execution_date = batch.execution_date.isoformat()
    if schema == PAIN_09:
        _sub(_sub(info, "ReqdExctnDt"), "Dt", execution_date)
    else:
        _sub(info, "ReqdExctnDt", execution_date)
    _sub(_sub(info, "Dbtr"), "Nm", debtor_name)
    _sub(_sub(_sub(info, "DbtrAcct"), "Id"), "IBAN", _iban(fund.debtor_iban))
    _agent(info, "DbtrAgt", debtor_bic, schema)
    _sub(info, "ChrgBr", "SLEV")

    for order in orders:
        transfer = _sub(info, "CdtTrfTxInf")
        _sub(_sub(transfer, "PmtId"), "EndToEndId", end_to_end_id(order))
        _sub(_sub(transfer, "Amt"), "InstdAmt", _amount(order.amount), Ccy=CURRENCY)
        _sub(_sub(transfer, "Cdtr"), "Nm", _sepa_text(order.creditor_name, 70))
        _sub(_sub(_sub(transfer, "CdtrAcct"), "Id"), "IBAN", _iban(order.creditor_iban))
        remittance = _sepa_text(order.remittance, 140)
        if remittance:
            _sub(_sub(transfer, "RmtInf"), "Ustrd", remittance)
    return document


def pain001(batch, *, schema: str = PAIN_09) -> bytes:
    """The SEPA credit transfer initiation for every order of the batch, validated."""
    if schema not in SCHEMAS:
        raise ExportError(_("Unsupported SEPA schema %(schema)s.") % {"schema": schema})
    fund = batch.fund
    orders = list(batch.orders.order_by("id"))
    _check(batch, fund, orders)
    document = _document(batch, fund, orders, schema)
    ET.indent(document, space="  ")
    xml = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(document, encoding="utf-8")
    xml = xml if xml.endswith(b"\n") else xml + b"\n"
    validate(xml, schema)
    return xml


@functools.cache
def _schema(schema: str):
    import xmlschema  # imported late, as sepaxml does: it patches ElementTree on import

    return xmlschema.XMLSchema(str(xsd_path(schema)))


def xsd_path(schema: str) -> Path:
    """The XSD shipped with sepaxml (site-packages/sepaxml/schemas/<schema>.xsd)."""
    return Path(str(files("sepaxml") / "schemas" / f"{schema}.xsd"))


def validate(xml_bytes: bytes, schema: str = PAIN_09) -> None:
    """Check the file against the schema's XSD; raise `ExportError` listing what is wrong."""
    import xmlschema

    if schema not in SCHEMAS:
        raise ExportError(_("Unsupported SEPA schema %(schema)s.") % {"schema": schema})
    try:
        resource = xmlschema.XMLResource(xml_bytes, defuse="always", allow="none")
        errors = list(_schema(schema).iter_errors(resource))
    except (xmlschema.XMLResourceError, ET.ParseError, ValueError) as error:
        raise ExportError(
            _("The file is not well-formed XML: %(error)s") % {"error": error}
        ) from error
    if errors:
        details = "; ".join(f"{e.path or '/'}: {e.reason or e.message}" for e in errors[:5])
        more = len(errors) - 5
        if more > 0:
            details += " " + _("(and %(count)d more)") % {"count": more}
        raise ExportError(
            _("The payment file does not match %(schema)s: %(details)s")
            % {"schema": schema, "details": details}
        )


# --- CSV --------------------------------------------------------------------------------------


def _cell(value: str) -> str:
    return plain_cell(value)


def csv_export(batch) -> str:
    """One row per order, `;`-separated with a header, amounts as `350.00`."""
    fund = batch.fund
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for order in batch.orders.select_related("request").order_by("id"):
        writer.writerow(
            (
                batch.message_id,
                end_to_end_id(order),
                batch.execution_date.isoformat(),
                _cell(order.creditor_name),
                _iban(order.creditor_iban),
                _amount(order.amount),
                _cell(order.remittance),
                order.request.reference,
                _cell(fund.name),
            )
        )
    return out.getvalue()
