"""The trade-off chart: good control against serious or permanent harm, a point per option."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from decision_aid.charts.data import (
    _ids,
    _names,
    _one_row_per_option,
    _only,
    _option_row,
    _options,
    _ordered,
    _range_text,
    _sentence,
    rows_of,
)
from decision_aid.charts.parts import ChartParts, _settings
from decision_aid.charts.style import (
    CHART_WIDTH,
    FONT,
    NEUTRAL_STROKE,
    TEXT_COLOR,
    _axis,
    _chance_scale,
    _legend,
    _named,
    _option_color,
    _option_shape,
    _title,
)
from decision_aid.words.charts import (
    CONTROL_AXIS,
    CONTROL_TOOLTIP,
    COULD_BE_FROM,
    HARM_AXIS,
    HARM_SCALE,
    HARM_TOOLTIP,
    IN_WORDS,
    OPTION,
    RANGE_LINES,
    TIME_FRAME,
    TIME_FRAMES_DIFFER,
    TO,
    TRADEOFF_DESCRIPTION,
    TRADEOFF_INTRO,
    TRADEOFF_OPTION,
    TRADEOFF_TITLE,
)
from decision_aid.words.common import and_list, per_100

if TYPE_CHECKING:
    from decision_aid.engine import Result


def tradeoff_frame(result: Result) -> pd.DataFrame:
    """One row per option: good control (benefit) against serious or permanent harm, per 100.

    The harm is the sum of the serious-or-permanent harms at each end (low, central, high),
    as the engine adds them up for the 'serious or permanent harm' priority; capped at 100.
    """
    rows = []
    for o in _options(result):
        mine = [r for r in o.risks if r.serious or r.permanent]  # as harm_frame(serious_only=True)
        rows.append(
            {
                **_option_row(o),
                "benefit_low": o.success.low,
                "benefit": o.success.central,
                "benefit_high": o.success.high,
                "harm_low": min(100.0, float(sum(r.low for r in mine))),
                "harm": min(100.0, float(sum(r.central for r in mine))),
                "harm_high": min(100.0, float(sum(r.high for r in mine))),
                "harm_count": len(mine),
                "timeframe": o.success.timeframe,
            }
        )
    return pd.DataFrame(rows)


TRADEOFF_COLUMNS = (
    "option",
    "short_name",
    "benefit",
    "benefit_low",
    "benefit_high",
    "harm",
    "harm_low",
    "harm_high",
    "label_x",
    "label_y",
    "label_side",
)


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
        taken = names + dots[:i] + dots[i + 1 :]
        w = LABEL_PX[0] * len(str(row["short_name"])) + 4
        first = "left" if px + 10 + w <= width else "right"
        other = "right" if first == "left" else "left"
        candidates = [
            (side, dy)
            for step in range(6)
            for dy in (-14 - 16 * step, 14 + 16 * step)
            for side in (first, other)
        ]
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
        subtitle.append(TIME_FRAME.format(timeframe=timeframe))
    elif len(timeframes) == 1:
        subtitle.append(TIME_FRAME.format(timeframe=timeframes[0]))
    elif len(timeframes) > 1:
        subtitle.append(TIME_FRAMES_DIFFER)
    subtitle.append(RANGE_LINES)
    if top < 100:
        subtitle.append(HARM_SCALE.format(top=f"{top:g}"))
    settings = _settings(ids=_ids(data), names=_names(data), top=top, subtitle=subtitle)
    return ChartParts("tradeoff", _tradeoff_look, settings, {"tradeoff": _only(data, TRADEOFF_COLUMNS)})


TRADEOFF_HEIGHT = 240


def _tradeoff_look(
    *, ids: Sequence[str], names: Sequence[str], top: float, subtitle: Sequence[str]
) -> alt.LayerChart:
    x_scale, y_scale = _chance_scale(), _chance_scale(top)
    x = alt.X("benefit:Q").scale(x_scale).axis(_axis(title=CONTROL_AXIS, values=list(range(0, 101, 20))))
    y = alt.Y("harm:Q").scale(y_scale).axis(_axis(title=HARM_AXIS.split("\n"), tickMinStep=1))
    option = _legend(title=OPTION, symbolStrokeColor=TEXT_COLOR, symbolStrokeWidth=1, symbolSize=120)
    color, shape = _option_color(ids, names, legend=option), _option_shape(ids, names, legend=option)
    base = _named("tradeoff")
    # Range lines in dark grey, not the option colour: orange and pink lines on white fall under
    # the 3:1 contrast that marks need (WCAG 1.4.11); each range runs through its own point.
    x_range = base.mark_rule(strokeWidth=1.5, color=NEUTRAL_STROKE).encode(
        x=alt.X("benefit_low:Q").scale(x_scale), x2="benefit_high:Q", y=alt.Y("harm:Q").scale(y_scale)
    )
    y_range = base.mark_rule(strokeWidth=1.5, color=NEUTRAL_STROKE).encode(
        x=alt.X("benefit:Q").scale(x_scale), y=alt.Y("harm_low:Q").scale(y_scale), y2="harm_high:Q"
    )
    tooltip = [
        alt.Tooltip("short_name:N", title=OPTION),
        alt.Tooltip("benefit:Q", title=CONTROL_TOOLTIP, format=".0f"),
        alt.Tooltip("benefit_low:Q", title="  " + COULD_BE_FROM, format=".0f"),
        alt.Tooltip("benefit_high:Q", title="  " + TO, format=".0f"),
        alt.Tooltip("harm:Q", title=HARM_TOOLTIP, format=".1f"),
        alt.Tooltip("harm_low:Q", title="  " + COULD_BE_FROM, format=".1f"),
        alt.Tooltip("harm_high:Q", title="  " + TO, format=".1f"),
    ]
    points = base.mark_point(filled=True, size=150, opacity=1, stroke=TEXT_COLOR, strokeWidth=1).encode(
        x=x, y=y, color=color, shape=shape, tooltip=tooltip
    )
    text = dict(fontSize=FONT, fontWeight="bold", color=TEXT_COLOR, baseline="middle")
    at = dict(x=alt.X("label_x:Q").scale(x_scale), y=alt.Y("label_y:Q").scale(y_scale), text="short_name:N")
    left, right = (
        base.transform_filter(alt.datum.label_side == side).mark_text(align=side, **text).encode(**at)
        for side in ("left", "right")
    )
    description = TRADEOFF_DESCRIPTION.format(title=TRADEOFF_TITLE, names=and_list(names))
    return alt.layer(x_range, y_range, points, left, right).properties(
        width=CHART_WIDTH,
        height=TRADEOFF_HEIGHT,
        title=_title(TRADEOFF_TITLE, list(subtitle)),
        description=f"{description} {IN_WORDS}",
    )


def describe_tradeoff(frame: pd.DataFrame) -> str:
    """Text alternative of `tradeoff_chart`: each option's good control and serious harm per 100."""
    data = _ordered(frame)
    parts = [TRADEOFF_INTRO]
    for row in rows_of(data):
        parts.append(
            TRADEOFF_OPTION.format(
                name=row["short_name"],
                control=per_100(row["benefit"]),
                control_range=_range_text(row["benefit_low"], row["benefit_high"]),
                harm=_sentence(per_100(row["harm"])),
                harm_range=_range_text(row["harm_low"], row["harm_high"]),
            )
        )
    return " ".join(parts)
