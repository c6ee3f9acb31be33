"""The match chart: how each option lines up with what matters to the patient, a stacked bar each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from decision_aid.charts.data import (
    _count,
    _names,
    _only,
    _option_row,
    _options,
    _ordered,
    _weights,
    rows_of,
)
from decision_aid.charts.parts import ChartParts, _settings
from decision_aid.charts.style import (
    CHART_WIDTH,
    FONT,
    PRIORITY_COLORS,
    TEXT_COLOR,
    _axis,
    _chance_scale,
    _legend,
    _named,
    _priority_labels,
    _title,
)
from decision_aid.profile import PRIORITIES
from decision_aid.words.charts import (
    IN_WORDS,
    LARGEST_PART,
    MATCH_ADDS,
    MATCH_AXIS,
    MATCH_DESCRIPTION,
    MATCH_LEGEND,
    MATCH_RANGE,
    MATCH_SCALE,
    MATCH_SUBTITLE,
    MATCH_TITLE,
    MATCH_WEIGHT,
    MAY_NOT_SUIT,
    OPTION,
    OPTION_FIGURE,
    PRIORITY,
    SAID_NO,
)
from decision_aid.words.common import NOT_A_VERDICT, PRIORITY_LABELS, and_list

if TYPE_CHECKING:
    from decision_aid.engine import Result


def match_frame(result: Result) -> pd.DataFrame:
    """One row per option and priority: its points of the match (they add up to `match`),
    with the option's match, match_low and match_high repeated on each row."""
    weights = _weights(result)
    rows = []
    for o in _options(result):
        if not o.suitable or o.match is None:  # no bar, no rank for an option that may not apply
            continue
        for i, p in enumerate(PRIORITIES):
            rows.append(
                {
                    **_option_row(o),
                    "priority": p,
                    "priority_label": PRIORITY_LABELS[p],
                    "priority_index": i,
                    "weight": weights[p],
                    "points": (o.contributions or {}).get(p, 0.0),
                    "score": o.scores.get(p),
                    "match": o.match,
                    "match_low": o.match_low,
                    "match_high": o.match_high,
                }
            )
    columns = [
        "option",
        "name",
        "short_name",
        "suitable",
        "avoided",
        "priority",
        "priority_label",
        "priority_index",
        "weight",
        "points",
        "score",
        "match",
        "match_low",
        "match_high",
    ]
    return pd.DataFrame(rows, columns=columns)


def match_key(result: Result) -> tuple:
    """Everything `match_frame` reads from `result`, as plain values: equal keys give equal
    frames. The app keys the drawn match chart and its words on it, so a slider move back to
    answers already seen costs a lookup (about 0.05 ms) instead of the frame, the chart's
    data and its words (about 4 ms of the server's work per move)."""
    weights = _weights(result)
    return (
        tuple(weights[p] for p in PRIORITIES),
        tuple(
            (
                *_option_row(o).values(),
                o.match,
                o.match_low,
                o.match_high,
                tuple((o.contributions or {}).get(p, 0.0) for p in PRIORITIES),
                tuple(o.scores.get(p) for p in PRIORITIES),
            )
            for o in _options(result)
        ),
    )


def _match_totals(data: pd.DataFrame) -> list[dict]:
    """One row per option: the heading printed above its bar (total and range, whole numbers)
    and a note when the option may not be suitable or the patient said no to it."""
    first: dict[str, dict] = {}
    for row in rows_of(data):
        first.setdefault(row["option"], row)
    totals = []
    for row in first.values():
        total, low, high = (_count(row[k]) for k in ("match", "match_low", "match_high"))
        figure = MATCH_RANGE.format(total=total, low=low, high=high) if low != high else str(total)
        if not row.get("suitable", True):
            note = MAY_NOT_SUIT
        elif row.get("avoided", False):
            note = SAID_NO
        else:
            note = ""
        totals.append(
            {
                "option": row["option"],
                "short_name": row["short_name"],
                "match": row["match"],
                "match_low": row["match_low"],
                "match_high": row["match_high"],
                "heading": OPTION_FIGURE.format(name=row["short_name"], figure=figure),
                "note": note,
            }
        )
    return totals


MATCH_BAR_COLUMNS = (
    "option",
    "short_name",
    "priority",
    "priority_label",
    "priority_index",
    "weight",
    "points",
    "match",
)
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
    return ChartParts(
        "match",
        _match_look,
        _settings(names=_names(data), noted=noted),
        {"match_bars": bars, "match_totals": pd.DataFrame(totals)},
    )


