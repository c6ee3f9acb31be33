"""Every figure in one table, with its range, time frame, certainty and sources; citations below."""

from __future__ import annotations

import streamlit as st

from decision_aid.grid import benefits, no_treatment_figures
from decision_aid.ui import components as c
from decision_aid.ui.topics.common import LOCAL_MARK, Ctx
from decision_aid.ui.topics.glance import GRID_CSS, table_html
from decision_aid.words.common import per_100, per_100_range


def _people(x: float | None) -> str:
    return "not measured" if x is None else per_100(x).replace(" out of 100 people", "")


def rows(ctx: Ctx) -> list[dict[str, str]]:
    """One row per figure: no treatment first, then each option's benefits and harms in order."""
    out = []
    for f in no_treatment_figures(ctx.ev, ctx.result):
        out.append(
            {
                "Option": "No treatment for now",
                "Figure": str(f.get("name", "")),
                "Out of 100": _people(f.get("central")),
                "Range": per_100_range(f["low"], f["high"]) if f.get("low") is not None else "",
                "When": str(f.get("timeframe") or ""),
                "How sure": str(f.get("certainty") or "").replace("_", " "),
                "Sources": ", ".join(f.get("sources") or ()),
            }
        )
    for o in ctx.result.options:
        for b in benefits(o):
            name = str(b.get("label") or b["measure"]) + (f" ({LOCAL_MARK})" if b.get("local") else "")
            measured = b.get("central") is not None
            out.append(
                {
                    "Option": o.short_name,
                    "Figure": name,
                    "Out of 100": _people(b.get("central")),
                    "Range": per_100_range(b["low"], b["high"])
                    if measured
                    else str(b.get("not_measured") or ""),
                    "When": str(b.get("timeframe") or ""),
                    "How sure": str(b.get("certainty") or "").replace("_", " "),
                    "Sources": ", ".join(b.get("sources") or ()),
                }
            )
        for r in o.risks:
            per = getattr(r, "per", "person") or "person"
            out.append(
                {
                    "Option": o.short_name,
                    "Figure": r.name
                    + (" (per injection)" if per == "injection" else "")
                    + (f" ({LOCAL_MARK})" if r.local else ""),
                    "Out of 100": _people(r.central),
                    "Range": per_100_range(r.low, r.high),
                    "When": str(getattr(r, "timeframe", "") or ""),
                    "How sure": str(getattr(r, "certainty", "") or "").replace("_", " "),
                    "Sources": ", ".join(r.sources),
                }
            )
    return out


def render(ctx: Ctx) -> None:
    st.markdown(
        "Every figure the aid uses, out of 100 people, with where it comes from: one table, "
        "one tab for each option."
    )
    table = rows(ctx)
    headers = [h for h in (table[0] if table else {}) if h != "Option"]
    st.html(GRID_CSS)
    names = list(dict.fromkeys(row["Option"] for row in table))
    for tab, name in zip(st.tabs(names), names, strict=True):
        with tab:
            st.html(
                table_html(headers, [[row[h] for h in headers] for row in table if row["Option"] == name])
            )
    with st.expander("Full citations", expanded=False):
        used = dict.fromkeys(s.strip() for row in table for s in row["Sources"].split(",") if s.strip())
        c.sources_list(ctx.ev, used)
