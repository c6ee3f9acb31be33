"""How well it works: each measure on its own, onset, late relief and how long it lasts.

Figures stand side by side only when they count the same thing (one measure per group, from the
dataset's vocabulary), each with its own time frame; an option where a measure was never studied
says "not measured", never a number.
"""

from __future__ import annotations

import re

import streamlit as st

from decision_aid import charts
from decision_aid.grid import benefits, first_clause_within
from decision_aid.results import shown_range
from decision_aid.schema import Chance, Option
from decision_aid.ui import components as c
from decision_aid.ui.topics.common import (
    LOCAL_MARK,
    Ctx,
    detail,
    figure_words,
    in_words,
    show_icons,
    sources_toggle,
)
from decision_aid.words.common import ESTIMATE_MARK, per_100
from decision_aid.words.topics import (
    CERTAINTY_LINE,
    CHANCE_LABELS,
    CHANCE_NOT_MEASURED,
    HAVE_THIS_RESULT,
    HOW_LONG,
    HOW_SOON,
    MORE_ABOUT_TIMING,
    NEVER_MEASURED,
    NOT_MEASURED_LINE,
    TIMING_HEADING,
    WHEN_SENTENCE,
    WHILE_TREATED,
    WORKS_INTRO,
    certainty_level,
)

TITLE_CHARS = 30


def _measure_text(ctx: Ctx, measure: str, fallback: str) -> tuple[str, str]:
    measures = getattr(ctx.ev.meta, "measures", None) or {}
    m = measures.get(measure) if isinstance(measures, dict) else None
    if m is None:
        return fallback, ""
    return getattr(m, "label", fallback), getattr(m, "definition", "")


def _groups(ctx: Ctx) -> dict[str, dict[str, dict]]:
    """measure -> option id -> benefit, measures in the order they first appear."""
    out: dict[str, dict[str, dict]] = {}
    for o in ctx.result.options:
        for b in benefits(o):
            out.setdefault(b["measure"], {})[o.id] = b
    return out


def _benefit_group(ctx: Ctx, measure: str, by_option: dict[str, dict], show_sources: bool) -> None:
    first = next(iter(by_option.values()))
    label, definition = _measure_text(ctx, measure, first.get("label") or measure)
    c.heading(c.md(label), 3)
    if definition:
        st.caption(c.md(definition))
    cols = st.columns(3)
    words = []
    for col, o in zip(cols, ctx.result.options, strict=True):
        b = by_option.get(o.id)
        with col:
            if b is None or b.get("central") is None:
                st.markdown(NOT_MEASURED_LINE.format(name=f"**{c.md(o.short_name)}**"))
                why = (b or {}).get("not_measured") or NEVER_MEASURED
                st.caption(c.md(why))
                words.append(NOT_MEASURED_LINE.format(name=o.short_name))
                continue
            local = bool(b.get("local"))
            title = o.short_name + (f" ({LOCAL_MARK})" if local else "")
            key = f"works_{measure}_{o.id}"
            show_icons(
                b["central"],
                label=HAVE_THIS_RESULT,
                color=charts.BENEFIT_COLOR,
                title=title,
                title_chars=TITLE_CHARS,
                key=key,
            )
            st.markdown(
                c.md(
                    # how sure, beside the figure unless the consult's sources line below says it
                    figure_words(
                        b["central"],
                        certainty=None if show_sources else b.get("certainty"),
                        local=local,
                        estimate=bool(b.get("expert_estimate")),
                    )
                )
            )
            when = str(b.get("timeframe") or "")
            lines = [WHEN_SENTENCE.format(when=when.rstrip("."))] if when else []
            if b.get("while_treated"):
                lines.append(WHILE_TREATED)
            if show_sources:
                low, high, published = shown_range(b)
                lines.append(detail(low, high, b.get("sources"), published=published))
                if b.get("certainty"):
                    lines.append(CERTAINTY_LINE.format(level=certainty_level(b["certainty"])))
            st.caption(c.md(" ".join(lines)))
            estimate = f"; {ESTIMATE_MARK}" if b.get("expert_estimate") else ""
            words.append(f"{o.short_name}: {per_100(b['central'])} ({when}{estimate}).")
    in_words(f"{label}. " + " ".join(words))


def _first(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", " ".join(text.split()), maxsplit=1)[0]


def _chance(label: str, ch) -> str:
    """'Relief comes late: 33 out of 100 people (how sure: low), <its time frame's first clause>.',
    or 'not measured' and why (the dataset's `not_measured`)."""
    if ch.per_100 is None:
        return CHANCE_NOT_MEASURED.format(label=label, why=c.md(ch.reason))
    fig = figure_words(ch.per_100.central, certainty=ch.certainty)  # in both modes: no other line says it
    # its first clause, never cut inside it: cut to 10 words, late relief read "33 out of 100 people,
    # still had the spasm a week or more after the..." (a failure, not a late cure)
    return f"**{label}:** {c.md(fig)}, {c.md(first_clause_within(ch.timeframe))}."


def _chances(opt: Option) -> list[tuple[str, Chance]]:
    """An option's chances after it is started, labelled, in the order every view gives them."""
    return [(CHANCE_LABELS[field], ch) for field, ch in opt.chances()]


def _timing(ctx: Ctx, show_sources: bool) -> None:
    c.heading(TIMING_HEADING, 3)
    cols = st.columns(3)
    for col, (oid, opt) in zip(cols, ctx.ev.ordered(), strict=True):
        with col, st.container(border=True, key=f"timing_{oid}"):
            lines = [
                f"**{c.md(opt.short_name)}**",
                HOW_SOON.format(text=c.md(_first(opt.onset.text))),
                HOW_LONG.format(text=c.md(_first(opt.duration.text))),
            ]
            chances = _chances(opt)
            lines += [_chance(label, ch) for label, ch in chances]
            st.markdown("  \n".join(lines))
            if show_sources:
                chance_ids = [s for _, ch in chances for s in ch.sources]
                ids = [*opt.onset.sources, *opt.duration.sources, *chance_ids]
                st.caption(c.md(c.sources_text(dict.fromkeys(ids))))
    with st.expander(MORE_ABOUT_TIMING, expanded=False):
        for _, opt in ctx.ev.ordered():
            more = [opt.onset.text, opt.duration.text] + [ch.text for _, ch in _chances(opt)]
            st.markdown(f"**{c.md(opt.short_name)}:** " + " ".join(c.md(t) for t in more))


def render(ctx: Ctx) -> None:
    st.markdown(WORKS_INTRO)
    show_sources = sources_toggle("works") if ctx.consult else False
    for measure, by_option in _groups(ctx).items():
        _benefit_group(ctx, measure, by_option, show_sources)
    _timing(ctx, show_sources)
