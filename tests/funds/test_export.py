"""The SEPA credit transfer file (pain.001) and CSV of a payment batch: valid against the XSDs
that sepaxml ships, sums exact to the cent, the same bytes on every export, and refused rather
than produced when the fund's IBAN is wrong."""

import csv
import datetime
import io
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
import xmlschema
from stdnum import iban

from doorbraak.funds import export, ledger
from doorbraak.funds.models import OrderStatus, PaymentBatch, PaymentOrder
from doorbraak.proposals import services as proposal_services
from doorbraak.proposals.models import Category, LegalGround
from tests.factories import CaseFactory
from tests.funds.conftest import make_fund
from tests.proposals.conftest import complete

pytestmark = pytest.mark.django_db

DEBTOR_IBAN = f"NL{iban.calc_check_digits('NL00DEMO0123456789')}DEMO0123456789"
SUPPLIER_NL = "NL91ABNA0417164300"
SUPPLIER_DE = "DE89370400440532013000"  # the standard German example IBAN
MESSAGE_ID = "DOORBRAAK-TEST-20260302091500"
CREATED = datetime.datetime(2026, 3, 2, 9, 15, 0, 123456, tzinfo=datetime.UTC)
EXECUTION = datetime.date(2026, 3, 3)
# Amounts chosen so that binary floating point would get the sum wrong (0.1 + 0.2).
SUPPLIES = [
    (Decimal("350.00"), "Woningcorporatie Voorbeeld (test)", SUPPLIER_NL),
    (Decimal("0.10"), "Energieleverancier Test", SUPPLIER_DE),
    (Decimal("0.20"), "Energieleverancier Test", SUPPLIER_DE),
    (Decimal("125.55"), "Fietsenmaker Test", SUPPLIER_NL),
]
SCHEMAS = ["pain.001.001.09", "pain.001.001.03"]


def ns(schema):
    return {"p": f"urn:iso:std:iso:20022:tech:xsd:{schema}"}


@pytest.fixture
def fund(team_a):
    fund = make_fund(team_a, name="Minimaatwerk Noord", budget_cents=500_000)
    fund.debtor_name = "Gemeente Voorbeeld Minimaatwerk"
    fund.debtor_iban = DEBTOR_IBAN
    fund.debtor_bic = ""
    fund.save()
    return fund


@pytest.fixture
def batch(fund, worker_a):
    category = Category.objects.get(key="wonen")
    ground = LegalGround.objects.get(law="Participatiewet", article="art. 18 lid 1")
    batch = PaymentBatch.objects.create(
        fund=fund,
        message_id=MESSAGE_ID,
        created_at=CREATED,
        execution_date=EXECUTION,
        created_by=worker_a,
    )
    for amount, supplier, supplier_iban in SUPPLIES:
        request = proposal_services.request_submit(
            actor=worker_a,
            case=CaseFactory(actor=worker_a),
            blockers=[],
            category=category,
            legal_ground=ground,
            **complete(amount=amount, supplier_name=supplier, supplier_iban=supplier_iban),
        )
        PaymentOrder.objects.create(
            request=request,
            fund=fund,
            amount=request.amount,
            creditor_name=request.supplier_name,
            creditor_iban=request.supplier_iban,
            remittance=f"{request.reference} {request.solution}"[:140],
            due_date=EXECUTION,
            status=OrderStatus.BATCHED,
            batch=batch,
        )
    return batch


def orders(batch):
    return list(batch.orders.select_related("request").order_by("id"))


def parse(xml):
    return ET.fromstring(xml)


@pytest.mark.parametrize("schema", SCHEMAS)
def test_file_validates_against_the_shipped_xsd(batch, schema):
    xml = export.pain001(batch, schema=schema)
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert parse(xml).tag == f"{{urn:iso:std:iso:20022:tech:xsd:{schema}}}Document"
    xsd = export.xsd_path(schema)
    assert xsd.parts[-3:] == ("sepaxml", "schemas", f"{schema}.xsd")
    assert xmlschema.XMLSchema(str(xsd)).is_valid(xml.decode())
    export.validate(xml, schema)  # no error


def test_default_schema_is_pain_001_001_09(batch):
    assert b"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09" in export.pain001(batch)


