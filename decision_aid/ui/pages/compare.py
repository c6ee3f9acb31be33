"""Page 4: compare the options, one topic at a time (issue 12).

The topic lives in the link (`topic=`). Home mode walks the topics as steps with Back and Next
topic at the top and bottom; consult mode puts the topic buttons first so the patient chooses.
Only the chosen topic's module runs (`decision_aid.ui.topics`).
"""

import importlib

import streamlit as st

from decision_aid.ui import components as c
from decision_aid.ui import state
from decision_aid.ui.css import TOUCH_TARGET_PX
from decision_aid.ui.topics import BY_ID, STEPS, TOPICS, neighbours
from decision_aid.ui.topics.common import Ctx
from decision_aid.words.common import and_list
from decision_aid.words.pages import compare as w
from decision_aid.words.topics import TOPIC_TITLES

TOUCH_PX = TOUCH_TARGET_PX
TOUCH_KEYS = ("topic_nav_top", "topic_nav_bottom", "topic_choice", "to_figures")
"""The containers whose buttons get the large touch target."""
PAGE_CSS = (
    "<style>"
    + ", ".join(f".st-key-{key} button" for key in TOUCH_KEYS)
    + f" {{ min-height: {TOUCH_PX}px; }}"
    # Streamlit's wide layout leaves 6rem above the title and 10rem under the last element (room
    # for a chat input this page does not have): a topic is read in screens, so keep 3rem.
    + "[data-testid='stMainBlockContainer'] { padding-top: 3rem; padding-bottom: 3rem; }"
    + "</style>"
)
HOME_CSS = "<style>[data-testid='stElementToolbar'] { display: none !important; }</style>"
"""Home mode: no chart toolbars (table, download, full screen): each chart's words are one click away."""


TOPIC_MOVED = "topic_moved"
"""Set by home mode's Back / Next topic buttons, read once by `_to_topic_start`."""


def _set_topic(topic: str) -> None:
    st.session_state[state.ANSWERS]["topic"] = topic


def _step_to(topic: str) -> None:
    """Home mode's Back / Next topic: the next topic starts at its top (`_to_topic_start`)."""
    _set_topic(topic)
    st.session_state[TOPIC_MOVED] = True


def _to_topic_start() -> None:
    """After Back / Next topic, the new topic shows from its top, its heading focused.

    Streamlit keeps the scroll position across a rerun: Next topic at the foot of a topic left a
    phone reader at the foot of the next one, the focus on a Next button that now skips it.
    Consult mode's topic buttons keep the focus: the patient is choosing among them.
    """
    if st.session_state.pop(TOPIC_MOVED, False):
        c.start_at_top(".st-key-topic_heading h2")


def _chosen() -> None:
    picked = st.session_state.get("topic_choice")
    if picked in BY_ID:
        _set_topic(picked)


def _steps(topic: str, where: str) -> None:
    """Home mode: where you are, and Back / Next topic (large buttons)."""
    back, nxt = neighbours(topic)
    with st.container(key=f"topic_nav_{where}", horizontal=True, vertical_alignment="center"):
        if back is not None:
            st.button(
                w.BACK.format(title=back.title),
                icon=":material/arrow_back:",
                key=f"back_{where}",
                on_click=_step_to,
                args=(back.id,),
            )
        if nxt is not None:
            st.button(
                w.NEXT_TOPIC.format(title=nxt.title),
                icon=":material/arrow_forward:",
                type="primary",
                key=f"next_{where}",
                on_click=_step_to,
                args=(nxt.id,),
            )


def _step_heading(topic: str, consulting: bool) -> None:
    t = BY_ID[topic]
    ids = [s.id for s in STEPS]
    shown = t.title
    if topic in ids and not consulting:
        shown = w.TOPIC_OF.format(n=ids.index(topic) + 1, total=len(ids), title=t.title)
    with st.container(key="topic_heading"):
        c.heading(c.md(shown), 2)


def _choose(topic: str) -> None:
    """Consult mode: the topic buttons, first on the page."""
    st.session_state["topic_choice"] = topic
    st.segmented_control(
        w.CHOOSE_TOPIC,
        [t.id for t in TOPICS],
        format_func=lambda i: BY_ID[i].title,
        required=True,
        key="topic_choice",
        on_change=_chosen,
        width="stretch",
    )


CAUTIONS_SAID_IN = ("glance", "fit")
"""The topics that say the situation's cautions themselves: the grid lists them, the fit topic
says why an option gets no match."""


def _figures_in_doubt(ctx: Ctx) -> None:
    """Over the other topics, the options that may not be suitable for the patient, or whose
    figures may not apply to them, and where to read why: a consult can open the harms or the
    years first, and MVD's figures stood there for someone not fit for an anaesthetic, or with
    MS, with no word of it. The cautions every patient meets until they answer (no scan result
    yet, say) stay under the grid."""
    named = {o.id: f"**{c.md(o.short_name)}**" for o in ctx.result.options}
    unsuitable = [o.id for o in ctx.result.options if not o.suitable]
    in_doubt = [o.id for o in ctx.result.options if o.suitable and not o.figures_apply]
    topic = TOPIC_TITLES["glance"]
    said = []
    if unsuitable:
        said.append(w.NOT_SUITABLE_HERE.format(options=and_list([named[i] for i in unsuitable]), topic=topic))
    if len(in_doubt) == len(named):
        said.append(w.FIGURES_MAY_NOT_APPLY_ALL.format(topic=topic))
    elif in_doubt:
        names = and_list([named[i] for i in in_doubt])
        said.append(w.FIGURES_MAY_NOT_APPLY.format(options=names, topic=topic))
    if said:
        with st.container(key="figures_in_doubt"):
            st.markdown("⚠ " + " ".join(said))


def render() -> None:
    ev = state.evidence()
    prof = state.profile()
    topic = prof.topic
    ctx = Ctx(ev, prof, state.result(ev, prof))
    st.html(PAGE_CSS + ("" if ctx.consult else HOME_CSS))

    c.heading(w.TITLE, 1)
    state.drawn("topic")  # the topic buttons change it (state.page_asked)
    if ctx.consult:
        _choose(topic)
    else:
        _steps(topic, "top")
    _step_heading(topic, ctx.consult)
    for warning in ctx.result.warnings:
        st.warning(c.md(warning))
    if topic not in CAUTIONS_SAID_IN:
        _figures_in_doubt(ctx)
    importlib.import_module(f"decision_aid.ui.topics.{topic}").render(ctx)
    if not ctx.consult:
        _steps(topic, "bottom")
        if topic == "fit":
            st.button(w.EVERY_FIGURE, key="to_figures", on_click=_step_to, args=("figures",))
    c.page_footer("compare")
    _to_topic_start()


render()
