"""Charts as look and data (`decision_aid.charts.parts`): a slider move changes data only, the parts
put together are the chart, the look reads only what the data holds, and PNG export."""

from __future__ import annotations

import io
import re

import altair as alt
import pandas as pd
import pytest

from decision_aid import charts
from tests.charts.common import PARTS, _evaluated, skip_requires_vl_convert, walk


@pytest.mark.parametrize("name", sorted(PARTS))
def test_moving_a_priority_slider_changes_the_data_not_the_look(name):
    """The app builds a look once and sends only data on a slider move; the browser keeps the
    chart and swaps its data only while the look and the number of rows stay the same."""
    before = PARTS[name](_evaluated(relief=10, serious_risk=0, burden=3))
    after = PARTS[name](_evaluated(relief=0, serious_risk=10, burden=7))
    assert before.look is after.look and before.settings == after.settings
    assert before.data.keys() == after.data.keys()
    assert {k: len(v) for k, v in before.data.items()} == {k: len(v) for k, v in after.data.items()}
    if name == "match":
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


@pytest.mark.parametrize("name", sorted(PARTS))
def test_every_field_the_look_reads_is_in_its_data(name):
    """The data carries only the columns a chart reads; a field it reads but does not get would
    draw nothing, silently."""
    parts = PARTS[name](_evaluated(relief=7))
    look = charts.look_spec(parts)
    fields = {v for path, v in walk(look) if path.endswith(".field") and isinstance(v, str)}
    fields |= {m for _, v in walk(look) if isinstance(v, str) for m in re.findall(r"datum\.(\w+)", v)}
    columns = {c for frame in parts.data.values() for c in frame.columns}
    # A transform may make a field from the data's own (a fold's `as`).
    columns |= {v for path, v in walk(look) if re.search(r"\.as(\[\d+\])?$", path) and isinstance(v, str)}
    assert fields and fields <= columns, sorted(fields - columns)


@skip_requires_vl_convert
def test_to_png_renders_a_picture_that_is_not_blank():
    png = charts.to_png(charts.icon_array(37, label="have it", color=charts.BENEFIT_COLOR), scale=1)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pil = pytest.importorskip("PIL.Image")
    image = pil.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 1
    assert any(rgb == (0, 158, 115) for _, rgb in colours), "the benefit colour should be drawn"


def _point_look(color: str):
    """A look function; every one this makes has the same module and `__qualname__`."""

    def look() -> alt.Chart:
        return alt.Chart(alt.NamedData("points")).mark_point(color=color)

    return look


def _width(width: int):
    """A finish function; every one this makes has the same module and `__qualname__`."""

    def finish(chart: alt.Chart) -> alt.Chart:
        return chart.properties(width=width)

    return finish


def test_look_cache_is_keyed_on_the_look_name_not_the_function_name():
    """Two looks whose functions share a name must not share a cached spec."""
    frame = pd.DataFrame({"x": [1]})
    blue = charts.ChartParts("test_blue_points", _point_look("blue"), (), {"points": frame})
    red = charts.ChartParts("test_red_points", _point_look("red"), (), {"points": frame})
    assert blue.look.__qualname__ == red.look.__qualname__
    assert charts.look_spec(blue)["mark"]["color"] == "blue"
    assert charts.look_spec(red)["mark"]["color"] == "red"


def test_look_cache_tells_apart_finish_functions_that_share_a_name():
    parts = charts.ChartParts("test_finished_points", _point_look("blue"), (), {"points": pd.DataFrame()})
    narrow, wide = _width(100), _width(300)
    assert narrow.__qualname__ == wide.__qualname__
    assert charts.look_spec(parts, narrow)["width"] == 100
    assert charts.look_spec(parts, wide)["width"] == 300


def test_every_chart_look_has_its_own_name():
    """The look name is the cache key: two charts under one name would show each other's looks."""
    result = _evaluated(relief=7)
    built = [make(result) for make in PARTS.values()]
    looks: dict[str, object] = {}
    for parts in built:
        assert looks.setdefault(parts.name, parts.look) is parts.look, parts.name
    assert len(set(looks)) == len(PARTS)
