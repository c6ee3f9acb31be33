"""The one lookup every word a patient or clinician reads goes through: Python's gettext.

English is the source language: the words are written in English in `decision_aid/words/`, each
inside `_()` (or `ngettext()`), and `make messages` extracts them with Babel into the catalogue
template `decision_aid/locale/decision_aid.pot`. A second language is a catalogue to add, not code
to change: translate the template into `decision_aid/locale/<lang>/LC_MESSAGES/decision_aid.po`,
compile it to `.mo` (`pybabel compile`), and start the app with `HFS_LANG=<lang>`.

The language is chosen once per process, before any words are imported, because the word tables
(labels, headings) are looked up when their module loads. A server therefore speaks one language;
run a second server for a second language. A language without a catalogue falls back to English
with a warning, so a mistyped setting never stops the app.
"""

from __future__ import annotations

import gettext
import os
import warnings
from pathlib import Path

DOMAIN = "decision_aid"
"""The catalogue's name: `<lang>/LC_MESSAGES/decision_aid.mo`."""

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
"""Where the catalogues live inside the package."""

LANG_ENV = "HFS_LANG"
"""Environment variable naming the language, e.g. `es` or `pt_BR`; empty or `en*` is English."""

LOCALE_DIR_ENV = "HFS_LOCALE_DIR"
"""Environment variable naming another folder of catalogues (a deployment's own, or a test's)."""


def load(language: str | None = None, localedir: str | Path | None = None) -> gettext.NullTranslations:
    """The translations for `language` (default: `HFS_LANG`); English, the source, needs none."""
    lang = (os.environ.get(LANG_ENV, "") if language is None else language).strip()
    if not lang or lang.lower().startswith("en"):
        return gettext.NullTranslations()
    folder = Path(localedir or os.environ.get(LOCALE_DIR_ENV) or LOCALE_DIR)
    try:
        return gettext.translation(DOMAIN, folder, languages=[lang])
    except OSError:
        warnings.warn(
            f"{LANG_ENV}={lang!r}: no catalogue {DOMAIN}.mo for it under {folder}; using English.",
            stacklevel=2,
        )
        return gettext.NullTranslations()


_translations = load()


def _(message: str) -> str:
    """The reader's words for an English source sentence (a literal, so Babel can extract it)."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Singular or plural by `n`, as the reader's language counts."""
    return _translations.ngettext(singular, plural, n)
