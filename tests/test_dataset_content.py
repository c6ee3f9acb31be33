"""Content checks for the shipped evidence dataset (data/hfs_evidence.yaml).

The schema checks live in decision_aid/evidence.py; these tests check what the data
says: agreement with the patient page the project grew from, equal detail for every
option, rules that point at real options, and sources that can be cited.
"""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from decision_aid.engine import evaluate
from decision_aid.evidence import DEFAULT_DATASET, OPTION_IDS, Evidence, load_evidence
from decision_aid.profile import Profile, parse_query
from decision_aid.words.pages import situation as situation_words


@pytest.fixture(scope="module")
def ev() -> Evidence:
    return load_evidence(DEFAULT_DATASET)


def _risk(ev: Evidence, option: str, risk_id: str):
    matches = [r for r in ev.options[option].risks if r.id == risk_id]
    assert matches, f"{option} has no risk {risk_id!r}"
    return matches[0]


# --- the shipped file -------------------------------------------------------------


def test_shipped_dataset_loads(ev: Evidence) -> None:
    assert ev.meta.version == "1.2.26"
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


@pytest.mark.parametrize("option_id", OPTION_IDS)
def test_a_summary_gives_no_figure_and_names_a_harm(ev: Evidence, option_id: str) -> None:
    """The About page shows each summary with no source, range or time frame. MVD's alone gave
    figures ("about 85 to 90 in 100" free of the spasm, then "about 89"), while the injections
    "work for most people" and the medicines "help some people": read together, the one figure
    leaned towards surgery (patient review, 2026-12-04). Figures stand where their sources and
    time frames do; every summary still names a harm beside its benefit."""
    summary = " ".join(ev.options[option_id].summary.split())
    assert not re.search(r"\d+(?: to \d+)? (?:in|out of) 100", summary), (option_id, summary)
    assert HARM_WORDS.search(summary), (option_id, summary)


HARM_WORDS = re.compile(r"harm|side effect|hearing loss|weak|stroke|droop|leak|infection", re.I)
"""What a sentence about a harm names (the options' risks as their summaries say them)."""


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
    # Barker 1995: nearly all failures within 24 months; the projection must not spread them evenly
    assert mvd.recurrence.mostly_within_years is not None and mvd.recurrence.mostly_within_years <= 2
    delayed = mvd.delayed_relief
    assert delayed is not None and delayed.per_100 is not None
    # about 1 in 3 (Sindou 2018: 33 +/- 8), not the 61 who merely still twitched at one week
    assert 26 <= delayed.per_100.central <= 41 and delayed.per_100.high <= 41
    assert delayed.months is not None and delayed.months.high >= 12
    assert "sindou2018" in delayed.sources and delayed.note.strip()
    assert mvd.reoperation is not None and mvd.reoperation.per_100 is not None
    assert "barker1995" in mvd.reoperation.sources
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
        for when in (rule.when, *(extra.when for extra in rule.also)):
            for key, value in when.items():
                if key in ("tried", "avoid"):
                    assert value is True
                elif key in ("age_at_least", "age_not_at_least"):
                    assert isinstance(value, int) and 18 <= value <= 110
                else:
                    assert isinstance(value, list) and value


def _rule(ev: Evidence, rule_id: str):
    matches = [r for r in ev.rules if r.id == rule_id]
    assert matches, f"no rule {rule_id!r}"
    return matches[0]


def test_only_unfit_for_anaesthetic_rules_mvd_out(ev: Evidence) -> None:
    """A scan without a vessel is a caution (scans miss vessels); only unfitness rules MVD out."""
    not_suitable = [r for r in ev.rules if r.effect == "not_suitable"]
    assert [(r.options, r.when) for r in not_suitable] == [(["mvd"], {"anesthesia": ["unfit"]})]
    no_vessel = _rule(ev, "mvd_no_vessel_on_scan")
    assert no_vessel.effect == "caution" and no_vessel.when == {"mri": ["no_vessel"]}
    assert "miss" in no_vessel.text and "thin-slice" in no_vessel.text
    assert {"mri2009", "radiology1995"} <= set(no_vessel.sources)
    unsure = [r for r in ev.rules if r.when.get("anesthesia") == ["unsure"]]
    assert unsure and all(r.effect == "caution" for r in unsure)


