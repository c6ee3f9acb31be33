"""Side effects that pass, then serious or lasting harms: the same detail for every option.

Each option shows its most common harm of that kind as a picture of 100 people with the number
beside it; under the pictures, each option's harms of that kind in words, by the option's name,
each with how long it lasts in full (a cut there dropped safety advice such as "it must be
stopped slowly"). Figures counted per injection say so, and in home mode each figure says how
sure the evidence is.
"""

from __future__ import annotations

import streamlit as st

from decision_aid import charts
from decision_aid.engine import RiskUsed
from decision_aid.evidence import LabelWarning
from decision_aid.grid import first_clause, first_clause_within, most_common, unlike_side_effects
from decision_aid.results import shown_range
from decision_aid.ui import components as c
from decision_aid.ui.topics.common import (
    LOCAL_MARK,
    Ctx,
    detail,
    figure_words,
    show_icons,
    sources_toggle,
)
from decision_aid.words.common import HARM_KINDS, as_sentence
from decision_aid.words.topics import (
    CERTAINTY_NOTE,
    HARMS_INTRO,
    HAVE_IT,
    HAVE_IT_PER_INJECTION,
    NONE_REPORTED,
    certainty_level,
)

TITLE_CHARS = 34
KINDS = HARM_KINDS


def _mine(risks: list[RiskUsed], lasting: bool) -> list[RiskUsed]:
    return [r for r in risks if r.serious_or_lasting == lasting]


def _line(r: RiskUsed, ctx: Ctx, show_sources: bool) -> str:
    per = getattr(r, "per", "person") or "person"
    # how sure, beside the figure unless the consult's sources line below says it
    fig = figure_words(
        r.central, per=per, certainty=None if show_sources else getattr(r, "certainty", None), local=r.local
    )
    lasts = as_sentence(r.lasts.strip().rstrip("."))
    when = getattr(r, "timeframe", "") or ""
    # A figure needs its time: its first clause beside it, as the works topic gives it, unless it
    # is counted per injection (which says when: at each one); with the sources shown, `detail`
    # gives the whole time frame (how the studies counted it).
    fig_when = f"**{c.md(fig)}**"
    if when and not show_sources and per != "injection":
        fig_when += f", {c.md(first_clause_within(when.rstrip('.')))}"
    text = f"- {c.md(r.name)}: {fig_when}. {c.md(lasts)}"
    if show_sources:
        low, high, published = shown_range(r)
        extra = detail(low, high, r.sources, when, published=published)
        certainty = getattr(r, "certainty", None)
        if certainty:
            extra = CERTAINTY_NOTE.format(level=certainty_level(certainty)) + "; " + extra
        text += f"  \n  {c.md(extra)}"
    return text


def _warning(warning: LabelWarning, show_sources: bool) -> str:
    """A label's warning that the studies never counted: its words, and its sources when shown."""
    text = c.md(" ".join(warning.text.split()))
    return text + (f"  \n{c.md(c.sources_text(warning.sources))}" if show_sources else "")


def _kind(ctx: Ctx, lasting: bool, heading: str, show_sources: bool) -> None:
    """The pictures side by side, then the lists full width: in three columns the whole texts
    made the topic taller than three screens on a desktop."""
    c.heading(heading, 3)
    cols = st.columns(3)
    lists: list[str] = []
    for col, o in zip(cols, ctx.result.options, strict=True):
        mine = _mine(list(o.risks), lasting)
        warning = ctx.ev.options[o.id].label_warning if lasting else None
        with col:
            if not mine:  # a label's warning the studies never counted: in words, beside the pictures
                more = f" {_warning(warning, show_sources)}" if warning is not None else ""
                st.markdown(NONE_REPORTED.format(name=f"**{c.md(o.short_name)}**") + more)
                continue
            top = most_common(mine)
            per = getattr(top, "per", "person") or "person"
            title = f"{o.short_name}: {first_clause(top.name)}" + (f" ({LOCAL_MARK})" if top.local else "")
            label = HAVE_IT_PER_INJECTION if per == "injection" else HAVE_IT
            too_few = charts.too_few_words(top.central, label=label)
            if too_few:  # not 100 grey people under "too few to show" (about 300 px on a phone)
                st.markdown(f"**{c.md(title)}**\n\n{c.md(too_few)}")
            else:
                key = f"harm_{int(lasting)}_{o.id}"
                show_icons(
                    top.central,
                    label=label,
                    color=charts.HARM_COLOR,
                    title=title,
                    title_chars=TITLE_CHARS,
                    key=key,
                )
        # The lists are the pictures' full text alternative: every figure, in words, on the page.
        lines = "\n".join(_line(r, ctx, show_sources) for r in mine)
        lists.append(f"**{c.md(o.short_name)}**\n\n{lines}")
    with st.container(key=f"harm_lists_{int(lasting)}"):
        st.markdown("\n\n".join(lists))


def render(ctx: Ctx) -> None:
    # the side-effect pictures count different things: said before they are seen, in the intro
    # (a caption of its own under their heading took a consult's phone past its 5,100 px)
    st.caption(" ".join(t for t in (HARMS_INTRO, c.md(unlike_side_effects(ctx.result))) if t))
    show_sources = sources_toggle("harms") if ctx.consult else False
    for lasting, heading in KINDS:
        _kind(ctx, lasting, heading, show_sources)
