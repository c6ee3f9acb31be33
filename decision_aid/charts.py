"""Charts for the app and the PDF: pure data adapters and small Altair builders.

Two layers, one direction:

* **adapters** (`success_frame`, `harm_frame`, `tradeoff_frame`, `match_frame`, `projection_frame`,
  `fit_frame`) turn an engine `Result` into tidy DataFrames. The app, the PDF and the text
  alternatives all read these, so no figure is computed twice;
* **builders** (`icon_array`, `option_icon_arrays`, `tradeoff_chart`, `match_chart`,
  `projection_chart`, `fit_grid`) take a DataFrame (or plain values) and return an Altair chart.
  The charts that follow the answers are also offered as `*_parts` (`ChartParts`): a look built
  from a few settings plus the data, so the app builds each look once (`look_spec`) and a
  slider move changes only data. Every chart's `description=` (its aria-label, via Vega-Embed)
  names what it shows and for which options; the figures themselves are in words in the
  matching `describe_*` text, which the app prints under the chart and the PDF beside it (an
  icon array's description is that text itself).

Rules every chart keeps (docs: decision-aid standards, sections 2 and 6): one denominator
(100 people) named in the title; option order fixed (medicines, botulinum toxin, MVD), never
sorted by value; chance axes start at 0 and run to 100 unless the subtitle says otherwise;
option identity shown by shape or label as well as colour (Okabe-Ito palette); no "best" or
"recommended" wording. Nothing here imports Streamlit.
"""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import altair as alt
import pandas as pd

from decision_aid.lru import BoundedCache
from decision_aid.profile import PRIORITIES
from decision_aid.wording import NOT_A_VERDICT, PRIORITY_LABELS, fit_word, per_100, per_100_range

if TYPE_CHECKING:
    from decision_aid.engine import OptionResult, Result

# ---------------------------------------------------------------- palette and shapes

OPTION_ORDER: tuple[str, ...] = ("medication", "botulinum", "mvd")
"""The one fixed order of the options in every chart (never sorted by value)."""

ORDER_INDEX: dict[str, int] = {o: i for i, o in enumerate(OPTION_ORDER)}

OPTION_COLORS: dict[str, str] = {"medication": "#0072B2", "botulinum": "#E69F00", "mvd": "#CC79A7"}
"""Okabe-Ito colours for option identity (headers, legends, lines); never for good or bad."""

OPTION_SHAPES: dict[str, str] = {"medication": "circle", "botulinum": "square", "mvd": "triangle-up"}
"""A distinct point shape per option, so option identity never rests on colour alone."""

OPTION_DASHES: dict[str, list[int]] = {"medication": [1, 0], "botulinum": [7, 3], "mvd": [2, 2]}
"""Line styles per option (solid, dashed, dotted) for the projection lines."""

DEFAULT_SHORT_NAMES: dict[str, str] = {
    "medication": "Medicines", "botulinum": "Botulinum toxin", "mvd": "MVD surgery",
}
"""Fallback labels when a frame has no `short_name` column (the dataset's names win)."""

BENEFIT_COLOR = "#009E73"
"""Okabe-Ito bluish green: a good outcome (icon arrays of control)."""
HARM_COLOR = "#D55E00"
"""Okabe-Ito vermillion: a harm (icon arrays of side effects and serious harms)."""
NEUTRAL_FILL = "#E6E6E6"
"""Light grey fill for people without the outcome; always drawn with `NEUTRAL_STROKE`."""
NEUTRAL_STROKE = "#555555"
"""Dark outline (7.5:1 on white, 6.3:1 on NEUTRAL_FILL) so pale icons keep 3:1 non-text contrast."""
TEXT_COLOR = "#222222"
FIT_FILL = "#444444"
"""Neutral dark fill for the fit dots: fit is not a good/bad outcome, so it gets no outcome colour."""

PRIORITY_COLORS: dict[str, str] = {
    "relief": "#332288",
    "lasting": "#88CCEE",
    "serious_risk": "#117733",
    "side_effects": "#DDCC77",
    "burden": "#882255",
    "recovery": "#44AA99",
}
"""Paul Tol's colour-blind-safe 'muted' set, dark and light in turn so neighbouring segments
of a stacked bar also differ in black-and-white print. Distinct from the option colours."""

PERSON_PATH = (
    "M0,-1A0.27,0.27,0,1,1,0,-0.46A0.27,0.27,0,1,1,0,-1Z"
    "M-0.2,-0.4H0.2C0.42,-0.4,0.55,-0.28,0.55,-0.05V0.32C0.55,0.42,0.38,0.42,0.38,0.32V0.02H0.3V1"
    "H0.05V0.38H-0.05V1H-0.3V0.02H-0.38V0.32C-0.38,0.42,-0.55,0.42,-0.55,0.32V-0.05"
    "C-0.55,-0.28,-0.42,-0.4,-0.2,-0.4Z"
)
"""A restroom-style person (head and body) inside the -1..1 square Vega expects of a custom shape."""

# ---------------------------------------------------------------- sizes and type

ICON_STEP = 18
"""Pixels per icon: a 10-wide array is 180 px, three fit side by side on a tablet, one on a phone."""
CHART_WIDTH = 280
"""Plot width of the single-view charts: with axis labels they stay under 360 px (a 390 px phone)."""
TITLE_CHARS = 40
FONT = 12
TITLE_FONT = 15


def _title(text: str | Sequence[str], subtitle: str | Sequence[str] | None = None, *,
           width: int = TITLE_CHARS, size: int = TITLE_FONT, sub_width: int | None = None) -> alt.TitleParams:
    """A left-aligned title wrapped into lines of `width` characters (Vega titles do not wrap);
    the smaller subtitle into `sub_width` (default: 1.3 times as many)."""
    sub = _wrap(subtitle, sub_width or int(width * 1.3)) if subtitle else alt.Undefined
    return alt.TitleParams(
        text=_wrap(text, width), subtitle=sub, anchor="start", fontSize=size, subtitleFontSize=FONT,
        color=TEXT_COLOR, subtitleColor=TEXT_COLOR, offset=8,
    )


def _wrap(text: str | Sequence[str], width: int) -> list[str]:
    parts = [text] if isinstance(text, str) else list(text)
    return [line for part in parts for line in (textwrap.wrap(part, width) or [""])]


def _axis(**kwargs) -> alt.Axis:
    base = dict(labelFontSize=FONT, titleFontSize=FONT, labelColor=TEXT_COLOR, titleColor=TEXT_COLOR,
                titleFontWeight="normal")
    return alt.Axis(**{**base, **kwargs})


def _legend(**kwargs) -> alt.Legend:
    base = dict(orient="bottom", direction="vertical", labelFontSize=FONT, titleFontSize=FONT,
                labelColor=TEXT_COLOR, titleColor=TEXT_COLOR, labelLimit=330, titleLimit=330)
    return alt.Legend(**{**base, **kwargs})


NO_FRAME = alt.ViewBackground(stroke=None)


# ---------------------------------------------------------------- small helpers


