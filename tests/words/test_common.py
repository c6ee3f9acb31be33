"""Natural frequencies: whole people, one denominator, rare harms never rounded to nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from decision_aid.words.common import (
    EVERY_TREATMENT,
    and_list,
    both_ways,
    has_range,
    options_named,
    per_100,
    per_100_range,
    rounded_total_note,
    weight_text,
    whole,
    whole_parts,
)


@pytest.mark.parametrize(
    ("chance", "text"),
    [
        (0, "0 out of 100 people"),
        (88.5, "89 out of 100 people"),
        (2.3, "2 out of 100 people"),
        (0.3, "fewer than 1 out of 100 people (about 3 out of 1,000)"),
        (0.01, "fewer than 1 out of 100 people (about 1 out of 10,000)"),
        # 6 in 10,000 (carbamazepine's serious skin reaction) read "about 1 out of 1,000"
        (0.06, "fewer than 1 out of 100 people (about 6 out of 10,000)"),
        (0.095, "fewer than 1 out of 100 people (about 1 out of 1,000)"),
        # 5 in 100,000 a year (carbamazepine's blood disorders) read "about 1 out of 10,000"
        (0.0052, "fewer than 1 out of 100 people (about 5 out of 100,000)"),
        (0.0095, "fewer than 1 out of 100 people (about 1 out of 10,000)"),
        (0.96, "1 out of 100 people"),
    ],
)
def test_per_100(chance, text):
    assert per_100(chance) == text


def test_ranges():
    assert per_100_range(63.4, 94.6) == "63 to 95 out of 100"
    assert per_100_range(30, 30) == "30 out of 100"
    assert per_100_range(0.1, 0.3) == "1 to 3 out of 1,000"
    # the serious skin reaction's 1 to 60 in 10,000 read "0 to 1 out of 100"
    assert per_100_range(0.01, 0.6) == "1 to 60 out of 10,000"
    assert per_100_range(0, 0.3) == "0 to 3 out of 1,000"
    # the blood disorders' 4 to 6 in 100,000 read "0 to 1 out of 10,000"
    assert per_100_range(0.004, 0.0064) == "4 to 6 out of 100,000"
    # an operation's recurrence, 0.4 to 9.8 in 100, read "0 to 10": as if some studies saw none
    assert per_100_range(0.4, 9.8) == "fewer than 1 to 10 out of 100"
    assert per_100_range(0, 9.8) == "0 to 10 out of 100" and per_100_range(0.5, 9.8) == "1 to 10 out of 100"
    # not "fewer than 1 to 1 out of 100", nor a low end of "0" on the smallest scale
    assert per_100_range(0.3, 1.2) == "3 to 12 out of 1,000"
    assert per_100_range(0.0004, 0.3) == "1 to 300 out of 100,000"
    assert per_100_range(0.3, 1.49) == "3 to 15 out of 1,000"
    assert per_100_range(0.3, 1.5) == "fewer than 1 to 2 out of 100"
    assert per_100_range(0.0004, 1.2) == "1 to 1,200 out of 100,000"
    # the Range column agrees: a range that prints as one figure is none
    assert not has_range(0.0003, 0.0012) and per_100_range(0.0003, 0.0012) == "1 out of 100,000"


def test_a_rare_harms_range_is_told_apart_on_its_own_scale():
    assert has_range(0.004, 0.0064)  # 4 to 6 out of 100,000: 0.0024 apart in 100
    assert has_range(0.01, 0.6) and has_range(63.4, 94.6)
    assert not has_range(41, 41.02) and not has_range(0, 0) and not has_range(0.0064, 0.0064)


@given(st.floats(0, 100, allow_nan=False))
def test_both_ways_adds_up_to_100(x):
    text = both_ways(x, "are helped", "are not")
    first, second = (int(part.split(" out of")[0].split()[-1]) for part in text.split(";"))
    assert first + second == 100


def test_and_list_reads_as_a_sentence():
    assert and_list([]) == ""
    assert and_list(["medicines"]) == "medicines"
    assert and_list(["medicines", "MVD surgery"]) == "medicines and MVD surgery"
    assert and_list(["a", "b", "c"]) == "a, b and c"


def test_a_caution_for_every_option_names_them_all_at_once():
    # The situation page, the grid's caution list and the PDF say it the same way.
    assert options_named(["Medicines", "Botulinum toxin", "MVD surgery"], 3) == EVERY_TREATMENT
    assert options_named(["Medicines", "MVD surgery"], 3) == "Medicines and MVD surgery"
    assert options_named(["MVD surgery"], 3) == "MVD surgery"


def test_a_weight_is_said_one_way_and_an_unset_one_never_as_a_weight_given():
    assert weight_text(8, 5) == weight_text(8) == "8/10"
    assert weight_text(0, 5) == "0/10"
    assert weight_text(None, 5) == "not set, counts as 5/10"
    assert weight_text(None) == "not set"  # nothing matched yet: it counts as nothing


@given(
    st.lists(st.floats(min_value=0, max_value=40, allow_nan=False), min_size=1, max_size=6),
    st.floats(min_value=-0.49, max_value=0.1),
)
def test_whole_parts_add_up_to_the_whole_total(values, drift):
    """Parts printed beside their total add up to it; each stays within 1 of its own value. The
    total may drift a little from the parts' sum (the engine works the match out apart)."""
    parts = {f"p{i}": v for i, v in enumerate(values)}
    total = max(0.0, sum(values) + drift)
    shown = whole_parts(parts, total)
    assert sum(shown.values()) == whole(total)
    assert all(abs(shown[k] - v) < 1 + abs(drift) and shown[k] >= 0 for k, v in parts.items())


