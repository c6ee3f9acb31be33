"""The take-home summary: the PDF (A4 and Letter), its JSON twin, the link back, the CLI.

The PDF is checked as a reader would get it: opened with pypdf, its text extracted, its
images decoded, its link annotations read. The JSON is checked against the CLI's main output
(same Result, so every shared figure must be identical).
"""

from __future__ import annotations

import builtins
import datetime as dt
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

import pytest
import yaml
from fpdf.image_datastructures import ImageCache
from PIL import Image
from pypdf import PdfReader

from decision_aid import grid, report
from decision_aid.derived import quiz
from decision_aid.engine import LOCAL_SUCCESS_MEASURE, Result, evaluate
from decision_aid.evidence import DEFAULT_DATASET, Evidence, load_evidence
from decision_aid.grid import glance_grid, how_long_text, timing_text
from decision_aid.profile import PRIORITIES, Profile, parse_query
from decision_aid.report.fontcache import FONT_REGULAR, _parsed_font
from decision_aid.report.images import _chart_cache, _grid_cache
from decision_aid.report.layout import LAYOUTS, _lines_cache
from decision_aid.words import report as pdf_words
from decision_aid.words.common import CERTAINTY_LEVELS, EXPERT_ESTIMATE, PRIORITY_LABELS, whole
from decision_aid.words.engine import AVOIDED_LAST
from decision_aid.words.report import certainty_words
from devkit.browser import skip_unless_ci
from devkit.pdf import chart_images

from .pdf_reading import FOOTER

ROOT = Path(__file__).resolve().parents[2]
BASE_URL = "https://hfs.example.org/aid/"
EN_DASH, AT_LEAST = "\u2013", "\u2265"  # written as escapes: ruff flags a literal en dash
NOTE = (
    f"I drive for work {EN_DASH} 2 weeks off is hard; I need {AT_LEAST} 3 months between visits. "
    "**not bold** <b>x</b>"
)
QUERY = (
    "relief=8&lasting=10&serious_risk=9&side_effects=3&burden=7&recovery=2&cause=vascular&mri=not_done"
    "&tried=medication&leaning=unsure&sure_s=no&sure_u=yes&note=" + quote_plus(NOTE)
)
PAGE_SIZES = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}
QUERY_PAGES = {"A4": 5, "Letter": 6}
"""QUERY has three cautions and a note: on US Letter, 18 mm shorter, such a summary takes a 6th page
(README: "The summary keeps its pictures when they fit"); it did so from dataset 1.2.8, whose
side effects of gabapentin (with their two sources) and blood disorders of carbamazepine ran it
about 8 lines of sources past page 5."""
# A consultation with the team's own MVD figures, a pregnancy and a deal-breaker.
CONSULT = (
    "mode=consult&mvd_success=92&mvd_hearing_loss=1&pregnant=yes&avoid=medication&anesthesia=fit"
    "&mri=vessel&leaning=mvd"
)
# Every caution and option in play at once: the longest summary a patient can get.
BUSY = (
    "relief=10&lasting=10&serious_risk=10&side_effects=10&burden=10&recovery=10&cause=bells_trauma"
    "&anesthesia=unsure&mri=not_done&pregnant=yes&tried=medication,botulinum,mvd&avoid=medication"
    "&mode=consult&mvd_success=91&mvd_hearing_loss=1.5&leaning=mvd&sure_s=no&sure_u=no&sure_r=no&sure_e=no"
    "&note=" + "Worried+about+time+off+work.+" * 30
)

EVIDENCE = load_evidence()


def profile_of(query: str) -> Profile:
    parsed = parse_query(query)
    assert not parsed.problems, parsed.problems
    return parsed.profile


def result_of(query: str, evidence: Evidence = EVIDENCE) -> Result:
    return evaluate(evidence, profile_of(query))


def squash(text: str) -> str:
    """Text without whitespace or the page footers, so wrapped lines and page breaks don't matter."""
    text = FOOTER.sub("", text)
    return "".join(text.split())


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.fixture(scope="module", params=["A4", "Letter"])
def built(request) -> tuple[str, Result, bytes, PdfReader]:
    result = result_of(QUERY)
    pdf = report.build_pdf(EVIDENCE, result, base_url=BASE_URL, paper=request.param)
    return request.param, result, pdf, PdfReader(io.BytesIO(pdf))


# ---------------------------------------------------------------- the PDF


