"""At a glance: the Option-Grid-style grid (`decision_aid.grid`), first on the page.

One real HTML table (a header per option, a header per question), so a screen reader can move
across a row; on a narrow screen CSS turns each row into one card per question with the options
inside, each labelled, so nothing scrolls sideways. All text is escaped before it goes in.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from decision_aid.grid import Cell, Grid, glance_grid
from decision_aid.ui import components as c
from decision_aid.ui import consult
from decision_aid.ui.topics.common import LOCAL_MARK, Ctx, detail, sources_toggle, sure

NARROW_PX = 640
DIFFERENT_STUDIES = (
    "Each figure is out of 100 people, from different studies with different follow-up times. "
    "No study has compared these options in the same people."
)
GRID_CSS = f"""<style>
.hfs-grid {{ width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 0.875rem;
  line-height: 1.3; }}
.hfs-grid th, .hfs-grid td {{ border: 1px solid #c9c9c9; padding: 0.3rem 0.4rem; vertical-align: top;
  text-align: left; }}
.hfs-grid thead th {{ background: #f0f2f6; }}
.hfs-grid thead th:first-child {{ width: 13%; }}
.hfs-grid tbody th {{ background: #f8f8f7; }}
.hfs-grid td.ref {{ background: #fafafa; }}
.hfs-grid .fig {{ font-weight: 700; display: block; }}
.hfs-grid .more {{ color: #555; font-size: 0.75rem; display: block; }}
.hfs-grid .caution {{ color: #7a4b00; font-weight: 600; display: block; }}
.hfs-grid .label {{ display: none; }}
@media (max-width: {NARROW_PX}px) {{
  .hfs-grid, .hfs-grid tbody, .hfs-grid tr, .hfs-grid th, .hfs-grid td {{ display: block; width: auto; }}
  .hfs-grid thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }}
  .hfs-grid tr {{ border: 1px solid #c9c9c9; border-radius: 0.5rem; margin-bottom: 0.75rem; }}
  .hfs-grid thead th:first-child {{ width: auto; }}
  .hfs-grid tbody th {{ width: auto; border: none; border-bottom: 1px solid #c9c9c9; }}
  .hfs-grid td {{ border: none; border-bottom: 1px solid #eee; }}
  .hfs-grid .label {{ display: block; font-weight: 700; }}
}}
</style>"""


def _cell_html(cell: Cell, consulting: bool, column_name: str, sources: bool) -> str:
    parts = [f'<span class="label">{escape(column_name, quote=False)}</span>']
    if cell.figure is not None:
        parts.append(f'<span class="fig">{escape(cell.figure, quote=False)}</span>')
    parts.append(escape(cell.text, quote=False))
    if cell.local:
        parts.append(f'<span class="caution">{escape(LOCAL_MARK.capitalize(), quote=False)}</span>')
    if cell.figure is not None and not consulting and cell.certainty:
        parts.append(f'<span class="more">{escape(sure(cell.certainty).capitalize(), quote=False)}</span>')
    if consulting:
        more = detail(cell.low, cell.high, cell.sources if sources else ())
        if cell.certainty:
            more = (sure(cell.certainty) + "; " + more).strip("; ")
        if more:
            parts.append(f'<span class="more">{escape(more, quote=False)}</span>')
    if cell.caution:
        parts.append('<span class="caution">⚠ See the caution below</span>')
    return " ".join(parts)


def grid_html(grid: Grid, consulting: bool, sources: bool = False) -> str:
    """The grid as an escaped HTML table (headers for options and questions); `consulting` adds
    each figure's range and certainty, `sources` each cell's source ids."""
    heads = []
    for col in grid.columns:
        note = ""
        if not col.suitable:
            note = '<span class="caution">May not be an option for you</span>'
        elif col.avoided:
            note = '<span class="more">You said no to this</span>'
        heads.append(f'<th scope="col">{escape(col.name, quote=False)}{note}</th>')
    rows = []
    for row in grid.rows:
        cells = []
        for col, cell in zip(grid.columns, row.cells, strict=True):
            css = ' class="ref"' if col.id == "no_treatment" else ""
            cells.append(f"<td{css}>{_cell_html(cell, consulting, col.name, sources)}</td>")
        rows.append(f'<tr><th scope="row">{escape(row.question, quote=False)}</th>{"".join(cells)}</tr>')
    return (
        '<table class="hfs-grid">'
        f'<thead><tr><th scope="col">Question</th>{"".join(heads)}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


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


def render(ctx: Ctx) -> None:
    grid = glance_grid(ctx.ev, ctx.result)
    if ctx.consult:
        note, switch = st.columns([4, 1], vertical_alignment="center")
        note.caption(DIFFERENT_STUDIES)
        with switch:
            show_sources = sources_toggle("glance")
    else:
        st.caption(DIFFERENT_STUDIES)
        show_sources = False
    st.html(GRID_CSS)
    st.html(grid_html(grid, ctx.consult, show_sources))
    if grid.cautions:
        names = {col.id: col.name for col in grid.columns}
        by_text: dict[str, list[str]] = {}
        for oid, text in grid.cautions:  # one line per caution, naming every option it concerns
            by_text.setdefault(text, []).append(names[oid])
        with st.container(key="grid_cautions"):
            st.markdown(
                "**⚠ Cautions from your answers**  \n"
                + "  \n".join(f"**{c.md(', '.join(who))}:** {c.md(text)}" for text, who in by_text.items())
            )
    if ctx.consult:
        consult.local_figures(ctx.ev)  # a closed panel of its own
