"""Answer widgets used on more than one page (same keys, so the answers stay in step)."""

from __future__ import annotations

import streamlit as st

from decision_aid.profile import PRIORITIES
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.ui.derived import priority_examples
from decision_aid.wording import PRIORITY_LABELS

DEAL_BREAKERS = {
    "medication": "I do not want to take pills every day",
    "botulinum": "I do not want regular injections",
    "mvd": "I do not want an operation",
}
"""The deal-breaker checkbox for each option (they set the `avoid` list)."""


def priority_sliders(*, examples: bool = True) -> None:
    """The six 0-10 sliders, each with what it means for HFS in figures from the dataset."""
    if not examples:  # plain sliders: each extra element is one more message on every rerun
        for p in PRIORITIES:
            st.slider(PRIORITY_LABELS[p], min_value=0, max_value=10, step=1, **state.bind(p))
        return
    texts = priority_examples(state.evidence())
    for p in PRIORITIES:
        with st.container(border=True, key=f"box_{p}"):
            st.slider(PRIORITY_LABELS[p], min_value=0, max_value=10, step=1, **state.bind(p))
            st.caption("For example:\n" + "\n".join(f"- {c.md(line)}" for line in texts[p]))
