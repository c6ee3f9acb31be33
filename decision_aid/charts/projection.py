"""The projection chart: people with the spasm under control year by year, a line per option."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from decision_aid.charts.data import (
    _count,
    _ids,
    _names,
    _only,
    _option_row,
    _options,
    _ordered,
    range_text,
    rows_of,
)
from decision_aid.charts.parts import ChartParts, _settings
from decision_aid.charts.style import (
    CHART_WIDTH,
    FONT,
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
from decision_aid.words.charts import (
    ABOUT,
    ABOUT_EACH_YEAR,
    COULD_BE_FROM,
    FIRST_AND_LAST_YEAR,
    IN_WORDS,
    OPTION,
    PROJECTION_AXIS,
    PROJECTION_DESCRIPTION,
    PROJECTION_SPAN,
    PROJECTION_SUBTITLE,
    PROJECTION_TITLE,
    REFERENCE,
    REFERENCE_LINE,
    REFERENCE_NAME,
    REFERENCE_SUBTITLE,
    SHADED_BAND,
    TO,
    UNDER_CONTROL_OUT_OF_100,
    YEAR,
    YEAR_AFTER_STARTING,
    next_years,
)
from decision_aid.words.common import and_list

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


def _reference_layers(x: alt.X, y_scale: alt.Scale, years: int) -> list[alt.Chart]:
    base = _named("reference").encode(x=x)
    band = base.mark_area(opacity=0.10, color=REFERENCE_COLOR).encode(
        y=alt.Y("low:Q").scale(y_scale), y2="high:Q"
    )
    line = base.mark_line(strokeWidth=2, color=REFERENCE_COLOR, strokeDash=[8, 4]).encode(
        y=alt.Y("central:Q").scale(y_scale),
        tooltip=[
            alt.Tooltip("name:N", title=REFERENCE),
            alt.Tooltip("year:O", title=YEAR),
            alt.Tooltip("central:Q", title=UNDER_CONTROL_OUT_OF_100, format=".0f"),
        ],
    )
    # The name ends where the line ends, just above it: the line rises over the years (people get
    # better without treatment), so above its last point is above all of it. Started at year 1,
    # the rising line ran through the words, on a phone most of all. Drawn in the line's own grey
    # and slanted: in black, a reader took it for the name of the medicines' line just above.
    label = (
        base.transform_filter(alt.datum.year == years)
        .mark_text(
            align="right", baseline="bottom", dy=-6, fontSize=FONT, fontStyle="italic", color=REFERENCE_COLOR
        )
        .encode(y=alt.Y("central:Q").scale(y_scale), text="name:N")
    )
    return [band, line, label]


def _projection_look(
    *, ids: Sequence[str], names: Sequence[str], years: int, reference: bool = False
) -> alt.LayerChart:
    option = _legend(title=OPTION, symbolStrokeColor=TEXT_COLOR, symbolStrokeWidth=1, symbolSize=120)
    color, shape = _option_color(ids, names, legend=option), _option_shape(ids, names, legend=option)
    x = (
        alt.X("year:O")
        .scale(domain=list(range(1, years + 1)))
        .axis(_axis(title=YEAR_AFTER_STARTING, labelAngle=0))
    )
    y_scale = _chance_scale()
    y = (
        alt.Y("central:Q")
        .scale(y_scale)
        .axis(_axis(title=PROJECTION_AXIS.split("\n"), values=list(range(0, 101, 20))))
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
            alt.Tooltip("short_name:N", title=OPTION),
            alt.Tooltip("year:O", title=YEAR),
            alt.Tooltip("central:Q", title=UNDER_CONTROL_OUT_OF_100, format=".0f"),
            alt.Tooltip("low:Q", title="  " + COULD_BE_FROM, format=".0f"),
            alt.Tooltip("high:Q", title="  " + TO, format=".0f"),
        ],
    )
    span = next_years(years)
    extra = _reference_layers(x, y_scale, years) if reference else []
    return alt.layer(*extra, *bands, *lines, points).properties(
        width=CHART_WIDTH,
        height=220,
        title=_title(
            PROJECTION_TITLE,
            [
                PROJECTION_SUBTITLE.format(span=span),
                SHADED_BAND,
                *([REFERENCE_SUBTITLE] if reference else []),
            ],
        ),
        description=f"{PROJECTION_DESCRIPTION.format(span=span, names=and_list(names))} {IN_WORDS}",
    )


def describe_projection(frame: pd.DataFrame, years: int, reference: pd.DataFrame | None = None) -> str:
    """Text alternative of `projection_chart`: first and last year of each option, with ranges,
    and the "no treatment for now" reference line when there is one."""
    if reference is not None and not reference.empty:
        ref = reference.assign(option="no_treatment", short_name=REFERENCE_NAME)
        text = describe_projection(frame, years)
        last = rows_of(ref[ref["year"] <= years])[-1]
        line = REFERENCE_LINE.format(
            name=REFERENCE_NAME,
            n=_count(last["central"]),
            year=last["year"],
            range=range_text(last["low"], last["high"]),
        )
        return f"{text} {line}"
    records_ = [r for r in rows_of(_ordered(frame)) if r["year"] <= years]
    parts = [PROJECTION_SPAN.format(span=next_years(years))]
    for oid in dict.fromkeys(r["option"] for r in records_):
        rows = sorted((r for r in records_ if r["option"] == oid), key=lambda r: r["year"])
        first, last = rows[0], rows[-1]
        name, rng = first["short_name"], range_text(last["low"], last["high"])
        if len(rows) == 1 or _count(first["central"]) == _count(last["central"]):
            text = (ABOUT if years == 1 else ABOUT_EACH_YEAR).format(
                name=name, n=_count(last["central"]), range=rng
            )
        else:
            text = FIRST_AND_LAST_YEAR.format(
                name=name,
                first=_count(first["central"]),
                first_year=first["year"],
                last=_count(last["central"]),
                last_year=last["year"],
                range=rng,
            )
        parts.append(text)
    return " ".join(parts)
