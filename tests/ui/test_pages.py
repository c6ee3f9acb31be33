"""Every page runs without an exception in both modes and shows its own title."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
import streamlit as st
import yaml

from decision_aid import charts
from decision_aid.engine import evaluate
from decision_aid.evidence import DEFAULT_DATASET as DATASET
from decision_aid.evidence import load_evidence
from decision_aid.profile import PRIORITIES, parse_query
from decision_aid.ui import nav
from decision_aid.ui.state import EVIDENCE_ENV
from decision_aid.words.common import CERTAINTY_LABELS, HOME_READING_GRADE, per_100, whole

from .conftest import (
    PAGES,
    TITLES,
    chart_specs,
    figure_text,
    go,
    headings,
    match_figures,
    open_app,
    texts,
    unescape,
)


@pytest.mark.parametrize("mode", ["home", "consult"])
def test_every_page_renders_without_exception(mode):
    at = open_app({"mode": mode})
    for page in PAGES:
        go(at, page)
        assert headings(at, 1) == [TITLES[page]], page
        assert not at.exception, (page, [e.message for e in at.exception])


def test_about_page_has_sources_review_date_and_about_this_aid():
    at = open_app()
    text = "\n".join(m.value for m in at.markdown)
    assert "evidence last checked" in text.lower() and "not yet reviewed by a clinician" in text.lower()
    assert "Who made it" in text and "Funding and conflicts of interest" in text
    assert "no treatment for now" in text
    headers = headings(at, 3)
    for name in ("Medicines (tablets)", "Botulinum toxin injections"):
        assert name in headers, name


def test_compare_page_shows_every_chart_with_its_text_alternative():
    """Each chart has a short accessible name in its spec, and its whole text alternative (the
    figures in words, from the same frame) on the page, on demand (the compare topics, issue 12)."""
    query = {"relief": "9", "burden": "2"}
    result = evaluate(load_evidence(), parse_query({"relief": ["9"], "burden": ["2"]}).profile)
    wanted = {
        "fit": ("How the options line up", charts.describe_match(charts.match_frame(result))),
        "years": (
            "Out of 100 people, how many have the spasm under control",
            charts.describe_projection(
                charts.projection_frame(result), result.projection.years, charts.reference_frame(result)
            ),
        ),
    }
    for topic, (name, text) in wanted.items():
        at = open_app({**query, "topic": topic}, page="compare")
        descriptions = [spec.get("description", "") for spec in chart_specs(at)]
        descriptions += [figure_text(f) for f in match_figures(at)]  # the match chart is HTML
        assert any(d.startswith(name) for d in descriptions), name
        shown = [unescape(m.value) for m in at.markdown] + [unescape(c.value) for c in at.caption]
        assert text in shown, text
    for topic in ("works", "harms"):
        at = open_app({**query, "topic": topic}, page="compare")
        descriptions = [spec.get("description", "") for spec in chart_specs(at)]
        # "<option>[: <harm>]. A picture of 100 people. ..." (the option first: see pages/test_compare.py)
        assert descriptions and all(". A picture of 100 people. " in d for d in descriptions), topic


def test_options_appear_in_fixed_order_and_nothing_is_called_best():
    for topic in ("glance", "works", "harms", "years", "fit", "figures"):
        at = open_app({"relief": "0", "recovery": "10", "topic": topic}, page="compare")
        text = "\n".join(m.value for m in at.markdown).lower()
        text += "\n".join(h.proto.body for h in at.get("html")).lower()
        assert "recommended" not in text and "best option" not in text, topic
    grid = next(h.proto.body for h in open_app(page="compare").get("html") if "hfs-grid" in h.proto.body)
    names = ["No treatment for now", "Medicines", "Botulinum toxin", "MVD surgery"]
    assert [grid.index(f">{n}<") for n in names] == sorted(grid.index(f">{n}<") for n in names)


# ---------------------------------------------------------------- situation (issue 11)


def test_situation_asks_the_new_questions_each_with_why_it_matters():
    at = open_app(page="situation")
    assert at.number_input(key="age").value is None  # optional: nothing until the patient says
    assert set(at.radio(key="blood_thinners").options) == {"Yes", "No", "Not sure, or rather not say"}
    assert at.radio(key="sides").options == ["One side of my face", "Both sides of my face"]
    assert "The scan found something else" in at.radio(key="mri").options
    assert "I am planning a pregnancy" in at.radio(key="pregnant").options
    whys = [cap.value for cap in at.caption if cap.value.startswith("Why this matters")]
    assert len(whys) == 8, whys  # cause, sides, scan, anaesthetic, age, blood thinners, pregnancy, tried
    text = unescape(texts(at))
    assert "rules out rarer causes, such as a growth" in text and "A vessel can be missed" in text
    assert "Surgery only helps if one does" not in text


def test_previous_mvd_result_is_asked_only_when_mvd_was_tried():
    at = open_app(page="situation")
    assert not [r for r in at.radio if r.key == "mvd_result"]
    at.checkbox(key="tried_mvd").check().run()
    assert at.radio(key="mvd_result").options == [
        "It never helped",
        "It helped, then the spasm came back",
        "Not sure, or rather not say",
    ]
    at.radio(key="mvd_result").set_value("no_help").run()
    assert at.query_params["mvd_result"] == "no_help"
    at.checkbox(key="tried_mvd").uncheck().run()
    assert not [r for r in at.radio if r.key == "mvd_result"]


def test_situation_shows_the_engines_cautions_for_the_new_answers():
    query = {"mri": "other_finding", "pregnant": "planning", "age": "70"}
    at = open_app(query, page="situation")
    result = evaluate(load_evidence(), parse_query(query).profile)
    expected = [c.text for o in result.options for c in o.caution_details]
    shown = unescape(texts(at))
    assert expected and all(t in shown for t in expected)


def test_situation_says_a_caution_for_every_treatment_once():
    # With no scan yet (the first answer anyone sees), the scan caution applies to all three
    # options: it used to be printed three times, word for word, under each option's name.
    at = open_app(page="situation")
    result = evaluate(load_evidence(), parse_query("").profile)
    scan = [c.text for c in result.option("medication").caution_details if c.rule == "scan_not_done"]
    assert scan and all(scan[0] in [x.text for x in o.caution_details] for o in result.options)
    shown = unescape(texts(at))
    assert shown.count(scan[0]) == 1
    assert "All three treatments" in headings(at, 3)
    # a caution for one option only stays under that option's name
    own = [c.text for c in result.option("mvd").caution_details if c.text != scan[0]]
    assert own and all(shown.count(t) == 1 for t in own)
    assert result.option("mvd").name in headings(at, 3)


# ---------------------------------------------------------------- priorities (issue 11)


def test_priority_examples_give_sources_in_a_consult_only():
    home = texts(open_app(page="priorities"))
    consult = texts(open_app({"mode": "consult"}, page="priorities"))
    assert "Sources:" not in home
    assert "(range 1 to 60 out of 10,000; when: Mostly in the first months" in unescape(consult)
    assert "Sources: cbz_fda_label" in unescape(consult)


def test_priority_sliders_start_not_set_and_moving_one_sets_it():
    at = open_app(page="priorities")
    assert all(s.label.endswith("(not set yet)") for s in at.slider)
    assert "None set yet" in texts(at)
    at.slider(key="serious_risk").set_value(9).run()
    labels = {s.key: s.label for s in at.slider}
    assert labels["serious_risk"].endswith("(set)")
    assert all(labels[k].endswith("(not set yet)") for k in labels if k != "serious_risk")
    text = texts(at)
    assert "Set so far: 1 of 6" in text and "Set: 9 out of 10." in text
    assert "None set yet" not in text  # its place is kept, hidden (components.steady_text)
    assert text.count("Not set yet.") == 5
    # a move that ends where an unset slider waits changes nothing the app can see (patient review)
    assert text.count("For 5, move it away and back.") == 5
    assert at.query_params["serious_risk"] == "9"


# ---------------------------------------------------------------- about (issue 11)


def test_about_page_tells_the_natural_course_and_no_treatment_as_a_real_choice():
    ev = load_evidence()
    at = open_app()
    text = unescape(texts(at))
    assert "does no harm" not in text and "A few people" not in text  # 41 in 100 is not a few
    for words in (
        "not dangerous to your life or brain",
        "it can shut your eye",
        "driving or reading unsafe",
        "often spreads",
        "Some people get better on their own for a while, but it rarely goes away for good.",
    ):
        assert words in text, words
    # "Most do not" sat right above 41 in 100 whose spasm went away for a time, 10 partly better
    assert "Most do not" not in text
    for fig in ev.no_treatment.figures:
        assert fig.name in text and per_100(fig.per_100.central) in text
        assert CERTAINTY_LABELS[fig.certainty] in text
    assert "No treatment for now: a real choice" in headings(at, 2)
    assert ev.no_treatment.involves.text in text
    # each point about waiting is made once: the real-choice section used to repeat the natural
    # course above it (the dataset's summary) and say twice that a treatment can start later
    for said in (
        ("not dangerous to your life", "not a danger to your life"),
        ("get better on their own",),
        ("gets worse over the years", "spreads or gets stronger over the years"),
        ("start one at any time", "start a treatment later"),
    ):
        assert sum(text.count(s) for s in said) == 1, said
    assert "whose doctor has told them they have hemifacial spasm" in text  # diagnosis assumed


@pytest.mark.parametrize(
    ("mri", "scan_advice", "specialist"),
    [
        ("not_done", True, False),
        ("vessel", False, False),
        ("no_vessel", False, False),
        ("other_finding", False, True),
    ],
)
def test_about_page_advises_a_scan_before_waiting_only_while_there_is_none(mri, scan_advice, specialist):
    text = unescape(texts(open_app({"mri": mri})))
    assert ("A scan first is still wise" in text) is scan_advice
    assert ("Even if you wait, see your specialist about what your scan found" in text) is specialist
    # consult mode cites what is said: han2009 backs the scan advice, not what waiting is like
    consult = unescape(texts(open_app({"mri": mri, "mode": "consult"})))
    own = load_evidence().no_treatment.involves.sources
    assert "han2009" not in own
    cited = f"Sources: {', '.join(own)}"
    assert (f"{cited}\n" in f"{consult}\n") is not (scan_advice or specialist)
    assert (f"{cited}, han2009" in consult) is (scan_advice or specialist)


def test_about_page_says_why_the_natural_course_figures_add_up_to_101():
    ev = load_evidence()
    shown = sum(whole(f.per_100.central) for f in ev.no_treatment.figures)
    assert shown == 101  # 41 + 39 + 10 + 11: 43, 40, 10 and 11 of 104 people
    for query in ({}, {"mode": "consult"}):
        assert "so together they add up to 101, not 100." in unescape(texts(open_app(query)))


def test_about_page_gives_the_natural_course_caveat_plainly_at_home_and_in_full_in_a_consult():
    """The dataset's notes on the natural-course figures are for clinicians (49-word sentences,
    source ids, "our reading, not the authors'"); home mode printed them to every patient. At home
    the page now says in plain words who was counted; a consult adds each figure's note."""
    ev = load_evidence()
    notes = [f.note for f in ev.no_treatment.figures if f.note]
    assert notes and ev.no_treatment.figures_note
    home = unescape(texts(open_app()))
    assert ev.no_treatment.figures_note.text in home
    assert not any(n in home for n in notes) and "our reading" not in home
    consult = unescape(texts(open_app({"mode": "consult"})))
    assert all(n in consult for n in notes) and ev.no_treatment.figures_note.text in consult


