"""Page 5: the ending: a knowledge check, the leaning (no treatment for now is a choice) and the
SURE test together, then questions for your doctor, your answers and the take-home summary."""

import json

import streamlit as st

from decision_aid import report
from decision_aid.profile import PRIORITIES, Profile
from decision_aid.questions import questions_to_ask
from decision_aid.report import unprintable_words
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.ui.derived import quiz
from decision_aid.ui.nav import BY_URL
from decision_aid.words.common import AGE_NOT_SAID, PRIORITY_LABELS, QUIZ_LABEL, SITUATION_LABELS, quiz_words

SURE: tuple[tuple[str, str], ...] = (
    ("sure_s", "**Sure of myself:** Do you feel sure about the best choice for you?"),
    ("sure_u", "**Understand information:** Do you know the benefits and risks of each option?"),
    ("sure_r", "**Risk-benefit ratio:** Are you clear about which benefits and risks matter most to you?"),
    ("sure_e", "**Encouragement:** Do you have enough support and advice to make a choice?"),
)

SURE_HELP: dict[str, tuple[str, str | None]] = {
    "sure_s": (
        "**Not sure yet?** That is common. Look at the options side by side again, and talk them "
        "over with your doctor before you decide.",
        "compare",
    ),
    "sure_u": (
        "**Not clear on the benefits and risks?** Go back to the comparison and read them again. "
        "Ask your doctor the questions below.",
        "compare",
    ),
    "sure_r": (
        "**Not clear what matters most to you?** Go back and move the sliders to say how much each "
        "thing matters. Then see how the options line up.",
        "priorities",
    ),
    "sure_e": (
        "**Need more support?** Ask your doctor or nurse for more time or advice. Talk it over "
        "with someone you trust, or bring them to your next visit.",
        None,
    ),
}
"""What each SURE "no" calls for (Ottawa SURE test): the words and the page that helps, if any."""

LEANING_CHOICES: tuple[str, ...] = ("no_treatment", "medication", "botulinum", "mvd", "unsure")
"""The leaning question's choices: no treatment for now first, as in the comparison."""


def _answers_summary(prof: Profile, names: dict[str, str]) -> None:
    def listed(ids: tuple[str, ...]) -> str:
        return ", ".join(names[i] for i in ids) if ids else "none"

    lines = [
        f"- **Cause:** {SITUATION_LABELS['cause'][prof.cause]}",
        f"- **Spasm on:** {SITUATION_LABELS['sides'][prof.sides]}",
        f"- **MRI scan:** {SITUATION_LABELS['mri'][prof.mri]}",
        f"- **Fit for a general anaesthetic:** {SITUATION_LABELS['anesthesia'][prof.anesthesia]}",
        f"- **Age:** {prof.age if prof.age is not None else AGE_NOT_SAID}",
        f"- **Blood thinners:** {SITUATION_LABELS['blood_thinners'][prof.blood_thinners]}",
        f"- **Pregnant or planning:** {SITUATION_LABELS['pregnant'][prof.pregnant]}",
        f"- **Tried before:** {c.md(listed(prof.tried))}",
    ]
    if prof.mvd_result_used:
        went = SITUATION_LABELS["mvd_result"][prof.mvd_result]
        lines.append(f"- **How the earlier operation went:** {went}")
    lines += [
        f"- **Deal-breakers (your choice):** {c.md(listed(prof.avoid))}",
        f"- **Where you are leaning:** {SITUATION_LABELS['leaning'][prof.leaning]}",
        f"- **{QUIZ_LABEL}:** {quiz_words(prof.quiz_results())}",
    ]
    st.markdown("\n".join(lines))
    st.markdown("**What matters to you** (0 = not at all, 10 = a lot)")
    st.markdown(
        "\n".join(
            f"- {PRIORITY_LABELS[p]}: **{'not set' if getattr(prof, p) is None else getattr(prof, p)}**"
            for p in PRIORITIES
        )
    )
    if prof.note.strip():
        st.markdown("**You also wrote:**")
        with st.container(border=True, key="summary_note"):
            st.markdown(c.md_lines(prof.note))
            missing = unprintable_words(prof.note)
            if missing:
                st.caption(missing)


def _leaning() -> None:
    c.heading("Where are you leaning now?")
    st.radio(
        "The option I am leaning towards",
        LEANING_CHOICES,
        format_func=SITUATION_LABELS["leaning"].get,
        **state.bind("leaning"),
    )
    st.caption(
        "This is not a decision. It helps you and your doctor talk. "
        "No treatment for now is a real choice too: you can start a treatment later."
    )


