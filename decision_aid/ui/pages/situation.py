"""Page 2: cause, sides, scan, anaesthetic, age, blood thinners, pregnancy, treatments tried
(and how an earlier operation went); each with why it matters, then what each answer changes."""

import streamlit as st

from decision_aid.profile import MAX_AGE, MIN_AGE
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.words.common import SITUATION_LABELS

QUESTIONS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    (
        "cause",
        "What causes your spasm, if you know?",
        ("unknown", "vascular", "bells_trauma", "ms"),
        "Why this matters: surgery helps when a blood vessel presses on the nerve. "
        "Other causes may need other care.",
    ),
    (
        "sides",
        "Is the spasm on one side of your face, or on both sides?",
        ("one", "both"),
        "Why this matters: this spasm is almost always on one side. On both sides it is rare, "
        "so ask your doctor whether it could be another condition.",
    ),
    (
        "mri",
        "Have you had an MRI scan of your head?",
        ("not_done", "vessel", "no_vessel", "other_finding"),
        "Why this matters: a scan looks for a blood vessel touching the nerve and rules out "
        "rarer causes, such as a growth. A vessel can be missed on a scan, so ask your "
        "specialist what yours means for surgery.",
    ),
    (
        "anesthesia",
        "Are you fit for a general anaesthetic (being put to sleep for an operation)?",
        ("unsure", "fit", "unfit"),
        "Why this matters: surgery needs one. If you are not sure, your doctor can check.",
    ),
    (
        "blood_thinners",
        "Do you take medicine to thin your blood (such as warfarin, aspirin or clopidogrel)?",
        ("yes", "no", ""),
        "Why this matters: blood thinners must be planned for before an operation, and "
        "injections may cause more bruising. Tell your team about them. Do not stop them on "
        "your own.",
    ),
    (
        "pregnant",
        "Are you pregnant, or planning a pregnancy?",
        ("no", "yes", "planning"),
        "Why this matters: some treatments are put off until after the birth. Some medicines "
        "can harm a baby or make the pill work less well. If you plan a pregnancy, the timing "
        "of treatment matters.",
    ),
)
"""Each question: the answer's name, the question, its choices in the order shown, and why it matters."""

AGE_WHY = (
    "Why this matters: age alone does not rule out any treatment. But some risks change with "
    "age, such as hearing problems after surgery, or falls and low salt in the blood with some "
    "medicines."
)
MVD_RESULT_WHY = (
    "Why this matters: a second operation is possible, but it works less often and has more "
    "risks. The spasm can take months to settle after the first one, so ask your surgeon "
    "whether it is too soon to call it a failure."
)


def _choice(name: str, question: str, choices: tuple[str, ...], why: str) -> None:
    with st.container(border=True, key=f"q_{name}"):
        st.radio(question, choices, format_func=SITUATION_LABELS[name].get, **state.bind(name))
        st.caption(why)


def _age() -> None:
    with st.container(border=True, key="q_age"):
        st.number_input(
            f"How old are you? (optional, in years, {MIN_AGE} to {MAX_AGE})",
            min_value=MIN_AGE,
            max_value=MAX_AGE,
            step=1,
            value=None,
            placeholder="Not said",
            **state.bind("age"),  # value=None: the box can be emptied again ("not said")
        )
        st.caption(AGE_WHY)


def _tried(ev) -> None:
    with st.container(border=True, key="q_tried"):
        st.markdown("**Have you tried any of these treatments before?**")
        for oid, option in ev.ordered():
            st.checkbox(c.label(option.name), **state.bind_flag("tried", oid))
        st.caption("Why this matters: how a treatment worked for you before is a good guide.")
        if "mvd" in state.profile().tried:  # callbacks ran before the script: this run's answer
            st.radio(
                "How did the operation go?",
                ("no_help", "came_back", ""),
                format_func=SITUATION_LABELS["mvd_result"].get,
                **state.bind("mvd_result"),
            )
            st.caption(MVD_RESULT_WHY)


def render() -> None:
    ev = state.evidence()
    prof = state.profile()
    consult = c.is_consult(prof)

    c.heading("Your situation", 1)
    st.markdown("A few questions about you. Each answer can change which treatments suit you.")

    for name, question, choices, why in QUESTIONS:
        _choice(name, question, choices, why)
        if name == "anesthesia":
            _age()
    _tried(ev)

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
