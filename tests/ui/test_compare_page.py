"""The compare page: charts follow the answers, deal-breakers, consult layer, leaning."""

from __future__ import annotations

from .conftest import go, headings, match_points, open_app, texts, unescape


def test_changing_a_slider_changes_the_match_chart_data():
    at = open_app(page="compare")
    before = match_points(at)
    at.slider(key="recovery").set_value(10).run()
    after = match_points(at)
    assert not before["points"].equals(after["points"])
    recovery = after[after["priority"] == "recovery"].set_index("option")["points"]
    assert (recovery > before[before["priority"] == "recovery"].set_index("option")["points"]).any()
    assert at.query_params["recovery"] == "10"


def test_priority_slider_on_the_priorities_page_reaches_the_comparison():
    at = open_app(page="compare")
    before = match_points(at)
    go(at, "priorities")
    at.slider(key="lasting").set_value(10).run()
    go(at, "compare")
    assert not before["points"].equals(match_points(at)["points"])


def test_deal_breaker_marks_option_as_avoided_and_still_shows_it():
    at = open_app(page="priorities")
    at.checkbox(key="avoid_mvd").check().run()
    go(at, "compare")
    text = unescape(texts(at))
    assert "You said this is a deal-breaker for you" in text
    assert "Surgery: microvascular decompression (MVD)" in headings(at, 3)
    points = match_points(at)
    assert set(points["option"]) == {"medication", "botulinum", "mvd"}


def test_consult_mode_shows_local_figures_and_citations():
    at = open_app({"mode": "consult"}, page="compare")
    keys = {n.key for n in at.text_input}
    assert {"mvd_success", "mvd_hearing_loss"} <= keys
    text = unescape(texts(at))
    assert "Sources:" in text
    assert "Published:" in text
    assert "Citations" in text and "doi:" in text
    assert at.get("pills") or "Topic cards" in headings(at, 3)


def test_home_mode_hides_the_clinician_layer():
    at = open_app(page="compare")
    assert not at.text_input
    text = unescape(texts(at))
    assert "Citations" not in text and "Topic cards" not in headings(at, 3)


def test_local_figure_is_marked_local_and_goes_in_the_link():
    at = open_app({"mode": "consult"}, page="compare")
    at.text_input(key="mvd_success").input("70").run()
    assert at.query_params["mvd_success"] == "70"
    assert "LOCAL figure" in unescape(texts(at))


def test_cautions_from_the_situation_show_on_the_compare_page():
    at = open_app({"mri": "no_vessel"}, page="compare")
    assert any("Not usually an option for you" in w.value for w in at.warning)


def test_leaning_is_carried_to_next_steps():
    at = open_app(page="compare")
    at.radio(key="leaning").set_value("botulinum").run()
    assert at.query_params["leaning"] == "botulinum"
    go(at, "next_steps")
    assert "Where you are leaning:** Botulinum toxin injections" in texts(at)
