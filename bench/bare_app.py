"""The floor Streamlit sets: the compare page's "fit" topic, its widgets and link logic, no charts or engine.

`bench/run.py` measures this app side by side with `streamlit_app.py`. It draws what the real
app draws on `/compare?topic=fit` (decision_aid/ui/pages/compare.py and topics/fit.py), with
the same keys, words and layout: the shell (its style sheet, the page links in the sidebar with
their icons, the "Who is using this now?" radio with its labels and help, the copy-link box),
the page title, home mode's Back button at the top and bottom,
the topic heading, the "See all the figures" button and the footer's page buttons; and, as in
the real app, the "Change what matters to you" expander (open until a priority is stated) with
its caption and the six 0-10 priority sliders in two columns (unset ones grey), the "What would change the
picture?" heading and the "How the match is worked out" expander. A slider move reruns the
whole page, as in the real app (no fragment: after a server restart Streamlit drops a
fragment's rerun), which redraws the footer's buttons, the sidebar's links and the URL.
The link logic is the app's: `profile.parse_query` on a session's first run, every widget writes
its answer back in an `on_change` callback, `Profile.to_params` into the URL and every link.

Where the real topic shows the engine's output (the match chart, its words, the sentences, the
sensitivity list), this app shows one line of text: the weights (the container keyed
"figures"), which the browser benchmark watches.

With BENCH_CHART_LIBS=1 it also imports pandas, pyarrow and Altair, which any Streamlit chart
needs (Streamlit sends chart data as Arrow): the memory floor of an app with charts. With
BENCH_CHART=1 as well, it shows the weights as one small Vega-Lite bar chart instead of the line
of text: the latency floor of any Vega-Lite chart that shows new figures after a key press (a reference
row for (a), without a target).

Run it alone with: .venv/bin/streamlit run bench/bare_app.py
"""

from __future__ import annotations

import os
from typing import Any

import streamlit as st

if os.environ.get("BENCH_CHART_LIBS") == "1":  # the memory floor of any Streamlit chart (bench/run.py)
    import altair  # noqa: F401
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

from decision_aid.profile import DEFAULT_WEIGHT, PRIORITIES, Profile, parse_query
from decision_aid.ui.css import PAGE_CSS as SHELL_CSS
from decision_aid.ui.nav import PAGES as PAGE_DEFS
from decision_aid.ui.scripts import FIXED_SCRIPTS_HTML
from decision_aid.words.app import (
    ASK_YOUR_DOCTOR,
    COPY_LINK,
    COPY_LINK_NOTE,
    MODE_HELP,
    MODE_LABELS,
    NEXT_PAGE,
    PREVIOUS_PAGE,
    WHO_IS_USING,
)
from decision_aid.words.common import PRIORITY_LABELS

CHART = os.environ.get("BENCH_CHART") == "1"
"""Draw the weights as one Vega-Lite chart instead of a line of text: the latency floor of a
chart that shows new figures after a key press (bench/run.py's reference row for (a))."""

ANSWERS = "answers"
EMPTY_IS_NONE = ("leaning", "sure_s", "sure_u", "sure_r", "sure_e")
PAGE_CSS = (
    "<style>.st-key-topic_nav_top button, .st-key-topic_nav_bottom button, .st-key-to_figures button "
    "{ min-height: 44px; }[data-testid='stMainBlockContainer'] { padding-top: 3rem; padding-bottom: 3rem; }"
    "[data-testid='stElementToolbar'] { display: none !important; }</style>"
)

st.set_page_config(page_title="Bare benchmark app")
st.html(SHELL_CSS)  # the shell's style sheet, as components.page_style
ss = st.session_state

# -- restore from the link, once per session (as decision_aid.ui.state.restore_from_link)
if ANSWERS not in ss:
    qp = st.query_params
    parsed = parse_query({key: qp.get_all(key) for key in qp})
    ss[ANSWERS] = parsed.profile.model_dump()
    ss["notices"] = [p.message() for p in parsed.problems] + parsed.warnings


def _store(name: str) -> None:
    value = ss[name]
    if name in EMPTY_IS_NONE and value is None:
        value = ""
    ss[ANSWERS][name] = value


def bind(name: str) -> dict[str, Any]:
    """As decision_aid.ui.state.bind: the key seeded from the answers, written back on change."""
    if name not in ss:
        value = ss[ANSWERS][name]
        if name in EMPTY_IS_NONE and value == "":
            value = None
        elif name in PRIORITIES and value is None:
            value = DEFAULT_WEIGHT
        ss[name] = value
    return {"key": name, "on_change": _store, "args": (name,)}


def profile() -> Profile:
    return Profile(**ss[ANSWERS])


def sync_url(prof: Profile) -> None:
    wanted = prof.to_params()
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def _weights_chart(weights: dict[str, int]) -> None:
    """The chart floor for (a): the weights as one Vega-Lite bar chart, its look fixed and only
    its data new at each key press (as the real app sends its match chart)."""
    import pandas as pd

    data = pd.DataFrame({"priority": list(PRIORITIES), "weight": [weights[p] for p in PRIORITIES]})
    st.vega_lite_chart(
        {
            "title": "How the weights line up",  # "line up": how bench/run.py's MATCH finder knows it
            "datasets": {"weights": data},
            "data": {"name": "weights"},
            "mark": "bar",
            "encoding": {
                "y": {"field": "priority", "type": "nominal", "sort": list(PRIORITIES)},
                "x": {"field": "weight", "type": "quantitative", "scale": {"domain": [0, 10]}},
            },
        },
        width="stretch",
        key="chart_weights",
    )