def test_pdf_opens_with_pages_of_the_right_size(built):
    paper, _, pdf, reader = built
    assert pdf.startswith(b"%PDF-")
    assert 1 <= len(reader.pages) <= QUERY_PAGES[paper]
    want_w, want_h = PAGE_SIZES[paper]
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(want_w, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(want_h, abs=0.5)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("query", ["", CONSULT])
def test_usual_summaries_fit_on_four_or_five_pages(paper, query):
    pdf = report.build_pdf(EVIDENCE, result_of(query), base_url=BASE_URL, paper=paper)
    assert 1 <= len(PdfReader(io.BytesIO(pdf)).pages) <= 5


@pytest.mark.parametrize(("paper", "most"), [("A4", 5), ("Letter", 6)])
@pytest.mark.parametrize("query", ["blood_thinners=yes&relief=8", "blood_thinners=yes&relief=8&mode=consult"])
def test_a_summary_for_a_patient_on_a_blood_thinner_fits_its_pages(query, paper, most):
    """Many people with hemifacial spasm are older and on a blood thinner: the caution naming
    apixaban and rivaroxaban, with their labels in the references, took such a summary to a sixth
    A4 page (its references ran one citation over)."""
    pdf = report.build_pdf(EVIDENCE, result_of(query), base_url=BASE_URL, paper=paper)
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= most


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_longest_possible_summary_stays_short(paper):
    # Every caution and question at once, plus a 900-character note (printed, and in the link):
    # the most compact layout (no pictures, the match as a table) and one more page, mostly for
    # the longer list of sources.
    pdf = report.build_pdf(EVIDENCE, result_of(BUSY), base_url=BASE_URL, paper=paper)
    assert 1 <= len(PdfReader(io.BytesIO(pdf)).pages) <= 6


def test_fonts_are_embedded(built):
    _, _, _, reader = built
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"
        assert "DejaVu" in str(font["/BaseFont"])


def test_text_has_header_and_no_verdict_line(built):
    _, result, _, reader = built
    text = squash(pdf_text(reader))
    meta = EVIDENCE.meta
    for phrase in (
        report.SUMMARY_TITLE,
        meta.title,
        f"Evidence version {meta.version}",
        f"last checked {meta.last_reviewed.isoformat()}",
        report.CONVERSATION_LINE,
        "not medical advice",
    ):
        assert squash(phrase) in text, phrase
    assert result.evidence_version == meta.version


def test_text_has_what_the_patient_said(built):
    _, result, _, reader = built
    text = squash(pdf_text(reader))
    p = result.profile
    for key in PRIORITIES:
        assert squash(PRIORITY_LABELS[key]) in text
        assert squash(report.weight_words(getattr(p, key))) in text
        assert f"{getattr(p, key)}/10" in text
    assert squash("A blood vessel pressing on the facial nerve") in text  # cause, in words
    assert squash("No scan result yet") in text
    assert squash(NOTE) in text  # the note, literally: markup is not interpreted
    assert squash("Not sure yet") in text  # leaning


def printed(words: str, pages: list[str]) -> bool:
    """Whether `words` are printed whole on a page, or go on over one page break, as a tall row
    of the detail table does: as much of them as the foot of one page holds, the rest on the
    next (after its heading row and label, beside the other columns). `pages`: each page's text,
    `squash`ed."""
    needle = squash(words)
    if any(needle in page for page in pages):
        return True
    # at least 20 characters before the break (three lines of the row's longest cell, and a line of
    # this one); after it a cell can end in a short line. That no line is lost at the break is
    # test_layout's: every line of a split row drawn once.
    for page, after in itertools.pairwise(pages):
        k = next((k for k in range(len(needle) - 1, 19, -1) if needle[:k] in page), 0)
        if k and needle[k:] in after:
            return True
    return False


def test_text_has_every_option_figure_and_caution(built):
    _, result, _, reader = built
    text = squash(pdf_text(reader))
    pages = [squash(page.extract_text() or "") for page in reader.pages]
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    for o, d in zip(result.options, data["options"], strict=True):
        assert squash(o.name) in text
        assert d["benefits"], o.id
        for b in d["benefits"]:
            assert printed(b["words"], pages), (o.id, b["measure"])
        for r in d["risks"]:
            # with its own period where its cell's harms differ in theirs, else beside one 'When:'
            assert printed(r["words"], pages) or printed(r["table_words"], pages), (o.id, r["id"])
            assert squash(r["timeframe"].rstrip(".")) in text, (o.id, r["id"])
        for caution in o.cautions:
            assert squash(caution) in text, caution


def test_the_detail_table_says_how_long_each_option_lasts_and_its_chances_later_on(built):
    """The printout said an operation "usually lasts years" and scored "a result that lasts" by
    how many do not have the spasm come back, but gave neither that figure (2 in 100 of those it
    helped, over about 3 years) nor the second operation (9 in 100). Its detail table now has a
    row of how long each option lasts and its later chances in full (late relief is page 1's),
    the medicines' included: no study counted how many stop them for side effects."""
    _, result, _, reader = built
    pages = [squash(page.extract_text() or "") for page in reader.pages]
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    row = next(r for r in data["comparison"]["rows"] if r["id"] == "lasts")
    assert [r["id"] for r in data["comparison"]["rows"]].index("lasts") == len(EVIDENCE.meta.measures)
    for (oid, opt), o, cell in zip(EVIDENCE.ordered(), data["options"], row["cells"][1:], strict=True):
        said = [ch["id"] for ch in o["later"]]
        assert said == [field for field, _ in opt.chances()], oid  # every one, in the JSON
        lines = cell.split("\n")
        assert lines[0] == how_long_text(oid, opt) and timing_text(oid, opt).endswith(lines[0]), oid
        assert lines[1:] == ["• " + ch["words"] for ch in o["later"] if ch["id"] != "delayed_relief"], oid
        assert printed(" ".join(lines), pages), oid
    mvd = row["cells"][3]
    rec, reop = EVIDENCE.options["mvd"].recurrence, EVIDENCE.options["mvd"].reoperation
    assert (  # the whole time frame: the 10 in 100 comes from 7.4 years, not "about 3"
        "• Comes back, of those it made spasm-free: 2 out of 100 people "
        f"(could be fewer than 1 to 10 out of 100). When: {rec.timeframe}. How sure: low." in mvd
    )
    assert (
        "• A second operation (the spasm stayed or came back): 9 out of 100 people (could be 1 to 18 out "
        f"of 100). When: {reop.timeframe}. How sure: low." in mvd
    )
    assert "• Stopped because of side effects: Not measured. No study has counted" in row["cells"][1]


def test_each_harm_in_the_detail_table_carries_its_own_time_frame():
    """The medicines' side effects come from 4-week trials, years of epilepsy care and a year's
    series: one 'When:' line listing four periods after four harms left the reader to pair them."""
    result = result_of(QUERY)
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    rows = {r["id"]: r for r in data["comparison"]["rows"]}
    for kind in ("common", "serious"):
        for o, cell in zip(data["options"], rows[kind]["cells"][1:], strict=True):
            mine = [r for r in o["risks"] if r["kind"] == kind]
            periods = {r["timeframe"].rstrip(".") for r in mine if r.get("timeframe")}
            if len(periods) < 2:
                continue
            bullets = cell.split("\n")
            assert len(bullets) == len(mine), (o["id"], kind)
            for bullet, r in zip(bullets, mine, strict=True):
                assert bullet.startswith("• " + r["name"]) and r["timeframe"].rstrip(".") in bullet


def test_a_caution_for_every_treatment_is_listed_once_under_one_name(built):
    # QUERY has no scan yet, a caution for all three treatments: said as the situation page says it.
    text = squash(pdf_text(built[3]))
    assert squash("All three treatments • There is no MRI scan result yet") in text
    assert squash("Medicines, Botulinum toxin, MVD surgery") not in text


def test_cautions_sit_under_the_name_of_their_options_named_once():
    # Not fit for an anaesthetic and aged 62: two cautions for MVD under one name. The old
    # "MVD surgery: MVD surgery needs ..." item named the option twice.
    pdf = report.build_pdf(EVIDENCE, result_of("anesthesia=unfit&age=62&relief=5"), base_url=BASE_URL)
    text = squash(pdf_text(PdfReader(io.BytesIO(pdf))))
    cautions = text[text.index(squash("Cautions for you")) :]
    assert cautions.count(squash("MVD surgery •")) == 1
    assert squash("MVD surgery: may not be suitable") not in cautions
    assert squash("MVD surgery • May not be suitable now: You said you are not fit") in cautions
    assert squash("• Age alone does not rule out MVD surgery") in cautions


def test_good_news_is_said_as_good_to_know_not_as_a_caution():
    pdf = report.build_pdf(EVIDENCE, result_of("cause=bells_trauma&mri=vessel"), base_url=BASE_URL)
    cautions = squash(pdf_text(PdfReader(io.BytesIO(pdf))))
    cautions = cautions[cautions.index(squash("Cautions for you")) :]
    assert squash("Botulinum toxin • Good to know: Botulinum toxin injections work on the face") in cautions


def test_a_finding_is_listed_once_however_many_cautions_touch_it():
    """At 64, unsure about the anaesthetic, with a scan that found something else: 'more hearing
    problems at 60 or over' came twice (the anaesthetic caution and the age one) and 'see your
    specialist' three times (once per treatment, each naming it)."""
    result = result_of("anesthesia=unsure&age=64&mri=other_finding")
    pdf = report.build_pdf(EVIDENCE, result, base_url=BASE_URL)
    cautions = squash(pdf_text(PdfReader(io.BytesIO(pdf))))
    cautions = cautions[cautions.index(squash("Cautions for you")) :]
    assert cautions.count(squash("60 or over")) == 1
    assert cautions.count(squash("You said your scan found something else.")) == 1
    assert squash("All three treatments • You said your scan found something else.") in cautions


def test_the_same_100_people_claim_is_gone_and_the_studies_are_said_to_differ(built):
    _, _, _, reader = built
    text = squash(pdf_text(reader))
    assert squash("the same 100 people") not in text
    assert squash(report.DIFFERENT_STUDIES) in text
    assert squash("No study has compared the three treatments in the same people") in text


def test_benefits_share_a_row_only_with_figures_of_their_own_measure():
    # Each benefit row of the detailed table holds, for each option, that option's figure on
    # that row's measure (or "Not measured"), never a figure of another measure.
    result = result_of(QUERY)
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    rows = {r["id"]: r for r in data["comparison"]["rows"]}
    for mid, measure in EVIDENCE.meta.measures.items():
        row = rows[f"benefit:{mid}"]
        assert row["label"] == measure.label
        for o, cell in zip(data["options"], row["cells"][1:], strict=True):
            mine = [b for b in o["benefits"] if b["measure"] == mid]
            others = [b for b in o["benefits"] if b["measure"] != mid]
            assert cell == (mine[0]["words"] if mine else report.NOT_MEASURED)
            for b in others:
                assert b["words"] != cell
            if mine and mine[0]["central"] is None:
                assert cell.startswith(report.NOT_MEASURED)
            if mine and mine[0]["central"] is not None:
                assert squash(f"When: {mine[0]['timeframe'].rstrip('.')}") in squash(cell)
                assert "How sure:" in cell


def test_every_figure_says_how_sure_the_evidence_is():
    data = report.summary_data(EVIDENCE, result_of(QUERY), base_url=BASE_URL)
    for o in data["options"]:
        for b in o["benefits"]:
            if b["central"] is not None:
                assert "How sure:" in b["words"], (o["id"], b["measure"])
        for r in o["risks"]:
            assert "How sure:" in r["words"], (o["id"], r["id"])
    for f in data["no_treatment"]["figures"]:
        assert "How sure:" in f["words"]


def test_per_injection_figures_are_marked():
    result = result_of(QUERY)
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    per_injection = [r for o in data["options"] for r in o["risks"] if r.get("per") == "injection"]
    assert per_injection, "the dataset has per-injection harms (botulinum toxin)"
    for r in per_injection:
        assert "out of 100 people per injection" in r["words"]  # as the app and the PDF grid say it
        assert "out of 100 injections" not in r["words"]
    for o in data["options"]:
        for r in o["risks"]:
            if r.get("per") != "injection":
                assert "per injection" not in r["words"]


def test_no_match_or_rank_before_priorities_are_stated():
    result = result_of("cause=vascular&mri=vessel&anesthesia=fit")
    assert result.priorities_stated is False
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    for o in data["options"]:
        assert o["match"] is None and o["rank"] is None and o["contributions"] is None, o["id"]
    assert data["match"]["shown"] is False and data["what_would_change"] == []
    assert "match" not in {c["id"] for c in data["charts"]}
    text = squash(pdf_text(PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))))
    assert squash(report.NOT_STATED) in text
    assert squash("Total out of 100") not in text
    for line in report.ANCHORS_TEXT:  # the scale's value judgements are shown all the same
        assert squash(line) in text


