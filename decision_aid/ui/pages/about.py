"""Page 1: what hemifacial spasm is, what happens without treatment, the choice to make, the
three options, and about this aid (who checked it, how it is kept up to date, how plain it is)."""

import streamlit as st

from decision_aid.evidence import Evidence
from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.words.common import CERTAINTY_LABELS, HOME_READING_GRADE, per_100, per_100_range

NATURAL_COURSE = (
    "It is not dangerous to your life or brain. But it can shut your eye, which can make "
    "driving or reading unsafe. It often spreads or gets stronger over the years. "
    "A few people get better on their own for a while. Most do not."
)
"""The natural course in plain words (clinical review 2026-11, section 3, worst sentence 2)."""

NOT_REVIEWED = "Not yet reviewed by a clinician."


def _no_treatment(ev: Evidence, consult: bool) -> None:
    """Waiting as a real choice, with what is known about it (figures, how sure, sources)."""
    nt = ev.no_treatment
    c.heading("What happens without treatment?")
    st.markdown(NATURAL_COURSE)
    for fig in nt.figures:
        p = fig.per_100
        with st.container(border=True, key=f"natural_{fig.id}"):
            st.markdown(f"**{c.md(fig.name)}:** {c.md(per_100(p.central))}")
            st.caption(c.md(f"When: {fig.timeframe}. How sure we are: {CERTAINTY_LABELS[fig.certainty]}."))
            if fig.note:
                st.caption(c.md(fig.note))
            if consult:
                st.caption(c.md(f"Range {per_100_range(p.low, p.high)}. {c.sources_text(fig.sources)}"))

    c.heading(c.md(nt.name) + ": a real choice")
    st.markdown(
        f"{c.md(nt.summary)}  \n{c.md(nt.involves.text)}  \n"
        "Choosing to wait is a reasonable choice, not a failure to decide. "
        "You can start a treatment later if you want to."
    )
    if consult:
        st.caption(c.md(c.sources_text(nt.involves.sources)))


def _reviewers(ev: Evidence) -> str:
    """Who checked the figures, or plainly that no clinician has yet."""
    people = ev.meta.reviewers
    if not people:
        return NOT_REVIEWED
    return "; ".join(
        f"{c.md(r.name)}, {c.md(r.role)}, on {r.date:%d %B %Y} ({c.md(r.scope)})" for r in people
    )


def render() -> None:
    ev = state.evidence()
    prof = state.profile()
    consult = c.is_consult(prof)
    meta = ev.meta

    c.heading("About hemifacial spasm", 1)
    st.markdown(
        "**The choice:** how to treat your hemifacial spasm, or whether to treat it now. "
        "This aid helps you and your doctor make that choice together."
    )
    st.info(
        "This aid is for people whose doctor has told them they have hemifacial spasm. "
        "Some other problems look like it, such as twitching of both eyelids. "
        "If you are not sure of your diagnosis, ask your doctor first."
    )

    c.heading("What is it?")
    st.markdown(
        "Hemifacial spasm makes the muscles on **one side of your face** twitch or pull. "
        "It often starts around the eye. Over time it can spread to the cheek and mouth. "
        "You cannot stop the twitches by trying."
    )

    c.heading("Why does it happen?")
    st.markdown(
        "- Most often, a **blood vessel presses on the facial nerve** inside the skull. "
        "Each pulse rubs the nerve, and the nerve sends out extra signals.\n"
        "- Sometimes it starts **after Bell's palsy or an injury** to the face.\n"
        "- Rarely, it comes from **multiple sclerosis (MS)**, or from a growth pressing on the "
        "nerve. A scan can rule these out."
    )

    _no_treatment(ev, consult)

    c.heading("The three treatments")
    for oid, option in ev.ordered():
        with st.container(border=True, key=f"about_option_{oid}"):
            c.heading(c.md(option.name), 3)
            st.markdown(c.md(option.summary))
            if consult:
                st.caption(c.md(f"What it involves: {option.involves.text}"))
                st.caption(c.md(c.sources_text(option.involves.sources)))
    st.markdown(
        "The next pages ask about your situation and what matters to you. "
        "Then you can compare the treatments side by side."
    )

    st.divider()
    c.heading("Sources and review date")
    st.markdown(
        f"Evidence last reviewed: **{meta.last_reviewed:%d %B %Y}** "
        f"(version {c.md(meta.version)}). Next review due: **{meta.next_review:%d %B %Y}**."
    )
    with st.expander("All sources used in this aid", expanded=consult):
        c.sources_list(ev)

    c.heading("About this aid", 3)
    policy = meta.update_policy
    st.markdown(
        f"- **Who made it:** {c.md(meta.made_by)}\n"
        f"- **Checked by clinicians:** {_reviewers(ev)}\n"
        f"- **How the evidence was chosen:** {c.md(meta.how_chosen)}\n"
        f"- **How often it is updated:** {c.md(policy.interval)} "
        f"Next review by {meta.next_review:%d %B %Y}.\n"
        f"- **What makes us update it sooner:** {c.md(policy.triggers)}\n"
        f"- **Found an error?** {c.md(policy.report_errors)}\n"
        f"- **How easy it is to read:** the text you read here is at about US school grade "
        f"{HOME_READING_GRADE:.1f} (Flesch-Kincaid), measured over all five pages.\n"
        f"- **Funding and conflicts of interest:** {c.md(meta.funding)}\n"
        f"- **Who the figures are about:** {c.md(meta.reference_class)}"
    )
    st.caption("Nothing you enter is saved or sent anywhere. Your answers live only in this page's link.")
    c.page_footer("about")


render()
