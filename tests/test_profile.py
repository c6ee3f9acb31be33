"""The one query parser: same names for the CLI and the URL; bad values are named, never raised."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_aid.profile import (
    CHECK,
    CHOICES,
    PARAMS,
    PRIORITIES,
    Profile,
    link_check,
    parse_query,
    shown_in_notice,
)
from decision_aid.words.profile import CHANGED
from tests.test_engine import option_lists, weight


def test_defaults():
    p = parse_query("").profile
    assert p.weights() == dict.fromkeys(PRIORITIES, 5)
    assert not p.priorities_stated
    assert (p.cause, p.anesthesia, p.mri, p.pregnant, p.mode) == (
        "unknown",
        "unsure",
        "not_done",
        "",
        "home",
    )
    assert p.tried == () and p.avoid == ()
    assert (p.age, p.blood_thinners, p.sides, p.mvd_result) == (None, "", "one", "")


def test_one_stated_priority_states_them_all_and_the_rest_count_as_five():
    p = parse_query("serious_risk=9").profile
    assert p.priorities_stated
    assert p.relief is None  # not stated: kept apart from a stated 5, so the link round-trips
    assert p.weights() == {**dict.fromkeys(PRIORITIES, 5), "serious_risk": 9}


def test_a_stated_middle_weight_is_kept_in_the_link():
    stated = parse_query("relief=5").profile
    assert stated.priorities_stated and stated.to_query().endswith("&relief=5")
    assert parse_query(stated.to_query()).profile == stated
    assert not parse_query("relief=").profile.priorities_stated  # empty = not said


def test_new_situation_answers_are_read():
    p = parse_query(
        "age=72&blood_thinners=yes&sides=both&mri=other_finding&pregnant=planning&tried=mvd&mvd_result=came_back"
    ).profile
    assert (p.age, p.blood_thinners, p.sides, p.mri, p.pregnant, p.mvd_result) == (
        72,
        "yes",
        "both",
        "other_finding",
        "planning",
        "came_back",
    )
    assert p.mvd_result_used == "came_back"


def test_mvd_result_without_an_earlier_mvd_is_kept_but_not_used():
    parsed = parse_query("mvd_result=no_help")
    assert parsed.problems == [] and parsed.profile.mvd_result == "no_help"
    assert parsed.profile.mvd_result_used == ""


def test_choices_come_from_the_model_with_the_default_first():
    for name, values in CHOICES.items():
        assert getattr(Profile(), name) == values[0], name
    assert {"blood_thinners", "sides", "mvd_result"} <= set(CHOICES)
    assert "other_finding" in CHOICES["mri"] and "planning" in CHOICES["pregnant"]
    assert set(CHOICES) <= set(PARAMS)


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
        ("age=17", "age"),
        ("age=111", "age"),
        ("age=70.5", "age"),
        ("age=seventy", "age"),
        ("blood_thinners=maybe", "blood_thinners"),
        ("sides=left", "sides"),
        ("mvd_result=failed", "mvd_result"),
        ("mri=tumour", "mri"),
        ("pregnant=soon", "pregnant"),
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


def test_a_long_value_is_quoted_cut_to_40_characters():
    assert shown_in_notice("x" * 40) == "x" * 40
    assert shown_in_notice("x" * 41) == "x" * 37 + "..."
    long_value, long_name = "a" * 37 + "bcdef", "n" * 37 + "opqrs"
    parsed = parse_query({"mri": long_value, long_name: "1"})
    assert repr("a" * 37 + "...") in parsed.problems[0].message()
    assert long_value not in parsed.problems[0].message()
    assert any(repr("n" * 37 + "...") in w for w in parsed.warnings)


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
        age=64,
        blood_thinners="no",
        sides="both",
        mvd_result="no_help",
        quiz=("success:right", "once:wrong"),
        topic="harms",
    )
    assert set(p.to_params()) == {CHECK, *PARAMS}
    assert parse_query(p.to_query()).profile == p


def test_defaults_are_left_out_of_links():
    assert Profile().to_query() == ""
    assert Profile(relief=9).to_query() == f"{CHECK}={link_check([('relief', '9')])}&relief=9"


def test_huge_query_is_cut_with_a_warning():
    parsed = parse_query("relief=7&" + "x=" + "a" * 100_000)
    assert parsed.profile.relief == 7
    assert any("characters long" in w for w in parsed.warnings)


@pytest.mark.parametrize(
    ("query", "part"),
    [
        ("relief=8&cause=vascular&blood_th", "'blood_th'"),  # cut in a name
        ("relief=8&blood_thinners=y", "'blood_thinners=y'"),  # in a choice's value
        ("relief=8&tried=medication,bot", "'tried=medication,bot'"),  # in a list's last item
        ("relief=8&quiz=success:right,cause:wr", "'quiz=success:right,cause:wr'"),
        ("relief=8&age=6", "'age=6'"),  # "6" of "65": no age, the start of one
    ],
)
def test_a_link_cut_short_is_told_as_cut_not_as_unknown_or_wrong(query, part):
    """A link cut part-way through an answer (a text message that stopped early) dropped that
    answer and every one after it with "unknown parameter 'blood_th' was ignored": the warning
    says the link looks cut short, where, and the answers before the cut are kept."""
    parsed = parse_query(query)
    assert parsed.cut_part == part
    assert parsed.warnings == [f"the link looks cut short: it ends part-way through an answer ({part})"]
    assert not parsed.problems
    assert parsed.profile.relief == 8


def test_a_cut_short_link_keeps_what_came_before_the_cut():
    """The whole items of a list or knowledge check before the cut, a repeated name's other
    value, and a note's own notice beside the cut (both are said)."""
    assert parse_query("relief=8&tried=medication,bot").profile.tried == ("medication",)
    assert parse_query("relief=8&quiz=success:right,cause:wr").profile.quiz == ("success:right",)
    assert parse_query("blood_thinners=yes&blood_thinners=y").profile.blood_thinners == "yes"
    parsed = parse_query("note=" + "x" * 1001 + "&sides=bo")
    assert parsed.cut_part == "'sides=bo'" and not parsed.problems
    assert len(parsed.warnings) == 2 and "1,001" in parsed.warnings[0]


