"""How they fit you: re-weigh in place, and see how the options line up only once the patient
has said what matters. An option that may not apply gets no match, rank, bar or "fits" sentence;
its figures stay in the other topics, with the reason here. The scale's value judgements
(`engine.anchors_for`) are shown: in plain words at home, as the anchors in a consult."""

from __future__ import annotations

import streamlit as st

from decision_aid import charts, engine
from decision_aid.charts.style import TEXT_COLOR
from decision_aid.derived import fit_sentence
from decision_aid.profile import DEFAULT_WEIGHT, PRIORITIES, Profile
from decision_aid.results import OptionResult
from decision_aid.ui import chart_cache, state
from decision_aid.ui import components as c
from decision_aid.ui.css import style_sheet
from decision_aid.ui.topics.common import LOCAL_MARK, Ctx, in_words
from decision_aid.ui.widgets import grey_unset
from decision_aid.words.common import (
    LOCAL_SUCCESS_NOT_MATCHED,
    NOT_A_VERDICT,
    OPTION_STATUS,
    PRIORITY_LABELS,
    and_list,
    as_sentence,
    whole,
)
from decision_aid.words.topics import (
    ANCHORS_TITLE,
    CHANGE_HEADING,
    CHANGE_PRIORITIES,
    HOW_MATCH_WORKS,
    HOW_MATCH_WORKS_TEXT,
    MATCH_RANGE,
    MVD_MATCH_LOCAL,
    NO_MATCH,
    NO_MATCH_FIGURES,
    NO_MATCH_FIGURES_MANY,
    NOT_SET_COUNTS_AS_MIDDLE,
    NOTHING_SET_WEIGHS_ANY,
    NOTHING_WOULD_CHANGE,
    SAY_WHAT_MATTERS_FIRST,
    SLIDER_SCALE,
    TOPIC_TITLES,
    cautions_for_you,
)


def priorities_stated(ctx: Ctx) -> bool:
    """The engine's answer; from a result without it, whether any priority left the default."""
    stated = getattr(ctx.result, "priorities_stated", None)
    if stated is None:
        stated = getattr(ctx.prof, "priorities_stated", None)
    if stated is None:
        stated = ctx.prof.weights() != Profile().weights()
    return bool(stated)


def _sliders(prof: Profile) -> None:
    """Two columns of the six sliders, filled down the first and then the second, so the Tab key,
    a screen reader and a phone (where the columns stack) meet them in the order of the
    priorities page; an unstated priority waits in the middle (it stays unstated until moved)."""
    grey_unset(prof)
    cols = st.columns(2)
    for i, p in enumerate(PRIORITIES):
        if p not in st.session_state and st.session_state[state.ANSWERS].get(p) is None:
            st.session_state[p] = DEFAULT_WEIGHT
        cols[i * len(cols) // len(PRIORITIES)].slider(
            PRIORITY_LABELS[p], min_value=0, max_value=10, step=1, **state.bind(p)
        )


MATCH_CSS = style_sheet("match.css", text_color=TEXT_COLOR)
"""The match chart's look (decision_aid/assets/match.css), sent with the chart in one element."""


def _match_view(result: engine.Result) -> tuple[str, str]:
    """The match chart as HTML with its look, and its words (kept per `charts.match_key` by
    `_lines_up`). HTML, not Vega: a slider move shows the new figures sooner
    (`charts.match_html`)."""
    frame = charts.match_frame(result)
    return MATCH_CSS + charts.match_html(frame), charts.describe_match(frame)


def _waiting(o: OptionResult) -> list[str]:
    """How many of the option's cautions sit under the grid, said beside it (the match leaves
    them out); those that keep it out of the match are quoted in its line instead."""
    n = sum(x.effect == "caution" and not x.not_matched for x in o.caution_details)
    return [c.md(cautions_for_you(n, TOPIC_TITLES["glance"]))] if n else []


def _no_match_lines(ctx: Ctx) -> dict[str, str]:
    """Why each option the match leaves out gets no match, in the words of the cautions that keep
    it out; options kept out by the same words share one line (a scan that found something else
    keeps all three out), on the first one's id."""
    groups: dict[tuple[bool, tuple[str, ...]], list[OptionResult]] = {}
    for o in ctx.result.options:
        if not o.matchable:
            out = tuple(x.text for x in o.caution_details if x.effect == "not_suitable" or x.not_matched)
            groups.setdefault((o.suitable, out), []).append(o)
    lines = {}
    for (suitable, out), options in groups.items():
        why = c.md(" ".join(out))
        if len(options) > 1:
            names = and_list([f"**{c.md(o.short_name)}**" for o in options])
            lines[options[0].id] = NO_MATCH_FIGURES_MANY.format(names=names, why=why)
            continue
        (o,) = options
        reason = NO_MATCH if not suitable else NO_MATCH_FIGURES
        lines[o.id] = " ".join([reason.format(name=c.md(o.short_name), why=why), *_waiting(o)])
    return lines


