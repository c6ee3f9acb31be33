"""Charts: every builder checked the way Altair checks its gallery, plus what the chart *shows*.

Builders get synthetic frames whose values would reorder the options if anything sorted by
value (MVD first and largest, medicines last and smallest), so a fixed order is really tested.
The real-data tests build every chart from `evaluate(load_evidence(), Profile())`. One test
renders a PNG with vl-convert (~1 s for the engine's first start); the rest only build specs.
"""

from __future__ import annotations

import functools
import io
import json
import re
from collections.abc import Callable, Iterator
from importlib.util import find_spec

import altair as alt
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from decision_aid import charts
from decision_aid.charts import OPTION_ORDER
from decision_aid.profile import PRIORITIES
from decision_aid.wording import PRIORITY_LABELS, fit_word, per_100

NAMES = {"medication": "Medicines", "botulinum": "Botulinum toxin", "mvd": "MVD surgery"}
FIXED_NAMES = [NAMES[o] for o in OPTION_ORDER]
REVERSED = list(reversed(OPTION_ORDER))  # the order the synthetic frames arrive in

skip_requires_vl_convert = pytest.mark.skipif(
    find_spec("vl_convert") is None, reason="vl-convert-python is needed to render PNGs"
)
"""PNG export needs vl-convert (a runtime dependency, so this should never skip in CI)."""


# ------------------------------------------------------------------ synthetic frames
# Values rise in reverse option order: sorted by value, the order would be medication last.

VALUES = {"mvd": 92.0, "botulinum": 61.0, "medication": 12.6}


def success_like() -> pd.DataFrame:
    return pd.DataFrame([
        {"option": o, "short_name": NAMES[o], "low": VALUES[o] - 10, "central": VALUES[o],
         "high": VALUES[o] + 5}
        for o in REVERSED
    ])


def tradeoff_like() -> pd.DataFrame:
    return pd.DataFrame([
        {"option": o, "short_name": NAMES[o], "benefit_low": VALUES[o] - 10, "benefit": VALUES[o],
         "benefit_high": VALUES[o] + 5, "harm_low": h / 2, "harm": h, "harm_high": h * 2,
         "timeframe": "at 1 year"}
        for o, h in zip(REVERSED, (4.0, 1.0, 0.2), strict=True)
    ])


def match_like() -> pd.DataFrame:
    rows = []
    for o in REVERSED:
        total = VALUES[o] * 0.8
        for i, p in enumerate(PRIORITIES):
            rows.append({
                "option": o, "short_name": NAMES[o], "priority": p, "priority_label": PRIORITY_LABELS[p],
                "priority_index": i, "weight": 5, "points": total / len(PRIORITIES), "match": total,
                "match_low": total - 8, "match_high": total + 4, "suitable": True,
                "avoided": o == "medication",
            })
    return pd.DataFrame(rows)


def projection_like(years: int = 5) -> pd.DataFrame:
    return pd.DataFrame([
        {"option": o, "short_name": NAMES[o], "year": y, "low": VALUES[o] - 10 - y, "central": VALUES[o] - y,
         "high": min(100.0, VALUES[o] + 3)}
        for o in REVERSED for y in range(1, years + 1)
    ])


def fit_like() -> pd.DataFrame:
    scores = {"mvd": 0.9, "botulinum": 0.6, "medication": 0.1}
    return pd.DataFrame([
        {"option": o, "short_name": NAMES[o], "priority": p, "priority_label": PRIORITY_LABELS[p],
         "priority_index": i, "score": scores[o], "fit_word": fit_word(scores[o]), "weight": 7}
        for o in REVERSED for i, p in enumerate(PRIORITIES)
    ])