def test_what_you_told_us_gives_an_unset_priority_as_every_view_does():
    """The PDF's "What you told us" said "Not set yet / -" beside its own match table's (and the
    app's) "not set, counts as 5/10"."""
    result = result_of("relief=8&recovery=9")
    reader = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))
    told = squash(pdf_text(reader).split("What you told us", 1)[1].split("Pictures of the chances", 1)[0])
    assert told.count(squash("not set, counts as 5/10")) == 4
    assert "Not set yet" not in told


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_match_table_marks_unset_priorities_as_not_set_never_as_a_weight_given(paper):
    """An unset priority counts as 5 in the match; the table says so ('not set, counts as 5/10',
    the app's word) instead of showing 5/10 as a weight the patient gave, and its head is not
    'what you said'."""

    result = result_of("relief=8&recovery=9")
    text = squash(
        pdf_text(PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL, paper=paper))))
    )
    for p in PRIORITIES:
        given = {"relief": 8, "recovery": 9}.get(p)
        label = PRIORITY_LABELS[p]
        if given is None:
            assert squash(f"{label}: not set, counts as 5/10") in text, p
            assert squash(f"{label}: 5/10") not in text, p
        else:
            assert squash(f"{label}: {given}/10") in text, p
    assert squash("What you said matters (weight)") not in text
    assert squash("not said") not in text


def test_an_option_that_may_not_suit_gets_no_match_or_rank():
    result = result_of("relief=9&anesthesia=unfit")
    mvd = result.option("mvd")
    assert not mvd.suitable
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    by_id = {o["id"]: o for o in data["options"]}
    assert by_id["mvd"]["match"] is None and by_id["mvd"]["rank"] is None and by_id["mvd"]["fit"] is None
    assert sorted(o["rank"] for o in data["options"] if o["rank"] is not None) == [1, 2]
    assert [o["id"] for o in data["match"]["not_matched"]] == ["mvd"]
    text = squash(pdf_text(PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))))
    assert squash(f"{mvd.short_name}: {report.NOT_MATCHED}") in text
    for b in by_id["mvd"]["benefits"]:  # its figures stay visible
        assert squash(b["words"]) in text


def test_an_option_whose_figures_may_not_apply_gets_no_match_and_says_why():
    result = result_of("relief=9&mri=no_vessel")
    mvd = result.option("mvd")
    assert mvd.suitable and not mvd.figures_apply
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    by_id = {o["id"]: o for o in data["options"]}
    assert by_id["mvd"]["match"] is None and by_id["mvd"]["rank"] is None
    assert data["match"]["not_matched"] == [
        {"id": "mvd", "short_name": mvd.short_name, "reason": report.NOT_MATCHED_FIGURES}
    ]
    text = squash(pdf_text(PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))))
    assert squash(f"{mvd.short_name}: {report.NOT_MATCHED_FIGURES}") in text


def test_no_treatment_is_a_reference_column_with_its_figures(built):
    _, result, _, reader = built
    text = squash(pdf_text(reader))
    nt = EVIDENCE.no_treatment
    assert text.count(squash(nt.name)) >= 2  # the grid and the detailed table
    for f in nt.figures:
        assert squash(f.name) in text
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    assert data["comparison"]["columns"][0] == nt.name
    assert "match" not in data["no_treatment"] and "rank" not in data["no_treatment"]
    # the four figures split one group of people and read 41 + 39 + 10 + 11 = 101 out of 100
    rounded = "Each figure is rounded to a whole number, so together they add up to 101, not 100."
    assert data["no_treatment"]["rounded_note"] == rounded and squash(rounded) in text
    over_time = next(r for r in data["comparison"]["rows"] if r["id"] == "over_time")
    assert over_time["cells"][0].endswith(rounded)


def test_what_waiting_involves_advises_a_scan_only_while_there_is_none(built):
    """QUERY has no scan yet; with a scan that showed a vessel, "a scan first" would be wrong."""
    scan_first = squash("A scan first is still wise, to rule out rare causes such as a growth.")
    _, _, _, reader = built
    assert scan_first in squash(pdf_text(reader))
    result = result_of(QUERY.replace("mri=not_done", "mri=vessel"))
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    assert data["no_treatment"]["involves"] == EVIDENCE.no_treatment.involves.model_dump()
    text = squash(pdf_text(PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))))
    assert squash(EVIDENCE.no_treatment.involves.text) in text and scan_first not in text
    # a scan that found something else: see the specialist, even when waiting
    other = report.summary_data(EVIDENCE, result_of("mri=other_finding"), base_url=BASE_URL)
    said = other["no_treatment"]["involves"]["text"]
    assert said.endswith(
        "Even if you wait, see your specialist about what your scan found: it may need a different plan."
    )


def test_page_one_is_the_grid_with_the_leaning_and_the_questions(built):
    _, result, _, reader = built
    first = squash(reader.pages[0].extract_text())
    assert squash("Your options at a glance") in first
    assert squash(EVIDENCE.no_treatment.name) in first
    for o in result.options:
        assert squash(o.short_name) in first
    assert squash("Where you are leaning now:Not sure yet") in first
    assert squash(report.questions_to_ask(EVIDENCE, result)[0]) in first
    # the no-treatment figures and why they may read better than the usual course, under the grid
    note = glance_grid(EVIDENCE, result).reference_note
    assert note.startswith("Out of 100 people") and EVIDENCE.no_treatment.figures_note.text in note
    assert squash(f"{EVIDENCE.no_treatment.name}: {note}") in first


def test_references_come_last(built):
    _, _, _, reader = built
    text = squash(pdf_text(reader))
    last = squash(reader.pages[-1].extract_text())
    data = report.summary_data(EVIDENCE, built[1], base_url=BASE_URL)
    final = list(data["sources"].values())[-1]
    assert squash(final) in last
    assert text.rindex(squash("Sources")) > text.index(squash("Notes from the consultation"))
    assert text.index(squash(final)) > text.index(squash("About these figures"))


def test_reviewers_are_named_or_the_summary_says_none_yet(tmp_path):
    result = result_of(QUERY)
    text = squash(pdf_text(PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))))
    assert not EVIDENCE.meta.reviewers
    assert squash(report.NOT_REVIEWED) in text
    raw = yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))
    raw["meta"]["reviewers"] = [
        {"name": "Dr Bo Lind", "role": "Neurosurgeon", "date": "2026-12-02", "scope": "MVD figures"}
    ]
    evidence = Evidence.model_validate(raw)
    reader = PdfReader(io.BytesIO(report.build_pdf(evidence, result_of(QUERY, evidence), base_url=BASE_URL)))
    text = squash(pdf_text(reader))
    assert squash("Reviewed by Dr Bo Lind, Neurosurgeon (2026-12-02: MVD figures)") in text
    assert squash(report.NOT_REVIEWED) not in text


def test_local_figures_are_marked_wherever_they_are_used():
    result = result_of(CONSULT)
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    mvd = next(o for o in data["options"] if o["id"] == "mvd")
    hearing = [r for r in mvd["risks"] if r["local"]]
    assert hearing and all("local" in r["words"] for r in hearing)
    local_benefits = [b for b in mvd["benefits"] if b.get("local")]
    assert local_benefits and all("(local)" in b["words"] for b in local_benefits)
    # The team's spasm-free figure is a benefit of its own: the match's control figure stays published.
    assert EVIDENCE.meta.control_measure != LOCAL_SUCCESS_MEASURE
    assert not mvd["success"]["local"] and "local" not in mvd["success"]["words"]
    assert len(data["local_figures_used"]) == len(local_benefits) + len(hearing)
    reader = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))
    text = squash(pdf_text(reader))
    for line in data["local_figures_used"]:
        assert squash(line) in text
    assert "local" in squash(reader.pages[0].extract_text())  # the grid marks it too
    shown = {c["id"]: c for c in data["charts"]}
    assert "(local figure)" not in shown["control"]["description"]
    assert "(local figure)" in shown["serious_harm"]["description"]  # the hearing-loss figure is in it


