"""The projection chart (`decision_aid.charts.projection`) and its reference line."""

from __future__ import annotations

import pandas as pd

from decision_aid import charts
from tests.charts.common import encodings, projection_like, rows_of, texts


def test_projection_chart_shows_only_the_years_asked_for():
    spec = charts.projection_chart(projection_like(years=10), years=3).to_dict()
    assert {r["year"] for r in rows_of(spec)} == {1, 2, 3}
    x = next(e for c, e in encodings(spec) if c == "x" and e.get("field") == "year")
    assert x["scale"]["domain"] == [1, 2, 3]
    assert "next 3 years" in " ".join(texts({"t": spec["title"]}))


def test_projection_draws_no_treatment_as_a_reference_line(result):
    assert len(charts.reference_frame(result)) in (0, result.projection.years)  # empty: no yearly data
    reference = pd.DataFrame(
        {
            "year": [1, 2, 3, 4, 5],
            "low": [2.0] * 5,
            "central": [4.0] * 5,
            "high": [6.0] * 5,
            "name": [charts.REFERENCE_NAME] * 5,
        }
    )
    frame = charts.projection_frame(result)
    assert "no_treatment" not in set(frame["option"])  # a reference, never an option line
    spec = charts.spec_of(charts.projection_parts(frame, years=result.projection.years, reference=reference))
    assert spec["datasets"]["reference"][0]["name"] == charts.REFERENCE_NAME
    text = charts.describe_projection(frame, result.projection.years, reference)
    assert f"Reference line, {charts.REFERENCE_NAME}" in text
