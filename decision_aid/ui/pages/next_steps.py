"""Page 5: the ending: a knowledge check, the leaning (no treatment for now is a choice) and the
SURE test together, then questions for your doctor, your answers and the take-home summary."""

import json

import streamlit as st

from decision_aid import report
from decision_aid.derived import quiz
from decision_aid.profile import Profile
from decision_aid.questions import questions_to_ask
from decision_aid.report import unprintable_words
from decision_aid.schema import OPTION_IDS
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.ui.nav import BY_URL
from decision_aid.words.common import (
    AGE_NOT_SAID,
    NO,
    PRIORITY_LABELS,
    QUIZ_LABEL,
    SITUATION_LABELS,
    YES,
    quiz_words,
    weight_text,
)
from decision_aid.words.pages import next_steps as w

SURE_HELP_PAGE: dict[str, str | None] = {
    "sure_s": "compare",
    "sure_u": "compare",
    "sure_r": "priorities",
    "sure_e": None,
}
"""The page that helps with each SURE "no" (Ottawa SURE test), if any; the words are `w.SURE_HELP`."""

LEANING_CHOICES: tuple[str, ...] = ("no_treatment", *OPTION_IDS, "unsure")
"""The leaning question's choices: no treatment for now first, as in the comparison, then the
options in their one order."""


def _answers_summary(prof: Profile, names: dict[str, str]) -> None:
    def listed(ids: tuple[str, ...]) -> str:
        return ", ".join(names[i] for i in ids) if ids else w.NONE_LISTED

    def line(name: str, answer: str) -> str:
        return f"- **{w.ANSWER_NAMES[name]}:** {answer}"

    lines = [
        line("cause", SITUATION_LABELS["cause"][prof.cause]),
        line("sides", SITUATION_LABELS["sides"][prof.sides]),
        line("mri", SITUATION_LABELS["mri"][prof.mri]),
        line("anesthesia", SITUATION_LABELS["anesthesia"][prof.anesthesia]),
        line("age", str(prof.age) if prof.age is not None else AGE_NOT_SAID),
        line("blood_thinners", SITUATION_LABELS["blood_thinners"][prof.blood_thinners]),
        line("pregnant", SITUATION_LABELS["pregnant"][prof.pregnant]),
        line("tried", c.md(listed(prof.tried))),
    ]
    if prof.mvd_result_used:
        lines.append(line("mvd_result", SITUATION_LABELS["mvd_result"][prof.mvd_result]))
    lines += [
        line("avoid", c.md(listed(prof.avoid))),
        line("leaning", SITUATION_LABELS["leaning"][prof.leaning]),
        f"- **{QUIZ_LABEL}:** {quiz_words(prof.quiz_results())}",
    ]
    st.markdown("\n".join(lines))
    st.markdown(w.PRIORITIES_SCALE)
    # an unset priority counts as the middle only once the options are matched
    matched_as = {p: (v if prof.priorities_stated else None) for p, v in prof.weights().items()}
    st.markdown(
        "\n".join(
            f"- {PRIORITY_LABELS[p]}: **{weight_text(getattr(prof, p), counts_as)}**"
            for p, counts_as in matched_as.items()
        )
    )
    if prof.note.strip():
        st.markdown(w.YOU_ALSO_WROTE)
        with st.container(border=True, key="summary_note"):
            st.markdown(c.md_lines(prof.note))
            missing = unprintable_words(prof.note)
            if missing:
                st.caption(missing)


def _leaning() -> None:
    c.heading(w.LEANING)
    st.radio(
        w.LEANING_QUESTION,
        LEANING_CHOICES,
        format_func=SITUATION_LABELS["leaning"].get,
        **state.bind("leaning"),
    )
    st.caption(w.LEANING_NOT_A_DECISION)


def _sure_help(name: str, prof: Profile) -> None:
    """The help a SURE "no" calls for, and the page that gives it."""
    text, page = w.SURE_HELP[name], SURE_HELP_PAGE[name]
    with st.container(border=True, key=f"sure_help_{name}"):
        st.info(text)
        if page is not None:
            target = BY_URL[page]
            if page == "compare":  # the grid: every option's benefits and risks side by side
                prof = prof.model_copy(update={"topic": "glance"})
            st.page_link(
                c.streamlit_page(page),
                label=w.GO_TO.format(page=target.title),
                icon=":material/arrow_back:",
                query_params=prof.to_params() or None,  # made by the profile: its check fits
            )


