"""Page 1: what hemifacial spasm is, what happens without treatment, the choice to make, the
three options, and about this aid (who checked it, how it is kept up to date, how plain it is)."""

import streamlit as st

from decision_aid.engine import no_treatment_involves
from decision_aid.evidence import Evidence
from decision_aid.profile import Profile
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.words.common import (
    CERTAINTY_LABELS,
    HOME_READING_GRADE,
    long_date,
    per_100,
    rounded_total_note,
    span_text,
)
from decision_aid.words.pages import about as w


def _no_treatment(ev: Evidence, prof: Profile, consult: bool) -> None:
    """Waiting as a real choice, with what is known about it (figures, how sure, sources)."""
    nt = ev.no_treatment
    c.heading(w.WITHOUT_TREATMENT)
    st.markdown(w.NATURAL_COURSE)
    for fig in nt.figures:
        p = fig.per_100
        with st.container(border=True, key=f"natural_{fig.id}"):
            st.markdown(f"**{c.md(fig.name)}:** {c.md(per_100(p.central))}")
            st.caption(
                c.md(w.FIGURE_WHEN.format(timeframe=fig.timeframe, certainty=CERTAINTY_LABELS[fig.certainty]))
            )
            if consult:  # the dataset's notes are for clinicians; the patient's words follow
                if fig.note:
                    st.caption(c.md(fig.note))
                st.caption(
                    c.md(
                        w.FIGURE_RANGE.format(
                            range=span_text(p.low, p.high), sources=c.sources_text(fig.sources)
                        )
                    )
                )
    rounded = rounded_total_note(fig.per_100.central for fig in nt.figures)
    if rounded:
        st.caption(rounded)
    if nt.figures_note:
        st.markdown(c.md(nt.figures_note.text))
        if consult:
            st.caption(c.md(c.sources_text(nt.figures_note.sources)))

    # What waiting means for the eye and over the years is said just above (NATURAL_COURSE); the
    # dataset's one-line summary says it again, so this section gives only what waiting involves.
    c.heading(w.A_REAL_CHOICE.format(name=c.md(nt.name)))
    involves = no_treatment_involves(ev, prof)
    st.markdown(f"{c.md(involves.text)}\n\n{w.WAITING_IS_A_CHOICE}")
    if consult:
        st.caption(c.md(c.sources_text(involves.sources)))


def _reviewers(ev: Evidence) -> str:
    """Who checked the figures, or plainly that no clinician has yet."""
    people = ev.meta.reviewers
    if not people:
        return w.NOT_REVIEWED
    return "; ".join(
        w.REVIEWER.format(name=c.md(r.name), role=c.md(r.role), date=long_date(r.date), scope=c.md(r.scope))
        for r in people
    )


def render() -> None:
    ev = state.evidence()
    prof = state.profile()
    consult = c.is_consult(prof)
    meta = ev.meta

    c.heading(w.TITLE, 1)
    st.markdown(w.THE_CHOICE)
    st.info(w.WHO_IT_IS_FOR)

    c.heading(w.WHAT_IS_IT)
    st.markdown(w.WHAT_IT_IS)

    c.heading(w.WHY_DOES_IT_HAPPEN)
    st.markdown(w.WHY_IT_HAPPENS)

    _no_treatment(ev, prof, consult)

    c.heading(w.THE_THREE_TREATMENTS)
    for oid, option in ev.ordered():
        with st.container(border=True, key=f"about_option_{oid}"):
            c.heading(c.md(option.name), 3)
            st.markdown(c.md(option.summary))
            if consult:
                st.caption(c.md(w.WHAT_IT_INVOLVES.format(involves=option.involves.text)))
                st.caption(c.md(c.sources_text(option.involves.sources)))
    st.markdown(w.NEXT_PAGES)

    st.divider()
    c.heading(w.SOURCES_AND_REVIEW)
    st.markdown(
        w.REVIEW_DATES.format(
            last=long_date(meta.last_reviewed), version=c.md(meta.version), next=long_date(meta.next_review)
        )
    )
    with st.expander(w.ALL_SOURCES, expanded=consult):
        c.sources_list(ev)

    c.heading(w.ABOUT_THIS_AID, 3)
    policy = meta.update_policy
    filled = {
        "made_by": c.md(meta.made_by),
        "reviewers": _reviewers(ev),
        "how_chosen": c.md(meta.how_chosen),
        "interval": c.md(policy.interval),
        "next": long_date(meta.next_review),
        "triggers": c.md(policy.triggers),
        "report_errors": c.md(policy.report_errors),
        "grade": HOME_READING_GRADE,
        "funding": c.md(meta.funding),
        "reference_class": c.md(meta.reference_class),
    }
    st.markdown("\n".join(f"- {line.format(**filled)}" for line in w.ABOUT_LINES))
    st.caption(w.NOTHING_SAVED)
    c.page_footer("about")


render()
