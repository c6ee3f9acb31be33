"""The PDF's hand-written table and numbered columns draw what fpdf2's own `table()` and
`text_columns()` draw with the same settings, page for page and pixel for pixel.

They are kept hand-written for speed only: they lay text out from cached line breaks, where
fpdf2's `table()` lays every cell out twice and `text_columns()` breaks every citation again in
each layout tried (a warm summary took about three times as long with them, well over its 1 s
budget). The fpdf2 calls below are the drop-in replacement: when this passes, swapping is safe.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from fpdf.enums import Align, TableBordersLayout, VAlign
from fpdf.fonts import FontFace
from PIL import Image, ImageChops

from decision_aid.report.fontcache import FONT
from decision_aid.report.layout import (
    _PDF,
    GREY_FILL,
    ITEM_BACK_OFF,
    MIN_SPLIT_LINES,
    _Cell,
    _numbered_columns,
    _page_cut,
    _table,
)
from devkit.browser import skip_unless_ci

pytestmark = skip_unless_ci(shutil.which("pdftoppm") is None, "poppler-utils (pdftoppm) not installed")

HEAD = [_Cell("", "B", 7.8), _Cell("Botulinum toxin\n(may not suit)", "B", 7.8), _Cell("MVD", "B", 7.8)]
ROWS = [
    [
        _Cell(f"Row {i}: how well it works", "B", 7.0),
        _Cell("About 80 out of 100 people have good control, for about 3 months. " * (1 + i % 3), "", 7.0),
        _Cell("Spasm-free" if i % 2 else "", "", 6.4),
    ]
    for i in range(40)  # enough rows to run onto a second page (the heading row repeats)
]
WIDTHS = (26.0, 90.0, 60.0)
CITATIONS = [
    f"Author {n} A, Other B. A study of hemifacial spasm treated {n} ways. J Neurol. 20{n % 25:02d};"
    + " Long title words" * (n % 4)
    for n in range(1, 140)  # two balanced columns, over more than one page
]


def document() -> _PDF:
    pdf = _PDF("A4", "footer")
    pdf.add_page()
    pdf.set_y(150)  # part-way down, so page breaks come into play
    return pdf


def fpdf2_table(pdf: _PDF, *, grid: bool, middle: bool) -> None:
    """fpdf2's `table()` with the settings `_table` stands for."""
    with pdf.table(
        width=sum(WIDTHS),
        col_widths=WIDTHS,
        align=Align.L,
        text_align=Align.L,
        v_align=VAlign.M if middle else VAlign.T,
        line_height=3.1,
        padding=(0.8, 1.0, 0.8, 1.0),
        borders_layout=TableBordersLayout.ALL if grid else TableBordersLayout.HORIZONTAL_LINES,
        headings_style=FontFace(fill_color=GREY_FILL),
    ) as table:
        for row in (HEAD, *ROWS):
            cells = table.row()
            for c in row:
                cells.cell(c.text, style=FontFace(emphasis=c.style or "", size_pt=c.size))


def fpdf2_columns(pdf: _PDF, size: float) -> None:
    """fpdf2's `text_columns()` with the settings `_numbered_columns` stands for."""
    pdf.set_font(FONT, "", size)
    with pdf.text_columns(ncols=2, gutter=5, text_align=Align.L, line_height=1.1, balance=True) as cols:
        for n, citation in enumerate(CITATIONS, start=1):
            with cols.paragraph(indent=5, bullet_string=f"{n}.", bullet_r_margin=1, bottom_margin=0.7) as par:
                par.write(citation)


def pages(pdf: _PDF, folder: Path) -> list[Image.Image]:
    folder.mkdir()
    path = folder / "doc.pdf"
    path.write_bytes(bytes(pdf.output()))
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(path), str(folder / "p")], check=True, timeout=60)
    return [Image.open(png).convert("RGB") for png in sorted(folder.glob("p-*.png"))]


def assert_same_pages(mine: _PDF, theirs: _PDF, tmp_path: Path) -> None:
    a, b = pages(mine, tmp_path / "mine"), pages(theirs, tmp_path / "fpdf2")
    assert len(a) == len(b) >= 2
    for number, (x, y) in enumerate(zip(a, b, strict=True), start=1):
        assert ImageChops.difference(x, y).getbbox() is None, f"page {number} differs"


