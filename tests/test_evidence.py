"""Loading and checking the dataset: every broken copy names its file, field and problem."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from decision_aid.evidence import (
    DEFAULT_DATASET,
    DatasetError,
    Source,
    load_evidence,
    loc_to_path,
    parse_evidence,
)


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))


def problems_for(data: dict, tmp_path: Path) -> list[str]:
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_evidence(path)
    assert info.value.path == str(path)
    assert all(line.startswith(f"{path}: ") for line in info.value.problems)
    return info.value.problems


def test_shipped_dataset_loads_with_three_options_in_fixed_order():
    evidence = load_evidence()
    assert [k for k, _ in evidence.ordered()] == ["medication", "botulinum", "mvd"]
    assert evidence.meta.last_reviewed <= evidence.meta.next_review


def test_loc_to_path_uses_dots_and_brackets():
    assert (
        loc_to_path(("options", "mvd", "risks", 1, "per_100", "high")) == "options.mvd.risks[1].per_100.high"
    )


def test_wrong_type_names_field(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["options"]["mvd"]["risks"][1]["per_100"]["high"] = "lots"
    (line,) = problems_for(data, tmp_path)
    assert "options.mvd.risks[1].per_100.high" in line
    assert "number" in line


def test_missing_field_is_named(raw, tmp_path):
    data = copy.deepcopy(raw)
    del data["options"]["botulinum"]["benefits"][0]["timeframe"]
    (line,) = problems_for(data, tmp_path)
    assert "options.botulinum.benefits[0].timeframe" in line
    assert "Field required" in line


def test_chance_above_100_is_rejected(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["options"]["medication"]["benefits"][0]["per_100"]["high"] = 130
    lines = problems_for(data, tmp_path)
    assert any("options.medication.benefits[0].per_100.high" in line and "100" in line for line in lines)


def test_negative_chance_is_rejected(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["options"]["mvd"]["risks"][0]["per_100"]["low"] = -1
    lines = problems_for(data, tmp_path)
    assert any(
        "options.mvd.risks[0].per_100.low" in line and "greater than or equal to 0" in line for line in lines
    )


def test_low_central_high_out_of_order(raw, tmp_path):
    data = copy.deepcopy(raw)
    rng = data["options"]["mvd"]["benefits"][0]["per_100"]
    rng["low"], rng["high"] = rng["high"], rng["low"]
    (line,) = problems_for(data, tmp_path)
    assert "options.mvd.benefits[0].per_100" in line
    assert "out of order" in line


def test_unresolved_source_id_is_named(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["options"]["mvd"]["risks"][0]["sources"] = ["nobody2099"]
    (line,) = problems_for(data, tmp_path)
    assert "options.mvd.risks[0].sources[0]" in line
    assert "'nobody2099'" in line and "does not resolve" in line


def test_unknown_option_id(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["options"]["acupuncture"] = copy.deepcopy(data["options"]["medication"])
    (line,) = problems_for(data, tmp_path)
    assert "'acupuncture'" in line and "allowed: medication, botulinum, mvd" in line


def test_missing_option(raw, tmp_path):
    data = copy.deepcopy(raw)
    del data["options"]["botulinum"]
    (line,) = problems_for(data, tmp_path)
    assert "missing option 'botulinum'" in line


def test_rule_with_unknown_option(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["rules"][0]["options"] = ["surgery"]
    (line,) = problems_for(data, tmp_path)
    assert "rules[0].options" in line and "'surgery'" in line


def test_a_cautions_grid_rows_are_checked(raw, tmp_path):
    data = copy.deepcopy(raw)
    caution = next(i for i, r in enumerate(data["rules"]) if r["effect"] == "caution")
    barred = next(i for i, r in enumerate(data["rules"]) if r["effect"] == "not_suitable")
    data["rules"][caution]["concerns"] = ["serious", "side_effects"]
    data["rules"][barred]["concerns"] = ["serious"]
    lines = problems_for(data, tmp_path)
    assert len(lines) == 2
    assert any(f"rules[{caution}].concerns" in line and "'side_effects'" in line for line in lines)
    assert any(f"rules[{barred}]" in line and "for a caution" in line for line in lines)


def test_a_rule_needs_a_label_of_a_few_words(raw, tmp_path):
    """The glance page lists a caution by its label: a missing one, or a sentence, is named."""
    data = copy.deepcopy(raw)
    del data["rules"][0]["label"]
    data["rules"][1]["label"] = " ".join(["word"] * 10)
    data["rules"][2]["label"] = "{name} needs a scan"
    data["rules"][3]["label"] = "Your age."
    lines = problems_for(data, tmp_path)
    assert len(lines) == 4
    assert any("rules[0].label" in line for line in lines)
    assert any("rules[1].label" in line and "40" in line for line in lines)
    assert any("rules[2].label" in line and "{name}" in line for line in lines)
    assert any("rules[3].label" in line and "full stop" in line for line in lines)


def test_only_a_caution_can_leave_its_option_out_of_the_match(raw, tmp_path):
    data = copy.deepcopy(raw)
    barred = next(i for i, r in enumerate(data["rules"]) if r["effect"] == "not_suitable")
    data["rules"][barred]["not_matched"] = True
    (line,) = problems_for(data, tmp_path)
    assert f"rules[{barred}]" in line and "`not_matched` is for a caution" in line


def test_good_news_neither_marks_cells_nor_leaves_the_match(raw, tmp_path):
    data = copy.deepcopy(raw)
    good = next(i for i, r in enumerate(data["rules"]) if r["effect"] == "good_to_know")
    data["rules"][good]["concerns"] = ["serious"]
    data["rules"][good]["not_matched"] = True
    (line,) = problems_for(data, tmp_path)
    assert f"rules[{good}]" in line and "for a caution" in line


def test_misspelt_key_is_rejected(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["options"]["mvd"]["sucess"] = copy.deepcopy(data["options"]["mvd"]["benefits"])
    (line,) = problems_for(data, tmp_path)
    assert "options.mvd.sucess" in line and "Extra inputs are not permitted" in line


def test_several_problems_one_line_each(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["options"]["mvd"]["risks"][1]["per_100"]["high"] = 101
    data["meta"]["version"] = ""
    lines = problems_for(data, tmp_path)
    assert len(lines) == 2


def test_broken_yaml_names_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("meta:\n  title: [unclosed\n", encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_evidence(path)
    (line,) = info.value.problems
    assert line.startswith(f"{path}: (YAML) line ") and "not valid YAML" in line


def test_not_a_mapping():
    with pytest.raises(DatasetError) as info:
        parse_evidence("- just\n- a list\n", "list.yaml")
    assert "expected a mapping" in info.value.problems[0]


def test_missing_file_is_a_dataset_error(tmp_path):
    with pytest.raises(DatasetError) as info:
        load_evidence(tmp_path / "nope.yaml")
    assert "cannot be read" in info.value.problems[0]


def test_citation_has_authors_title_journal_year_and_doi():
    src = Source(
        authors="Miller LE, Miller VM",
        title="A review",
        published_in="Br J Neurosurg",
        year=2012,
        doi="10.3109/x",
    )
    assert src.citation() == "Miller LE, Miller VM. A review. Br J Neurosurg. 2012. doi:10.3109/x"


def test_citation_of_a_title_that_asks_a_question_keeps_one_mark():
    src = Source(authors="Author not named.", title="How long?", published_in="a.org", year=2022)
    assert src.citation() == "Author not named. How long? a.org. 2022."


def test_every_figure_in_shipped_data_cites_a_resolving_source():
    evidence = load_evidence()
    for oid, option in evidence.ordered():
        for risk in option.risks:
            assert risk.sources and set(risk.sources) <= evidence.sources.keys(), (oid, risk.id)
        for benefit in option.benefits:
            assert set(benefit.sources) <= evidence.sources.keys(), (oid, benefit.measure)


def test_shared_objects_written_as_yaml_aliases_still_load(raw, tmp_path):
    """A clinic's script that edits the dataset with yaml.safe_dump writes &anchors/*aliases
    for shared objects; that is valid YAML and must load."""
    data = copy.deepcopy(raw)
    shared = data["options"]["mvd"]["risks"][0]["sources"]
    data["options"]["mvd"]["risks"][1]["sources"] = shared
    path = tmp_path / "scripted.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert "*id" in path.read_text(encoding="utf-8")
    assert load_evidence(path).options["mvd"].risks[1].sources == shared


def test_recursive_alias_is_a_plain_problem(tmp_path):
    path = tmp_path / "loop.yaml"
    path.write_text("meta: &m\n  again: *m\n", encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_evidence(path)
    assert "refers to itself or repeats" in info.value.problems[0]


# --- issue 11 schema: measures, benefits, chances, risks, rule situations ----------


def _benefit(data: dict, option: str, measure: str) -> dict:
    return next(b for b in data["options"][option]["benefits"] if b["measure"] == measure)


def test_benefit_measure_must_be_a_known_measure(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["options"]["mvd"]["benefits"][0]["measure"] = "cured_forever"
    (line,) = problems_for(data, tmp_path)
    assert "options.mvd.benefits[0].measure" in line
    assert "'cured_forever'" in line and "meta.measures" in line


def test_control_measure_must_be_a_known_measure(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["meta"]["control_measure"] = "good_control"
    lines = problems_for(data, tmp_path)
    assert any(line.split(": ")[1] == "meta.control_measure" and "'good_control'" in line for line in lines)
    # and every option is told it now lacks a figure on that measure
    assert sum("needs a benefit with measure 'good_control'" in line for line in lines) == 3


def test_null_figure_needs_a_reason(raw, tmp_path):
    data = copy.deepcopy(raw)
    gone = _benefit(data, "botulinum", "spasm_gone")
    index = data["options"]["botulinum"]["benefits"].index(gone)
    gone["not_measured"] = ""
    (line,) = problems_for(data, tmp_path)
    assert f"options.botulinum.benefits[{index}]" in line and "not_measured" in line


def test_every_option_needs_a_number_for_the_control_measure(raw, tmp_path):
    data = copy.deepcopy(raw)
    better = _benefit(data, "mvd", "clearly_better")
    better["per_100"] = None
    better["not_measured"] = "pretend nobody counted it"
    (line,) = problems_for(data, tmp_path)
    assert "options.mvd.benefits:" in line and "'clearly_better'" in line and "per_100" in line


def test_chance_with_null_figure_needs_a_reason(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["options"]["mvd"]["recurrence"]["per_100"] = None
    (line,) = problems_for(data, tmp_path)
    assert "options.mvd.recurrence" in line and "not_measured" in line


def test_risk_needs_certainty_and_timeframe_and_a_known_denominator(raw, tmp_path):
    data = copy.deepcopy(raw)
    risk = data["options"]["botulinum"]["risks"][0]
    del risk["certainty"]
    del risk["timeframe"]
    risk["per"] = "visit"
    lines = problems_for(data, tmp_path)
    assert len(lines) == 3
    assert any("options.botulinum.risks[0].certainty" in line and "Field required" in line for line in lines)
    assert any("options.botulinum.risks[0].timeframe" in line and "Field required" in line for line in lines)
    assert any("options.botulinum.risks[0].per" in line and "'injection'" in line for line in lines)


def test_rule_situation_keys_and_values_are_checked(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["rules"][0]["when"] = {"mri": ["no_vessel", "blurry"]}
    data["rules"][1]["when"] = {"weather": ["rainy"]}
    data["rules"][2]["when"] = {"age_at_least": 12}
    data["rules"][3]["when"] = {"tried": ["mvd"]}
    data["rules"][4]["when"] = {"pregnant": "planning"}
    data["rules"][5]["when"] = {"age_not_at_least": "sixty"}
    data["rules"][6]["also"] = [{"when": {"weather": ["rainy"]}, "text": "More."}]
    lines = problems_for(data, tmp_path)
    assert len(lines) == 7
    mri = [line for line in lines if "rules[0].when.mri[1]" in line]
    assert mri and "'blurry'" in mri[0] and "'other_finding'" in mri[0]
    assert any("rules[1].when.weather" in line and "unknown situation" in line for line in lines)
    assert any("rules[2].when.age_at_least" in line and "18 to 110" in line for line in lines)
    assert any("rules[3].when.tried" in line and "must be true" in line for line in lines)
    assert any("rules[4].when.pregnant" in line and "list" in line for line in lines)
    assert any("rules[5].when.age_not_at_least" in line and "18 to 110" in line for line in lines)
    assert any("rules[6].also[0].when.weather" in line and "unknown situation" in line for line in lines)


def test_no_treatment_sentences_situations_are_checked_and_take_no_option_list(raw, tmp_path):
    """No option is chosen when waiting, so `tried`/`avoid` have nothing to match there."""
    data = copy.deepcopy(raw)
    data["no_treatment"]["involves_also"] = [
        {"when": {"mri": ["blurry"]}, "text": "More."},
        {"when": {"tried": True}, "text": "More."},
        {"when": {"age_at_least": 60, "cause": ["ms"]}, "text": "Fine."},
        {"when": {"mri": ["vessel"]}, "text": "{name} is not filled in."},
    ]
    lines = problems_for(data, tmp_path)
    assert len(lines) == 3, lines
    assert "no_treatment.involves_also[3].text" in lines[2] and "no option's name" in lines[2]
    assert "no_treatment.involves_also[0].when.mri[0]" in lines[0] and "'blurry'" in lines[0]
    assert "no_treatment.involves_also[1].when.tried" in lines[1] and "unknown situation" in lines[1]
    assert "'tried'" not in lines[1].split("allowed:")[1]


def test_new_situation_values_are_accepted(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["rules"][0]["when"] = {
        "mri": ["other_finding"],
        "pregnant": ["planning"],
        "blood_thinners": ["yes"],
        "sides": ["both"],
        "mvd_result": ["no_help", "came_back"],
        "age_at_least": 60,
        "tried": True,
    }
    path = tmp_path / "ok.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert load_evidence(path).rules[0].when["age_at_least"] == 60


def test_every_new_problem_is_reported_at_once(raw, tmp_path):
    """A file broken in many new ways still lists every problem, with its path, in one go."""
    data = copy.deepcopy(raw)
    data["options"]["mvd"]["benefits"][0]["measure"] = "cured_forever"
    _benefit(data, "medication", "spasm_gone")["not_measured"] = ""
    del data["options"]["mvd"]["risks"][0]["certainty"]
    data["rules"][0]["when"] = {"mri": ["blurry"]}
    data["no_treatment"]["figures"][0]["sources"] = ["nobody2099"]
    data["meta"]["version"] = ""
    lines = problems_for(data, tmp_path)
    wanted = [
        "options.mvd.benefits[0].measure",
        "options.medication.benefits[1]",
        "options.mvd.risks[0].certainty",
        "rules[0].when.mri[0]",
        "no_treatment.figures[0].sources[0]",
        "meta.version",
    ]
    for where in wanted:
        assert any(where in line for line in lines), (where, lines)
    assert len(lines) == len(wanted)


def test_old_comparison_timeframe_is_rejected(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["meta"]["comparison_timeframe"] = "in the first year or so"
    (line,) = problems_for(data, tmp_path)
    assert "meta.comparison_timeframe" in line and "Extra inputs are not permitted" in line


def test_no_treatment_is_required(raw, tmp_path):
    data = copy.deepcopy(raw)
    del data["no_treatment"]
    (line,) = problems_for(data, tmp_path)
    assert "no_treatment" in line and "Field required" in line


def test_control_and_benefit_helpers():
    evidence = load_evidence()
    for oid, _ in evidence.ordered():
        control = evidence.control(oid)
        assert control.measure == evidence.meta.control_measure and control.per_100 is not None
    assert evidence.benefit("botulinum", "spasm_gone").per_100 is None
    assert evidence.benefit("mvd", "no_such_measure") is None


def test_a_label_warning_beside_counted_serious_harms_is_refused(raw, tmp_path):
    """A label's warning stands where the studies counted no serious harm ("none reported"):
    beside counted ones every view would drop it, or print "none reported" before figures."""
    data = copy.deepcopy(raw)
    data["options"]["mvd"]["label_warning"] = copy.deepcopy(data["options"]["botulinum"]["label_warning"])
    (line,) = problems_for(data, tmp_path)
    assert "options.mvd" in line and "label_warning" in line


def test_figures_read_together_are_as_sure_as_their_least_sure_part():
    from decision_aid.evidence import least_certain

    assert least_certain(["low", "low"]) == "low"
    assert least_certain(["moderate", "low", None]) == "low"
    assert least_certain(["high", "very_low", "moderate"]) == "very_low"
    assert least_certain([]) is None and least_certain([None, "unknown"]) is None
