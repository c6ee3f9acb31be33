"""Page 1: what hemifacial spasm is, the choice to make, the three options, and about this aid."""

import streamlit as st

from decision_aid.ui import components as c
from decision_aid.ui import state


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
        "- Rarely, it comes from **multiple sclerosis (MS)**."
    )

    c.heading("Is it dangerous?")
    st.markdown(
        "No. It is not a stroke, and it does not harm your brain. "
        "But it can be tiring and upsetting, and it can get in the way when your eye closes."
    )

    c.heading("You do not have to treat it now")
    st.markdown(
        "Choosing **no treatment for now** is a reasonable choice. "
        "The spasm rarely goes away by itself, but it does no harm. "
        "You can start a treatment later if you want to."
    )

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
    st.markdown(
        f"- **Who made it:** {c.md(meta.made_by)}\n"
        f"- **How the evidence was chosen:** {c.md(meta.how_chosen)}\n"
        f"- **When it is reviewed next:** by {meta.next_review:%d %B %Y}\n"
        f"- **Funding and conflicts of interest:** {c.md(meta.funding)}\n"
        f"- **Who the figures are about:** {c.md(meta.reference_class)}"
    )
    st.caption(
        "Nothing you enter is saved or sent anywhere. Your answers live only in this page's link."
    )
    c.page_footer("about")


render()
