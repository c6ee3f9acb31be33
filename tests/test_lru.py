"""The one bounded cache the engine, the charts, the app and the PDF share."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

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


@dataclass(frozen=True)
class SlowKey:
    """A key whose hashing lets another thread run, as any key with a Python-level __hash__
    may (dataclasses, models): each lookup is then two steps another thread can come between."""

    owner: int
    n: int

    def __hash__(self) -> int:
        time.sleep(0)  # gives up the GIL: the other threads run here
        return hash((self.owner, self.n))


def test_threads_sharing_it_get_their_own_values_and_never_push_it_past_its_size():
    """Four threads hit and miss a tiny cache at once. Without the lock a thread finds its key,
    another evicts it before the first marks it as used, and the first dies with a KeyError
    (seen: every run fails with the lock taken out)."""
    size = 2
    cache: BoundedCache[SlowKey] = BoundedCache(size)
    problems: list[str] = []

    def work(owner: int) -> None:
        try:
            for i in range(500):
                key = SlowKey(owner, (i // 2) % 3)  # each key twice in a row: hits as well as misses
                value = cache.get_or_make(key, lambda key=key: key)
                if value != key:
                    problems.append(f"{key} gave {value}")
                if len(cache) > size:
                    problems.append(f"{len(cache)} entries")
        except Exception as err:  # a thread's exception would otherwise only be printed
            problems.append(repr(err))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a thread is stuck"
    assert problems == []
    assert len(cache) == size


def test_size_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        BoundedCache(0)