def test_a_local_figure_for_the_control_measure_is_marked_as_the_control_figure():
    """A dataset may make the spasm-free measure the match's control (every option then needs a
    figure for it): the team's own MVD figure is then the control figure, marked local in its
    words, in the control picture and, once, in the list of local figures."""
    raw = yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))
    raw["meta"]["control_measure"] = LOCAL_SUCCESS_MEASURE
    for oid in ("medication", "botulinum"):
        benefit = next(b for b in raw["options"][oid]["benefits"] if b["measure"] == LOCAL_SUCCESS_MEASURE)
        benefit.update(per_100={"low": 1, "central": 5, "high": 10}, not_measured="")
    evidence = Evidence.model_validate(raw)
    result = result_of(CONSULT, evidence)
    data = report.summary_data(evidence, result, base_url=BASE_URL)
    mvd = next(o for o in data["options"] if o["id"] == "mvd")
    assert mvd["success"]["local"] and mvd["success"]["central"] == 92
    assert "(local)" in mvd["success"]["words"]["local"]
    local_benefits = [b for b in mvd["benefits"] if b.get("local")]
    assert [b["measure"] for b in local_benefits] == [LOCAL_SUCCESS_MEASURE]  # the same figure
    hearing = [r for r in mvd["risks"] if r["local"]]
    assert len(data["local_figures_used"]) == len(local_benefits) + len(hearing) == 2
    shown = {c["id"]: c for c in data["charts"]}
    assert "(local figure)" in shown["control"]["description"]
    text = squash(pdf_text(PdfReader(io.BytesIO(report.build_pdf(evidence, result, base_url=BASE_URL)))))
    for line in data["local_figures_used"]:
        assert squash(line) in text


def test_the_serious_harm_picture_says_none_reported_where_no_study_found_one():
    data = report.summary_data(EVIDENCE, result_of(QUERY), base_url=BASE_URL)
    serious = next(c for c in data["charts"] if c["id"] == "serious_harm")
    assert "Botulinum toxin: none reported in the studies used." in serious["description"]


def test_the_serious_harm_picture_gives_the_labels_warning_beside_none_reported():
    """Beside the medicines' and the operation's counted serious harms, the injections' array said
    only "none reported": the grid and the harms topic add what every botulinum toxin label warns
    of, and so do the PDF's words beside that array (and its text alternative)."""
    short = EVIDENCE.options["botulinum"].label_warning.short
    data = report.summary_data(EVIDENCE, result_of("relief=8"), base_url=BASE_URL)
    serious = next(c for c in data["charts"] if c["id"] == "serious_harm")
    assert "Botulinum toxin: none reported in the studies used. " + short in serious["description"]
    # large print, which always keeps the pictures (a usual summary leaves them out to fit)
    pdf = report.build_pdf(EVIDENCE, result_of("relief=8&mri=vessel"), base_url=BASE_URL, large_print=True)
    text = squash(pdf_text(PdfReader(io.BytesIO(pdf))))
    assert squash("Botulinum toxin: none reported in the studies used " + short) in text


def test_the_scale_value_judgements_are_printed(built):
    _, _, _, reader = built
    text = squash(pdf_text(reader))
    for line in report.ANCHORS_TEXT:
        assert squash(line) in text, line
    assert squash(AVOIDED_LAST) not in text  # nothing ruled out in QUERY


def test_the_ruled_out_anchor_is_printed_where_it_decides_a_place():
    """That ruled-out options come after the others, only where that decides a place."""
    result = result_of("relief=8&avoid=mvd")
    assert report.summary_data(EVIDENCE, result, base_url=BASE_URL)["match"]["anchors"][-1] == AVOIDED_LAST
    pdf = report.build_pdf(EVIDENCE, result, base_url=BASE_URL)
    assert squash(AVOIDED_LAST) in squash(pdf_text(PdfReader(io.BytesIO(pdf))))


@pytest.mark.parametrize(
    ("locale", "paper"),
    [
        ("en-US", "Letter"),
        ("en_US.UTF-8", "Letter"),
        ("es-MX", "Letter"),
        ("fr-CA", "Letter"),
        ("en-GB", "A4"),
        ("de", "A4"),
        ("", "A4"),
        (None, "A4"),
        ("zh-Hant-TW", "A4"),
        ("en-Latn-US", "Letter"),
    ],
)
def test_paper_follows_the_readers_locale(locale, paper):
    assert report.paper_for_locale(locale) == paper


def test_text_has_questions_sure_notes_and_sources(built):
    _, result, _, reader = built
    text = squash(pdf_text(reader))
    for q in report.questions_to_ask(EVIDENCE, result):
        assert squash(q) in text, q
    for _, q in report.SURE_QUESTIONS:
        assert squash(q) in text
    assert squash("Notes from the consultation") in text
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    for citation in data["sources"].values():
        assert squash(citation) in text, citation


def test_link_round_trips_to_the_same_answers(built):
    _, result, _, reader = built
    uris = link_targets(reader)
    link = report.reopen_link(result, BASE_URL)
    assert link in uris
    assert link.startswith(BASE_URL + "?")
    parsed = parse_query(urlsplit(link).query)
    assert not parsed.problems and not parsed.warnings
    assert parsed.profile == profile_of(QUERY)
    assert squash(link) in squash(pdf_text(reader))  # printed too, for people who type it
    # it opens the aid's first page with the answers, as its words say (not "where you left it")
    assert urlsplit(link).path == urlsplit(BASE_URL).path
    assert squash("reopens the aid with them") in squash(pdf_text(reader))


def pictures(reader: PdfReader) -> tuple[list, list]:
    """The arrays of 100 people (each drawn once per count and colour, narrower than 300 px) and
    the match charts a summary embeds."""
    charts = chart_images(reader)
    return [c for c in charts if c.width <= 300], [c for c in charts if c.width > 300]


def test_chart_images_are_embedded_and_not_blank():
    # A summary that fits with pictures: an array of 100 people per option and measure, with its
    # words beside it as text, and the match chart.
    result = result_of("relief=8&mri=vessel&anesthesia=fit&cause=vascular")
    reader = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))
    arrays, match = pictures(reader)
    assert len(match) == 1 and match[0].height > 300
    # 30, 95 and 95 in 100 clearly better; fewer than 1, none reported and 6 in 100 harmed
    assert len(arrays) == 4, f"expected 4 distinct arrays, found {len(arrays)}"
    for im in arrays:
        assert len(im.getcolors(maxcolors=1 << 16)) > 3  # filled people, empty ones, outlines
    text = squash(pdf_text(reader))
    for heading in ("Medicines: 30 out of 100", "MVD surgery: 6 out of 100", "Could be 4 to 16 out of 100."):
        assert squash(heading) in text


def test_each_picture_says_how_sure_its_figure_is():
    """The app's pictures and the tables say how sure each figure is; the PDF's pictures gave a
    figure and its range alone. A sum of serious harms is as sure as its least sure part."""
    result = result_of("relief=8&mri=vessel&anesthesia=fit&cause=vascular")
    reader = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))
    text = squash(pdf_text(reader))
    assert squash(pdf_words.PICTURES) in text, "this summary should keep its pictures"
    shown = text.split(squash(pdf_words.PICTURES_INTRO))[1].split(squash("The options in more detail"))[0]
    control, harms = shown.split(squash("Serious or lasting harm: out of 100 people."))
    levels = list(CERTAINTY_LEVELS)
    for o in result.options:  # each picture's words run up to the next option's name
        words = control.split(squash(f"{o.short_name}:"))[1][:120]
        assert squash(certainty_words(o.success.certainty, short=True)) in words, o.id
    assert control.count(squash("How sure:")) == len(result.options)
    for o in result.options:
        summed = [r.certainty for r in o.risks if r.serious_or_lasting and r.per != "injection"]
        words = harms.split(squash(f"{o.short_name}:"))[1][:160]
        if summed:  # medicines' skin reaction is moderate, its blood disorder low: "low"
            least = max(summed, key=levels.index)
            assert squash(certainty_words(least, short=True)) in words, o.id
        else:  # none reported: nothing counted, so no how sure
            assert squash("How sure:") not in words.split(squash("MVD"))[0], o.id
    assert squash("How sure: low to moderate.") not in harms
    # its heading says "fewer than 1 out of 100", the line under it only the scale that shows it
    assert squash("Medicines: fewer than 1 out of 100 About 7 out of 10,000.") in harms