@pytest.mark.parametrize(
    "query",
    [
        "blood_th&relief=8",  # the start of a name, but not where the link ends: a typo
        "relief=8&flavour=mint",
        "relief=8&blood_thinners=maybe",
        "relief=8&age=200",
        "relief=8&age=%C2%B2",  # "²": a digit to str.isdigit, refused by int(); it raised ValueError
        "relief=8&blood_thinners=yes",
        "relief=8&tried=medication,botulinum",
    ],
)
def test_a_whole_link_or_a_wrong_answer_is_not_called_cut_short(query):
    assert parse_query(query).cut_part == ""
    if "age=%C2%B2" in query:
        assert [p.param for p in parse_query(query).problems] == ["age"]


# ---------------------------------------------------------------- the link's check

_local = st.none() | st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 4))
_quiz = st.lists(
    st.tuples(st.sampled_from(["once", "success", "anaesthetic"]), st.sampled_from(["right", "wrong"])),
    unique_by=lambda item: item[0],
    max_size=3,
).map(lambda items: tuple(f"{q}:{a}" for q, a in items))
_linked_profiles = st.builds(
    Profile,
    **{p: weight for p in PRIORITIES},
    **{name: st.sampled_from(values) for name, values in CHOICES.items()},
    tried=option_lists,
    avoid=option_lists,
    mvd_success=_local,
    mvd_hearing_loss=_local,
    age=st.none() | st.integers(18, 110),
    note=st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=40),
    quiz=_quiz,
)


def _flagged(parsed) -> bool:
    return bool(parsed.problems or parsed.cut_part or parsed.changed)


@settings(max_examples=150, deadline=None)
@given(_linked_profiles)
def test_a_link_cut_anywhere_never_loses_or_changes_an_answer_silently(prof):
    """Wherever a text message or a copy stops a link the aid wrote, the answers read from what
    is left are the patient's, or the reader is told. Without the link's check a cut between
    two answers, inside a note or inside a number (`relief=10` read as `relief=1`) went
    unnoticed. (Only a cut that leaves no query at all goes untold: the page opens as new.)"""
    query = prof.to_query()
    for end in range(1, len(query)):
        parsed = parse_query(query[:end])
        if parsed.profile != prof:
            assert _flagged(parsed), (query, end, query[:end])
        # one cut, said once: as a cut, or as a link that no longer fits its check; never as a
        # value the patient did not give ("'mvd%2' is not allowed")
        assert not parsed.problems and len(parsed.warnings) <= 1, (query[:end], parsed.warnings)
    whole = parse_query(query)
    assert whole.profile == prof and not _flagged(whole) and whole.warnings == []


