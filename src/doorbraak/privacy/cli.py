"""`doorbraak-anonymise`: anonymise request texts as JSON lines, without Django.

Reads one JSON object per line from stdin::

    {"id": 1, "text": "...", "names": ["Fenna", "Zwaluwstaart"], "keep_ibans": ["NL.."],
     "keep": ["Stadsbank Oost Nederland"]}

("names", "keep_ibans" and "keep" are optional; "keep" names organisations and rules that
must stay readable) and writes one JSON line per input line to stdout,
flushed per line::

    {"id": 1, "text": "[PERSOON] ...", "spans": [[0, 5, "persoon"], ...]}

Span positions count Unicode code points in the original text. A malformed line gets
``{"id": <id or null>, "error": "<Dutch message>"}`` and processing continues; blank lines
are skipped. Exit code 0 at end of input. One process loads deduce once (~7 s) and then
handles any number of lines.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, BinaryIO

from doorbraak.privacy.anonymiser import Anonymiser


class _LineError(Exception):
    def __init__(self, message: str, line_id: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.line_id = line_id


def _string_list(obj: dict, field: str, line_id: Any) -> list[str]:
    value = obj.get(field)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _LineError(f"Veld '{field}' moet een lijst met teksten zijn.", line_id)
    return value


def _parse(raw: bytes) -> tuple[Any, str, list[str], list[str], tuple[str, ...]]:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _LineError("Regel is geen geldige UTF-8.") from None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _LineError(f"Ongeldige JSON (fout bij kolom {exc.colno}).") from None
    except (ValueError, RecursionError):
        raise _LineError("Ongeldige JSON.") from None
    if not isinstance(obj, dict):
        raise _LineError("Verwacht een JSON-object met de velden 'id' en 'text'.")
    line_id = obj.get("id")
    text = obj.get("text")
    if not isinstance(text, str):
        raise _LineError("Veld 'text' ontbreekt of is geen tekst.", line_id)
    names = _string_list(obj, "names", line_id)
    keep_ibans = _string_list(obj, "keep_ibans", line_id)
    keep = tuple(_string_list(obj, "keep", line_id))
    return line_id, text, names, keep_ibans, keep


def _write(out: BinaryIO, payload: dict) -> None:
    # ensure_ascii: always valid UTF-8 output, also for lone surrogates in the input.
    out.write(json.dumps(payload).encode("ascii") + b"\n")
    out.flush()


def run(stdin: BinaryIO, stdout: BinaryIO, anonymiser: Anonymiser | None = None) -> int:
    for raw in stdin:
        if not raw.strip():
            continue
        try:
            line_id, text, names, keep_ibans, keep = _parse(raw)
        except _LineError as exc:
            _write(stdout, {"id": exc.line_id, "error": exc.message})
            continue
        if anonymiser is None:
            anonymiser = Anonymiser()
        try:
            result = anonymiser.anonymise(text, names=names, keep_ibans=keep_ibans, keep=keep)
        except Exception as exc:  # one bad text must not stop the batch
            _write(
                stdout,
                {"id": line_id, "error": f"Anonimiseren mislukt ({type(exc).__name__})."},
            )
            continue
        _write(
            stdout,
            {
                "id": line_id,
                "text": result.text,
                "spans": [[start, end, kind] for start, end, kind in result.spans],
            },
        )
    return 0


def main() -> None:
    try:
        code = run(sys.stdin.buffer, sys.stdout.buffer)
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # The reader went away; point stdout at devnull so the exit flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)


if __name__ == "__main__":
    main()