def _set_topic(topic: str) -> None:
    ss[ANSWERS]["topic"] = topic


def _elsewhere() -> None:
    st.markdown("Another page (not measured).")


def fit_page() -> None:
    """The compare page on its "fit" topic (home mode), as decision_aid/ui/pages/compare.py."""
    st.html(PAGE_CSS)
    st.markdown("# Compare the options")
    _steps("top")
    with st.container(key="topic_heading"):
        st.markdown("## Topic 5 of 5: How they fit you")
    _fit_topic()
    _steps("bottom")
    st.button("See all the figures", key="to_figures", on_click=_set_topic, args=("figures",))
    _footer()


def _steps(where: str) -> None:
    with st.container(key=f"topic_nav_{where}", horizontal=True, vertical_alignment="center"):
        st.button(
            "Back: The next 5 years",
            icon=":material/arrow_back:",
            key=f"back_{where}",
            on_click=_set_topic,
            args=("years",),
        )


def _fit_topic() -> None:
    """As topics/fit.py: the sliders and what moves with them."""
    prof = profile()
    stated = prof.priorities_stated
    with st.expander("Change what matters to you", expanded=not stated, key="change_priorities"):
        st.caption("0: does not matter to you; 10: matters a lot.")
        unset = [p for p in PRIORITIES if p not in prof.priorities_set]  # as widgets.grey_unset
        if unset:
            grey = ", ".join(f".st-key-{p}" for p in unset)
            st.html(f"<style>{grey} {{ filter: grayscale(1); }}</style>")
        cols = st.columns(2)
        for i, p in enumerate(PRIORITIES):
            cols[i * len(cols) // len(PRIORITIES)].slider(
                PRIORITY_LABELS[p], min_value=0, max_value=10, step=1, **bind(p)
            )
    with st.container(key="figures"):
        weights = prof.weights()
        if CHART:
            _weights_chart(weights)
        else:
            st.markdown("Weights: " + ", ".join(f"{p} {weights[p]}" for p in PRIORITIES))
    if stated:
        st.markdown("### What would change the picture?")
    with st.expander("How the match is worked out", expanded=False):
        st.markdown("Each option gets a score from 0 to 1 on each thing that matters.")


def _footer() -> None:
    """As components.page_footer: the Back and Next page buttons, with its keys."""
    st.divider()
    footer = st.columns(2)
    back, nxt = PAGE_DEFS[MEASURED_PAGE - 1], PAGE_DEFS[MEASURED_PAGE + 1]
    footer[0].button(
        PREVIOUS_PAGE.format(title=back.title), icon=":material/arrow_back:", key=f"to_{back.url_path}"
    )
    footer[1].button(
        NEXT_PAGE.format(title=nxt.title), icon=":material/arrow_forward:", key=f"to_{nxt.url_path}"
    )


def answer_links(prof: Profile) -> None:
    """The sidebar's page links and copy-link box (decision_aid.ui.components.answer_links)."""
    params = prof.to_params() or None
    with SLOTS[0], st.container(key="page_links"):
        for page, d in zip(PAGES, PAGE_DEFS, strict=True):
            st.page_link(page, label=d.title, icon=d.icon, query_params=params)
    with SLOTS[1]:  # as components.copy_link
        st.markdown(COPY_LINK)
        st.caption(COPY_LINK_NOTE)
        query = prof.to_query()
        st.code(
            f"{st.context.url or ''}?{query}" if query else "(the address of this page)",
            language=None,
            wrap_lines=True,
        )


MEASURED_PAGE = next(i for i, d in enumerate(PAGE_DEFS) if d.url_path == "compare")
PAGES = [
    st.Page(
        fit_page if i == MEASURED_PAGE else _elsewhere,
        title=d.title,
        icon=d.icon,
        url_path="" if i == MEASURED_PAGE else f"p{i}",
        default=i == MEASURED_PAGE,
    )
    for i, d in enumerate(PAGE_DEFS)
]
current = st.navigation(PAGES, position="hidden")
# As streamlit_app.py: the layout once a run, the page's own ("wide" for the measured page).
st.set_page_config(
    layout=next(d for p, d in zip(PAGES, PAGE_DEFS, strict=True) if p.url_path == current.url_path).layout
)

with st.sidebar:
    links = st.container()
    st.divider()
    st.radio(WHO_IS_USING, ("home", "consult"), format_func=MODE_LABELS.get, help=MODE_HELP, **bind("mode"))
    share = st.container()
    st.caption(ASK_YOUR_DOCTOR)
    st.html(FIXED_SCRIPTS_HTML, unsafe_allow_javascript=True)  # as components.fixed_scripts
SLOTS = (links, share)

for note in ss["notices"]:
    st.warning(note)
sync_url(profile())
current.run()
answer_links(profile())