def _lines_up(ctx: Ctx) -> bool:
    """The match and a line for each option; False when no option is matched (then there is
    nothing for a change of priorities to change)."""
    ranked = [o for o in ctx.result.options if o.matchable and o.match is not None]
    if ranked:
        key = ("match", charts.match_key(ctx.result))
        body, words = chart_cache.keyed(key, lambda: _match_view(ctx.result))
        st.html(body)
        in_words(words)
        mvd = ctx.result.option("mvd")
        if mvd.matchable and mvd.match is not None:  # what of the team's own figures the match uses
            if any(f.local for f in (mvd.success, *mvd.risks)):
                st.caption(c.md(MVD_MATCH_LOCAL.format(mark=LOCAL_MARK)))
            if mvd.local_not_matched:
                st.caption(c.md(LOCAL_SUCCESS_NOT_MATCHED.format(name=mvd.short_name)))
    weights, set_by_you = ctx.prof.weights(), ctx.prof.priorities_set
    weighed = any(weights[p] > 0 for p in set_by_you)
    lines = []
    if not weighed:  # every priority set is at 0: one sentence for all, not the same one for each
        zero = [f"**{c.md(PRIORITY_LABELS[p])}**" for p in PRIORITIES if p in set_by_you]
        lines.append("- " + NOTHING_SET_WEIGHS_ANY.format(labels=and_list(zero)))
    no_match = _no_match_lines(ctx)
    for o in ctx.result.options:
        if not o.matchable:
            if o.id in no_match:
                lines.append(f"- {no_match[o.id]}")
            continue
        parts = [c.md(fit_sentence(o, weights, set_by_you=set_by_you))] if weighed else []
        if o.avoided:
            parts.append(as_sentence(OPTION_STATUS["avoided"]))
        if ctx.consult and o.match is not None:
            parts.append(
                c.md(
                    MATCH_RANGE.format(match=whole(o.match), low=whole(o.match_low), high=whole(o.match_high))
                )
            )
        parts += _waiting(o)
        if parts:
            lead = "" if weighed else f"**{c.md(o.short_name)}**: "
            lines.append(f"- {lead}{' '.join(parts)}")
    unset = [f"**{c.md(PRIORITY_LABELS[p])}**" for p in PRIORITIES if p not in set_by_you]
    if unset and ranked:  # in the list's own element: one element more is a slower slider (bench row (a))
        lines.append("\n" + NOT_SET_COUNTS_AS_MIDDLE.format(weight=DEFAULT_WEIGHT, labels=and_list(unset)))
    st.markdown("\n".join(lines))
    st.info(NOT_A_VERDICT)
    return bool(ranked)


def _change(ctx: Ctx) -> None:
    """The heading and its list as one Markdown element: the browser redraws every element of
    the page at each slider move, so one element fewer is a faster move (bench row (a))."""
    changes = [s for s in ctx.result.sensitivity if s.changes]
    body = "\n".join(f"- {c.md(s.sentence)}" for s in changes) if changes else NOTHING_WOULD_CHANGE
    st.markdown(f"### {CHANGE_HEADING}\n\n{body}")


def _how(ctx: Ctx) -> None:
    """The value judgements behind the match: in plain words at home, as the anchors in a consult
    (one Markdown element, as `_change`)."""
    title = ANCHORS_TITLE if ctx.consult else HOW_MATCH_WORKS
    anchors = "\n".join(f"- {c.md(a)}" for a in engine.anchors_for(ctx.result))
    with st.expander(title, expanded=False):
        st.markdown(anchors if ctx.consult else f"{HOW_MATCH_WORKS_TEXT}\n\n{anchors}")


def render(ctx: Ctx) -> None:
    """The sliders and everything that moves with them. Not a fragment: after a server restart
    the browser sends a fragment's rerun to a new session that does not know the fragment, and
    Streamlit 1.67 drops it, so the patient's first slider move would be lost. The topic is short,
    so a slider move reruns the whole (one-topic) page, and the shell draws the links that carry
    the answers after it, as on every page."""
    compared = priorities_stated(ctx) and any(ctx.prof.weights().values())
    # open until something is compared: all at 0, the engine's notice asks for a slider above 0
    with st.expander(CHANGE_PRIORITIES, expanded=not compared, key="change_priorities"):
        st.caption(SLIDER_SCALE)
        _sliders(ctx.prof)
    if compared and _lines_up(ctx):
        _change(ctx)
    elif not priorities_stated(ctx):
        st.info(SAY_WHAT_MATTERS_FIRST)
    _how(ctx)
