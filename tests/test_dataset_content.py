"""Content checks for the shipped evidence dataset (data/hfs_evidence.yaml).

The schema checks live in decision_aid/evidence.py; these tests check what the data
says: agreement with the patient page the project grew from, equal detail for every
option, rules that point at real options, and sources that can be cited.
"""

from __future__ import annotations

import re

import pytest

from decision_aid.evidence import DEFAULT_DATASET, OPTION_IDS, Evidence, load_evidence


@pytest.fixture(scope="module")
def ev() -> Evidence:
    return load_evidence(DEFAULT_DATASET)


def _risk(ev: Evidence, option: str, risk_id: str):
    matches = [r for r in ev.options[option].risks if r.id == risk_id]
    assert matches, f"{option} has no risk {risk_id!r}"
    return matches[0]


# --- the shipped file -------------------------------------------------------------


def test_shipped_dataset_loads(ev: Evidence) -> None:
    assert ev.meta.version == "1.0.0"
    assert list(ev.options) == list(OPTION_IDS)
    assert ev.meta.next_review > ev.meta.last_reviewed
    assert ev.meta.funding and ev.meta.how_chosen and ev.meta.made_by


# --- agreement with the patient page ----------------------------------------------


def test_medication_success_is_the_patient_page_estimate(ev: Evidence) -> None:
    success = ev.control("medication")
    assert success.per_100 is not None and success.per_100.central == 30
    assert success.expert_estimate, "an expert estimate must be labelled as one"
    assert success.per_100.high - success.per_100.low >= 40, "a wide range, not false precision"
    assert "patientpage" in success.sources
    assert success.certainty == "very_low"
    # the uncertainty must be said in words, not hidden behind a single number
    assert re.search(r"lower|higher", success.certainty_why)


def test_botulinum_controls_spasm_more_than_90_in_100(ev: Evidence) -> None:
    control = ev.control("botulinum")
    assert control.per_100 is not None and control.per_100.central > 90
    assert control.while_treated


def test_mvd_success_matches_patient_page_70_to_90(ev: Evidence) -> None:
    rng = ev.benefit("mvd", "spasm_gone").per_100
    assert 70 <= rng.central <= 90
    assert rng.low <= 70 and rng.high >= 90, "the range must cover the page's 70-90 in 100"


def test_mvd_hearing_loss_same_side_is_permanent_and_at_most_3(ev: Evidence) -> None:
    risk = _risk(ev, "mvd", "hearing_loss_same_side")
    assert risk.permanent
    assert risk.serious
    assert risk.per_100.central <= 3


def test_botulinum_injections_every_3_to_4_months(ev: Evidence) -> None:
    per_year = ev.options["botulinum"].burden.injections_per_year
    assert per_year is not None
    assert per_year.value.low <= 3 and per_year.value.high >= 4
    assert 3 <= per_year.value.central <= 4


def test_botulinum_side_effects_are_temporary(ev: Evidence) -> None:
    risks = ev.options["botulinum"].risks
    assert not any(r.permanent for r in risks)
    ids = {r.id for r in risks}
    assert {"eyelid_droop", "dry_eye_or_tearing", "double_vision", "face_droop"} <= ids


def test_mvd_lists_the_patient_page_harms(ev: Evidence) -> None:
    ids = {r.id for r in ev.options["mvd"].risks}
    assert {"hearing_loss_same_side", "facial_weakness_permanent", "stroke", "death"} <= ids
    assert _risk(ev, "mvd", "facial_weakness_permanent").per_100.central < 2  # "rarely"


# --- equal detail for every option ------------------------------------------------


@pytest.mark.parametrize("option_id", OPTION_IDS)
def test_every_option_has_equal_detail(ev: Evidence, option_id: str) -> None:
    opt = ev.options[option_id]
    for field in ("summary", "name", "short_name"):
        assert getattr(opt, field).strip(), f"{option_id}.{field} is empty"
    for part in (opt.involves, opt.onset, opt.duration, opt.burden.text):
        assert part.text.strip() and part.sources
    for benefit in opt.benefits:
        assert benefit.timeframe.strip() and benefit.certainty_why.strip()
    assert len(opt.risks) >= 2, f"{option_id} needs at least 2 risks"


@pytest.mark.parametrize("option_id", OPTION_IDS)
def test_serious_risk_or_a_note_why_none(ev: Evidence, option_id: str) -> None:
    risks = ev.options[option_id].risks
    has_serious = any(r.serious for r in risks)
    explained = any("no serious" in r.note.lower() for r in risks)
    assert has_serious or explained


