"""Icon arrays: 100 people, the affected ones filled, for one figure or one per option."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypedDict, Unpack

import altair as alt
import pandas as pd

from decision_aid.charts.data import (
    _count,
    _one_row_per_option,
    _option_row,
    _options,
    _ordered,
    _sentence,
    range_text,
    rows_of,
)
from decision_aid.charts.parts import ChartParts, _settings, look_spec, records
from decision_aid.charts.style import (
    ICON_STEP,
    NEUTRAL_FILL,
    NEUTRAL_STROKE,
    NO_FRAME,
    PERSON_PATH,
    _legend,
    _title,
)
from decision_aid.words.charts import (
    A_PICTURE_OF,
    ALMOST_ALL_HAVE,
    COUNT_HAVE,
    DO_NOT,
    FEWER_THAN_1_OUT_OF,
    FEWER_THAN_1_OUT_OF_100,
    FIRST_PEOPLE,
    FIRST_PERSON,
    HAVE_THIS_OUTCOME,
    ICON_ARRAY_SIZE,
    IT_MAY_NOT_SUIT,
    MAY_NOT_SUIT,
    N_OUT_OF,
    NAMED_NONE_REPORTED,
    NONE_REPORTED_SHORT,
    OPTION_COUNT,
    OPTION_COUNT_RANGE,
    OPTION_FIGURE,
    OUT_OF_100,
    PEOPLE_WHO,
    PICTURES_FOR_EACH_OPTION,
    REST_HAVE,
    SAID_NO,
    SAID_NO_TO_IT,
    TOO_FEW_TO_SHOW,
)
from decision_aid.words.common import as_sentence, per_100, rare_scale

if TYPE_CHECKING:
    from decision_aid.engine import Result


def success_frame(result: Result) -> pd.DataFrame:
    """One row per option: chance of good control per 100 (low, central, high) and its time frame."""
    rows = []
    for o in _options(result):
        s = o.success
        rows.append(
            {
                **_option_row(o),
                "low": s.low,
                "central": s.central,
                "high": s.high,
                "timeframe": s.timeframe,
                "certainty": s.certainty,
                "local": s.local,
            }
        )
    return pd.DataFrame(rows)


def harm_frame(result: Result, *, serious_only: bool | None = None) -> pd.DataFrame:
    """One row per option and harm, chances per 100.

    `serious_only=True` keeps the serious or permanent harms, `False` the ones that pass,
    `None` (default) all of them. Harms stay in the dataset's order within each option.
    """
    rows = []
    for o in _options(result):
        for r in o.risks:
            lasting = r.serious_or_lasting
            if serious_only is not None and lasting != serious_only:
                continue
            rows.append(
                {
                    **_option_row(o),
                    "risk": r.id,
                    "risk_name": r.name,
                    "low": r.low,
                    "central": r.central,
                    "high": r.high,
                    "serious": r.serious,
                    "permanent": r.permanent,
                    "serious_or_permanent": lasting,
                    "lasts": r.lasts,
                    "local": r.local,
                }
            )
    columns = [
        "option",
        "name",
        "short_name",
        "suitable",
        "avoided",
        "risk",
        "risk_name",
        "low",
        "central",
        "high",
        "serious",
        "permanent",
        "serious_or_permanent",
        "lasts",
        "local",
    ]
    return pd.DataFrame(rows, columns=columns)


ICON_SIZE = 250
ICON_ROW = ICON_STEP + 2
"""Rows are a little taller than columns are wide: a person is taller than wide."""


def icon_frame(value: float, *, per: int = 100, columns: int = 10) -> pd.DataFrame:
    """The people of an icon array in reading order (row by row from the top left); the first
    `round(value)` (half up) are `filled`, so the affected people form one block."""
    if per < 1 or columns < 1:
        msg = ICON_ARRAY_SIZE.format(per=per, columns=columns)
        raise ValueError(msg)
    n = _count(value, per)
    people = range(per)
    return pd.DataFrame(
        {
            "person": [i + 1 for i in people],
            "row": [i // columns for i in people],
            "col": [i % columns for i in people],
            "filled": [i < n for i in people],
        }
    )


def _icon_number(value: float, per: int) -> str:
    """The count as the picture shows it: '37 out of 100 people' (`words.common.per_100` for 100)."""
    if per == 100:
        return per_100(value)
    n = _count(value, per)
    if value > 0 and n == 0:
        return FEWER_THAN_1_OUT_OF.format(per=f"{per:,}")
    return N_OUT_OF.format(n=f"{n:,}", per=f"{per:,}")


def _too_few(value: float, per: int = 100) -> bool:
    """A chance above 0 that rounds to nobody: the picture cannot show it, so the text must."""
    return value > 0 and _count(value, per) == 0


def too_few_words(value: float, *, label: str, per: int = 100, other_label: str = DO_NOT) -> str | None:
    """An icon array's words, where its picture could show no one (`_too_few`), else None: a page
    short of room says them without a picture of 100 people none of whom is coloured."""
    return " ".join(_icon_statements(value, per, label, other_label)) if _too_few(value, per) else None


def _icon_statements(value: float, per: int, label: str, other_label: str) -> list[str]:
    """Both ways round (IPDAS balanced framing); a chance too small to draw says so."""
    n = _count(value, per)
    first = COUNT_HAVE.format(count=_sentence(_icon_number(value, per)), label=label)
    if _too_few(value, per):
        return [
            first,
            ALMOST_ALL_HAVE.format(per=f"{per:,}", other_label=other_label),
            TOO_FEW_TO_SHOW.format(per=f"{per:,}"),
        ]
    return [first, REST_HAVE.format(rest=f"{per - n:,}", per=f"{per:,}", other_label=other_label)]


def _icon_mark(
    data: pd.DataFrame | alt.NamedData, *, color: str, legend_labels: Sequence[str], per: int, columns: int
) -> alt.Chart:
    legend = _legend(
        title="",  # not None: Streamlit turns a None title into " ", a blank line 20 px tall
        symbolType=PERSON_PATH,
        symbolSize=220,
        symbolStrokeColor=NEUTRAL_STROKE,
        symbolStrokeWidth=0.8,
        symbolOpacity=1,
        # Vega's default offset and padding left 34 px of blank above and below; 8 px sets the key
        # apart from the last row of people (4 px apart) without a blank line
        offset=8,
        padding=0,
    )
    return (
        alt.Chart(data)
        .mark_point(
            filled=True,
            shape=PERSON_PATH,
            size=ICON_SIZE,
            stroke=NEUTRAL_STROKE,
            strokeWidth=0.8,
            opacity=1,
            aria=False,  # the chart's description says it all; 100 per-icon labels would only be noise
        )
        .encode(
            x=alt.X("col:O").axis(None),
            y=alt.Y("row:O").axis(None),
            color=alt.Color("group:N")
            .scale(domain=list(legend_labels), range=[color, NEUTRAL_FILL])
            .legend(legend),
        )
        .properties(width=columns * ICON_STEP, height=math.ceil(per / columns) * ICON_ROW, view=NO_FRAME)
    )


def _icon_people(value: float, *, legend_labels: Sequence[str], per: int, columns: int) -> pd.DataFrame:
    frame = icon_frame(value, per=per, columns=columns)
    frame["group"] = frame["filled"].map({True: legend_labels[0], False: legend_labels[1]})
    return frame


class IconOptions(TypedDict, total=False):
    """`icon_array_parts`'s optional settings, so `icon_array` takes the same ones unrepeated."""

    per: int
    columns: int
    title: str | None
    other_label: str
    title_chars: int | None


