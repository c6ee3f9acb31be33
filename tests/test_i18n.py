"""A second language is a catalogue to add: a pseudo-translation of the whole template, compiled
with Babel, changes what a fresh process prints, and English needs no catalogue at all."""

from __future__ import annotations

import functools
import gettext
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from decision_aid import i18n
from tests.words.test_every_word import reads_as_words

POT = Path(i18n.__file__).parent / "locale" / "decision_aid.pot"
LANG = "xx"
"""No real language: a translator's test code, so nothing shipped can answer to it."""


ACCENTED = str.maketrans("aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ")
KEEP = re.compile(r"(\{[^{}]*\}|<[^>]*>|\]\([^)]*\))")
"""Placeholders, HTML tags and Markdown link targets: a translator keeps them as they are."""


def pseudo(text: str) -> str:
    """A pseudo-translation: every vowel accented outside what a translator keeps, so any plain
    English word left on a page was not looked up, even inside a translated sentence."""
    return "".join(part if KEEP.fullmatch(part) else part.translate(ACCENTED) for part in KEEP.split(text))


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
        "3 óút óf 100 péóplé",
        "féwér thán 1 óút óf 100 péóplé (ábóút 4 óút óf 1,000)",
        "Scán shóws á blóód véssél préssíng ón thé nérvé",
        "fíts wéll",
    ]


def _data_texts() -> list[str]:
    """Every text in the dataset (data, not code: a translated dataset is another file), longest
    first so a long text is taken out before a shorter one inside it."""
    import yaml

    from decision_aid.evidence import DEFAULT_DATASET

    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.add(node.strip())
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    raw = yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))
    walk(raw)
    # A dataset sentence with a {placeholder} reaches the page filled in: its pieces are data.
    found |= {p.strip() for t in list(found) for p in re.split(r"\{[^{}]*\}", t) if "{" in t}
    shown = set(raw["sources"])  # the one code a reader sees: a source's id, beside its figure
    return sorted((t for t in found if t and (t in shown or not CODE.fullmatch(t))), key=len, reverse=True)


CODE = re.compile(r"[a-z0-9_]+")
"""A dataset value that is a code (an id, a choice such as "yes", a level such as "low"), not
shown as it is: taken for data, it excused the app's own "Yes" left untranslated."""


SPLIT = re.compile(r"\*\*|\n|[:;()|]|[.?!](?:\s|$)|, ")
"""Where a page's text is cut into pieces: markup, lines and punctuation (a citation's title may
end in a question mark, with no full stop after it)."""


def _clean(piece: str) -> str:
    return piece.strip(" -").removesuffix("...").removesuffix("…").strip()


def untranslated(text: str, data: list[str]) -> str:
    """The pieces of `text` that are neither translated (their words carry accents, which
    `reads_as_words` does not see) nor the dataset's own texts.

    The app may shorten a dataset text ("..."), change its first letter or fill a dataset
    template's {name}, so a piece is data when it is a dataset text or a part of one (cut as a
    page is), or several whole words found inside one; a piece that is not has the dataset's
    texts taken out and is looked at again. A single word found somewhere in the dataset's prose
    is not data: "Back" or "No" left in English would be excused by it. "doi" labels a DOI in
    any language."""
    text = re.sub(r"\bdoi\b", " ", text.replace("\\", ""))  # the app's Markdown escapes
    blob = "\n".join(data).lower()
    parts = _data_parts(tuple(data))

    def is_data(piece: str) -> bool:
        piece = piece.lower()
        return piece in parts or (" " in piece and _inside_as_words(piece, blob))

    left: list[str] = []
    patterns = _as_words(tuple(data))
    for piece in map(_clean, SPLIT.split(text)):
        if not piece or is_data(piece):
            continue
        for d in patterns:
            piece = d.sub("|", piece)
        left += [p for p in map(_clean, piece.split("|")) if p and not is_data(p)]
    return " | ".join(left)


@functools.lru_cache(maxsize=2)
def _data_parts(data: tuple[str, ...]) -> frozenset[str]:
    """Each dataset text and each part of one as a page's text is cut (`SPLIT`), lower case."""
    return frozenset(t.lower() for t in data) | {
        p for t in data for p in (_clean(s).lower() for s in SPLIT.split(t)) if p
    }


def _inside_as_words(phrase: str, blob: str) -> bool:
    """`phrase` is in `blob` with no letter or digit joined on at either end ("art" is not in "part")."""
    start = blob.find(phrase)
    while start != -1:
        end = start + len(phrase)
        joined = (start > 0 and _word_char(blob[start - 1])) or (end < len(blob) and _word_char(blob[end]))
        if not joined:
            return True
        start = blob.find(phrase, start + 1)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@functools.lru_cache(maxsize=2)
def _as_words(data: tuple[str, ...]) -> list[re.Pattern[str]]:
    """Each dataset text as a whole-words pattern, compiled once: the dataset holds more texts
    than `re` keeps compiled (512), so compiling them for every piece took minutes."""
    return [re.compile(rf"(?<!\w){re.escape(d)}(?!\w)", re.IGNORECASE) for d in data]


def test_a_word_of_the_app_is_not_taken_for_data_because_the_dataset_uses_it() -> None:
    """ "Back", "Yes" and "No" occur in the dataset (its prose, its codes): left in English on a
    page they are still found. The dataset's texts, their parts and runs of their whole words
    are data, whatever their first letter."""
    data = _data_texts()
    for word in ("Back", "Yes", "No"):
        assert untranslated(word, data) == word
    assert untranslated("Back: Medicines", data) == "Back"
    assert untranslated("botulinum toxin injections", data) == ""
    assert untranslated("The spasm has stopped", data) == ""  # a part of a measure's definition
    assert untranslated("Spasm has stopped", data) == ""  # some of its words, whole
    assert untranslated("pasm has stopped", data) == "pasm has stopped"  # not whole words


@pytest.mark.slow
def test_every_page_and_topic_reads_in_the_catalogue_language(pseudo_locale: Path) -> None:
    """The whole app, both modes, every page and compare topic: no reader-facing English is left
    once the catalogue is switched on, except the dataset's own texts."""
    env = {i18n.LANG_ENV: LANG, i18n.LOCALE_DIR_ENV: str(pseudo_locale)}
    script = Path(__file__).with_name("pseudo_app.py")
    out = subprocess.run(
        [sys.executable, str(script)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    seen = json.loads(out.stdout)
    data = _data_texts()
    left = [
        f"{where}: {text[:90]!r} -> {rest.strip()!r}"
        for where, texts in seen.items()
        for text in texts
        if reads_as_words(rest := untranslated(text, data))
    ]
    assert not left, f"{len(left)} texts are still English-only:\n" + "\n".join(sorted(set(left))[:80])