@pytest.mark.parametrize(("grid", "middle"), [(True, False), (False, True)])
def test_table_draws_what_fpdf2_table_draws(tmp_path, grid, middle):
    mine, theirs = document(), document()
    _table(
        mine,
        HEAD,
        ROWS,
        WIDTHS,
        line_h=3.1,
        padding=(0.8, 1.0, 0.8, 1.0),
        fill=GREY_FILL,
        grid=grid,
        middle=middle,
    )
    fpdf2_table(theirs, grid=grid, middle=middle)
    assert mine.get_y() == pytest.approx(theirs.get_y())
    assert_same_pages(mine, theirs, tmp_path)


@pytest.mark.parametrize("size", [6.0, 5.0])
def test_numbered_columns_draw_what_fpdf2_text_columns_draw(tmp_path, size):
    mine, theirs = document(), document()
    _numbered_columns(mine, CITATIONS, size)
    fpdf2_columns(theirs, size)
    assert mine.get_y() == pytest.approx(theirs.get_y())
    assert_same_pages(mine, theirs, tmp_path)


def test_a_row_taller_than_a_page_is_split_under_a_repeated_heading():
    """Large print's narrow columns make some rows taller than a page. Drawn whole, their borders
    ran through the footer, and each cell's text started on the next page where the one before it
    had ended. Each page now takes what fits of every cell, in line, under the heading row."""
    pdf = _PDF((120.0, 160.0), "footer")
    pdf.add_page()
    tall = [
        _Cell("Side effects", "B", 7.0),
        _Cell("Medicines line. " * 300, "", 7.0),
        _Cell("MVD line. " * 120, "", 7.0),
    ]
    cells: list[tuple[int, float, float, str]] = []
    rects: list[tuple[int, float, float]] = []
    cell, rect = pdf.cell, pdf.rect

    def record_cell(w, h=None, text="", **kw):
        cells.append((pdf.page, pdf.get_x(), pdf.get_y(), text))
        return cell(w, h, text, **kw)

    def record_rect(x, y, w, h, *a, **kw):
        rects.append((pdf.page, min(y, y + h), max(y, y + h)))
        return rect(x, y, w, h, *a, **kw)

    pdf.cell, pdf.rect = record_cell, record_rect
    widths = (20.0, 50.0, 26.0)
    _table(pdf, HEAD, [ROWS[0], tall, ROWS[1]], widths, line_h=3.2, padding=(1, 1, 1, 1), fill=GREY_FILL)
    assert pdf.page > 2
    assert all(bottom <= pdf.page_break_trigger + 0.01 for _, _, bottom in rects)  # never into the footer
    starts: dict[int, dict[float, float]] = {}  # page -> column -> where its text starts
    for p, x, y, text in cells:
        if p > 1 and "line." in text:  # the tall row's two long cells, after the first page
            starts.setdefault(p, {}).setdefault(round(x, 1), y)
    assert len(starts[2]) == 2 and len(starts) > 1, starts  # page 2 goes on with both cells
    for page, ys in starts.items():  # each column's text goes on at the same height
        assert len({round(y, 1) for y in ys.values()}) == 1, (page, ys)
    said = " ".join(text for _, _, _, text in cells).split()
    assert said.count("line.") == 300 + 120  # every line of both cells, once


LINE_H, PADDING = 3.1, (0.8, 1.0, 0.8, 1.0)
FIRST_ROW = [_Cell("First row", "B", 7.0), _Cell("One line.", "", 7.0), _Cell("", "", 7.0)]


def _drawn_with_tall_detail_rows(row: list[_Cell], room: float) -> list[tuple[int, str]]:
    """(page, text) of every line the detail table's settings draw for a one-line row and then
    `row`, from `room` mm above the foot of a page."""
    pdf = _PDF("A4", "footer")
    pdf.add_page()
    pdf.set_y(pdf.page_break_trigger - room)
    drawn: list[tuple[int, str]] = []
    cell = pdf.cell

    def record(w, h=None, text="", **kw):
        drawn.append((pdf.page, text))
        return cell(w, h, text, **kw)

    pdf.cell = record
    widths = (26.0, 90.0, 60.0)
    rows = [FIRST_ROW, row]
    _table(pdf, HEAD, rows, widths, line_h=LINE_H, padding=PADDING, fill=GREY_FILL, split_taller_than=40.0)
    return drawn