def test_the_medicines_picture_says_its_figure_is_an_expert_s_estimate():
    """The grid above it said the medicines' 30 in 100 is an expert's estimate, not a study; the
    picture beside the injections' and the operation's study figures did not (clinical review)."""
    result = result_of("relief=8&mri=vessel&anesthesia=fit&cause=vascular")
    reader = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))
    text = squash(pdf_text(reader))
    shown = text.split(squash(pdf_words.PICTURES_INTRO))[1].split(squash("The options in more detail"))[0]
    control = shown.split(squash("Serious or lasting harm: out of 100 people."))[0]
    estimate = squash(EXPERT_ESTIMATE)
    for o in result.options:
        words = control.split(squash(f"{o.short_name}:"))[1][:200]
        assert (estimate in words) == o.success.expert_estimate, o.id
    assert control.count(estimate) == 1


def test_each_benefit_picture_says_the_rest_of_the_100_and_its_time_frame():
    """Beside 95 out of 100, the PDF gave neither the 5 who are not better (as the app's pictures
    do) nor when the 95 were counted: two options' 95s read as the same, where one is at the
    peak of each injection and the other years after an operation."""
    result = result_of("relief=8&mri=vessel&anesthesia=fit&cause=vascular")
    reader = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))
    text = squash(pdf_text(reader))
    shown = text.split(squash(pdf_words.PICTURES_INTRO))[1].split(squash("The options in more detail"))[0]
    control, harms = shown.split(squash("Serious or lasting harm: out of 100 people."))
    for o in result.options:
        words = control.split(squash(f"{o.short_name}:"))[1][:200]
        n = whole(o.success.central)
        assert squash(f"{100 - n} out of 100 do not.") in words, o.id
        assert squash(f"When: {grid.short(o.success.timeframe, 10)}.") in words, o.id
    assert squash("When: At the peak of each injection.") in control
    assert squash("94 out of 100 do not.") in harms  # MVD's 6 in 100, the other way round
    assert squash("When:") not in harms  # each harm has its own time frame: the tables give them


def test_the_pictures_words_print_as_text_beside_each_array_at_the_tables_size():
    """The icon arrays were one picture per measure, their words drawn into it and shrunk with it
    to about 4.7 pt on paper: unreadable for many of the older people who print the summary. Now
    each option's words are text, in the compact layout's table size or larger, one run per line."""
    result = result_of("relief=8&mri=vessel&anesthesia=fit&cause=vascular")
    reader = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))
    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            runs.append((text.strip(), size * cm[0] * tm[0]))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    smallest = min(layout.table_pt for layout in LAYOUTS)
    for words in ("MVD surgery: 6 out of 100", "How sure: low.", "Medicines: 30 out of 100"):
        sizes = [size for text, size in runs if text == words]
        assert sizes, f"{words!r} is not a line of text in the PDF"
        assert min(sizes) >= smallest, (words, sizes)


def test_each_array_of_100_people_is_drawn_once_per_count_and_colour(monkeypatch):
    """Drawing the two pictures of arrays took about 170 ms each, for every summary; each option's
    array now comes from the picture cache whenever a summary with that count and colour came
    before, whoever it was for."""
    from decision_aid import charts

    _grid_cache.clear()
    drawn: list[str] = []
    to_png = charts.to_png
    monkeypatch.setattr(
        charts, "to_png", lambda spec, scale=2: drawn.append("title" in spec) or to_png(spec, scale)
    )
    report.build_pdf(EVIDENCE, result_of("relief=8&mri=vessel"), base_url=BASE_URL)
    first = drawn.count(False)
    assert first == 4  # 30, 95 (twice, drawn once) clearly better; 0 (twice, drawn once), 6 harmed
    drawn.clear()
    report.build_pdf(EVIDENCE, result_of("relief=2&burden=9&mri=vessel"), base_url=BASE_URL)
    assert drawn == [True]  # only the new match chart


@pytest.mark.parametrize("query", ["relief=8", "relief=8&serious_risk=6&burden=3"])
def test_a_stated_priority_keeps_the_pictures_within_five_pages(query):
    # Nothing answered but what matters (no scan yet, so the scan caution shows): the middle
    # layout runs a line or two onto a 6th page, and the compact type must keep the icon arrays
    # and the match chart, not drop them for the last resort's tables.
    pdf = report.build_pdf(EVIDENCE, result_of(query), base_url=BASE_URL)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) <= report.MAX_PAGES
    arrays, match = pictures(reader)
    assert arrays and len(match) == 1


LETTER_SIX_PAGES = (
    "relief=9&lasting=9&serious_risk=6&side_effects=10&burden=2&recovery=2&cause=vascular"
    "&mri=vessel&pregnant=planning&mvd_hearing_loss=7.8&leaning=mvd",
    "relief=3&lasting=10&serious_risk=2&side_effects=8&burden=9&recovery=2&anesthesia=unfit"
    "&mri=no_vessel&mvd_success=71.3&mvd_hearing_loss=2.6",
)
"""US Letter summaries with a caution or two: 6 pages with the pictures and 6 without them."""


@pytest.mark.parametrize("query", LETTER_SIX_PAGES)
def test_pictures_are_kept_when_leaving_them_out_saves_no_page(query):
    # The pictures were dropped whenever the compact type ran past 5 pages, even when the
    # summary without them ran to 6 pages as well: the icon arrays were lost for nothing.
    result = result_of(query)
    reader = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL, paper="Letter")))
    assert len(reader.pages) == report.MAX_PAGES + 1
    arrays, match = pictures(reader)
    assert arrays and len(match) == 1


NO_PICTURES = (
    "relief=1&lasting=2&serious_risk=4&side_effects=3&burden=2&recovery=2&cause=vascular&anesthesia=fit"
    "&mri=vessel&avoid=mvd"
)
"""An A4 summary that runs to 6 pages with the pictures and fits on 5 without them."""
LAYOUT_CASES = [
    ("", "A4"),
    ("", "Letter"),
    ("relief=8", "A4"),
    (CONSULT, "A4"),
    (QUERY, "A4"),
    (QUERY, "Letter"),
    (BUSY, "A4"),
    (NO_PICTURES, "A4"),
    *((query, "Letter") for query in LETTER_SIX_PAGES),
]
"""Summaries that end in the middle layout, the compact type with the pictures and without them,
and the compact type with them kept on 6 pages. None fits the roomy layout: no A4 summary of 310
random answer sets did (US Letter does not try it)."""


def _laid_out(monkeypatch, query: str, paper: str) -> tuple[list[tuple[object, int | None]], object, tuple]:
    """Lay the summary out as build_pdf does, recording each layout tried and its pages (None
    where it gave up); returns those, the layout chosen and the summary's content and pictures."""
    from decision_aid.report import pdf as pdf_module

    data, images = pdf_module._prepared(EVIDENCE, result_of(query), base_url=BASE_URL, generated=None)
    compose, tried, made = pdf_module._compose, [], {}

    def recording(*args, **kwargs):
        try:
            out = compose(*args, **kwargs)
        except pdf_module._TooLong:
            tried.append((args[3], None))
            raise
        tried.append((args[3], out.page))
        made[id(out)] = args[3]
        return out

    monkeypatch.setattr(pdf_module, "_compose", recording)
    layouts = pdf_module.LAYOUTS[pdf_module.FIRST_LAYOUT[paper] :]
    chosen = pdf_module._fitted(data, images, paper, layouts, ImageCache())
    monkeypatch.setattr(pdf_module, "_compose", compose)
    return tried, made[id(chosen)], (data, images, layouts)


@pytest.mark.parametrize(("query", "paper"), LAYOUT_CASES)
def test_the_layout_chosen_is_the_roomiest_that_fits_on_five_pages(monkeypatch, query, paper):
    # Against every layout laid out in full: the roomiest on MAX_PAGES, else the compact type
    # with its pictures unless leaving them out saves a page.
    from decision_aid.report import pdf as pdf_module

    _, chosen, (data, images, layouts) = _laid_out(monkeypatch, query, paper)
    pages = [pdf_module._compose(data, images, paper, x, give_up=False).page for x in layouts]
    fitting = [x for x, n in zip(layouts, pages, strict=True) if n <= report.MAX_PAGES]
    want = fitting[0] if fitting else layouts[-2] if pages[-2] <= pages[-1] else layouts[-1]
    assert chosen == want, (pages, layouts.index(chosen))


