"""The summary's own word functions: how sure a sum of figures is."""

from __future__ import annotations

from decision_aid.words.report import certainty_words, least_sure


def test_a_sum_is_as_sure_as_its_least_sure_part():
    assert least_sure(["low", "low"]) == certainty_words("low", short=True) == "How sure: low."
    assert least_sure(["moderate", "low", None]) == "How sure: low."
    assert least_sure(["high", "very_low", "moderate"]) == "How sure: very low."
    assert least_sure([]) == least_sure([None]) == ""
