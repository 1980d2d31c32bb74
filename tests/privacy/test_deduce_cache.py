"""deduce's lookup cache is reused after Django switches the time zone (issue 10, item 10a).

`make run` used to build the lookup structures twice: once at install (TZ=UTC), and again when
Django set TZ=Europe/Amsterdam, because deduce compares naive local times. These tests build
a small cache layout in a temporary directory and switch TZ the way Django does
(os.environ["TZ"] + time.tzset()); they never touch the real cache."""

import os
import pickle
import time
from datetime import datetime

import pytest

from doorbraak.privacy import deduce_loader

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset")


@pytest.fixture
def timezone():
    """Set TZ like Django's settings do; restore it afterwards."""
    before = os.environ.get("TZ")

    def switch(name):
        os.environ["TZ"] = name
        time.tzset()

    yield switch
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def _write_lists(lookup_path):
    lst = lookup_path / "src" / "names" / "lst_first_name"
    lst.mkdir(parents=True)
    (lst / "items.txt").write_text("Fenna\n")


def _write_cache(cache_path, version):
    (cache_path / "cache").mkdir(parents=True)
    payload = {
        "deduce_version": version,
        "saved_datetime": str(datetime.now()),  # exactly what deduce stores
        "lookup_structs": "the structures",
    }
    (cache_path / "cache" / "lookup_structs.pickle").write_bytes(pickle.dumps(payload))


def test_deduce_alone_rebuilds_after_the_time_zone_moves_ahead(tmp_path, timezone):
    """The bug, shown with deduce's own check: what the new layout avoids."""
    from deduce import __version__
    from deduce.lookup_structs import load_lookup_structs_from_cache

    timezone("UTC")
    _write_lists(tmp_path)
    _write_cache(tmp_path, __version__)  # deduce's default: the cache beside the lists
    assert load_lookup_structs_from_cache(tmp_path, __version__) == "the structures"
    timezone("Europe/Amsterdam")
    assert load_lookup_structs_from_cache(tmp_path, __version__) is None  # judged stale


def test_our_cache_survives_the_switch_to_django_time_zone(tmp_path, timezone):
    from deduce import __version__
    from deduce.lookup_structs import load_lookup_structs_from_cache

    lookup_path, cache_path = tmp_path / "lookup", tmp_path / "lookup_doorbraak"
    timezone("UTC")  # install: `make` runs Anonymiser() without Django
    _write_lists(lookup_path)
    _write_cache(cache_path, __version__)
    assert deduce_loader.cache_is_fresh(lookup_path, cache_path)

    timezone("Europe/Amsterdam")  # Django's TIME_ZONE
    assert deduce_loader.cache_is_fresh(lookup_path, cache_path)
    assert load_lookup_structs_from_cache(cache_path, __version__) == "the structures"

    timezone("America/Los_Angeles")
    assert deduce_loader.cache_is_fresh(lookup_path, cache_path)


def test_newer_lists_or_a_missing_cache_mean_a_build(tmp_path):
    lookup_path, cache_path = tmp_path / "lookup", tmp_path / "lookup_doorbraak"
    _write_lists(lookup_path)
    assert not deduce_loader.cache_is_fresh(lookup_path, cache_path)
    _write_cache(cache_path, "3.0.6")
    cache_file = cache_path / "cache" / "lookup_structs.pickle"
    later = cache_file.stat().st_mtime + 10
    os.utime(lookup_path / "src" / "names" / "lst_first_name" / "items.txt", (later, later))
    assert not deduce_loader.cache_is_fresh(lookup_path, cache_path)


def test_load_deduce_builds_once_then_reuses_across_time_zones(tmp_path, timezone, monkeypatch):
    """End to end with a stand-in for deduce.Deduce that writes the pickle as deduce does."""
    lookup_path, cache_path = tmp_path / "lookup", tmp_path / "lookup_doorbraak"
    _write_lists(lookup_path)
    builds = []

    class FakeDeduce:
        def __init__(self, cache_path, build_lookup_structs):
            if build_lookup_structs:
                builds.append(cache_path)
                _write_cache(cache_path, "3.0.6")

    monkeypatch.setattr(deduce_loader, "_import_deduce", lambda: (FakeDeduce, lookup_path))
    monkeypatch.delenv(deduce_loader.CACHE_ENV, raising=False)
    timezone("UTC")
    deduce_loader.load_deduce()  # install
    timezone("Europe/Amsterdam")
    deduce_loader.load_deduce()  # `make run`: Django has switched the time zone
    deduce_loader.load_deduce()
    assert builds == [cache_path]


def test_an_older_install_keeps_its_cache(tmp_path, monkeypatch):
    """A cache already built in deduce's own place is reused, not rebuilt."""
    lookup_path = tmp_path / "lookup"
    _write_lists(lookup_path)
    _write_cache(lookup_path, "3.0.6")
    builds = []

    class FakeDeduce:
        def __init__(self, cache_path, build_lookup_structs):
            builds.append(build_lookup_structs)

    monkeypatch.setattr(deduce_loader, "_import_deduce", lambda: (FakeDeduce, lookup_path))
    monkeypatch.setenv(deduce_loader.CACHE_ENV, str(tmp_path / "ours"))
    deduce_loader.load_deduce()
    assert builds == [False]
    adopted = tmp_path / "ours" / "cache" / "lookup_structs.pickle"
    assert pickle.loads(adopted.read_bytes())["lookup_structs"] == "the structures"
