"""Natural frequencies: whole people, one denominator, rare harms never rounded to nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decision_aid.words.common import both_ways, per_100, per_100_range


@pytest.mark.parametrize(
    ("chance", "text"),
    [
        (0, "0 out of 100 people"),
        (88.5, "89 out of 100 people"),
        (2.3, "2 out of 100 people"),
        (0.3, "fewer than 1 out of 100 people (about 3 out of 1,000)"),
        (0.01, "fewer than 1 out of 100 people (about 1 out of 10,000)"),
        (0.96, "1 out of 100 people"),
    ],
)
def test_per_100(chance, text):
    assert per_100(chance) == text


def test_ranges():
    assert per_100_range(63.4, 94.6) == "63 to 95 out of 100"
    assert per_100_range(30, 30) == "30 out of 100"
    assert per_100_range(0.1, 0.3) == "1 to 3 out of 1,000"


@given(st.floats(0, 100, allow_nan=False))
def test_both_ways_adds_up_to_100(x):
    text = both_ways(x, "are helped", "are not")
    first, second = (int(part.split(" out of")[0].split()[-1]) for part in text.split(";"))
    assert first + second == 100
