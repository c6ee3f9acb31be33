"""Words built from the dataset and the result: examples, fit sentences, questions, quiz."""

from __future__ import annotations

from decision_aid.derived import fit_sentence, priority_example_figures, priority_examples, quiz
from decision_aid.engine import evaluate
from decision_aid.evidence import load_evidence
from decision_aid.profile import PRIORITIES, Profile
from decision_aid.words.app import NOTHING_SET_WEIGHS
from decision_aid.words.common import PRIORITY_WISH, fit_word, whole

EV = load_evidence()


def test_recovery_example_takes_weeks_from_the_dataset():
    weeks = EV.options["mvd"].burden.recovery_weeks
    line = next(t for t in priority_examples(EV)["recovery"] if t.startswith(EV.options["mvd"].short_name))
    assert f"about {whole(weeks.value.central)} {weeks.unit}" in line


def test_time_example_says_injection_visits_as_the_grid_does():
    """The priorities page said "about 3.6 injection visits a year" where the grid and the PDF say
    "about 4": one quantity, one way of saying it."""
    q = EV.options["botulinum"].burden.injections_per_year
    assert q.value.central % 1  # a value that the two roundings told apart (3.6)
    line = next(
        t for t in priority_examples(EV)["burden"] if t.startswith(EV.options["botulinum"].short_name)
    )
    assert f"about {whole(q.value.central)} {q.unit}" in line


def test_every_priority_has_one_example_per_option_in_fixed_order():
    names = [o.short_name for _, o in EV.ordered()]
    for lines in priority_examples(EV).values():
        assert [line.split(":")[0] for line in lines] == names


def test_every_example_with_a_figure_has_its_sources_and_range_for_a_consult():
    """The priorities page showed figures (2 out of 100, 65 out of 100) with no source or time
    frame even in consult mode; each line's figure now carries them, line for line."""
    lines, figures = priority_examples(EV), priority_example_figures(EV)
    assert list(lines) == list(figures) == list(PRIORITIES)
    for p in PRIORITIES:
        assert len(lines[p]) == len(figures[p])
        for line, fig in zip(lines[p], figures[p], strict=True):
            assert set(fig.sources) <= set(EV.sources)
            if "out of 100" in line:  # a chance per 100: its range, time frame and sources
                assert fig.sources and fig.timeframe and fig.low is not None, line
    mvd_hearing = figures["serious_risk"][-1]
    hearing = next(r for r in EV.options["mvd"].risks if r.serious_or_lasting)
    assert mvd_hearing.sources == tuple(hearing.sources) and mvd_hearing.timeframe == hearing.timeframe
    assert figures["burden"][1].low is None  # visits a year are a count, not a range out of 100


def test_fit_sentence_names_wishes_both_ways():
    prof = Profile(lasting=10, recovery=10)
    sentence = fit_sentence(evaluate(EV, prof).option("mvd"), prof.weights(), set_by_you=prof.priorities_set)
    assert sentence.startswith(EV.options["mvd"].short_name)
    assert "fits your wish for a result that lasts" in sentence


def test_fit_sentence_ignores_priorities_that_do_not_matter():
    prof = Profile(relief=0, lasting=0, serious_risk=0, side_effects=0, burden=0, recovery=10)
    sentence = fit_sentence(evaluate(EV, prof).option("medication"), prof.weights(), set_by_you=PRIORITIES)
    assert "lasts" not in sentence and "spasm" not in sentence


def test_fit_sentence_names_only_the_priorities_set_by_the_patient():
    """Unset priorities count as 5 in the match: named as set, they would be called wishes; the
    sentence names only what the patient set."""
    prof = Profile(relief=5)
    medicines = evaluate(EV, prof).option("medication")
    assert "avoid an operation" in fit_sentence(medicines, prof.weights(), set_by_you=PRIORITIES)
    sentence = fit_sentence(medicines, prof.weights(), set_by_you=prof.priorities_set)
    assert "avoid an operation" not in sentence
    # 30 out of 100 clearly better: neither fits nor weighs against; "fits a little" in the grid
    assert sentence == f"{medicines.short_name} fits your wish to control the spasm only a little."


def test_fit_sentence_grades_the_wishes_in_the_middle_as_the_grid_does():
    """No wish clearly met or against: the sentence names the set wishes with the grid's and the
    PDF's own grade (`fit_word`), not a vague "fits partly" that could mean either."""
    prof = Profile(relief=8, burden=7)
    medicines = evaluate(EV, prof).option("medication")
    assert fit_word(medicines.scores["burden"]) == "fits partly"
    assert fit_word(medicines.scores["relief"]) == "fits a little"
    assert fit_sentence(medicines, prof.weights(), set_by_you=prof.priorities_set) == (
        f"{medicines.short_name} fits {PRIORITY_WISH['burden']} only partly"
        f" and {PRIORITY_WISH['relief']} only a little."
    )
    prof = Profile(burden=7)
    botulinum = evaluate(EV, prof).option("botulinum")
    assert fit_word(botulinum.scores["burden"]) == "fits a little"
    assert fit_sentence(botulinum, prof.weights(), set_by_you=prof.priorities_set).endswith(
        f"{PRIORITY_WISH['burden']} only a little."
    )


