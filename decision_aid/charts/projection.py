"""The projection chart: people with the spasm under control year by year, a line per option."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from decision_aid.charts.data import (
    _count,
    _ids,
    _in_words,
    _names,
    _only,
    _option_row,
    _options,
    _ordered,
    _range_text,
    rows_of,
)
from decision_aid.charts.parts import ChartParts, _settings
from decision_aid.charts.style import (
    CHART_WIDTH,
    FONT,
    IN_WORDS,
    OPTION_COLORS,
    OPTION_DASHES,
    TEXT_COLOR,
    _axis,
    _chance_scale,
    _legend,
    _named,
    _option_color,
    _option_shape,
    _title,
)

if TYPE_CHECKING:
    from decision_aid.engine import Result


def projection_frame(result: Result) -> pd.DataFrame:
    """One row per option and year: people out of 100 with the spasm under control (low, central, high)."""
    rows = []
    for o in _options(result):
        proj = result.projection.options.get(o.id)
        if proj is None:
            continue
        rows.extend(
            {**_option_row(o), "year": p.year, "low": p.low, "central": p.central, "high": p.high}
            for p in proj.by_year
        )
    columns = ["option", "name", "short_name", "suitable", "avoided", "year", "low", "central", "high"]
    return pd.DataFrame(rows, columns=columns)


REFERENCE_NAME = "No treatment for now"
REFERENCE_COLOR = "#555555"


def reference_frame(result: Result) -> pd.DataFrame:
    """The projection's "no treatment for now" line (a reference, never scored): one row per year,
    empty when the result has none."""
    proj = result.projection.options.get("no_treatment")
    rows = [
        {"year": p.year, "low": p.low, "central": p.central, "high": p.high, "name": REFERENCE_NAME}
        for p in (proj.by_year if proj is not None else [])
    ]
    return pd.DataFrame(rows, columns=["year", "low", "central", "high", "name"])


PROJECTION_COLUMNS = ("option", "short_name", "year", "low", "central", "high")


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
    return ChartParts(
        "projection",
        _projection_look,
        _settings(ids=_ids(data), names=_names(data), years=years, reference=has_reference),
        datasets,
    )


def _reference_layers(x: alt.X, y_scale: alt.Scale) -> list[alt.Chart]:
    base = _named("reference").encode(x=x)
    band = base.mark_area(opacity=0.10, color=REFERENCE_COLOR).encode(
        y=alt.Y("low:Q").scale(y_scale), y2="high:Q"
    )
    line = base.mark_line(strokeWidth=2, color=REFERENCE_COLOR, strokeDash=[8, 4]).encode(
        y=alt.Y("central:Q").scale(y_scale),
        tooltip=[
            alt.Tooltip("name:N", title="Reference"),
            alt.Tooltip("year:O", title="Year"),
            alt.Tooltip("central:Q", title="Under control, out of 100", format=".0f"),
        ],
    )
    label = (
        base.transform_filter(alt.datum.year == 1)
        .mark_text(align="left", dx=4, dy=-8, fontSize=FONT, color=TEXT_COLOR)
        .encode(y=alt.Y("central:Q").scale(y_scale), text="name:N")
    )
    return [band, line, label]


def _projection_look(
    *, ids: Sequence[str], names: Sequence[str], years: int, reference: bool = False
) -> alt.LayerChart:
    option = _legend(title="Option", symbolStrokeColor=TEXT_COLOR, symbolStrokeWidth=1, symbolSize=120)
    color, shape = _option_color(ids, names, legend=option), _option_shape(ids, names, legend=option)
    x = (
        alt.X("year:O")
        .scale(domain=list(range(1, years + 1)))
        .axis(_axis(title="Year after starting", labelAngle=0))
    )
    y_scale = _chance_scale()
    y = (
        alt.Y("central:Q")
        .scale(y_scale)
        .axis(
            _axis(
                title=["People with the spasm under control,", "out of 100"], values=list(range(0, 101, 20))
            )
        )
    )
    base = _named("projection").encode(x=x)
    # Bands and lines are drawn one option at a time with fixed styles (solid, dashed, dotted), so
    # the only legend is the points' colour-and-shape one; an encoded dash would leak into it.
    one = [(oid, base.transform_filter(alt.datum.option == oid)) for oid in ids]
    bands = [
        b.mark_area(opacity=0.14, color=OPTION_COLORS[oid]).encode(
            y=alt.Y("low:Q").scale(y_scale), y2="high:Q"
        )
        for oid, b in one
    ]
    lines = [
        b.mark_line(strokeWidth=2.5, color=OPTION_COLORS[oid], strokeDash=OPTION_DASHES[oid]).encode(y=y)
        for oid, b in one
    ]
    points = base.mark_point(filled=True, size=70, opacity=1, stroke=TEXT_COLOR, strokeWidth=0.8).encode(
        y=y,
        color=color,
        shape=shape,
        tooltip=[
            alt.Tooltip("short_name:N", title="Option"),
            alt.Tooltip("year:O", title="Year"),
            alt.Tooltip("central:Q", title="Under control, out of 100", format=".0f"),
            alt.Tooltip("low:Q", title="  could be from", format=".0f"),
            alt.Tooltip("high:Q", title="  to", format=".0f"),
        ],
    )
    span = "In the next year" if years == 1 else f"In each of the next {years} years"
    each = "the next year" if years == 1 else f"each of the next {years} years"
    extra = _reference_layers(x, y_scale) if reference else []
    return alt.layer(*extra, *bands, *lines, points).properties(
        width=CHART_WIDTH,
        height=220,
        title=_title(
            "Spasm under control, out of 100 people",
            [
                f"{span}, for the average person in the studies; not a forecast for you.",
                "Shaded band: the range from the studies.",
            ],
        ),
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
        return (
            f"{text} Reference line, {REFERENCE_NAME}: about {_count(last['central'])} out of 100 "
            f"in year {last['year']} ({_range_text(last['low'], last['high'])})."
        )
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
            text = (
                f"{name}: about {_count(first['central'])} out of 100 in year {first['year']}, and "
                f"{_count(last['central'])} out of 100 in year {last['year']}. "
                f"In year {last['year']}, it {rng}."
            )
        parts.append(text)
    return " ".join(parts)