@pytest.mark.parametrize(
    ("query", "paper", "tried", "chosen"),
    [
        ("", "A4", [2, 0, 1], 1),
        ("relief=8", "A4", [2, 0, 1], 2),
        (NO_PICTURES, "A4", [2, 3], 3),
        (BUSY, "A4", [2, 3], 2),
    ],
)
def test_roomier_layouts_are_tried_only_when_the_compact_one_fits(monkeypatch, query, paper, tried, chosen):
    # A roomier layout never takes fewer pages: once the compact type with the pictures runs past
    # MAX_PAGES, laying out the roomier ones (about a tenth of a build each) only lost time.
    laid_out, layout, _ = _laid_out(monkeypatch, query, paper)
    assert [LAYOUTS.index(x) for x, _ in laid_out] == tried
    assert LAYOUTS.index(layout) == chosen


def test_the_most_compact_layout_keeps_every_figure_without_pictures(built):
    # The longest summaries leave the pictures and the match chart to the aid; every figure the
    # pictures show is in the tables, and the match is there as a table.
    _, result, _, reader = built
    text = squash(pdf_text(reader))
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    for o in data["options"]:
        assert squash(o["success"]["words"]["range"].removeprefix("Range: ").rstrip(".")) in text
        assert squash(f"{whole(o['match'])} ({whole(o['match_low'])} to {whole(o['match_high'])})") in text


def test_a_summary_without_the_pictures_says_they_did_not_fit():
    """The longest summaries left the pictures out to fit on 5 pages and said nothing: a patient
    with many cautions lost the plainest form of the figures without knowing it."""
    from decision_aid.words.report import PICTURES, PICTURES_LEFT_OUT

    left_out = squash(PICTURES_LEFT_OUT.partition(";")[0])
    without = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result_of(NO_PICTURES), base_url=BASE_URL)))
    assert not chart_images(without)
    text = squash(pdf_text(without))
    assert left_out in text and squash(PICTURES) not in text
    with_them = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result_of("relief=8"), base_url=BASE_URL)))
    assert left_out not in squash(pdf_text(with_them))


def test_a_summary_without_the_match_chart_speaks_of_no_bar():
    """The table beside the match chart gave "the points it adds to its bar": in the summaries that
    leave the chart out to fit on 5 pages (most A4 ones with a priority), there was no bar."""
    from decision_aid.words.report import HOW_MATCH_WORKS, LINE_UP

    reader = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result_of(NO_PICTURES), base_url=BASE_URL)))
    assert not chart_images(reader)  # the layout without the pictures and the match chart
    text = " ".join(pdf_text(reader).split())
    match = text[text.index(LINE_UP) : text.index(HOW_MATCH_WORKS.split(":")[0])]
    assert "points" in match and not re.search(r"\bbars?\b|\bchart\b", match), match


@pytest.mark.parametrize(
    "query",
    [
        "relief=9&lasting=8&serious_risk=7&side_effects=6&burden=3&recovery=4&mri=vessel",
        "relief=5&lasting=9&side_effects=8",
        "relief=7&side_effects=9&burden=6",
    ],
)
def test_match_table_points_add_up_to_the_total_under_them(query):
    """Each priority's points, rounded one by one, added up to one more or less than the printed
    total in these profiles (MVD 70 against 69, botulinum 56 against 57)."""
    result = result_of(query)
    text = pdf_text(PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL))))
    cells = re.findall(r"(?:Fits well|Fits partly|Fits a little|Does not fit): (\d+)", text)
    points = [int(p) for p in cells]
    matched = [o for o in result.options if o.match is not None]
    assert len(points) == len(PRIORITIES) * len(matched)
    columns = [sum(points[i :: len(matched)]) for i in range(len(matched))]  # the table, row by row
    assert columns == [whole(o.match) for o in matched]


def test_a_local_spasm_free_figure_is_said_to_be_outside_the_match():
    pdf = report.build_pdf(EVIDENCE, result_of("relief=8&mvd_success=10"), base_url=BASE_URL)
    text = squash(pdf_text(PdfReader(io.BytesIO(pdf))))
    assert squash("MVD surgery's match does not use your team's spasm-free figure") in text


@pytest.mark.parametrize("query", [QUERY, BUSY])
def test_match_chart_is_the_apps_own(query):
    # The PDF builds the match chart from its parts with the look kept between summaries: the
    # spec must be exactly the one the chart builder makes.
    from decision_aid import charts

    result = result_of(query)
    matched = [o for o in result.options if o.suitable]
    frame = charts.match_frame(result.model_copy(update={"options": matched}))
    assert charts.spec_of(charts.match_parts(frame)) == charts.match_chart(frame).to_dict()


def test_unicode_survives_into_the_text():
    raw = yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))
    sid = EVIDENCE.control("botulinum").sources[0]
    raw["sources"][sid]["authors"] = "Espírito-Santo C, Castelão M, Légaré F"
    raw["sources"][sid]["title"] = f"Control {AT_LEAST} 12 months {EN_DASH} a follow-up"
    evidence = Evidence.model_validate(raw)
    result = result_of(QUERY, evidence)
    reader = PdfReader(io.BytesIO(report.build_pdf(evidence, result, base_url=BASE_URL)))
    text = pdf_text(reader)
    for s in ("Espírito-Santo", "Castelão", "Légaré", f"{AT_LEAST} 12 months", EN_DASH):
        assert squash(s) in squash(text), s


def link_targets(reader: PdfReader) -> set[str]:
    return {
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", []) or []
        if "/A" in annot.get_object() and "/URI" in annot.get_object()["/A"]
    }


def test_very_long_note_is_printed_but_left_out_of_the_printed_link_and_qr_code():
    # 1,000 accented letters become a 6,000-character link: too long for a QR code or to print.
    query = "relief=9&note=" + "é" * 1000
    result = result_of(query)
    reader = PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))
    text = squash(pdf_text(reader))
    assert "é" * 200 in text  # the note itself is printed in full
    assert squash("too long for the code") in text
    assert squash("except your note") in text
    short = BASE_URL + "?" + profile_of("relief=9").to_query()
    assert squash(short) in text
    assert parse_query(urlsplit(short).query).warnings == []  # its check is its own, not the note's
    full = report.reopen_link(result, BASE_URL)
    assert {short, full} <= link_targets(reader)  # on screen, the full link is still one click away
    assert parse_query(urlsplit(full).query).profile == profile_of(query)
    assert 1 <= len(reader.pages) <= 5


def what_a_reader_gets(pdf: bytes) -> tuple[list[str], list[bytes], dict[str, set[int]]]:
    """The text of each page, the pixels of each image, and the characters embedded in each font
    (from its ToUnicode map): what a reader gets, whatever order the glyphs were numbered in."""
    reader = PdfReader(io.BytesIO(pdf))
    text = [page.extract_text() or "" for page in reader.pages]
    images = [img.image.tobytes() for page in reader.pages for img in page.images]
    chars: dict[str, set[int]] = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            to_unicode = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            chars.setdefault(str(font["/BaseFont"]), set()).update(
                int(code, 16) for code in re.findall(r"<[0-9A-F]{4}> <([0-9A-F]{4})>", to_unicode)
            )
    return text, images, chars


def test_nothing_of_one_summary_reaches_the_next():
    # Summaries share caches (the parsed fonts, text broken into lines, rendered charts): each
    # patient's PDF must read the same as one built from empty caches, whoever came just
    # before, and carry none of the other's words, pictures or characters.
    day = dt.date(2026, 1, 2)
    greek = "Ζωή: δύο εβδομάδες"
    mine = result_of(QUERY)
    theirs = result_of("avoid=mvd&mvd_success=77&relief=2&note=" + quote_plus(greek))

    def read(result: Result, *, cold: bool) -> tuple[list[str], list[bytes], dict[str, set[int]]]:
        if cold:
            _chart_cache.clear()
            _grid_cache.clear()
            _lines_cache.clear()
        return what_a_reader_gets(report.build_pdf(EVIDENCE, result, base_url=BASE_URL, generated=day))

    cold_theirs, cold_mine = read(theirs, cold=True), read(mine, cold=True)
    warm_theirs, warm_mine = read(theirs, cold=False), read(mine, cold=False)
    assert warm_theirs == cold_theirs
    assert warm_mine == cold_mine
    assert any(ord("ω") in c for c in warm_theirs[2].values())
    assert not any(ord("ω") in c for c in warm_mine[2].values())
    assert squash(greek) not in squash("".join(warm_mine[0]))