def test_whole_parts_give_the_difference_to_the_largest_remainders():
    assert whole_parts({"a": 1.4, "b": 1.4, "c": 1.4}, 4.2) == {"a": 2, "b": 1, "c": 1}
    assert whole_parts({"a": 0.6, "b": 2.3, "c": 3.1}, 6.0) == {"a": 1, "b": 2, "c": 3}
    assert whole_parts({"a": 10.5, "b": 20.5}, 31.0) == {"a": 11, "b": 20}


def test_figures_that_split_one_group_say_when_their_whole_numbers_do_not_add_up():
    """Without treatment: 43, 40, 10 and 11 of 104 people read 41, 39, 10 and 11 out of 100,
    which a patient or clinician adding them up finds to be 101."""
    assert rounded_total_note([41.3, 38.5, 9.6, 10.6]) == (
        "Each figure is rounded to a whole number, so together they add up to 101, not 100."
    )
    assert rounded_total_note([33.3, 33.3, 33.4]).endswith("add up to 99, not 100.")
    assert rounded_total_note([41, 39, 20]) == rounded_total_note([]) == ""


def test_serious_harms_have_one_name_wherever_they_are_read():
    """The priority a patient weighs, the harms topic, the grid and the PDF's tables and pictures
    name one pile of harms: "serious or permanent" beside "serious or lasting" read as two."""
    from decision_aid.words import common, report

    pot = Path(__file__).resolve().parents[2] / "decision_aid" / "locale" / "decision_aid.pot"
    with pot.open("rb") as f:
        sentences = [str(m.id) for m in read_po(f) if m.id]
    named = [s for s in sentences if re.search(r"serious or (permanent|lasting)", s, re.I)]
    assert len(named) >= 5
    assert not [s for s in named if re.search(r"serious or permanent", s, re.I)]
    for text in (
        common.PRIORITY_LABELS["serious_risk"],
        common.PRIORITY_WISH["serious_risk"],
        common.LASTING_HARMS,
        report.SERIOUS_TITLE,
        report.SERIOUS_WHAT,
    ):
        assert "serious or lasting" in text.lower()
