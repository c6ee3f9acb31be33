"""The compare page as topics (issue 12) with the content of issue 11: one topic drawn at a time,
the topic in the link, the grid first, home steps and consult buttons, the match only once
priorities are stated and never for an option that may not apply, local figures marked."""

from __future__ import annotations

import re

from decision_aid.evidence import OPTION_IDS, load_evidence
from decision_aid.profile import PRIORITIES
from decision_aid.ui.topics.common import LOCAL_MARK
from decision_aid.ui.topics.glance import CAUTIONS_ID
from decision_aid.words.common import ESTIMATE_MARK
from decision_aid.words.topics import CAUTIONS_IN_FULL, NOT_DRAWN_CELL
from tests.ui.conftest import (
    chart_specs,
    go,
    headings,
    match_figures,
    match_points,
    open_app,
    texts,
    unescape,
)

GRID = "hfs-grid"


def _grid_html(at) -> str:
    """Every grid-style table on the page (the glance grid, the figures tables), as HTML."""
    bodies = [h.proto.body for h in at.get("html") if GRID in h.proto.body and "<table" in h.proto.body]
    return "\n".join(bodies).replace("&#x27;", "'")


def _charts(at) -> int:
    return len(at.get("vega_lite_chart"))


def test_glance_is_the_default_topic_and_its_grid_comes_first_with_no_treatment_first():
    at = open_app(page="compare")
    grid = _grid_html(at)
    assert grid, "no grid on the default topic"
    names = ["No treatment for now", "Medicines", "Botulinum toxin", "MVD surgery"]
    assert [grid.index(f">{n}") for n in names] == sorted(grid.index(f">{n}") for n in names)
    assert _charts(at) == 0  # only the chosen topic runs: no other topic's charts
    assert "Topic 1 of 5: At a glance" in headings(at, 2)


def test_the_grid_says_why_the_no_treatment_figures_may_not_hold():
    """Under the grid, in both modes, after the figures it qualifies (which the column's cells no
    longer give); its sources with the consult layer's switch."""
    from decision_aid.evidence import load_evidence

    note = load_evidence().no_treatment.figures_note
    for mode in ("home", "consult"):
        grid = _grid_html(open_app({"mode": mode}, page="compare"))
        assert "<strong>No treatment for now</strong>: Out of 100 people followed for about" in grid, mode
        assert "How sure: very low. " + note.text in grid, mode
        assert "duarte2020" not in grid
    at = open_app({"mode": "consult"}, page="compare")
    at.toggle(key="sources_glance").set_value(True).run()
    assert re.search(r"may get worse more often\. Sources: [^<]*duarte2020", _grid_html(at))


def test_topic_in_the_link_runs_only_that_topic():
    at = open_app({"topic": "harms"}, page="compare")
    assert not _grid_html(at)
    assert _charts(at) >= 3
    assert "Serious or lasting harms" in headings(at, 3)
    assert "How soon it works and how long it lasts" not in headings(at, 3)


def test_unknown_topic_falls_back_to_glance_with_a_notice():
    at = open_app({"topic": "verdict"}, page="compare")
    assert _grid_html(at)
    assert any("topic='verdict'" in unescape(w.value) for w in at.warning)


def test_home_next_topic_moves_on_and_puts_the_topic_in_the_link():
    at = open_app(page="compare")
    at.button(key="next_top").click().run()
    assert at.query_params["topic"] == "works"
    assert "Topic 2 of 5: How well it works" in headings(at, 2)
    at.button(key="back_bottom").click().run()
    assert "topic" not in at.query_params  # glance is the default, left out of the link


def test_consult_topic_buttons_come_first_and_choose_the_topic():
    at = open_app({"mode": "consult"}, page="compare")
    steps = [b.key for b in at.button if b.key.startswith(("next_", "back_"))]
    assert not steps  # no topic step buttons in consult mode (the page footer's stay)
    at.segmented_control(key="topic_choice").set_value("figures").run()
    assert at.query_params["topic"] == "figures"
    assert "<table" in _grid_html(at), "the figures topic shows its table"
    rounded = "so together they add up to 101, not 100."  # the natural course's 41, 39, 10, 11
    assert any(rounded in cap.value for cap in at.caption)


def test_works_gives_the_second_operation_beside_late_relief():
    """After a failed operation the card told only the good news (relief can come late); how many
    have a second operation, which works less often, was in the dataset and on no page."""
    from decision_aid.evidence import load_evidence

    reop = load_evidence().options["mvd"].reoperation
    for mode in ("home", "consult"):
        at = open_app({"topic": "works", "mode": mode}, page="compare")
        text = " ".join(unescape(texts(at)).split())
        assert "**A second operation (the spasm stayed or came back):** 9 out of 100 people" in text, mode
        assert " ".join(reop.text.split()) in text, mode  # its words, in "More about how soon and how long"


def test_works_says_the_spasm_comes_back_of_those_it_cured_and_why_medicines_are_stopped():
    """The recurrence counts people first cured: "Comes back: 2 out of 100 people" read as 2 in
    100 of everyone operated on (and "of those it helped" as of the 95 in 100 clearly
    better). And the medicines' own later chance, stopping for side effects,
    was on no page: no study counted it, and the card now says so and what doctors report."""
    from decision_aid.evidence import load_evidence

    stopped = load_evidence().options["medication"].stopped_for_side_effects
    at = open_app({"topic": "works"}, page="compare")
    text = " ".join(unescape(texts(at)).split())
    assert "**Comes back, of those it made spasm-free:** 2 out of 100 people" in text
    why = stopped.reason
    assert f"**Stopped because of side effects:** not measured. {why}" in text
    assert "Doctors say it happens often." in why


