"""The one query parser: same names for the CLI and the URL; bad values are named, never raised."""

from __future__ import annotations

import pytest

from decision_aid.profile import PARAMS, PRIORITIES, Profile, parse_query


def test_defaults():
    p = parse_query("").profile
    assert p.weights() == dict.fromkeys(PRIORITIES, 5)
    assert (p.cause, p.anesthesia, p.mri, p.pregnant, p.mode) == (
        "unknown",
        "unsure",
        "not_done",
        "no",
        "home",
    )
    assert p.tried == () and p.avoid == ()


def test_values_are_read():
    parsed = parse_query("?relief=8&lasting=10&cause=vascular&tried=mvd,botulinum&mvd_success=91.5")
    p = parsed.profile
    assert (p.relief, p.lasting, p.cause) == (8, 10, "vascular")
    assert p.tried == ("botulinum", "mvd")  # fixed option order
    assert p.mvd_success == 91.5
    assert parsed.problems == [] and parsed.warnings == []


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("relief=abc", "relief"),
        ("lasting=99", "lasting"),
        ("burden=-1", "burden"),
        ("cause=tumour", "cause"),
        ("tried=surgery", "tried"),
        ("avoid=mvd,pills", "avoid"),
        ("mvd_success=101", "mvd_success"),
        ("mode=clinic", "mode"),
        ("relief=", "relief"),
        ("relief=1e3", "relief"),
        ("relief=5&relief=6", "relief"),
    ],
)
def test_bad_value_names_param_and_keeps_default(query, param):
    parsed = parse_query(query)
    (problem,) = parsed.problems
    assert problem.param == param
    assert param in problem.message() and "allowed" in problem.message()
    assert getattr(parsed.profile, param) == getattr(Profile(), param)


def test_unknown_name_is_a_warning_not_a_problem():
    parsed = parse_query("relief=7&colour=blue")
    assert parsed.problems == []
    assert parsed.profile.relief == 7
    assert any("'colour'" in w for w in parsed.warnings)


def test_mapping_input_like_streamlit_query_params():
    parsed = parse_query({"relief": "3", "avoid": ["mvd"]})
    assert parsed.profile.relief == 3 and parsed.profile.avoid == ("mvd",)


def test_round_trip_every_param():
    p = Profile(
        relief=0,
        lasting=10,
        serious_risk=9,
        side_effects=1,
        burden=2,
        recovery=3,
        cause="ms",
        anesthesia="unfit",
        mri="no_vessel",
        pregnant="yes",
        tried=("medication",),
        avoid=("botulinum", "mvd"),
        mode="consult",
        mvd_success=82.5,
        mvd_hearing_loss=1.2,
        leaning="unsure",
        note="I drive for work & it's hard = true?",
        sure_s="yes",
        sure_u="no",
        sure_r="yes",
        sure_e="no",
    )
    assert set(p.to_params()) == set(PARAMS)
    assert parse_query(p.to_query()).profile == p


def test_defaults_are_left_out_of_links():
    assert Profile().to_query() == ""
    assert Profile(relief=9).to_query() == "relief=9"


def test_huge_query_is_cut_with_a_warning():
    parsed = parse_query("relief=7&" + "x=" + "a" * 100_000)
    assert parsed.profile.relief == 7
    assert any("characters long" in w for w in parsed.warnings)
