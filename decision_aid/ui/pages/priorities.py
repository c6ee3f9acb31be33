"""Page 3: the six priorities (0-10) with real examples, deal-breakers, and a free-text note."""

import streamlit as st

from decision_aid.evidence import OPTION_IDS
from decision_aid.profile import MAX_NOTE_CHARS, Profile
from decision_aid.report import unprintable_words
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
        # No max_chars: Streamlit refuses a whole paste past it, silently. The answer is cut to
        # MAX_NOTE_CHARS when it is stored, and the page says so (state._clean_note).
        placeholder=f"For example: I drive for work, or I look after my grandchildren. "
        f"Up to {MAX_NOTE_CHARS:,} characters.",
        **state.bind("note"),
    )
    c.page_footer("priorities")
    # Below the Back and Next links: the box's blur reruns the page and what appears here then
    # must not push the Next link away from under the patient's mouse (a lost first click).
    note_feedback(state.profile())


def note_feedback(prof: Profile) -> None:
    """The note shown back, and what happened to it: cut to the limit, or not all printable."""
    ss = st.session_state
    if ss.get(state.NOTE_CUT):
        st.warning(state.note_cut_words(ss[state.NOTE_CUT]), icon=":material/content_cut:")
    left_out = ss.get(state.NOTE_LEFT_OUT)
    if left_out:
        with st.container(border=True, key="note_left_out"):
            st.markdown(
                f"**Your link's note was longer than {MAX_NOTE_CHARS:,} characters.** This part was "
                "left out. Copy it if you want to keep it:"
            )
            st.code(left_out, language=None, wrap_lines=True)
    if prof.note.strip():
        with st.container(border=True, key="note_shown_back"):
            st.markdown("**You wrote:**")
            st.markdown(c.md_lines(prof.note))
            st.caption("This is not scored. It goes on your summary so you can talk about it.")
            missing = unprintable_words(prof.note)
            if missing:
                st.caption(missing)


render()