def test_works_puts_not_measured_in_words_never_a_number():
    at = open_app({"topic": "works"}, page="compare")
    text = unescape(texts(at))
    assert "Medicines**: not measured" in text or "Medicines: not measured" in text
    assert "Spasm gone or almost gone" in headings(at, 3)
    assert "Clearly better while the treatment works" in headings(at, 3)


def test_harms_mark_per_injection_figures_and_say_how_sure_at_home():
    at = open_app({"topic": "harms"}, page="compare")
    text = unescape(texts(at))
    assert "per injection" in text
    assert text.count("how sure:") >= 10


def test_every_harm_says_when_in_both_modes():
    """A figure needs its time: at home the harms showed "26 out of 100 people" for low sodium
    with no word of "at any time while taking carbamazepine", which the works topic gives. Its
    first clause stands beside the figure; with the sources, the whole time frame."""
    from decision_aid.engine import evaluate
    from decision_aid.evidence import load_evidence
    from decision_aid.grid import first_clause_within
    from decision_aid.profile import Profile

    risks = [r for o in evaluate(load_evidence(), Profile()).options for r in o.risks]
    home = open_app({"topic": "harms"}, page="compare")
    consult = open_app({"topic": "harms", "mode": "consult"}, page="compare")
    consult.toggle(key="sources_harms").set_value(True).run()
    for at, when in ((home, first_clause_within), (consult, lambda t: t.rstrip("."))):
        text = " ".join(unescape(texts(at)).split())
        # at home, a figure counted per injection says when by "per injection" (each one)
        said = [r for r in risks if at is consult or r.per != "injection"]
        missing = [r.timeframe for r in said if f"{' '.join(when(r.timeframe).split())}" not in text]
        assert not missing, missing
        assert len(said) >= 10
    home_text = " ".join(unescape(texts(home)).split())
    assert (
        "26 out of 100 people (how sure: low)**, at any time while taking carbamazepine for epilepsy, not"
        " hemifacial spasm." in home_text
    )


def test_a_harm_too_rare_to_draw_is_said_without_a_picture_of_nobody():
    """Fewer than 1 in 100 colours no one in a picture of 100: it drew 100 grey people under
    "Too few to show in a picture of 100 people" (about 300 px on a phone). The words stay."""
    at = open_app({"topic": "harms"}, page="compare")
    titles = [" ".join(spec["title"]["text"]) for spec in chart_specs(at)]
    assert titles and not any("Serious skin reaction" in t for t in titles), titles
    text = " ".join(unescape(texts(at)).split())
    assert (
        "**Medicines: Serious skin reaction** Fewer than 1 out of 100 people (about 6 out of 10,000)" in text
    )
    assert "Too few to show in a picture of 100 people." in text


def test_pictures_of_people_end_at_their_key_without_blank_lines():
    """Streamlit gives a legend titled None a title of one space, and pads a chart 20 px at the
    bottom unless its spec says otherwise: 40 px of blank in every picture of 100 people, which
    took the harms topic over its height limit once carbamazepine's blood disorders were added."""
    for topic in ("works", "harms"):
        specs = chart_specs(open_app({"topic": topic}, page="compare"))
        assert specs, topic
        for spec in specs:
            legend = spec["encoding"]["color"]["legend"]
            assert legend["title"] == "", topic  # no title line (nor the field's name)
            assert spec["padding"]["bottom"] == 0, topic


def test_harms_intro_does_not_call_per_injection_figures_people():
    """The intro said "Every figure is out of 100 people" above "10 out of 100 people per injection"."""
    at = open_app({"topic": "harms"}, page="compare")
    intro = next(x.value for x in at.caption if x.value.startswith("Figures are out of 100"))
    assert "out of 100 injections" in intro and '"per injection"' in intro
    assert "per injection" in texts(at).replace(intro, "")  # the figures it speaks of


def test_harms_say_how_long_each_lasts_in_full_and_name_each_picture_whole():
    """Every harm's "how long it lasts" whole, in both modes: cut to 8 words it dropped safety
    advice mid-sentence ("Clonazepam can cause dependence,...."). Each picture's title names its
    harm up to its first bracket, never cut mid-phrase ("Weakness of the face that gets...")."""
    from decision_aid.engine import evaluate
    from decision_aid.evidence import load_evidence
    from decision_aid.grid import first_clause
    from decision_aid.profile import Profile

    result = evaluate(load_evidence(), Profile())
    risks = [r for o in result.options for r in o.risks]
    for mode in ("home", "consult"):
        at = open_app({"topic": "harms", "mode": mode}, page="compare")
        text = " ".join(unescape(texts(at)).split())
        missing = [r.lasts for r in risks if " ".join(r.lasts.split()) not in text]
        assert not missing, (mode, missing)
        assert "...." not in text
        titles = [" ".join(spec["title"]["text"]) for spec in chart_specs(at)]
        for kind in (False, True):
            for o in result.options:
                mine = [r for r in o.risks if bool(r.serious or r.permanent) == kind]
                if mine:
                    top = max(mine, key=lambda r: r.central)
                    name = first_clause(top.name)
                    if top.central < 0.5:  # too rare to draw: its title leads its words, no picture
                        assert f"**{o.short_name}: {name}**" in text, (mode, name)
                        continue
                    assert any(f"{o.short_name}: {name}" in t for t in titles), (mode, name, titles)
        assert not any("..." in t for t in titles), (mode, titles)


