"""Page 3: the six priorities (0-10) with real examples, deal-breakers, and a free-text note."""

import streamlit as st

from decision_aid.evidence import OPTION_IDS
from decision_aid.profile import MAX_NOTE_CHARS
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.ui.widgets import DEAL_BREAKERS, priority_sliders


def render() -> None:
    c.heading("What matters to you", 1)
    st.markdown(
        "Move each slider to show how much each thing matters to you. "
        "**0** means it does not matter to you. **10** means it matters a lot."
    )
    priority_sliders()

    c.heading("Is anything a deal-breaker?")
    st.markdown(
        "Tick a box if you would not have a treatment, whatever the figures say. "
        "It is kept apart from the sliders. The treatment still shows on the next page, "
        "marked as your choice."
    )
    with st.container(border=True, key="deal_breakers"):
        for oid in OPTION_IDS:
            st.checkbox(DEAL_BREAKERS[oid], **state.bind_flag("avoid", oid))

    c.heading("Anything else that matters to you?")
    st.text_area(
        "Write it in your own words (optional)",
        max_chars=MAX_NOTE_CHARS,
        placeholder="For example: I drive for work, or I look after my grandchildren.",
        **state.bind("note"),
    )
    prof = state.profile()
    if prof.note.strip():
        with st.container(border=True, key="note_shown_back"):
            st.markdown("**You wrote:**")
            st.markdown(c.md_lines(prof.note))
            st.caption("This is not scored. It goes on your summary so you can talk about it.")
    c.page_footer("priorities")


render()
