"""Append entries to a .po file without rewrapping the rest (so branches merge cleanly):
    python scripts/po-append.py target.po source.po
adds every entry of source.po whose msgid is not yet in target.po, at the end."""

import sys

import polib

target, source = sys.argv[1], sys.argv[2]
have = {(e.msgctxt, e.msgid) for e in polib.pofile(target)}
added = [e for e in polib.pofile(source) if (e.msgctxt, e.msgid) not in have]
with open(target, "a", encoding="utf-8") as out:
    for entry in added:
        out.write("\n" + entry.__unicode__(wrapwidth=78))
print(f"{len(added)} entries added to {target}")