def test_a_tall_detail_row_goes_on_over_the_page_break_under_its_label_again():
    """Moved whole, the medicines' side effects (80 mm) left up to a third of a page blank above
    them. A row taller than `split_taller_than` now fills the foot of the page and goes on under
    the heading row with its own label again; a shorter row still moves whole."""
    short = [_Cell("Short row", "B", 7.0), _Cell("Short line. " * 40, "", 7.0), _Cell("Two", "", 7.0)]
    tall = [_Cell("Side effects", "B", 7.0), _Cell("Medicines line. " * 160, "", 7.0), _Cell("MVD.", "", 7.0)]
    heading = {line for c in HEAD for line in c.text.split("\n")}
    others = heading | {"First row", "One line."}
    for row, moves_whole in ((short, True), (tall, False)):
        drawn = _drawn_with_tall_detail_rows(row, room=28)  # the heading, a row and a few lines
        body = [
            (page, text)
            for page, text in drawn
            if text and text not in others and not text.startswith("footer")
        ]
        assert ({page for page, _ in body} == {2}) == moves_whole, [page for page, _ in body]
        if not moves_whole:
            assert [page for page, text in body if text == "Side effects"] == [1, 2]  # its label on both
            said = " ".join(text for _, text in body).split()
            assert said.count("line.") == 160  # every line once
            assert [page for page, text in drawn if text.startswith("Botulinum toxin")] == [1, 2]


def test_a_split_row_leaves_at_least_three_lines_for_the_next_page():
    """Where all but one line of a tall row fitted, that one line went on alone under a repeated
    heading row; now at least MIN_SPLIT_LINES of them go on together."""
    lines = "\n".join(f"Item {i}." for i in range(20))
    row = [_Cell("Side effects", "B", 7.0), _Cell(lines, "", 7.0), _Cell("MVD.", "", 7.0)]
    # the heading row ("Botulinum toxin" over "(may not suit)"), the one-line row and 19 lines
    room = (2 + 1 + 19) * LINE_H + 3 * (PADDING[0] + PADDING[2]) + 0.5
    items = [page for page, text in _drawn_with_tall_detail_rows(row, room) if text.startswith("Item ")]
    assert len(items) == 20 and items.count(1) >= MIN_SPLIT_LINES
    assert items.count(2) == MIN_SPLIT_LINES, items  # 19 fitted: three go on, not one


def test_a_split_row_breaks_between_items_not_inside_one():
    """A side effect's line was cut at the page: "... with clonazepam (...): 65" at the foot of one
    page and "out of 100 people" at the top of the next. Each cell now breaks before an item that
    starts in the last `ITEM_BACK_OFF` lines of the page; these items are shorter than that, so
    none is parted, wherever the page ends."""
    items = "\n".join(f"• Item {i}: a side effect with a long name, " + "its words " * 12 for i in range(14))
    row = [_Cell("Side effects", "B", 7.0), _Cell(items, "", 7.0), _Cell("• MVD.", "", 7.0)]
    split = 0
    for room in range(30, 80, 2):  # the page's foot falls at each line of the items in turn
        pages: dict[int, set[int]] = {}
        item = None
        for page, text in _drawn_with_tall_detail_rows(row, room):
            if text.startswith("• Item "):
                item = int(text.split()[2].rstrip(":"))
            if item is not None and "words" in text:
                pages.setdefault(item, set()).add(page)
        assert sorted(pages) == list(range(14))
        assert all(len(p) == 1 for p in pages.values()), (room, pages)
        split += len({p for ps in pages.values() for p in ps}) > 1
    assert split > 10  # most of the rooms did split the row


def test_a_page_cut_inside_an_item_keeps_a_figure_with_its_words():
    """Where no item starts near the foot of the page, the cut falls inside an item, but not
    right after a figure: "65" goes on with "out of 100 people"."""
    item = ("• Sleepy", "with clonazepam", "(people treated", "for fits): 65", "out of 100 people", "more")
    assert _page_cut(item, 4) == 3
    assert _page_cut(item, 5) == 5
    assert _page_cut(item, 9) == len(item)  # it all fits
    # never fewer lines on the page than a split row leaves
    assert _page_cut(("• a", "b 1", "c 2", "d 3", "e", "f"), MIN_SPLIT_LINES) == MIN_SPLIT_LINES
    assert _page_cut(("• a", "b", "c", "• d", "e", "f", "g", "h"), 6) == 3
    # an item that starts near the foot goes on whole; far up, the page is not left empty for it
    two = ("• One", "one", "one", "one", "one", "one", "one", "• Two", "two", "two")
    assert _page_cut(two, 8) == 7
    far = ("• One", "one", "one", "• Two", *["two"] * 12)
    assert _page_cut(far, 3 + ITEM_BACK_OFF + 1) == 3 + ITEM_BACK_OFF + 1
    long = ("• One", *["one"] * 20)
    assert _page_cut(long, 6) == 6
    assert _page_cut(("• One", "• Two", *["two"] * 20), 6 + ITEM_BACK_OFF) == 6 + ITEM_BACK_OFF
