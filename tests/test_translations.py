"""The Japanese catalogue is complete: every string in the code is there, translated, compiled."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

REPO = Path(__file__).resolve().parents[1]
CATALOGUE = REPO / "locale" / "ja" / "LC_MESSAGES" / "django.po"
# printf-style (%(name)s, %(ratio).1f, %s) and str.format-style ({min_length}, {code_point:X}).
PLACEHOLDER = re.compile(r"%\(\w+\)[-+ #0]*\d*(?:\.\d+)?[sdfi]|%[sd]|\{\w*(?::[^{}]*)?\}")
SOURCE_DIRS = ["core", "companies", "events", "matchmaking", "meetings", "config", "templates"]


def live_entries(po):
    return [entry for entry in po if not entry.obsolete]


def test_every_japanese_entry_is_translated_and_not_fuzzy():
    po = polib.pofile(str(CATALOGUE))
    untranslated = [e.msgid for e in live_entries(po) if not e.translated()]
    fuzzy = [e.msgid for e in live_entries(po) if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


def test_placeholders_survive_translation():
    for entry in live_entries(polib.pofile(str(CATALOGUE))):
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            assert sorted(PLACEHOLDER.findall(translation)) == sorted(
                PLACEHOLDER.findall(entry.msgid)
            ), entry.msgid


def test_compiled_catalogue_matches_the_source():
    po = polib.pofile(str(CATALOGUE))
    mo = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    # Keyed by context too: "Accepted" is one entry for applications, another for meetings.
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in live_entries(po)}
    assert {k: compiled.get(k) for k in source} == source


@pytest.mark.skipif(
    shutil.which("xgettext") is None,
    reason="needs GNU gettext's xgettext (apt-get install gettext)",
)
def test_catalogue_holds_every_translatable_string_in_the_code(tmp_path):
    for name in [*SOURCE_DIRS, "manage.py"]:
        source = REPO / name
        target = tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    (tmp_path / "locale" / "ja" / "LC_MESSAGES").mkdir(parents=True)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "ja",
            "--no-location",
            "--ignore=matchmaking/engine/*",
            "--ignore=meetings/scheduler/*",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "PYTHONPATH": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    found = {e.msgid for e in polib.pofile(str(tmp_path / "locale/ja/LC_MESSAGES/django.po"))}
    catalogued = {e.msgid for e in live_entries(polib.pofile(str(CATALOGUE)))}
    assert found - catalogued == set()
