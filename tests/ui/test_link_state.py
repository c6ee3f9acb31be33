"""State in the link: a link restores answers, bad parts are named, answers update the URL."""

from __future__ import annotations

from .conftest import go, open_app, texts, unescape


def test_link_restores_slider_and_radio():
    at = open_app({"relief": "9", "cause": "vascular"}, page="priorities")
    assert at.slider(key="relief").value == 9
    assert at.slider(key="lasting").value == 5
    go(at, "situation")
    assert at.radio(key="cause").value == "vascular"


def test_link_restores_option_lists_and_note():
    at = open_app({"tried": "botulinum", "avoid": "mvd,medication", "note": "I drive"}, page="situation")
    assert at.checkbox(key="tried_botulinum").value is True
    assert at.checkbox(key="tried_mvd").value is False
    go(at, "priorities")
    assert at.checkbox(key="avoid_mvd").value and at.checkbox(key="avoid_medication").value
    assert not at.checkbox(key="avoid_botulinum").value
    assert at.text_area(key="note").value == "I drive"


def test_bad_parameters_are_named_and_use_the_default():
    at = open_app({"relief": "abc", "cause": "zzz", "colour": "blue"}, page="priorities")
    notices = unescape(texts(at))
    assert "relief='abc'" in notices and "a whole number from 0 to 10" in notices
    assert "cause='zzz'" in notices
    assert "'colour'" in notices
    assert at.slider(key="relief").value == 5
    go(at, "situation")
    assert at.radio(key="cause").value == "unknown"
    assert not at.exception


def test_link_notices_can_be_hidden():
    at = open_app({"relief": "abc"})
    assert at.warning
    at.button(key="hide_link_notices").click().run()
    assert not at.warning


def test_changing_an_answer_updates_the_url():
    at = open_app(page="priorities")
    assert "relief" not in at.query_params
    at.slider(key="relief").set_value(8).run()
    assert at.query_params["relief"] == "8"
    at.checkbox(key="avoid_mvd").check().run()
    assert at.query_params["avoid"] == "mvd"
    at.slider(key="relief").set_value(5).run()  # back to the default: left out of the link
    assert "relief" not in at.query_params


def test_answers_survive_page_switches():
    at = open_app(page="priorities")
    at.slider(key="burden").set_value(2).run()
    go(at, "situation")
    at.radio(key="mri").set_value("vessel").run()
    go(at, "about")
    go(at, "priorities")
    assert at.slider(key="burden").value == 2
    go(at, "situation")
    assert at.radio(key="mri").value == "vessel"
    assert at.query_params["burden"] == "2" and at.query_params["mri"] == "vessel"


def test_switching_mode_keeps_every_answer():
    at = open_app({"relief": "9", "cause": "ms", "avoid": "mvd"}, page="priorities")
    at.sidebar.radio(key="mode").set_value("consult").run()
    assert at.query_params["mode"] == "consult"
    assert at.slider(key="relief").value == 9
    assert at.checkbox(key="avoid_mvd").value
    at.sidebar.radio(key="mode").set_value("home").run()
    go(at, "situation")
    assert at.radio(key="cause").value == "ms"
    assert at.query_params.get("relief") == "9" and "mode" not in at.query_params


def test_copy_link_shows_the_answers():
    at = open_app({"relief": "9"})
    codes = [c.value for c in at.sidebar.code]
    assert any("relief=9" in c for c in codes), codes


def test_note_is_shown_literally_not_as_markdown():
    at = open_app({"note": "**bold** <b>x</b> [link](http://example.com)"}, page="priorities")
    shown = [m.value for m in at.markdown if "bold" in m.value]
    assert shown, "the note is not shown back"
    assert all("\\*\\*bold\\*\\*" in s and "\\[link\\]" in s for s in shown)
