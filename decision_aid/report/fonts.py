"""Any script in the note: the Noto fallback fonts, characters no font draws, HarfBuzz shaping,
and keeping fpdf's and fontTools' logs quiet (they quote the text).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF, FPDFException

from decision_aid.report.fontcache import FONT_REGULAR, _add_font, _parsed_font
from decision_aid.words import report as words

# ---------------------------------------------------------------- any script in the note

QUIET_LOGGERS = ("fpdf", "fontTools")
"""Libraries whose warnings quote the text being drawn: fpdf's "Font ... is missing the
following glyphs: '我' ..." names the first ten characters of a note it could not draw."""


def quiet_font_logs() -> None:
    """Drop fpdf's and fontTools' warnings and below (their loggers only; errors still pass,
    and the aid's own loggers are untouched), so no character of a note reaches a log."""
    for name in QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level < logging.ERROR:
            logger.setLevel(logging.ERROR)


quiet_font_logs()

FONT_DIRS_ENV = "HFS_FONT_DIRS"
"""Folders to look for fallback fonts in, separated by ':' (default SYSTEM_FONT_DIRS; tests
point it at an empty folder to check the summary without them)."""
SYSTEM_FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/truetype/ancient-scripts",
)
PREFERRED_FALLBACKS: tuple[tuple[str, str], ...] = (
    ("NotoSans-Regular.ttf", ""),
    ("NotoSansHebrew-Regular.ttf", ""),
    ("NotoSansArabic-Regular.ttf", ""),
    ("NotoSansDevanagari-Regular.ttf", ""),
    ("NotoSansThai-Regular.ttf", ""),
    ("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    ("NotoColorEmoji.ttf", ""),
    ("NotoSansSymbols-Regular.ttf", ""),
    ("NotoSansSymbols2-Regular.ttf", ""),
    ("NotoSansMath-Regular.ttf", ""),
    ("Symbola_hint.ttf", ""),
)
"""Fallback fonts tried first, in order (file name, and the face's family in a collection):
the scripts patients most often write. Any other Noto Sans regular face found is tried after
them, so rarer scripts (Tamil, Ethiopic, Georgian, ...) print too. All are under the SIL Open
Font Licence (Symbola: free for any use) and are embedded as subsets."""
UNPRINTABLE_MARK = "□"
UNPRINTABLE_NOTICE = words.UNPRINTABLE_NOTICE.format(mark=UNPRINTABLE_MARK)
TAB_AS = "    "


@dataclass(frozen=True)
class FontFace:
    """One font face on disk: a file and, in a collection (.ttc), the face's number."""

    path: str
    number: int = 0


def _font_dirs() -> tuple[str, ...]:
    env = os.environ.get(FONT_DIRS_ENV)
    if env is not None:
        return tuple(d for d in env.split(os.pathsep) if d)
    return SYSTEM_FONT_DIRS


@functools.lru_cache(maxsize=4)
def _fallback_faces(dirs: tuple[str, ...]) -> tuple[FontFace, ...]:
    """The fallback faces found in `dirs`, in the order they are tried (see PREFERRED_FALLBACKS)."""
    found: dict[str, str] = {}
    for d in dirs:
        try:
            names = sorted(os.listdir(d))
        except OSError:
            continue
        for name in names:
            found.setdefault(name, os.path.join(d, name))
    faces = []
    for name, family in PREFERRED_FALLBACKS:
        if name in found:
            face = _face_in(found[name], family)
            if face is not None:
                faces.append(face)
    preferred = {name for name, _ in PREFERRED_FALLBACKS}
    for name, path in found.items():
        if name not in preferred and name.startswith("NotoSans") and name.endswith("-Regular.ttf"):
            faces.append(FontFace(path))
    return tuple(faces)


def _face_in(path: str, family: str) -> FontFace | None:
    """The face of `family` in a font file (the first face when no family is asked for), or None
    when the file cannot be read."""
    try:
        if not path.endswith((".ttc", ".otc")):
            return FontFace(path)
        collection = ttLib.TTCollection(path, lazy=True)
        for number, font in enumerate(collection.fonts):
            if not family or font["name"].getDebugName(1) == family:
                return FontFace(path, number)
    except Exception:  # a broken system font must not break the summary
        return None
    return None


@functools.lru_cache(maxsize=256)
def _cmap(face: FontFace) -> frozenset[int]:
    """The characters a face can draw (empty when the file cannot be read)."""
    try:
        font = ttLib.TTFont(face.path, fontNumber=face.number, lazy=True)
        return frozenset(font.getBestCmap() or ())
    except Exception:  # a broken system font must not break the summary
        return frozenset()


def _ignorable(c: str) -> bool:
    """Characters that draw nothing themselves: white space, joiners, direction marks,
    variation selectors. They never count as unprintable."""
    cp = ord(c)
    return (
        c.isspace()
        or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")
        or 0xFE00 <= cp <= 0xFE0F
        or 0xE0100 <= cp <= 0xE01EF
    )


def _main_cmap() -> frozenset[int]:
    return frozenset(_parsed_font(str(FONT_REGULAR), "").cmap)


def _face_for(cp: int) -> FontFace | None:
    """The first fallback face that draws `cp`, or None."""
    for face in _fallback_faces(_font_dirs()):
        if cp in _cmap(face):
            return face
    return None


def note_faces(text: str) -> tuple[list[FontFace], list[str]]:
    """The fallback faces `text` needs (in the order tried) and, in order of first use, the
    characters that no font here can draw."""
    main = _main_cmap()
    faces: list[FontFace] = []
    missing: list[str] = []
    for c in dict.fromkeys(text):
        if ord(c) in main or _ignorable(c):
            continue
        face = _face_for(ord(c))
        if face is None:
            missing.append(c)
        elif face not in faces:
            faces.append(face)
    order = _fallback_faces(_font_dirs())
    return sorted(faces, key=order.index), missing


def unprintable(text: str) -> list[str]:
    """The distinct characters of `text` the PDF cannot draw with the fonts on this machine
    (the app says so beside the note). Never logged, never stored."""
    return note_faces(text)[1]


def unprintable_words(text: str) -> str | None:
    """What the app says beside a note the PDF cannot print in full (None when it can)."""
    missing = unprintable(text)
    if not missing:
        return None
    return words.UNPRINTABLE_COUNT.format(n=len(missing), mark=UNPRINTABLE_MARK)


def printable_note(text: str) -> tuple[str, bool]:
    """The note as the PDF prints it: tabs as spaces, each character no font can draw as
    UNPRINTABLE_MARK; and whether any was."""
    missing = set(unprintable(text))
    shown = "".join(UNPRINTABLE_MARK if c in missing else c for c in text.replace("\t", TAB_AS))
    return shown, bool(missing)


_COLOR_TABLES = ("CBDT", "COLR", "sbix", "SVG ")


def _add_fallback(pdf: FPDF, family: str, face: FontFace) -> None:
    """Add a fallback face to `pdf` as `family` (regular). Outline fonts come from a parsed copy,
    as `_add_font` does; a colour font (emoji) is tied to its document, so it is added afresh."""
    template = _parsed_font(face.path, "", face.number)
    if any(t in template.ttfont for t in _COLOR_TABLES):
        pdf.add_font(family, "", face.path, collection_font_number=face.number)
        return
    _add_font(pdf, "", Path(face.path), family=family, number=face.number)


SHAPING_MAX_NEUTRAL_RUN = 300
"""fpdf's bidi pass recurses once per character over a run with no letter or figure in it
(1,000 emoji or dots hit Python's recursion limit): a note with a longer run is not shaped."""
_STRONG = frozenset(("L", "R", "AL", "EN", "AN"))


def _longest_neutral_run(text: str) -> int:
    longest = run = 0
    for c in text:
        run = 0 if unicodedata.bidirectional(c) in _STRONG else run + 1
        longest = max(longest, run)
    return longest


def needs_shaping(text: str) -> bool:
    """Whether `text` needs HarfBuzz: right-to-left letters or figures (bidi classes R, AL, AN),
    combining marks (Devanagari and Thai vowel signs, accents typed apart) or joiners and
    variation selectors (emoji sequences). Shaping makes fpdf's line breaking many times slower,
    so plain Latin, Chinese or Japanese is printed without it."""
    for c in text:
        if unicodedata.bidirectional(c) in ("R", "AL", "AN") or unicodedata.category(c) in ("Mn", "Mc", "Me"):
            return True
        if c == "\u200d" or 0xFE00 <= ord(c) <= 0xFE0F:
            return True
    return False


def use_note_fonts(pdf: FPDF, text: str, *, shape: bool = True) -> None:
    """Make `pdf` able to draw `text`: the fallback faces it needs, and HarfBuzz shaping when
    uharfbuzz is installed (without it, right-to-left runs may print out of order)."""
    faces, _ = note_faces(text)
    families = []
    for i, face in enumerate(faces):
        family = f"fallback{i}"
        if family.lower() not in pdf.fonts:
            _add_fallback(pdf, family, face)
        families.append(family)
    pdf.set_fallback_fonts(families, exact_match=False)
    if shape and needs_shaping(text) and _longest_neutral_run(text) <= SHAPING_MAX_NEUTRAL_RUN:
        with contextlib.suppress(FPDFException):  # no uharfbuzz: printed unshaped
            pdf.set_text_shaping(True)


def plain_fonts(pdf: FPDF) -> None:
    """Back to the summary's own text: DejaVu only, no shaping (faster, and cached line breaks)."""
    pdf.set_fallback_fonts([], exact_match=False)
    pdf.set_text_shaping(False)
