"""Questions for the care team follow from the answers, and never push an option."""

from __future__ import annotations

from decision_aid.engine import evaluate
from decision_aid.evidence import load_evidence
from decision_aid.profile import Profile
from decision_aid.questions import questions_to_ask

EV = load_evidence()


def ask(**answers) -> list[str]:
    return questions_to_ask(EV, evaluate(EV, Profile(**answers)))


def test_no_scan_yet_asks_about_a_scan():
    assert any("MRI" in q for q in ask(mri="not_done"))
    assert not any("MRI" in q for q in ask(mri="vessel"))


def test_pregnancy_asks_about_timing():
    assert any("pregnan" in q for q in ask(pregnant="yes"))
    assert not any("pregnan" in q for q in ask())


def test_surgery_ruled_out_drops_the_surgical_team_question():
    assert any("your team" in q for q in ask(mri="vessel"))
    assert not any("your team" in q for q in ask(mri="vessel", avoid=("mvd",)))


def test_waiting_is_always_an_option_and_nothing_is_recommended():
    for answers in ({}, {"leaning": "mvd"}, {"sure_e": "no", "tried": ("botulinum",)}):
        qs = ask(**answers)
        assert any("wait" in q for q in qs)
        assert len(qs) == len(set(qs))
        assert not any("best" in q.lower() or "recommend" in q.lower() for q in qs)
