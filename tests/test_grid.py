"""The at-a-glance grid (decision_aid/grid.py): Option Grid rows and columns from the dataset and the
result, short cells with at most one figure, "not measured" never a number, cautions and local
figures marked."""

from __future__ import annotations

import re

import pytest

from decision_aid.engine import evaluate
from decision_aid.evidence import OPTION_IDS, load_evidence
from decision_aid.grid import MAX_WORDS, NO_TREATMENT_ID, QUESTIONS, glance_grid, rows_marked_by
from decision_aid.profile import Profile
from decision_aid.schema import GRID_ROWS

EV = load_evidence()


def _grid(**answers):
    return glance_grid(EV, evaluate(EV, Profile(**answers)))


def _cell(grid, row: str, column: str):
    r = next(r for r in grid.rows if r.key == row)
    return r.cells[[c.id for c in grid.columns].index(column)]


def _column(grid, column: str):
    return [r.cells[[c.id for c in grid.columns].index(column)] for r in grid.rows]


def test_columns_are_no_treatment_then_the_options_in_fixed_order_and_rows_the_questions():
    grid = _grid()
    assert [c.id for c in grid.columns] == [NO_TREATMENT_ID, *OPTION_IDS]
    assert grid.columns[0].name == "No treatment for now"
    assert [(r.key, r.question) for r in grid.rows] == list(QUESTIONS)
    assert all(len(r.cells) == len(grid.columns) for r in grid.rows)


@pytest.mark.parametrize("answers", [{}, {"anesthesia": "unfit", "mri": "vessel"}, {"mvd_success": 70.0}])
def test_cells_are_short_with_at_most_one_figure(answers):
    """A cell's words (its text split on whitespace; the figure and the consult detail are shown
    beside it) are at most a dozen or so, and any "out of 100" figure is the cell's one figure."""
    for row in _grid(**answers).rows:
        for cell in row.cells:
            assert len(cell.text.split()) <= MAX_WORDS, (row.key, cell.text)
            assert not re.search(r"\d+ (out of|in) 100", cell.text), (row.key, cell.text)


def test_each_benefit_row_uses_its_own_measure_and_not_measured_is_never_a_number():
    grid = _grid()
    for oid in OPTION_IDS:
        for measure in ("clearly_better", "spasm_gone"):
            b = EV.options[oid].benefit(measure)
            cell = _cell(grid, measure, oid)
            if b.per_100 is None:
                assert cell.central is None and cell.figure is None and cell.not_measured
                assert cell.text.startswith("Not measured")
            else:
                assert cell.central == b.per_100.central and cell.sources == tuple(b.sources)
                assert "When:" in cell.text


def test_no_treatment_figures_sit_under_the_grid_not_beside_the_treatments():
    """No treatment's figures count other things over years ("went away for a time" beside MVD's
    "spasm gone at the last check-up", "partly better" beside "clearly better"): a row would set
    them side by side with figures that measure something else, so its cells carry no figure and
    the note under the grid gives them, from the dataset."""
    grid = _grid()
    column = [row.cells[0] for row in grid.rows]
    assert all(cell.central is None for cell in column), [c.text for c in column]
    for row in ("clearly_better", "spasm_gone"):
        cell = _cell(grid, row, NO_TREATMENT_ID)
        assert cell.not_measured and "see the note below" in cell.text
    by_id = {f.id: f for f in EV.no_treatment.figures}
    note = grid.reference_note
    assert note.startswith(f"Out of 100 people followed for about {round(by_id['remission'].years)} years")
    for fid, words in (
        ("remission", "went away for a time in"),
        ("partly_better", "partly better in"),
        ("worse", "got worse in"),
    ):
        assert f"{words} {round(by_id[fid].per_100.central)}" in note, fid
        assert set(by_id[fid].sources) <= set(grid.reference_note_sources), fid
    assert {by_id[fid].certainty for fid in ("remission", "partly_better", "worse")} == {"very_low"}
    assert "How sure: very low." in note  # as each figure said in its cell


def test_the_rest_of_the_no_treatment_group_stayed_the_same():
    """The note says "in the rest, it stayed about the same": true only while the dataset's
    'unchanged' figure is what the other three leave of 100."""
    by_id = {f.id: f.per_100.central for f in EV.no_treatment.figures}
    rest = 100 - by_id["remission"] - by_id["partly_better"] - by_id["worse"]
    assert by_id["unchanged"] == pytest.approx(rest, abs=0.5)