def test_late_relief_is_never_cut_short():
    """Late relief after MVD shows its whole time frame: cut to 10 words it read "33 out of 100
    people, still had the spasm a week or more after the..." (a failure, not a late cure)."""
    from decision_aid.evidence import load_evidence

    late = load_evidence().options["mvd"].delayed_relief.timeframe.rstrip(".")
    for mode in ("home", "consult"):
        works = " ".join(unescape(texts(open_app({"topic": "works", "mode": mode}, page="compare"))).split())
        assert late[1:] in works, (mode, late)
        assert "after the..." not in works


def test_fit_shows_no_match_until_a_priority_is_stated():
    at = open_app({"topic": "fit"}, page="compare")
    assert _charts(at) == 0 and not match_figures(at)
    assert "Say what matters to you first" in unescape(texts(at))
    at.slider(key="recovery").set_value(10).run()
    assert at.query_params["recovery"] == "10"
    points = match_points(at)
    assert set(points["option"]) == {"medication", "botulinum", "mvd"}


def test_fit_says_beside_each_match_how_many_cautions_wait_under_the_grid():
    """After an earlier MVD that did not last, the fit topic put MVD surgery first with no word of
    its three cautions (a second operation works less often; the figures are a first one's). Now
    MVD gets no match, says why in the caution that keeps it out, and counts the other two."""
    for mode in ("home", "consult"):
        query = {"topic": "fit", "relief": "8", "mri": "vessel", "tried": "mvd", "mvd_result": "came_back"}
        at = open_app({**query, "mode": mode}, page="compare")
        lines = [line for m in at.markdown for line in unescape(m.value).splitlines()]
        mvd = next(x for x in lines if x.startswith("- **MVD surgery** gets no match"))
        assert "You have had MVD surgery before." in mvd, mode
        assert mvd.endswith('2 cautions for you: see them under the grid in "At a glance".'), mode
        botulinum = next(x for x in lines if x.startswith("- Botulinum toxin fits"))
        assert "caution" not in botulinum, mode
    at = open_app({"topic": "fit", "relief": "8", "mri": "vessel"}, page="compare")
    lines = [line for m in at.markdown for line in unescape(m.value).splitlines()]
    assert next(x for x in lines if x.startswith("- MVD surgery fits")).endswith(
        '1 caution for you: see it under the grid in "At a glance".'
    )


def test_fit_says_not_a_verdict_once_on_the_page():
    """The match is "not medical advice" in its box, not again in the chart's subtitle just above
    (the chart's text alternative keeps it, for a chart read on its own)."""
    from decision_aid.words.common import NOT_A_VERDICT

    at = open_app({"topic": "fit", "relief": "8"}, page="compare")
    assert [i.value for i in at.info].count(NOT_A_VERDICT) == 1
    (match,) = match_figures(at)
    assert "How the options line up" in match
    assert "not medical advice" not in match
    words = next(e for e in at.expander if e.label == "This picture in words")
    assert "not medical advice" in " ".join(m.value for m in words.markdown)


def test_fit_shows_the_scales_value_judgements_in_both_modes():
    """The match's value judgements are written down and shown on the fit topic: every anchor,
    with the plain-words introduction at home."""
    from decision_aid.engine import ANCHORS_TEXT
    from decision_aid.words.topics import HOW_MATCH_WORKS_TEXT

    for mode in ("home", "consult"):
        at = open_app({"topic": "fit", "relief": "8", "mode": mode}, page="compare")
        shown = " ".join(unescape(texts(at)).split())
        missing = [a for a in ANCHORS_TEXT if f"- {a}" not in shown]
        assert not missing, (mode, missing)
        assert (HOW_MATCH_WORKS_TEXT in shown) == (mode == "home")


def test_fit_sentences_name_only_wishes_the_patient_set_and_list_the_rest_as_the_middle():
    """With only "control of the spasm" set, the other five count as 5 in the match, but the
    sentences never call them the patient's wishes ("your wish to avoid an operation"); the
    page names them as not set yet. Once all six are set, that line goes."""
    from decision_aid.words.common import PRIORITY_LABELS, PRIORITY_WISH

    at = open_app({"topic": "fit", "relief": "5"}, page="compare")
    text = " ".join(unescape(texts(at)).split())
    for p in PRIORITIES[1:]:
        assert PRIORITY_WISH[p] not in text, p
    assert "not set these yet" in text
    note = text.split("not set these yet", 1)[1].split(".")[0]
    assert [p for p in PRIORITIES if PRIORITY_LABELS[p] in note] == list(PRIORITIES[1:])
    assert PRIORITY_WISH["relief"] in text  # botulinum toxin and MVD help most people: they fit it
    assert f"Medicines fits {PRIORITY_WISH['relief']} only a little." in text  # 30 in 100, as the grid

    at = open_app({"topic": "fit", **{p: "5" for p in PRIORITIES}}, page="compare")
    assert "not set these yet" not in unescape(texts(at))