OS_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def test_built_in_memory_without_writing_files(monkeypatch, tmp_path):
    """A patient's summary never touches the disk (a shared server keeps no copy): every way of
    opening a file for writing is refused, and the working and temporary folders stay empty.
    From empty caches, so the fonts are read from their files while the guard is on."""
    real_open, real_os_open = io.open, os.open
    read: list[str] = []

    def guarded(file, mode="r", *args, **kwargs):
        if any(m in mode for m in "wax+"):
            raise AssertionError(f"report tried to write {file!r} (mode {mode!r})")
        read.append(str(file))
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & OS_WRITE_FLAGS:
            raise AssertionError(f"report tried to write {path!r} (os.open flags {flags:#o})")
        read.append(str(path))
        return real_os_open(path, flags, *args, **kwargs)

    work, temp = tmp_path / "cwd", tmp_path / "tmp"
    work.mkdir()
    temp.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    for module in (builtins, io):
        monkeypatch.setattr(module, "open", guarded)
    monkeypatch.setattr(os, "open", guarded_os_open)
    for cache in (_chart_cache, _grid_cache, _lines_cache):
        cache.clear()
    _parsed_font.cache_clear()
    pdf = report.build_pdf(EVIDENCE, result_of(QUERY), base_url=BASE_URL, paper="Letter")
    assert pdf.startswith(b"%PDF-")
    assert str(FONT_REGULAR) in read  # the guard saw the font files being read, and let them be
    assert list(work.iterdir()) == [] and list(temp.iterdir()) == []


def test_bad_paper_is_refused():
    with pytest.raises(ValueError, match="paper"):
        report.build_pdf(EVIDENCE, result_of(""), base_url=BASE_URL, paper="A5")  # type: ignore[arg-type]


@skip_unless_ci(shutil.which("pdftoppm") is None, "poppler-utils (pdftoppm) not installed")
def test_pages_render_and_are_not_blank(built, tmp_path):
    paper, _, pdf, reader = built
    path = tmp_path / f"summary_{paper}.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(path), str(tmp_path / "page")], check=True, timeout=60
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(reader.pages)
    for png in pages:
        with Image.open(png) as im:
            lo, hi = im.convert("L").getextrema()
        assert lo < 100 and hi > 200, png.name


# ---------------------------------------------------------------- questions


def questions(query: str) -> list[str]:
    return report.questions_to_ask(EVIDENCE, result_of(query))


def test_questions_follow_from_the_answers():
    assert any("MRI scan" in q for q in questions("mri=not_done"))
    assert not any("MRI scan" in q for q in questions("mri=vessel"))
    assert any("own" in q or "your team do" in q for q in questions("mri=vessel"))  # MVD in play
    assert any("local" in q for q in questions("mri=vessel&mvd_success=90"))
    mvd_out = questions("mri=vessel&avoid=mvd&recovery=9")
    assert not any("MVD" in q for q in mvd_out)
    assert any("pregnan" in q and "wait" in q for q in questions("pregnant=yes"))
    assert not any("pregnan" in q for q in questions("pregnant=no"))
    for oid in ("medication", "botulinum", "mvd"):
        assert any("what else can be done" in q.lower() for q in questions(f"tried={oid}"))
    assert any("anaesthetic" in q for q in questions("anesthesia=unsure&mri=vessel"))
    assert any("leaning towards MVD" in q for q in questions("leaning=mvd"))
    # the option's name as it reads inside a sentence, not its short name with a capital letter
    assert any("leaning towards botulinum toxin injections." in q for q in questions("leaning=botulinum"))
    assert any("leaning towards medicines." in q for q in questions("leaning=medication"))
    assert any("go over the benefits" in q for q in questions("sure_u=no"))


def test_questions_are_pure_and_never_a_verdict():
    result = result_of(BUSY)
    first = report.questions_to_ask(EVIDENCE, result)
    assert first == report.questions_to_ask(EVIDENCE, result)
    assert len(first) == len(set(first))
    assert first[-1].startswith("What is likely to happen if I wait")
    for q in first:
        assert q.endswith("?")
        assert not re.search(r"\b(best|recommend|should choose)\b", q, re.I), q


# ---------------------------------------------------------------- JSON


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "decision_aid", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


SHARED_OPTION_KEYS = (
    "id",
    "name",
    "short_name",
    "suitable",
    "avoided",
    "cautions",
    "match",
    "match_low",
    "match_high",
    "rank",
    "contributions",
    "scores",
)
BENEFIT_KEYS = (
    "measure",
    "label",
    "low",
    "central",
    "high",
    "timeframe",
    "while_treated",
    "certainty",
    "sources",
)
FIGURE_KEYS = ("low", "central", "high", "local", "published", "sources")


@pytest.mark.parametrize("query", [QUERY, BUSY])
def test_summary_json_agrees_with_the_main_cli_output(query):
    main = cli("--query", query, "--format", "json")
    summary = cli("summary", "--query", query, "--format", "json", "--base-url", BASE_URL)
    assert main.returncode == 0, main.stderr
    assert summary.returncode == 0, summary.stderr
    a, b = json.loads(main.stdout), json.loads(summary.stdout)
    assert b["profile"] == a["profile"]
    assert b["evidence_version"] == a["evidence_version"] == b["dataset"]["version"]
    assert [o["id"] for o in b["options"]] == [o["id"] for o in a["options"]]
    for oa, ob in zip(a["options"], b["options"], strict=True):
        for key in SHARED_OPTION_KEYS:
            assert ob[key] == oa[key], (oa["id"], key)
        for key in (*FIGURE_KEYS, "timeframe", "certainty", "measure"):
            assert ob["success"][key] == oa["success"][key], (oa["id"], "success", key)
        assert len(ob["benefits"]) == len(oa["benefits"])
        for ba, bb in zip(oa["benefits"], ob["benefits"], strict=True):
            for key in BENEFIT_KEYS:
                assert bb[key] == ba[key], (oa["id"], ba["measure"], key)
        assert [r["id"] for r in ob["risks"]] == [r["id"] for r in oa["risks"]]
        for ra, rb in zip(oa["risks"], ob["risks"], strict=True):
            risk_keys = ("name", "permanent", "serious", "lasts", "per", "certainty", "timeframe")
            for key in (*FIGURE_KEYS, *risk_keys):
                assert rb[key] == ra[key], (oa["id"], ra["id"], key)
        assert [c["text"] for c in ob["caution_details"]] == [c["text"] for c in oa["caution_details"]]
    for sid, citation in b["sources"].items():
        assert a["sources"][sid] == citation
    assert b["priorities_stated"] == a["priorities_stated"]
    for fa, fb in zip(a["no_treatment"]["figures"], b["no_treatment"]["figures"], strict=True):
        for key in ("name", "low", "central", "high", "timeframe", "certainty", "sources"):
            assert fb[key] == fa[key], ("no_treatment", key)
    link = b["link"]
    assert link.startswith(BASE_URL) and parse_query(urlsplit(link).query).profile == profile_of(query)


def test_summary_data_is_json_and_lists_every_source_it_uses():
    result = result_of(BUSY)
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    assert json.loads(json.dumps(data)) == data
    used = set(data["no_treatment"]["involves"]["sources"])
    for f in data["no_treatment"]["figures"]:
        used.update(f["sources"])
    for row in data["grid"]["rows"]:
        for cell in row["cells"]:
            used.update(cell["sources"])
    for o in data["options"]:
        used.update(o["success"]["sources"], o["duration"]["sources"], o["burden"]["sources"])
        for b in o["benefits"]:
            used.update(b["sources"])
        for r in o["risks"]:
            used.update(r["sources"])
        for c in o["caution_details"]:
            used.update(c["sources"])
            assert c["source_numbers"] == [list(data["sources"]).index(s) + 1 for s in c["sources"]]
    assert used == set(data["sources"])
    assert [p["label"] for p in data["answers"]["priorities"]] == [PRIORITY_LABELS[k] for k in PRIORITIES]
    assert [p["text"] for p in data["answers"]["priorities"]] == ["10/10"] * len(PRIORITIES)
    assert data["answers"]["deal_breakers"] == [EVIDENCE.options["medication"].short_name]
    assert data["answers"]["local_figures"] == {"mvd_success": 91.0, "mvd_hearing_loss": 1.5}
    assert data["questions"] == report.questions_to_ask(EVIDENCE, result)
    assert {c["id"] for c in data["charts"]} == {"control", "serious_harm", "match"}