def test_per_injection_figures_say_so():
    cell = _cell(_grid(), "passing", "botulinum")
    risk = max(
        (r for r in EV.options["botulinum"].risks if not (r.serious or r.permanent)),
        key=lambda r: r.per_100.central,
    )
    assert risk.per == "injection"
    assert cell.per == "injection" and cell.figure.endswith("per injection")


def test_cautions_mark_the_cells_they_concern_and_a_not_suitable_column():
    grid = _grid(anesthesia="unfit", mri="vessel")
    mvd = next(c for c in grid.columns if c.id == "mvd")
    assert not mvd.suitable and mvd.reason
    assert _cell(grid, "involves", "mvd").caution and _cell(grid, "serious", "mvd").caution
    assert not _cell(grid, "involves", "medication").caution
    assert not _cell(grid, "cost", "mvd").caution
    assert any(oid == "mvd" for oid, _, _ in grid.cautions)


@pytest.mark.parametrize("cause", ["ms", "bells_trauma"])
def test_good_news_is_listed_apart_and_marks_no_cell(cause):
    """That injections work whatever the cause was a caution: its warning sign sat on botulinum
    toxin's benefit cells, and it was listed among the cautions, as if it told against them."""
    grid = _grid(cause=cause, mri="vessel")
    assert [oid for oid, _ in grid.good_to_know] == ["botulinum"]
    assert "work on the face muscles" in grid.good_to_know[0][1]
    assert all("face muscles" not in text for _, _, text in grid.cautions)
    assert _cell(grid, "clearly_better", "mvd").caution  # a caution still marks its cells
    if cause == "bells_trauma":  # in MS, a caution for all three marks the benefit cells
        assert not any(cell.caution for cell in _column(grid, "botulinum"))


def test_no_vessel_on_the_scan_marks_the_surgery_benefit_cells():
    grid = _grid(mri="no_vessel")
    assert _cell(grid, "spasm_gone", "mvd").caution
    assert not _cell(grid, "spasm_gone", "botulinum").caution


def test_an_earlier_mvd_marks_the_surgery_cells_whose_figures_are_a_first_operations():
    """The caution says MVD's figures are not a second operation's, and its problems are more
    common; only "What if it does not work?" was marked, not the cells showing those figures."""
    grid = _grid(tried=["mvd"])
    for row in ("clearly_better", "spasm_gone", "serious", "not_working"):
        assert _cell(grid, row, "mvd").caution, row
    assert not _cell(grid, "passing", "mvd").caution
    tried_tablets = _grid(tried=["medication"])
    assert _cell(tried_tablets, "not_working", "medication").caution
    assert not _cell(tried_tablets, "spasm_gone", "medication").caution


def test_the_dataset_names_the_rows_a_caution_marks_and_the_grid_has_them():
    """A rule's `concerns` (the dataset's say) overrides what its situation would mark, and may
    name only the grid's own rows."""
    assert tuple(key for key, _ in QUESTIONS) == GRID_ROWS
    rule = next(r for r in EV.rules if r.id == "medication_tried")
    assert rows_marked_by(rule) == ("not_working",)
    assert rows_marked_by(rule.model_copy(update={"concerns": ["cost", "involves"]})) == ("involves", "cost")


@pytest.mark.parametrize("answers", [{"mvd_success": 70.0}, {"mvd_hearing_loss": 4.0}])
def test_a_local_surgical_figure_is_marked_local(answers):
    grid = _grid(**answers)
    local = [(r.key, c.central) for r in grid.rows for c in r.cells if c.local]
    assert local, "the team's own figure is not marked"
    assert all(central in answers.values() for _, central in local)


def test_timing_cells_say_what_the_dataset_says():
    """The timing cells are written per option from the dataset's onset and duration texts; if
    those texts stop saying these things, the cells need a neurologist's new look."""

    def says(text: str, *facts: str) -> None:
        flat = " ".join(text.split()).lower()
        for fact in facts:
            assert fact in flat, fact

    med, botox, mvd = (EV.options[oid] for oid in OPTION_IDS)
    says(med.onset.text, "no study has measured how soon")
    says(med.duration.text, "only works while you keep taking it", "its effect often fades")
    assert med.burden.ongoing
    says(botox.onset.text, "usually starts to work within a few days")
    says(mvd.onset.text, "many people are spasm-free within days", "over weeks or months")
    says(mvd.duration.text, "the relief usually lasts for years")
    weeks = round(botox.effect_weeks.value.central)
    assert _cell(_grid(), "timing", "botulinum").text.endswith(f"lasts about {weeks} weeks.")