def test_priorities_set_at_zero_are_said_once_not_once_per_option():
    """Control and time both set to 0: the same "Nothing you set weighs for or against X" sentence
    stood three times, once per option. It is said once; in a consult each option keeps its line
    for its match range."""
    from decision_aid.words.app import NOTHING_SET_WEIGHS

    at = open_app({"topic": "fit", "relief": "0", "burden": "0"}, page="compare")
    text = " ".join(unescape(texts(at)).split())
    assert NOTHING_SET_WEIGHS.split("{")[0] not in text
    assert text.count("so nothing you set weighs for or against any of the options") == 1
    assert "You set **Control of the spasm** and **Little time and effort" in text
    at = open_app({"topic": "fit", "relief": "0", "burden": "0", "mode": "consult"}, page="compare")
    text = " ".join(unescape(texts(at)).split())
    # whole points, as the chart, the PDF and the command line show the match (49.8 is "50")
    assert "**Medicines**: Match 50 (range 48 to 50)." in text


def test_every_priority_at_zero_says_nothing_would_change_nowhere():
    """With all six at 0 nothing is compared (the engine's notice says so); the page said
    "Changing how much any one thing matters to you would not change the picture", which is
    wrong: moving any one above 0 starts the comparison."""
    from decision_aid.words.topics import CHANGE_HEADING, NOTHING_WOULD_CHANGE

    at = open_app({"topic": "fit", **dict.fromkeys(PRIORITIES, "0")}, page="compare")
    text = unescape(texts(at))
    assert "nothing is matched" in text
    assert NOTHING_WOULD_CHANGE not in text and CHANGE_HEADING not in text
    assert "weighs for or against" not in text
    assert at.expander[0].proto.expanded  # the sliders the notice asks to move are open


def test_moving_a_slider_in_fit_changes_the_match_chart_data():
    at = open_app({"topic": "fit", "relief": "5"}, page="compare")
    before = match_points(at)
    at.slider(key="recovery").set_value(10).run()
    assert not before["points"].equals(match_points(at)["points"])


def test_fit_sliders_come_in_the_order_of_the_priorities_page():
    """Filled row by row, the two columns gave Tab, a screen reader and a phone (columns stacked)
    the order relief, serious harm, burden, lasting, ... unlike the priorities page."""
    fit = open_app({"topic": "fit", "relief": "5"}, page="compare")
    page = open_app(page="priorities")
    assert [s.key for s in fit.slider] == [s.key for s in page.slider] == list(PRIORITIES)


def test_fit_draws_unset_sliders_grey_as_the_priorities_page_does():
    """An unset priority waits at 5, which looked just like a 5 the patient chose."""
    for at in (
        open_app({"topic": "fit", "relief": "5"}, page="compare"),
        open_app({"relief": "5"}, page="priorities"),
    ):
        grey = [h.proto.body for h in at.get("html") if "grayscale" in h.proto.body]
        assert len(grey) == 1
        assert ".st-key-relief" not in grey[0]
        assert all(f".st-key-{p}" in grey[0] for p in PRIORITIES[1:])


def test_an_option_that_may_not_apply_gets_no_bar_and_keeps_its_reason():
    at = open_app({"topic": "fit", "relief": "8", "anesthesia": "unfit"}, page="compare")
    assert set(match_points(at)["option"]) == {"medication", "botulinum"}
    text = unescape(texts(at))
    assert "MVD surgery** may not be suitable for you" in text
    assert "MVD surgery fits" not in text


def test_an_option_whose_figures_may_not_apply_gets_no_bar_and_says_why():
    at = open_app({"topic": "fit", "relief": "8", "cause": "ms"}, page="compare")
    assert set(match_points(at)["option"]) == {"medication", "botulinum"}
    text = unescape(texts(at))
    assert "MVD surgery** gets no match, because its figures may not apply to you" in text
    assert "In multiple sclerosis the spasm can come from damage inside the brainstem" in text
    assert "MVD surgery fits" not in text


def test_options_kept_out_by_the_same_caution_share_one_line_and_nothing_is_left_to_change():
    """A scan that found something else keeps all three out of the match: one line says why, and
    no chart, no unset-priorities line and no "What would change the picture?" follow."""
    at = open_app({"topic": "fit", "relief": "8", "mri": "other_finding"}, page="compare")
    assert chart_specs(at) == [] and not match_figures(at)  # the fit topic draws the match chart only
    text = unescape(texts(at))
    assert text.count("get no match, because their figures may not apply to you") == 1
    assert "**Medicines**, **Botulinum toxin** and **MVD surgery** get no match" in text
    assert text.count("You said your scan found something else.") == 1
    assert "What would change the picture?" not in text and "counts as the middle" not in text


def test_how_the_match_is_worked_out_is_shown_in_both_modes():
    home = open_app({"topic": "fit"}, page="compare")
    consult = open_app({"topic": "fit", "mode": "consult"}, page="compare")
    assert any(e.label == "How the match is worked out" for e in home.expander)
    assert any(e.label.startswith("The scale's anchors") for e in consult.expander)


