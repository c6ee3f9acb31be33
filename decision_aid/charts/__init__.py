"""Charts for the app and the PDF: pure data adapters and small Altair builders, one module per chart.

Each chart module holds its whole chart, in two layers, one direction:

* an **adapter** (`success_frame`, `harm_frame`, `match_frame`, `projection_frame`) turns an
  engine `Result` into a tidy DataFrame. The app, the PDF and the text alternatives all read
  these, so no figure is computed twice;
* a **builder** (`icon_array`, `option_icon_arrays`, `match_chart`, `projection_chart`) takes a
  DataFrame (or plain values) and returns an Altair chart. The charts that follow the answers
  are also offered as `*_parts` (`ChartParts`): a look built from a few settings plus the data,
  so the app builds each look once (`look_spec`) and a slider move changes only data. Every
  chart's `description=` (its aria-label, via Vega-Embed) names what it shows and for which
  options (the app draws the match as HTML, `match_html`, which names each bar by its parts);
  the figures themselves are in words in the matching `describe_*` text, which the app prints
  under the chart and the PDF beside it (an icon array's description is that text itself).

Modules: `icons` (icon arrays of control and harms), `match`, `match_html` (the match chart as
the app draws it: HTML from the same frame, so a slider move shows it sooner), `projection` (with
the "no treatment for now" reference line); shared: `style` (option order, colours, shapes, sizes, type,
title/axis/legend styles), `data` (rows in option order, counts and range words, per-option
adapter fields) and `parts` (`ChartParts`, the look cache, PNG export). This module re-exports
what the app, the PDF, the tests and the bench use.

Rules every chart keeps (docs: decision-aid standards, sections 2 and 6): one denominator
(100 people) named in the title; option order fixed (medicines, botulinum toxin, MVD), never
sorted by value; chance axes start at 0 and run to 100 unless the subtitle says otherwise;
option identity shown by shape or label as well as colour (Okabe-Ito palette); no "best" or
"recommended" wording. Nothing here imports Streamlit.
"""

from __future__ import annotations

from decision_aid.charts.data import range_text
from decision_aid.charts.icons import (
    describe_icon_array,
    describe_icon_arrays,
    filled_count,
    harm_frame,
    icon_array,
    icon_array_parts,
    icon_frame,
    icon_grid_spec,
    option_arrays_words,
    option_icon_arrays,
    option_icon_arrays_spec,
    success_frame,
    too_few_words,
)
from decision_aid.charts.match import (
    MATCH_TITLE,
    describe_match,
    match_chart,
    match_frame,
    match_key,
    match_parts,
)
from decision_aid.charts.match_html import match_html
from decision_aid.charts.parts import ChartParts, look_spec, records, spec_of, to_png, top_level
from decision_aid.charts.projection import (
    REFERENCE_NAME,
    describe_projection,
    projection_chart,
    projection_frame,
    projection_parts,
    reference_frame,
)
from decision_aid.charts.style import (
    BENEFIT_COLOR,
    HARM_COLOR,
    NEUTRAL_FILL,
    NEUTRAL_STROKE,
    OPTION_COLORS,
    OPTION_ORDER,
    OPTION_SHAPES,
    PERSON_PATH,
    TEXT_COLOR,
)

__all__ = [
    "BENEFIT_COLOR",
    "HARM_COLOR",
    "MATCH_TITLE",
    "NEUTRAL_FILL",
    "NEUTRAL_STROKE",
    "OPTION_COLORS",
    "OPTION_ORDER",
    "OPTION_SHAPES",
    "PERSON_PATH",
    "REFERENCE_NAME",
    "TEXT_COLOR",
    "ChartParts",
    "describe_icon_array",
    "describe_icon_arrays",
    "describe_match",
    "describe_projection",
    "filled_count",
    "harm_frame",
    "icon_array",
    "icon_array_parts",
    "icon_frame",
    "icon_grid_spec",
    "look_spec",
    "match_chart",
    "match_frame",
    "match_html",
    "match_key",
    "match_parts",
    "option_arrays_words",
    "option_icon_arrays",
    "option_icon_arrays_spec",
    "projection_chart",
    "projection_frame",
    "projection_parts",
    "range_text",
    "records",
    "reference_frame",
    "spec_of",
    "success_frame",
    "to_png",
    "too_few_words",
    "top_level",
]
