"""Answer widgets used on more than one page (same keys, so the answers stay in step)."""

from __future__ import annotations

import streamlit as st

from decision_aid.profile import PRIORITIES
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.ui.derived import priority_examples
from decision_aid.words.app import (
    DEAL_BREAKERS,
    FOR_EXAMPLE,
    NONE_SET,
    NOT_SET_YET,
    SET_SO_FAR,
    SET_VALUE,
    SLIDER_NOT_SET,
    SLIDER_SET,
)
from decision_aid.words.common import PRIORITY_LABELS

__all__ = ["DEAL_BREAKERS", "priority_label", "priority_sliders", "stated_count_text"]


def priority_label(name: str, value: int | None) -> str:
    """A slider's label, saying whether the patient has set it: an unmoved slider sits in the
    middle but counts for nothing until it is moved (nothing is matched before one is set)."""
    return (SLIDER_NOT_SET if value is None else SLIDER_SET).format(label=PRIORITY_LABELS[name])


def stated_count_text(prof) -> str:
    """How many of the six priorities the patient has set, in words."""
    n = len(prof.priorities_set)
    if n == 0:
        return NONE_SET
    return SET_SO_FAR.format(n=n, total=len(PRIORITIES))


def priority_sliders(*, examples: bool = True) -> None:
    """The six 0-10 sliders, each with what it means for HFS in figures from the dataset.

    Each starts "not set" (the Profile holds None, the link leaves it out) until it is moved.
    """
    prof = state.profile()  # callbacks ran before the script: this run's answers
    unset = [p for p in PRIORITIES if p not in prof.priorities_set]
    if unset:  # an unset slider is drawn grey, so set and unset ones differ at a glance
        st.html("<style>" + ", ".join(f".st-key-{p}" for p in unset) + " { filter: grayscale(1); }</style>")
    if not examples:  # plain sliders: each extra element is one more message on every rerun
        for p in PRIORITIES:
            st.slider(priority_label(p, getattr(prof, p)), min_value=0, max_value=10, step=1, **state.bind(p))
        return
    st.caption(stated_count_text(prof))
    texts = priority_examples(state.evidence())
    for p in PRIORITIES:
        value = getattr(prof, p)
        with st.container(border=True, key=f"box_{p}"):
            st.slider(priority_label(p, value), min_value=0, max_value=10, step=1, **state.bind(p))
            if value is None:
                st.markdown(f":material/radio_button_unchecked: {NOT_SET_YET}")
            else:
                st.markdown(f":material/check_circle: {SET_VALUE.format(value=value)}")
            st.caption(FOR_EXAMPLE + "\n" + "\n".join(f"- {c.md(line)}" for line in texts[p]))
