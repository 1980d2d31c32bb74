"""Stateless instances (issue 19, item 1): nothing one instance needs lives in another's
process or on its local disk. Generated files go through Django's storage API configured by
`DOORBRAAK_STORAGE`; sessions, the login lockout and locks are in the database."""

import importlib
import inspect
from pathlib import Path

import pytest
from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings as django_settings
from django.core.files.storage import storages
from django.test import override_settings

from doorbraak.documents import services
from doorbraak.documents.models import Document, DocumentStatus
from doorbraak.health.storage import StorageURLError, storage_backend
from doorbraak.let import services as let
from tests.let.conftest import SUMMARY, duo, duo_blocker, leader, regie, student_case, to_let

__all__ = ["duo", "duo_blocker", "leader", "regie", "student_case"]  # fixtures used below

SRC = Path(__file__).resolve().parents[2] / "src" / "doorbraak"


def test_storage_url_file_and_default():
    assert storage_backend("", default_root="/x") == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    assert storage_backend("file:///srv/media") == {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": "/srv/media"},
    }


def test_storage_url_s3_takes_keys_from_the_environment_only():
    backend = storage_backend(
        "s3://doorbraak-files/utrecht?endpoint_url=https://s3.example.nl&region_name=nl",
        env={"DOORBRAAK_S3_ACCESS_KEY": "id", "DOORBRAAK_S3_SECRET_KEY": "geheim"},
    )
    assert backend["BACKEND"] == "storages.backends.s3.S3Storage"
    options = backend["OPTIONS"]
    assert options["bucket_name"] == "doorbraak-files" and options["location"] == "utrecht"
    assert options["endpoint_url"] == "https://s3.example.nl"
    assert options["access_key"] == "id" and options["secret_key"] == "geheim"
    assert options["default_acl"] is None and options["querystring_auth"] is True


@pytest.mark.parametrize(
    "url",
    ["file://relative/path", "ftp://host/x", "s3://", "s3://bucket?secret_key=x", "/plain/path"],
)
def test_storage_url_refuses_what_it_does_not_know(url):
    with pytest.raises(StorageURLError):
        storage_backend(url)


def _instance(root: Path):
    """The storage settings of one app instance with DOORBRAAK_STORAGE=file://<root>."""
    return override_settings(
        STORAGES={**django_settings.STORAGES, "default": storage_backend(f"file://{root}")}
    )


@pytest.mark.django_db
def test_a_document_made_on_one_instance_is_downloaded_from_another(
    client,
    regie,
    worker_a,
    leader,
    student_case,
    duo_blocker,
    duo,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    shared, local = tmp_path / "shared", tmp_path / "local-disk"
    at_let = to_let(worker_a, leader, student_case, duo_blocker)
    submission = let.submit(
        actor=worker_a, escalation=at_let, summary=SUMMARY, question="Vraag?", organisations=[duo]
    )
    client.force_login(regie)
    with _instance(shared):  # the worker that renders the PDF
        document = Document.objects.create(
            kind="let-voorlegging", object_id=submission.pk, requested_by=regie
        )
        assert services.document_render(document.pk) == DocumentStatus.READY
    document.refresh_from_db()
    assert (shared / document.file.name).is_file()
    with _instance(shared):  # another web instance with the same setting serves it
        download = client.get(f"/documenten/{document.pk}/download/")
        assert download.status_code == 200
        assert b"".join(download.streaming_content).startswith(b"%PDF")
    with _instance(local):  # an instance on its own disk would not have it: the setting matters
        assert not storages["default"].exists(document.file.name)


def test_sessions_lockout_and_cache_are_shared_between_instances():
    assert django_settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    handler = importlib.import_module(django_settings.AXES_HANDLER.rsplit(".", 1)[0])
    assert issubclass(
        getattr(handler, django_settings.AXES_HANDLER.rsplit(".", 1)[1]), AxesDatabaseHandler
    )
    cache = django_settings.CACHES["default"]["BACKEND"]
    if django_settings.REDIS_URL:
        assert cache.endswith("RedisCache")


def test_no_code_writes_to_the_local_disk_or_locks_outside_postgresql():
    """Files through the storage API; locks as row locks or transaction-scoped advisory
    locks (PgBouncer's transaction pooling cannot carry a session lock). The two
    threading.Locks (privacy/anonymiser.py, proposals/anonymised.py) guard in-process caches
    of read-only lookup tables, never shared state."""
    found = []
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts or path.name in {"settings.py", "storage.py"}:
            continue
        text = path.read_text()
        for needle in ("MEDIA_ROOT", "tempfile", "FileSystemStorage", "pg_advisory_lock("):
            if needle in text:
                found.append((str(path.relative_to(SRC)), needle))
    assert found == []


def test_reports_lock_is_transaction_scoped():
    from doorbraak.reports import summary

    assert "pg_advisory_xact_lock" in inspect.getsource(summary)


def test_the_s3_backend_is_built_from_the_url_without_touching_the_network():
    pytest.importorskip("storages.backends.s3")
    from django.core.files.storage.handler import StorageHandler

    backend = storage_backend(
        "s3://doorbraak-files/voorbeeldstad?endpoint_url=http://127.0.0.1:9&region_name=nl",
        env={"DOORBRAAK_S3_ACCESS_KEY": "id", "DOORBRAAK_S3_SECRET_KEY": "geheim"},
    )
    storage = StorageHandler({"default": backend})["default"]
    assert storage.bucket_name == "doorbraak-files" and storage.location == "voorbeeldstad"
    assert storage.endpoint_url == "http://127.0.0.1:9" and storage.file_overwrite is False