@pytest.mark.parametrize("mri", ["not_done", "other_finding"])
def test_scan_cautions_apply_to_every_option(ev: Evidence, mri: str) -> None:
    rules = [r for r in ev.rules if r.when == {"mri": [mri]}]
    assert rules and all(r.effect == "caution" for r in rules)
    assert {o for r in rules for o in r.options} == set(OPTION_IDS)
    assert "han2009" in {s for r in rules for s in r.sources}
    # waiting gives the same advice for the same answer, on the same sources: the count of rare
    # causes (han2009) and the review of diagnosis and treatment (baldauf2019)
    (waiting,) = [s for s in ev.no_treatment.involves_also if s.when == {"mri": [mri]}]
    assert {"han2009", "baldauf2019"} <= set(waiting.sources)


def test_both_sides_asks_about_another_condition_for_every_option(ev: Evidence) -> None:
    rule = _rule(ev, "both_sides")
    assert rule.when == {"sides": ["both"]} and set(rule.options) == set(OPTION_IDS)
    assert "another condition" in rule.text and "rare" in rule.text
    assert {"wang1998", "han2009"} <= set(rule.sources)


def test_age_rules_name_their_sources(ev: Evidence) -> None:
    mvd = _rule(ev, "mvd_age_60_or_over")
    assert mvd.when == {"age_at_least": 60} and "samsung2013" in mvd.sources and "hearing" in mvd.text
    med = _rule(ev, "medication_age_65_or_over")
    assert med.options == ["medication"] and "falls" in med.text and "sodium" in med.text
    assert {"bzd_falls2017", "berghuis2017"} <= set(med.sources)
    # gabapentin too: its label saw unsteadiness more often with age (it had no word here)
    assert "Gabapentin" in med.text and "lower dose" in med.text
    assert "neurontin_label" in med.sources
    # baclofen too: its label warns it leaves through the kidneys, and in older people with
    # weaker kidneys it was linked to hospital stays for confusion (it had no word here)
    assert "baclofen" in med.text and "kidneys" in med.text and "confusion" in med.text
    assert {"baclofen_label", "muanda2019"} <= set(med.sources)
    assert "108 of 9,707" in med.note and "26 of 6,235" in med.note
    assert "108 of 9,707 (1.11%)" in ev.sources["muanda2019"].note


@pytest.mark.parametrize("age", [None, 45, 59, 60, 75])
def test_mvd_s_age_finding_is_listed_once_at_any_age(ev: Evidence, age) -> None:
    """Unsure about the anaesthetic, a patient of 60 or over read 'age alone' and 'more hearing
    problems in older people' twice: in the anaesthetic caution and in the age caution."""
    texts = [c.text for c in evaluate(ev, Profile(age=age)).option("mvd").caution_details]
    assert sum("general anaesthetic" in t for t in texts) == 1
    assert sum("Age alone" in t for t in texts) == 1
    assert sum("older people" in t for t in texts) == 1


def test_blood_thinners_tell_the_team_for_every_option(ev: Evidence) -> None:
    rules = [r for r in ev.rules if r.when == {"blood_thinners": ["yes"]}]
    assert {o for r in rules for o in r.options} == set(OPTION_IDS)
    for rule in rules:
        assert rule.text.startswith("You take a blood thinner. Tell ")
        assert rule.note.strip(), f"{rule.id}: say in the note what the sources do not cover"


def test_pregnancy_caution_gives_the_registry_figures(ev: Evidence) -> None:
    """The harm to an unborn baby as natural frequencies both ways, from the registry itself."""
    rule = _rule(ev, "medication_pregnancy")
    assert "3 in 100 babies" in rule.text and "1 in 100 babies" in rule.text
    assert "hernandezdiaz2012" in rule.sources
    assert ev.sources["hernandezdiaz2012"].doi


