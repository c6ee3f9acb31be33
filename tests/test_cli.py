"""The command line, run as a user runs it: a subprocess, exit codes, stdout and stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from decision_aid.evidence import DEFAULT_DATASET

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "decision_aid", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_check_shipped_dataset():
    out = cli("check")
    assert out.returncode == 0, out.stderr
    (line,) = out.stdout.strip().splitlines()
    assert "valid" in line and "3 options" in line


def test_check_broken_copy_exits_2_naming_file_and_field(tmp_path):
    data = yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))
    data["options"]["mvd"]["risks"][1]["per_100"]["high"] = 250
    data["options"]["botulinum"]["benefits"][0]["sources"] = ["ghost"]
    bad = tmp_path / "clinic.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    out = cli("check", str(bad))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert any(f"{bad}: options.mvd.risks[1].per_100.high:" in line for line in lines)
    assert any("options.botulinum.benefits[0].sources[0]" in line and "'ghost'" in line for line in lines)


def test_check_broken_yaml_exits_2(tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_text("options: {mvd: [\n", encoding="utf-8")
    out = cli("check", str(bad))
    assert out.returncode == 2 and "not valid YAML" in out.stderr and "Traceback" not in out.stderr


def test_query_json_contract():
    out = cli("--query", "relief=8&lasting=10&cause=vascular", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["profile"]["relief"] == 8 and data["profile"]["burden"] is None  # as said: not said
    assert data["priorities_stated"] is True and data["weights"]["burden"] == 5  # as counted
    assert [o["rank"] for o in sorted(data["options"], key=lambda o: o["rank"])] == [1, 2, 3]
    measures = {o["success"]["measure"] for o in data["options"]}
    assert len(measures) == 1  # the match compares one measure for every option
    for o in data["options"]:
        assert o["match_low"] <= o["match"] <= o["match_high"]
        for sid in o["success"]["sources"]:
            assert sid in data["sources"]
        for b in o["benefits"]:
            assert {
                "measure",
                "label",
                "low",
                "central",
                "high",
                "timeframe",
                "while_treated",
                "certainty",
            } <= set(b)
            assert all(sid in data["sources"] for sid in b["sources"])
    assert data["no_treatment"]["figures"] and "no_treatment" in data["projection"]["options"]


def test_query_json_has_no_match_or_rank_before_a_priority_or_for_an_unsuitable_option():
    out = cli("--query", "anesthesia=unfit", "--format", "json")
    data = json.loads(out.stdout)
    assert data["priorities_stated"] is False and data["weights"] is None
    assert all(o[k] is None for o in data["options"] for k in ("match", "match_low", "match_high", "rank"))
    data = json.loads(cli("--query", "anesthesia=unfit&relief=7", "--format", "json").stdout)
    mvd = next(o for o in data["options"] if o["id"] == "mvd")
    assert mvd["suitable"] is False and mvd["match"] is None and mvd["rank"] is None
    assert sorted(o["rank"] for o in data["options"] if o["id"] != "mvd") == [1, 2]


def test_text_format_matches_nothing_before_a_priority_and_shows_no_treatment():
    before = cli("--query", "mri=vessel", "--format", "text").stdout
    assert "Lines up" not in before and "none stated yet" in before
    assert "No treatment for now" in before
    after = cli("--query", "mri=vessel&anesthesia=unfit&relief=8", "--format", "text").stdout
    mvd_part = after[after.index("Surgery") :]
    assert "Lines up" not in mvd_part.split("No treatment for now")[0]
    assert after.count("Lines up with what you said matters") == 2


def test_unknown_name_is_ignored_with_a_warning():
    out = cli("--query", "relief=8&flavour=mint")
    assert out.returncode == 0
    assert "flavour" in out.stderr
    assert any("flavour" in w for w in json.loads(out.stdout)["warnings"])


@pytest.mark.parametrize(
    ("query", "param", "allowed"),
    [
        ("relief=abc", "relief", "0 to 10"),
        ("lasting=99", "lasting", "0 to 10"),
        ("cause=<script>", "cause", "vascular"),
        ("tried=acupuncture", "tried", "medication, botulinum, mvd"),
        ("age=12", "age", "18 to 110"),
        ("sides=left", "sides", "one, both"),
        ("mvd_result=failed", "mvd_result", "no_help, came_back"),
        ("pregnant=soon", "pregnant", "planning"),
    ],
)
def test_bad_value_exits_2_with_one_line(query, param, allowed):
    out = cli("--query", query)
    assert out.returncode == 2
    assert out.stdout == ""
    (line,) = out.stderr.strip().splitlines()
    assert line.startswith(f"error: {param}=") and allowed in line


def test_text_format_is_readable_and_in_fixed_order():
    out = cli("--query", "avoid=mvd", "--format", "text")
    assert out.returncode == 0
    text = out.stdout
    names = ["Medicines", "Botulinum", "MVD"]
    positions = [text.lower().find(n.lower()) for n in names]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert "ruled this out" in text and "not medical advice" in text


def test_bad_format_is_a_usage_error():
    out = cli("--format", "xml")
    assert out.returncode == 2 and "Traceback" not in out.stderr
