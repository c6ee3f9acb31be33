"""The clinician's layer of the compare page: local surgical figures, topic cards, evidence table."""

from __future__ import annotations

import streamlit as st

from decision_aid.engine import HEARING_RISK_ID, Result, RiskUsed
from decision_aid.evidence import Evidence
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


def local_figures(ev: Evidence) -> None:
    """Inputs for the team's own MVD figures, each beside the published range, marked local."""
    mvd = ev.options["mvd"]
    hearing = next((r for r in mvd.risks if r.id == HEARING_RISK_ID), None)
    with st.container(border=True, key="local_figures"):
        c.heading("Local surgical figures (clinician)")
        st.caption(
            "If your surgical team has its own results, enter them here. They replace the central "
            "figure for MVD and are marked LOCAL wherever they appear. "
            "Leave empty to use the published figures."
        )
        s = mvd.success
        st.number_input(
            "LOCAL: people spasm-free after MVD with this team, out of 100",
            min_value=0.0, max_value=100.0, step=1.0, placeholder="not given", **state.bind("mvd_success"),
        )
        st.caption(c.md(
            f"Published: {per_100(s.per_100.central)} (range {per_100_range(s.per_100.low, s.per_100.high)}; "
            f"{s.timeframe}). {c.sources_text(s.sources)}"
        ))
        if hearing is not None:
            st.number_input(
                "LOCAL: people with lasting hearing loss after MVD with this team, out of 100",
                min_value=0.0, max_value=100.0, step=0.1, placeholder="not given",
                **state.bind("mvd_hearing_loss"),
            )
            p = hearing.per_100
            st.caption(c.md(
                f"Published: {per_100(p.central)} (range {per_100_range(p.low, p.high)}). "
                f"{c.sources_text(hearing.sources)}"
            ))


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