def _count(value: float, per: int = 100) -> int:
    """Whole people to fill: rounded half up (37.5 -> 38) as `wording.per_100` does, within 0..per."""
    return max(0, min(per, math.floor(value + 0.5)))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in the fixed option order (stable within an option), with a `short_name` column."""
    unknown = sorted(set(frame["option"]) - set(OPTION_ORDER))
    if unknown:
        msg = f"unknown option id {unknown[0]!r} in chart data; allowed: {', '.join(OPTION_ORDER)}"
        raise ValueError(msg)
    if "short_name" not in frame.columns:
        frame = frame.assign(short_name=frame["option"].map(DEFAULT_SHORT_NAMES))
    ranks = [ORDER_INDEX[o] for o in frame["option"].tolist()]
    if ranks == sorted(ranks) and frame.index.equals(pd.RangeIndex(len(frame))):
        return frame  # the adapters' frames come in order already (the common case, on every rerun)
    out = frame.assign(_rank=ranks).sort_values("_rank", kind="stable").drop(columns="_rank")
    return out.reset_index(drop=True)


def rows_of(frame: pd.DataFrame) -> list[dict]:
    """The rows as plain dicts, as ``frame.to_dict("records")`` gives them but several times
    faster on these small frames (pandas goes through its indexer once per cell)."""
    columns = list(frame.columns)
    return [dict(zip(columns, values, strict=True))
            for values in zip(*(frame[c].tolist() for c in columns), strict=True)]


def _ids(data: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(data["option"]))


def _names(data: pd.DataFrame) -> list[str]:
    """Short names in the fixed option order: the `sort` and scale domain of every option axis."""
    return list(dict.fromkeys(data["short_name"]))


def _one_row_per_option(data: pd.DataFrame, what: str) -> None:
    dupes = data["option"][data["option"].duplicated()].unique().tolist()
    if dupes:
        msg = f"{what} needs one row per option; {dupes[0]!r} has several (filter the frame first)"
        raise ValueError(msg)


def _option_color(ids: Sequence[str], names: Sequence[str], *, legend: alt.Legend | None) -> alt.Color:
    return alt.Color("short_name:N").scale(
        domain=list(names), range=[OPTION_COLORS[o] for o in ids]
    ).legend(legend)


def _option_shape(ids: Sequence[str], names: Sequence[str], *, legend: alt.Legend | None) -> alt.Shape:
    return alt.Shape("short_name:N").scale(
        domain=list(names), range=[OPTION_SHAPES[o] for o in ids]
    ).legend(legend)


def _in_words(names: Sequence[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# ---------------------------------------------------------------- look and data


@dataclass(frozen=True)
class ChartParts:
    """A chart in two parts: its look, which Altair builds from a few hashable settings, and
    its data, as named datasets the look refers to.

    The patient's answers change only the data (and rarely a setting, such as the top of the
    harm axis), so the app builds each look once and sends just the data when a slider moves
    (`decision_aid.ui.chart_cache`): no Altair work on a rerun, and the browser swaps the
    data into the chart it already shows instead of building it again. `chart()` puts the two
    together, for the PDF and the tests.
    """

    look: Callable[..., alt.TopLevelMixin]
    settings: tuple[tuple[str, Any], ...]
    data: Mapping[str, pd.DataFrame]
    top: Mapping[str, Any] = field(default_factory=dict)
    """Top-level properties that go with the data (an icon array's title holds its number),
    set on the finished chart."""
    data_key: Hashable | None = None
    """When set, equal keys mean equal data, so the app converts the data once per key."""

    def look_chart(self) -> alt.TopLevelMixin:
        """The chart without its data (layers refer to the datasets by name)."""
        return self.look(**dict(self.settings))

    def chart(self) -> alt.TopLevelMixin:
        chart = self.look_chart()
        for name, value in self.top.items():
            setattr(chart, name, value)
        chart.datasets = {name: records(frame) for name, frame in self.data.items()}
        return chart


LOOK_CACHE_SIZE = 64
"""Looks kept as finished Vega-Lite dicts: a handful per chart (the settings hold only the
dataset's names and a few switches), shared by the app and the PDF."""
_looks: BoundedCache[dict] = BoundedCache(LOOK_CACHE_SIZE)


def look_spec(parts: ChartParts, finish: Callable[[Any], Any] | None = None) -> dict:
    """The Vega-Lite dict of ``finish(parts.look_chart())``, built by Altair once per distinct
    look, settings and finish in this process (most of the Altair work, ~40 ms a chart). Shared:
    callers copy before changing it. Not validated again: the chart tests validate every look."""
    key = (parts.look.__module__, parts.look.__qualname__, parts.settings,
           None if finish is None else (finish.__module__, finish.__qualname__))

    def make() -> dict:
        chart = parts.look_chart()
        return (finish(chart) if finish else chart).to_dict(validate=False)

    return _looks.get_or_make(key, make)


def top_level(parts: ChartParts) -> dict[str, Any]:
    """`parts.top` as Vega-Lite values (a title as its dict)."""
    return {k: v.to_dict(validate=False) if hasattr(v, "to_dict") else v for k, v in parts.top.items()}


def spec_of(parts: ChartParts, finish: Callable[[Any], Any] | None = None) -> dict:
    """``parts.chart().to_dict()`` (with `finish` applied to the look), from the cached look: the
    patient's figures go in as data and top-level values only."""
    spec = {**look_spec(parts, finish), **top_level(parts)}
    spec["datasets"] = {name: records(frame) for name, frame in parts.data.items()}
    return spec


def _settings(**kwargs: Any) -> tuple[tuple[str, Any], ...]:
    """Keyword arguments as a hashable, ordered key (lists become tuples)."""
    def frozen(v: Any) -> Any:
        return tuple(frozen(x) for x in v) if isinstance(v, list | tuple) else v
    return tuple(sorted((k, frozen(v)) for k, v in kwargs.items()))


def records(frame: pd.DataFrame) -> list[dict]:
    """A frame as JSON-ready rows (NaN as null, numpy numbers as Python ones)."""
    return json.loads(frame.to_json(orient="records", double_precision=10))


def _named(name: str) -> alt.Chart:
    return alt.Chart(alt.NamedData(name))


def _chance_scale(top: float = 100) -> alt.Scale:
    """A chance axis: always from 0 (never truncated), to 100 unless the chart says why not."""
    return alt.Scale(domain=[0, top], nice=False, zero=True)


def _range_text(low: float, high: float) -> str:
    """'could be 73 to 98 out of 100' in the wording module's phrasing; says so when there is no range."""
    if high <= 0:
        return "none in the studies"
    if abs(high - low) < 0.05:
        return "no range given in the studies"
    return f"could be {per_100_range(low, high)}"


def _priority_labels() -> list[str]:
    return [PRIORITY_LABELS[p] for p in PRIORITIES]


# ---------------------------------------------------------------- adapters (Result -> DataFrame)


def _options(result: Result) -> list[OptionResult]:
    by_id = {o.id: o for o in result.options}
    return [by_id[i] for i in OPTION_ORDER if i in by_id]


def _option_row(o: OptionResult) -> dict:
    return {"option": o.id, "name": o.name, "short_name": o.short_name,
            "suitable": o.suitable, "avoided": o.avoided}


def _weights(result: Result) -> dict[str, int | None]:
    """The weights the match used (the result's profile is a Profile, or a dict from JSON)."""
    prof = result.profile
    if isinstance(prof, dict):
        return {p: prof.get(p) for p in PRIORITIES}
    return prof.weights()


def success_frame(result: Result) -> pd.DataFrame:
    """One row per option: chance of good control per 100 (low, central, high) and its time frame."""
    rows = []
    for o in _options(result):
        s = o.success
        published = s.published or {}
        rows.append({
            **_option_row(o), "low": s.low, "central": s.central, "high": s.high,
            "timeframe": s.timeframe, "certainty": s.certainty, "local": s.local,
            "published_low": published.get("low"), "published_central": published.get("central"),
            "published_high": published.get("high"),
        })
    return pd.DataFrame(rows)


def harm_frame(result: Result, *, serious_only: bool | None = None) -> pd.DataFrame:
    """One row per option and harm, chances per 100.

    `serious_only=True` keeps the serious or permanent harms, `False` the ones that pass,
    `None` (default) all of them. Harms stay in the dataset's order within each option.
    """
    rows = []
    for o in _options(result):
        for r in o.risks:
            lasting = r.serious or r.permanent
            if serious_only is not None and lasting != serious_only:
                continue
            rows.append({
                **_option_row(o), "risk": r.id, "risk_name": r.name,
                "low": r.low, "central": r.central, "high": r.high,
                "serious": r.serious, "permanent": r.permanent, "serious_or_permanent": lasting,
                "lasts": r.lasts, "local": r.local,
            })
    columns = ["option", "name", "short_name", "suitable", "avoided", "risk", "risk_name", "low", "central",
               "high", "serious", "permanent", "serious_or_permanent", "lasts", "local"]
    return pd.DataFrame(rows, columns=columns)


def tradeoff_frame(result: Result) -> pd.DataFrame:
    """One row per option: good control (benefit) against serious or permanent harm, per 100.

    The harm is the sum of the serious-or-permanent harms at each end (low, central, high),
    as the engine adds them up for the 'serious or permanent harm' priority; capped at 100.
    """
    rows = []
    for o in _options(result):
        mine = [r for r in o.risks if r.serious or r.permanent]  # as harm_frame(serious_only=True)
        rows.append({
            **_option_row(o),
            "benefit_low": o.success.low, "benefit": o.success.central, "benefit_high": o.success.high,
            "harm_low": min(100.0, float(sum(r.low for r in mine))),
            "harm": min(100.0, float(sum(r.central for r in mine))),
            "harm_high": min(100.0, float(sum(r.high for r in mine))),
            "harm_count": len(mine), "timeframe": o.success.timeframe,
        })
    return pd.DataFrame(rows)


def match_frame(result: Result) -> pd.DataFrame:
    """One row per option and priority: its points of the match (they add up to `match`),
    with the option's match, match_low and match_high repeated on each row."""
    weights = _weights(result)
    rows = []
    for o in _options(result):
        if not o.suitable or o.match is None:  # no bar, no rank for an option that may not apply
            continue
        for i, p in enumerate(PRIORITIES):
            rows.append({
                **_option_row(o), "priority": p, "priority_label": PRIORITY_LABELS[p], "priority_index": i,
                "weight": weights[p], "points": (o.contributions or {}).get(p, 0.0), "score": o.scores.get(p),
                "match": o.match, "match_low": o.match_low, "match_high": o.match_high,
            })
    columns = ["option", "name", "short_name", "suitable", "avoided", "priority", "priority_label",
               "priority_index", "weight", "points", "score", "match", "match_low", "match_high"]
    return pd.DataFrame(rows, columns=columns)


def projection_frame(result: Result) -> pd.DataFrame:
    """One row per option and year: people out of 100 with the spasm under control (low, central, high)."""
    rows = []
    for o in _options(result):
        proj = result.projection.options.get(o.id)
        if proj is None:
            continue
        rows.extend({**_option_row(o), "year": p.year, "low": p.low, "central": p.central, "high": p.high}
                    for p in proj.by_year)
    columns = ["option", "name", "short_name", "suitable", "avoided", "year", "low", "central", "high"]
    return pd.DataFrame(rows, columns=columns)


REFERENCE_NAME = "No treatment for now"
REFERENCE_COLOR = "#555555"


def reference_frame(result: Result) -> pd.DataFrame:
    """The projection's "no treatment for now" line (a reference, never scored): one row per year,
    empty when the result has none."""
    proj = result.projection.options.get("no_treatment")
    rows = [{"year": p.year, "low": p.low, "central": p.central, "high": p.high, "name": REFERENCE_NAME}
            for p in (proj.by_year if proj is not None else [])]
    return pd.DataFrame(rows, columns=["year", "low", "central", "high", "name"])


def fit_frame(result: Result) -> pd.DataFrame:
    """One row per option and priority: how well the option does on it (0-1), in words, and the weight."""
    weights = _weights(result)
    rows = []
    for o in _options(result):
        for i, p in enumerate(PRIORITIES):
            score = o.scores[p]
            rows.append({
                **_option_row(o), "priority": p, "priority_label": PRIORITY_LABELS[p], "priority_index": i,
                "score": score, "score_low": o.scores_low.get(p, score),
                "score_high": o.scores_high.get(p, score), "fit_word": fit_word(score), "weight": weights[p],
            })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- icon arrays

ICON_SIZE = 250
ICON_ROW = ICON_STEP + 2
"""Rows are a little taller than columns are wide: a person is taller than wide."""


def icon_frame(value: float, *, per: int = 100, columns: int = 10) -> pd.DataFrame:
    """The people of an icon array in reading order (row by row from the top left); the first
    `round(value)` (half up) are `filled`, so the affected people form one block."""
    if per < 1 or columns < 1:
        msg = f"an icon array needs per >= 1 and columns >= 1 (got per={per}, columns={columns})"
        raise ValueError(msg)
    n = _count(value, per)
    people = range(per)
    return pd.DataFrame({
        "person": [i + 1 for i in people],
        "row": [i // columns for i in people],
        "col": [i % columns for i in people],
        "filled": [i < n for i in people],
    })


def _icon_number(value: float, per: int) -> str:
    """The count as the picture shows it: '37 out of 100 people' (`wording.per_100` for 100)."""
    if per == 100:
        return per_100(value)
    n = _count(value, per)
    return f"fewer than 1 out of {per:,} people" if value > 0 and n == 0 else f"{n:,} out of {per:,} people"


def _people(n: int) -> str:
    return "person" if n == 1 else "people"


def _too_few(value: float, per: int = 100) -> bool:
    """A chance above 0 that rounds to nobody: the picture cannot show it, so the text must."""
    return value > 0 and _count(value, per) == 0


def _icon_statements(value: float, per: int, label: str, other_label: str) -> list[str]:
    """Both ways round (IPDAS balanced framing); a chance too small to draw says so."""
    n = _count(value, per)
    first = f"{_sentence(_icon_number(value, per))} {label}."
    if _too_few(value, per):
        return [first, f"Almost all {per:,} {other_label}.",
                f"Too few to show in a picture of {per:,} people."]
    return [first, f"{per - n:,} out of {per:,} {other_label}."]


def _icon_mark(data: pd.DataFrame | alt.NamedData, *, color: str, legend_labels: Sequence[str], per: int,
               columns: int) -> alt.Chart:
    legend = _legend(title=None, symbolType=PERSON_PATH, symbolSize=220, symbolStrokeColor=NEUTRAL_STROKE,
                     symbolStrokeWidth=0.8, symbolOpacity=1)
    return alt.Chart(data).mark_point(
        filled=True, shape=PERSON_PATH, size=ICON_SIZE, stroke=NEUTRAL_STROKE, strokeWidth=0.8, opacity=1,
        aria=False,  # the chart's description says it all; 100 per-icon labels would only be noise
    ).encode(
        x=alt.X("col:O").axis(None),
        y=alt.Y("row:O").axis(None),
        color=alt.Color("group:N").scale(domain=list(legend_labels), range=[color, NEUTRAL_FILL])
        .legend(legend),
    ).properties(width=columns * ICON_STEP, height=math.ceil(per / columns) * ICON_ROW, view=NO_FRAME)


def _icon_people(value: float, *, legend_labels: Sequence[str], per: int, columns: int) -> pd.DataFrame:
    frame = icon_frame(value, per=per, columns=columns)
    frame["group"] = frame["filled"].map({True: legend_labels[0], False: legend_labels[1]})
    return frame


def _icon_view(value: float, *, color: str, legend_labels: tuple[str, str], per: int, columns: int,
               title: alt.TitleParams) -> alt.Chart:
    frame = _icon_people(value, legend_labels=legend_labels, per=per, columns=columns)
    return _icon_mark(frame, color=color, legend_labels=legend_labels, per=per, columns=columns).properties(
        title=title)


def icon_array(value: float, *, label: str, color: str, per: int = 100, columns: int = 10,
               title: str | None = None, other_label: str = "do not",
               title_chars: int | None = None) -> alt.Chart:
    """`per` people, the first round(value) filled with `color`, in one block from the top left.

    `label` is what the filled people have, as a verb phrase ('have good control of the
    spasm'); `other_label` says it for the rest ('do not'). The count is printed both ways
    round: '37 out of 100 people have good control of the spasm. 63 out of 100 do not.'
    `title_chars` wraps the title and subtitle shorter, for a narrow column.
    """
    return icon_array_parts(value, label=label, color=color, per=per, columns=columns, title=title,
                            other_label=other_label, title_chars=title_chars).chart()


def icon_array_parts(value: float, *, label: str, color: str, per: int = 100, columns: int = 10,
                     title: str | None = None, other_label: str = "do not",
                     title_chars: int | None = None) -> ChartParts:
    """`icon_array` as look and data (see `ChartParts`); the title, with the number, goes on top."""
    statements = [s for s in _icon_statements(value, per, label, other_label) if s]
    heading = title if title is not None else statements[0]
    subtitle = statements if title is not None else statements[1:]
    chars = title_chars or max(24, columns * ICON_STEP * 3 // 17)
    labels = (f"People who {label}", f"People who {other_label}")
    top = {
        "title": _title(heading, subtitle, width=chars, sub_width=title_chars),
        "description": describe_icon_array(value, label=label, per=per, other_label=other_label),
    }
    frame = _icon_people(value, legend_labels=labels, per=per, columns=columns)
    return ChartParts(_icon_look, _settings(color=color, labels=labels, per=per, columns=columns),
                      {"icons": frame}, top=top, data_key=("icons", per, columns, _count(value, per), labels))


def _icon_look(*, color: str, labels: Sequence[str], per: int, columns: int) -> alt.Chart:
    return _icon_mark(alt.NamedData("icons"), color=color, legend_labels=labels, per=per, columns=columns)


def describe_icon_array(value: float, *, label: str, per: int = 100, other_label: str = "do not") -> str:
    """Text alternative of one icon array."""
    n = _count(value, per)
    statements = " ".join(s for s in _icon_statements(value, per, label, other_label) if s)
    if n == 1:
        where = " This is the first person in the picture, at the top left."
    elif n:
        where = f" They are the first {n:,} people in the picture, from the top left."
    else:
        where = ""
    return f"A picture of {per:,} people. {statements}{where}"


def _bounds(row: dict, value_col: str) -> tuple[float, float] | None:
    """The range that goes with `value_col`: `low`/`high` for 'central', else '<col>_low'/'<col>_high'."""
    low, high = ("low", "high") if value_col == "central" else (f"{value_col}_low", f"{value_col}_high")
    if low in row and high in row and pd.notna(row[low]) and pd.notna(row[high]):
        return float(row[low]), float(row[high])
    return None


def option_icon_arrays(frame: pd.DataFrame, *, value_col: str = "central", title: str, color: str,
                       columns: int = 3, label: str = "have this outcome", other_label: str = "do not",
                       subtitle: str | Sequence[str] | None = None) -> alt.ConcatChart:
    """One 10x10 array per option in the fixed order, headed 'Botulinum toxin: 95 out of 100'.

    `frame` needs `option` and `value_col` (per 100), one row per option: `success_frame`,
    `harm_frame` filtered to one harm, or `tradeoff_frame` with `value_col="harm"`. The range
    (`low`/`high`, or `<value_col>_low`/`_high`) is printed under each heading, as text: error
    bars on icon arrays are read badly. `columns=1` stacks the arrays for a phone;
    `label`/`other_label` as for `icon_array`.
    """
    data = _ordered(frame)
    _one_row_per_option(data, "option_icon_arrays")
    labels = (f"People who {label}", f"People who {other_label}")
    views = []
    for row in rows_of(data):
        value = float(row[value_col])
        n = _count(value)
        sub = []
        if _too_few(value):
            number = "fewer than 1 out of 100"
            sub += [_sentence(per_100(value)) + ".", "Too few to show in a picture of 100 people."]
        else:
            number = f"{n} out of 100"
        if (bounds := _bounds(row, value_col)) and bounds[1] > 0:
            sub.append(_sentence(_range_text(*bounds)) + ".")
        if not row.get("suitable", True):
            sub.append("May not be suitable for you.")
        elif row.get("avoided", False):
            sub.append("You said you do not want this.")
        views.append(_icon_view(
            value, color=color, legend_labels=labels, per=100, columns=10,
            title=_title(f"{row['short_name']}: {number}", sub or None, width=34, size=14),
        ))
    across = max(1, min(columns, len(views)))
    chars = max(24, (across * (10 * ICON_STEP + 40)) * 2 // 17)
    return alt.concat(*views, columns=columns, spacing=28).properties(
        title=_title(title, subtitle, width=chars),
        description=describe_icon_arrays(frame, label, value_col=value_col),
    ).resolve_scale(color="shared")


def describe_icon_arrays(frame: pd.DataFrame, what: str, *, value_col: str = "central") -> str:
    """Text alternative of `option_icon_arrays`: one sentence per option, in the fixed order,
    with the same whole numbers the pictures show. `what` is the verb phrase they count
    ('have good control of the spasm')."""
    data = _ordered(frame)
    parts = [f"Pictures of 100 people for each option, showing how many {what}."]
    for row in rows_of(data):
        value = float(row[value_col])
        text = f"{row['short_name']}: {_icon_number(value, 100)} {what}"
        if bounds := _bounds(row, value_col):
            text += f" ({_range_text(*bounds)})"
        parts.append(text + ".")
        if not row.get("suitable", True):
            parts.append("It may not be suitable for you.")
        elif row.get("avoided", False):
            parts.append("You said you do not want it.")
    return " ".join(parts)


# ---------------------------------------------------------------- trade-off


def _harm_top(high: float) -> float:
    """Top of the harm axis: 10, 20, ... (at least 10), so small harms can be seen; never above 100."""
    return float(min(100, max(10, 10 * math.ceil(high / 10 - 1e-9))))


LABEL_PX = (6.5, 16.0)
"""Approximate width of one character and height of one line of 12 px bold label text, in pixels."""


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def _place_labels(data: pd.DataFrame, *, width: float, height: float, top: float) -> pd.DataFrame:
    """Put each option's name beside its point without overlapping another name or point.

    Tries above, below, then further away, on the side with room first; takes the first box
    inside the plot that overlaps nothing already placed. Deterministic, in the fixed order.
    """
    records = rows_of(data)
    points = [(r["benefit"] / 100 * width, height - r["harm"] / top * height) for r in records]
    dots = [(px - 8, py - 8, px + 8, py + 8) for px, py in points]
    names: list[tuple[float, float, float, float]] = []
    xs, ys, sides = [], [], []
    for i, ((px, py), row) in enumerate(zip(points, records, strict=True)):
        taken = names + dots[:i] + dots[i + 1:]
        w = LABEL_PX[0] * len(str(row["short_name"])) + 4
        first = "left" if px + 10 + w <= width else "right"
        other = "right" if first == "left" else "left"
        candidates = [(side, dy) for step in range(6) for dy in (-14 - 16 * step, 14 + 16 * step)
                      for side in (first, other)]
        chosen, fallback = None, None
        for side, dy in candidates:
            x0 = px + 6 if side == "left" else px - 6 - w
            y0 = py + dy - LABEL_PX[1] / 2
            box = (x0, y0, x0 + w, y0 + LABEL_PX[1])
            if not (box[1] >= 0 and box[3] <= height and box[0] >= -40 and box[2] <= width + 40):
                continue
            fallback = fallback or (side, dy, box)
            if not any(_overlaps(box, t) for t in taken):
                chosen = (side, dy, box)
                break
        side, dy, box = chosen or fallback or (first, -14, (px, py - 22, px + w, py - 6))
        names.append(box)
        xs.append(row["benefit"] + (6 if side == "left" else -6) / width * 100)
        ys.append(top * (height - (py + dy)) / height)
        sides.append(side)
    return data.assign(label_x=xs, label_y=ys, label_side=sides)


def tradeoff_chart(frame: pd.DataFrame, *, timeframe: str | None = None) -> alt.LayerChart:
    """Good control (x, 0-100) against serious or permanent harm (y, from 0), per 100 people.

    Each option is a point with its own shape and colour and its name beside it; thin lines
    show the low-high range both ways. `frame` is `tradeoff_frame(result)`; `timeframe`
    (e.g. the dataset's comparison time frame) goes in the subtitle.
    """
    return tradeoff_parts(frame, timeframe=timeframe).chart()


def tradeoff_parts(frame: pd.DataFrame, *, timeframe: str | None = None) -> ChartParts:
    """`tradeoff_chart` as look and data (see `ChartParts`)."""
    data = _ordered(frame)
    _one_row_per_option(data, "tradeoff_chart")
    top = _harm_top(float(data["harm_high"].max()) if len(data) else 0.0)
    data = _place_labels(data, width=CHART_WIDTH, height=TRADEOFF_HEIGHT, top=top)
    subtitle = []
    timeframes = list(dict.fromkeys(data["timeframe"])) if "timeframe" in data.columns else []
    if timeframe:
        subtitle.append(f"Time frame: {timeframe}.")
    elif len(timeframes) == 1:
        subtitle.append(f"Time frame: {timeframes[0]}.")
    elif len(timeframes) > 1:
        subtitle.append("How long people were followed is not the same for each option.")
    subtitle.append("Lines show the range in the studies.")
    if top < 100:
        subtitle.append(f"The harm scale goes up to {top:g}, not 100, so small numbers can be seen.")
    settings = _settings(ids=_ids(data), names=_names(data), top=top, subtitle=subtitle)
    return ChartParts(_tradeoff_look, settings, {"tradeoff": _only(data, TRADEOFF_COLUMNS)})


TRADEOFF_HEIGHT = 240


def _tradeoff_look(*, ids: Sequence[str], names: Sequence[str], top: float,
                   subtitle: Sequence[str]) -> alt.LayerChart:
    x_scale, y_scale = _chance_scale(), _chance_scale(top)
    x = alt.X("benefit:Q").scale(x_scale).axis(_axis(title="Good control of the spasm, out of 100 people",
                                                     values=list(range(0, 101, 20))))
    y = alt.Y("harm:Q").scale(y_scale).axis(_axis(title=["Serious or permanent harm,", "out of 100 people"],
                                                  tickMinStep=1))
    option = _legend(title="Option", symbolStrokeColor=TEXT_COLOR, symbolStrokeWidth=1, symbolSize=120)
    color, shape = _option_color(ids, names, legend=option), _option_shape(ids, names, legend=option)
    base = _named("tradeoff")
    # Range lines in dark grey, not the option colour: orange and pink lines on white fall under
    # the 3:1 contrast that marks need (WCAG 1.4.11); each range runs through its own point.
    x_range = base.mark_rule(strokeWidth=1.5, color=NEUTRAL_STROKE).encode(
        x=alt.X("benefit_low:Q").scale(x_scale), x2="benefit_high:Q", y=alt.Y("harm:Q").scale(y_scale))
    y_range = base.mark_rule(strokeWidth=1.5, color=NEUTRAL_STROKE).encode(
        x=alt.X("benefit:Q").scale(x_scale), y=alt.Y("harm_low:Q").scale(y_scale), y2="harm_high:Q")
    tooltip = [
        alt.Tooltip("short_name:N", title="Option"),
        alt.Tooltip("benefit:Q", title="Good control, out of 100", format=".0f"),
        alt.Tooltip("benefit_low:Q", title="  could be from", format=".0f"),
        alt.Tooltip("benefit_high:Q", title="  to", format=".0f"),
        alt.Tooltip("harm:Q", title="Serious or permanent harm, out of 100", format=".1f"),
        alt.Tooltip("harm_low:Q", title="  could be from", format=".1f"),
        alt.Tooltip("harm_high:Q", title="  to", format=".1f"),
    ]
    points = base.mark_point(filled=True, size=150, opacity=1, stroke=TEXT_COLOR, strokeWidth=1).encode(
        x=x, y=y, color=color, shape=shape, tooltip=tooltip)
    text = dict(fontSize=FONT, fontWeight="bold", color=TEXT_COLOR, baseline="middle")
    at = dict(x=alt.X("label_x:Q").scale(x_scale), y=alt.Y("label_y:Q").scale(y_scale), text="short_name:N")
    left, right = (
        base.transform_filter(alt.datum.label_side == side).mark_text(align=side, **text).encode(**at)
        for side in ("left", "right")
    )
    title = "Good control and serious harm, out of 100 people"
    return alt.layer(x_range, y_range, points, left, right).properties(
        width=CHART_WIDTH, height=TRADEOFF_HEIGHT, title=_title(title, list(subtitle)),
        description=f"{title}: a chart with a point for each option ({_in_words(names)}). {IN_WORDS}",
    )


IN_WORDS = "The same figures are given in words with the chart."
"""The end of every chart's short accessible name: the full text alternative (`describe_*`)
is printed with the chart and read there, so a screen reader does not read it twice."""


def describe_tradeoff(frame: pd.DataFrame) -> str:
    """Text alternative of `tradeoff_chart`: each option's good control and serious harm per 100."""
    data = _ordered(frame)
    parts = ["Good control of the spasm and serious or permanent harm, out of 100 people, for each option."]
    for row in rows_of(data):
        parts.append(
            f"{row['short_name']}: {per_100(row['benefit'])} have good control "
            f"({_range_text(row['benefit_low'], row['benefit_high'])}). "
            f"{_sentence(per_100(row['harm']))} have serious or permanent harm "
            f"({_range_text(row['harm_low'], row['harm_high'])})."
        )
    return " ".join(parts)


# ---------------------------------------------------------------- match


MATCH_TITLE = "How the options line up with what you said matters"


def _match_totals(data: pd.DataFrame) -> list[dict]:
    """One row per option: the heading printed above its bar (total and range, whole numbers)
    and a note when the option may not be suitable or the patient said no to it."""
    first: dict[str, dict] = {}
    for row in rows_of(data):
        first.setdefault(row["option"], row)
    totals = []
    for row in first.values():
        total, low, high = (_count(row[k]) for k in ("match", "match_low", "match_high"))
        spread = f" (could be {low} to {high})" if low != high else ""
        if not row.get("suitable", True):
            note = "May not be suitable for you."
        elif row.get("avoided", False):
            note = "You said you do not want this."
        else:
            note = ""
        totals.append({"option": row["option"], "short_name": row["short_name"], "match": row["match"],
                       "match_low": row["match_low"], "match_high": row["match_high"],
                       "heading": f"{row['short_name']}: {total}{spread}", "note": note})
    return totals


def _only(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """The columns a chart draws or its tooltips read (of those the frame has): less to convert
    and to send on every rerun."""
    return frame[[c for c in columns if c in frame.columns]]


TRADEOFF_COLUMNS = ("option", "short_name", "benefit", "benefit_low", "benefit_high", "harm", "harm_low",
                    "harm_high", "label_x", "label_y", "label_side")
PROJECTION_COLUMNS = ("option", "short_name", "year", "low", "central", "high")
FIT_COLUMNS = ("option", "short_name", "priority", "priority_label", "score", "fit_word")
MATCH_BAR_COLUMNS = ("option", "short_name", "priority", "priority_label", "priority_index", "weight",
                     "points", "match")
"""What the bars draw and their tooltips read (the frame's other columns stay out of the chart)."""


def match_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """One bar per option in the fixed order, made of the points each priority adds (0-100).

    A thin line under each bar spans match_low to match_high; the total and its range are
    printed above the bar. `frame` is `match_frame(result)`.
    """
    return match_parts(frame).chart()


def match_parts(frame: pd.DataFrame) -> ChartParts:
    """`match_chart` as look and data (see `ChartParts`)."""
    data = _ordered(frame)
    totals = _match_totals(data)
    noted = any(t["note"] for t in totals)
    bars = _only(data, MATCH_BAR_COLUMNS)
    return ChartParts(_match_look, _settings(names=_names(data), noted=noted),
                      {"match_bars": bars, "match_totals": pd.DataFrame(totals)})


def _match_look(*, names: Sequence[str], noted: bool) -> alt.LayerChart:
    names, labels = list(names), _priority_labels()
    bar, band = 20, (80 if noted else 64)
    x_scale = _chance_scale()
    y = alt.Y("short_name:N").sort(names).scale(domain=names, paddingInner=0, paddingOuter=0).axis(None)
    # Dark edges: the light segments would not keep 3:1 contrast with the white page on their own.
    # Priorities that add nothing are left out of the bars (a 0-wide bar still draws its edge);
    # filtered here, not in the data, so the data keeps one shape whatever the answers.
    bars = _named("match_bars").transform_filter(alt.datum.points > 0).mark_bar(
        size=bar, stroke=TEXT_COLOR, strokeWidth=0.75).encode(
        x=alt.X("points:Q").stack("zero").scale(x_scale).axis(_axis(
            title="How closely it lines up with your answers (0 to 100)", values=list(range(0, 101, 20)))),
        y=y,
        color=alt.Color("priority_label:N").sort(labels).scale(
            domain=labels, range=[PRIORITY_COLORS[p] for p in PRIORITIES]
        ).legend(_legend(title="What you said matters", symbolType="square", symbolStrokeColor=TEXT_COLOR,
                         symbolStrokeWidth=0.5)),
        order=alt.Order("priority_index:Q"),
        tooltip=[alt.Tooltip("short_name:N", title="Option"),
                 alt.Tooltip("priority_label:N", title="Priority"),
                 alt.Tooltip("weight:Q", title="How much it matters to you (0-10)"),
                 alt.Tooltip("points:Q", title="Adds", format=".1f")],
    )
    base = _named("match_totals").encode(y=y)
    offset = bar / 2 + 7
    span = base.mark_rule(strokeWidth=1.5, color=TEXT_COLOR, yOffset=offset).encode(
        x=alt.X("match_low:Q").scale(x_scale), x2="match_high:Q")
    ends = [base.mark_tick(thickness=1.5, size=9, color=TEXT_COLOR, yOffset=offset, orient="vertical").encode(
        x=alt.X(f"{end}:Q").scale(x_scale)) for end in ("match_low", "match_high")]
    text = dict(align="left", baseline="bottom", fontSize=FONT, color=TEXT_COLOR)
    headings = base.mark_text(dy=-(bar / 2 + (19 if noted else 3)), fontWeight="bold", **text).encode(
        x=alt.datum(0), text="heading:N")
    notes = base.mark_text(dy=-(bar / 2 + 3), **text).encode(x=alt.datum(0), text="note:N")
    return alt.layer(bars, span, *ends, headings, notes).properties(
        width=CHART_WIDTH, height=band * len(names),
        title=_title(MATCH_TITLE, ["Longer bar: lines up more closely with your answers. The thin line under "
                                   "each bar shows the range if the figures are at the low or high end.",
                                   NOT_A_VERDICT]),
        description=f"{MATCH_TITLE}: a bar for each option ({_in_words(names)}), on a scale from 0 to 100. "
                    f"{IN_WORDS} {NOT_A_VERDICT}",
    )


def describe_match(frame: pd.DataFrame) -> str:
    """Text alternative of `match_chart`: each total with its range and its largest part."""
    data = _ordered(frame)
    parts = [f"{MATCH_TITLE}, on a scale from 0 to 100."]
    rows = rows_of(data)
    for row in _match_totals(data):
        mine = [r for r in rows if r["option"] == row["option"] and r["points"] > 0]
        text = f"{row['heading']}. {row['note']}".rstrip()
        if mine:
            top = max(mine, key=lambda r: r["points"])  # the first of equals, as a stable sort
            text += f" The largest part comes from {top['priority_label'].lower()}."
        parts.append(text)
    parts.append(NOT_A_VERDICT)
    return " ".join(parts)


# ---------------------------------------------------------------- projection


def projection_chart(frame: pd.DataFrame, *, years: int) -> alt.LayerChart:
    """People out of 100 with the spasm under control in each year, a line per option.

    Colour, point shape and line style all mark the option; a shaded band in the option's
    colour shows the range. The y axis runs 0-100. `frame` is `projection_frame(result)`.
    """
    return projection_parts(frame, years=years).chart()


def projection_parts(frame: pd.DataFrame, *, years: int, reference: pd.DataFrame | None = None) -> ChartParts:
    """`projection_chart` as look and data (see `ChartParts`); `reference` (`reference_frame`)
    adds the grey "no treatment for now" line with its range."""
    data = _ordered(frame)
    data = data[data["year"] <= years].reset_index(drop=True)
    datasets = {"projection": _only(data, PROJECTION_COLUMNS)}
    has_reference = reference is not None and not reference.empty
    if has_reference:
        datasets["reference"] = reference[reference["year"] <= years].reset_index(drop=True)
    return ChartParts(_projection_look, _settings(ids=_ids(data), names=_names(data), years=years,
                                                  reference=has_reference), datasets)


def _reference_layers(x: alt.X, y_scale: alt.Scale) -> list[alt.Chart]:
    base = _named("reference").encode(x=x)
    band = base.mark_area(opacity=0.10, color=REFERENCE_COLOR).encode(
        y=alt.Y("low:Q").scale(y_scale), y2="high:Q")
    line = base.mark_line(strokeWidth=2, color=REFERENCE_COLOR, strokeDash=[8, 4]).encode(
        y=alt.Y("central:Q").scale(y_scale),
        tooltip=[alt.Tooltip("name:N", title="Reference"), alt.Tooltip("year:O", title="Year"),
                 alt.Tooltip("central:Q", title="Under control, out of 100", format=".0f")])
    label = base.transform_filter(alt.datum.year == 1).mark_text(
        align="left", dx=4, dy=-8, fontSize=FONT, color=TEXT_COLOR).encode(
        y=alt.Y("central:Q").scale(y_scale), text="name:N")
    return [band, line, label]


def _projection_look(*, ids: Sequence[str], names: Sequence[str], years: int,
                     reference: bool = False) -> alt.LayerChart:
    option = _legend(title="Option", symbolStrokeColor=TEXT_COLOR, symbolStrokeWidth=1, symbolSize=120)
    color, shape = _option_color(ids, names, legend=option), _option_shape(ids, names, legend=option)
    x = alt.X("year:O").scale(domain=list(range(1, years + 1))).axis(_axis(title="Year after starting",
                                                                           labelAngle=0))
    y_scale = _chance_scale()
    y = alt.Y("central:Q").scale(y_scale).axis(_axis(
        title=["People with the spasm under control,", "out of 100"], values=list(range(0, 101, 20))))
    base = _named("projection").encode(x=x)
    # Bands and lines are drawn one option at a time with fixed styles (solid, dashed, dotted), so
    # the only legend is the points' colour-and-shape one; an encoded dash would leak into it.
    one = [(oid, base.transform_filter(alt.datum.option == oid)) for oid in ids]
    bands = [b.mark_area(opacity=0.14, color=OPTION_COLORS[oid]).encode(y=alt.Y("low:Q").scale(y_scale),
                                                                        y2="high:Q") for oid, b in one]
    lines = [b.mark_line(strokeWidth=2.5, color=OPTION_COLORS[oid], strokeDash=OPTION_DASHES[oid]).encode(y=y)
             for oid, b in one]
    points = base.mark_point(filled=True, size=70, opacity=1, stroke=TEXT_COLOR, strokeWidth=0.8).encode(
        y=y, color=color, shape=shape,
        tooltip=[alt.Tooltip("short_name:N", title="Option"), alt.Tooltip("year:O", title="Year"),
                 alt.Tooltip("central:Q", title="Under control, out of 100", format=".0f"),
                 alt.Tooltip("low:Q", title="  could be from", format=".0f"),
                 alt.Tooltip("high:Q", title="  to", format=".0f")],
    )
    span = "In the next year" if years == 1 else f"In each of the next {years} years"
    each = "the next year" if years == 1 else f"each of the next {years} years"
    extra = _reference_layers(x, y_scale) if reference else []
    return alt.layer(*extra, *bands, *lines, points).properties(
        width=CHART_WIDTH, height=220,
        title=_title("Spasm under control, out of 100 people",
                     [f"{span}, for the average person in the studies; not a forecast for you.",
                      "Shaded band: the range from the studies."]),
        description=f"Out of 100 people, how many have the spasm under control in {each}: a line for "
                    f"each option ({_in_words(names)}). {IN_WORDS}",
    )


def describe_projection(frame: pd.DataFrame, years: int, reference: pd.DataFrame | None = None) -> str:
    """Text alternative of `projection_chart`: first and last year of each option, with ranges,
    and the "no treatment for now" reference line when there is one."""
    if reference is not None and not reference.empty:
        ref = reference.assign(option="no_treatment", short_name=REFERENCE_NAME)
        text = describe_projection(frame, years)
        last = rows_of(ref[ref["year"] <= years])[-1]
        return (f"{text} Reference line, {REFERENCE_NAME}: about {_count(last['central'])} out of 100 "
                f"in year {last['year']} ({_range_text(last['low'], last['high'])}).")
    records_ = [r for r in rows_of(_ordered(frame)) if r["year"] <= years]
    span = "the next year" if years == 1 else f"each of the next {years} years"
    parts = [f"Out of 100 people, how many have the spasm under control in {span}."]
    for oid in dict.fromkeys(r["option"] for r in records_):
        rows = sorted((r for r in records_ if r["option"] == oid), key=lambda r: r["year"])
        first, last = rows[0], rows[-1]
        name, rng = first["short_name"], _range_text(last["low"], last["high"])
        if len(rows) == 1 or _count(first["central"]) == _count(last["central"]):
            each = "" if years == 1 else " each year"
            text = f"{name}: about {_count(last['central'])} out of 100{each} ({rng})."
        else:
            text = (f"{name}: about {_count(first['central'])} out of 100 in year {first['year']}, and "
                    f"{_count(last['central'])} out of 100 in year {last['year']}. "
                    f"In year {last['year']}, it {rng}.")
        parts.append(text)
    return " ".join(parts)


# ---------------------------------------------------------------- fit grid

LINE_HEIGHT = 15


def _text_block(label: str, width: int, extra: str | None = None) -> str:
    return "\n".join([*textwrap.wrap(label, width), *([extra] if extra else [])])


def _header_frame(keys: list[str], texts: list[str], field: str) -> pd.DataFrame:
    lines = [t.count("\n") + 1 for t in texts]
    return pd.DataFrame({field: keys, "text": texts, "shift": [-(n * LINE_HEIGHT) - 12 for n in lines]})


def _headers(name: str, field: str, *, bold: bool) -> alt.Chart:
    """Column headers as text marks above the grid, bottom-aligned however many lines each has
    (Vega axis labels grow down into the plot when they have several lines)."""
    return _named(name).mark_text(
        baseline="top", lineBreak="\n", lineHeight=LINE_HEIGHT, fontSize=FONT, color=TEXT_COLOR,
        fontWeight="bold" if bold else "normal",
    ).encode(x=alt.X(f"{field}:N", bandPosition=0.5), y=alt.value(0),
             yOffset=alt.YOffset("shift:Q").scale(None), text="text:N")


def _row_label_frame(keys: list[str], texts: list[str], field: str, *, step: float) -> pd.DataFrame:
    lines = [t.count("\n") + 1 for t in texts]
    shift = [step / 2 - (n * LINE_HEIGHT) / 2 for n in lines]
    return pd.DataFrame({field: keys, "text": texts, "shift": shift})


def _row_labels(name: str, field: str, *, bold: bool) -> alt.Chart:
    """Row labels as right-aligned text marks left of the grid, centred on the row (the frame's
    `shift`; with an offset channel Vega-Lite anchors text at the band's start, not its centre)."""
    return _named(name).mark_text(
        baseline="top", align="right", lineBreak="\n", lineHeight=LINE_HEIGHT, fontSize=FONT,
        color=TEXT_COLOR, fontWeight="bold" if bold else "normal",
    ).encode(y=alt.Y(f"{field}:N", bandPosition=0.5), x=alt.value(-10),
             yOffset=alt.YOffset("shift:Q").scale(None), text="text:N")


FIT_COL_STEP = {"options": 82, "priorities": 76}
FIT_ROW_STEP = 76


def fit_grid(frame: pd.DataFrame, *, rows: Literal["options", "priorities"] = "options") -> alt.LayerChart:
    """Options x priorities: a dot that fills its ring as the option fits the priority, and the
    fit in words under it ('fits well'), so the grid reads without colour.

    Default: options are rows (fixed order), priorities columns (PRIORITIES order), about
    520 px wide; `rows="priorities"` turns it round for a phone (about 350 px).
    """
    return fit_parts(frame, rows=rows).chart()


def fit_parts(frame: pd.DataFrame, *, rows: Literal["options", "priorities"] = "options") -> ChartParts:
    """`fit_grid` as look and data (see `ChartParts`); how much each priority matters is data."""
    data = _ordered(frame)
    names, labels = _names(data), _priority_labels()
    weights: dict[str, float] = {}
    for label, weight in zip(data["priority_label"], data["weight"], strict=True):
        weights.setdefault(label, weight)
    matters = {k: f"matters {int(w)}/10" for k, w in weights.items() if pd.notna(w)}
    if rows == "options":
        header = _header_frame(labels, [_text_block(k, 12, matters.get(k)) for k in labels], "priority_label")
        side = _row_label_frame(names, [_text_block(n, 10) for n in names], "short_name", step=FIT_ROW_STEP)
    else:
        header = _header_frame(names, [_text_block(n, 10) for n in names], "short_name")
        side = _row_label_frame(labels, [_text_block(k, 18, matters.get(k)) for k in labels],
                                "priority_label", step=FIT_ROW_STEP)
    return ChartParts(_fit_look, _settings(names=names, rows=rows),
                      {"fit": _only(data, FIT_COLUMNS), "fit_header": header, "fit_side": side})


def _fit_look(*, names: Sequence[str], rows: Literal["options", "priorities"]) -> alt.LayerChart:
    names, labels = list(names), _priority_labels()
    # Band scales without padding: each row and column is exactly `step` pixels.
    option_scale = alt.Scale(domain=names, type="band", paddingInner=0, paddingOuter=0)
    priority_scale = alt.Scale(domain=labels, type="band", paddingInner=0, paddingOuter=0)
    col_step, row_step = FIT_COL_STEP[rows], FIT_ROW_STEP
    if rows == "options":
        x = alt.X("priority_label:N").scale(priority_scale).axis(None)
        y = alt.Y("short_name:N").scale(option_scale).axis(None)
        header = _headers("fit_header", "priority_label", bold=False)
        side = _row_labels("fit_side", "short_name", bold=True)
        width, height = col_step * len(labels), row_step * len(names)
    else:
        x = alt.X("short_name:N").scale(option_scale).axis(None)
        y = alt.Y("priority_label:N").scale(priority_scale).axis(None)
        header = _headers("fit_header", "short_name", bold=True)
        side = _row_labels("fit_side", "priority_label", bold=False)
        width, height = col_step * len(names), row_step * len(labels)
    ring_size = 520
    base = _named("fit").encode(x=x, y=y)
    tooltip = [alt.Tooltip("short_name:N", title="Option"), alt.Tooltip("priority_label:N", title="Priority"),
               alt.Tooltip("fit_word:N", title="Fit")]
    ring = base.mark_point(shape="circle", filled=False, size=ring_size, stroke=NEUTRAL_STROKE,
                           strokeWidth=1.2, opacity=1, yOffset=-8)
    dot = base.mark_point(shape="circle", filled=True, color=FIT_FILL, opacity=1, yOffset=-8).encode(
        size=alt.Size("score:Q").scale(domain=[0, 1], range=[0, ring_size], zero=True).legend(None),
        tooltip=tooltip)
    words = base.mark_text(fontSize=FONT, color=TEXT_COLOR, baseline="top", yOffset=10).encode(
        text="fit_word:N")
    title = "How each option fits what you said matters"
    return alt.layer(ring, dot, words, header, side).properties(
        width=width, height=height, view=NO_FRAME,
        title=_title(title, "A fuller dot fits better. The words say the same.",
                     width=max(TITLE_CHARS, width // 9)),
        description=f"{title}: a grid with a dot and words (fits well, fits partly, fits a little, "
                    f"does not fit) for each option ({_in_words(names)}) and each thing you said "
                    f"matters. {IN_WORDS}",
    )


FIT_WORDS = ("fits well", "fits partly", "fits a little", "does not fit")
"""The words of `wording.fit_word`, from the best fit down: the grid's text alternative groups by them."""


def describe_fit(frame: pd.DataFrame) -> str:
    """Text alternative of `fit_grid`: per option, the priorities it fits well, partly, ... in words."""
    data = _ordered(frame)
    parts = ["How each option fits what you said matters."]
    records_ = rows_of(data)
    for oid in _ids(data):
        rows = sorted((r for r in records_ if r["option"] == oid), key=lambda r: r["priority_index"])
        parts.append(f"{rows[0]['short_name']}.")
        seen = dict.fromkeys(r["fit_word"] for r in rows)
        words = list(FIT_WORDS) + [w for w in seen if w not in FIT_WORDS]
        for word in words:
            mine = [r["priority_label"].lower() for r in rows if r["fit_word"] == word]
            if mine:
                parts.append(f"{_sentence(word)}: {'; '.join(mine)}.")
    return " ".join(parts)


# ---------------------------------------------------------------- export


def to_png(chart: alt.TopLevelMixin | dict, scale: float = 2) -> bytes:
    """The chart (or its Vega-Lite dict) as PNG bytes, rendered offline by vl-convert.

    A dict is not validated again (a tenth of the time): the chart tests validate every
    builder's output. The PDF keeps the pictures it renders (`report._chart_png`).
    """
    import vl_convert as vlc  # heavy (a JS engine): only loaded when a PNG is needed

    spec = chart if isinstance(chart, dict) else chart.to_dict()
    version = "_".join(alt.SCHEMA_VERSION.split(".")[:2])
    return vlc.vegalite_to_png(spec, vl_version=version, scale=scale)
