"""The box that prints the patient's own note, in any script, shortened to fit the page."""

from __future__ import annotations

import unicodedata

from fpdf import FPDF
from fpdf.enums import Align, MethodReturnValue, WrapMode, XPos, YPos

from decision_aid.report.fontcache import FONT
from decision_aid.report.fonts import UNPRINTABLE_NOTICE, plain_fonts, printable_note, use_note_fonts
from decision_aid.report.layout import (
    _PDF,
    BODY,
    SMALL,
    TINY,
    _lh,
)
from decision_aid.words.report import NOTE_CONTINUES, NOTHING_WRITTEN

NOTE_BODY_LINES = 8
NOTE_MAX_H = NOTE_BODY_LINES * BODY * 0.46
"""The most height the note box takes (8 lines of body type, about 33 mm): what a note of
1,000 characters of prose takes, so no note, however it is written, makes the summary longer
(MAX_PAGES) than that one does."""
NOTE_JOIN = " / "


def _note_lines(pdf: FPDF, text: str, size: float) -> list[str]:
    pdf.set_font(FONT, "", size)
    return pdf.multi_cell(
        pdf.body_w - 3,
        _lh(size),
        text,
        align=Align.L,
        padding=(0, 0, 0, 0),
        dry_run=True,
        output=MethodReturnValue.LINES,
        wrapmode=WrapMode.WORD,
    )


def note_layout(pdf: FPDF, note: str) -> tuple[str, float, bool]:
    """How the note box prints `note` (already printable) within NOTE_MAX_H: the text, its size,
    and whether it had to be cut. In turn: body type; small type; its lines joined with " / "
    (every word kept) in small, then tiny type; only if that still runs past, as many lines as
    fit, and NOTE_CONTINUES (one more line) says where the rest is."""
    joined = NOTE_JOIN.join(line.strip() for line in note.splitlines() if line.strip())
    tries = [(note, BODY), (note, SMALL)] + ([(joined, SMALL)] if joined != note else []) + [(joined, TINY)]
    for text, size in tries:
        if (text.count("\n") + 1) * _lh(size) > NOTE_MAX_H:
            continue  # too many lines before any wraps: no need to lay it out
        if len(_note_lines(pdf, text, size)) * _lh(size) <= NOTE_MAX_H:
            return text, size, False
    fits = int(NOTE_MAX_H // _lh(TINY)) - 1
    lines = _note_lines(pdf, joined, TINY)[:fits]
    return "\n".join(str(line) for line in lines), TINY, True


def _right_to_left(line: str) -> bool:
    """Unicode's rule for a paragraph's direction (UAX #9, P2-P3): its first strong letter. A
    Hebrew or Arabic line then starts at the right, where its reader begins."""
    for ch in line:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _draw_note_lines(pdf: _PDF, text: str, size: float) -> None:
    """`text` as `multi_cell` would print it with a rule on its left, but one line at a time,
    telling fpdf before each line that no font is set: with fallback fonts and shaping, fpdf
    2.8.9 can print a line in the font the line before it ended in (a right-to-left line after
    a Devanagari one printed as gibberish), or in no font at all."""
    lines = _note_lines(pdf, text, size)
    pdf.need(len(lines) * _lh(size) + 1)  # the box is never split across pages
    pdf.set_font(FONT, "", size)
    top = pdf.get_y()
    pdf.set_y(top + 0.4)
    for line in lines:
        pdf.current_font_is_set_on_page = False
        pdf.set_x(pdf.l_margin + 3)
        align = Align.R if _right_to_left(str(line)) else Align.L
        pdf.cell(pdf.body_w - 3, _lh(size), str(line), align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    bottom = pdf.get_y() + 0.4
    pdf.set_draw_color(0)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, top, pdf.l_margin, bottom)
    pdf.set_y(bottom)


def _note_box(pdf: _PDF, note: str) -> None:
    """The patient's own words, printed literally (no markup is interpreted), in any script
    the system's fonts cover, shaped (right-to-left runs keep their order), within NOTE_MAX_H
    (`note_layout`)."""
    note = note.strip()
    if not note:
        pdf.set_font(FONT, "", BODY)
        pdf.multi_cell(
            0,
            _lh(BODY),
            NOTHING_WRITTEN,
            align=Align.L,
            border="L",
            padding=(0.4, 0, 0.4, 3),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        return
    shown, marked = printable_note(note)
    use_note_fonts(pdf, shown)
    try:
        try:
            text, size, cut = note_layout(pdf, shown)
        except RecursionError:  # fpdf's bidi pass on an unusual note: print it unshaped
            use_note_fonts(pdf, shown, shape=False)
            text, size, cut = note_layout(pdf, shown)
        _draw_note_lines(pdf, text, size)
    finally:
        plain_fonts(pdf)
    for notice in ([NOTE_CONTINUES] if cut else []) + ([UNPRINTABLE_NOTICE] if marked else []):
        pdf.set_font(FONT, "B", TINY)
        pdf.multi_cell(0, _lh(TINY), notice, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", BODY)
