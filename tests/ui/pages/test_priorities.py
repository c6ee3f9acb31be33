"""The note box and a link's note: the patient's words are cleaned the same way on both paths,
cut to the limit only with a notice, and the app says when the PDF cannot print a character."""

from __future__ import annotations

import pytest

from decision_aid import report
from decision_aid.profile import MAX_NOTE_CHARS
from tests.ui.conftest import go, open_app, texts


def test_link_note_with_a_vertical_tab_is_kept_as_a_line_break():
    # A word processor's manual line break (vertical tab) used to throw the whole note away,
    # with a notice that it was too long.
    at = open_app({"relief": "9", "note": "I drive\x0bfor work\x00"}, page="priorities")
    assert at.text_area(key="note").value == "I drive\nfor work "
    assert at.session_state["answers"]["note"] == "I drive\nfor work "
    assert "not allowed" not in texts(at)
    assert at.query_params["note"] == "I drive\nfor work "  # the link keeps the words


def test_long_link_note_is_kept_up_to_the_limit_and_the_rest_shown():
    note = "a" * MAX_NOTE_CHARS + " TAIL-WORDS-KEPT"
    at = open_app({"note": note}, page="priorities")
    assert at.session_state["answers"]["note"] == "a" * MAX_NOTE_CHARS
    shown = texts(at)
    assert "too long" in shown and "1,016 characters" in shown and "first 1,000" in shown
    assert "not allowed" not in shown
    assert [c.value for c in at.code if "TAIL-WORDS-KEPT" in c.value] == [" TAIL-WORDS-KEPT"]


def test_paste_past_the_limit_keeps_the_first_1000_and_says_so():
    at = open_app(page="priorities")
    assert not at.text_area(key="note").max_chars  # Streamlit would refuse the whole paste
    pasted = "b" * 1500
    at.text_area(key="note").set_value(pasted).run()
    assert at.session_state["answers"]["note"] == "b" * MAX_NOTE_CHARS
    assert at.text_area(key="note").value == "b" * MAX_NOTE_CHARS
    assert any("the last 500 were left out" in w.value for w in at.warning)


def test_box_cleans_control_characters_like_the_link():
    at = open_app(page="priorities")
    at.text_area(key="note").set_value("one\x0btwo\rthree\x1bfour").run()
    assert at.session_state["answers"]["note"] == "one\ntwo\nthree four"


def test_app_says_when_the_pdf_cannot_print_a_character(monkeypatch: pytest.MonkeyPatch, tmp_path):
    monkeypatch.setenv(report.FONT_DIRS_ENV, str(tmp_path))  # no fallback fonts at all
    at = open_app({"note": "I worry 我很担心"}, page="priorities")
    assert "cannot be printed on the summary" in texts(at)
    go(at, "next_steps")
    assert "cannot be printed on the summary" in texts(at)
    monkeypatch.delenv(report.FONT_DIRS_ENV)
    at = open_app({"note": "I worry"}, page="priorities")
    assert "cannot be printed" not in texts(at)


def test_a_priority_can_be_set_back_to_not_set():
    """A slider moved by mistake stayed set for good: with no other priority set, the aid then
    matched the options on that one answer. "Clear my answer" sets it back: out of the link,
    counting for nothing, the slider waiting in the middle, and the button greyed out again."""
    at = open_app(page="priorities")
    assert at.button(key="unset_relief").disabled  # nothing to clear yet
    at.slider(key="relief").set_value(8).run()
    assert at.session_state["answers"]["relief"] == 8 and at.query_params["relief"] == "8"
    assert not at.button(key="unset_relief").disabled
    at.button(key="unset_relief").click().run()
    assert at.session_state["answers"]["relief"] is None
    assert "relief" not in at.query_params
    assert at.slider(key="relief").value == 5
    assert at.button(key="unset_relief").disabled
    assert "None set yet" in texts(at)


def test_clearing_one_priority_keeps_the_others():
    at = open_app({"relief": "8", "burden": "2"}, page="priorities")
    at.button(key="unset_burden").click().run()
    assert at.session_state["answers"]["relief"] == 8 and at.session_state["answers"]["burden"] is None
    assert at.query_params["relief"] == "8" and "burden" not in at.query_params
    assert at.slider(key="burden").value == 5 and at.slider(key="relief").value == 8
