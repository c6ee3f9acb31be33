"""The clinician's layer of the compare page: local surgical figures, topic cards, evidence table."""

from __future__ import annotations

import streamlit as st

from decision_aid.engine import HEARING_RISK_ID, FigureUsed, Result, RiskUsed
from decision_aid.evidence import Evidence
from decision_aid.profile import LOCAL_FIGURES, format_number
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.wording import CERTAINTY_LABELS, per_100, per_100_range

TOPICS: tuple[str, ...] = (
    "What is involved",
    "How well it works",
    "How long it lasts",
    "Side effects",
    "Serious risks",
    "Recovery and visits",
)


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


def local_figure_used(figure: FigureUsed | None, name: str) -> str:
    """The figure a local box stands for, as used now: local (with the published one) or published."""
    if figure is None:
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


def _local_box(name: str, figure: FigureUsed | None, sources: list[str], note: str = "") -> None:
    st.text_input(LOCAL_LABELS[name], placeholder="not given", **state.bind(name))
    raw = state.local_problems().get(name)
    if raw is not None:
        shown = raw if len(raw) <= 40 else raw[:37] + "..."
        st.warning(c.md(c.no_autolink(
            f"\"{shown}\" is not used: {local_problem(raw)}. "
            "The published figure is used until you change it."
        )))
    st.caption(c.md(f"{local_figure_used(figure, name)} {note}{c.sources_text(sources)}"))


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
        s = mvd.success
        _local_box("mvd_success", s, s.sources, f"When: {s.timeframe}. ")
        if hearing is not None:
            _local_box("mvd_hearing_loss", hearing, hearing.sources)


def _risk_lines(risks: list[RiskUsed]) -> str:
    if not risks:
        return "None reported in the studies used."
    lines = []
    for r in risks:
        local = " (LOCAL figure)" if r.local else ""
        lines.append(
            f"- {c.md(r.name)}: **{c.md(per_100(r.central))}**{local}. {c.md(r.lasts)}.  \n"
            f"  {c.figure_detail(r)}"
        )
    return "\n".join(lines)


def _card_text(topic: str, oid: str, ev: Evidence, result: Result) -> str:
    opt = ev.options[oid]
    res = result.option(oid)
    if topic == "What is involved":
        return c.md(opt.involves.text) + "  \n" + c.md(c.sources_text(opt.involves.sources))
    if topic == "How well it works":
        s = res.success
        local = " (LOCAL figure)" if s.local else ""
        return (
            f"**{c.md(per_100(s.central))}**{local}: {c.md(opt.success.definition)}.  \n"
            f"When: {c.md(s.timeframe)}.  \n{c.figure_detail(s)}  \n"
            f"Certainty {c.md(CERTAINTY_LABELS[s.certainty])}. {c.md(opt.success.certainty_why)}"
        )
    if topic == "How long it lasts":
        parts = [c.md(opt.onset.text), c.md(opt.duration.text)]
        if opt.recurrence:
            rec = opt.recurrence
            parts.append(c.md(f"Comes back: {per_100(rec.per_100.central)}. {rec.text}"))
        ids = [*opt.onset.sources, *opt.duration.sources]
        return "  \n".join(parts) + "  \n" + c.md(c.sources_text(dict.fromkeys(ids)))
    if topic == "Side effects":
        return _risk_lines([r for r in res.risks if not (r.serious or r.permanent)])
    if topic == "Serious risks":
        return _risk_lines([r for r in res.risks if r.serious or r.permanent])
    b = opt.burden
    lines = [c.md(b.text.text)]
    for q in (b.injections_per_year, b.clinic_visits_per_year, b.hospital_nights, b.recovery_weeks):
        if q is not None:
            lines.append(f"- {c.md(c.quantity_text(q))} ({c.quantity_detail(q)})")
    lines.append(c.md(c.sources_text(b.text.sources)))
    return "\n".join(lines)


def topic_cards(ev: Evidence, result: Result) -> None:
    """Shared-decision cards: the patient picks a topic; the card shows the three options side by side."""
    with st.container(border=True, key="topic_cards"):
        c.heading("Topic cards", 3)
        st.caption("Let the patient choose which topic to talk about first.")
        topic = st.pills("Which topic first?", TOPICS, **state.bind_extra("topic", TOPICS[0]))
        if topic is None:
            st.caption("Choose a topic to open its card.")
            return
        cols = st.columns(3)
        for col, (oid, opt) in zip(cols, ev.ordered(), strict=True):
            with col, st.container(border=True, key=f"card_{oid}"):
                st.markdown(f"**{c.md(opt.name)}**")
                st.markdown(_card_text(topic, oid, ev, result))


def evidence_table(ev: Evidence, result: Result) -> None:
    """Every figure with its exact range and source ids, one table per option, then the citations."""
    for o in result.options:
        s = o.success
        rows = [{
            "Figure": f"Good control (certainty: {s.certainty.replace('_', ' ')})"
            + (" LOCAL" if s.local else ""),
            "Per 100": f"{s.central:g}", "Range": f"{s.low:g} to {s.high:g}", "Sources": ", ".join(s.sources),
        }]
        rows += [{
            "Figure": r.name + (" LOCAL" if r.local else ""),
            "Per 100": f"{r.central:g}", "Range": f"{r.low:g} to {r.high:g}", "Sources": ", ".join(r.sources),
        } for r in o.risks]
        st.markdown(f"**{c.md(o.name)}**")
        c.text_table(rows, "Figure")
    used = dict.fromkeys(sid for o in result.options for f in (o.success, *o.risks) for sid in f.sources)
    st.markdown("**Citations**")
    c.sources_list(ev, used)