def _match_look(*, names: Sequence[str], noted: bool) -> alt.LayerChart:
    names, labels = list(names), _priority_labels()
    bar, band = 20, (80 if noted else 64)
    x_scale = _chance_scale()
    y = alt.Y("short_name:N").sort(names).scale(domain=names, paddingInner=0, paddingOuter=0).axis(None)
    # Dark edges: the light segments would not keep 3:1 contrast with the white page on their own.
    # Priorities that add nothing are left out of the bars (a 0-wide bar still draws its edge);
    # filtered here, not in the data, so the data keeps one shape whatever the answers.
    bars = (
        _named("match_bars")
        .transform_filter(alt.datum.points > 0)
        .mark_bar(size=bar, stroke=TEXT_COLOR, strokeWidth=0.75)
        .encode(
            x=alt.X("points:Q")
            .stack("zero")
            .scale(x_scale)
            .axis(
                _axis(
                    title=MATCH_AXIS,
                    values=list(range(0, 101, 20)),
                )
            ),
            y=y,
            color=alt.Color("priority_label:N")
            .sort(labels)
            .scale(domain=labels, range=[PRIORITY_COLORS[p] for p in PRIORITIES])
            .legend(
                _legend(
                    title=MATCH_LEGEND,
                    symbolType="square",
                    symbolStrokeColor=TEXT_COLOR,
                    symbolStrokeWidth=0.5,
                )
            ),
            order=alt.Order("priority_index:Q"),
            tooltip=[
                alt.Tooltip("short_name:N", title=OPTION),
                alt.Tooltip("priority_label:N", title=PRIORITY),
                alt.Tooltip("weight:Q", title=MATCH_WEIGHT),
                alt.Tooltip("points:Q", title=MATCH_ADDS, format=".1f"),
            ],
        )
    )
    base = _named("match_totals").encode(y=y)
    offset = bar / 2 + 7
    span = base.mark_rule(strokeWidth=1.5, color=TEXT_COLOR, yOffset=offset).encode(
        x=alt.X("match_low:Q").scale(x_scale), x2="match_high:Q"
    )
    # Both ends of the range in one layer (a layer fewer for the browser to redraw at each change).
    ends = (
        base.transform_fold(["match_low", "match_high"], as_=["end", "at"])
        .mark_tick(thickness=1.5, size=9, color=TEXT_COLOR, yOffset=offset, orient="vertical")
        .encode(x=alt.X("at:Q").scale(x_scale))
    )
    text = dict(align="left", baseline="bottom", fontSize=FONT, color=TEXT_COLOR)
    headings = base.mark_text(dy=-(bar / 2 + (19 if noted else 3)), fontWeight="bold", **text).encode(
        x=alt.datum(0), text="heading:N"
    )
    layers = [bars, span, ends, headings]
    if noted:  # the note line only when an option carries one (no empty layer to redraw)
        layers.append(base.mark_text(dy=-(bar / 2 + 3), **text).encode(x=alt.datum(0), text="note:N"))
    return alt.layer(*layers).properties(
        width=CHART_WIDTH,
        height=band * len(names),
        # "Not a verdict" is said once, as text beside the chart (the app's box, the PDF's line),
        # not again in the subtitle; the description keeps it for a chart read on its own.
        title=_title(MATCH_TITLE, MATCH_SUBTITLE),
        description=" ".join(
            [MATCH_DESCRIPTION.format(title=MATCH_TITLE, names=and_list(names)), IN_WORDS, NOT_A_VERDICT]
        ),
    )


def describe_match(frame: pd.DataFrame) -> str:
    """Text alternative of `match_chart`: each total with its range and its largest part."""
    data = _ordered(frame)
    parts = [MATCH_SCALE.format(title=MATCH_TITLE)]
    rows = rows_of(data)
    for row in _match_totals(data):
        mine = [r for r in rows if r["option"] == row["option"] and r["points"] > 0]
        text = f"{row['heading']}. {row['note']}".rstrip()
        if mine:
            top = max(mine, key=lambda r: r["points"])  # the first of equals, as a stable sort
            text += " " + LARGEST_PART.format(priority=top["priority_label"].lower())
        parts.append(text)
    parts.append(NOT_A_VERDICT)
    return " ".join(parts)
