"""At a glance: the Option-Grid-style grid (`decision_aid.grid`), first on the page.

One real HTML table (a header per option, a header per question), so a screen reader can move
across a row; on a narrow screen CSS turns each row into one card per question with the options
inside, each labelled, so nothing scrolls sideways. All text is escaped before it goes in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

import streamlit as st

from decision_aid.grid import NO_TREATMENT_ID, NO_TREATMENT_NAME, Cell, Grid, glance_grid
from decision_aid.results import once_per_wording, under_whom
from decision_aid.ui import components as c
from decision_aid.ui import consult
from decision_aid.ui.css import TOUCH_TARGET_PX, style_sheet
from decision_aid.ui.topics.common import Ctx, detail, sources_toggle, sure
from decision_aid.words.common import options_named
from decision_aid.words.grid import REFERENCE_NOTE
from decision_aid.words.topics import (
    CAUTION_LABEL,
    CAUTIONS_HEADING,
    CAUTIONS_IN_FULL,
    DIFFERENT_STUDIES,
    GOOD_TO_KNOW_HEADING,
    GRID_QUESTION,
    HOW_SURE_ALONE,
    LOCAL_MARK_ALONE,
    MAY_NOT_BE_AN_OPTION,
    SAID_NO,
    SEE_CAUTION,
    SEE_CAUTION_FOR,
    certainty_level,
)

NARROW_PX = 640
CAUTIONS_ID = "hfs-cautions"
"""The cautions under the grid, as a link target."""
GRID_CSS = style_sheet(
    "grid.css", narrow_px=NARROW_PX, cautions_id=CAUTIONS_ID, touch_target_px=TOUCH_TARGET_PX
)
"""The grid's look (decision_aid/assets/grid.css): one card per row on a narrow screen."""


def _cell_html(cell: Cell, consulting: bool, column_name: str, sources: bool, status: str = "") -> str:
    """One cell; its label names the option (with its `status` note) where the grid is cards on a
    phone, since the option's own header, which holds the note on a wide screen, is hidden there."""
    parts = [f'<span class="label">{escape(column_name, quote=False)}{status}</span>']
    if cell.figure is not None:
        parts.append(f'<span class="fig">{escape(cell.figure, quote=False)}</span>')
    parts.append(escape(cell.text, quote=False))
    if cell.local:
        parts.append(f'<span class="caution">{escape(LOCAL_MARK_ALONE, quote=False)}</span>')
    if cell.figure is not None and not consulting and cell.certainty:
        how_sure = HOW_SURE_ALONE.format(level=certainty_level(cell.certainty))
        parts.append(f'<span class="more">{escape(how_sure, quote=False)}</span>')
    if consulting:
        more = detail(
            cell.low,
            cell.high,
            cell.sources if sources else (),
            cell.timeframe if sources else "",  # with the sources: the harms topic's time frames
            published=cell.local,
        )
        if cell.certainty:
            more = (sure(cell.certainty) + "; " + more).strip("; ")
        if more:
            parts.append(f'<span class="more">{escape(more, quote=False)}</span>')
    if cell.caution:  # a link: on a phone the cautions sit about 2,300 px below
        name = escape(SEE_CAUTION_FOR.format(see=SEE_CAUTION, name=column_name))
        see = escape(SEE_CAUTION, quote=False)
        parts.append(f'<a class="caution" href="#{CAUTIONS_ID}" aria-label="{name}">{see}</a>')
    return " ".join(parts)


def grid_html(grid: Grid, consulting: bool, sources: bool = False) -> str:
    """The grid as an escaped HTML table (headers for options and questions); `consulting` adds
    each figure's range and certainty, `sources` each cell's source ids."""
    heads, notes = [], []
    for col in grid.columns:
        note = ""
        if not col.suitable:
            note = f'<span class="caution">{escape(MAY_NOT_BE_AN_OPTION, quote=False)}</span>'
        elif col.avoided:
            note = f'<span class="more">{escape(SAID_NO, quote=False)}</span>'
        heads.append(f'<th scope="col">{escape(col.name, quote=False)}{note}</th>')
        notes.append(note)
    rows = []
    for row in grid.rows:
        cells = []
        for col, note, cell in zip(grid.columns, notes, row.cells, strict=True):
            css = ' class="ref"' if col.id == "no_treatment" else ""
            cells.append(f"<td{css}>{_cell_html(cell, consulting, col.name, sources, note)}</td>")
        rows.append(f'<tr><th scope="row">{escape(row.question, quote=False)}</th>{"".join(cells)}</tr>')
    return (
        '<table class="hfs-grid">'
        f'<thead><tr><th scope="col">{escape(GRID_QUESTION, quote=False)}</th>{"".join(heads)}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        + _reference_note(grid, sources)
        + (
            f'<p class="hfs-grid-note">{escape(grid.unlike_note, quote=False)}</p>'
            if grid.unlike_note
            else ""
        )
    )