def test_about_page_consult_never_gives_a_figure_as_a_range_from_itself_to_itself():
    """No treatment's figures come without ranges: consult mode read "Range 41 out of 100."."""
    text = unescape(texts(open_app({"mode": "consult"})))
    assert "Range: no range given in the studies." in text
    assert not re.search(r"Range:? \d+ out of 100\.", text)


def test_about_page_names_reviewers_update_policy_and_reading_level():
    ev = load_evidence()
    at = open_app()
    text = unescape(texts(at))
    assert not ev.meta.reviewers and "Not yet reviewed by a clinician." in text
    policy = ev.meta.update_policy
    for part in (policy.interval, policy.triggers, policy.report_errors):
        assert unescape(part) in text
    assert f"grade {HOME_READING_GRADE:.1f} (Flesch-Kincaid)" in text


def test_about_page_names_the_reviewers_once_there_are_some(tmp_path, monkeypatch):
    data = yaml.safe_load(DATASET.read_text(encoding="utf-8"))
    data["meta"]["reviewers"] = [
        {"name": "Dr Ada Example", "role": "Neurologist", "date": "2026-11-20", "scope": "all figures"}
    ]
    path = tmp_path / "reviewed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv(EVIDENCE_ENV, str(path))
    text = unescape(texts(open_app()))
    assert "Dr Ada Example, Neurologist, on 20 November 2026 (all figures)" in text
    assert "Not yet reviewed" not in text


