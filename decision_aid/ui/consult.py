"""The clinician's layer: the team's own (local) surgical figures, in a closed panel."""

from __future__ import annotations

import streamlit as st

from decision_aid.engine import HEARING_RISK_ID, LOCAL_SUCCESS_MEASURE, BenefitUsed, FigureUsed
from decision_aid.evidence import Evidence
from decision_aid.profile import LOCAL_FIGURES, format_number
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.words.common import per_100, per_100_range

LOCAL_LABELS: dict[str, str] = {
    "mvd_success": "LOCAL: people spasm-free after MVD with this team, out of 100",
    "mvd_hearing_loss": "LOCAL: people with lasting hearing loss after MVD with this team, out of 100",
}


def local_problem(raw: str) -> str:
    """Why a local figure's text is not used, in words a clinician can act on."""
    text = raw.strip()
    if "," in text:
        return "use a point for decimals, for example 85.5"
    try:
        value = float(text)
    except ValueError:
        return "it is not a number"
    if not 0 <= value <= 100:
        return "it must be from 0 to 100 (people out of 100)"
    return "use plain digits with at most four decimals, for example 0.0125"


def local_figure_used(figure: FigureUsed | BenefitUsed | None) -> str:
    """The figure a local box stands for, as used now: local (with the published one) or published."""
    if figure is None or figure.central is None:
        return ""
    if figure.local and figure.published:
        pub = figure.published
        return (
            f"Used: {format_number(figure.central)} out of 100 (LOCAL). "
            f"Published: {per_100(pub['central'])} (range {per_100_range(pub['low'], pub['high'])})."
        )
    return (
        f"Published: {per_100(figure.central)} (range {per_100_range(figure.low, figure.high)}). "
        "Used: the published figure."
    )


def _local_box(name: str, figure: FigureUsed | BenefitUsed | None, note: str = "") -> None:
    st.text_input(LOCAL_LABELS[name], placeholder="not given", **state.bind(name))
    raw = state.local_problems().get(name)
    if raw is not None:
        shown = raw if len(raw) <= 40 else raw[:37] + "..."
        st.warning(
            c.md(
                c.no_autolink(
                    f'"{shown}" is not used: {local_problem(raw)}. '
                    "The published figure is used until you change it."
                )
            )
        )
    sources = c.sources_text(figure.sources) if figure is not None else ""
    st.caption(c.md(f"{local_figure_used(figure)} {note}{sources}"))


def local_figures(ev: Evidence) -> None:
    """The team's own MVD figures, in a closed panel, each beside the published range.

    Text boxes, read by the link's own parser: a number box rounds what it shows (0.004 showed
    as 0.00) and silently keeps text outside its range while the published figure is used
    (issue 14, point 10). Here the box shows the value used, and refused text gets a message.
    """
    prof = state.profile()
    mvd = state.result(ev, prof).option("mvd")
    hearing = next((r for r in mvd.risks if r.id == HEARING_RISK_ID), None)
    in_use = [c.LOCAL_NAMES[n] for n in LOCAL_FIGURES if getattr(prof, n) is not None]
    label = "Local surgical figures (clinician)"
    if in_use:
        label += ": in use, " + ", ".join(in_use)
    with st.expander(label, expanded=False, key="local_figures"):
        st.caption(
            "If your surgical team has its own results, enter them here. They replace the central "
            "figure for MVD and are marked LOCAL wherever they appear. Leave empty to use the "
            "published figures. Plain digits, at most four decimals."
        )
        gone = next((b for b in mvd.benefits if b.measure == LOCAL_SUCCESS_MEASURE), None)
        _local_box("mvd_success", gone, f"{gone.label}, {gone.timeframe}. " if gone else "")
        if hearing is not None:
            _local_box("mvd_hearing_loss", hearing)