def _reference_note(grid: Grid, sources: bool) -> str:
    """Why the no-treatment figures may read better than the usual course, right under them (in
    the grid's own HTML: a page element of its own would cost the grid's height limit a gap)."""
    if not grid.reference_note:
        return ""
    note = grid.reference_note + (f" {c.sources_text(grid.reference_note_sources)}" if sources else "")
    name = f"<strong>{escape(NO_TREATMENT_NAME, quote=False)}</strong>"
    return f'<p class="hfs-grid-note">{REFERENCE_NOTE.format(name=name, note=escape(note, quote=False))}</p>'


def table_html(headers: list[str], rows: list[list[str]], caption: str = "") -> str:
    """Any text table in the grid's look (a card per row on a phone), every cell escaped; the
    first column is the row's header."""
    head = "".join(f'<th scope="col">{escape(h, quote=False)}</th>' for h in headers)
    body = []
    for row in rows:
        first, rest = row[0], row[1:]
        cells = "".join(
            f'<td><span class="label">{escape(h, quote=False)}</span> {escape(v, quote=False)}</td>'
            for h, v in zip(headers[1:], rest, strict=True)
        )
        body.append(f'<tr><th scope="row">{escape(first, quote=False)}</th>{cells}</tr>')
    cap = f"<caption>{escape(caption, quote=False)}</caption>" if caption else ""
    return (
        f'<table class="hfs-grid">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def _grouped(grid: Grid, items: Iterable[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """Each (column id, words) once per wording, gathered under the options it concerns, their
    names said once per group ("All three treatments" where it is all of them)."""
    names = {col.id: col.name for col in grid.columns if col.id != NO_TREATMENT_ID}  # treatments
    grouped = once_per_wording(((names[oid], [words]) for oid, words in items), lambda words: words)
    return [(options_named(who, len(names)), said) for who, said in under_whom(grouped)]


def _listed(heading: str, grid: Grid, items: Iterable[tuple[str, str]]) -> str:
    """Under the grid, each text once, under the options it concerns."""
    parts = [heading] if heading else []
    for who, texts in _grouped(grid, items):
        parts.append(f"**{c.md(who)}**\n" + "\n".join(f"- {c.md(text)}" for text in texts))
    return "\n\n".join(parts)


def _short_list(heading: str, grid: Grid, items: Iterable[tuple[str, str]], say: Callable[[str], str]) -> str:
    """A heading, then a line per group of options, their names leading ("- **MVD surgery:** ..."),
    with what it says of them, each item put in words by `say`."""
    lines = (f"- **{c.md(who)}:** " + " ".join(say(x) for x in xs) for who, xs in _grouped(grid, items))
    return heading + "\n\n" + "\n".join(lines)


def _good_to_know(grid: Grid) -> str:
    """What the situation says in an option's favour, as the cautions' short list above it: a
    heading of its own per option made a consult's glance with MS about 30 px longer than its
    1,800 px."""
    return _short_list(GOOD_TO_KNOW_HEADING, grid, grid.good_to_know, c.md)


def _labels(grid: Grid) -> str:
    """The cautions in a few words each, one line per group of options: seven cautions in full
    took about 550 px under the grid at 1280 px and 1,300 px on a phone, pushing the page past its
    height (issue 12); the whole texts are one click below. Grouped by label, so "You take a blood
    thinner", said in its own words for each option, is one line for all three."""
    labels = ((oid, label) for oid, label, _ in grid.cautions)
    return _short_list(CAUTIONS_HEADING, grid, labels, lambda label: c.md(CAUTION_LABEL.format(label=label)))


def render(ctx: Ctx) -> None:
    grid = glance_grid(ctx.ev, ctx.result)
    if ctx.consult:
        # The switch's column holds its whole label at 1280 px (at [4, 1] it read "Show ranges and …").
        note, switch = st.columns([2, 1], vertical_alignment="center")
        note.caption(DIFFERENT_STUDIES)
        with switch:
            show_sources = sources_toggle("glance")
    else:
        st.caption(DIFFERENT_STUDIES)
        show_sources = False
    st.html(GRID_CSS)
    st.html(grid_html(grid, ctx.consult, show_sources))
    if grid.cautions:
        with st.container(key="grid_cautions"):
            st.html(f'<div id="{CAUTIONS_ID}"></div>')  # where the cells' "See the caution below" lead
            st.markdown(_labels(grid))
            with st.expander(CAUTIONS_IN_FULL):
                st.markdown(_listed("", grid, ((oid, text) for oid, _, text in grid.cautions)))
    if grid.good_to_know:
        with st.container(key="grid_good"):  # spaced as the cautions are (grid.css)
            st.markdown(_good_to_know(grid))
    if ctx.consult:
        consult.local_figures(ctx.ev)  # a closed panel of its own
