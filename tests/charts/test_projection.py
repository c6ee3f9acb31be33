"""The projection chart (`decision_aid.charts.projection`) and its reference line."""

from __future__ import annotations

import itertools
import re

from decision_aid import charts
from decision_aid.words.charts import REFERENCE_SUBTITLE
from tests.charts.common import encodings, projection_like, rows_of, skip_requires_vl_convert, texts


def test_projection_chart_shows_only_the_years_asked_for():
    spec = charts.projection_chart(projection_like(years=10), years=3).to_dict()
    assert {r["year"] for r in rows_of(spec)} == {1, 2, 3}
    x = next(e for c, e in encodings(spec) if c == "x" and e.get("field") == "year")
    assert x["scale"]["domain"] == [1, 2, 3]
    assert "next 3 years" in " ".join(texts({"t": spec["title"]}))


def test_projection_draws_no_treatment_as_a_reference_line(result):
    """The result's own no-treatment line, a row a year, is drawn and described as a reference."""
    years = result.projection.years
    reference = charts.reference_frame(result)
    by_year = result.projection.options["no_treatment"].by_year
    assert list(reference["year"]) == list(range(1, years + 1)) == [p.year for p in by_year]
    assert list(reference["central"]) == [p.central for p in by_year]
    assert set(reference["name"]) == {charts.REFERENCE_NAME}
    frame = charts.projection_frame(result)
    assert "no_treatment" not in set(frame["option"])  # a reference, never an option line
    spec = charts.spec_of(charts.projection_parts(frame, years=years, reference=reference))
    drawn = spec["datasets"]["reference"]
    assert [r["year"] for r in drawn] == list(range(1, years + 1))
    assert {r["name"] for r in drawn} == {charts.REFERENCE_NAME}
    text = charts.describe_projection(frame, years, reference)
    assert (
        f"Reference line, {charts.REFERENCE_NAME}, counting people whose spasm went away for a time" in text
    )


def test_the_reference_line_says_it_counts_something_else(result):
    """The options' lines count people clearly better; the no-treatment line counts spasm that
    went away for a time. The title says so under it whenever that line is drawn, and only then."""
    frame = charts.projection_frame(result)
    years = result.projection.years
    with_line = charts.spec_of(
        charts.projection_parts(frame, years=years, reference=charts.reference_frame(result))
    )
    without = charts.spec_of(charts.projection_parts(frame, years=years))
    said = " ".join(REFERENCE_SUBTITLE.split()[:4])  # the title may wrap the rest
    assert said in " ".join(texts({"t": with_line["title"]}))
    assert said not in " ".join(texts({"t": without["title"]}))


def _polyline(d: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r"[ML]\s*([-\d.]+)[ ,]([-\d.]+)", d)]


def _y_at(points: list[tuple[float, float]], x: float) -> float:
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x0 <= x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    raise AssertionError(f"x={x} is off the line {points}")


@skip_requires_vl_convert
def test_the_no_treatment_name_stays_clear_of_its_line(result):
    """The reference line's name, drawn, does not touch the dashed line: started at year 1, the
    rising line ran through the words ("No treatment for now" struck through)."""
    import vl_convert as vlc

    reference = charts.reference_frame(result)
    assert not reference.empty
    years = result.projection.years
    parts = charts.projection_parts(charts.projection_frame(result), years=years, reference=reference)
    spec = charts.spec_of(parts)
    for width in (300, 120):  # the chart's width on a desktop and, narrower, on a phone
        svg = vlc.vegalite_to_svg({**spec, "width": width})
        text = re.search(
            r'<text[^>]*text-anchor="(\w+)"[^>]*translate\(([-\d.]+),([-\d.]+)\)[^>]*font-size="([\d.]+)px"[^>]*>'
            + re.escape(charts.REFERENCE_NAME),
            svg,
        )
        assert text, "the reference line has no name"
        anchor, x, y, size = text.group(1), *map(float, text.groups()[1:])
        long = 0.6 * size * len(charts.REFERENCE_NAME)  # wider than the words are
        left = {"start": x, "middle": x - long / 2, "end": x - long}[anchor]
        top, bottom = y - 0.8 * size, y + 0.25 * size
        line = _polyline(re.search(r'<path[^>]*d="([^"]+)"[^>]*stroke-dasharray', svg).group(1))
        start, end = max(left, line[0][0]), min(left + long, line[-1][0])
        xs = [start + i * (end - start) / 20 for i in range(21)]
        through = [round(x) for x in xs if top - 1 <= _y_at(line, x) <= bottom + 1]
        assert not through, (width, anchor, through)


@skip_requires_vl_convert
def test_the_no_treatment_name_is_drawn_in_its_lines_grey(result):
    """In black, just under the medicines' line, a patient took the name for that line's."""
    import vl_convert as vlc

    years = result.projection.years
    reference = charts.reference_frame(result)
    spec = charts.spec_of(
        charts.projection_parts(charts.projection_frame(result), years=years, reference=reference)
    )
    svg = vlc.vegalite_to_svg(spec)
    text = re.search(r"<text[^>]*>" + re.escape(charts.REFERENCE_NAME), svg)
    line = re.search(r'<path[^>]*stroke="([^"]+)"[^>]*stroke-dasharray', svg)
    assert text and line
    assert f'fill="{line.group(1)}"' in text.group(0) and 'font-style="italic"' in text.group(0)
