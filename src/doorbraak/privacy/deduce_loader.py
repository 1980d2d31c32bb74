"""Construct `deduce.Deduce` once, reusing its lookup cache whatever the time zone.

Deduce pickles its lookup structures (~80 MB, 1-2 minutes to build) next to its lookup lists
and judges the pickle stale when any list is newer than the moment it was saved. It compares
`datetime.fromtimestamp(mtime)` with `str(datetime.now())` at saving: both naive local times.
A cache built at install under TZ=UTC is therefore stale as soon as Django sets
TZ=Europe/Amsterdam (an hour or two later on the clock) if the lists were installed less than
that long before: `make run` rebuilt it.

So we keep the cache in a directory of our own (deduce then finds no lists beside it and
checks only its version) and decide freshness ourselves, comparing file modification times as
seconds since the epoch, which no time zone changes.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

CACHE_ENV = "DOORBRAAK_DEDUCE_CACHE"
_CACHE_FILE = Path("cache") / "lookup_structs.pickle"  # deduce's layout under cache_path

logger = logging.getLogger(__name__)


def _import_deduce():
    """Import deduce, undoing the root-logger setup its import performs
    (`logging.basicConfig(stream=sys.stdout, level=DEBUG)`), which would otherwise write
    log lines to stdout (and break the JSON-lines CLI)."""
    root = logging.getLogger()
    handlers_before = list(root.handlers)
    level_before = root.level
    try:
        import deduce  # noqa: PLC0415 - heavy import, only when needed
        from deduce import deduce as deduce_module  # noqa: PLC0415
    finally:
        for handler in list(root.handlers):
            if handler not in handlers_before:
                root.removeHandler(handler)
        root.setLevel(level_before)
    return deduce.Deduce, Path(deduce_module._LOOKUP_LIST_PATH)  # noqa: SLF001


def newest_mtime(directory: Path) -> float:
    """The newest modification time (seconds since the epoch) of `directory` and all in it."""
    newest = directory.stat().st_mtime if directory.exists() else 0.0
    for root, dirs, files in os.walk(directory):
        for name in (*dirs, *files):
            newest = max(newest, os.stat(os.path.join(root, name)).st_mtime)  # noqa: PTH
    return newest


def cache_is_fresh(lookup_path: Path, cache_path: Path) -> bool:
    """True when the pickled lookup structures under `cache_path` are newer than every
    lookup list under `lookup_path`. Epoch seconds: independent of TZ."""
    cache_file = cache_path / _CACHE_FILE
    if not cache_file.is_file():
        return False
    return cache_file.stat().st_mtime >= newest_mtime(lookup_path / "src")


def default_cache_path(lookup_path: Path) -> Path:
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else lookup_path.parent / "lookup_doorbraak"


def _adopt_deduce_cache(lookup_path: Path, cache_path: Path) -> None:
    """An install from before this module keeps its cache in deduce's own place: reuse it
    (a hard link, or a copy keeping its time) if it is newer than the lists."""
    if cache_is_fresh(lookup_path, cache_path) or not cache_is_fresh(lookup_path, lookup_path):
        return
    target = cache_path / _CACHE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(lookup_path / _CACHE_FILE, target)
    except OSError:
        shutil.copy2(lookup_path / _CACHE_FILE, target)


def load_deduce(cache_path: Path | None = None):
    """A ready `Deduce`; builds and saves the lookup structures only when they are missing
    or older than deduce's lookup lists."""
    deduce_class, lookup_path = _import_deduce()
    cache_path = cache_path or default_cache_path(lookup_path)
    try:
        _adopt_deduce_cache(lookup_path, cache_path)
    except OSError:
        logger.warning("Cannot reuse deduce's lookup cache in %s", lookup_path, exc_info=True)
    build = not cache_is_fresh(lookup_path, cache_path)
    if build:
        logger.warning("Building deduce's lookup structures in %s (1-2 minutes)", cache_path)
    root = logging.getLogger()
    level_before = root.level
    try:
        return deduce_class(cache_path=cache_path, build_lookup_structs=build)
    finally:
        root.setLevel(level_before)