def test_the_check_comes_first_and_covers_the_answers_only():
    prof = parse_query("relief=10&note=I drive for work&topic=works").profile
    query = prof.to_query()
    assert query.startswith(f"{CHECK}=") and query.count(f"{CHECK}=") == 1
    assert Profile().to_query() == ""  # nothing to lose, nothing to check
    # a messenger's or mail's own tracking part is no answer: not "changed"
    tracked = parse_query(query + "&fbclid=AbC123")
    assert tracked.profile == prof and not tracked.changed
    assert tracked.warnings == ["unknown parameter 'fbclid' was ignored"]


@pytest.mark.parametrize(
    "edit",
    [
        lambda q: q.replace("relief=10", "relief=1"),  # cut inside a number, then more answers
        lambda q: q.replace("&topic=works", ""),  # an answer left out
        lambda q: q + "&serious_risk=3",  # an answer added by hand
        lambda q: q.replace(q.split("&")[0], f"{CHECK}=000000"),  # another link's check
        lambda q: q.replace(q.split("&")[0], f"{CHECK}=12"),  # the check itself cut
    ],
    ids=["number", "left-out", "added", "other-check", "cut-check"],
)
def test_a_link_that_no_longer_matches_its_check_is_read_with_a_warning(edit):
    query = edit(parse_query("relief=10&note=I drive for work&topic=works").profile.to_query())
    parsed = parse_query(query)
    assert parsed.changed and not parsed.problems and not parsed.cut_part
    assert parsed.warnings == [CHANGED]
    assert parse_query(query.split("&", 1)[1]).warnings == []  # without the check: read as typed


def test_a_link_without_a_check_is_read_as_typed():
    """Links typed by hand (the command line, README's examples) or made before the check."""
    parsed = parse_query("relief=10&topic=works")
    assert not parsed.changed and parsed.warnings == [] and parsed.profile.relief == 10


def test_a_cut_inside_an_answer_is_said_once_as_a_cut():
    query = parse_query("relief=10&sides=both").profile.to_query()
    parsed = parse_query(query[: query.index("sides=") + len("sides=bo")])
    assert parsed.cut_part == "'sides=bo'" and not parsed.changed and len(parsed.warnings) == 1


def test_a_cut_inside_the_check_or_an_encoded_value_is_said_once_and_truly():
    query = parse_query("relief=10&tried=botulinum,mvd").profile.to_query()
    assert "%2C" in query  # the comma between two items, as urlencode writes it
    in_name = parse_query("chec")
    assert in_name.changed and in_name.warnings == [CHANGED]  # not "part-way through an answer"
    encoded = parse_query(query[: query.index("%2C") + 2])  # "...tried=botulinum%2"
    assert encoded.cut_part and not encoded.changed and not encoded.problems
    upper = query.replace(query[6:12], query[6:12].upper())
    assert not parse_query(upper).changed  # the same digits, written in capitals
    twice = query.split("&", 1)[0] + "&" + query
    assert not parse_query(twice).changed  # the same check twice still fits


def test_many_unknown_names_make_one_notice_that_names_a_few_and_counts_the_rest():
    """A link with 200 unknown parts showed 200 warning boxes, 14,000 px before the page (found by
    a red-team pass); the answers in it were kept, as they still are."""
    query = "&".join(f"utm_x{i}=1" for i in range(200)) + "&relief=9"
    parsed = parse_query(query)
    assert parsed.profile.relief == 9
    assert parsed.warnings == [
        "200 unknown parameters were ignored: 'utm_x0', 'utm_x1', 'utm_x2', 'utm_x3', 'utm_x4' and 195 more"
    ]
    two = parse_query("a=1&relief=9&b=2")
    assert two.warnings == ["2 unknown parameters were ignored: 'a', 'b'"]
    # names quoted with escapes (ten characters for one) are listed while they stay short
    odd = "\U0003134b" * 40
    long = parse_query({"x" * 40: "1", odd: "1", "b": "1"}).warnings
    assert long == [f"3 unknown parameters were ignored: '{'x' * 40}' and 2 more"], long
    assert len(parse_query({odd: "1"}).warnings[0]) < 200