BUILDERS: dict[str, Callable[[], alt.TopLevelMixin]] = {
    "icon_array": lambda: charts.icon_array(37.4, label="have good control of the spasm",
                                            color=charts.BENEFIT_COLOR),
    "icon_array_rare": lambda: charts.icon_array(0.3, label="have a stroke", color=charts.HARM_COLOR,
                                                 title="Stroke after surgery"),
    "option_icon_arrays": lambda: charts.option_icon_arrays(
        success_like(), title="Good control of the spasm, out of 100 people", color=charts.BENEFIT_COLOR,
        label="have good control of the spasm"),
    "option_icon_arrays_phone": lambda: charts.option_icon_arrays(
        tradeoff_like(), value_col="harm", title="Serious or permanent harm, out of 100 people",
        color=charts.HARM_COLOR, columns=1, label="have serious or permanent harm"),
    "tradeoff_chart": lambda: charts.tradeoff_chart(tradeoff_like()),
    "match_chart": lambda: charts.match_chart(match_like()),
    "projection_chart": lambda: charts.projection_chart(projection_like(), years=5),
    "fit_grid": lambda: charts.fit_grid(fit_like()),
    "fit_grid_phone": lambda: charts.fit_grid(fit_like(), rows="priorities"),
}


@functools.cache
def build(name: str) -> tuple[alt.TopLevelMixin, dict]:
    """Each builder runs once per session; building and validating a spec is the slow part."""
    chart = BUILDERS[name]()
    return chart, chart.to_dict()


@pytest.fixture(params=sorted(BUILDERS), ids=sorted(BUILDERS))
def built(request) -> tuple[str, alt.TopLevelMixin, dict]:
    return (request.param, *build(request.param))


# ------------------------------------------------------------------ spec helpers