def test_fit_sentence_names_the_weaker_points_beside_the_clear_ones():
    """Botulinum toxin clearly fits control, and fits little time and effort (about 4 injection
    visits a year) only a little: the sentence used to name control alone, so it said only the
    good side of an option whose grid cell says "fits a little" on time."""
    prof = Profile(relief=8, burden=7)
    botulinum = evaluate(EV, prof).option("botulinum")
    assert fit_word(botulinum.scores["relief"]) == "fits well"
    assert fit_word(botulinum.scores["burden"]) == "fits a little"
    assert fit_sentence(botulinum, prof.weights(), set_by_you=prof.priorities_set) == (
        f"{botulinum.short_name} fits {PRIORITY_WISH['relief']}."
        f" It fits {PRIORITY_WISH['burden']} only a little."
    )
    mvd = evaluate(EV, prof).option("mvd")  # clear on both: nothing in between to add
    assert "only" not in fit_sentence(mvd, prof.weights(), set_by_you=prof.priorities_set)


def test_fit_sentence_says_so_when_nothing_set_matters():
    """Every priority set at 0: nothing the patient said weighs either way, and the sentence says
    that instead of calling the option a partial fit."""
    prof = Profile(relief=0)
    mvd = evaluate(EV, prof).option("mvd")
    assert fit_sentence(mvd, prof.weights(), set_by_you=prof.priorities_set) == (
        NOTHING_SET_WEIGHS.format(name=mvd.short_name)
    )


def test_priorities_set_keeps_the_fixed_order_and_leaves_out_the_unset():
    assert Profile(recovery=0, relief=7).priorities_set == ("relief", "recovery")
    assert Profile().priorities_set == ()


def test_quiz_has_three_questions_with_answers_among_choices():
    questions = quiz(EV)
    assert len(questions) == 3
    for q in questions:
        assert q.answer in q.choices


def test_relief_example_uses_the_control_measure_and_says_which_it_is():
    label = EV.meta.measures[EV.meta.control_measure].label.lower()
    for line, (oid, _) in zip(priority_examples(EV)["relief"], EV.ordered(), strict=True):
        assert label in line
        central = EV.control(oid).per_100.central
        assert f"{round(central)} out of 100" in line


def test_relief_example_marks_the_medicines_estimate_as_one():
    """The priorities page gave the medicines' 30 in 100 like a study's figure (clinical review)."""
    for line, (oid, _) in zip(priority_examples(EV)["relief"], EV.ordered(), strict=True):
        assert line.endswith(", an expert's estimate, not a study") == EV.control(oid).expert_estimate, line
    assert any(EV.control(oid).expert_estimate for oid in EV.options)


def test_side_effect_example_marks_a_per_injection_figure():
    line = next(t for t in priority_examples(EV)["side_effects"] if t.startswith("Botulinum"))
    assert line.endswith("per injection")


def test_quiz_answer_is_the_control_figure_for_botulinum():
    q = next(q for q in quiz(EV) if q.key == "quiz_success")
    assert q.answer.startswith(f"{round(EV.control('botulinum').per_100.central)} out of 100")


def test_lasting_example_counts_the_spasm_coming_back_among_the_people_helped():
    """MVD's recurrence (2 in 100) counts people first cured; "the spasm comes back ... for about
    2 out of 100 people" read as 2 in 100 of everyone operated on."""
    line = next(t for t in priority_examples(EV)["lasting"] if t.startswith(EV.options["mvd"].short_name))
    assert "of the people it makes spasm-free, the spasm comes back" in line


def test_quiz_feedback_gives_the_time_frame_in_a_few_words():
    """The feedback put the whole time frame in brackets, brackets inside brackets: "(At the peak
    of each injection (within a few weeks); this stayed the same over 10 years ...)"."""
    explain = next(q for q in quiz(EV) if q.key == "quiz_success").explain
    assert explain.count("(") == 1 and "(at the peak of each injection)" in explain
    # the treatment as the question names it: "with Botulinum toxin:" was capitalised mid-sentence
    assert f" with {EV.options['botulinum'].sentence_name}:" in explain


def test_the_once_question_says_usually_as_the_second_operation_figure_asks():
    """MVD is 'done once' for most, but the dataset's second-operation figure is not zero: the
    question and its answer say "usually", and name the option as the pages do."""
    reoperation = EV.options["mvd"].reoperation
    assert reoperation.per_100.central > 0
    q = next(q for q in quiz(EV) if q.key == "quiz_once")
    assert "usually done once" in q.question
    assert q.explain.startswith(f"{EV.options['mvd'].short_name} is usually done once;")


def test_the_serious_harm_example_gives_a_label_warning_not_no_harm():
    """The priorities page said "Botulinum toxin: no serious or lasting harm reported", where the
    patient weighs serious harm, while every botulinum toxin label warns the toxin can spread."""
    warning = EV.options["botulinum"].label_warning
    line = next(t for t in priority_examples(EV)["serious_risk"] if t.startswith("Botulinum toxin"))
    assert line == f"Botulinum toxin: {warning.short[:1].lower()}{warning.short[1:]}"
    assert "no serious" not in line
    figure = priority_example_figures(EV)["serious_risk"][1]
    assert figure.sources == tuple(warning.sources)
