"""decision_aid.results: the shared grouping of cautions the situation page, the grid and the PDF use."""

from __future__ import annotations

from decision_aid.results import Caution, once_per_wording, under_whom


def _caution(text: str, effect: str = "caution") -> Caution:
    return Caution(rule="r", effect=effect, text=text, sources=[], label="A label")


def test_a_caution_on_every_option_is_listed_once_with_every_name():
    scan, sleep = _caution("Have a scan first."), _caution("It needs a general anaesthetic.")
    grouped = once_per_wording(
        [("Medicines", [scan]), ("Botulinum toxin", [scan]), ("MVD surgery", [scan, sleep])],
        lambda c: (c.effect, c.text),
    )
    assert grouped == [(scan, ["Medicines", "Botulinum toxin", "MVD surgery"]), (sleep, ["MVD surgery"])]


def test_the_same_words_with_another_effect_are_another_caution():
    grouped = once_per_wording(
        [("A", [_caution("Not now.")]), ("B", [_caution("Not now.", "not_suitable")])],
        lambda c: (c.effect, c.text),
    )
    assert [who for _, who in grouped] == [["A"], ["B"]]


def test_an_option_is_named_once_however_often_it_repeats_a_caution():
    grouped = once_per_wording([("A", ["x", "x"]), ("B", ["x"])], lambda text: text)
    assert grouped == [("x", ["A", "B"])]


def test_cautions_for_the_same_options_go_under_one_heading_first_seen_first():
    grouped = [("scan", ["A", "B", "C"]), ("sleep", ["C"]), ("age", ["C"]), ("pills", ["A"])]
    assert under_whom(grouped) == [(["A", "B", "C"], ["scan"]), (["C"], ["sleep", "age"]), (["A"], ["pills"])]


def test_a_local_spasm_free_figure_is_said_to_be_outside_the_match():
    """Every option is matched on 'clearly better': a team's 'spasm gone' figure (10 in 100 here)
    left MVD first with no word that its match uses the published figure."""
    from decision_aid.engine import evaluate
    from decision_aid.evidence import load_evidence
    from decision_aid.profile import Profile

    ev = load_evidence()
    local = evaluate(ev, Profile(relief=8, mvd_success=10.0)).option("mvd")
    published = evaluate(ev, Profile(relief=8)).option("mvd")
    assert local.local_not_matched and not published.local_not_matched
    assert local.match == published.match  # what the sentence says
    hearing = evaluate(ev, Profile(relief=8, mvd_hearing_loss=8.0)).option("mvd")
    assert not hearing.local_not_matched  # a local harm is in the match
