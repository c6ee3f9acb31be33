"""Page 2: cause, scan, anaesthetic, pregnancy, treatments tried; what each answer changes."""

import streamlit as st

from decision_aid.profile import CHOICES
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.wording import SITUATION_LABELS

QUESTIONS: tuple[tuple[str, str, str], ...] = (
    (
        "cause",
        "What causes your spasm, if you know?",
        "Why this matters: surgery helps when a blood vessel presses on the nerve. "
        "Other causes may need other care.",
    ),
    (
        "mri",
        "Have you had an MRI scan of your head?",
        "Why this matters: a scan shows if a blood vessel touches the nerve. "
        "Surgery only helps if one does.",
    ),
    (
        "anesthesia",
        "Are you fit for a general anaesthetic (being put to sleep for an operation)?",
        "Why this matters: surgery needs one. If you are not sure, your doctor can check.",
    ),
    (
        "pregnant",
        "Are you pregnant, or planning a pregnancy?",
        "Why this matters: some treatments are put off until after the birth.",
    ),
)


def render() -> None:
    ev = state.evidence()
    prof = state.profile()
    consult = c.is_consult(prof)

    c.heading("Your situation", 1)
    st.markdown("A few questions about you. Each answer can change which treatments suit you.")

    for name, question, why in QUESTIONS:
        with st.container(border=True, key=f"q_{name}"):
            st.radio(question, CHOICES[name], format_func=SITUATION_LABELS[name].get, **state.bind(name))
            st.caption(why)

    with st.container(border=True, key="q_tried"):
        st.markdown("**Have you tried any of these treatments before?**")
        for oid, option in ev.ordered():
            st.checkbox(c.label(option.name), **state.bind_flag("tried", oid))
        st.caption("Why this matters: how a treatment worked for you before is a good guide.")

    # The profile as it is after this run's answers (callbacks ran before the script).
    prof = state.profile()
    result = state.result(ev, prof)
    c.heading("What your answers mean for the treatments")
    any_caution = False
    for o in result.options:
        if not o.caution_details:
            continue
        any_caution = True
        c.heading(c.md(o.name), 3)
        c.caution_box(o, prof)
    if not any_caution:
        st.success("Nothing in your answers rules out a treatment or needs a special caution.")
    if consult:
        st.caption("These cautions come from the rules in the evidence file; each names its sources.")
    c.page_footer("situation")


render()
