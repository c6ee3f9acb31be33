"""The match chart (`decision_aid.charts.match`) and its frame."""

from __future__ import annotations

import pytest

from decision_aid import charts
from decision_aid.profile import PRIORITIES
from decision_aid.words.common import PRIORITY_LABELS
from tests.charts.common import _evaluate, first_seen, match_like, rows_of


def test_match_chart_stacks_priorities_in_order_with_totals_and_ranges():
    spec = charts.match_chart(match_like()).to_dict()
    assert " ".join(spec["title"]["text"]) == "How the options line up with what matters to you"
    bar = spec["layer"][0]
    assert bar["encoding"]["order"]["field"] == "priority_index"
    assert bar["encoding"]["color"]["scale"]["domain"] == [PRIORITY_LABELS[p] for p in PRIORITIES]
    totals = [r for r in rows_of(spec) if "heading" in r]
    assert [t["heading"] for t in totals] == [
        "Medicines: 10 (could be 2 to 14)",
        "Botulinum toxin: 49 (could be 41 to 53)",
        "MVD surgery: 74 (could be 66 to 78)",
    ]
    assert [t["note"] for t in totals] == ["You said you do not want this.", "", ""]
    assert "not medical advice" in spec["description"]


def _marks(spec: dict) -> list[str]:
    return [layer["mark"]["type"] for layer in spec["layer"]]


def test_match_chart_redraws_no_empty_layer():
    """Both range ends are one tick layer, and the note line is drawn only when an option has a
    note: fewer layers for the browser to redraw at each slider move (bench row (a))."""
    plain = charts.match_chart(charts.match_frame(_evaluate(relief=8))).to_dict()
    noted = charts.match_chart(match_like()).to_dict()
    assert _marks(plain) == ["bar", "rule", "tick", "text"]
    assert _marks(noted) == ["bar", "rule", "tick", "text", "text"]
    assert plain["layer"][2]["transform"][0]["fold"] == ["match_low", "match_high"]


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


def test_match_frame_points_add_up_to_the_match(result):
    frame = charts.match_frame(result)
    for option, rows in frame.groupby("option"):
        assert rows["points"].sum() == pytest.approx(rows["match"].iloc[0], abs=0.1), option


def _changed(result, field: str):
    """`result` with one thing `match_frame` reads changed (the first matched option's field,
    or a weight)."""
    if field == "weight":
        prof = result.profile
        return result.model_copy(
            update={"profile": prof.model_copy(update={"relief": (prof.relief or 5) % 10 + 1})}
        )
    i = next(i for i, o in enumerate(result.options) if o.suitable and o.match is not None)
    o = result.options[i]
    new = {
        "name": o.name + " (changed)",
        "short_name": o.short_name + " (changed)",
        "suitable": not o.suitable,
        "avoided": not o.avoided,
        "match": o.match + 1,
        "match_low": o.match_low + 1,
        "match_high": o.match_high + 1,
        "contributions": {p: v + 1 for p, v in (o.contributions or {}).items()},
        "scores": {p: (v or 0) / 2 + 0.25 for p, v in o.scores.items()},
    }[field]
    options = list(result.options)
    options[i] = o.model_copy(update={field: new})
    return result.model_copy(update={"options": options})


@pytest.mark.parametrize(
    "field",
    [
        "weight",
        "name",
        "short_name",
        "suitable",
        "avoided",
        "match",
        "match_low",
        "match_high",
        "contributions",
        "scores",
    ],
)
def test_match_key_changes_with_everything_the_frame_reads(field):
    """The app keeps the drawn match chart and its words per `match_key` (topics/fit.py): a key
    that missed something the frame reads would show another patient's figures."""
    result = _evaluate(relief=8, side_effects=3)
    changed = _changed(result, field)
    assert not charts.match_frame(changed).equals(charts.match_frame(result)), field
    assert charts.match_key(changed) != charts.match_key(result)


def test_match_key_is_equal_for_equal_answers():
    assert charts.match_key(_evaluate(relief=8)) == charts.match_key(_evaluate(relief=8))
    assert charts.match_key(_evaluate(relief=8)) != charts.match_key(_evaluate(relief=7))
