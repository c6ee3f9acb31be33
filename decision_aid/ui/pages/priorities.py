"""Page 3: the six priorities (0-10) with real examples, deal-breakers, and a free-text note."""

import streamlit as st

from decision_aid.evidence import OPTION_IDS
from decision_aid.profile import MAX_NOTE_CHARS, Profile
from decision_aid.report import unprintable_words
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.ui.widgets import DEAL_BREAKERS, priority_sliders
from decision_aid.words.pages import priorities as w


def render() -> None:
    c.heading(w.TITLE, 1)
    st.markdown(w.SLIDERS_HOW)
    priority_sliders()

    c.heading(w.DEAL_BREAKER)
    st.markdown(w.DEAL_BREAKER_HOW)
    with st.container(border=True, key="deal_breakers"):
        for oid in OPTION_IDS:
            st.checkbox(DEAL_BREAKERS[oid], **state.bind_flag("avoid", oid))

    c.heading(w.ANYTHING_ELSE)
    st.text_area(
        w.NOTE_LABEL,
        # No max_chars: Streamlit refuses a whole paste past it, silently. The answer is cut to
        # MAX_NOTE_CHARS when it is stored, and the page says so (state._clean_note).
        placeholder=w.NOTE_EXAMPLE.format(limit=f"{MAX_NOTE_CHARS:,}"),
        **state.bind("note"),
    )
    c.page_footer("priorities")
    # Below the Back and Next buttons: the box's blur reruns the page and what appears here then
    # must not push the Next button away from under the patient's mouse (a lost first click).
    note_feedback(state.profile())


def note_feedback(prof: Profile) -> None:
    """The note shown back, and what happened to it: cut to the limit, or not all printable."""
    ss = st.session_state
    if ss.get(state.NOTE_CUT):
        st.warning(state.note_cut_words(ss[state.NOTE_CUT]), icon=":material/content_cut:")
    left_out = ss.get(state.NOTE_LEFT_OUT)
    if left_out:
        with st.container(border=True, key="note_left_out"):
            st.markdown(w.NOTE_LEFT_OUT.format(limit=f"{MAX_NOTE_CHARS:,}"))
            st.code(left_out, language=None, wrap_lines=True)
    if prof.note.strip():
        with st.container(border=True, key="note_shown_back"):
            st.markdown(w.YOU_WROTE)
            st.markdown(c.md_lines(prof.note))
            st.caption(w.NOT_SCORED)
            missing = unprintable_words(prof.note)
            if missing:
                st.caption(missing)


render()
