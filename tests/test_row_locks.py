"""Row locks that do not take more than their own row. Every processing-log write checks its
actor's foreign key (`FOR KEY SHARE` on the user row) while it holds its chain head. A
transaction that locked a user row `FOR UPDATE` (a `select_for_update()` whose
`select_related` reaches a user) and then logs waits for that chain head: a deadlock. The
scale test found one between the PDF job and a page view of the same person."""

import dataclasses
import re
import threading
from pathlib import Path

import pytest
from django.db import connection, connections

SOURCE = Path(__file__).resolve().parent.parent / "src" / "doorbraak"
# `select_for_update()` with no arguments, followed in the same chain by `.select_related(`
WIDE_LOCK = re.compile(r"select_for_update\(\)\s*\.select_related\(")
USER_LOCK = re.compile(r"User\.objects\.select_for_update\((?![^)]*no_key=True)")


def test_no_lock_reaches_related_rows_or_blocks_foreign_keys_on_users():
    wide, users = [], []
    for path in sorted(SOURCE.rglob("*.py")):
        text = path.read_text()
        name = str(path.relative_to(SOURCE))
        wide += [f"{name}:{text[: m.start()].count(chr(10)) + 1}" for m in WIDE_LOCK.finditer(text)]
        users += [
            f"{name}:{text[: m.start()].count(chr(10)) + 1}" for m in USER_LOCK.finditer(text)
        ]
    assert wide == [], "lock only the row itself: select_for_update(of=('self',))"
    assert users == [], "lock a user row with select_for_update(no_key=True)"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_pdf_job_does_not_lock_the_person_who_asked(monkeypatch, tmp_path, settings):
    """While the job renders, another transaction can still check the person's foreign key,
    as every processing-log write with them as actor does."""
    from doorbraak.documents import services
    from doorbraak.documents.models import Document
    from tests.factories import CaseFactory, TeamFactory, UserFactory

    settings.MEDIA_ROOT = tmp_path
    team = TeamFactory()
    worker = UserFactory(team=team)
    case = CaseFactory(actor=worker)
    from doorbraak.documents.kinds import KINDS

    kind = next(iter(KINDS))
    document = Document.objects.create(kind=kind, object_id=case.pk, requested_by=worker)
    rendering, release = threading.Event(), threading.Event()

    def slow_find(actor, object_id):
        rendering.set()
        release.wait(10)
        raise services.Http404

    monkeypatch.setitem(KINDS, kind, dataclasses.replace(KINDS[kind], find=slow_find))
    job = threading.Thread(
        target=lambda: (services.document_render(document.pk), connection.close())
    )
    job.start()
    try:
        assert rendering.wait(10)
        with connections["default"].cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM accounts_user WHERE id = %s FOR KEY SHARE NOWAIT", [worker.pk]
            )
            assert cursor.fetchone() == (1,)
    finally:
        release.set()
        job.join(10)
    assert Document.objects.get(pk=document.pk).status == "mislukt"