def _sure() -> None:
    c.heading("Are you ready to decide?")
    st.markdown("Four quick questions (the SURE test). There are no right answers.")
    for name, question in SURE:
        st.radio(
            question,
            ("yes", "no"),
            format_func={"yes": "Yes", "no": "No"}.get,
            horizontal=True,
            **state.bind(name),
        )
    prof = state.profile()
    answers = [getattr(prof, name) for name, _ in SURE]
    params = prof.to_params() or None
    for name, _ in SURE:
        if getattr(prof, name) != "no":
            continue
        text, page = SURE_HELP[name]
        with st.container(border=True, key=f"sure_help_{name}"):
            st.info(text)
            if page is not None:
                target = BY_URL[page]
                link = params
                if page == "compare":  # the grid: every option's benefits and risks side by side
                    link = {**(params or {}), "topic": "glance"}
                st.page_link(
                    target.path,
                    label=f"Go to: {target.title}",
                    icon=":material/arrow_back:",
                    query_params=link,
                )
    if "no" in answers:
        st.caption("Take the questions below with you.")
    elif all(a == "yes" for a in answers):
        st.success("You answered yes to all four. Share your thoughts with your doctor when you next meet.")


def _quiz() -> None:
    ev = state.evidence()
    c.heading("Check what you know")
    st.markdown("A few short questions. You will see the answer straight away.")
    prof = state.profile()
    before = prof.quiz_results()
    for q in quiz(ev):
        qid = q.key.removeprefix("quiz_")
        # Radio labels and options are Markdown: the dataset's names in them are escaped.
        choice = st.radio(
            c.label(q.question), q.choices, index=None, format_func=c.label, **state.bind_quiz(qid, q.answer)
        )
        if choice is None:
            if before.get(qid) is False:
                st.caption("Last time this one was not quite right. Try it again.")
            continue
        if choice == q.answer:
            st.success(c.md("Right. " + q.explain))
        else:
            st.warning(c.md("Not quite. " + q.explain))


def _take_home(ev, result) -> None:
    with st.container(border=True, key="take_home"):
        c.heading("Take-home summary")
        st.markdown("A summary of your answers and the figures, to print or to take to your appointment.")
        base_url = c.app_root_url()
        papers = ("A4", "Letter")
        # The paper the reader most likely has (Letter in the US and its neighbours), from the
        # browser's locale; still selectable.
        paper = st.radio(
            "Paper size",
            papers,
            horizontal=True,
            key="paper",
            index=papers.index(report.paper_for_locale(st.context.locale)),
            format_func={"A4": "A4", "Letter": "US Letter"}.get,
        )

        def build_pdf() -> bytes:  # runs on click, in another thread: no Streamlit calls here
            return report.build_pdf(ev, result, base_url=base_url, paper=paper)

        def build_json() -> bytes:
            data = report.summary_data(ev, result, base_url=base_url)
            return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")

        st.download_button(
            "Download your summary (PDF)",
            data=build_pdf,
            file_name="hfs-decision-summary.pdf",
            mime="application/pdf",
            on_click="ignore",
            icon=":material/download:",
            key="download_summary",
            width="stretch",
        )
        st.download_button(
            "Download the same summary as data (JSON), for your records",
            data=build_json,
            file_name="hfs-decision-summary.json",
            mime="application/json",
            on_click="ignore",
            icon=":material/data_object:",
            key="download_summary_json",
            width="stretch",
        )
        st.caption("The summary is made on your request and is not kept anywhere.")


def render() -> None:
    ev = state.evidence()
    prof = state.profile()
    result = state.result(ev, prof)
    names = {oid: o.short_name for oid, o in ev.ordered()}

    c.heading("Next steps", 1)
    st.markdown("Check what you know, say where you are leaning, and see if you are ready to decide.")
    _quiz()
    _leaning()
    _sure()

    prof = state.profile()  # with this run's answers above
    result = state.result(ev, prof)
    c.heading("Questions to ask your doctor")
    st.markdown("These follow from your answers. Add your own.")
    st.markdown("\n".join(f"- {c.md(q)}" for q in questions_to_ask(ev, result)))

    c.heading("Your answers")
    _answers_summary(prof, names)
    _take_home(ev, result)
    c.page_footer("next-steps")


render()
