"""`decision_aid.ui.chart_cache.keyed`: what a page draws, kept per key."""

from __future__ import annotations

from decision_aid.ui import chart_cache


def test_keyed_makes_each_value_once_per_key():
    made: list[int] = []

    def make(n: int) -> dict:
        made.append(n)
        return {"n": n}

    first = chart_cache.keyed(("test", 1), lambda: make(1))
    assert chart_cache.keyed(("test", 1), lambda: make(1)) is first
    assert chart_cache.keyed(("test", 2), lambda: make(2)) == {"n": 2}
    assert made == [1, 2]
