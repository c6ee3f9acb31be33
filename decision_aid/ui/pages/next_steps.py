"""Page 5: your answers, questions for your doctor, the SURE test, a short check, the summary."""

import importlib.util
import json

import streamlit as st

from decision_aid.profile import PRIORITIES, Profile
from decision_aid.questions import questions_to_ask
from decision_aid.report import unprintable_words
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.ui.derived import quiz
from decision_aid.wording import PRIORITY_LABELS, SITUATION_LABELS

SURE: tuple[tuple[str, str], ...] = (
    ("sure_s", "**Sure of myself:** Do you feel sure about the best choice for you?"),
    ("sure_u", "**Understand information:** Do you know the benefits and risks of each option?"),
    ("sure_r", "**Risk-benefit ratio:** Are you clear about which benefits and risks matter most to you?"),
    ("sure_e", "**Encouragement:** Do you have enough support and advice to make a choice?"),
)


def _answers_summary(prof: Profile, names: dict[str, str]) -> None:
    def listed(ids: tuple[str, ...]) -> str:
        return ", ".join(names[i] for i in ids) if ids else "none"

    lines = [
        f"- **Cause:** {SITUATION_LABELS['cause'][prof.cause]}",
        f"- **MRI scan:** {SITUATION_LABELS['mri'][prof.mri]}",
        f"- **Fit for a general anaesthetic:** {SITUATION_LABELS['anesthesia'][prof.anesthesia]}",
        f"- **Pregnant or planning:** {SITUATION_LABELS['pregnant'][prof.pregnant]}",
        f"- **Tried before:** {c.md(listed(prof.tried))}",
        f"- **Deal-breakers (your choice):** {c.md(listed(prof.avoid))}",
        f"- **Where you are leaning:** {SITUATION_LABELS['leaning'][prof.leaning]}",
    ]
    st.markdown("\n".join(lines))
    st.markdown("**What matters to you** (0 = not at all, 10 = a lot)")
    st.markdown("\n".join(f"- {PRIORITY_LABELS[p]}: **{getattr(prof, p)}**" for p in PRIORITIES))
    if prof.note.strip():
        st.markdown("**You also wrote:**")
        with st.container(border=True, key="summary_note"):
            st.markdown(c.md_lines(prof.note))
            missing = unprintable_words(prof.note)
            if missing:
                st.caption(missing)


def _sure() -> None:
    c.heading("Are you ready to decide?")
    st.markdown("Four quick questions (the SURE test). There are no right answers.")
    for name, question in SURE:
        st.radio(question, ("yes", "no"), format_func={"yes": "Yes", "no": "No"}.get, horizontal=True,
                 **state.bind(name))
    prof = state.profile()
    answers = [getattr(prof, name) for name, _ in SURE]
    if "no" in answers:
        st.info(
            "You answered **no** to at least one question. That is common. "
            "Talk it over with your doctor or nurse, or someone you trust, before you decide. "
            "Take the questions below with you."
        )
    elif all(a == "yes" for a in answers):
        st.success("You answered yes to all four. Share your thoughts with your doctor when you next meet.")


def _quiz() -> None:
    ev = state.evidence()
    c.heading("Check what you know")
    st.markdown("Three short questions. You will see the answer straight away.")
    for q in quiz(ev):
        # Radio labels and options are Markdown: the dataset's names in them are escaped.
        choice = st.radio(c.label(q.question), q.choices, index=None, format_func=c.label,
                          **state.bind_extra(q.key))
        if choice is None:
            continue
        if choice == q.answer:
            st.success(c.md("Right. " + q.explain))
        else:
            st.warning(c.md("Not quite. " + q.explain))


def _take_home(ev, result) -> None:
    with st.container(border=True, key="take_home"):
        c.heading("Take-home summary")
        st.markdown(
            "A summary of your answers and the figures, to print or to take to your appointment."
        )
        if importlib.util.find_spec("decision_aid.report") is None:
            st.caption("A printable summary (PDF) is coming soon. Until then, copy the link in the menu.")
            return
        from decision_aid import report  # loaded only when the PDF module is there

        base_url = c.app_root_url()
        paper = st.radio("Paper size", ("A4", "Letter"), horizontal=True, key="paper",
                         format_func={"A4": "A4", "Letter": "US Letter"}.get)

        def build_pdf() -> bytes:  # runs on click, in another thread: no Streamlit calls here
            return report.build_pdf(ev, result, base_url=base_url, paper=paper)

        def build_json() -> bytes:
            data = report.summary_data(ev, result, base_url=base_url)
            return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")

        st.download_button(
            "Download your summary (PDF)", data=build_pdf, file_name="hfs-decision-summary.pdf",
            mime="application/pdf", on_click="ignore", icon=":material/download:", key="download_summary",
            width="stretch",
        )
        st.download_button(
            "Download the same summary as data (JSON), for your records", data=build_json,
            file_name="hfs-decision-summary.json", mime="application/json", on_click="ignore",
            icon=":material/data_object:", key="download_summary_json", width="stretch",
        )
        st.caption("The summary is made on your request and is not kept anywhere.")


def render() -> None:
    ev = state.evidence()
    prof = state.profile()
    result = state.result(ev, prof)
    names = {oid: o.short_name for oid, o in ev.ordered()}

    c.heading("Next steps", 1)
    c.heading("Your answers")
    _answers_summary(prof, names)

    c.heading("Questions to ask your doctor")
    st.markdown("These follow from your answers. Add your own.")
    st.markdown("\n".join(f"- {c.md(q)}" for q in questions_to_ask(ev, result)))

    _sure()
    _quiz()
    _take_home(ev, result)
    c.page_footer("next-steps")


render()