def test_blood_thinner_caution_claims_nothing_its_source_did_not_find(ev: Evidence) -> None:
    """Its only study (a news summary) saw no more bruising; the caution only asks to tell the team."""
    rule = _rule(ev, "botulinum_blood_thinners")
    assert "bruis" not in rule.text.lower()
    assert "bruising" in rule.note
    # nor does the situation page's "why this matters" under the question (it still said so)
    assert "bruis" not in situation_words.WHY["blood_thinners"].lower()
    assert (
        "carbamazepine changes how many other medicines work"
        in _rule(ev, "medication_blood_thinners").text.lower()
    )


def test_planning_a_pregnancy_is_not_being_pregnant(ev: Evidence) -> None:
    planning = [r for r in ev.rules if r.when.get("pregnant") == ["planning"]]
    assert {o for r in planning for o in r.options} == set(OPTION_IDS)
    for rule in planning:
        assert "you are pregnant" not in rule.text.lower()
        assert rule.text.startswith("You said you may plan a pregnancy.")
    med = _rule(ev, "medication_planning_pregnancy")
    assert "birth control" in med.text and "breastfeeding" in med.text and "cbz_oc2011" in med.sources
    assert "before they become pregnant" in _rule(ev, "mvd_planning_pregnancy").text
    assert not any("valproate" in r.text.lower() for r in ev.rules), "valproate is not an option in this aid"


def test_previous_mvd_that_never_helped_differs_from_one_that_came_back(ev: Evidence) -> None:
    no_help = _rule(ev, "mvd_never_helped")
    came_back = _rule(ev, "mvd_came_back")
    assert no_help.when == {"tried": True, "mvd_result": ["no_help"]}
    assert came_back.when == {"tried": True, "mvd_result": ["came_back"]}
    assert "months" in no_help.text and "failure" in no_help.text
    assert "less good" in came_back.text and "more common" in came_back.text
    assert {"barker1995", "engh2005"} <= set(came_back.sources)
    assert "less often" in _rule(ev, "mvd_tried").text


def test_after_an_earlier_mvd_its_caution_says_the_figures_are_for_a_first_operation() -> None:
    """After an earlier MVD the aid showed, and matched on, the first operation's figures (89 in
    100 spasm-free) with no word that a second operation's chances may be lower."""
    result = evaluate(load_evidence(), parse_query("tried=mvd&mvd_result=came_back&relief=8").profile)
    mvd = next(o for o in result.options if o.id == "mvd")
    said = [c for c in mvd.cautions if "not worked out for a second operation" in c]
    assert len(said) == 1 and "may be lower" in said[0]
    first = evaluate(load_evidence(), parse_query("relief=8").profile)
    assert not any("second operation" in c for o in first.options for c in o.cautions)


def test_cause_rules_say_what_a_clinician_would(ev: Evidence) -> None:
    bells = _rule(ev, "mvd_after_bells_or_injury")
    assert "synkinesis" in bells.text and "does not help it" in bells.text
    ms = _rule(ev, "mvd_multiple_sclerosis")
    assert "scan" not in ms.text.lower(), "the patient may have just said the scan shows no vessel"
    settle = _rule(ev, "ms_may_settle")
    assert set(settle.options) == set(OPTION_IDS) and "by itself" in settle.text
    any_cause = _rule(ev, "botulinum_any_cause").text
    # "whatever causes the spasm" said more than its source (3 people, spasm of no known cause)
    assert "whatever" not in any_cause and "do not treat the cause" in any_cause


def test_cautions_after_which_mvds_figures_may_not_apply_keep_it_out_of_the_match(ev: Evidence) -> None:
    """The clinical review: MVD's figures come from spasm caused by a vessel, so they do not
    apply to MS or to a scan with no vessel; and they are a first operation's figures. No option's
    figures apply while the scan has found something else or the spasm is on both sides."""
    out = {r.id: r for r in ev.rules if r.not_matched}
    mvd_only = {"mvd_no_vessel_on_scan", "mvd_multiple_sclerosis", "mvd_tried"}
    assert set(out) == mvd_only | {"scan_other_finding", "both_sides"}
    assert all(r.effect == "caution" and "Not matched" in r.note for r in out.values())
    assert all(out[i].options == ["mvd"] for i in mvd_only)
    assert out["scan_other_finding"].options == out["both_sides"].options == list(OPTION_IDS)


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


