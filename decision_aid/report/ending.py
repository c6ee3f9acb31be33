"""The summary's ending: the questions to ask, the SURE test with boxes to tick, and ruled
lines for the consultation's notes (the parts a patient fills in by hand)."""

from __future__ import annotations

from decision_aid.report.content import SURE_CREDIT, SURE_QUESTIONS
from decision_aid.report.fontcache import FONT
from decision_aid.report.layout import _PDF, BODY, SMALL, TINY, _Layout, _lh, _lines
from decision_aid.words import report as words


def _questions(pdf: _PDF, data: dict) -> None:
    pdf.heading(words.QUESTIONS, keep=20)
    pdf.para(words.QUESTIONS_INTRO, size=SMALL)
    pdf.ln(0.8)
    pdf.bullets(data["questions"], mark="☐", indent=5, size=SMALL)


def _sure(pdf: _PDF, data: dict) -> None:
    """The SURE test with its Yes and No boxes, kept on one page. Each question wraps in the room
    the boxes leave: on the large-print page, a quarter narrower, a question cut at a fixed width
    ran over them."""
    box, row_h, lh = 3.4, 5.4, _lh(BODY)
    in_aid = {
        s["id"]: words.IN_THE_AID.format(answer=s["answer"]) for s in data["answers"]["sure"] if s["answer"]
    }
    pdf.set_font(FONT, "", BODY)
    step = box + 4 + max(pdf.get_string_width(label) for label in (words.YES, words.NO))
    pdf.set_font(FONT, "", TINY)
    q_w = pdf.body_w - 2 - 2 * step - max((pdf.get_string_width(t) for t in in_aid.values()), default=0)
    rows = [(sid, _lines(pdf, q, q_w, BODY)) for sid, q in SURE_QUESTIONS]
    heights = [max(row_h, len(lines) * lh + row_h - lh) + 0.6 for _, lines in rows]
    pdf.heading(words.SURE_HEADING, keep=sum(heights) + 12)
    pdf.para(words.SURE_INTRO, size=SMALL)
    pdf.ln(0.8)
    for (sid, lines), h in zip(rows, heights, strict=True):
        y, x = pdf.get_y(), pdf.l_margin + q_w + 2
        pdf.set_font(FONT, "", BODY)
        for i, line in enumerate(lines):
            pdf.set_xy(pdf.l_margin, y + i * lh)
            pdf.cell(q_w, row_h, line)
        pdf.set_draw_color(0)
        pdf.set_line_width(0.3)
        for label in (words.YES, words.NO):
            pdf.rect(x, y + (row_h - box) / 2, box, box)
            pdf.set_xy(x + box + 1, y)
            pdf.cell(step - box - 1, row_h, label)
            x += step
        if sid in in_aid:
            pdf.set_xy(x, y)
            pdf.set_font(FONT, "", TINY)
            pdf.cell(0, row_h, in_aid[sid])
        pdf.set_xy(pdf.l_margin, y + h)
    pdf.para(SURE_CREDIT, size=TINY)


def _notes(pdf: _PDF, layout: _Layout) -> None:
    """Ruled lines for the consultation: they fill what is left of the page (3 to 8 lines), or
    start a new page with the layout's number of lines."""
    gap = 7.0
    heading_h = 14.0  # the heading with its rule and spacing, and a little to spare
    fits = int((pdf.room - heading_h) // gap)
    lines = min(fits, layout.note_lines_max) if fits >= 3 else layout.note_lines
    pdf.heading(words.CONSULTATION_NOTES, keep=lines * gap)
    y = pdf.get_y() + gap
    pdf.set_draw_color(150)
    pdf.set_line_width(0.2)
    for _ in range(lines):
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        y += gap
    pdf.set_y(y - gap + 2)