def test_the_match_s_workings_say_a_ruled_out_option_comes_after_the_others_where_one_does():
    """A ruled-out option keeps its match but is placed after the rest: a value judgement the
    anchors write down, where it bears on the places shown."""
    said = "Options you said you do not want come after the ones you did not rule out, whatever their match."
    ruled_out = unescape(texts(open_app({"topic": "fit", "relief": "8", "avoid": "mvd"}, page="compare")))
    plain = unescape(texts(open_app({"topic": "fit", "relief": "8"}, page="compare")))
    assert said in ruled_out and said not in plain


def test_priority_slider_on_the_priorities_page_reaches_the_comparison():
    at = open_app({"topic": "fit", "relief": "5"}, page="compare")
    before = match_points(at)
    go(at, "priorities")
    at.slider(key="lasting").set_value(10).run()
    go(at, "compare")
    assert not before["points"].equals(match_points(at)["points"])


def test_local_surgical_figures_are_marked_in_every_topic_that_uses_them():
    for mode in ("home", "consult"):
        q = {"mvd_success": "70", "mvd_hearing_loss": "1", "mode": mode, "relief": "5"}
        assert LOCAL_MARK.capitalize() in _grid_html(open_app(q, page="compare"))
        for topic in ("works", "harms", "fit", "figures"):
            at = open_app({**q, "topic": topic}, page="compare")
            shown = (
                unescape(texts(at)) + _grid_html(at) + str([e.proto.spec for e in at.get("vega_lite_chart")])
            )
            assert LOCAL_MARK in shown, (mode, topic)


def test_a_local_figure_keeps_the_published_range_beside_it_never_a_widened_one():
    """The team's hearing-loss figure (8) lies above the studies' 2 to 6: the engine widens its
    range to 2 to 8 for the match's ends, and the figures topic, the consult grid and the harms
    topic gave that "range 2 to 8", which no study found. They give "published range 2 to 6"."""
    q = {"mvd_hearing_loss": "8", "mvd_success": "60", "mode": "consult", "relief": "5"}
    figures = _grid_html(open_app({**q, "topic": "figures"}, page="compare"))
    assert "published range 2 to 6 out of 100" in figures and "2 to 8 out of 100" not in figures
    assert "published range 63 to 91 out of 100" in figures and "60 to 91" not in figures
    at = open_app(q, page="compare")
    at.toggle[0].set_value(True).run()  # "Show ranges and sources"
    assert "published range 2 to 6 out of 100" in _grid_html(at)
    at = open_app({**q, "topic": "harms"}, page="compare")
    at.toggle[0].set_value(True).run()
    text = unescape(texts(at))
    assert "published range 2 to 6 out of 100" in text and "range 2 to 8" not in text


def test_range_words_say_one_thing_in_the_consult_layer_and_the_figures_table():
    """One rule for both (topics.common.range_words); the table's version gave a published figure
    without a range as "published range no range given in the studies"."""
    from decision_aid.ui.topics.common import range_words

    assert range_words(2.0, 6.0) == "range 2 to 6 out of 100"
    assert range_words(2.0, 6.0, labelled=False) == "2 to 6 out of 100"
    assert range_words(2.0, 6.0, published=True, labelled=False) == "published range 2 to 6 out of 100"
    for published in (False, True):
        assert range_words(41.3, 41.3, published=published) == "no range given in the studies"


def test_the_figures_table_gives_no_time_frame_for_a_figure_never_measured():
    """Botulinum toxin's "spasm gone" was never measured, yet its When column read "At the peak of
    each injection"."""
    html = _grid_html(open_app({"topic": "figures"}, page="compare"))
    rows = re.findall(r"<tr>(?:(?!</tr>).)*</tr>", html, re.S)
    unmeasured = [r for r in rows if '<span class="label">Out of 100</span> not measured' in r]
    assert len(unmeasured) == 3  # medicines and botulinum toxin: spasm gone; stopping the medicines
    for row in unmeasured:
        assert '<span class="label">When</span> </td>' in row, row


def test_each_picture_of_100_people_names_its_option_for_a_screen_reader():
    """The pictures' accessible names read alike but for their numbers ("A picture of 100 people.
    95 out of 100 people have this result ..."): the option (and the harm) was only in the drawing."""
    import json

    names = ("Medicines", "Botulinum toxin", "MVD surgery")
    for topic in ("works", "harms"):
        at = open_app({"topic": topic}, page="compare")
        specs = [json.loads(e.proto.spec) for e in at.get("vega_lite_chart")]
        icons = [s["description"] for s in specs if "A picture of 100 people" in s.get("description", "")]
        assert icons, topic
        for d in icons:
            assert d.startswith(names), (topic, d[:80])


def test_cautions_from_the_situation_mark_the_grid_and_are_listed():
    at = open_app({"anesthesia": "unfit"}, page="compare")
    grid = _grid_html(at)
    assert "May not be suitable for you" in grid
    assert "See the caution below" in grid
    assert "Cautions from your answers" in unescape(texts(at))
    # the words are a link to the cautions, and the target is there
    assert f'href="#{CAUTIONS_ID}"' in grid
    assert any(f'id="{CAUTIONS_ID}"' in h.proto.body for h in at.get("html"))
    # each link names its option: a keyboard user met up to 15 links all named alike
    names = re.findall(r'<a class="caution"[^>]*aria-label="([^"]*)"', grid)
    assert names and all(n.startswith("⚠ See the caution below: ") for n in names), names
    assert {n.rsplit(": ", 1)[1] for n in names} == {"Medicines", "Botulinum toxin", "MVD surgery"}, names