def test_a_web_page_gives_its_address_or_says_it_was_not_recorded(ev: Evidence) -> None:
    """A reader of the reference list must be able to find a page the figures rest on;
    the list is printed to patients, so it names no file of ours and no source id."""
    web = re.compile(r"\bpage\b|website|\.(com|org|au)\b", re.IGNORECASE)
    for sid, src in ev.sources.items():
        citation = src.citation()
        assert not re.search(r"\.txt\b|evidence folder", citation), f"{sid}: names a file"
        assert f"({sid})" not in citation, f"{sid}: its citation shows its own id"
        if web.search(src.published_in) and not src.doi:
            assert src.url or "address not recorded" in src.published_in, f"{sid}: a web page with no address"


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


# --- issue 11: like-for-like outcomes and honest figures ---------------------------


def test_old_shared_time_frame_is_gone() -> None:
    text = DEFAULT_DATASET.read_text(encoding="utf-8")
    assert "comparison_timeframe" not in text
    assert "same 100 people" not in text


def test_measures_are_defined_and_every_option_has_each(ev: Evidence) -> None:
    assert {"spasm_gone", "clearly_better"} <= set(ev.meta.measures)
    assert ev.meta.control_measure == "clearly_better"
    for option_id, opt in ev.ordered():
        assert {b.measure for b in opt.benefits} <= set(ev.meta.measures)
        control = ev.control(option_id)
        assert control.per_100 is not None
        assert ev.benefit(option_id, "spasm_gone") is not None, option_id


def test_spasm_gone_is_not_made_up_for_injections_or_medicines(ev: Evidence) -> None:
    for option_id in ("medication", "botulinum"):
        gone = ev.benefit(option_id, "spasm_gone")
        assert gone.per_100 is None, f"{option_id}: no study measured spasm gone"
        why = gone.not_measured.lower()  # the reason itself (the views write "Not measured." first)
        assert "no study" in why or "not" in why, f"{option_id}: the reason does not say why"
    mvd_gone = ev.benefit("mvd", "spasm_gone").per_100
    assert 85 <= mvd_gone.central <= 90 and mvd_gone.low == 63.4  # Sindou 85-90; Weidemeier 63.4
    assert not ev.benefit("mvd", "spasm_gone").while_treated


def test_botulinum_benefit_holds_only_at_the_peak_while_treated(ev: Evidence) -> None:
    better = ev.control("botulinum")
    assert better.while_treated and "peak" in better.timeframe
    assert (better.per_100.low, better.per_100.central, better.per_100.high) == (73, 95, 98.4)


def test_medicine_estimate_is_labelled_and_wide(ev: Evidence) -> None:
    better = ev.control("medication")
    assert better.expert_estimate and better.certainty == "very_low"
    assert (better.per_100.low, better.per_100.central, better.per_100.high) == (10, 30, 70)
    assert "not a study" in better.note


def test_cochrane_65_is_labelled_as_any_side_effect_against_dummy_pills(ev: Evidence) -> None:
    risk = _risk(ev, "medication", "any_side_effect")
    assert risk.per_100.central == 65 and "27" in risk.name and "dummy pills" in risk.name
    assert "4 weeks" in risk.timeframe
    assert not any(
        "sleepiness, dizziness or unsteadiness" in r.name.lower() and r.per_100.central == 65
        for r in ev.options["medication"].risks
    )


def test_stopping_medicines_is_not_a_3_in_100_figure(ev: Evidence) -> None:
    stopped = ev.options["medication"].stopped_for_side_effects
    assert stopped is not None and stopped.per_100 is None
    assert "often" in stopped.not_measured


def test_missing_medicine_harms_are_listed_with_label_sources(ev: Evidence) -> None:
    assert "berghuis2017" in _risk(ev, "medication", "low_sodium").sources
    assert "clonazepam_label" in _risk(ev, "medication", "sleepy_clonazepam").sources
    assert "dependence" in _risk(ev, "medication", "sleepy_clonazepam").lasts
    baclofen = _risk(ev, "medication", "sleepy_baclofen")
    assert "baclofen_label" in baclofen.sources and "stopped slowly" in baclofen.lasts
    involves = ev.options["medication"].involves
    assert "pill" in involves.text and "cbz_oc2011" in involves.sources


