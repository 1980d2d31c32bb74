"""The anonymiser is loaded once per serving process before the first request (issue 10,
item 10b): in wsgi.py and when runserver serves, not in tests or other commands."""

import importlib
import sys
import threading

import pytest

from doorbraak.privacy import anonymiser as anonymiser_module
from doorbraak.privacy.apps import serves_requests


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        (["manage.py", "runserver"], {"RUN_MAIN": "true"}, True),  # autoreloader's child
        (["manage.py", "runserver", "--noreload"], {}, True),
        (["manage.py", "runserver"], {}, False),  # the reloader's parent serves nothing
        (["manage.py", "migrate"], {"RUN_MAIN": "true"}, False),
        (["manage.py", "load_demo"], {}, False),
        (["pytest", "tests/privacy"], {}, False),
        (["manage.py"], {}, False),
    ],
)
def test_only_a_serving_runserver_preloads(argv, environ, expected):
    assert serves_requests(argv, environ) is expected


@pytest.fixture
def stub(monkeypatch):
    built = []

    class Stub:
        def __init__(self):
            built.append(self)

    monkeypatch.setattr(anonymiser_module, "Anonymiser", Stub)
    monkeypatch.setattr(anonymiser_module, "_shared", None)
    monkeypatch.delenv(anonymiser_module.PRELOAD_ENV, raising=False)
    return built


def test_preload_builds_the_shared_anonymiser_in_the_background(stub):
    thread = anonymiser_module.preload_anonymiser()
    assert isinstance(thread, threading.Thread)
    thread.join(timeout=10)
    assert len(stub) == 1
    assert anonymiser_module.get_anonymiser() is stub[0]  # the first request reuses it
    assert len(stub) == 1


def test_preload_in_the_foreground(stub):
    assert anonymiser_module.preload_anonymiser(background=False) is None
    assert anonymiser_module._shared is stub[0]


def test_preload_can_be_switched_off(stub, monkeypatch):
    monkeypatch.setenv(anonymiser_module.PRELOAD_ENV, "0")
    assert anonymiser_module.preload_anonymiser() is None
    assert stub == []
    assert anonymiser_module._shared is None


def test_the_wsgi_module_preloads(monkeypatch):
    calls = []
    monkeypatch.setattr(anonymiser_module, "preload_anonymiser", lambda: calls.append(1))
    monkeypatch.delitem(sys.modules, "doorbraak.wsgi", raising=False)
    wsgi = importlib.import_module("doorbraak.wsgi")
    assert callable(wsgi.application)
    assert calls == [1]
