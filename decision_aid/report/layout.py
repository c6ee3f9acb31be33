"""Page layout primitives: the document class, cached line breaks, tables, numbered columns, and
the layouts tried from roomy to compact.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from fpdf import FPDF
from fpdf.enums import Align, MethodReturnValue, XPos, YPos
from fpdf.image_datastructures import ImageCache

from decision_aid.lru import BoundedCache
from decision_aid.report.fontcache import FONT, FONT_BOLD, FONT_REGULAR, _add_font
from decision_aid.words.report import LIST_TOO_TALL, PAGE_FOOTER

# ---------------------------------------------------------------- the PDF


GREY_FILL = (232, 232, 232)
RULE_GREY = 120
BODY = 9
SMALL = 7.8
TINY = 6.8
MARGIN = 12.0


def _lh(size: float) -> float:
    """Line height in mm for a font size in points (about 1.3 times the size)."""
    return size * 0.46


LINES_CACHE_SIZE = 2048
"""Texts kept broken into lines. A summary breaks about 150 (more when several layouts are tried),
nearly all the dataset's own; the rest (a heading with a status, a row of weights) vary from
patient to patient. Full, it holds well under a megabyte."""

_lines_cache: BoundedCache[tuple[str, ...]] = BoundedCache(LINES_CACHE_SIZE)


def _lines(pdf: FPDF, text: str, w: float, size: float, style: str = "") -> tuple[str, ...]:
    """`text` broken into lines exactly as `pdf.multi_cell(w, ...)` would break it (no padding:
    the text is `w` less the cell margins wide), from a small bounded cache.

    Breaking text into lines is most of fpdf's work, character by character, and fpdf's tables
    do it twice for each cell (once to size the row); the same dataset text is broken again in
    every summary and in each layout tried. The key is the text itself, so a line only ever
    comes back for the very text it was cut from. Leaves the font at `style` and `size`.
    """
    pdf.set_font(FONT, style, size)

    def break_lines() -> tuple[str, ...]:
        return tuple(pdf.multi_cell(w, 1, text, align=Align.L, dry_run=True, output=MethodReturnValue.LINES))

    return _lines_cache.get_or_make((text, style, size, round(w, 4)), break_lines)


@dataclass(frozen=True)
class _Cell:
    """A table cell: its text, in DejaVu `style` ("" or "B") at `size` points."""

    text: str
    style: str = ""
    size: float = BODY


MIN_SPLIT_LINES = 3
"""A row split across pages starts on the page it reaches only where three lines fit there, and
leaves at least three of its longest cell's lines for the next page."""
ITEM_MARK = "•"
"""How an item of a cell's list starts (`content.py`): a row split across pages breaks each cell
before an item where one starts, not inside it."""
SPLIT_TALLER_THAN = 40.0
"""mm: a row of the detail table taller than this goes on over a page break, under the heading
row and its own label again, rather than leave the foot of the page empty (the medicines' side
effects run to 80 mm, and moved whole they left up to a third of a page blank); a shorter row
moves whole."""


ITEM_BACK_OFF = 4
"""Lines a cell may leave empty at the foot of a page to start an item on the next. Backing off
to any item's start left large print's narrow columns up to a third empty, and its longest
summary went over its page limit."""
ENDS_IN_A_FIGURE = re.compile(r"\d$")


def _page_cut(cell_lines: tuple[str, ...], fit: int) -> int:
    """How many of a cell's lines go on this page when its row is split after `fit` lines: all
    that fit; else up to an item that starts in the last `ITEM_BACK_OFF` of them, so the item is
    not parted at the page ("... too): 65" | "out of 100 people"); else, inside an item, not
    just after a figure (up to two lines earlier, so the figure goes on with its words). Never
    fewer than `MIN_SPLIT_LINES`, the least a split row leaves on a page."""
    if len(cell_lines) <= fit:
        return len(cell_lines)
    floor = max(MIN_SPLIT_LINES, fit - ITEM_BACK_OFF)
    starts = [k for k in range(floor, fit + 1) if cell_lines[k].lstrip().startswith(ITEM_MARK)]
    if starts:
        return starts[-1]
    cut = fit
    while cut > max(MIN_SPLIT_LINES, fit - 2) and ENDS_IN_A_FIGURE.search(cell_lines[cut - 1].rstrip()):
        cut -= 1
    return cut