def test_carbamazepines_boxed_warning_on_blood_disorders_is_a_serious_harm(ev: Evidence) -> None:
    """The label's second boxed warning (the content review's appendix: not in the dataset):
    5 to 8 times the general population's 6 + 2 in a million a year, as chances per 100."""
    blood = _risk(ev, "medication", "blood_disorder")
    assert blood.serious and blood.sources[0] == "cbz_fda_label"
    assert "fever" in blood.lasts and "sore throat" in blood.lasts  # the signs to act on (mayo_cbz)
    general = (6 + 2) / 1_000_000 * 100
    assert (blood.per_100.low, blood.per_100.high) == pytest.approx((5 * general, 8 * general))
    assert blood.per_100.central == blood.per_100.high  # the upper end, as for the skin reaction
    assert "year" in blood.timeframe and "agranulocytosis" in ev.sources["cbz_fda_label"].note


def test_no_per_injection_figure_is_shown_as_per_person(ev: Evidence) -> None:
    for option_id, opt in ev.ordered():
        for risk in opt.risks:
            if re.search(r"in 100 (injections|treatments)", risk.note):
                assert risk.per == "injection", f"{option_id}.{risk.id} counts injections"
    bot = {r.id: r for r in ev.options["botulinum"].risks}
    per_injection = ("eyelid_droop", "dry_eye_or_tearing", "double_vision", "face_droop")
    assert all(bot[i].per == "injection" for i in per_injection)
    assert all(r.per == "person" for r in ev.options["mvd"].risks)


def test_botulinum_ranges_widened_per_review(ev: Evidence) -> None:
    assert _risk(ev, "botulinum", "dry_eye_or_tearing").per_100.high > 10
    assert _risk(ev, "botulinum", "dry_eye_or_tearing").per_100.central > 1
    assert _risk(ev, "botulinum", "face_droop").per_100.high > 9.1


def test_face_droop_is_counted_per_injection_not_per_person(ev: Evidence) -> None:
    """Its central was Siriraj's 9.1 in 100 patients who ever had it over about 32.5 months of
    injections, shown as "per injection": a per-person figure overstates the chance per injection
    (the content review). The central and low are now figures counted per injection."""
    droop = _risk(ev, "botulinum", "face_droop")
    assert droop.per == "injection" and droop.per_100.central < 9.1
    assert {"kalra1990", "thaisouth"} <= set(droop.sources) and "per-person" in droop.note


def test_reinjection_interval_is_longer_than_the_effect(ev: Evidence) -> None:
    bot = ev.options["botulinum"]
    assert bot.reinjection_weeks is not None and bot.effect_weeks is not None
    assert bot.reinjection_weeks.value.central > bot.effect_weeks.value.central
    assert bot.reinjection_weeks.value.high >= 25  # Curitiba: reviewed every 5.8 months
    assert {"pellegrini2019", "batisti2017"} <= set(bot.reinjection_weeks.sources)


def test_mvd_harms_complete_and_csf_leak_serious(ev: Evidence) -> None:
    csf = _risk(ev, "mvd", "csf_leak")
    assert csf.serious and csf.per_100.high >= 3
    mening = _risk(ev, "mvd", "meningitis_or_infection")
    assert mening.serious and "chojak2023" in mening.sources
    assert _risk(ev, "mvd", "hearing_loss_temporary").per_100.central == 3.2
    assert _risk(ev, "mvd", "readmission").per_100.central == 6.8


def test_every_risk_has_certainty_and_timeframe_in_the_file() -> None:
    import yaml

    raw = yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))
    for option_id, opt in raw["options"].items():
        for risk in opt["risks"]:
            assert risk.get("certainty") in ("high", "moderate", "low", "very_low"), (option_id, risk["id"])
            assert str(risk.get("timeframe", "")).strip(), (option_id, risk["id"])