def _sure() -> None:
    """The four SURE questions, each "no" followed at once by the help it calls for: below all
    four, a phone showed the help of the first 47 px into the screen, under three more questions."""
    c.heading(w.READY)
    st.markdown(w.SURE_INTRO)
    prof = state.profile()  # callbacks ran before the script: this run's answers
    answers = [getattr(prof, name) for name in w.SURE_QUESTIONS]
    for name, question in w.SURE_QUESTIONS.items():
        st.radio(
            w.SURE_ASKED.format(letter=w.SURE_LETTERS[name], question=question),
            ("yes", "no"),
            format_func={"yes": YES, "no": NO}.get,
            horizontal=True,
            **state.bind(name),
        )
        if getattr(prof, name) == "no":
            _sure_help(name, prof)
    if "no" in answers:
        st.caption(w.TAKE_THE_QUESTIONS)
    elif all(a == "yes" for a in answers):
        st.success(w.ALL_YES)


def _quiz() -> None:
    ev = state.evidence()
    c.heading(QUIZ_LABEL)
    st.markdown(w.QUIZ_INTRO)
    prof = state.profile()
    before = prof.quiz_results()
    for q in quiz(ev):
        qid = q.id
        # Radio labels and options are Markdown: the dataset's names in them are escaped.
        choice = st.radio(
            c.label(q.question), q.choices, index=None, format_func=c.label, **state.bind_quiz(qid, q.answer)
        )
        if choice is None:
            if before.get(qid) is False:
                st.caption(w.QUIZ_TRY_AGAIN)
            continue
        if choice == q.answer:
            st.success(c.md(w.QUIZ_RIGHT.format(explain=q.explain)))
        else:
            st.warning(c.md(w.QUIZ_NOT_QUITE.format(explain=q.explain)))


def _take_home(ev, result, prof: Profile) -> None:
    with st.container(border=True, key="take_home"):
        c.heading(w.TAKE_HOME)
        st.markdown(w.TAKE_HOME_WHAT)
        base_url = c.app_root_url()
        papers = report.PAPERS
        # The paper the reader most likely has (Letter in the US and its neighbours), from the
        # browser's locale; still selectable.
        paper = st.radio(
            w.PAPER_SIZE,
            papers,
            horizontal=True,
            key="paper",
            index=papers.index(report.paper_for_locale(st.context.locale)),
            format_func=lambda p: w.PAPER_NAMES.get(p, p),
        )
        large_print = st.checkbox(w.LARGE_PRINT, key="large_print", help=w.LARGE_PRINT_HELP)

        def build_pdf() -> bytes:  # runs on click, in another thread: no Streamlit calls here
            return report.build_pdf(ev, result, base_url=base_url, paper=paper, large_print=large_print)

        def build_json() -> bytes:
            data = report.summary_data(ev, result, base_url=base_url)
            return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")

        st.download_button(
            w.DOWNLOAD_PDF,
            data=build_pdf,
            file_name="hfs-decision-summary.pdf",
            mime="application/pdf",
            on_click="ignore",
            icon=":material/download:",
            key="download_summary",
            width="stretch",
        )
        st.download_button(
            w.DOWNLOAD_JSON,
            data=build_json,
            file_name="hfs-decision-summary.json",
            mime="application/json",
            on_click="ignore",
            icon=":material/data_object:",
            key="download_summary_json",
            width="stretch",
        )
        st.caption(w.NOT_KEPT)
        c.copy_link(prof)


def render() -> None:
    ev = state.evidence()
    names = {oid: o.short_name for oid, o in ev.ordered()}

    c.heading(w.TITLE, 1)
    st.markdown(w.INTRO)
    _quiz()
    _leaning()
    _sure()

    prof = state.profile()  # callbacks ran before the script; the widgets above change no answer
    result = state.result(ev, prof)
    c.heading(w.ASK_YOUR_DOCTOR)
    st.markdown(w.ASK_YOUR_DOCTOR_HOW)
    st.markdown("\n".join(f"- {c.md(q)}" for q in questions_to_ask(ev, result)))

    c.heading(w.YOUR_ANSWERS)
    _answers_summary(prof, names)
    _take_home(ev, result, prof)
    c.page_footer("next-steps")


render()