def _grid_cautions(at) -> str:
    """The short list under the grid: each caution in a few words."""
    return unescape("".join(m.value for m in at.markdown if "Cautions from your answers" in m.value))


def _full_cautions(at) -> str:
    """The whole cautions, in the closed panel under the short list."""
    (panel,) = [e for e in at.expander if e.label == CAUTIONS_IN_FULL]
    assert not panel.proto.expanded
    return unescape("".join(m.value for m in panel.markdown))


def test_the_grid_lists_a_caution_for_every_treatment_once_under_one_name():
    # No scan result yet (the answer chosen when the app opens) concerns all three treatments.
    at = open_app(page="compare")
    listed, full = _grid_cautions(at), _full_cautions(at)
    assert "- **All three treatments:** No scan result yet." in listed
    assert "**All three treatments**\n- There is no MRI scan result yet" in full
    for said in (listed, full):
        assert "Medicines, Botulinum toxin" not in said
    assert "- **MVD surgery:** Not sure you are fit for an anaesthetic." in listed
    assert "**MVD surgery**\n- MVD surgery needs a general anaesthetic" in full


def test_the_grid_says_cautions_in_a_few_words_and_keeps_the_whole_texts_one_click_away():
    """Seven cautions in full (aged 78, not fit for an anaesthetic, a blood thinner, medicines
    tried) took about 550 px under the grid at 1280 px and 1,300 px on a phone, past the page's
    height limit; each is now a few words under the grid, every whole text in a closed panel."""
    answers = {
        "age": "78",
        "anesthesia": "unfit",
        "blood_thinners": "yes",
        "tried": "medication",
        "mri": "vessel",
    }
    at = open_app(answers, page="compare")
    listed, full = _grid_cautions(at), _full_cautions(at)
    # one line per group; the blood thinner, said in each option's own words in full, is one line
    assert listed.splitlines()[1:] == [
        "",
        "- **Medicines:** Your age (65 or over). You tried these medicines before.",
        "- **All three treatments:** You take a blood thinner.",
        "- **MVD surgery:** You cannot have a general anaesthetic. Your age (60 or over).",
    ]
    for whole in (
        "Tell your doctor before you start a new medicine",
        "Clonazepam can make you sleepy",
        "Tell the doctor who gives the injections",
        "so it is not an option for you",
    ):
        assert whole in full, whole


def test_good_news_from_the_situation_is_listed_apart_from_the_cautions():
    """After Bell's palsy, "injections can help whatever causes the spasm" was listed under
    "⚠ Cautions from your answers" and put the warning sign on botulinum toxin's benefit cells."""
    at = open_app({"cause": "bells_trauma", "mri": "vessel"}, page="compare")
    good = unescape("".join(m.value for m in at.markdown if "Good to know from your answers" in m.value))
    assert "- **Botulinum toxin:** Botulinum toxin injections work on the face muscles" in good
    assert "face muscles" not in _full_cautions(at)
    good_label = next(r.label for r in load_evidence().rules if r.effect == "good_to_know")
    assert good_label not in _grid_cautions(at)
    botulinum = [
        cell for cell in _grid_html(at).split("<td") if "Botulinum toxin" in cell.split("</span>")[0]
    ]
    assert botulinum and not any("See the caution below" in cell for cell in botulinum)


def test_the_grid_names_the_options_once_above_their_cautions():
    # Aged 62 and not sure about an anaesthetic: two cautions for MVD, one heading; the old
    # "MVD surgery: MVD surgery needs ..." line named the option twice.
    at = open_app({"age": "62", "anesthesia": "unsure"}, page="compare")
    assert _grid_cautions(at).count("MVD surgery") == 1
    listed = _full_cautions(at)
    assert listed.count("MVD surgery**") == 1
    assert "MVD surgery:**" not in listed
    heading = listed.index("**MVD surgery**")
    assert heading < listed.index("- MVD surgery needs a general anaesthetic")
    assert heading < listed.index("- Age alone does not rule out MVD surgery")


def test_a_local_spasm_free_figure_is_said_to_be_outside_the_match():
    said = "MVD surgery's match does not use your team's spasm-free figure"
    at = open_app({"topic": "fit", "relief": "8", "mvd_success": "10", "mode": "consult"}, page="compare")
    assert said in unescape(texts(at))
    assert said not in unescape(texts(open_app({"topic": "fit", "relief": "8"}, page="compare")))
    glance = open_app({"mvd_success": "10", "mode": "consult"}, page="compare")
    assert said in unescape(" ".join(e.value for e in glance.caption))  # under the panel's box


def test_home_mode_hides_the_clinician_layer():
    at = open_app(page="compare")
    assert not at.text_input and not at.toggle


def test_consult_mode_has_local_figures_and_sources_behind_a_toggle():
    at = open_app({"mode": "consult"}, page="compare")
    assert {"mvd_success", "mvd_hearing_loss"} <= {n.key for n in at.text_input}
    assert "Sources:" not in _grid_html(at)
    assert "in nerve pain, not hemifacial spasm" not in _grid_html(at)
    at.toggle(key="sources_glance").set_value(True).run()
    assert "Sources:" in _grid_html(at)
    # with the sources, each harm's time frame (65 out of 100 is from short trials in nerve pain)
    assert "when: Trials of 4 weeks or less, in nerve pain, not hemifacial spasm" in _grid_html(at)


