"""Dutch is the default language: every UI string has a Dutch translation, and the compiled
file that Django reads matches the source file."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[1] / "src" / "doorbraak" / "locale"


def entries(catalogue):
    return {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in catalogue
        if not getattr(e, "obsolete", False) and not getattr(e, "fuzzy", False)
    }


def test_every_dutch_string_is_translated():
    po = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    assert len(po) > 100
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_compiled_messages_match_the_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    mo = polib.mofile(str(folder / "django.mo"))
    translated = {k: v for k, v in entries(po).items() if v[0] or v[1]}
    assert translated == {k: v for k, v in entries(mo).items() if k[1]}, (
        "Run `make messages` and commit the .mo file."
    )


def test_every_ui_string_in_code_and_templates_has_a_dutch_translation():
    """makemessages on a copy of the code: a string added without a Dutch entry fails here
    (the catalogue test above only sees strings already in the catalogue)."""
    import shutil
    import subprocess

    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    script = Path(__file__).resolve().parents[1] / "scripts" / "missing-translations.sh"
    result = subprocess.run([str(script)], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"Untranslated UI strings:\n{result.stdout}"


#: The names makemessages (xgettext) finds strings by: Django's keywords, and `_`.
KNOWN = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}


def test_no_translation_function_hides_under_a_name_makemessages_does_not_know():
    """`gettext_lazy as _lazy` left 15 labels and messages of the case file in English: the
    strings were never extracted, so the test above could not see them either."""
    import re

    source = Path(__file__).resolve().parents[1] / "src" / "doorbraak"
    hidden = []
    statement = re.compile(r"from django\.utils\.translation import ([^\n(]+|\([^)]*\))")
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for block in statement.findall(text):
            for name in re.findall(r"(\w+)\s+as\s+(\w+)", block):
                if name[0] in KNOWN and name[1] not in KNOWN:
                    hidden.append(f"{path.relative_to(source)}: {name[0]} as {name[1]}")
    assert hidden == []
