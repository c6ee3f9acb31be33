"""The trade-off chart (`decision_aid.charts.tradeoff`): labels that do not overlap, an honest harm axis."""

from __future__ import annotations

import pandas as pd

from decision_aid import charts
from decision_aid.charts import tradeoff
from tests.charts.common import NAMES, encodings, texts, tradeoff_like


def test_tradeoff_labels_do_not_overlap_even_when_points_crowd():
    frame = pd.DataFrame(
        [
            {"option": o, "short_name": NAMES[o], "benefit": b, "harm": 1.0}
            for o, b in (("medication", 88.0), ("botulinum", 90.0), ("mvd", 92.0))
        ]
    )
    placed = tradeoff._place_labels(frame, width=280, height=240, top=10)
    boxes = []
    for row in placed.to_dict("records"):
        x = row["label_x"] / 100 * 280
        y = 240 - row["label_y"] / 10 * 240
        w = charts.LABEL_PX[0] * len(row["short_name"])
        x0 = x if row["label_side"] == "left" else x - w
        boxes.append((x0, y - 7, x0 + w, y + 7))
        assert 0 <= y <= 240
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not tradeoff._overlaps(a, b), placed


def test_tradeoff_harm_axis_starts_at_0_and_says_when_it_stops_below_100():
    spec = charts.tradeoff_chart(tradeoff_like()).to_dict()
    harm = next(e for c, e in encodings(spec) if c == "y" and e.get("field") == "harm")
    assert harm["scale"]["domain"] == [0, 10]
    assert "goes up to 10, not 100" in " ".join(texts({"t": spec["title"]}))