def test_how_an_earlier_mvd_went_is_repeated_only_after_one():
    """Asked only of someone who had MVD (as the app's summary of answers does): for everyone
    else the summary said "After an earlier MVD: Not sure, or rather not say"."""

    def asked(query: str) -> list[str]:
        data = report.summary_data(EVIDENCE, result_of(query), base_url=BASE_URL)
        return [s["id"] for s in data["answers"]["situation"]]

    assert "mvd_result" not in asked("relief=8")
    assert "mvd_result" in asked("relief=8&tried=mvd&mvd_result=came_back")
    pdf = report.build_pdf(EVIDENCE, result_of("relief=8"), base_url=BASE_URL)
    assert squash("After an earlier MVD") not in squash(pdf_text(PdfReader(io.BytesIO(pdf))))


def test_summary_data_says_an_unset_priority_is_not_set_as_the_app_does():
    """'not set, counts as 5/10' once the options are matched; 'not set' before (nothing counts)."""
    data = report.summary_data(EVIDENCE, result_of("relief=8"), base_url=BASE_URL)
    texts = {p["id"]: p["text"] for p in data["answers"]["priorities"]}
    assert texts["relief"] == "8/10" and texts["burden"] == "not set, counts as 5/10"
    before = report.summary_data(EVIDENCE, result_of("cause=vascular"), base_url=BASE_URL)
    assert {p["text"] for p in before["answers"]["priorities"]} == {"not set"}


# ---------------------------------------------------------------- command line


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_summary_out_writes_a_valid_pdf(tmp_path, paper):
    out = tmp_path / "summary.pdf"
    done = cli("summary", "--query", QUERY, "--out", str(out), "--paper", paper)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(out)
    assert 1 <= len(reader.pages) <= QUERY_PAGES[paper]
    assert float(reader.pages[0].mediabox.height) == pytest.approx(PAGE_SIZES[paper][1], abs=0.5)


@pytest.mark.parametrize("fmt", ["pdf", "json"])
def test_summary_bad_query_exits_2_naming_the_parameter(tmp_path, fmt):
    out = tmp_path / "never.pdf"
    done = cli("summary", "--query", "relief=8&mri=ct", "--format", fmt, "--out", str(out))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("error: mri=") and "not_done" in line
    assert not out.exists()


def test_knowledge_check_result_is_in_the_summary_and_the_pdf():
    result = result_of("relief=8&quiz=once:right,success:wrong")
    quiz = report.summary_data(EVIDENCE, result, base_url=BASE_URL)["answers"]["quiz"]
    assert quiz["results"] == {"once": True, "success": False}
    assert quiz["words"] == "1 of 2 answered right"
    pdf = report.build_pdf(EVIDENCE, result, base_url=BASE_URL)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Check what you know: 1 of 2 answered right" in text
    untried = report.summary_data(EVIDENCE, result_of("relief=8"), base_url=BASE_URL)
    assert untried["answers"]["quiz"]["words"] == "not done"


def test_an_age_not_given_reads_as_the_app_says_it():
    """The summary's answers use the app's words: an age left empty is "Not said" on the
    situation page, on the next-steps page and in the PDF (the PDF said "Not given")."""
    from decision_aid.words.common import AGE_NOT_SAID

    rows = {
        r["id"]: r["answer"]
        for r in report.summary_data(EVIDENCE, result_of("relief=8"), base_url=BASE_URL)["answers"][
            "situation"
        ]
    }
    assert rows["age"] == AGE_NOT_SAID == "Not said"
    aged = report.summary_data(EVIDENCE, result_of("relief=8&age=61"), base_url=BASE_URL)
    assert {r["id"]: r["answer"] for r in aged["answers"]["situation"]}["age"] == "61 years"


def test_not_measured_is_said_once(built):
    """Every view writes "Not measured." before a figure's reason (the PDF, the review pack, the
    works topic), so the dataset's reason starts with the reason itself (the PDF read "Not
    measured. Not measured. No study has counted ...")."""
    _, _, _, reader = built
    text = " ".join(pdf_text(reader).split())
    assert "Not measured. No study has counted" in text
    assert "Not measured. Not measured. No study" not in text
    for o in EVIDENCE.options.values():
        for b in o.benefits:
            assert not (b.not_measured or "").lower().startswith("not measured"), (o.id, b.measure)


@pytest.mark.parametrize(("query", "answer"), [("", "Not sure, or rather not say"), ("pregnant=no", "No")])
def test_an_unanswered_pregnancy_question_is_not_printed_as_no(query, answer):
    """The question used to start at "No", so every summary said "Pregnant or planning a
    pregnancy: No", for people who never saw it too. Unanswered, it now says so; "No" is printed
    only when the patient chose it (and stays in the link)."""
    result = evaluate(EVIDENCE, parse_query(query).profile)
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    said = {s["id"]: s["answer"] for s in data["answers"]["situation"]}
    assert said["pregnant"] == answer
    assert ("pregnant" in result.profile.to_params()) == bool(query)


def test_the_summary_names_each_knowledge_check_question_answered_wrong():
    """'1 of 2 answered right' did not say which fact to talk through: the summary now gives
    each question answered wrong with its answer, and leaves out the ones answered right."""
    result = evaluate(EVIDENCE, parse_query("quiz=success:right,anaesthetic:wrong").profile)
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    assert [q["id"] for q in data["answers"]["quiz"]["to_review"]] == ["quiz_anaesthetic"]
    text = squash(pdf_text(PdfReader(io.BytesIO(report.build_pdf(EVIDENCE, result, base_url=BASE_URL)))))
    asked = {q.key: q for q in quiz(EVIDENCE)}
    assert squash(asked["quiz_anaesthetic"].question) in text
    assert squash(asked["quiz_anaesthetic"].explain) in text
    assert squash(asked["quiz_success"].question) not in text
    assert squash("1 of 2 answered right") in text


def test_a_label_warning_is_printed_under_none_reported_and_its_source_listed(built):
    """The detail table's serious harms for the injections said only "None reported in the studies
    used." while the medicines' came from their labels' warnings: the injections' label warning is
    printed under it, in words, and its label is in the references; the grid on page 1 has its
    few words."""
    _, result, _, reader = built
    warning = EVIDENCE.options["botulinum"].label_warning
    data = report.summary_data(EVIDENCE, result, base_url=BASE_URL)
    rows = {r["id"]: r for r in data["comparison"]["rows"]}
    ids = [o["id"] for o in data["options"]]
    cell = rows["serious"]["cells"][1 + ids.index("botulinum")]
    assert cell == "None reported in the studies used.\n" + " ".join(warning.text.split())
    assert "botox_label" in data["sources"]
    text = squash(pdf_text(reader))
    assert squash(" ".join(warning.text.split())) in text
    assert squash(warning.short) in squash(reader.pages[0].extract_text())
    assert "BOTOX (onabotulinumtoxinA)" in pdf_text(reader)


@pytest.mark.parametrize("across", [3, 2])
def test_a_line_of_arrays_that_meets_the_foot_of_a_page_starts_the_next(across):
    """The arrays' row is kept whole on its page; when a measure must split (a taller language,
    say), a line of arrays that does not fit goes to the next page whole. It was drawn at the old
    page's height on the new page, and each option's words then ran onto a page of their own."""
    from decision_aid.report.arrays import _arrays_row
    from decision_aid.report.layout import _PDF
    from decision_aid.report.pdf import _prepared

    _, images = _prepared(EVIDENCE, result_of("relief=8"), base_url=BASE_URL, generated=None)
    pdf = _PDF("A4", "footer")
    pdf.add_page()
    placed: list[tuple[int, float, float]] = []
    image = pdf.image
    pdf.image = lambda *a, **k: placed.append((pdf.page, k["y"], k["h"])) or image(*a, **k)
    _, draw = _arrays_row(pdf, images["serious_harm"], 6.0, 16.0, across)
    pdf.set_y(pdf.page_break_trigger - 8)  # room for the heading line, not for the arrays
    draw()
    assert len(placed) == 3
    for page, y, h in placed:
        assert page == 2 and y + h <= pdf.page_break_trigger, placed
    assert pdf.page == 2
