"""Next steps: questions that follow from the answers, the SURE test, the quiz, the summary slot."""

from __future__ import annotations

from decision_aid.evidence import load_evidence
from decision_aid.wording import per_100

from .conftest import headings, open_app, texts, unescape


def test_questions_follow_from_the_answers():
    """The page shows the same questions as the PDF (decision_aid.questions)."""
    text = unescape(texts(open_app({"mri": "not_done"}, page="next_steps")))
    assert "Do I need an MRI scan before we decide?" in text
    assert "operations for hemifacial spasm does your team do each year" in text
    text = unescape(texts(open_app({"mri": "vessel", "avoid": "mvd"}, page="next_steps")))
    assert "Do I need an MRI scan" not in text
    assert "does your team do each year" not in text


def test_a_sure_no_points_to_talking_it_over():
    at = open_app(page="next_steps")
    at.radio(key="sure_u").set_value("no").run()
    assert any("Talk it over" in i.value for i in at.info)
    assert at.query_params["sure_u"] == "no"


def test_quiz_gives_feedback_from_the_dataset():
    ev = load_evidence()
    right = per_100(ev.options["botulinum"].success.per_100.central)
    at = open_app(page="next_steps")
    at.radio(key="quiz_success").set_value(right).run()
    assert any(s.value.startswith("Right") for s in at.success)
    wrong = next(o for o in at.radio(key="quiz_success").options if o != right)
    at.radio(key="quiz_success").set_value(wrong).run()
    assert any(w.value.startswith("Not quite") for w in at.warning)


def test_take_home_summary_has_its_place():
    at = open_app(page="next_steps")
    assert "Take-home summary" in headings(at, 2)