def test_the_years_topic_has_its_sources_behind_a_toggle_in_consult_mode():
    """Every other figure topic had a sources switch; the five-year figures had none."""
    from decision_aid.evidence import load_evidence
    from decision_aid.projection import NO_TREATMENT_ID, sources_used

    at = open_app({"topic": "years", "mode": "consult", "relief": "8"}, page="compare")
    assert "Sources:" not in texts(at)
    at.toggle(key="sources_years").set_value(True).run()
    lines = [ln for ln in unescape(texts(at)).splitlines() if "Sources:" in ln]
    assert len(lines) == 4  # no treatment and the three options
    assert ", ".join(sources_used(load_evidence(), NO_TREATMENT_ID)) in lines[0]
    assert lines[-1].startswith("- **MVD surgery**") and "huh2008" in lines[-1]
    assert not open_app({"topic": "years", "relief": "8"}, page="compare").toggle


def test_the_years_table_says_the_operation_is_usually_one():
    """Over five years MVD asks for one operation for most people, not for everyone: the grid and
    the knowledge check say "usually" (about 9 in 100 have a second), and so does this table."""
    at = open_app({"topic": "years", "relief": "8"}, page="compare")
    (table,) = at.table
    frame = table.value
    asks = [unescape(cell) for cell in frame[frame.columns[-1]]]
    assert asks[-1].startswith("usually 1 operation;"), asks[-1]


def test_the_years_table_gives_a_range_only_where_the_studies_give_one():
    """No treatment's 10 out of 100 comes without a range: it read "(could be 10 out of 100)". It
    says what it counts, which is not the options' measure in the column's heading."""
    at = open_app({"topic": "years", "relief": "8"}, page="compare")
    (table,) = at.table
    frame = table.value
    control = [unescape(cell) for cell in frame[frame.columns[0]]]
    assert control[0] == (
        "Spasm went away for a time: 10 out of 100 people (no range given in the studies). The line "
        "spreads one clinic's 41 out of 100 evenly over about 12 years."  # the grid's 41 (review)
    )
    assert all("could be" in cell and " to " in cell for cell in control[1:])


def _projection_options(at) -> set[str]:
    """The options the five-year chart draws a line for (its "projection" data, as Arrow)."""
    import pyarrow as pa

    (chart,) = at.get("vega_lite_chart")
    (data,) = [d.data.data for d in chart.proto.datasets if d.name == "projection"]
    return set(pa.ipc.open_stream(data).read_pandas()["option"])


def test_the_years_chart_draws_no_line_for_an_option_whose_figures_may_not_apply():
    """With MS, MVD's line rose to 92 in 100 under a note that its figures may not apply (no study
    has counted MVD's results in MS): such an option gets no line, as it gets no bar in the match,
    and the table says why its figure is missing; what it asks of you still shows."""
    assert _projection_options(open_app({"topic": "years"}, page="compare")) == set(OPTION_IDS)
    at = open_app({"topic": "years", "cause": "ms"}, page="compare")
    assert _projection_options(at) == {"medication", "botulinum"}
    (spec,) = chart_specs(at)
    assert "MVD" not in spec["description"]
    assert "Not drawn: MVD surgery, whose figures may not apply to you." in unescape(texts(at))
    (table,) = at.table
    last = [unescape(cell) for cell in table.value.iloc[-1]]
    assert last[0] == NOT_DRAWN_CELL and "operation" in last[1]
    at = open_app({"topic": "years", "sides": "both"}, page="compare")  # all three may not apply
    assert _charts(at) == 0
    shown = unescape(texts(at))
    assert "The figures for all three treatments may not apply to you" in shown  # the note over it
    assert "So no lines are drawn here." in shown
    (table,) = at.table
    assert {unescape(cell) for cell in table.value.iloc[:, 0]} == {NOT_DRAWN_CELL}


def test_the_figures_table_never_shows_a_figure_as_a_range_from_itself_to_itself():
    """No treatment's figures come without ranges: the Range column read "41 out of 100"."""
    html = _grid_html(open_app({"topic": "figures"}, page="compare"))
    cell = '<td><span class="label">{}</span> {}</td>'
    assert cell.format("Out of 100", 41) + cell.format("Range", "no range given in the studies") in html
    assert cell.format("Range", "41 out of 100") not in html
    real = cell.format("Out of 100", 95) + cell.format("Range", r"\d+ to \d+ out of 100")
    assert re.search(real, html), "a real range stays"


def test_the_figures_table_has_every_later_chance_the_works_topic_gives():
    """The table of "every figure the aid uses" left out MVD's late relief (33 in 100), its return
    (2) and a second operation (9), which the works topic and the PDF give (two reviews,
    2026-12-04)."""
    from html import unescape as html_unescape

    from decision_aid.words.common import CHANCE_LABELS

    html = html_unescape(_grid_html(open_app({"topic": "figures"}, page="compare")))
    rows = re.findall(r"<tr>(?:(?!</tr>).)*</tr>", html, re.S)
    cell = '<td><span class="label">{}</span> {}</td>'
    chances = [(f, ch) for _, opt in load_evidence().ordered() for f, ch in opt.chances()]
    assert len(chances) >= 4
    for field, ch in chances:
        row = next((r for r in rows if CHANCE_LABELS[field] in r and ch.sources[0] in r), None)
        assert row is not None, field
        if ch.per_100 is not None:
            figure = str(round(ch.per_100.central))
            assert cell.format("Out of 100", figure) in row and ch.timeframe in row, (field, row)


