#!/usr/bin/env bash
# List UI strings in the code and templates that have no Dutch translation yet, without
# touching the committed catalogue: makemessages runs on a copy.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r src/doorbraak "$tmp/doorbraak"
(cd "$tmp/doorbraak" && DJANGO_DEBUG=1 PYTHONPATH="$tmp" "$OLDPWD/.venv/bin/python" -m django makemessages \
  --settings=doorbraak.settings_test -l nl --no-obsolete --no-location >/dev/null 2>&1)
"$OLDPWD/.venv/bin/python" - "$tmp/doorbraak/locale/nl/LC_MESSAGES/django.po" <<'PY'
import sys
import polib
po = polib.pofile(sys.argv[1])
for e in po.untranslated_entries() + po.fuzzy_entries():
    print(repr(e.msgid) + (f" | plural {e.msgid_plural!r}" if e.msgid_plural else ""))
PY