@pytest.mark.parametrize("option_id", OPTION_IDS)
def test_summary_is_short_and_plain(ev: Evidence, option_id: str) -> None:
    summary = ev.options[option_id].summary
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", summary.strip()) if s]
    assert 2 <= len(sentences) <= 3
    words = summary.split()
    assert len(words) / len(sentences) <= 20, "sentences too long for a grade-8 reading level"


def test_success_ranges_explain_why_sources_disagree(ev: Evidence) -> None:
    # where sources disagree the range is stored and the note must say so
    for option_id, opt in ev.ordered():
        for benefit in opt.benefits:
            rng = benefit.per_100
            if rng is not None and rng.low != rng.high:
                assert benefit.note.strip(), f"{option_id}: a range needs a note on why sources disagree"
                assert len(benefit.sources) >= 2


def test_ranges_that_disagree_carry_a_note(ev: Evidence) -> None:
    for option_id, opt in ev.ordered():
        for risk in opt.risks:
            if risk.per_100.low != risk.per_100.high:
                assert risk.note.strip(), f"{option_id}.{risk.id}: range without a note"


def test_mvd_recurrence_and_delayed_relief(ev: Evidence) -> None:
    mvd = ev.options["mvd"]
    assert mvd.recurrence is not None and mvd.recurrence.years
    assert mvd.recurrence.per_100.central < 10
    assert mvd.delayed_relief is not None
    assert ev.options["botulinum"].recurrence is None  # it wears off by design


# --- rules ------------------------------------------------------------------------


def _rules_for(ev: Evidence, option: str, key: str):
    return [r for r in ev.rules if option in r.options and key in r.when]


def test_every_rule_names_real_options_and_known_sources(ev: Evidence) -> None:
    assert ev.rules
    ids = [r.id for r in ev.rules]
    assert len(ids) == len(set(ids)), "rule ids must be unique"
    for rule in ev.rules:
        assert rule.options and set(rule.options) <= set(OPTION_IDS)
        assert rule.sources and set(rule.sources) <= set(ev.sources)
        for key, value in rule.when.items():
            if key in ("tried", "avoid"):
                assert value is True
            else:
                assert isinstance(value, list) and value


def test_mvd_not_suitable_without_vessel_or_anaesthetic(ev: Evidence) -> None:
    effects = {(tuple(r.when.get("mri", [])), tuple(r.when.get("anesthesia", []))): r.effect
               for r in ev.rules if r.options == ["mvd"]}
    assert effects[(("no_vessel",), ())] == "not_suitable"
    assert effects[((), ("unfit",))] == "not_suitable"
    assert effects[(("not_done",), ())] == "caution"
    assert effects[((), ("unsure",))] == "caution"


def test_cause_rules_for_bells_and_ms(ev: Evidence) -> None:
    causes = {c for r in _rules_for(ev, "mvd", "cause") for c in r.when["cause"]}
    assert {"bells_trauma", "ms"} <= causes
    assert all(r.effect == "caution" for r in _rules_for(ev, "mvd", "cause"))


@pytest.mark.parametrize("option_id", OPTION_IDS)
def test_pregnancy_tried_and_avoid_rules_cover_every_option(ev: Evidence, option_id: str) -> None:
    pregnancy = [r for r in _rules_for(ev, option_id, "pregnant") if "yes" in r.when["pregnant"]]
    assert pregnancy and "pregnant" in pregnancy[0].text.lower()
    assert _rules_for(ev, option_id, "tried")
    avoid = _rules_for(ev, option_id, "avoid")
    assert avoid and avoid[0].text.startswith("You said you do not want {name}")


def test_rule_texts_use_only_the_name_placeholder(ev: Evidence) -> None:
    for rule in ev.rules:
        placeholders = set(re.findall(r"\{(\w*)\}", rule.text))
        assert placeholders <= {"name"}, f"{rule.id}: unknown placeholder {placeholders}"


# --- sources ----------------------------------------------------------------------


def test_every_source_has_a_year_or_a_note_why_not(ev: Evidence) -> None:
    for sid, src in ev.sources.items():
        if src.year is None:
            assert "year" in src.note.lower(), f"{sid}: no year and no note explaining why"


def test_every_source_is_cited_somewhere(ev: Evidence) -> None:
    raw = ev.model_dump(mode="python", exclude={"sources"})
    used: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "sources" and isinstance(value, list):
                    used.update(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(raw)
    unused = sorted(set(ev.sources) - used)
    assert not unused, f"sources never cited: {unused}"


def test_patient_page_is_marked_low_quality(ev: Evidence) -> None:
    page = ev.sources["patientpage"]
    assert "low quality" in page.note.lower()
    for sid in ("eyebendigo", "wheatoneye", "mianguide", "naaan", "ytrove-mvd", "facefacts"):
        assert "low quality" in ev.sources[sid].note.lower(), sid