def test_the_grid_says_why_the_no_treatment_figures_may_not_hold():
    """The one clinic's 41 in 100 remissions against the reviews' "rarely goes away": the
    dataset's plain-words note goes with the grid (it was on the About page only)."""
    grid = _grid()
    note = EV.no_treatment.figures_note
    assert grid.reference_note.endswith(" ".join(note.text.split()))
    assert set(note.sources) <= set(grid.reference_note_sources)
    assert {"duarte2020", "tambasco2021"} <= set(grid.reference_note_sources)


def test_the_late_relief_figure_says_what_it_counts():
    """MVD's "what if it does not work?" figure (33 in 100) is the people whose relief came late:
    the words just before it say so. "Relief came weeks or months later." then "33 out of 100
    people" was read as a third of operations failing (two reviews, 2026-12-03), and so was
    "Spasm gone only weeks or months later." (two more, 2026-12-04)."""
    cell = _cell(_grid(), "not_working", "mvd")
    assert cell.central == EV.options["mvd"].delayed_relief.per_100.central
    assert cell.text.startswith("Still twitch at first, spasm gone weeks or months later.")
    assert "other treatments stay open" in cell.text.lower()


def test_every_option_says_what_comes_next_if_it_does_not_work():
    """MVD's cell told only the good news (relief can come late, "wait before calling it a
    failure"); the medicines and injections cells each say what can be tried next."""
    grid = _grid(relief=5)
    for oid in OPTION_IDS:
        text = _cell(grid, "not_working", oid).text
        assert re.search(r"other treatments? (stay open|can be tried)", text, re.I), (oid, text)


def test_waiting_is_not_shown_as_harmless():
    """No treatment has no treatment harms, but "None" alone in the serious-harm row read as if
    waiting were harmless: the spasm itself can shut the eye (the dataset's `involves` text)."""
    cell = _cell(_grid(), "serious", NO_TREATMENT_ID)
    assert "shut your eye" in cell.text and cell.central is None
    assert "close your eye" in EV.no_treatment.involves.text


def test_waiting_s_cells_say_where_their_claims_come_from():
    """The serious row's "the spasm itself can shut your eye" is the dataset's `involves` text
    in a few words, so consult mode's sources toggle gives that text's own sources (it gave
    none), not the scan sentences'. The first row's "You can choose to wait and see." is the
    summary's first sentence, a choice with no figure and no source."""
    grid = _grid()
    serious = _cell(grid, "serious", NO_TREATMENT_ID)
    assert serious.sources and serious.sources == tuple(EV.no_treatment.involves.sources)
    involves = _cell(grid, "involves", NO_TREATMENT_ID)
    assert involves.text == "You can choose to wait and see." and not involves.sources


def test_a_label_warning_with_no_figure_stands_in_its_serious_cell_in_words():
    """The injections' serious cell said only "None reported in the studies used." beside the
    medicines' label warnings; every botulinum toxin label warns of the effect spreading. The
    cell gives the dataset's few words for that warning, with its sources and no figure."""
    warning = EV.options["botulinum"].label_warning
    cell = _cell(_grid(), "serious", "botulinum")
    assert cell.text == warning.short and "label" in cell.text
    assert cell.central is None and cell.figure is None
    assert "botox_label" in cell.sources
    bare = EV.model_copy(
        update={
            "options": {
                **EV.options,
                "botulinum": EV.options["botulinum"].model_copy(update={"label_warning": None}),
            }
        }
    )
    plain = glance_grid(bare, evaluate(bare, Profile()))
    assert _cell(plain, "serious", "botulinum").text == "None reported in the studies used."


def test_the_side_effect_row_says_its_figures_count_different_things():
    """Medicines' "any side effect at all" (65 in 100) stood beside one side effect per injection
    and one after an operation, and read as six times worse (clinical and patient reviews): the
    grid says how each is counted, under it; the note goes when they are counted alike."""
    import yaml

    from decision_aid.evidence import DEFAULT_DATASET, parse_evidence
    from decision_aid.grid import unlike_side_effects

    note = _grid().unlike_note
    assert note.startswith("The side-effect figures count different things")
    assert "Medicines: any side effect at all" in note
    assert "Botulinum toxin: one side effect, at each injection" in note
    assert note.endswith("MVD surgery: one side effect.")
    raw = yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))
    for option in raw["options"].values():
        for risk in option["risks"]:
            risk.pop("counts", None)
            risk["per"] = "person"
    alike = parse_evidence(yaml.safe_dump(raw, sort_keys=False))
    assert unlike_side_effects(evaluate(alike, Profile())) == ""
