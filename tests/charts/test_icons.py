"""Icon arrays (`decision_aid.charts.icons`): one block of people from the top left, numbers both ways
round, headings per option, and the adapters that feed them."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from decision_aid import charts
from decision_aid.words.common import per_100
from tests.charts.common import BUILDERS, FIXED_NAMES, rows_of, success_like, texts


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


def test_a_harm_no_study_reported_is_said_so_not_drawn_as_a_measured_0():
    """Botulinum toxin's serious harms: none in the studies used. The PDF's summed picture headed it
    'Botulinum toxin: 0 out of 100', a figure no study gave."""
    figures = {"medication": (0.0, 0.4, 1.0), "botulinum": (0.0, 0.0, 0.0), "mvd": (4.0, 6.0, 16.0)}
    frame = success_like()
    frame[["low", "central", "high"]] = [figures[o] for o in frame["option"]]
    frame["none_reported"] = frame["option"] == "botulinum"
    spec = charts.option_icon_arrays(frame, title="Serious harm", color=charts.HARM_COLOR).to_dict()
    headings = [" ".join(texts({"title": view["title"]})) for view in spec["concat"]]
    assert headings[1] == "Botulinum toxin: none reported in the studies used"
    assert "0 out of 100" not in " ".join(headings)
    assert "Botulinum toxin: none reported in the studies used." in spec["description"]
    assert headings[2].startswith("MVD surgery: 6 out of 100")


def test_the_pdfs_icon_arrays_are_the_cached_look_with_each_options_people(monkeypatch):
    """Altair built every array of the PDF's pictures afresh for each summary (about 60 ms a chart);
    now each is the cached look of one icon array, with that option's people as its own data."""
    from decision_aid.charts import icons

    charts.option_icon_arrays_spec(success_like(), title="x", color=charts.BENEFIT_COLOR)  # the look, once
    built, mark = [], icons._icon_mark
    monkeypatch.setattr(icons, "_icon_mark", lambda *a, **k: built.append(a) or mark(*a, **k))
    frame = success_like().assign(central=[3.0, 48.6, 71.0])
    spec = charts.option_icon_arrays_spec(frame, title="x", color=charts.BENEFIT_COLOR)
    assert built == []
    filled = [sum(p["filled"] for p in spec["datasets"][view["data"]["name"]]) for view in spec["concat"]]
    assert filled == [int(v + 0.5) for v in icons._ordered(frame)["central"]]
    assert spec == charts.option_icon_arrays(frame, title="x", color=charts.BENEFIT_COLOR).to_dict()


def test_an_options_array_for_the_pdf_is_its_people_alone_in_the_apps_look():
    """The PDF prints each array's words beside it as text: the array itself has no title and no
    key, and is drawn in the app's look with round(value) people filled."""
    spec = charts.icon_grid_spec(30.5, color=charts.HARM_COLOR)
    app = charts.icon_array(30.5, label="have it", color=charts.HARM_COLOR).to_dict()
    assert "title" not in spec and spec["encoding"]["color"]["legend"] is None
    assert spec["mark"] == app["mark"]
    assert spec["encoding"]["color"]["scale"]["range"] == app["encoding"]["color"]["scale"]["range"]
    people = spec["datasets"]["icons"]
    assert len(people) == 100 and sum(p["filled"] for p in people) == 31
    assert not texts(spec)


def test_the_pdfs_words_for_each_array_are_the_apps_headings_in_fixed_order():
    frame = success_like()
    words = charts.option_arrays_words(frame)
    spec = charts.option_icon_arrays(frame, title="x", color=charts.BENEFIT_COLOR).to_dict()
    for panel, view in zip(words, spec["concat"], strict=True):
        title = view["title"]
        assert panel["heading"] == " ".join(title["text"])
        assert " ".join(panel["lines"]) == " ".join(title.get("subtitle", []))
    assert [w["heading"].split(":")[0] for w in words] == FIXED_NAMES
    central = frame.set_index("option")["central"]
    assert [w["value"] for w in words] == [central[w["option"]] for w in words]
    with pytest.raises(ValueError, match="one row per option"):
        charts.option_arrays_words(pd.concat([frame, frame]))


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


def test_icon_array_data_key_names_the_picture_not_the_words():
    """Equal keys share one converted dataset in the app: the same people filled. The number in
    the title is top-level, so 37.4 and 37.2 share the picture but keep their own words."""
    a, b, c = (charts.icon_array_parts(v, label="have it", color=charts.HARM_COLOR) for v in (37.4, 37.2, 38))
    assert a.data_key == b.data_key and a.data["icons"].equals(b.data["icons"])
    assert a.data_key != c.data_key and not a.data["icons"].equals(c.data["icons"])
    assert a.top["description"] == b.top["description"]  # both show 37 people
    assert "38 out of 100" in " ".join(c.top["title"].to_dict()["text"])


def test_harm_frame_splits_serious_from_passing_harms(result):
    every, serious, passing = (charts.harm_frame(result, serious_only=s) for s in (None, True, False))
    assert len(every) == len(serious) + len(passing) == sum(len(o.risks) for o in result.options)
    assert serious["serious_or_permanent"].all() and not passing["serious_or_permanent"].any()
