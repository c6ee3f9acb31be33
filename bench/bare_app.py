"""The floor Streamlit itself sets: the real app's answer widgets, no charts, no engine.

`bench/run.py` measures this app side by side with `streamlit_app.py`. It has the same
widgets with the same keys (the six 0-10 priority sliders named as `profile.PRIORITIES`,
inside a "Change what matters to you" expander as on the compare page; the situation
radios and treatment checkboxes; the deal-breakers; the note; the leaning radio; the mode
radio in the sidebar) and the same link logic: on a session's first run the URL is parsed
with `profile.parse_query`, every widget writes its answer back in an `on_change` callback,
and the answers go into the URL with `Profile.to_params`. Instead of charts it shows the
weights as one line of text (the container keyed "figures"), which the browser benchmark
watches.

With BENCH_CHART_LIBS=1 it also imports pandas, pyarrow and Altair, which any Streamlit
chart needs (Streamlit sends chart data as Arrow): the memory floor of an app with charts.

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

from decision_aid.evidence import OPTION_IDS
from decision_aid.profile import CHOICES, MAX_NOTE_CHARS, PRIORITIES, Profile, parse_query

ANSWERS = "answers"
EMPTY_IS_NONE = ("leaning", "sure_s", "sure_u", "sure_r", "sure_e")

st.set_page_config(page_title="Bare benchmark app", layout="centered")
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
    if name not in ss:
        value = ss[ANSWERS][name]
        ss[name] = None if name in EMPTY_IS_NONE and value == "" else value
    return {"key": name, "on_change": _store, "args": (name,)}


def _store_flag(name: str, option_id: str) -> None:
    chosen = set(ss[ANSWERS][name])
    if ss[f"{name}_{option_id}"]:
        chosen.add(option_id)
    else:
        chosen.discard(option_id)
    ss[ANSWERS][name] = tuple(o for o in OPTION_IDS if o in chosen)


def bind_flag(name: str, option_id: str) -> dict[str, Any]:
    key = f"{name}_{option_id}"
    if key not in ss:
        ss[key] = option_id in ss[ANSWERS][name]
    return {"key": key, "on_change": _store_flag, "args": (name, option_id)}


with st.sidebar:
    st.radio("Who is using this now?", CHOICES["mode"], **bind("mode"))

for note in ss["notices"]:
    st.warning(note)

# Headings in Markdown, as the real app draws them (decision_aid.ui.components.heading): the
# cheaper way to draw the same heading, so the floor stays the lowest Streamlit allows.
st.markdown("# Bare benchmark app")

st.markdown("## Your situation")
for name in ("cause", "mri", "anesthesia", "pregnant"):
    st.radio(name, CHOICES[name], **bind(name))
for oid in OPTION_IDS:
    st.checkbox(f"Tried {oid}", **bind_flag("tried", oid))

st.markdown("## What matters to you")
with st.expander("Change what matters to you", expanded=False, key="change_priorities"):
    for p in PRIORITIES:
        st.slider(p, min_value=0, max_value=10, step=1, **bind(p))
for oid in OPTION_IDS:
    st.checkbox(f"Deal-breaker: {oid}", **bind_flag("avoid", oid))
st.text_area("Anything else that matters to you?", max_chars=MAX_NOTE_CHARS, **bind("note"))
st.radio("The option I am leaning towards", [v for v in CHOICES["leaning"] if v], **bind("leaning"))

profile = Profile(**ss[ANSWERS])
with st.container(key="figures"):
    st.markdown("Weights: " + ", ".join(f"{p} {getattr(profile, p)}" for p in PRIORITIES))

# -- the answers into the link (as decision_aid.ui.state.sync_url)
wanted = profile.to_params()
if st.query_params.to_dict() != wanted:
    st.query_params.from_dict(wanted)
