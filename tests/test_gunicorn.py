"""The production server sends no `Server` header (issue 11, finding 11): gunicorn started on a
free loopback port with the project's config, next to gunicorn without it (which does send
`Server: gunicorn`, so this test can see the header at all)."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import doorbraak

pytest.importorskip("gunicorn")

SRC = Path(doorbraak.__file__).resolve().parents[1]
ROOT = SRC.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def headers_from_gunicorn(tmp_path, *config: str, cwd: Path) -> dict[str, str]:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        "DJANGO_SETTINGS_MODULE": "doorbraak.settings_test",
        "GUNICORN_CMD_ARGS": "",
        "DOORBRAAK_PRELOAD_ANONYMISER": "0",
    }
    log = tmp_path / f"gunicorn-{port}.log"
    with open(log, "wb") as handle:
        server = subprocess.Popen(  # noqa: S603 - fixed arguments
            [sys.executable, "-m", "gunicorn", *config, "-b", f"127.0.0.1:{port}", "-w", "1"]
            + ["doorbraak.wsgi"],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=handle,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/favicon.ico")
                response = connection.getresponse()
                response.read()
                connection.close()
                return {k.lower(): v for k, v in response.getheaders()}
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(log.read_text()[-2000:]) from None
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_no_server_header_with_the_projects_config(tmp_path):
    headers = headers_from_gunicorn(tmp_path, "-c", "python:doorbraak.gunicorn_conf", cwd=tmp_path)
    assert "date" in headers and "content-type" in headers  # gunicorn answered
    assert "server" not in headers


def test_started_in_the_repository_root_it_reads_the_same_config(tmp_path):
    assert (ROOT / "gunicorn.conf.py").exists()
    headers = headers_from_gunicorn(tmp_path, cwd=ROOT)
    assert "date" in headers and "server" not in headers


def test_plain_gunicorn_would_send_it(tmp_path):
    headers = headers_from_gunicorn(tmp_path, cwd=tmp_path)
    assert headers.get("server") == "gunicorn"
