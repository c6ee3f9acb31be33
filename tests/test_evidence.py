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
