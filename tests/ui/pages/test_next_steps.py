"""Next steps: questions that follow from the answers, the SURE test, the quiz, the summary slot."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from streamlit.elements.widgets import button

from decision_aid.derived import quiz
from decision_aid.engine import evaluate
from decision_aid.evidence import load_evidence
from decision_aid.profile import parse_query
from decision_aid.questions import questions_to_ask
from decision_aid.words.common import per_100
from decision_aid.words.pages import next_steps as w
from tests.ui.conftest import headings, open_app, texts, unescape


def _question_list(at) -> list[str] | None:
    """The list under "Questions to ask", a question a line (the first list after its heading)."""
    values = [unescape(m.value) for m in at.markdown]
    start = values.index(f"## {w.ASK_YOUR_DOCTOR}")
    return next((v.splitlines() for v in values[start:] if v.startswith("- ")), None)


SCAN = "Do I need an MRI scan before we decide?"
TEAM = "operations for hemifacial spasm does your team do each year"


@pytest.mark.parametrize(
    ("query", "asked", "not_asked"),
    [
        ("mri=not_done", [SCAN, TEAM], []),
        ("mri=vessel&avoid=mvd", [], [SCAN, TEAM]),
        ("relief=9&mri=vessel&pregnant=yes&blood_thinners=yes&leaning=mvd&sure_e=no", [TEAM], [SCAN]),
    ],
)
def test_questions_follow_from_the_answers(query, asked, not_asked):
    """The page shows the same questions as the PDF (decision_aid.questions), all and only those,
    and they change with the answers."""
    ev = load_evidence()
    expected = questions_to_ask(ev, evaluate(ev, parse_query(query).profile))
    shown = _question_list(open_app(dict(parse_qsl(query)), page="next_steps"))
    assert shown == [f"- {q}" for q in expected]
    text = "\n".join(shown)
    assert all(q in text for q in asked) and not any(q in text for q in not_asked)


@pytest.mark.parametrize(
    ("name", "help_words", "page_link"),
    [
        ("sure_s", "Not sure yet?", "Go to: Compare the options"),
        ("sure_u", "Not clear on the benefits and risks?", "Go to: Compare the options"),
        ("sure_r", "Not clear what matters most to you?", "Go to: What matters to you"),
        ("sure_e", "Need more support?", None),
    ],
)
def test_each_sure_no_points_to_the_help_it_calls_for(name, help_words, page_link):
    at = open_app({"relief": "7", "topic": "fit"}, page="next_steps")
    at.radio(key=name).set_value("no").run()
    assert at.query_params[name] == "no"
    shown = [i.value for i in at.info]
    assert len(shown) == 1 and help_words in shown[0]
    links = [e.proto.label for e in at.get("page_link") if e.proto.label.startswith("Go to:")]
    assert links == ([page_link] if page_link else [])
    for e in at.get("page_link"):
        if e.proto.label.startswith("Go to:"):
            parsed = parse_query(e.proto.query_string)
            assert parsed.profile.relief == 7, "the link must carry the answers"
            assert parsed.warnings == [], "the link's check must fit it"
            if "Compare" in e.proto.label:
                assert parsed.profile.topic == "glance"  # the grid, whatever topic was open
    at.radio(key=name).set_value("yes").run()
    assert not at.info


def test_the_sure_help_link_names_the_sessions_page_not_its_file(monkeypatch):
    """A page link given a file's path looks the file up on disk at every run; the help a SURE
    "no" calls for links to the session's own page (`components.streamlit_page`), as the sidebar
    does, and still goes to the grid."""
    looked_up = []
    realpath = button.os.path.realpath

    def counted(path, *args, **kwargs):
        looked_up.append(path)
        return realpath(path, *args, **kwargs)

    at = open_app({"relief": "7"}, page="next_steps")
    monkeypatch.setattr(button.os.path, "realpath", counted)
    at.radio(key="sure_u").set_value("no").run()
    (link,) = [e.proto for e in at.get("page_link") if e.proto.label.startswith("Go to:")]
    assert (link.page, parse_query(link.query_string).profile.topic) == ("compare", "glance")
    assert [p for p in looked_up if str(p).endswith(".py")] == []


def test_leaning_has_no_treatment_for_now_and_sits_with_sure_and_the_check():
    at = open_app(page="next_steps")
    assert at.radio(key="leaning").options[0] == "No treatment for now"
    at.radio(key="leaning").set_value("no_treatment").run()
    assert at.query_params["leaning"] == "no_treatment"
    assert "Where you are leaning:** No treatment for now" in texts(at)
    order = headings(at, 2)
    together = ["Check what you know", "Where are you leaning now?", "Are you ready to decide?"]
    start = order.index(together[0])
    assert order[start : start + 3] == together


def test_the_knowledge_check_result_goes_into_the_link_and_the_summary():
    ev = load_evidence()
    questions = {q.key.removeprefix("quiz_"): q for q in quiz(ev)}
    at = open_app(page="next_steps")
    assert "Check what you know:** not done" in texts(at)
    once = questions["once"]
    at.radio(key="quiz_once").set_value(once.answer).run()
    wrong = next(o for o in questions["anaesthetic"].choices if o != questions["anaesthetic"].answer)
    at.radio(key="quiz_anaesthetic").set_value(wrong).run()
    assert at.query_params["quiz"] == "once:right,anaesthetic:wrong"
    assert "Check what you know:** 1 of 2 answered right" in texts(at)
    reopened = open_app({"quiz": "once:right,anaesthetic:wrong"}, page="next_steps")
    assert reopened.radio(key="quiz_once").value == once.answer
    assert reopened.radio(key="quiz_anaesthetic").value is None
    assert "Last time this one was not quite right" in texts(reopened)


def test_quiz_gives_feedback_from_the_dataset():
    ev = load_evidence()
    right = per_100(ev.control("botulinum").per_100.central)
    at = open_app(page="next_steps")
    at.radio(key="quiz_success").set_value(right).run()
    assert any(s.value.startswith("Right") for s in at.success)
    wrong = next(o for o in at.radio(key="quiz_success").options if o != right)
    at.radio(key="quiz_success").set_value(wrong).run()
    assert any(w.value.startswith("Not quite") for w in at.warning)


def test_take_home_summary_has_its_place():
    """The section is there with what it is for: the PDF to download, and its data."""
    at = open_app(page="next_steps")
    assert "Take-home summary" in headings(at, 2)
    buttons = {b.proto.id.rsplit("-", 1)[-1]: b.proto for b in at.get("download_button")}
    assert set(buttons) == {"download_summary", "download_summary_json"}, buttons
    assert buttons["download_summary"].label == w.DOWNLOAD_PDF
    assert buttons["download_summary_json"].label == w.DOWNLOAD_JSON
    assert not any(b.disabled for b in buttons.values())


def test_the_link_to_the_answers_is_on_the_page_where_a_patient_ends():
    # On a phone the sidebar's copy-link box is behind the menu button: the page has its own,
    # with the answers given so far, and it follows a change made on the page.
    at = open_app({"relief": "8", "mri": "vessel"}, page="next_steps")
    (link,) = [c.value for c in at.main.code]
    assert "relief=8" in link and "mri=vessel" in link
    at.radio(key="leaning").set_value("botulinum").run()
    (link,) = [c.value for c in at.main.code]
    assert "leaning=botulinum" in link and "relief=8" in link
    assert "Copy link to these answers" in texts(at)


def test_the_answers_summary_says_each_weight_as_the_pdf_does():
    text = unescape(texts(open_app({"relief": "8", "burden": "0"}, page="next_steps")))
    assert "Control of the spasm: **8/10**" in text
    assert "Little time and effort (few visits, pills or weeks off): **0/10**" in text
    assert "A result that lasts without repeat treatment: **not set, counts as 5/10**" in text
    text = unescape(texts(open_app(page="next_steps")))  # nothing set: nothing is matched
    assert "Control of the spasm: **not set**" in text
