"""The vendored DejaVu fonts, parsed once per process and shared between documents.

`_add_font` copies fpdf2's `TTFFont` and resets its per-document private fields: the one place
that relies on fpdf2's internals (`tests/report/test_fontcache.py` fails loudly if `TTFFont` changes shape).
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
FONT = "DejaVu"

UNUSED_FONT_TABLES = frozenset({"GDEF", "GSUB", "GPOS", "kern"})
"""Tables the font subsetter leaves out of the PDF (fpdf drops the OpenType layout tables;
fontTools drops 'kern' when there is a GPOS). Left in, the subsetter still reads them all
first (about 20 ms a font), only to throw them away."""


@functools.lru_cache(maxsize=16)
def _parsed_font(path: str, style: str, number: int = 0) -> TTFFont:
    """A font parsed once per process: fpdf's `add_font` reads every glyph's width from the file,
    about 30 ms per font (300 ms for the CJK collection), and a summary may be laid out up to
    three times (see `pdf._fitted`). Never put in a document itself; `_add_font` gives each
    document its own copy."""
    scratch = FPDF()
    scratch.add_font(FONT, style, path, collection_font_number=number)
    return scratch.fonts[f"{FONT.lower()}{style}"]


def _add_font(pdf: FPDF, style: str, path: Path, *, family: str = FONT, number: int = 0) -> None:
    """`pdf.add_font` from the parsed copy: the widths and character map are shared (read only);
    what a document changes is its own (the glyph subset, the font file that output subsets in
    place, the descriptor output numbers), so no document sees another's characters."""
    template = _parsed_font(str(path), style, number)
    font = copy.copy(template)
    font.i = len(pdf.fonts) + 1
    font.fontkey = f"{family.lower()}{style}"
    font.ttfont = ttLib.TTFont(path, recalcTimestamp=False, lazy=True, fontNumber=number)
    font._hbfont = None  # HarfBuzz's view of the font, made when the note is shaped
    if "GPOS" in font.ttfont:  # the subsetter then drops the legacy 'kern' table too
        for tag in UNUSED_FONT_TABLES & set(font.ttfont.keys()):
            del font.ttfont[tag]
    font.desc = copy.copy(template.desc)
    font.subset = SubsetMap(font)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    pdf.fonts[font.fontkey] = font
