"""The one bounded cache the engine, the charts, the app and the PDF share."""

from __future__ import annotations

import threading

import pytest

from decision_aid.lru import BoundedCache


def test_keeps_at_most_size_entries_dropping_the_least_recently_used():
    cache: BoundedCache[str] = BoundedCache(2)
    cache.put("a", "A")
    cache.put("b", "B")
    assert cache.get("a") == "A"  # "a" is now the most recently used
    cache.put("c", "C")
    assert [k for k, _ in cache.items()] == ["a", "c"] and len(cache) == 2
    assert cache.get("b") is None


def test_get_or_make_makes_once_per_key_and_keeps_falsy_values():
    cache: BoundedCache[tuple] = BoundedCache(4)
    made: list[str] = []

    def make(key: str) -> tuple:
        made.append(key)
        return ()  # an empty result (a blank text has no lines) is a value, not a miss

    assert cache.get_or_make("x", lambda: make("x")) == ()
    assert cache.get_or_make("x", lambda: make("x")) == ()
    assert made == ["x"]


def test_threads_sharing_it_never_push_it_past_its_size():
    cache: BoundedCache[int] = BoundedCache(8)

    def work(offset: int) -> None:
        for i in range(500):
            cache.get_or_make((offset, i % 20), lambda i=i: i)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(cache) == 8


def test_size_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        BoundedCache(0)
