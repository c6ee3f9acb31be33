"""bench/run.py's (a) interval: how far one run's ratio of medians could move by chance; and the
links it opens the app with."""

from __future__ import annotations

import random

import pytest

from decision_aid.profile import parse_query


def _noisy(rng: random.Random, centre: float, spread: float, n: int = 40) -> list[float]:
    return [centre + rng.uniform(-spread, spread) for _ in range(n)]


def test_the_interval_holds_the_ratio_and_is_repeatable(bench):
    rng = random.Random(1)
    real, bare = _noisy(rng, 130, 30), _noisy(rng, 100, 25)
    low, high = bench.ratio_interval(real, bare)
    r = bench.ratio(bench.summarize(real), bench.summarize(bare))
    assert low < r < high
    assert (low, high) == bench.ratio_interval(real, bare)  # seeded: a table re-made from samples
    assert low > 1.0  # a 30% gap in 40 presses each is not chance


def test_noisier_presses_give_a_wider_interval(bench):
    rng = random.Random(2)
    steady = bench.ratio_interval(_noisy(rng, 130, 5), _noisy(rng, 100, 5))
    noisy = bench.ratio_interval(_noisy(rng, 130, 40), _noisy(rng, 100, 40))
    assert noisy[1] - noisy[0] > 3 * (steady[1] - steady[0])


def test_presses_in_turn_are_resampled_in_pairs(bench):
    # The load rose half-way through and slowed both apps alike: paired, the ratio is steady;
    # resampled apart (lists of different lengths) the drift shows up as width.
    bare = [100.0] * 20 + [200.0] * 20
    real = [x * 1.3 for x in bare]
    paired = bench.ratio_interval(real, bare)
    apart = bench.ratio_interval(real[:-1], bare)
    assert paired == pytest.approx((1.3, 1.3))
    assert apart[1] - apart[0] > 0.5


def test_too_few_presses_give_no_interval(bench):
    assert bench.ratio_interval([1.0, 2.0], [1.0, 2.0, 3.0, 4.0, 5.0]) is None


def test_the_a_row_carries_its_interval_and_the_table_prints_it(bench):
    rng = random.Random(3)
    real, bare = _noisy(rng, 130, 30), _noisy(rng, 100, 25)
    run = bench.Run.__new__(bench.Run)
    run.data = {
        "latency_ms": {
            "real": bench.summarize(real) | {"samples": real},
            "bare": bench.summarize(bare) | {"samples": bare},
        }
    }
    rows = bench.table(run)
    a = next(r for r in rows if r["measure"].startswith("(a) key press"))
    assert a["interval_90"] == list(bench.ratio_interval(real, bare))
    low, high = a["interval_90"]
    assert f"(90%: {low:.2f}-{high:.2f})" in bench.print_table(rows)
    assert all("interval_90" not in r for r in rows if not r["measure"].startswith("(a)"))


@pytest.mark.parametrize("topic", ["glance", "works", "harms", "years", "fit", "figures"])
def test_the_bench_opens_each_topic_with_a_link_the_app_would_write(bench, topic):
    """(b) and (e) open every topic from a random profile's link: changed by hand after its check,
    each run but glance's showed (and measured) the notice that the link had changed."""
    query = bench.with_topic(bench.random_profile(random.Random(3)).to_params(), topic)
    parsed = parse_query(query)
    assert parsed.warnings == [] and parsed.profile.topic == topic
    assert ("topic" in query) is (topic != "glance")
