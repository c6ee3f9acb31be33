"""A second language is a catalogue to add: a pseudo-translation of the whole template, compiled
with Babel, changes what a fresh process prints, and English needs no catalogue at all."""

from __future__ import annotations

import gettext
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from decision_aid import i18n

POT = Path(i18n.__file__).parent / "locale" / "decision_aid.pot"
LANG = "xx"
"""No real language: a translator's test code, so nothing shipped can answer to it."""


def pseudo(text: str) -> str:
    """Every sentence marked, placeholders kept, as a translator would keep them."""
    return f"«{text}»"


@pytest.fixture(scope="module")
def pseudo_locale(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped template, every entry 'translated', compiled into <dir>/xx/LC_MESSAGES."""
    with POT.open("rb") as f:
        catalogue = read_po(f, locale="en")
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(pseudo(part) for part in message.id)
        else:
            message.string = pseudo(message.id)
    root = tmp_path_factory.mktemp("locale")
    folder = root / LANG / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / f"{i18n.DOMAIN}.mo").open("wb") as f:
        write_mo(f, catalogue)
    return root


def _run(code: str, env: dict[str, str]) -> str:
    """Python in a fresh process (the language is chosen once, at import)."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return out.stdout


def test_english_is_the_source_and_needs_no_catalogue() -> None:
    assert type(i18n.load("")) is gettext.NullTranslations
    assert type(i18n.load("en_GB")) is gettext.NullTranslations


def test_a_language_without_a_catalogue_falls_back_to_english_with_a_warning(tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match="no catalogue"):
        translations = i18n.load("fr", tmp_path)
    assert translations.gettext("Yes") == "Yes"


def test_a_compiled_catalogue_changes_the_words(pseudo_locale: Path) -> None:
    code = (
        "from decision_aid.words.common import per_100, SITUATION_LABELS, fit_word\n"
        "print(per_100(3)); print(per_100(0.4))\n"
        "print(SITUATION_LABELS['mri']['vessel']); print(fit_word(0.9))"
    )
    env = {i18n.LANG_ENV: LANG, i18n.LOCALE_DIR_ENV: str(pseudo_locale)}
    translated = _run(code, env).splitlines()
    english = _run(code, {i18n.LANG_ENV: "en"}).splitlines()
    assert english == [
        "3 out of 100 people",
        "fewer than 1 out of 100 people (about 4 out of 1,000)",
        "Scan shows a blood vessel pressing on the nerve",
        "fits well",
    ]
    assert translated == [
        "«3 out of 100 people»",
        "«fewer than 1 out of 100 people («about 4 out of 1,000»)»",
        "«Scan shows a blood vessel pressing on the nerve»",
        "«fits well»",
    ]
