"""Answer widgets: the priorities page's sliders, and what the fit topic's own sliders share with
them (`grey_unset`), so the answers look and stay in step."""

from __future__ import annotations

import streamlit as st

from decision_aid.derived import ExampleFigure, priority_example_figures, priority_examples
from decision_aid.grid import unlike_side_effects
from decision_aid.profile import DEFAULT_WEIGHT, PRIORITIES
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.ui.topics.common import detail
from decision_aid.words.app import (
    DEAL_BREAKERS,
    FOR_EXAMPLE,
    NONE_SET,
    NOT_SET_YET,
    SET_SO_FAR,
    SET_VALUE,
    SLIDER_NOT_SET,
    SLIDER_SET,
    UNSET,
)
from decision_aid.words.common import PRIORITY_LABELS

__all__ = ["DEAL_BREAKERS", "grey_unset", "priority_label", "priority_sliders", "stated_count"]


def priority_label(name: str, value: int | None) -> str:
    """A slider's label, saying whether the patient has set it: an unmoved slider sits in the
    middle but counts for nothing until it is moved (nothing is matched before one is set)."""
    return (SLIDER_NOT_SET if value is None else SLIDER_SET).format(label=PRIORITY_LABELS[name])


def grey_unset(prof) -> None:
    """Draw each unset priority's slider grey, so set and unset ones differ at a glance: an unset
    one waits at 5, in the same red as a 5 the patient chose."""
    unset = [p for p in PRIORITIES if p not in prof.priorities_set]
    if unset:
        st.html("<style>" + ", ".join(f".st-key-{p}" for p in unset) + " { filter: grayscale(1); }</style>")


def _with_detail(line: str, figure: ExampleFigure) -> str:
    more = detail(figure.low, figure.high, figure.sources, figure.timeframe)
    return f"{line} ({more})" if more else line


def stated_count(prof) -> None:
    """How many of the six priorities the patient has set, in words, in the height of the taller
    of its two forms (`components.steady_text`)."""
    n = len(prof.priorities_set)
    some = SET_SO_FAR.format(n=max(n, 1), total=len(PRIORITIES))
    c.steady_text("stated_count", [NONE_SET, some], shown=int(n > 0), caption=True)


def priority_sliders() -> None:
    """The six 0-10 sliders, each with what it means for HFS in figures from the dataset.

    Each starts "not set" (the Profile holds None, the link leaves it out) until it is moved.
    """
    prof = state.profile()  # callbacks ran before the script: this run's answers
    grey_unset(prof)
    stated_count(prof)
    ev = state.evidence()
    texts = priority_examples(ev)
    if c.is_consult(prof):  # each figure's range, time frame and sources, as on the compare topics
        figures = priority_example_figures(ev)
        for p in PRIORITIES:
            texts[p] = [_with_detail(t, f) for t, f in zip(texts[p], figures[p], strict=True)]
    unlike = unlike_side_effects(state.result(ev, prof))
    for p in PRIORITIES:
        value = getattr(prof, p)
        with st.container(border=True, key=f"box_{p}"):
            # the label is drawn without "(set)" / "(not set yet)", which changed its wrapping and
            # moved the slider under the finger; the slider's own (screen reader) name keeps it
            st.markdown(f"**{c.md(PRIORITY_LABELS[p])}**")
            st.slider(
                priority_label(p, value),
                min_value=0,
                max_value=10,
                step=1,
                label_visibility="collapsed",
                **state.bind(p),
            )
            at = st.session_state.get(p, DEFAULT_WEIGHT) if value is None else value
            status = [
                f":material/radio_button_unchecked: {NOT_SET_YET}",
                f":material/check_circle: {SET_VALUE.format(value=at)}",
            ]
            with st.container(horizontal=True, vertical_alignment="center", key=f"state_{p}"):
                c.steady_text(f"status_{p}", status, shown=int(value is not None))
                # always there, so the box keeps its height when the slider is first moved;
                # greyed out while there is nothing to clear
                st.button(
                    UNSET,
                    key=f"unset_{p}",
                    type="tertiary",
                    icon=":material/undo:",
                    disabled=value is None,
                    on_click=state.unset_priority,
                    args=(p,),
                )
            caption = FOR_EXAMPLE + "\n" + "\n".join(f"- {c.md(line)}" for line in texts[p])
            if p == "side_effects" and unlike:  # as under the grid: the lines count different things
                caption += "\n\n" + c.md(unlike)
            st.caption(caption)
