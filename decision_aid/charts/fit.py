"""The fit grid: options against priorities, a dot and words for how well each fits."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import altair as alt
import pandas as pd

from decision_aid.charts.data import (
    _ids,
    _names,
    _only,
    _option_row,
    _options,
    _ordered,
    _sentence,
    _weights,
    rows_of,
)
from decision_aid.charts.parts import ChartParts, _settings
from decision_aid.charts.style import (
    FIT_FILL,
    FONT,
    NEUTRAL_STROKE,
    NO_FRAME,
    TEXT_COLOR,
    TITLE_CHARS,
    _named,
    _priority_labels,
    _title,
)
from decision_aid.profile import PRIORITIES
from decision_aid.words.charts import (
    FIT,
    FIT_DESCRIPTION,
    FIT_GROUP,
    FIT_SUBTITLE,
    FIT_TITLE,
    FIT_WORDS,
    IN_WORDS,
    MATTERS,
    OPTION,
    PRIORITY,
)
from decision_aid.words.common import PRIORITY_LABELS, and_list, fit_word

if TYPE_CHECKING:
    from decision_aid.engine import Result


def fit_frame(result: Result) -> pd.DataFrame:
    """One row per option and priority: how well the option does on it (0-1), in words, and the weight."""
    weights = _weights(result)
    rows = []
    for o in _options(result):
        for i, p in enumerate(PRIORITIES):
            score = o.scores[p]
            rows.append(
                {
                    **_option_row(o),
                    "priority": p,
                    "priority_label": PRIORITY_LABELS[p],
                    "priority_index": i,
                    "score": score,
                    "score_low": o.scores_low.get(p, score),
                    "score_high": o.scores_high.get(p, score),
                    "fit_word": fit_word(score),
                    "weight": weights[p],
                }
            )
    return pd.DataFrame(rows)


FIT_COLUMNS = ("option", "short_name", "priority", "priority_label", "score", "fit_word")


LINE_HEIGHT = 15


def _text_block(label: str, width: int, extra: str | None = None) -> str:
    return "\n".join([*textwrap.wrap(label, width), *([extra] if extra else [])])


def _header_frame(keys: list[str], texts: list[str], field: str) -> pd.DataFrame:
    lines = [t.count("\n") + 1 for t in texts]
    return pd.DataFrame({field: keys, "text": texts, "shift": [-(n * LINE_HEIGHT) - 12 for n in lines]})


def _label_text(name: str, *, bold: bool, **mark: str) -> alt.Chart:
    """The grid's header and row-label text: top-anchored lines, bold where `bold`."""
    return _named(name).mark_text(
        baseline="top",
        lineBreak="\n",
        lineHeight=LINE_HEIGHT,
        fontSize=FONT,
        color=TEXT_COLOR,
        fontWeight="bold" if bold else "normal",
        **mark,
    )


def _headers(name: str, field: str, *, bold: bool) -> alt.Chart:
    """Column headers as text marks above the grid, bottom-aligned however many lines each has
    (Vega axis labels grow down into the plot when they have several lines)."""
    return _label_text(name, bold=bold).encode(
        x=alt.X(f"{field}:N", bandPosition=0.5),
        y=alt.value(0),
        yOffset=alt.YOffset("shift:Q").scale(None),
        text="text:N",
    )


def _row_label_frame(keys: list[str], texts: list[str], field: str, *, step: float) -> pd.DataFrame:
    lines = [t.count("\n") + 1 for t in texts]
    shift = [step / 2 - (n * LINE_HEIGHT) / 2 for n in lines]
    return pd.DataFrame({field: keys, "text": texts, "shift": shift})


def _row_labels(name: str, field: str, *, bold: bool) -> alt.Chart:
    """Row labels as right-aligned text marks left of the grid, centred on the row (the frame's
    `shift`; with an offset channel Vega-Lite anchors text at the band's start, not its centre)."""
    return _label_text(name, bold=bold, align="right").encode(
        y=alt.Y(f"{field}:N", bandPosition=0.5),
        x=alt.value(-10),
        yOffset=alt.YOffset("shift:Q").scale(None),
        text="text:N",
    )


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
    matters = {k: MATTERS.format(weight=int(w)) for k, w in weights.items() if pd.notna(w)}
    if rows == "options":
        header = _header_frame(labels, [_text_block(k, 12, matters.get(k)) for k in labels], "priority_label")
        side = _row_label_frame(names, [_text_block(n, 10) for n in names], "short_name", step=FIT_ROW_STEP)
    else:
        header = _header_frame(names, [_text_block(n, 10) for n in names], "short_name")
        side = _row_label_frame(
            labels, [_text_block(k, 18, matters.get(k)) for k in labels], "priority_label", step=FIT_ROW_STEP
        )
    return ChartParts(
        "fit",
        _fit_look,
        _settings(names=names, rows=rows),
        {"fit": _only(data, FIT_COLUMNS), "fit_header": header, "fit_side": side},
    )


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
    tooltip = [
        alt.Tooltip("short_name:N", title=OPTION),
        alt.Tooltip("priority_label:N", title=PRIORITY),
        alt.Tooltip("fit_word:N", title=FIT),
    ]
    ring = base.mark_point(
        shape="circle",
        filled=False,
        size=ring_size,
        stroke=NEUTRAL_STROKE,
        strokeWidth=1.2,
        opacity=1,
        yOffset=-8,
    )
    dot = base.mark_point(shape="circle", filled=True, color=FIT_FILL, opacity=1, yOffset=-8).encode(
        size=alt.Size("score:Q").scale(domain=[0, 1], range=[0, ring_size], zero=True).legend(None),
        tooltip=tooltip,
    )
    words = base.mark_text(fontSize=FONT, color=TEXT_COLOR, baseline="top", yOffset=10).encode(
        text="fit_word:N"
    )
    description = FIT_DESCRIPTION.format(
        title=FIT_TITLE, fit_words=", ".join(FIT_WORDS), names=and_list(names)
    )
    return alt.layer(ring, dot, words, header, side).properties(
        width=width,
        height=height,
        view=NO_FRAME,
        title=_title(FIT_TITLE, FIT_SUBTITLE, width=max(TITLE_CHARS, width // 9)),
        description=f"{description} {IN_WORDS}",
    )


def describe_fit(frame: pd.DataFrame) -> str:
    """Text alternative of `fit_grid`: per option, the priorities it fits well, partly, ... in words."""
    data = _ordered(frame)
    parts = [f"{FIT_TITLE}."]
    records_ = rows_of(data)
    for oid in _ids(data):
        rows = sorted((r for r in records_ if r["option"] == oid), key=lambda r: r["priority_index"])
        parts.append(f"{rows[0]['short_name']}.")
        seen = dict.fromkeys(r["fit_word"] for r in rows)
        words = list(FIT_WORDS) + [w for w in seen if w not in FIT_WORDS]
        for word in words:
            mine = [r["priority_label"].lower() for r in rows if r["fit_word"] == word]
            if mine:
                parts.append(FIT_GROUP.format(fit=_sentence(word), priorities="; ".join(mine)))
    return " ".join(parts)