def test_the_consult_grid_never_gives_a_figure_as_a_range_from_itself_to_itself():
    html = _grid_html(open_app({"mode": "consult"}, page="compare"))
    assert not re.search(r"range (\d+) out of 100", html), "no treatment read 'range 10 out of 100'"
    assert re.search(r"range \d+ to \d+ out of 100", html), "a real range stays"


def test_harms_say_the_injections_label_warning_in_words_with_its_sources_in_consult():
    """The injections had "none reported" for serious harms while every botulinum toxin label
    warns of the effect spreading: its words stand in the injections' column beside the other
    options' pictures, with no picture of its own."""
    from decision_aid.evidence import load_evidence

    warning = " ".join(load_evidence().options["botulinum"].label_warning.text.split())
    home = " ".join(unescape(texts(open_app({"topic": "harms"}, page="compare"))).split())
    assert warning in home and "botox_label" not in home
    assert "**Botulinum toxin**: none reported in the studies used." in home  # beside the pictures
    consult = open_app({"topic": "harms", "mode": "consult"}, page="compare")
    consult.toggle(key="sources_harms").set_value(True).run()
    shown = " ".join(unescape(texts(consult)).split())
    assert warning in shown and "botox_label" in shown


DOUBT_TOPICS = ("works", "harms", "years", "figures")


def test_an_option_that_may_not_apply_is_said_over_every_topic_that_shows_its_figures():
    """A consult could open the harms or the next 5 years first: MVD's figures stood there for
    someone not fit for an anaesthetic, or with MS, with no word that they may not apply. The
    glance grid lists why; the fit topic says why an option gets no match."""
    why = 'see why under the grid in "At a glance".'
    cases = {
        "anesthesia=unfit": f"**MVD surgery** may not be suitable for you: {why}",
        "cause=ms": f"The figures for **MVD surgery** may not apply to you: {why}",
        "mri=other_finding": "The figures for all three treatments may not apply to you",
    }
    for query, said in cases.items():
        name, value = query.split("=")
        for mode in ("home", "consult"):
            for topic in (*DOUBT_TOPICS, "glance", "fit"):
                at = open_app({name: value, "topic": topic, "mode": mode, "relief": "8"}, page="compare")
                shown = unescape(texts(at))
                assert (said in shown) == (topic in DOUBT_TOPICS), (query, mode, topic)
    for topic in DOUBT_TOPICS:  # the cautions every patient meets until they answer stay under the grid
        shown = unescape(texts(open_app({"topic": topic, "relief": "8"}, page="compare")))
        assert "may not be suitable for you" not in shown and "may not apply to you" not in shown, topic


def test_a_consult_says_how_sure_each_figure_is_as_home_mode_does():
    """With the sources shut (as a consult starts), the works and harms topics dropped "how sure"
    from every figure, and the later chances lost it with the sources open too: the clinician's
    layer showed less of the evidence's certainty than the patient's own."""
    for topic in ("works", "harms"):
        home = unescape(texts(open_app({"topic": topic}, page="compare")))
        consult = unescape(texts(open_app({"topic": topic, "mode": "consult"}, page="compare")))
        assert home.count("how sure:") >= 7 and consult.count("how sure:") == home.count("how sure:"), topic
    consult = open_app({"topic": "works", "mode": "consult"}, page="compare")
    consult.toggle(key="sources_works").set_value(True).run()
    assert "**Relief comes late:** 33 out of 100 people (how sure: low)" in unescape(texts(consult))


def test_the_medicines_estimate_is_marked_as_one_wherever_its_figure_stands():
    """The grid, the PDF and the command line said the medicines' 30 in 100 is one expert's
    estimate, not a study; the works pictures, the five-year table and the figures table gave it
    like any study's figure (clinical review, 2026-12-04). Only that figure is marked."""
    mark = ESTIMATE_MARK
    works = unescape(texts(open_app({"topic": "works"}, page="compare")))
    assert "30 out of 100 people (an expert's estimate, not a study; how sure: very low)" in works
    assert works.count(mark) == 2  # beside the picture, and in its text alternative
    (table,) = open_app({"topic": "years"}, page="compare").table
    control = [unescape(cell) for cell in table.value.iloc[:, 0]]
    assert [mark in cell for cell in control] == [False, True, False, False]
    figures = _grid_html(open_app({"topic": "figures"}, page="compare"))
    assert figures.count(mark) == 1
    assert f"very low; {mark}" in figures


def test_the_harms_pictures_say_they_count_different_things_before_they_are_seen():
    """Medicines' picture counts any side effect at all, the others one each (one per injection):
    said in the topic's intro, before the pictures."""
    at = open_app({"topic": "harms"}, page="compare")
    note = "The side-effect figures count different things, so compare what each one says, not its size."
    (intro,) = [unescape(x.value) for x in at.caption if "Each picture shows" in x.value]
    assert note in intro
    assert sum(note in unescape(x.value) for x in at.caption) == 1
