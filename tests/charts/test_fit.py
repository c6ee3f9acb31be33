"""The fit grid (`decision_aid.charts.fit`) and its frame."""

from __future__ import annotations

import pytest

from decision_aid import charts
from decision_aid.profile import PRIORITIES
from decision_aid.words.common import fit_word
from tests.charts.common import fit_like, rows_of


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


def test_fit_frame_words_come_from_the_wording_module(result):
    frame = charts.fit_frame(result)
    assert (frame["fit_word"] == frame["score"].map(fit_word)).all()
