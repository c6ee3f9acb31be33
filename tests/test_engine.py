"""The engine's promises: suitability from data, honest ranges, monotone priorities, no verdict."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decision_aid.engine import HEARING_RISK_ID, evaluate
from decision_aid.evidence import OPTION_IDS, load_evidence
from decision_aid.profile import CHOICES, PRIORITIES, Profile

EVIDENCE = load_evidence()
TOL = 0.15  # matches are rounded to one decimal


def run(**answers):
    return evaluate(EVIDENCE, Profile(**answers))


option_lists = st.lists(st.sampled_from(OPTION_IDS), unique=True).map(
    lambda ids: tuple(i for i in OPTION_IDS if i in ids)
)
profiles = st.builds(
    Profile,
    **{p: st.integers(0, 10) for p in PRIORITIES},
    cause=st.sampled_from(CHOICES["cause"]),
    anesthesia=st.sampled_from(CHOICES["anesthesia"]),
    mri=st.sampled_from(CHOICES["mri"]),
    pregnant=st.sampled_from(CHOICES["pregnant"]),
    tried=option_lists,
    avoid=option_lists,
    mvd_success=st.none() | st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 1)),
    mvd_hearing_loss=st.none() | st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 1)),
)


# ------------------------------------------------------------------ suitability rules


def test_scan_without_vessel_makes_mvd_not_suitable():
    mvd = run(mri="no_vessel").option("mvd")
    assert not mvd.suitable
    assert any(c.effect == "not_suitable" and c.sources for c in mvd.caution_details)


def test_no_scan_yet_adds_a_caution_but_keeps_mvd_suitable():
    mvd = run(mri="not_done").option("mvd")
    assert mvd.suitable and any("scan" in c.lower() for c in mvd.cautions)
    assert not any("scan" in c.lower() for c in run(mri="vessel").option("mvd").cautions)


def test_bells_or_trauma_cautions_mvd_about_the_scan():
    cautions = run(cause="bells_trauma", mri="vessel").option("mvd").cautions
    assert any("bell" in c.lower() for c in cautions)


def test_ms_adds_a_caution():
    assert any(
        "ms" in c.lower() or "multiple sclerosis" in c.lower() for c in run(cause="ms").option("mvd").cautions
    )


def test_unfit_for_anaesthetic_rules_out_mvd_and_unsure_cautions():
    assert not run(anesthesia="unfit", mri="vessel").option("mvd").suitable
    unsure = run(anesthesia="unsure", mri="vessel").option("mvd")
    assert unsure.suitable and any(
        "anaesthetic" in c.lower() or "anesthetic" in c.lower() for c in unsure.cautions
    )
    assert run(anesthesia="fit", mri="vessel").option("mvd").cautions == []


def test_pregnancy_cautions_name_pregnancy():
    result = run(pregnant="yes")
    for oid in OPTION_IDS:
        assert any("pregnan" in c.lower() for c in result.option(oid).cautions), oid
    assert not any("pregnan" in c.lower() for o in run().options for c in o.cautions)


def test_tried_option_gets_a_caution_saying_so():
    result = run(tried=("botulinum",))
    assert any("tried" in c.lower() for c in result.option("botulinum").cautions)
    assert not any("tried" in c.lower() for c in result.option("mvd").cautions)


def test_every_caution_is_a_sentence_with_a_source():
    result = run(
        cause="bells_trauma",
        anesthesia="unsure",
        mri="not_done",
        pregnant="yes",
        tried=OPTION_IDS,
        avoid=OPTION_IDS,
    )
    for option in result.options:
        for c in option.caution_details:
            assert c.text[0].isupper() and c.text.rstrip().endswith((".", "?")), c.text
            assert "{name}" not in c.text
            assert c.sources, c.rule


# ------------------------------------------------------------------ deal-breakers


def test_avoided_option_keeps_its_match_and_ranks_after_the_others():
    plain = run(lasting=10, mri="vessel", anesthesia="fit")
    avoided = run(lasting=10, mri="vessel", anesthesia="fit", avoid=("mvd",))
    mvd = avoided.option("mvd")
    assert mvd.avoided and mvd.suitable
    assert mvd.match == plain.option("mvd").match  # not averaged away, not zeroed
    assert mvd.rank == 3
    assert any("do not want" in c.lower() or "ruled" in c.lower() for c in mvd.cautions)


# ------------------------------------------------------------------ local figures


def test_local_mvd_success_replaces_central_and_keeps_published_range():
    published = EVIDENCE.options["mvd"].success.per_100
    s = run(mvd_success=99).option("mvd").success
    assert (s.central, s.local, s.high) == (99, True, 99)
    assert s.low == published.low
    assert s.published == published.model_dump()
    plain = run().option("mvd").success
    assert not plain.local and plain.published is None and plain.central == published.central


def test_local_hearing_loss_figure_is_used_and_marked():
    risk = next(r for r in run(mvd_hearing_loss=0.5).option("mvd").risks if r.id == HEARING_RISK_ID)
    assert risk.local and risk.central == 0.5 and risk.low == 0.5
    assert risk.published is not None and risk.published["central"] > 0.5


def test_higher_local_success_raises_the_mvd_match():
    assert run(mvd_success=95).option("mvd").match > run(mvd_success=60).option("mvd").match


# ------------------------------------------------------------------ match


def test_all_zero_weights_warns_and_compares_nothing():
    result = run(**dict.fromkeys(PRIORITIES, 0))
    assert any("nothing to compare" in w for w in result.warnings)
    assert all(o.match == 0 for o in result.options)
    assert all(s.lines_up_now is None for s in result.sensitivity)


def test_contributions_explain_the_match():
    for option in run(relief=9, recovery=2).options:
        assert sum(option.contributions.values()) == pytest.approx(option.match, abs=0.1)
        assert set(option.contributions) == set(PRIORITIES)


def test_only_relief_matters_orders_by_success():
    result = run(**{**dict.fromkeys(PRIORITIES, 0), "relief": 10})
    for option in result.options:
        assert option.match == pytest.approx(option.success.central, abs=0.1)


def test_scores_carry_the_promised_direction():
    """Structural reason for the monotonicity promises, at every end of the evidence."""
    for answers in (
        {},
        {"mvd_success": 100, "mvd_hearing_loss": 0},
        {"mvd_success": 0, "mvd_hearing_loss": 100},
    ):
        result = run(**answers)
        mvd = result.option("mvd")
        for other in ("medication", "botulinum"):
            o = result.option(other)
            for attr in ("scores_low", "scores", "scores_high"):
                assert getattr(mvd, attr)["lasting"] >= getattr(o, attr)["lasting"]
                assert getattr(mvd, attr)["serious_risk"] <= getattr(o, attr)["serious_risk"]


@given(profiles)
def test_match_ranges_are_ordered_and_bounded(profile):
    result = evaluate(EVIDENCE, profile)
    for option in result.options:
        assert 0 <= option.match_low <= option.match <= option.match_high <= 100
        assert option.success.low <= option.success.central <= option.success.high


@given(profiles)
def test_ranks_put_suitable_not_avoided_first(profile):
    result = evaluate(EVIDENCE, profile)
    assert sorted(o.rank for o in result.options) == [1, 2, 3]

    def group(o):
        return 0 if o.suitable and not o.avoided else (1 if o.suitable else 2)

    by_rank = sorted(result.options, key=lambda o: o.rank)
    assert [group(o) for o in by_rank] == sorted(group(o) for o in by_rank)
    for a, b in itertools.pairwise(by_rank):
        if group(a) == group(b):
            assert a.match >= b.match


@given(profiles.filter(lambda p: p.lasting < 10))
def test_more_weight_on_lasting_never_moves_away_from_mvd(profile):
    before = evaluate(EVIDENCE, profile)
    after = evaluate(EVIDENCE, profile.model_copy(update={"lasting": profile.lasting + 1}))
    for other in ("medication", "botulinum"):
        if before.option("mvd").match >= before.option(other).match:
            assert after.option("mvd").match >= after.option(other).match - TOL


@given(profiles.filter(lambda p: p.serious_risk < 10))
def test_more_weight_on_serious_risk_never_moves_toward_mvd(profile):
    before = evaluate(EVIDENCE, profile)
    after = evaluate(EVIDENCE, profile.model_copy(update={"serious_risk": profile.serious_risk + 1}))
    for other in ("medication", "botulinum"):
        if before.option("mvd").match <= before.option(other).match:
            assert after.option("mvd").match <= after.option(other).match + TOL


# ------------------------------------------------------------------ sensitivity


@given(profiles)
def test_sensitivity_points_are_real_switches(profile):
    result = evaluate(EVIDENCE, profile)
    assert [s.priority for s in result.sensitivity] == list(PRIORITIES)
    for item in result.sensitivity:
        assert item.changes == (item.up_at is not None or item.down_at is not None)
        for at, option in ((item.up_at, item.up_option), (item.down_at, item.down_option)):
            if at is None:
                continue
            moved = evaluate(EVIDENCE, profile.model_copy(update={item.priority: at}))
            assert moved.sensitivity[0].lines_up_now == option != item.lines_up_now


def test_sensitivity_sentence_is_plain_and_names_options():
    result = run(relief=5, lasting=5, mri="vessel", anesthesia="fit")
    changing = [s for s in result.sensitivity if s.changes]
    assert changing, "with default weights some priority should be able to change the picture"
    names = {o.short_name for o in result.options}
    for item in changing:
        assert any(n in item.sentence for n in names)
        assert "best" not in item.sentence.lower()


# ------------------------------------------------------------------ projection


def test_projection_over_five_years():
    proj = run().projection
    assert proj.years == 5 and proj.assumptions
    for oid in OPTION_IDS:
        p = proj.options[oid]
        assert [y.year for y in p.by_year] == [1, 2, 3, 4, 5]
        for y in p.by_year:
            assert 0 <= y.low <= y.central <= y.high <= 100
        assert p.controlled_pct["low"] <= p.controlled_pct["central"] <= p.controlled_pct["high"]
    bot, mvd, med = proj.options["botulinum"], proj.options["mvd"], proj.options["medication"]
    per_year = EVIDENCE.options["botulinum"].burden.injections_per_year.value.central
    assert bot.injections["central"] == per_year * 5 and bot.operations == 0
    assert mvd.operations == 1 and mvd.injections["central"] == 0 and mvd.recovery_weeks is not None
    assert med.daily_pills and med.pill_days == 5 * 365
    # MVD: delayed relief lowers year 1; recurrence never raises a later year.
    central = [y.central for y in mvd.by_year]
    assert central[1] >= central[0] and central == [central[0], *sorted(central[1:], reverse=True)]


# ------------------------------------------------------------------ contract


def test_result_json_has_the_cli_contract_keys():
    data = run().model_dump(mode="json")
    assert {
        "evidence_version",
        "profile",
        "warnings",
        "options",
        "sensitivity",
        "projection",
        "sources",
    } <= set(data)
    option = data["options"][0]
    assert {
        "id",
        "name",
        "suitable",
        "cautions",
        "match",
        "match_low",
        "match_high",
        "rank",
        "avoided",
        "contributions",
        "success",
        "risks",
    } <= set(option)
    assert {"low", "central", "high", "timeframe", "sources"} <= set(option["success"])
    assert {"name", "low", "central", "high", "permanent", "serious", "sources"} <= set(option["risks"][0])
    assert all(isinstance(v, str) and v for v in data["sources"].values())
    assert [o["id"] for o in data["options"]] == list(OPTION_IDS)


def test_cached_results_hand_each_patient_their_own_note_and_never_keep_it():
    """Results are shared across sessions: two patients with the same answers but different notes
    each get their own note back, and the cache itself holds no note at all."""
    from decision_aid import engine

    engine._CACHE.clear()
    mine = Profile(relief=8, note="I drive a bus")
    theirs = Profile(relief=8, note="Wedding in May")
    got_mine, got_theirs = engine.evaluate_cached(EVIDENCE, mine), engine.evaluate_cached(EVIDENCE, theirs)
    assert got_mine.profile.note == "I drive a bus" and got_theirs.profile.note == "Wedding in May"
    assert got_mine == evaluate(EVIDENCE, mine)  # the same result as without the cache
    assert len(engine._CACHE) == 1  # one entry: the note is not part of the key
    for (_, key), (_, cached) in engine._CACHE.items():
        assert key.note == "" and cached.profile.note == ""