def walk(node, path: str = "") -> Iterator[tuple[str, object]]:
    """Every (path, value) in a Vega-Lite spec, depth first."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}[{i}]")


def texts(spec: dict) -> list[str]:
    """Every title, subtitle and description string in the spec."""
    out = []
    for path, value in walk(spec):
        if re.search(r"\.(title|subtitle|text|description)(\[\d+\])?$", path) and isinstance(value, str):
            out.append(value)
    return out


def encodings(spec: dict) -> Iterator[tuple[str, dict]]:
    """(channel, definition) of every encoding in every unit of the spec."""
    for _, value in walk(spec):
        if isinstance(value, dict) and isinstance(value.get("encoding"), dict):
            yield from value["encoding"].items()


def rows_of(spec: dict) -> list[dict]:
    return [row for data in spec.get("datasets", {}).values() for row in data]


def first_seen(values) -> list:
    return list(dict.fromkeys(values))


# ------------------------------------------------------------------ every builder


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
    if name.startswith("fit_grid"):
        assert "fits" in description, description  # fit with priorities, in words; not a chance
    else:
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
    if name in ("tradeoff_chart", "match_chart", "projection_chart"):
        assert seen, f"{name} has no 0-100 chance axis"


def test_titles_name_the_denominator(built):
    name, _, spec = built
    if name.startswith("fit_grid") or name == "match_chart":
        return  # not chances: these show fit with priorities
    title = " ".join(texts({"title": spec.get("title")}))
    assert "out of 100" in title or "out of 1,000" in title, f"{name} title: {title!r}"


# ------------------------------------------------------------------ icon arrays


def reading_order(spec: dict) -> list[dict]:
    return sorted(rows_of(spec), key=lambda r: (r["row"], r["col"]))


def test_icon_array_fills_the_first_37_of_100_in_reading_order():
    spec = charts.icon_array(37.4, label="have good control", color=charts.BENEFIT_COLOR).to_dict()
    people = reading_order(spec)
    assert len(people) == 100
    assert [p["filled"] for p in people] == [True] * 37 + [False] * 63
    assert {p["row"] for p in people} == set(range(10)) and {p["col"] for p in people} == set(range(10))
    title = " ".join(texts({"title": spec["title"]}))
    assert "37 out of 100 people have good control" in title and "63 out of 100 do not" in title


@given(st.floats(0, 100, allow_nan=False), st.sampled_from([1, 5, 10, 20]))
def test_icon_array_is_one_block_from_the_top_left_and_its_number_matches(value, columns):
    chart = charts.icon_array(value, label="have it", color=charts.HARM_COLOR, columns=columns)
    spec = chart.to_dict(validate=False)  # schema validation is covered above; keep the examples fast
    filled = [p["filled"] for p in reading_order(spec)]
    n = sum(filled)
    assert filled == [True] * n + [False] * (100 - n), "affected people must form one block"
    assert n == int(value + 0.5)
    assert per_100(value) in " ".join(texts(spec)).lower()
    assert max(p["col"] for p in reading_order(spec)) == columns - 1


def test_icon_array_too_small_to_draw_says_so():
    spec = charts.icon_array(0.3, label="have a stroke", color=charts.HARM_COLOR).to_dict()
    assert not any(p["filled"] for p in rows_of(spec))
    words = " ".join(texts(spec))
    assert "fewer than 1 out of 100" in words.lower() and "Too few to show" in words


def test_icon_array_unaffected_people_are_pale_with_a_dark_outline():
    spec = charts.icon_array(50, label="have it", color=charts.BENEFIT_COLOR).to_dict()
    assert spec["mark"]["stroke"] == charts.NEUTRAL_STROKE and spec["mark"]["shape"] == charts.PERSON_PATH
    assert spec["encoding"]["color"]["scale"]["range"] == [charts.BENEFIT_COLOR, charts.NEUTRAL_FILL]


def test_option_icon_arrays_head_each_array_with_name_and_number_in_fixed_order():
    spec = BUILDERS["option_icon_arrays"]().to_dict()
    headings = [" ".join(texts({"title": view["title"]})) for view in spec["concat"]]
    assert [h.split(":")[0] for h in headings] == FIXED_NAMES
    assert headings[0].startswith("Medicines: 13 out of 100")
    assert headings[2].startswith("MVD surgery: 92 out of 100")
    assert "Could be 82 to 97 out of 100" in headings[2]
    assert spec["columns"] == 3


def test_option_icon_arrays_stack_in_one_column_for_a_phone():
    spec = BUILDERS["option_icon_arrays_phone"]().to_dict()
    assert spec["columns"] == 1
    assert all(view["width"] <= 200 for view in spec["concat"])


def test_option_icon_arrays_need_one_row_per_option():
    frame = pd.concat([success_like(), success_like()])
    with pytest.raises(ValueError, match="one row per option"):
        charts.option_icon_arrays(frame, title="x out of 100", color=charts.BENEFIT_COLOR)


def test_unknown_option_id_is_named():
    frame = success_like().assign(option=["mvd", "botulinum", "surgery"])
    with pytest.raises(ValueError, match="'surgery'"):
        charts.option_icon_arrays(frame, title="x out of 100", color=charts.BENEFIT_COLOR)


# ------------------------------------------------------------------ other builders


def test_tradeoff_labels_do_not_overlap_even_when_points_crowd():
    frame = pd.DataFrame([
        {"option": o, "short_name": NAMES[o], "benefit": b, "harm": 1.0}
        for o, b in (("medication", 88.0), ("botulinum", 90.0), ("mvd", 92.0))
    ])
    placed = charts._place_labels(frame, width=280, height=240, top=10)
    boxes = []
    for row in placed.to_dict("records"):
        x = row["label_x"] / 100 * 280
        y = 240 - row["label_y"] / 10 * 240
        w = charts.LABEL_PX[0] * len(row["short_name"])
        x0 = x if row["label_side"] == "left" else x - w
        boxes.append((x0, y - 7, x0 + w, y + 7))
        assert 0 <= y <= 240
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not charts._overlaps(a, b), placed


def test_tradeoff_harm_axis_starts_at_0_and_says_when_it_stops_below_100():
    spec = charts.tradeoff_chart(tradeoff_like()).to_dict()
    harm = next(e for c, e in encodings(spec) if c == "y" and e.get("field") == "harm")
    assert harm["scale"]["domain"] == [0, 10]
    assert "goes up to 10, not 100" in " ".join(texts({"t": spec["title"]}))


def test_match_chart_stacks_priorities_in_order_with_totals_and_ranges():
    spec = charts.match_chart(match_like()).to_dict()
    assert " ".join(spec["title"]["text"]) == "How the options line up with what you said matters"
    bar = spec["layer"][0]
    assert bar["encoding"]["order"]["field"] == "priority_index"
    assert bar["encoding"]["color"]["scale"]["domain"] == [PRIORITY_LABELS[p] for p in PRIORITIES]
    totals = [r for r in rows_of(spec) if "heading" in r]
    assert [t["heading"] for t in totals] == [
        "Medicines: 10 (could be 2 to 14)", "Botulinum toxin: 49 (could be 41 to 53)",
        "MVD surgery: 74 (could be 66 to 78)"]
    assert [t["note"] for t in totals] == ["You said you do not want this.", "", ""]
    assert "not medical advice" in spec["description"]


def test_projection_chart_shows_only_the_years_asked_for():
    spec = charts.projection_chart(projection_like(years=10), years=3).to_dict()
    assert {r["year"] for r in rows_of(spec)} == {1, 2, 3}
    x = next(e for c, e in encodings(spec) if c == "x" and e.get("field") == "year")
    assert x["scale"]["domain"] == [1, 2, 3]
    assert "next 3 years" in " ".join(texts({"t": spec["title"]}))


@pytest.mark.parametrize("rows", ["options", "priorities"])
def test_fit_grid_prints_the_fit_word_in_every_cell(rows):
    spec = charts.fit_grid(fit_like(), rows=rows).to_dict()
    words = [layer for layer in spec["layer"] if layer["encoding"].get("text", {}).get("field") == "fit_word"]
    assert len(words) == 1
    cells = [r for r in rows_of(spec) if "fit_word" in r]
    assert len(cells) == 3 * len(PRIORITIES)
    assert {r["fit_word"] for r in cells} == {"fits well", "fits partly", "does not fit"}
    headers = [r["text"] for r in rows_of(spec) if "text" in r]
    assert any("matters 7/10" in h for h in headers)


def test_descriptions_keep_sentences_short_and_options_in_order():
    for text in (charts.describe_icon_arrays(success_like(), "have good control"),
                 charts.describe_tradeoff(tradeoff_like()), charts.describe_match(match_like()),
                 charts.describe_projection(projection_like(), 5), charts.describe_fit(fit_like())):
        positions = [text.index(n) for n in FIXED_NAMES]
        assert positions == sorted(positions), text
        longest = max(len(s.split()) for s in re.split(r"(?<=[.;])\s+", text))
        assert longest <= 26, text


def test_palette_keeps_contrast():
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    def ratio(a: str, b: str) -> float:
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    assert ratio(charts.TEXT_COLOR, "#FFFFFF") >= 4.5
    assert ratio(charts.NEUTRAL_STROKE, "#FFFFFF") >= 3
    assert ratio(charts.NEUTRAL_STROKE, charts.NEUTRAL_FILL) >= 3
    assert ratio(charts.BENEFIT_COLOR, "#FFFFFF") >= 3 and ratio(charts.HARM_COLOR, "#FFFFFF") >= 3
    assert charts.OPTION_COLORS == {"medication": "#0072B2", "botulinum": "#E69F00", "mvd": "#CC79A7"}
    assert len(set(charts.OPTION_SHAPES.values())) == 3 and set(charts.OPTION_SHAPES) == set(OPTION_ORDER)


# ------------------------------------------------------------------ PNG export


@skip_requires_vl_convert
def test_to_png_renders_a_picture_that_is_not_blank():
    png = charts.to_png(charts.icon_array(37, label="have it", color=charts.BENEFIT_COLOR), scale=1)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pil = pytest.importorskip("PIL.Image")
    image = pil.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 1
    assert any(rgb == (0, 158, 115) for _, rgb in colours), "the benefit colour should be drawn"


# ------------------------------------------------------------------ real data


@pytest.fixture(scope="module")
def result():
    from decision_aid.engine import evaluate
    from decision_aid.evidence import load_evidence
    from decision_aid.profile import Profile

    # The shipped dataset must be there: a missing file fails these tests (DatasetError names it).
    return evaluate(load_evidence(), Profile(relief=5))


def _evaluate(**answers):
    from decision_aid.engine import evaluate
    from decision_aid.evidence import load_evidence
    from decision_aid.profile import Profile

    return evaluate(load_evidence(), Profile(**answers))


def test_match_frame_is_empty_until_a_priority_is_stated():
    frame = charts.match_frame(_evaluate())
    assert frame.empty and {"option", "points", "match"} <= set(frame.columns)


def test_match_frame_leaves_out_an_option_that_may_not_apply():
    result = _evaluate(relief=8, anesthesia="unfit")
    assert not result.option("mvd").suitable
    assert first_seen(charts.match_frame(result)["option"]) == ["medication", "botulinum"]
    # even from a result that still carries a match for it (the chart never draws that bar)
    stated = _evaluate(relief=8)
    options = [o.model_copy(update={"suitable": False}) if o.id == "mvd" else o for o in stated.options]
    frame = charts.match_frame(stated.model_copy(update={"options": options}))
    assert first_seen(frame["option"]) == ["medication", "botulinum"]


def test_projection_draws_no_treatment_as_a_reference_line(result):
    assert len(charts.reference_frame(result)) in (0, result.projection.years)  # empty: no yearly data
    reference = pd.DataFrame({"year": [1, 2, 3, 4, 5], "low": [2.0] * 5, "central": [4.0] * 5,
                              "high": [6.0] * 5, "name": [charts.REFERENCE_NAME] * 5})
    frame = charts.projection_frame(result)
    assert "no_treatment" not in set(frame["option"])  # a reference, never an option line
    spec = charts.spec_of(charts.projection_parts(frame, years=result.projection.years, reference=reference))
    assert spec["datasets"]["reference"][0]["name"] == charts.REFERENCE_NAME
    text = charts.describe_projection(frame, result.projection.years, reference)
    assert f"Reference line, {charts.REFERENCE_NAME}" in text


def test_adapters_give_one_row_per_option_in_fixed_order(result):
    for frame in (charts.success_frame(result), charts.tradeoff_frame(result)):
        assert frame["option"].tolist() == list(OPTION_ORDER)
    for frame in (charts.match_frame(result), charts.fit_frame(result)):
        assert len(frame) == 3 * len(PRIORITIES)
        assert first_seen(frame["option"]) == list(OPTION_ORDER)
        assert frame[frame["option"] == "mvd"]["priority"].tolist() == list(PRIORITIES)
    projection = charts.projection_frame(result)
    assert len(projection) == 3 * result.projection.years


def test_match_frame_points_add_up_to_the_match(result):
    frame = charts.match_frame(result)
    for option, rows in frame.groupby("option"):
        assert rows["points"].sum() == pytest.approx(rows["match"].iloc[0], abs=0.1), option


def test_harm_frame_splits_serious_from_passing_harms(result):
    every, serious, passing = (charts.harm_frame(result, serious_only=s) for s in (None, True, False))
    assert len(every) == len(serious) + len(passing) == sum(len(o.risks) for o in result.options)
    assert serious["serious_or_permanent"].all() and not passing["serious_or_permanent"].any()
    tradeoff = charts.tradeoff_frame(result).set_index("option")
    for option in OPTION_ORDER:
        mine = serious[serious["option"] == option]
        assert tradeoff.loc[option, "harm"] == pytest.approx(min(100, mine["central"].sum()))
        assert tradeoff.loc[option, "harm_high"] == pytest.approx(min(100, mine["high"].sum()))


def test_fit_frame_words_come_from_the_wording_module(result):
    frame = charts.fit_frame(result)
    assert (frame["fit_word"] == frame["score"].map(fit_word)).all()


def test_every_chart_builds_from_the_shipped_dataset(result):
    success, tradeoff = charts.success_frame(result), charts.tradeoff_frame(result)
    built = [
        charts.option_icon_arrays(success, title="Good control of the spasm, out of 100 people",
                                  color=charts.BENEFIT_COLOR, label="have good control of the spasm"),
        charts.option_icon_arrays(tradeoff, value_col="harm", title="Serious or permanent harm, out of 100",
                                  color=charts.HARM_COLOR, columns=1, label="have serious or permanent harm"),
        charts.tradeoff_chart(tradeoff),
        charts.match_chart(charts.match_frame(result)),
        charts.projection_chart(charts.projection_frame(result), years=result.projection.years),
        charts.fit_grid(charts.fit_frame(result)),
        charts.fit_grid(charts.fit_frame(result), rows="priorities"),
    ]
    for chart in [*built, charts.icon_array(result.option("mvd").success.central, label="have good control",
                                            color=charts.BENEFIT_COLOR, title="MVD surgery")]:
        assert chart.to_dict()["description"]
    for chart in built:
        spec = chart.to_dict()
        assert spec["description"]
        for o in result.options:
            assert o.short_name in spec["description"]


def _evaluated(**weights: int):
    from decision_aid.engine import evaluate
    from decision_aid.evidence import load_evidence
    from decision_aid.profile import Profile

    return evaluate(load_evidence(), Profile(**weights))


PARTS = {
    "match": lambda r: charts.match_parts(charts.match_frame(r)),
    "fit": lambda r: charts.fit_parts(charts.fit_frame(r), rows="priorities"),
    "tradeoff": lambda r: charts.tradeoff_parts(charts.tradeoff_frame(r)),
    "projection": lambda r: charts.projection_parts(charts.projection_frame(r), years=r.projection.years),
    "icons": lambda r: charts.icon_array_parts(
        r.option("mvd").success.central, label="have good control", color=charts.BENEFIT_COLOR,
        title="MVD surgery", title_chars=30),
}


@pytest.mark.parametrize("name", sorted(PARTS))
def test_moving_a_priority_slider_changes_the_data_not_the_look(name):
    """The app builds a look once and sends only data on a slider move; the browser keeps the
    chart and swaps its data only while the look and the number of rows stay the same."""
    before = PARTS[name](_evaluated(relief=10, serious_risk=0, burden=3))
    after = PARTS[name](_evaluated(relief=0, serious_risk=10, burden=7))
    assert before.look is after.look and before.settings == after.settings
    assert before.data.keys() == after.data.keys()
    assert {k: len(v) for k, v in before.data.items()} == {k: len(v) for k, v in after.data.items()}
    if name in ("match", "fit"):
        assert any(not before.data[k].equals(after.data[k]) for k in before.data), "the weights are data"


@pytest.mark.parametrize("name", sorted(PARTS))
def test_parts_put_together_are_the_chart(name):
    r = _evaluated(relief=7, side_effects=2)
    parts = PARTS[name](r)
    spec = parts.chart().to_dict()
    assert set(spec["datasets"]) == set(parts.data)
    for key, frame in parts.data.items():
        assert spec["datasets"][key] == charts.records(frame)
    look = parts.look_chart()
    for key, value in parts.top.items():
        setattr(look, key, value)
    assert {k: v for k, v in spec.items() if k != "datasets"} == look.to_dict()
    assert charts.spec_of(parts) == spec  # from the cached look, as the app and the PDF build it
    assert charts.spec_of(parts) == spec  # a second time, from the cache, unchanged


def test_icon_array_data_key_names_the_picture_not_the_words():
    """Equal keys share one converted dataset in the app: the same people filled. The number in
    the title is top-level, so 37.4 and 37.2 share the picture but keep their own words."""
    a, b, c = (charts.icon_array_parts(v, label="have it", color=charts.HARM_COLOR) for v in (37.4, 37.2, 38))
    assert a.data_key == b.data_key and a.data["icons"].equals(b.data["icons"])
    assert a.data_key != c.data_key and not a.data["icons"].equals(c.data["icons"])
    assert a.top["description"] == b.top["description"]  # both show 37 people
    assert "38 out of 100" in " ".join(c.top["title"].to_dict()["text"])


@pytest.mark.parametrize("name", sorted(PARTS))
def test_every_field_the_look_reads_is_in_its_data(name):
    """The data carries only the columns a chart reads; a field it reads but does not get would
    draw nothing, silently."""
    parts = PARTS[name](_evaluated(relief=7))
    look = charts.look_spec(parts)
    fields = {v for path, v in walk(look) if path.endswith(".field") and isinstance(v, str)}
    fields |= {m for _, v in walk(look) if isinstance(v, str) for m in re.findall(r"datum\.(\w+)", v)}
    columns = {c for frame in parts.data.values() for c in frame.columns}
    assert fields and fields <= columns, sorted(fields - columns)