def _table(
    pdf: _PDF,
    head: list[_Cell],
    rows: list[list[_Cell]],
    widths: tuple[float, ...],
    *,
    line_h: float,
    padding: tuple[float, float, float, float],
    fill: tuple[int, int, int],
    grid: bool = True,
    middle: bool = False,
    split_taller_than: float | None = None,
) -> None:
    """A table at the left margin as fpdf's `table()` draws it with these settings, from cached
    line breaks: `grid` every border (else only the lines between rows, `HORIZONTAL_LINES`),
    text at the top of its cell (`middle`: centred), `padding` (top, right, bottom, left), the
    heading row filled and repeated at the top of each page, a row never split across pages
    unless it is taller than a page or than `split_taller_than` mm (`draw_split`: it goes on under
    its label again), never the heading row alone at the foot of a page.

    `table()` lays every cell's text out twice (once to size the row) and the comparison table
    is most of a summary's text: with `table()` a warm summary took 2 to 2.6 times the CPU time (well
    over its 1 s budget). `tests/report/test_layout.py` checks the pages are pixel for pixel
    the ones `table()` draws, so the two can be swapped should fpdf2 become fast enough.
    """
    top, right, bottom, left = padding
    style, size = pdf.font_style, pdf.font_size_pt
    xs = [pdf.l_margin]
    for w in widths[:-1]:
        xs.append(xs[-1] + w)
    last_row = len(rows)  # the heading row is row 0

    Laid = tuple[list[tuple[str, ...]], list[float], float]  # lines and height per cell, row height

    def part(lines: list[tuple[str, ...]]) -> Laid:
        """Cells' lines with their heights and the row's (all of a row, or what of it fits)."""
        heights = []
        for cell_lines in lines:
            height = 0.0
            for _ in cell_lines:  # added up line by line, as fpdf does
                height += line_h
            heights.append(height + top + bottom)
        return lines, heights, max(heights)

    def lay_out(row: list[_Cell]) -> Laid:
        return part(
            [
                _lines(pdf, c.text, w - left - right + 2 * pdf.c_margin, c.size, c.style)
                for c, w in zip(row, widths, strict=True)
            ]
        )

    def draw(row: list[_Cell], laid_out: Laid, index: int) -> None:
        lines, heights, height = laid_out
        y = pdf.get_y()
        for x, w, c, cell_lines, cell_h in zip(xs, widths, row, lines, heights, strict=True):
            # Drawn from the bottom edge up, as table() draws them, so a border lands on the
            # same device pixel whichever of the two drew it.
            if index == 0:
                with pdf.local_context(fill_color=fill):
                    pdf.rect(x, y + height, w, -height, style="DF" if grid else "F")
            elif grid:
                pdf.rect(x, y + height, w, -height)
            if not grid:
                if index < last_row:
                    pdf.line(x, y + height, x + w, y + height)
                if index > 0:
                    pdf.line(x, y, x + w, y)
            pdf.set_font(FONT, c.style, c.size)
            pdf.set_xy(x + left - pdf.c_margin, y + top + ((height - cell_h) / 2 if middle else 0))
            for line in cell_lines:
                pdf.cell(w - left - right, line_h, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_xy(pdf.l_margin, y + height)

    def draw_split(row: list[_Cell], laid_out: Laid, index: int) -> None:
        """A row taller than a whole page (large print's narrow columns), or than
        `split_taller_than`: each page takes the lines that fit in every cell, under the heading
        row, and the rest goes on beside the row's label again, with at least MIN_SPLIT_LINES
        lines on either side. Drawn whole, a row taller than a page ran its borders through the
        footer and broke its cells' text onto the next page at the wrong height, each cell
        starting where the one before it ended."""
        rest = list(laid_out[0])
        while True:
            fit = int((pdf.room - top - bottom) // line_h)
            if all(len(cell_lines) <= fit for cell_lines in rest):
                draw(row, part(rest), index)
                return
            fit = min(fit, max(len(cell_lines) for cell_lines in rest) - MIN_SPLIT_LINES)
            if fit >= MIN_SPLIT_LINES:
                cuts = [_page_cut(cell_lines, fit) for cell_lines in rest]
                draw(row, part([c[:k] for c, k in zip(rest, cuts, strict=True)]), index)
                rest = [c[k:] for c, k in zip(rest, cuts, strict=True)]
                if not rest[0] and any(rest[1:]):  # the row's label again, beside the rest of it
                    rest[0] = laid_out[0][0]
            pdf.add_page()
            draw(head, heading, 0)

    heading = lay_out(head)
    body = [(row, lay_out(row)) for row in rows]
    pdf.need(heading[2] + (body[0][1][2] if body else 0))  # never the heading row alone
    draw(head, heading, 0)
    page_room = pdf.page_break_trigger - pdf.t_margin - heading[2]
    for i, (row, laid_out) in enumerate(body, start=1):
        splits = split_taller_than is not None and laid_out[2] > split_taller_than
        if laid_out[2] > page_room or (splits and pdf.room < laid_out[2]):
            draw_split(row, laid_out, i)
            continue
        if pdf.room < laid_out[2]:
            pdf.add_page()
            draw(head, heading, 0)
        draw(row, laid_out, i)
    pdf.set_font(FONT, style, size)


class _PDF(FPDF):
    def __init__(
        self, paper: str | tuple[float, float], footer_text: str, image_cache: ImageCache | None = None
    ):
        super().__init__(orientation="P", unit="mm", format=paper)
        self._footer_text = footer_text
        if image_cache is not None:
            self.image_cache = image_cache  # one per build: each image is decoded and compressed once
        _add_font(self, "", FONT_REGULAR)
        _add_font(self, "B", FONT_BOLD)
        self.set_margins(MARGIN, 11, MARGIN)
        self.set_auto_page_break(True, margin=13)
        self.set_font(FONT, size=BODY)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, size=TINY)
        self.set_text_color(70)
        # fpdf writes the page count in place of its alias "{nb}" when the document is done.
        footer = PAGE_FOOTER.format(
            footer=self._footer_text, page=self.page_no(), pages="{nb}"
        )  # fpdf's alias
        self.cell(0, 4, footer, align="C")
        self.set_text_color(0)

    @property
    def body_w(self) -> float:
        return self.w - self.l_margin - self.r_margin

    @property
    def room(self) -> float:
        """Height left on this page above the bottom margin."""
        return self.page_break_trigger - self.get_y()

    def need(self, height: float) -> None:
        if self.room < height:
            self.add_page()

    def heading(self, text: str, keep: float = 25) -> None:
        """A section heading that never sits alone at the foot of a page."""
        self.need(keep + 9)
        self.ln(2)
        self.set_font(FONT, "B", 11.5)
        self.cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = self.get_y()
        self.set_draw_color(RULE_GREY)
        self.set_line_width(0.3)
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.ln(1.5)
        self.set_font(FONT, size=BODY)

    def para(self, text: str, size: float = BODY, bold: bool = False, w: float = 0) -> None:
        x = self.get_x()
        self.lines(text, w or self.w - self.r_margin - x, size, "B" if bold else "")
        self.set_x(x)
        self.set_font(FONT, size=BODY)

    def lines(self, text: str, w: float, size: float, style: str = "") -> None:
        """`multi_cell(w, _lh(size), text)` from the current position, left-aligned, ending
        under it at the same x; the line breaks come from `_lines` (cached)."""
        x, h = self.get_x(), _lh(size)
        for line in _lines(self, text, w, size, style):
            self.set_x(x)
            self.cell(w, h, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
        if text.endswith("\n"):  # as multi_cell does after a final line break
            self.ln()

    def labelled(self, label: str, value: str, size: float = BODY) -> None:
        """'Label value' with a bold label, wrapping under the left margin."""
        h = _lh(size)
        self.set_x(self.l_margin)
        self.set_font(FONT, "B", size)
        self.write(h, label + " ")
        self.set_font(FONT, "", size)
        self.write(h, value)
        self.ln(h + 0.8)

    def bullets(
        self,
        items: Iterable[str],
        size: float = BODY,
        mark: str = "•",
        indent: float = 4.5,
        w: float | None = None,
    ) -> None:
        h = _lh(size)
        x = self.get_x()
        width = w if w is not None else self.w - self.r_margin - x
        for item in items:
            self.need(h * 2)
            self.set_font(FONT, "", size)
            self.set_x(x)
            self.cell(indent, h, mark)
            self.lines(item, width - indent, size)
            self.set_x(x)
            self.ln(0.6)
        self.set_x(x)


@dataclass(frozen=True)
class _Layout:
    grid_pt: float = 7.0
    table_pt: float = 7.0
    icon_h: float = 24.0
    """The height of one option's array of 100 people (mm); its words print beside it."""
    match_w: float = 58.0
    note_lines: int = 5
    note_lines_max: int = 8
    pictures: bool = True
    match_chart: bool = True
    """Draw the icon arrays and the match chart; only the last layout leaves them to the aid (the
    figures stay in the tables), when even the compact type does not fit them."""
    sources_pt: float = 6.0
    side_by_side: bool = True
    """The situation beside the priorities, and the match chart beside its table; else one above
    the other (the large-print page is too narrow for both)."""


MAX_PAGES = 5
_COMPACT = _Layout(
    grid_pt=6.4,
    table_pt=6.0,
    icon_h=16.0,
    match_w=50.0,
    note_lines=3,
    note_lines_max=3,
    sources_pt=5.0,
)
LAYOUTS = (
    _Layout(),
    _Layout(
        grid_pt=6.8,
        table_pt=6.4,
        icon_h=19.0,
        match_w=54.0,
        note_lines=3,
        note_lines_max=4,
        sources_pt=5.4,
    ),
    _COMPACT,
    replace(_COMPACT, pictures=False, match_chart=False),
)
"""From roomy to compact: the summary takes the roomiest that fits on MAX_PAGES. The compact type
is tried with the pictures before without them: a summary with a priority stated usually fits on
A4 with them (it ran to 6 pages in the middle layout, often by a line or two of sources), and the
icon arrays are how the figures are best understood. When even the last one runs past MAX_PAGES,
the compact type with its pictures is used instead if it takes no more pages (`pdf._fitted`,
which lays the compact type out first)."""
FIRST_LAYOUT = {"A4": 0, "Letter": 1}
"""US Letter is 18 mm shorter: the roomy layout almost never fits it, so it is not tried."""

LARGE_PRINT_SCALE = 4 / 3
"""Large print: the summary is laid out on a page this much smaller than the paper, then every
page is magnified to the paper: 9 pt body type prints at 12 pt, and the smallest type (6.8 pt,
under the match table and in the printed link) at 9 pt."""
LARGE_PRINT = replace(
    LAYOUTS[0], icon_h=18.0, grid_pt=8.0, table_pt=8.0, sources_pt=7.0, match_w=90.0, side_by_side=False
)
"""The one large-print layout: the roomy one with its tables and sources a size up (10.7 and
9.3 pt printed), the situation above the priorities, the match chart above its table, and the
arrays of 100 people two options to a line, each 18 mm tall (24 printed). No
compact type and no page limit: smaller type would defeat the purpose, and more pages are the
cost (tests/report/test_large_print.py keeps the longest within LARGE_PRINT_MAX_PAGES)."""
LARGE_PRINT_MAX_PAGES = 16
"""Large-print summaries run to 13 to 16 pages (24 random answer sets: mostly 15); the longest
answers the tests build (`BUSY` in tests/report/test_pdf.py) take 16 on A4 and on Letter."""


class _TooLong(Exception):
    """The summary ran past MAX_PAGES with a layout that has a more compact one after it."""


@dataclass
class _Line:
    """One line of a numbered list, as `_numbered_columns` lays it out."""

    text: str
    bullet: str | None = None  # the number, on a paragraph's first line
    last: bool = False  # a paragraph's last line: a little space follows


def _numbered_columns(
    pdf: FPDF,
    items: list[str],
    size: float,
    *,
    gutter: float = 5.0,
    indent: float = 5.0,
    number_gap: float = 1.0,
    after: float = 0.7,
) -> None:
    """A numbered list in two balanced columns, flowing onto further pages, as fpdf's
    `text_columns(ncols=2, gutter, line_height=1.1, balance=True)` lays it out with one
    `paragraph(indent, bullet_string="n.", bullet_r_margin, bottom_margin)` per item, but
    from cached line breaks: fpdf's own columns break every citation again in each layout
    tried (a warm summary took 1.7 to 2 times the CPU time). `tests/report/test_layout.py` checks the
    pages are pixel for pixel the same.
    """
    pdf.set_font(FONT, "", size)
    col_w = (pdf.w - pdf.l_margin - pdf.r_margin - gutter) / 2
    cols = (pdf.l_margin, pdf.l_margin + col_w + gutter)
    line_h = pdf.font_size * 1.1
    lines: list[_Line] = []
    for n, item in enumerate(items, start=1):
        item_lines = [_Line(t) for t in _lines(pdf, item, col_w - indent, size)]
        item_lines[0].bullet = f"{n}."
        item_lines[-1].last = True
        lines += item_lines
    pdf.set_font(FONT, "", size)
    page_bottom = pdf.h - pdf.b_margin
    top = max(pdf.t_margin, pdf.y)
    while True:
        # Balance the columns when the rest fits on this page, as fpdf does (and like fpdf,
        # give the last column the rest of the page in case the balance is out).
        bottom, balancing = page_bottom, False
        col_h = len(lines) * line_h / 2
        if col_h < page_bottom - top:
            balancing = True
            bottom = top + max(col_h, line_h * (math.ceil(len(lines) / 2) + 0.5))
            if bottom > page_bottom:
                bottom, balancing = page_bottom, False
        next_y, left_before = pdf.y, len(lines)
        for c, left in enumerate(cols):
            if not lines:
                break
            if balancing and c == len(cols) - 1:
                bottom = page_bottom
            lines = _column(pdf, lines, left, top, bottom, line_h, indent, number_gap, after)
            next_y = max(next_y, pdf.y)
        pdf.y = next_y
        if not lines:
            return
        if top == pdf.t_margin and len(lines) == left_before:
            raise ValueError(LIST_TOO_TALL)
        pdf.add_page()
        top = pdf.y


def _column(
    pdf: FPDF,
    lines: list[_Line],
    left: float,
    top: float,
    bottom: float,
    line_h: float,
    indent: float,
    number_gap: float,
    after: float,
) -> list[_Line]:
    """Fill one column from `top` down to `bottom`; returns the lines left over."""
    pdf.y = top
    done = 0
    for line in lines:
        if pdf.y + line_h > bottom:
            break
        if line.bullet:
            pdf.set_xy(left + indent - pdf.get_string_width(line.bullet) - number_gap, pdf.y)
            pdf.cell(0, line_h, line.bullet, new_x=XPos.LEFT, new_y=YPos.TOP)
        pdf.set_x(left + indent)
        pdf.cell(0, line_h, line.text, new_x=XPos.LEFT, new_y=YPos.NEXT)
        if line.last and line.text and pdf.y + after < bottom:
            pdf.y += after
        done += 1
    return lines[done:]
