"""What the review pack gathers as the patient's wording: worded by the app's own code, so the
clinicians sign off the sentences patients read (the pack's own tests check it prints them)."""

from __future__ import annotations

import pkgutil

import pytest

from decision_aid import engine
from decision_aid.evidence import load_evidence
from decision_aid.profile import parse_query
from decision_aid.questions import questions_to_ask
from decision_aid.wording import SHARED_WORD_MODULES, caution_words, every_question, page_words
from decision_aid.words import pages

EVIDENCE = load_evidence()


def test_a_caution_reads_as_the_engine_words_it_for_a_situation_that_triggers_it():
    rule = next(r for r in EVIDENCE.rules if r.id == "mvd_no_vessel_on_scan")
    shown = engine.cautions_for(EVIDENCE, "mvd", parse_query("mri=no_vessel").profile)
    assert caution_words(EVIDENCE, rule, "mvd") == next(c.text for c in shown if c.rule == rule.id)
    assert "{name}" not in caution_words(EVIDENCE, rule, "mvd")


def test_a_caution_with_situational_sentences_is_its_own_text_alone():
    """Its `also` sentences are listed apart, each with the situation it needs."""
    rule = next(r for r in EVIDENCE.rules if r.also)
    oid = rule.options[0]
    words = caution_words(EVIDENCE, rule, oid)
    assert words == engine._fill_name(rule.text, EVIDENCE.options[oid].sentence_name)
    assert all(extra.text not in words for extra in rule.also)


@pytest.mark.parametrize(
    "query", ["", "cause=ms&mri=other_finding", "tried=botulinum,medication&leaning=mvd", "mvd_success=90"]
)
def test_every_question_holds_the_questions_of_a_situation(query):
    asked = set(every_question(EVIDENCE))
    result = engine.evaluate(EVIDENCE, parse_query(query).profile)
    assert set(questions_to_ask(EVIDENCE, result)) <= asked


def test_page_words_has_every_page_module_with_its_parts_shown_as_an_ellipsis():
    words = page_words()
    assert list(words) == [m.name for m in pkgutil.iter_modules(pages.__path__)] + list(SHARED_WORD_MODULES)
    every = [t for texts in words.values() for t in texts]
    assert every and not any("{" in t or "**" in t for t in every)
    assert any("…" in t for t in every)
    assert len(every) == len(set(every)), "a text is listed once, under the first module holding it"


def test_page_words_hold_what_patients_read_beyond_the_pages():
    """The compare page's topics, the grid's cells, the charts' words and the take-home summary
    are read by patients too, and were not in the pack's "every sentence a patient reads"."""
    from decision_aid.words import charts, grid, report, topics

    every = {t for texts in page_words().values() for t in texts}
    texts = (topics.DIFFERENT_STUDIES, grid.EXPERT_ESTIMATE, charts.IN_WORDS, report.DIFFERENT_STUDIES)
    for text in (*texts, report.NO_CAUTIONS):
        assert " ".join(text.split()) in every, text
