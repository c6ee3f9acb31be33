"""Every chart builder checked the way Altair checks its gallery: valid specs, text alternatives,
fixed option order, honest axes and titles, no verdict words; and every chart from the shipped data."""

from __future__ import annotations

import json
import re

from decision_aid import charts
from decision_aid.charts import OPTION_ORDER
from decision_aid.profile import PRIORITIES
from tests.charts.common import (
    FIXED_NAMES,
    encodings,
    first_seen,
    match_like,
    projection_like,
    rows_of,
    success_like,
    texts,
)


def test_spec_validates_and_round_trips_through_json(built):
    name, chart, spec = built
    assert isinstance(spec, dict), name
    assert json.loads(chart.to_json()) == spec
    again = type(chart).from_dict(spec)  # validates against the Vega-Lite schema
    assert again.to_dict() == spec, f"{name} does not round-trip"


def test_every_chart_has_a_text_alternative(built):
    """The spec's description is the chart's accessible name: what it shows, for which options."""
    name, _, spec = built
    description = spec.get("description", "")
    assert isinstance(description, str) and len(description) > 40, f"{name} has no useful description"
    assert "out of 100" in description.lower() or "0 to 100" in description, description


def test_no_verdict_words_anywhere(built):
    name, _, spec = built
    shown = [v for row in rows_of(spec) for v in row.values() if isinstance(v, str)]  # text marks, legends
    words = " ".join(texts(spec) + shown).lower()
    for banned in ("best", "recommend", "score", "winner", "top choice"):
        assert not re.search(rf"\b{banned}", words), f"{name} says {banned!r}"


def test_options_appear_in_fixed_order_never_sorted(built):
    name, _, spec = built
    rows = [r for r in rows_of(spec) if "option" in r]
    if rows:
        assert first_seen(r["option"] for r in rows) == list(OPTION_ORDER), name
    fixed = set()
    for channel, enc in encodings(spec):
        if channel in ("text", "tooltip") or not isinstance(enc, dict) or enc.get("field") != "short_name":
            continue
        sort, domain = enc.get("sort"), (enc.get("scale") or {}).get("domain")
        assert sort in (None, FIXED_NAMES), f"{name}.{channel} sort {sort}"
        assert domain in (None, FIXED_NAMES), f"{name}.{channel} domain {domain}"
        if sort is not None or domain is not None:
            fixed.add(channel)
    encoded = {c for c, e in encodings(spec) if isinstance(e, dict) and e.get("field") == "short_name"}
    loose = encoded - {"text", "tooltip"} - fixed
    assert not loose, f"{name} leaves the order of {loose} to Vega-Lite"


def test_chance_axes_run_from_0_to_100(built):
    name, _, spec = built
    chance_fields = {"benefit", "benefit_low", "central", "low", "points", "match_low", "match_high"}
    seen = False
    for channel, enc in encodings(spec):
        if channel not in ("x", "y") or not isinstance(enc, dict) or enc.get("type") != "quantitative":
            continue
        domain = (enc.get("scale") or {}).get("domain")
        assert domain is not None and domain[0] == 0, f"{name}.{channel} ({enc.get('field')}) is truncated"
        if enc.get("field") in chance_fields:
            assert domain == [0, 100], f"{name}.{channel} ({enc['field']}) domain {domain}"
            seen = True
    if name in ("match_chart", "projection_chart"):
        assert seen, f"{name} has no 0-100 chance axis"


def test_titles_name_the_denominator(built):
    name, _, spec = built
    if name == "match_chart":
        return  # not chances: it shows fit with priorities
    title = " ".join(texts({"title": spec.get("title")}))
    assert "out of 100" in title or "out of 1,000" in title, f"{name} title: {title!r}"


def test_descriptions_keep_sentences_short_and_options_in_order():
    for text in (
        charts.describe_icon_arrays(success_like(), "have good control"),
        charts.describe_match(match_like()),
        charts.describe_projection(projection_like(), 5),
    ):
        positions = [text.index(n) for n in FIXED_NAMES]
        assert positions == sorted(positions), text
        longest = max(len(s.split()) for s in re.split(r"(?<=[.;])\s+", text))
        assert longest <= 26, text


def test_adapters_give_one_row_per_option_in_fixed_order(result):
    assert charts.success_frame(result)["option"].tolist() == list(OPTION_ORDER)
    match = charts.match_frame(result)
    assert len(match) == 3 * len(PRIORITIES)
    assert first_seen(match["option"]) == list(OPTION_ORDER)
    assert match[match["option"] == "mvd"]["priority"].tolist() == list(PRIORITIES)
    projection = charts.projection_frame(result)
    assert len(projection) == 3 * result.projection.years


def test_every_chart_builds_from_the_shipped_dataset(result):
    success = charts.success_frame(result)
    built = [
        charts.option_icon_arrays(
            success,
            title="Good control of the spasm, out of 100 people",
            color=charts.BENEFIT_COLOR,
            label="have good control of the spasm",
        ),
        charts.match_chart(charts.match_frame(result)),
        charts.projection_chart(charts.projection_frame(result), years=result.projection.years),
    ]
    for chart in [
        *built,
        charts.icon_array(
            result.option("mvd").success.central,
            label="have good control",
            color=charts.BENEFIT_COLOR,
            title="MVD surgery",
        ),
    ]:
        assert chart.to_dict()["description"]
    for chart in built:
        spec = chart.to_dict()
        assert spec["description"]
        for o in result.options:
            assert o.short_name in spec["description"]
