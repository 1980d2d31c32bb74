"""The chain heads outside the database (decision 0013; issue 16): exported with a timestamp
to an append-only file, and `verify-log --heads` finds a chain rewritten from a changed row
on — head included — which the chain itself cannot show."""

import json

import pytest
from django.core.management import call_command

from doorbraak.privacy import chain, heads
from doorbraak.privacy.models import AuditRecord, ChainHead
from doorbraak.privacy.tasks import export_chain_heads
from doorbraak.privacy.verify import verify_log
from tests.privacy.test_log_chain import _tamper, _write

pytestmark = pytest.mark.django_db


def _rewrite_audit_chain(number: int, action: str) -> None:
    """What a superuser can do: change the first audit row of a chain and re-link every row
    after it and the head, so that the chain verifies again."""
    rows = list(AuditRecord.objects.filter(chain=number).order_by("seq"))
    rows[0].action = action
    prev = chain.GENESIS
    table = AuditRecord._meta.db_table
    for row in rows:
        row.prev_hash = prev
        row.hash = prev = chain.link(prev, chain.record_digest(row, chain.AUDIT_FIELDS))
        _tamper(
            f"UPDATE {table} SET action = %s, prev_hash = %s, hash = %s WHERE id = %s",  # noqa: S608
            [row.action, row.prev_hash, row.hash, row.id],
        )
    ChainHead.objects.filter(chain=number).update(audit_hash=prev)


def test_the_export_appends_every_head_with_a_timestamp(tmp_path):
    path = tmp_path / "heads.jsonl"
    _write(2)
    heads.export_heads(path)
    _write(1)
    heads.export_heads(path)
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(lines) == 2 and lines[0]["exported_at"] <= lines[1]["exported_at"]
    head = ChainHead.objects.get()
    assert lines[1]["chains"][str(head.chain)]["audit_hash"] == head.audit_hash
    assert (
        lines[1]["chains"][str(head.chain)]["audit_seq"]
        == lines[0]["chains"][str(head.chain)]["audit_seq"] + 1
    )
    assert heads.check_heads(path) == []


def test_verify_log_finds_a_rewritten_chain_against_the_export(tmp_path, capsys):
    path = tmp_path / "heads.jsonl"
    _write(3)
    call_command("export_chain_heads", "--file", str(path))
    number = ChainHead.objects.get().chain
    _rewrite_audit_chain(number, "verwijderd")
    assert verify_log().ok  # the chain alone cannot show it
    with pytest.raises(SystemExit) as exit_:
        call_command("verify-log", "--heads", str(path))
    assert exit_.value.code == 1
    assert f"exported heads line 1: audit chain {number}: row at seq 3 has hash" in (
        capsys.readouterr().err
    )


def test_an_intact_log_passes_against_its_export(tmp_path, capsys):
    path = tmp_path / "heads.jsonl"
    _write(2)
    call_command("export_chain_heads", "--file", str(path))
    _write(2)  # written after the export: the exported heads are still in the chain
    call_command("verify-log", "--heads", str(path))
    assert "OK: the database has every head exported" in capsys.readouterr().out


def test_a_changed_export_line_is_found(tmp_path):
    path = tmp_path / "heads.jsonl"
    _write(1)
    heads.export_heads(path)
    heads.export_heads(path)
    first, second = path.read_text().splitlines()
    path.write_text(first.replace('"exported_at":"', '"exported_at":"1') + "\n" + second + "\n")
    assert [m.what for m in heads.check_heads(path)] == ["the line before it was changed"]


def test_the_nightly_task_writes_to_the_configured_file(tmp_path, settings):
    settings.PRIVACY_HEADS_FILE = str(tmp_path / "heads.jsonl")
    _write(1)
    assert export_chain_heads.apply().get() == 1
    assert len((tmp_path / "heads.jsonl").read_text().splitlines()) == 1
    settings.PRIVACY_HEADS_FILE = ""
    assert export_chain_heads.apply().get() == 0
