"""Page 2: cause, sides, scan, anaesthetic, age, blood thinners, pregnancy, treatments tried
(and how an earlier operation went); each with why it matters, then what each answer changes."""

import streamlit as st

from decision_aid.profile import MAX_AGE, MIN_AGE, Profile
from decision_aid.results import OptionResult, once_per_wording
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.words.common import AGE_NOT_SAID, SITUATION_LABELS, options_named
from decision_aid.words.pages import situation as w

QUESTIONS: tuple[tuple[str, str, tuple[str, ...], str], ...] = tuple(
    (name, w.QUESTIONS[name], choices, w.WHY[name])
    for name, choices in (
        ("cause", ("unknown", "vascular", "bells_trauma", "ms")),
        ("sides", ("one", "both")),
        ("mri", ("not_done", "vessel", "no_vessel", "other_finding")),
        ("anesthesia", ("unsure", "fit", "unfit")),
        ("blood_thinners", ("yes", "no", "")),
        ("pregnant", ("no", "yes", "planning", "")),
    )
)
"""Each question: the answer's name, the question, its choices in the order shown, and why it matters."""


def _choice(name: str, question: str, choices: tuple[str, ...], why: str) -> None:
    with st.container(border=True, key=f"q_{name}"):
        st.radio(question, choices, format_func=SITUATION_LABELS[name].get, **state.bind(name))
        st.caption(why)


def _age() -> None:
    with st.container(border=True, key="q_age"):
        st.number_input(
            w.QUESTIONS["age"].format(low=MIN_AGE, high=MAX_AGE),
            step=1,
            value=None,
            placeholder=AGE_NOT_SAID,
            **state.bind("age"),  # value=None: the box can be emptied again ("not said")
        )  # no limits: an age outside them is refused with words (`state._store`), not a red box
        refused = st.session_state.pop(state.AGE_REFUSED, None)
        if refused is not None:
            kept = state.profile().age
            still = w.AGE_KEPT.format(age=kept) if kept is not None else w.AGE_NONE_KEPT
            st.warning(w.AGE_REFUSED.format(typed=refused, low=MIN_AGE, high=MAX_AGE) + " " + still)
        st.caption(w.WHY["age"])


def _tried(ev) -> None:
    with st.container(border=True, key="group_tried"):  # named by its question (name_groups.js)
        st.markdown(w.QUESTIONS["tried"])
        for oid, option in ev.ordered():
            st.checkbox(c.label(option.name), **state.bind_flag("tried", oid))
        st.caption(w.WHY["tried"])
        if "mvd" in state.profile().tried:  # callbacks ran before the script: this run's answer
            st.radio(
                w.QUESTIONS["mvd_result"],
                ("no_help", "came_back", ""),
                format_func=SITUATION_LABELS["mvd_result"].get,
                **state.bind("mvd_result"),
            )
            st.caption(w.WHY["mvd_result"])


def _cautions(options: list[OptionResult], prof: Profile) -> None:
    """Each caution once, under the options it concerns: one that concerns every option (no scan
    yet, say) is said once for all three, not three times; then each option's own, in order."""
    names = [o.name for o in options]
    grouped = once_per_wording(((o.name, o.caution_details) for o in options), lambda x: (x.effect, x.text))
    if not grouped:
        st.success(w.NOTHING_RULED_OUT)
        return
    grouped.sort(key=lambda g: (-len(g[1]), [names.index(n) for n in g[1]]))  # one heading per set
    heading = None
    for caution, who in grouped:
        title = options_named(who, len(names))
        if title != heading:
            c.heading(c.md(title), 3)
            heading = title
        c.caution_box([caution], prof)


def render() -> None:
    ev = state.evidence()
    prof = state.profile()  # callbacks ran before the script; the widgets below change no answer
    consult = c.is_consult(prof)

    c.heading(w.TITLE, 1)
    st.markdown(w.INTRO)

    for name, question, choices, why in QUESTIONS:
        _choice(name, question, choices, why)
        if name == "anesthesia":
            _age()
    _tried(ev)

    result = state.result(ev, prof)
    c.heading(w.WHAT_IT_MEANS)
    _cautions(result.options, prof)
    if consult:
        st.caption(w.WHERE_CAUTIONS_COME_FROM)
    c.page_footer("situation")


render()
