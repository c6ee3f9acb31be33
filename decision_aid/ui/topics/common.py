"""What every topic shares: the context it draws from, charts without clutter, figures in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt
import streamlit as st

from decision_aid import charts
from decision_aid.engine import Result
from decision_aid.evidence import Evidence
from decision_aid.profile import Profile
from decision_aid.ui import chart_cache
from decision_aid.ui import components as c
from decision_aid.words.app import PUBLISHED_RANGE, RANGE
from decision_aid.words.common import (
    ESTIMATE_MARK,
    NO_RANGE_GIVEN,
    has_range,
    per_100_counted,
    per_100_range,
    span_text,
)
from decision_aid.words.topics import (
    HOW_SURE,
    IN_WORDS,
    LOCAL_MARK,
    NOT_MEASURED,
    SHOW_SOURCES,
    WHEN,
    certainty_level,
)


@dataclass(frozen=True)
class Ctx:
    """The page's inputs, worked out once per run and handed to the chosen topic."""

    ev: Evidence
    prof: Profile
    result: Result

    @property
    def consult(self) -> bool:
        return self.prof.mode == "consult"


def fit_x(chart: Any) -> Any:
    """Stretch a chart to its column. Streamlit's default autosize ("fit") squeezes the plot
    to make room for the wrapped titles and legends; "fit-x" stretches the width only."""
    return chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))


def fit_x_flush(chart: Any) -> Any:
    """`fit_x`, ending at the chart's last mark: Streamlit pads a chart 20 px at the bottom
    when its spec says nothing there, below the picture's key and above the page's own gap."""
    return fit_x(chart).properties(padding={"bottom": 0})


def show(spec: dict, key: str, where: Any = st) -> None:
    """A finished spec from chart_cache, as wide as its column."""
    where.vega_lite_chart(spec, width="stretch", key=key)


def show_icons(value: float, *, label: str, color: str, title: str, title_chars: int, key: str) -> None:
    """A picture of 100 people with `value` of them coloured, its title on top, from the chart
    cache (the works and harms topics draw one per option)."""
    spec = chart_cache.built(
        charts.icon_array_parts,
        value,
        label=label,
        color=color,
        title=title,
        title_chars=title_chars,
        finish=fit_x_flush,
    )
    show(spec, key)


def in_words(text: str, label: str = IN_WORDS) -> None:
    """A chart's full text alternative, closed: screen readers have the chart's own label (its
    description; the HTML match chart's title and headings are text), everyone else opens it on
    demand instead of reading it on the page."""
    with st.expander(label, expanded=False):
        st.markdown(c.md(text))


def sure(certainty: str | None) -> str:
    """How sure the evidence is, in a few words ('how sure: low')."""
    if not certainty:
        return ""
    return HOW_SURE.format(level=certainty_level(certainty))


def figure_words(
    central: float | None,
    *,
    per: str = "person",
    certainty: str | None = None,
    local: bool = False,
    estimate: bool = False,
) -> str:
    """'30 out of 100 people (an expert's estimate, not a study; how sure: very low)', 'per
    injection' and the local mark added."""
    if central is None:
        return NOT_MEASURED
    text = per_100_counted(central, per)
    marks = (ESTIMATE_MARK if estimate else "", sure(certainty), LOCAL_MARK if local else "")
    extra = [x for x in marks if x]
    return text + (f" ({'; '.join(extra)})" if extra else "")


def range_words(
    low: float | None, high: float | None, *, published: bool = False, labelled: bool = True
) -> str:
    """'range 5 to 27 out of 100', 'published range 2 to 6 out of 100' beside a local figure
    (`results.shown_range`), just '5 to 27 out of 100' unlabelled (a column headed "Range"), or
    that the studies give none."""
    if low is None or high is None:
        return NO_RANGE_GIVEN
    if has_range(low, high) and (published or labelled):
        return (PUBLISHED_RANGE if published else RANGE).format(range=per_100_range(low, high))
    return span_text(low, high)


def detail(
    low: float | None, high: float | None, sources: Any, timeframe: str = "", *, published: bool = False
) -> str:
    """The consult layer beside a figure: range, time frame and source ids. `published`: the range
    is the studies' one beside a local figure (`results.shown_range`)."""
    parts = []
    if low is not None and high is not None:
        parts.append(range_words(low, high, published=published))
    if timeframe:
        parts.append(WHEN.format(when=timeframe))
    ids = list(sources or ())
    if ids:
        parts.append(c.sources_text(ids))
    return "; ".join(parts)


def sources_toggle(key: str) -> bool:
    """Consult mode: ranges and sources behind one switch per topic (closed at first)."""
    return st.toggle(SHOW_SOURCES, key=f"sources_{key}", value=False)
