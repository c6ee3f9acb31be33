"""The clinician's layer: the team's own (local) surgical figures, in a closed panel."""

from __future__ import annotations

import streamlit as st

from decision_aid.engine import HEARING_RISK_ID, LOCAL_SUCCESS_MEASURE, BenefitUsed, FigureUsed
from decision_aid.evidence import Evidence
from decision_aid.profile import LOCAL_FIGURES, format_number, shown_in_notice
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.words.app import (
    LOCAL_DECIMAL_COMMA,
    LOCAL_LABELS,
    LOCAL_NAMES,
    LOCAL_NOT_A_NUMBER,
    LOCAL_NOT_USED,
    LOCAL_OUT_OF_RANGE,
    LOCAL_PANEL,
    LOCAL_PANEL_IN_USE,
    LOCAL_PANEL_NOTE,
    LOCAL_PLACEHOLDER,
    LOCAL_TOO_PRECISE,
    LOCAL_USED,
    PUBLISHED_USED,
)
from decision_aid.words.common import LOCAL_SUCCESS_NOT_MATCHED, per_100, per_100_range


def local_problem(raw: str) -> str:
    """Why a local figure's text is not used, in words a clinician can act on."""
    text = raw.strip()
    if "," in text:
        return LOCAL_DECIMAL_COMMA
    try:
        value = float(text)
    except ValueError:
        return LOCAL_NOT_A_NUMBER
    if not 0 <= value <= 100:
        return LOCAL_OUT_OF_RANGE
    return LOCAL_TOO_PRECISE


def local_figure_used(figure: FigureUsed | BenefitUsed | None) -> str:
    """The figure a local box stands for, as used now: local (with the published one) or published."""
    if figure is None or figure.central is None:
        return ""
    if figure.local and figure.published:
        pub = figure.published
        return LOCAL_USED.format(
            used=format_number(figure.central),
            published=per_100(pub["central"]),
            range=per_100_range(pub["low"], pub["high"]),
        )
    return PUBLISHED_USED.format(
        published=per_100(figure.central), range=per_100_range(figure.low, figure.high)
    )


def _local_box(name: str, figure: FigureUsed | BenefitUsed | None, note: str = "") -> None:
    st.text_input(LOCAL_LABELS[name], placeholder=LOCAL_PLACEHOLDER, **state.bind(name))
    raw = state.local_problems().get(name)
    if raw is not None:
        shown = shown_in_notice(raw)
        st.warning(c.md(c.no_autolink(LOCAL_NOT_USED.format(text=shown, why=local_problem(raw)))))
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
    in_use = [LOCAL_NAMES[n] for n in LOCAL_FIGURES if getattr(prof, n) is not None]
    label = LOCAL_PANEL_IN_USE.format(names=", ".join(in_use)) if in_use else LOCAL_PANEL
    with st.expander(label, expanded=False, key="local_figures"):
        st.caption(LOCAL_PANEL_NOTE)
        gone = next((b for b in mvd.benefits if b.measure == LOCAL_SUCCESS_MEASURE), None)
        not_matched = LOCAL_SUCCESS_NOT_MATCHED.format(name=mvd.short_name)
        _local_box("mvd_success", gone, f"{gone.label}, {gone.timeframe}. {not_matched} " if gone else "")
        if hearing is not None:
            _local_box("mvd_hearing_loss", hearing)
