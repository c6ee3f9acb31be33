"""Side effects that pass, then serious or lasting harms: the same detail for every option.

Each option shows its most common harm of that kind as a picture of 100 people with the number
beside it, then every harm of that kind in words; figures counted per injection say so, and in
home mode each figure says how sure the evidence is.
"""

from __future__ import annotations

import re

import streamlit as st

from decision_aid import charts
from decision_aid.engine import RiskUsed
from decision_aid.ui import chart_cache
from decision_aid.ui import components as c
from decision_aid.ui.topics.common import (
    LOCAL_MARK,
    Ctx,
    detail,
    figure_words,
    fit_x,
    in_words,
    show,
    sources_toggle,
)

TITLE_CHARS = 30
KINDS = ((False, "Side effects that pass"), (True, "Serious or lasting harms"))


def _mine(risks: list[RiskUsed], lasting: bool) -> list[RiskUsed]:
    return [r for r in risks if bool(r.serious or r.permanent) == lasting]


def _lasts(text: str) -> str:
    """How long a harm lasts, its first sentence (the rest is in the figures topic and the PDF)."""
    first = re.split(r"(?<=[.!?])\s+", " ".join(text.split()), maxsplit=1)[0]
    return first if first.endswith((".", "!", "?")) else first + "."


def _line(r: RiskUsed, ctx: Ctx, show_sources: bool) -> str:
    per = getattr(r, "per", "person") or "person"
    fig = figure_words(
        r.central, per=per, certainty=None if ctx.consult else getattr(r, "certainty", None), local=r.local
    )
    text = f"- {c.md(r.name)}: **{c.md(fig)}**. {c.md(_lasts(r.lasts))}"
    if show_sources:
        when = getattr(r, "timeframe", "") or ""
        extra = detail(r.low, r.high, r.sources, when)
        certainty = getattr(r, "certainty", None)
        if certainty:
            extra = f"certainty {certainty.replace('_', ' ')}; " + extra
        text += f"  \n  {c.md(extra)}"
    return text


def _kind(ctx: Ctx, lasting: bool, heading: str, show_sources: bool) -> None:
    c.heading(heading, 3)
    cols = st.columns(3)
    words = []
    for col, o in zip(cols, ctx.result.options, strict=True):
        mine = _mine(list(o.risks), lasting)
        with col:
            if not mine:
                st.markdown(f"**{c.md(o.short_name)}**: none reported in the studies used.")
                words.append(f"{o.short_name}: none reported.")
                continue
            top = max(mine, key=lambda r: r.central)
            per = getattr(top, "per", "person") or "person"
            title = o.short_name + (f" ({LOCAL_MARK})" if top.local else "")
            spec = chart_cache.built(
                charts.icon_array_parts,
                top.central,
                label="have it" + (" per injection" if per == "injection" else ""),
                color=charts.HARM_COLOR,
                title=title,
                title_chars=TITLE_CHARS,
                finish=fit_x,
            )
            show(spec, f"harm_{int(lasting)}_{o.id}")
            st.markdown(
                f"**{c.md(o.short_name)}**\n\n" + "\n".join(_line(r, ctx, show_sources) for r in mine)
            )
            words.append(
                f"{o.short_name}: "
                + "; ".join(
                    f"{r.name}, {figure_words(r.central, per=getattr(r, 'per', 'person') or 'person')}"
                    for r in mine
                )
                + "."
            )
    in_words(f"{heading}. " + " ".join(words), label=f"{heading}: the pictures in words")


def render(ctx: Ctx) -> None:
    st.markdown("Every figure is out of 100 people. The picture shows the most common one for each option.")
    show_sources = sources_toggle("harms") if ctx.consult else False
    for lasting, heading in KINDS:
        _kind(ctx, lasting, heading, show_sources)