def test_no_treatment_has_sourced_natural_course_figures(ev: Evidence) -> None:
    nt = ev.no_treatment
    figures = {f.id: f for f in nt.figures}
    assert figures["remission"].per_100.central == 41.3 and "lee2017" in figures["remission"].sources
    assert "duarte2020" in figures["remission"].sources and "selected" in figures["remission"].note
    assert figures["worse"].per_100.central == 10.6
    assert "does no harm" not in nt.summary and "eye" in nt.summary


def test_review_metadata_fixes(ev: Evidence) -> None:
    assert ev.sources["alexandria2019"].authors.startswith("Morsy MM")
    assert ev.sources["alexandria2019"].year == 2020
    assert ev.sources["sindou2018"].doi == "10.1016/j.neuchi.2018.01.001"
    assert ev.meta.reviewers == []  # no clinician has signed this dataset yet
    assert ev.meta.update_policy.report_errors.strip()


def test_a_source_named_in_a_note_is_listed_with_that_figure() -> None:
    """Notes cite by id ("(miller2012)"); a reader checks them against the figure's own list."""
    import yaml

    raw = yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))
    ids = sorted(raw["sources"], key=len, reverse=True)
    named = re.compile(r"\b(" + "|".join(map(re.escape, ids)) + r")\b")
    missing = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            listed = set(node.get("sources") or [])
            for key in ("note", "text", "not_measured"):
                if "sources" in node and isinstance(node.get(key), str):
                    missing.extend(f"{where}.{key}: {sid}" for sid in set(named.findall(node[key])) - listed)
            for key, value in node.items():
                if key != "sources":
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    walk({k: v for k, v in raw.items() if k != "sources"}, "")
    assert not missing, missing


# Fields a patient never reads: clinicians' notes, source lists and the sources themselves.
NOT_PATIENT_TEXT = {"note", "sources", "certainty_why", "citation", "url", "title", "authors"}


def _patient_strings(obj: object, path: str) -> list[tuple[str, str]]:
    if isinstance(obj, BaseModel):
        return [
            found
            for name in type(obj).model_fields
            if name not in NOT_PATIENT_TEXT
            for found in _patient_strings(getattr(obj, name), f"{path}.{name}")
        ]
    if isinstance(obj, dict):
        return [found for k, v in obj.items() for found in _patient_strings(v, f"{path}[{k}]")]
    if isinstance(obj, list | tuple):
        return [found for i, v in enumerate(obj) for found in _patient_strings(v, f"{path}[{i}]")]
    return [(path, obj)] if isinstance(obj, str) else []


def test_patient_text_names_no_source_id(ev: Evidence) -> None:
    """Source ids belong beside a text (its `sources`), not in it: the works topic showed MVD's
    recurrence text ending "(sindou2018)" to patients at home."""
    ids = re.compile(r"\b(" + "|".join(map(re.escape, sorted(ev.sources, key=len, reverse=True))) + r")\b")
    options_and_rules = {"options": ev.options, "no_treatment": ev.no_treatment, "rules": ev.rules}
    found = [(p, m.group(0)) for p, s in _patient_strings(options_and_rules, "ev") if (m := ids.search(s))]
    assert not found


def test_words_for_patients_name_no_dataset_field(ev: Evidence) -> None:
    """The PDF's last page read "update the figures at least once a year (see next_review)": a
    field name, where the page gives the date itself."""
    policy = ev.meta.update_policy
    for text in (policy.interval, policy.triggers, policy.report_errors):
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), text


def test_that_injections_work_whatever_the_cause_is_good_to_know_not_a_caution(ev: Evidence) -> None:
    rule = next(r for r in ev.rules if r.id == "botulinum_any_cause")
    assert rule.effect == "good_to_know" and not rule.concerns and not rule.not_matched


