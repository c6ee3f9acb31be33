"""The PDF's pictures of the chances: for each measure, each option's array of 100 people with
its words beside it as text, in the tables' type."""

from __future__ import annotations

import io
from collections.abc import Callable

from decision_aid.report.fontcache import FONT
from decision_aid.report.images import _png_size_mm
from decision_aid.report.layout import _PDF, BODY, TINY, _Layout, _lh, _lines
from decision_aid.words import report as words
from decision_aid.words.charts import A_PICTURE_OF
from decision_aid.words.common import as_sentence
from decision_aid.words.pages.compare import TITLE as COMPARE_TITLE
from decision_aid.words.topics import TOPIC_TITLES


def _icon_arrays(pdf: _PDF, charts: list[dict], layout: _Layout) -> None:
    """The icon arrays, a row per measure and a column per option (as on page 1's grid): each
    option's array of 100 people with its words beside it as text, in the tables' type size (in
    one picture they printed at about 5 pt). On the narrow large-print page, two options to a
    line. The most compact layout leaves the pictures to the aid, and says so."""
    if not layout.pictures:
        titles = {t: TOPIC_TITLES[t] for t in ("works", "harms")}
        pdf.ln(1.2)  # apart from the printed link above it
        pdf.para(words.PICTURES_LEFT_OUT.format(page=COMPARE_TITLE, **titles), size=TINY)
        pdf.ln(0.6)
        return
    across = 3 if layout.side_by_side else 2
    rows = [_arrays_row(pdf, chart, layout.table_pt, layout.icon_h, across) for chart in charts]
    intro = _lh(TINY) * len(_lines(pdf, words.PICTURES_INTRO, pdf.body_w, TINY)) + 0.6
    pdf.heading(words.PICTURES, keep=intro + rows[0][0])
    pdf.para(words.PICTURES_INTRO, size=TINY)
    pdf.ln(0.6)
    for height, draw in rows:
        pdf.need(height)
        draw()


def _under(panel: dict) -> list[str]:
    """The paragraphs under an array's heading: its lines run on as one; how sure is its own."""
    return [text for text in (" ".join(panel["lines"]), panel.get("sure", "")) if text]


def _arrays_row(
    pdf: _PDF, chart: dict, size: float, grid_h: float, across: int
) -> tuple[float, Callable[[], None]]:
    """One measure's pictures: their height, and the function that draws them where the page is.
    The measure's heading and the line under it run on as one paragraph, and so do each option's
    lines, `across` options to a line: the row is as short as its words allow. Each array's
    alternative text only says what it is: its words are the text beside it."""
    gap, after = 4.0, 1.8
    col_w = (pdf.body_w - gap * (across - 1)) / across
    png_w, png_h = _png_size_mm(chart["grids"][0], chart["scale"])
    grid_w = png_w * grid_h / png_h
    text_w = col_w - grid_w - 1.5
    line_h = _lh(size)
    title, subtitle = as_sentence(chart["title"]), as_sentence(chart["subtitle"])
    # at most the bold heading's lines and the subtitle's (they run on, so often one fewer)
    head = _lines(pdf, title, pdf.body_w, size, "B") + _lines(pdf, subtitle, pdf.body_w, size)

    def text_h(panel: dict) -> float:
        rest = [_lines(pdf, text, text_w, size) for text in _under(panel)]
        return line_h * (len(_lines(pdf, panel["heading"], text_w, size, "B")) + sum(map(len, rest)))

    pictured = list(zip(chart["panels"], chart["grids"], strict=True))
    lines = [pictured[k : k + across] for k in range(0, len(pictured), across)]
    heights = [max(grid_h, *(text_h(panel) for panel, _ in line)) for line in lines]

    def draw() -> None:
        pdf.set_x(pdf.l_margin)
        pdf.set_font(FONT, "B", size)
        pdf.write(line_h, title + " ")
        pdf.set_font(FONT, "", size)
        pdf.write(line_h, subtitle)
        pdf.ln(line_h)
        top = pdf.get_y() + 0.6
        for line, height in zip(lines, heights, strict=True):
            pdf.set_y(top)
            if pdf.room < height:  # a line of arrays never splits; the measure's row may
                pdf.add_page()
                top = pdf.get_y()
            for i, (panel, png) in enumerate(line):
                x = pdf.l_margin + i * (col_w + gap)
                alt = A_PICTURE_OF.format(per=100)
                pdf.image(io.BytesIO(png), x=x, y=top, w=grid_w, h=grid_h, alt_text=alt)
                pdf.set_xy(x + grid_w + 1.5, top)
                pdf.lines(panel["heading"], text_w, size, "B")
                for text in _under(panel):
                    pdf.lines(text, text_w, size)
            top += height + after
        pdf.set_xy(pdf.l_margin, top)
        pdf.set_font(FONT, size=BODY)

    return line_h * len(head) + 0.6 + sum(h + after for h in heights), draw
