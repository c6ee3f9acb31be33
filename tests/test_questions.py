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


def test_new_situations_bring_their_own_questions():
    plain = set(ask())
    cases = {
        "blood thinner": {"blood_thinners": "yes"},
        "both sides": {"sides": "both"},
        "found something else": {"mri": "other_finding"},
        "planning a pregnancy": {"pregnant": "planning"},
        "never helped": {"tried": ("mvd",), "mvd_result": "no_help"},
        "came back": {"tried": ("mvd",), "mvd_result": "came_back"},
        "I am 72": {"age": 72, "anesthesia": "fit", "mri": "vessel"},
    }
    for words, answers in cases.items():
        new = [q for q in ask(**answers) if q not in plain]
        assert any(words in q for q in new), (words, new)
        assert not any(words in q for q in plain), words


def test_age_questions_start_where_the_age_cautions_do():
    """The medicines' age question came at 60, their caution (and its reasons) at 65: a patient
    of 64 was asked about a risk the aid did not name. Each question now follows its caution."""

    def aged(age: int) -> tuple[bool, bool]:
        qs = ask(age=age, anesthesia="fit", mri="vessel")
        mvd = any(q.startswith("I am ") and "MVD" in q for q in qs)
        return mvd, any(q.startswith("I am ") and "medicines" in q for q in qs)

    assert aged(59) == (False, False)
    assert aged(60) == (True, False)
    assert aged(64) == (True, False)
    assert aged(65) == (True, True)


def test_mvd_result_asks_nothing_without_an_earlier_mvd():
    assert not any("never helped" in q for q in ask(mvd_result="no_help"))


def test_pregnant_and_planning_are_asked_apart():
    pregnant, planning = ask(pregnant="yes"), ask(pregnant="planning")
    assert any("I am pregnant." in q for q in pregnant) and not any("I am pregnant." in q for q in planning)
    assert any("birth control" in q for q in planning)


def test_everyone_is_asked_about_driving_work_and_cost():
    for answers in ({}, {"relief": 9, "tried": ("botulinum",)}):
        qs = ask(**answers)
        assert any("drive" in q and "work" in q for q in qs)
        assert any("cost" in q for q in qs)


def test_questions_read_at_grade_8_or_below():
    from .readability import grade

    every = ask(
        mri="other_finding",
        sides="both",
        pregnant="planning",
        blood_thinners="yes",
        age=72,
        tried=("mvd", "botulinum"),
        mvd_result="came_back",
        relief=9,
        burden=9,
        side_effects=9,
        serious_risk=9,
        sure_u="no",
        sure_r="no",
        sure_e="no",
        leaning="mvd",
    )
    assert grade(" ".join(every)) <= 8


def test_a_leaning_toward_no_treatment_is_a_choice_not_undecided():
    """Leaning toward "no treatment for now" brought "I have not decided yet. Do I need to decide
    now?", under "Where you are leaning now: No treatment for now"."""
    qs = ask(leaning="no_treatment")
    assert any(q.startswith("I am leaning towards no treatment for now.") for q in qs)
    assert not any(q.startswith("I have not decided yet") for q in qs)
    assert any(q.startswith("I have not decided yet") for q in ask(leaning="unsure"))


def test_not_feeling_sure_of_the_choice_brings_a_question():
    """SURE's "S" answered no: its help says to take the questions below to the doctor, and none
    of them spoke to it."""
    assert any("do not feel sure" in q for q in ask(sure_s="no"))
    assert not any("do not feel sure" in q for q in ask(sure_s="yes"))


def test_mvd_left_out_of_the_match_still_brings_its_questions():
    """Out of the match is not out of the conversation: MS still asks whether MVD could help."""
    qs = ask(cause="ms", relief=8)
    assert any("multiple sclerosis" in q.lower() and "MVD" in q for q in qs)