def test_the_pages_are_made_once_a_session_and_their_links_go_where_they_did(monkeypatch):
    """Made from a file's path, a Streamlit page looks its file up on disk: the shell makes the
    five once a session (`components.streamlit_pages`), not at every slider move (bench row (a)).
    The sidebar's links still name each page, with the answers."""
    made = []
    page = st.Page

    def counted(*args, **kwargs):
        made.append(args[0])
        return page(*args, **kwargs)

    monkeypatch.setattr(st, "Page", counted)
    at = open_app({"relief": "5", "topic": "fit"}, page="compare")
    for value in (6, 7):
        at.slider(key="relief").set_value(value).run()
    assert made == [p.path for p in nav.PAGES]
    links = [(e.proto.page, e.proto.label) for e in at.get("page_link")]
    assert links == [("" if i == 0 else p.url_path, p.title) for i, p in enumerate(nav.PAGES)]
    assert all("relief=7" in e.proto.query_string for e in at.get("page_link"))


@pytest.mark.parametrize("name", list(PAGES))
def test_every_link_a_page_writes_fits_its_check(name):
    """The page links, the copy-link box and the address bar: each carries the answers and a
    check that fits them, or a patient reopening it is told it has changed (`profile.CHECK`)."""
    answers = {"relief": "10", "note": "I drive for work", "topic": "fit", "mode": "consult", "sure_s": "no"}
    at = open_app(answers, page=name)
    want = parse_query(answers).profile
    links = [e.proto.query_string for e in at.get("page_link")]
    links += [e.proto.code_text.split("?", 1)[1] for e in at.get("code") if "?" in e.proto.code_text]
    links.append(urlencode({k: at.query_params[k] for k in at.query_params}))
    assert len(links) >= 6
    for query in links:
        parsed = parse_query(query)
        assert parsed.warnings == [] and parsed.profile.relief == want.relief, query
        assert parsed.profile.note == want.note, query


def test_the_side_effect_examples_say_they_count_different_things():
    """The examples under "Avoiding common side effects that pass" set medicines' any side effect
    at all beside one side effect per injection and one after an operation (patient review): the
    grid's note on it follows them, and only them."""
    at = open_app(page="priorities")
    captions = [unescape(x.value) for x in at.caption if x.value.startswith("For example")]
    note = "The side-effect figures count different things, so compare what each one says, not its size."
    assert [note in x for x in captions] == [p == "side_effects" for p in PRIORITIES]