@pytest.mark.parametrize("schema", SCHEMAS)
def test_counts_and_control_sums_are_exact(batch, schema):
    root = parse(export.pain001(batch, schema=schema))
    expected = sum((o.amount for o in orders(batch)), Decimal("0"))
    assert expected == Decimal("475.85")
    for level in ("p:CstmrCdtTrfInitn/p:GrpHdr", "p:CstmrCdtTrfInitn/p:PmtInf"):
        node = root.find(level, ns(schema))
        assert node.findtext("p:NbOfTxs", namespaces=ns(schema)) == str(len(SUPPLIES))
        assert node.findtext("p:CtrlSum", namespaces=ns(schema)) == "475.85"
        assert Decimal(node.findtext("p:CtrlSum", namespaces=ns(schema))) == expected
    assert len(root.findall(".//p:PmtInf", ns(schema))) == 1


@pytest.mark.parametrize("schema", SCHEMAS)
def test_every_order_is_one_transfer_with_its_exact_amount(batch, schema):
    root = parse(export.pain001(batch, schema=schema))
    transfers = root.findall(".//p:CdtTrfTxInf", ns(schema))
    amounts = [t.find("p:Amt/p:InstdAmt", ns(schema)) for t in transfers]
    assert [a.text for a in amounts] == ["350.00", "0.10", "0.20", "125.55"]
    assert [Decimal(a.text) for a in amounts] == [o.amount for o in orders(batch)]
    assert {a.get("Ccy") for a in amounts} == {"EUR"}
    assert [t.findtext("p:PmtId/p:EndToEndId", namespaces=ns(schema)) for t in transfers] == [
        f"DB-{o.pk}" for o in orders(batch)
    ]


@pytest.mark.parametrize("schema", SCHEMAS)
def test_debtor_is_the_fund_and_creditors_are_the_suppliers(batch, schema):
    root = parse(export.pain001(batch, schema=schema))
    n = ns(schema)
    header = root.find("p:CstmrCdtTrfInitn/p:GrpHdr", n)
    assert header.findtext("p:MsgId", namespaces=n) == MESSAGE_ID
    assert header.findtext("p:CreDtTm", namespaces=n) == "2026-03-02T10:15:00+01:00"
    assert header.findtext("p:InitgPty/p:Nm", namespaces=n) == "Gemeente Voorbeeld Minimaatwerk"
    info = root.find("p:CstmrCdtTrfInitn/p:PmtInf", n)
    assert info.findtext("p:PmtInfId", namespaces=n) == MESSAGE_ID
    date = "p:ReqdExctnDt/p:Dt" if schema.endswith("09") else "p:ReqdExctnDt"
    assert info.findtext(date, namespaces=n) == "2026-03-03"
    assert info.findtext("p:Dbtr/p:Nm", namespaces=n) == "Gemeente Voorbeeld Minimaatwerk"
    assert info.findtext("p:DbtrAcct/p:Id/p:IBAN", namespaces=n) == DEBTOR_IBAN
    assert info.findtext("p:DbtrAgt/p:FinInstnId/p:Othr/p:Id", namespaces=n) == "NOTPROVIDED"
    assert info.findtext("p:PmtTpInf/p:SvcLvl/p:Cd", namespaces=n) == "SEPA"
    assert info.findtext("p:ChrgBr", namespaces=n) == "SLEV"

    transfers = info.findall("p:CdtTrfTxInf", n)
    assert [
        (
            t.findtext("p:Cdtr/p:Nm", namespaces=n),
            t.findtext("p:CdtrAcct/p:Id/p:IBAN", namespaces=n),
        )
        for t in transfers
    ] == [(name, account) for _, name, account in SUPPLIES]
    assert [t.findtext("p:RmtInf/p:Ustrd", namespaces=n) for t in transfers] == [
        o.remittance for o in orders(batch)
    ]
    assert all(t.find("p:CdtrAgt", n) is None for t in transfers)  # creditor BIC omitted


@pytest.mark.parametrize(("schema", "tag"), [(SCHEMAS[0], "BICFI"), (SCHEMAS[1], "BIC")])
def test_debtor_bic_is_used_when_known(batch, schema, tag):
    batch.fund.debtor_bic = "ABNANL2A"
    batch.fund.save()
    root = parse(export.pain001(batch, schema=schema))
    agent = root.find(".//p:DbtrAgt/p:FinInstnId", ns(schema))
    assert agent.findtext(f"p:{tag}", namespaces=ns(schema)) == "ABNANL2A"
    assert agent.find("p:Othr", ns(schema)) is None