def test_every_medicine_named_has_a_side_effect_with_its_figures(ev: Evidence) -> None:
    """The aid names four medicines; gabapentin had no side effect at all, so its benefit (the
    top of the medicines' range) stood without a harm beside it."""
    medication = ev.options["medication"]
    named = ("carbamazepine", "clonazepam", "baclofen", "gabapentin")
    assert all(m in medication.involves.text for m in named)
    for medicine in named:
        assert any(medicine in r.name.lower() for r in medication.risks), medicine
    dizzy = _risk(ev, "medication", "dizzy_gabapentin")
    assert dizzy.per_100.central == 37 and "vandevusse2004" in dizzy.sources
    # "Both passed" claimed more than the sources: some stopped gabapentin (neurontin_label)
    assert "16 in 100 stopped" in dizzy.lasts and "neurontin_label" in dizzy.sources


NOT_MEASURED_IN_HFS = re.compile(
    r"not (?:measured |counted )?in hemifacial spasm|not hemifacial spasm"
    r"|no study has (?:counted|measured)[^.]*hemifacial spasm",
    re.IGNORECASE,
)


def test_a_side_effect_counted_in_another_illness_says_so_beside_its_figure(ev: Evidence) -> None:
    """Low sodium read "26 out of 100 people, at any time while taking carbamazepine" at home:
    the harms topic prints a time frame's first clause, and "(people with epilepsy, followed for
    years)" was cut, so a figure from epilepsy, at its doses, read as one in hemifacial spasm.
    Clonazepam's (seizures) and baclofen's (muscle stiffness) lost theirs the same way."""
    from decision_aid.grid import first_clause

    risks = [r for o in ev.options.values() for r in o.risks]
    counted_elsewhere = [r for r in risks if NOT_MEASURED_IN_HFS.search(" ".join(r.note.split()))]
    assert len(counted_elsewhere) >= 4
    for r in counted_elsewhere:
        assert "not hemifacial spasm" in first_clause(r.timeframe), (r.id, r.timeframe)


def test_carbamazepine_with_a_blood_thinner_names_the_labels_that_advise_against_it(ev: Evidence) -> None:
    """A 72-year-old on a blood thinner read only "tell your doctor": apixaban's and rivaroxaban's
    labels say to avoid carbamazepine, which lowers their levels (less protection from a stroke)."""
    rule = _rule(ev, "medication_blood_thinners")
    assert "apixaban and rivaroxaban" in rule.text and "weaken some blood" in rule.text
    assert {"apixaban_label", "rivaroxaban_label", "cbz_fda_label"} <= set(rule.sources)
    assert "warfarin" not in rule.text.lower()  # its label was not checked


def test_the_gene_test_before_carbamazepine_is_in_text_a_patient_reads(ev: Evidence) -> None:
    """The HLA-B*1502 test was only in a note (notes are for clinicians, in the review pack)."""
    skin = next(r for r in ev.options["medication"].risks if r.id == "serious_skin_reaction")
    assert "HLA-B*1502" in skin.lasts and "Asia" in skin.lasts
    assert "HLA-B*1502" in ev.sources["cbz_fda_label"].note


def test_after_an_earlier_mvd_the_second_operations_figures_are_given(ev: Evidence) -> None:
    """A 58-year-old whose spasm came back saw only the first operation's 89 in 100."""
    rule = _rule(ev, "mvd_tried")
    for said in (
        "34 people who had another operation, 24 were free",
        "11 of 12 aged 50 or under",
        "13 of 22 over 50",
    ):
        assert said in " ".join(rule.text.split()), said
    assert "engh2005" in rule.sources and "70.6" in rule.note and "our arithmetic" in rule.note


def test_the_bells_palsy_caution_gives_the_harm_beside_the_cure(ev: Evidence) -> None:
    text = " ".join(_rule(ev, "mvd_after_bells_or_injury").text.split())
    assert "12 of 17 people were cured, and the face got weaker in 2" in text
    assert "facial weakness worse in 2" in ev.sources["bellsmvd2014"].note


def test_the_medicines_are_named_where_they_are_first_described(ev: Evidence) -> None:
    """About's "Medicines (tablets)" named none of them; carbamazepine then appeared in cautions
    and on the priorities page as if the patient knew it (a patient's walkthrough, 2026-12-03)."""
    for name in ("carbamazepine", "clonazepam", "baclofen", "gabapentin"):
        assert name in ev.options["medication"].summary