def icon_array(value: float, *, label: str, color: str, **options: Unpack[IconOptions]) -> alt.Chart:
    """`per` people, the first round(value) filled with `color`, in one block from the top left.

    `label` is what the filled people have, as a verb phrase ('have good control of the
    spasm'); `other_label` says it for the rest ('do not'). The count is printed both ways
    round: '37 out of 100 people have good control of the spasm. 63 out of 100 do not.'
    `title_chars` wraps the title and subtitle shorter, for a narrow column. The settings and
    their defaults are `icon_array_parts`'s.
    """
    return icon_array_parts(value, label=label, color=color, **options).chart()


def icon_array_parts(
    value: float,
    *,
    label: str,
    color: str,
    per: int = 100,
    columns: int = 10,
    title: str | None = None,
    other_label: str = DO_NOT,
    title_chars: int | None = None,
) -> ChartParts:
    """`icon_array` as look and data (see `ChartParts`); the title, with the number, goes on top."""
    statements = [s for s in _icon_statements(value, per, label, other_label) if s]
    heading = title if title is not None else statements[0]
    subtitle = statements if title is not None else statements[1:]
    chars = title_chars or max(24, columns * ICON_STEP * 3 // 17)
    labels = (PEOPLE_WHO.format(what=label), PEOPLE_WHO.format(what=other_label))
    top = {
        "title": _title(heading, subtitle, width=chars, sub_width=title_chars),
        # the title names the option (and the harm): without it, a screen reader heard the charts of
        # a topic alike but for their numbers ("A picture of 100 people. 95 out of 100 ...")
        "description": " ".join(
            [as_sentence(title)] * bool(title)
            + [describe_icon_array(value, label=label, per=per, other_label=other_label)]
        ),
    }
    return _people_parts(value, color=color, labels=labels, per=per, columns=columns, top=top)


def _people_parts(
    value: float, *, color: str, labels: tuple[str, str], per: int, columns: int, top: dict | None = None
) -> ChartParts:
    """One icon array's look and people: the app's arrays and each of the PDF's share the cached
    look through this one name and these settings."""
    return ChartParts(
        "icons",
        _icon_look,
        _settings(color=color, labels=labels, per=per, columns=columns),
        {"icons": _icon_people(value, legend_labels=labels, per=per, columns=columns)},
        top=top or {},
        data_key=("icons", per, columns, _count(value, per), labels),
    )


def _icon_look(*, color: str, labels: Sequence[str], per: int, columns: int) -> alt.Chart:
    return _icon_mark(alt.NamedData("icons"), color=color, legend_labels=labels, per=per, columns=columns)


def describe_icon_array(value: float, *, label: str, per: int = 100, other_label: str = DO_NOT) -> str:
    """Text alternative of one icon array."""
    n = _count(value, per)
    statements = " ".join(s for s in _icon_statements(value, per, label, other_label) if s)
    if n == 1:
        where = FIRST_PERSON
    elif n:
        where = FIRST_PEOPLE.format(n=f"{n:,}")
    else:
        where = ""
    return " ".join(s for s in (A_PICTURE_OF.format(per=f"{per:,}"), statements, where) if s)


def _bounds(row: dict, value_col: str) -> tuple[float, float] | None:
    """The range that goes with `value_col`: `low`/`high` for 'central', else '<col>_low'/'<col>_high'."""
    low, high = ("low", "high") if value_col == "central" else (f"{value_col}_low", f"{value_col}_high")
    if low in row and high in row and pd.notna(row[low]) and pd.notna(row[high]):
        return float(row[low]), float(row[high])
    return None


class IconArraysOptions(TypedDict, total=False):
    """`option_icon_arrays_spec`'s optional settings, so `option_icon_arrays` takes the same ones
    unrepeated."""

    value_col: str
    columns: int
    label: str
    other_label: str
    subtitle: str | Sequence[str] | None


def option_icon_arrays(
    frame: pd.DataFrame, *, title: str, color: str, **options: Unpack[IconArraysOptions]
) -> alt.ConcatChart:
    """One 10x10 array per option in the fixed order, headed 'Botulinum toxin: 95 out of 100'.

    `frame` needs `option` and `value_col` (per 100), one row per option: `success_frame`,
    `harm_frame` filtered to one harm, or the PDF's serious harms summed per option. The range
    (`low`/`high`, or `<value_col>_low`/`_high`) is printed under each heading, as text: error
    bars on icon arrays are read badly. `columns=1` stacks the arrays for a phone;
    `label`/`other_label` as for `icon_array`. The chart of `option_icon_arrays_spec`, whose
    settings and defaults these are.
    """
    return alt.ConcatChart.from_dict(option_icon_arrays_spec(frame, title=title, color=color, **options))


def option_icon_arrays_spec(
    frame: pd.DataFrame,
    *,
    value_col: str = "central",
    title: str,
    color: str,
    columns: int = 3,
    label: str = HAVE_THIS_OUTCOME,
    other_label: str = DO_NOT,
    subtitle: str | Sequence[str] | None = None,
) -> dict:
    """`option_icon_arrays` as its Vega-Lite dict: each array is the app's cached look of one icon
    array (`look_spec`) with its own people as a named dataset, so Altair builds the look once
    per colour, not the whole chart each time (about 60 ms a chart). The PDF prints these words
    as text beside arrays drawn alone (`option_arrays_words`, `icon_grid_spec`)."""
    data = _ordered(frame)
    _one_row_per_option(data, "option_icon_arrays")
    labels = (PEOPLE_WHO.format(what=label), PEOPLE_WHO.format(what=other_label))
    views, datasets, look = [], {}, {}
    for i, row in enumerate(rows_of(data)):
        value = float(row[value_col])
        parts = _people_parts(value, color=color, labels=labels, per=100, columns=10)
        look = look_spec(parts)
        view = {k: v for k, v in look.items() if k not in ("$schema", "config", "data")}
        name = f"icons_{i}"
        datasets[name] = records(parts.data["icons"])
        head = _option_title(row, value, value_col)
        views.append({"data": {"name": name}, **view, "title": head.to_dict(validate=False)})
    across = max(1, min(columns, len(views)))
    chars = max(24, (across * (10 * ICON_STEP + 40)) * 2 // 17)
    return {
        "$schema": look.get("$schema"),
        "config": look.get("config"),
        "concat": views,
        "columns": columns,
        "spacing": 28,
        "title": _title(title, subtitle, width=chars).to_dict(validate=False),
        "description": describe_icon_arrays(frame, label, value_col=value_col),
        "resolve": {"scale": {"color": "shared"}},
        "datasets": datasets,
    }


def _option_title(row: dict, value: float, value_col: str) -> alt.TitleParams:
    heading, sub = _option_words(row, value, value_col)
    return _title(heading, sub or None, width=34, size=14)


def _option_words(row: dict, value: float, value_col: str = "central") -> tuple[str, list[str]]:
    """An option's array heading ('Botulinum toxin: 95 out of 100') and the lines under it: the
    rest of the 100 ('5 out of 100 do not'), the range and the row's `when` (its time frame, if
    it has one), too few to show, none reported (and the row's `label_warning`, where the labels
    warn of a harm the studies did not count), may not suit or said no. The app's pictures and the PDF's
    (which prints them as text beside each array) say the same."""
    sub = []
    if row.get("none_reported", False):
        number = NONE_REPORTED_SHORT
        if row.get("label_warning"):
            sub.append(row["label_warning"])
    elif _too_few(value):
        number = FEWER_THAN_1_OUT_OF_100
        # the heading already says "fewer than 1 out of 100": the lines give the scale that shows it
        sub += [_sentence(rare_scale(value)) + ".", TOO_FEW_TO_SHOW.format(per="100")]
    else:
        number = OUT_OF_100.format(n=_count(value))
        # both ways round, as the app's pictures say it under theirs
        sub.append(REST_HAVE.format(rest=100 - _count(value), per="100", other_label=DO_NOT))
    if (bounds := _bounds(row, value_col)) and bounds[1] > 0:
        sub.append(_sentence(range_text(*bounds)) + ".")
    if row.get("when"):
        sub.append(row["when"])
    if not row.get("suitable", True):
        sub.append(MAY_NOT_SUIT)
    elif row.get("avoided", False):
        sub.append(SAID_NO)
    return OPTION_FIGURE.format(name=row["short_name"], figure=number), sub


def filled_count(value: float) -> int:
    """How many of an array's 100 people `value` (per 100) fills: rounded half up, as every
    array and its words count them."""
    return _count(value)


def icon_grid_spec(value: float, *, color: str) -> dict:
    """One option's 10x10 array alone, with no words (no title, no key), as a Vega-Lite dict: the
    PDF prints the words beside it as text, at a size a reader can read, and keeps each array
    drawn per count and colour (`report.images`). The look is the app's cached one."""
    labels = (PEOPLE_WHO.format(what=HAVE_THIS_OUTCOME), PEOPLE_WHO.format(what=DO_NOT))
    parts = _people_parts(value, color=color, labels=labels, per=100, columns=10)
    look = look_spec(parts)
    encoding = {**look["encoding"], "color": {**look["encoding"]["color"], "legend": None}}
    return {**look, "encoding": encoding, "padding": 1, "datasets": {"icons": records(parts.data["icons"])}}


def describe_icon_arrays(frame: pd.DataFrame, what: str, *, value_col: str = "central") -> str:
    """Text alternative of `option_icon_arrays`: one sentence per option, in the fixed order,
    with the same whole numbers the pictures show. `what` is the verb phrase they count
    ('have good control of the spasm')."""
    data = _ordered(frame)
    parts = [PICTURES_FOR_EACH_OPTION.format(what=what)]
    parts += [_describe_option_array(row, what, value_col=value_col) for row in rows_of(data)]
    return " ".join(parts)


def option_arrays_words(frame: pd.DataFrame, *, value_col: str = "central") -> list[dict]:
    """`option_icon_arrays` as words, one dict per option in the fixed order: its `heading`, the
    `lines` under it and the `value` its array shows. The PDF prints these beside arrays drawn
    without words (`icon_grid_spec`)."""
    data = _ordered(frame)
    _one_row_per_option(data, "option_icon_arrays")
    panels = []
    for row in rows_of(data):
        value = float(row[value_col])
        heading, lines = _option_words(row, value, value_col)
        panels.append({"option": row["option"], "heading": heading, "lines": lines, "value": value})
    return panels


def _describe_option_array(row: dict, what: str, *, value_col: str = "central") -> str:
    """One option's sentences in `describe_icon_arrays`."""
    name, count = row["short_name"], _icon_number(float(row[value_col]), 100)
    if row.get("none_reported", False):
        warning = row.get("label_warning")
        parts = [NAMED_NONE_REPORTED.format(name=name), *([warning] if warning else [])]
    elif bounds := _bounds(row, value_col):
        parts = [OPTION_COUNT_RANGE.format(name=name, count=count, what=what, range=range_text(*bounds))]
    else:
        parts = [OPTION_COUNT.format(name=name, count=count, what=what)]
    if not row.get("suitable", True):
        parts.append(IT_MAY_NOT_SUIT)
    elif row.get("avoided", False):
        parts.append(SAID_NO_TO_IT)
    return " ".join(parts)
