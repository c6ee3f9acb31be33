"""The summary's own word functions: how sure a figure, or a sum of figures, is."""

from __future__ import annotations

from decision_aid.words.report import certainty_span, certainty_words


def test_a_sum_is_as_sure_as_its_least_sure_part_and_no_surer_than_its_surest():
    assert certainty_span(["low", "low"]) == certainty_words("low", short=True) == "How sure: low."
    assert certainty_span(["moderate", "low", None]) == "How sure: low to moderate."
    assert certainty_span(["high", "very_low", "moderate"]) == "How sure: very low to high."
    assert certainty_span([]) == certainty_span([None]) == ""