@pytest.mark.parametrize("schema", SCHEMAS)
def test_exporting_twice_gives_the_same_bytes(batch, schema):
    first = export.pain001(batch, schema=schema)
    again = export.pain001(PaymentBatch.objects.get(pk=batch.pk), schema=schema)
    assert first == again
    assert export.csv_export(batch) == export.csv_export(PaymentBatch.objects.get(pk=batch.pk))


def test_control_sum_equals_what_the_ledger_paid(batch, fund):
    paid_before = ledger.balances(fund.pk).paid
    for order in orders(batch):
        request = order.request
        ledger.reserve(
            fund_id=fund.pk,
            ref=request.reference,
            cents=int(request.total * 100),
            request_id=request.pk,
        )
        ledger.pay(
            fund_id=fund.pk,
            ref=request.reference,
            cents=int(order.amount * 100),
            key=f"pay:order:{order.pk}",
        )
    root = parse(export.pain001(batch))
    control_sum = Decimal(root.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=ns(SCHEMAS[0])))
    assert ledger.balances(fund.pk).paid - paid_before == int(control_sum * 100) == 47_585
    assert ledger.balances(fund.pk) == ledger.replayed_balances(fund.pk)


def test_csv_has_a_header_and_one_row_per_order(batch, fund):
    text = export.csv_export(batch)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == list(export.CSV_HEADER)
    assert rows[0][:6] == [
        "message_id",
        "end_to_end_id",
        "execution_date",
        "creditor_name",
        "creditor_iban",
        "amount",
    ]
    assert len(rows) == 1 + len(SUPPLIES)
    expected = [
        [
            MESSAGE_ID,
            f"DB-{o.pk}",
            "2026-03-03",
            o.creditor_name,
            o.creditor_iban,
            f"{o.amount:.2f}",
            o.remittance,
            o.request.reference,
            fund.name,
        ]
        for o in orders(batch)
    ]
    assert rows[1:] == expected
    assert [row[5] for row in rows[1:]] == ["350.00", "0.10", "0.20", "125.55"]
    assert sum(Decimal(row[5]) for row in rows[1:]) == Decimal("475.85")


def test_csv_cells_never_start_a_formula(batch):
    order = batch.orders.order_by("id").first()
    order.creditor_name = "=HYPERLINK(1)"
    order.save()
    rows = list(csv.reader(io.StringIO(export.csv_export(batch)), delimiter=";"))
    assert rows[1][3] == "'=HYPERLINK(1)"


@pytest.mark.parametrize("bad", ["", "NL00DEMO0123456789", "not an iban"])
def test_invalid_debtor_iban_is_refused(batch, bad):
    batch.fund.debtor_iban = bad
    batch.fund.save()
    with pytest.raises(export.ExportError, match="IBAN"):
        export.pain001(batch)


def test_invalid_creditor_iban_is_refused(batch):
    order = batch.orders.order_by("id").first()
    order.creditor_iban = "NL00ABNA0417164300"
    order.save()
    with pytest.raises(export.ExportError, match=f"DB-{order.pk}"):
        export.pain001(batch)


def test_empty_batch_is_refused(fund, worker_a):
    empty = PaymentBatch.objects.create(
        fund=fund,
        message_id="DOORBRAAK-LEEG",
        created_at=CREATED,
        execution_date=EXECUTION,
        created_by=worker_a,
    )
    with pytest.raises(export.ExportError):
        export.pain001(empty)


@pytest.mark.parametrize("schema", SCHEMAS)
def test_validate_names_what_is_wrong(batch, schema):
    xml = export.pain001(batch, schema=schema)
    broken = xml.replace(DEBTOR_IBAN.encode(), b"nl-iban")
    with pytest.raises(export.ExportError, match="IBAN"):
        export.validate(broken, schema)
    with pytest.raises(export.ExportError):
        export.validate(b"<Document", schema)


def test_unknown_schema_is_refused(batch):
    with pytest.raises(export.ExportError):
        export.pain001(batch, schema="pain.001.001.42")


def test_filenames(batch):
    assert export.filename(batch, "xml") == f"{MESSAGE_ID}.xml"
    assert export.filename(batch, "csv") == f"{MESSAGE_ID}.csv"
    with pytest.raises(ValueError):
        export.filename(batch, "pdf")
