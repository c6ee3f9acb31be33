"""Every figure, one table per option (a tab each), with its range, time frame, certainty and
sources; citations below."""

from __future__ import annotations

from typing import Any

import streamlit as st

from decision_aid.grid import benefits, no_treatment_figures
from decision_aid.results import shown_range
from decision_aid.ui import components as c
from decision_aid.ui.topics.common import LOCAL_MARK, Ctx, range_words
from decision_aid.ui.topics.glance import GRID_CSS, table_html
from decision_aid.words.common import CHANCE_LABELS, ESTIMATE_MARK, rounded_total_note, span_text
from decision_aid.words.topics import (
    COL_FIGURE,
    COL_HOW_SURE,
    COL_OPTION,
    COL_OUT_OF_100,
    COL_RANGE,
    COL_SOURCES,
    COL_WHEN,
    FIGURES_INTRO,
    FULL_CITATIONS,
    NAME_PER_INJECTION,
    TOPIC_TITLES,
    certainty_level,
    out_of_100,
)


def _sure(certainty: str | None, estimate: bool = False) -> str:
    """The How sure column, with the mark of a figure no study measured."""
    level = certainty_level(certainty) if certainty else ""
    return "; ".join(x for x in (level, ESTIMATE_MARK if estimate else "") if x)


def _range(fig: object) -> str:
    """The Range column: the studies' range, said to be the published one beside a local figure."""
    low, high, published = shown_range(fig)
    return range_words(low, high, published=published, labelled=False)


def _row(
    option: str,
    figure: str,
    central: float | None,
    range_: str,
    when: str,
    certainty: str | None,
    sources: Any,
    estimate: bool = False,
) -> dict[str, str]:
    """One figure's row, its columns in the table's order."""
    return {
        COL_OPTION: option,
        COL_FIGURE: figure,
        COL_OUT_OF_100: out_of_100(central),
        COL_RANGE: range_,
        COL_WHEN: when,
        COL_HOW_SURE: _sure(certainty, estimate),
        COL_SOURCES: ", ".join(sources or ()),
    }


def rows(ctx: Ctx) -> list[dict[str, str]]:
    """One row per figure: no treatment first, then each option's benefits, its later chances (the
    works topic's late relief, return and second operation, which this table left out) and its
    harms, in order."""
    out = []
    for f in no_treatment_figures(ctx.ev, ctx.result):
        span = span_text(f["low"], f["high"]) if f.get("low") is not None else ""
        when = str(f.get("timeframe") or "")
        out.append(
            _row(
                ctx.ev.no_treatment.name,
                str(f.get("name", "")),
                f.get("central"),
                span,
                when,
                f.get("certainty"),
                f.get("sources"),
            )
        )
    for o in ctx.result.options:
        for b in benefits(o):
            name = str(b.get("label") or b["measure"]) + (f" ({LOCAL_MARK})" if b.get("local") else "")
            measured = b.get("central") is not None
            span = _range(b) if measured else str(b.get("not_measured") or "")
            when = str(b.get("timeframe") or "") if measured else ""
            estimate = bool(b.get("expert_estimate"))
            out.append(
                _row(
                    o.short_name,
                    name,
                    b.get("central"),
                    span,
                    when,
                    b.get("certainty"),
                    b.get("sources"),
                    estimate,
                )
            )
        for field, ch in ctx.ev.options[o.id].chances():  # late relief, return, a second operation
            p = ch.per_100
            span = span_text(p.low, p.high) if p else ch.reason
            when = ch.timeframe if p else ""
            central = p.central if p else None
            out.append(
                _row(o.short_name, CHANCE_LABELS[field], central, span, when, ch.certainty, ch.sources)
            )
        for r in o.risks:
            per = getattr(r, "per", "person") or "person"
            name = NAME_PER_INJECTION.format(name=r.name) if per == "injection" else r.name
            name += f" ({LOCAL_MARK})" if r.local else ""
            when = str(getattr(r, "timeframe", "") or "")
            out.append(
                _row(o.short_name, name, r.central, _range(r), when, getattr(r, "certainty", None), r.sources)
            )
    return out


def render(ctx: Ctx) -> None:
    st.markdown(FIGURES_INTRO.format(works=TOPIC_TITLES["works"], years=TOPIC_TITLES["years"]))
    table = rows(ctx)
    headers = [h for h in (table[0] if table else {}) if h != COL_OPTION]
    st.html(GRID_CSS)
    names = list(dict.fromkeys(row[COL_OPTION] for row in table))
    rounded = rounded_total_note(f.central for f in ctx.result.no_treatment.figures)
    for tab, name in zip(st.tabs(names), names, strict=True):
        with tab:
            st.html(
                table_html(headers, [[row[h] for h in headers] for row in table if row[COL_OPTION] == name])
            )
            if name == ctx.ev.no_treatment.name and rounded:
                st.caption(rounded)
    with st.expander(FULL_CITATIONS, expanded=False):
        used = dict.fromkeys(s.strip() for row in table for s in row[COL_SOURCES].split(",") if s.strip())
        c.sources_list(ctx.ev, used)
