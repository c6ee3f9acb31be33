"""The review pack: one self-contained HTML page a neurologist and a neurosurgeon sign off.

Checked as a reviewer would get it: every figure, rule, source and risk is in it, every
sentence is escaped (a dataset text holding markup prints as text), and the page asks for
nothing from the network.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from decision_aid import engine, review
from decision_aid.evidence import DEFAULT_DATASET, load_evidence
from decision_aid.questions import questions_to_ask
from decision_aid.schema import CHANCE_FIELDS
from decision_aid.words import review as review_words
from decision_aid.words.common import CERTAINTY_LABELS
from decision_aid.words.grid import ROW_QUESTIONS
from decision_aid.words.review import CAUTION_NOT_MATCHED, GRID_MARKS, SHORT_LIST

ROOT = Path(__file__).resolve().parent.parent
EVIDENCE = load_evidence()
INJECTED = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def pack() -> str:
    return review.review_html(EVIDENCE)


def has(pack: str, text: str) -> bool:
    """`text` as the pack prints it: escaped, with any run of whitespace as one space."""
    squash = " ".join(html.escape(text).split())
    return squash in " ".join(pack.split())


def test_pack_lists_every_source_with_its_full_citation(pack):
    for sid, source in EVIDENCE.sources.items():
        assert f'id="src-{sid}"' in pack, sid
        assert has(pack, source.citation()), sid


def test_pack_lists_every_risk_benefit_and_no_treatment_figure(pack):
    for oid, option in EVIDENCE.ordered():
        for r in option.risks:
            assert f'id="risk-{oid}-{r.id}"' in pack, (oid, r.id)
            assert has(pack, r.name) and has(pack, r.timeframe) and has(pack, r.lasts)
            if r.note:
                assert has(pack, r.note)
        for b in option.benefits:
            assert f'id="benefit-{oid}-{b.measure}"' in pack, (oid, b.measure)
            assert has(pack, b.timeframe) and has(pack, b.certainty_why)
            if b.per_100 is None:
                assert has(pack, b.not_measured)
    for f in EVIDENCE.no_treatment.figures:
        assert f'id="nt-{f.id}"' in pack and has(pack, f.name) and has(pack, f.timeframe)
    assert has(pack, EVIDENCE.no_treatment.figures_note.text)  # what the patient reads under them


def _row_cells(row: str) -> list[str]:
    """The cells of one table row, as HTML."""
    return re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)


def _cells(pack: str, row_id: str) -> list[str]:
    """The cells of the row with this id, as HTML."""
    return _row_cells(pack.split(f'<tr id="{row_id}">', 1)[1].split("</tr>", 1)[0])


def _figures(r) -> str:
    return f"{r.low:g} / {r.central:g} / {r.high:g}"


THREE_FIGURES = re.compile(r"\d+(?:\.\d+)? / \d+(?:\.\d+)? / \d+(?:\.\d+)?")


def test_pack_gives_each_figure_its_own_range_count_and_certainty_in_its_row(pack):
    """The figure a reviewer signs off is the one in the dataset: low / central / high in that
    order, counted per person or per injection as stored, and with its own certainty. Swapped
    ends, a figure from another row or per injection printed as per person would all pass the
    names-and-timeframes check above."""
    checked = 0
    for oid, option in EVIDENCE.ordered():
        for r in option.risks:
            _, figure, _, kind, certainty, *_ = _cells(pack, f"risk-{oid}-{r.id}")
            per = review_words.PER_INJECTION if r.per == "injection" else review_words.PER_PERSON
            want = f'<span class="num">{_figures(r.per_100)}</span><br><strong>{per}</strong>'
            assert figure.startswith(want), (oid, r.id)
            # what the patient reads, counted as stored: a per-injection figure said per person misleads
            shown = figure.split('<span class="small">')[1]
            assert (review_words.PER_INJECTION in shown) is (r.per == "injection"), (oid, r.id, shown)
            assert certainty == html.escape(CERTAINTY_LABELS[r.certainty]), (oid, r.id)
            kinds = tuple(review_words.RISK_KINDS[k] in kind for k in ("serious", "permanent"))
            assert kinds == (r.serious, r.permanent), (oid, r.id)
            checked += 1
        for b in option.benefits:
            _, figure, _, certainty, *_ = _cells(pack, f"benefit-{oid}-{b.measure}")
            if b.per_100 is None:
                assert review_words.NOT_MEASURED_STOP in figure and not THREE_FIGURES.search(figure)
            else:
                assert figure.startswith(f'<span class="num">{_figures(b.per_100)}</span>'), (oid, b.measure)
            assert certainty.startswith(html.escape(CERTAINTY_LABELS[b.certainty]) + "<br>"), (oid, b.measure)
            checked += 1
        section = pack.split(f'<h3 id="option-{oid}">', 1)[1].split('<h3 id="option-', 1)[0]
        rows = [_row_cells(row) for row in section.split("<tr>")[1:]]
        for field, c in option.chances():
            found = [cells for cells in rows if len(cells) > 4 and cells[4].startswith(html.escape(c.text))]
            assert len(found) == 1, (oid, field)
            row = found[0]
            want = _figures(c.per_100) if c.per_100 is not None else review_words.NOT_MEASURED_STOP
            assert row[1].startswith(html.escape(want)), (oid, field)
            assert row[3] == html.escape(CERTAINTY_LABELS[c.certainty]), (oid, field)
            checked += 1
    for f in EVIDENCE.no_treatment.figures:
        _, figure, _, certainty, *_ = _cells(pack, f"nt-{f.id}")
        assert (figure, certainty) == (_figures(f.per_100), html.escape(CERTAINTY_LABELS[f.certainty])), f.id
        checked += 1
    assert checked > 20


def test_pack_lists_every_rule_with_the_words_a_patient_reads(pack):
    for rule in EVIDENCE.rules:
        assert f'id="rule-{rule.id}"' in pack, rule.id
        for oid in rule.options:
            name = EVIDENCE.options[oid].sentence_name
            assert has(pack, engine._fill_name(rule.text, name)), (rule.id, oid)


def test_pack_shows_which_grid_cells_each_caution_marks(pack):
    """Which cells read "See the caution below" is a judgement the reviewer signs off too."""
    tried = next(r for r in EVIDENCE.rules if r.id == "mvd_tried")
    rows = " · ".join(ROW_QUESTIONS[k] for k in ("clearly_better", "spasm_gone", "serious", "not_working"))
    row = pack[pack.index('id="rule-mvd_tried"') :].split("</tr>")[0]
    assert has(row, GRID_MARKS.format(rows=rows)), tried.concerns
    barred = next(r for r in EVIDENCE.rules if r.effect == "not_suitable")
    assert "grid" not in pack[pack.index(f'id="rule-{barred.id}"') :].split("</tr>")[0].lower()


def test_pack_shows_the_few_words_each_caution_is_listed_by(pack):
    """The glance page lists cautions by their labels, the whole texts one click away: patient
    words the reviewer signs off like any other."""
    for rule in EVIDENCE.rules:
        row = pack[pack.index(f'id="rule-{rule.id}"') :].split("</tr>")[0]
        listed = has(row, SHORT_LIST.format(label=rule.label))
        assert listed == (rule.effect != "good_to_know"), rule.id


def test_pack_says_which_cautions_keep_an_option_out_of_the_match(pack):
    for rule in EVIDENCE.rules:
        row = pack[pack.index(f'id="rule-{rule.id}"') :].split("</tr>")[0]
        assert has(row, CAUTION_NOT_MATCHED) == rule.not_matched, rule.id


def test_pack_shows_the_scale_value_judgements_and_the_measures(pack):
    for line in engine.ANCHORS_TEXT:
        assert has(pack, line), line
    for measure in EVIDENCE.meta.measures.values():
        assert has(pack, measure.label) and has(pack, measure.definition)


def test_pack_holds_the_patient_text_of_every_option(pack):
    for _, option in EVIDENCE.ordered():
        for text in (
            option.summary,
            option.involves.text,
            option.onset.text,
            option.duration.text,
            option.burden.text.text,
        ):
            assert has(pack, text), text[:40]
    nt = EVIDENCE.no_treatment
    assert has(pack, nt.summary) and has(pack, nt.involves.text)
    # and each sentence about waiting that holds only in some situations, after its situation
    no_treatment = pack.split('id="no-treatment"')[1].split("<table>")[0]
    assert has(no_treatment, "And only when mri: not_done (No scan result yet):")
    assert has(no_treatment, "And only when mri: other_finding (The scan found something else):")
    for extra in nt.involves_also:
        assert has(no_treatment, extra.text)
        # its own sources beside it; han2009 backs the scan advice, not what waiting is like
        said = no_treatment.split(html.escape(extra.text.split(":")[0]))[1].split("</p>")[0]
        assert extra.sources and all(f'href="#src-{s}"' in said for s in extra.sources)
    first = no_treatment.split(html.escape(nt.involves.text[:30]))[1].split("</p>")[0]
    assert 'href="#src-han2009"' not in first


def test_pack_gives_the_ruled_out_anchor_with_when_it_is_said(pack):
    # the sentence and its condition as engine.anchors_for uses them
    anchors = pack.split('id="anchors"')[1].split("</ul>")[0]
    assert has(anchors, "And only when the patient has ruled out some of the matched options, not all:")
    said = "Options you said you do not want come after the ones you did not rule out, whatever their match."
    assert has(anchors, said)


def test_pack_gives_a_rule_s_also_sentences_with_their_own_situation(pack):
    # MVD's anaesthetic caution says its age sentence only under 60 or with no age given
    rule = next(r for r in EVIDENCE.rules if r.also)
    for extra in rule.also:
        assert has(pack, extra.text.replace("{name}", "MVD surgery"))
        assert has(pack, "And only when age not given, or under 60:")
    assert not has(pack, rule.text.replace("{name}", "MVD surgery") + " " + rule.also[0].text)


@pytest.mark.parametrize("query", ["", "mri=no_vessel&pregnant=yes&tried=mvd", "serious_risk=10&leaning=mvd"])
def test_pack_holds_every_question_the_app_asks(pack, query):
    from decision_aid.profile import parse_query

    result = engine.evaluate(EVIDENCE, parse_query(query).profile)
    for q in questions_to_ask(EVIDENCE, result):
        assert has(pack, q), q


def test_pack_lists_every_page_s_words_from_where_the_app_takes_them(pack):
    """Each page's words come from its module in decision_aid/words/pages/, as the app's do:
    its title, its sentences (a filled-in part as '…'), and no code."""
    from decision_aid.ui import nav
    from decision_aid.words.pages import next_steps, situation

    words = pack.split('id="words"')[1].split('id="sign-off"')[0]
    for page in nav.PAGES:
        assert has(words, f"Page: {Path(page.path).stem}") and has(words, page.title), page.title
    for question in next_steps.SURE_QUESTIONS.values():
        assert has(words, question)
    assert has(words, "How old are you? (optional, in years, … to …)")
    assert has(words, situation.WHY["tried"])
    assert "st-key" not in words and "%d %B" not in words and "sure_s" not in words


def test_pack_lists_the_words_patients_read_beyond_the_pages_under_where_they_read_them(pack):
    """The grid, the compare page's topics, the charts and the take-home summary were missing from
    "every sentence a patient reads"."""
    from decision_aid.words import grid, report

    words = pack.split('id="words"')[1].split('id="sign-off"')[0]
    for heading in review_words.WORD_PLACES.values():
        assert has(words, heading)
    in_grid = words.split(html.escape(review_words.WORD_PLACES["grid"]))[1].split("<h3>")[0]
    assert has(in_grid, grid.NO_TREATMENT_HARMS)
    assert has(words, grid.EXPERT_ESTIMATE)  # now one home with the topics' (words.common)
    in_report = words.split(html.escape(review_words.WORD_PLACES["report"]))[1].split("<h3>")[0]
    assert has(in_report, report.NO_CAUTIONS)


def test_sign_off_names_the_reviewers_or_says_none_yet(tmp_path, pack):
    assert "sign-off" in pack
    assert pack.count('class="sign-line"') >= 8  # name, role, date, signature for two clinicians
    if not EVIDENCE.meta.reviewers:
        assert has(pack, "Not yet reviewed by a clinician")
    raw = yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))
    raw["meta"]["reviewers"] = [
        {
            "name": "Dr Ana Núñez",
            "role": "Consultant neurologist",
            "date": "2026-12-01",
            "scope": "All figures",
        }
    ]
    path = tmp_path / "reviewed.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    signed = review.review_html(load_evidence(path))
    assert has(signed, "Dr Ana Núñez") and has(signed, "Consultant neurologist")
    # (the app's About page says it in its own words while the list is empty: not counted here)
    status = signed.split('id="words"')[0] + signed.split('id="sign-off"')[1]
    assert not has(status, "Not yet reviewed by a clinician")
    assert has(pack.split('id="words"')[0], "Not yet reviewed by a clinician")


def _injected_dataset(tmp_path: Path) -> Path:
    raw = yaml.safe_load(DEFAULT_DATASET.read_text(encoding="utf-8"))
    raw["options"]["mvd"]["summary"] += INJECTED
    raw["options"]["botulinum"]["risks"][0]["note"] = INJECTED
    raw["rules"][0]["text"] += INJECTED
    first = next(iter(raw["sources"]))
    raw["sources"][first]["title"] += INJECTED
    raw["sources"][first]["doi"] = '10.1000/x"><script>alert(2)</script>'
    raw["meta"]["reviewers"] = [{"name": INJECTED, "role": "r", "date": "2026-12-01", "scope": "s"}]
    path = tmp_path / "injected.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_every_text_is_escaped(tmp_path):
    page = review.review_html(load_evidence(_injected_dataset(tmp_path)))
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert page.count(html.escape(INJECTED)) >= 5


class _Tags(HTMLParser):
    """Every tag with its attributes, and whether the nesting closes."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input", "col", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def test_pack_is_self_contained_and_well_formed(pack):
    parser = _Tags()
    parser.feed(pack)
    assert not parser.errors, parser.errors[:5]
    assert parser.stack == [], parser.stack
    names = {t for t, _ in parser.tags}
    assert {"script", "link", "iframe", "img", "object", "embed"}.isdisjoint(names)
    for tag, attrs in parser.tags:
        assert "src" not in attrs, tag
        href = attrs.get("href")
        if href is not None:
            assert href.startswith("#") or href.startswith("https://doi.org/"), href
    assert not re.search(r"url\(|@import", pack), "CSS must not fetch anything"
    assert pack.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in pack


def test_review_command_writes_the_pack(tmp_path):
    out = tmp_path / "review.html"
    done = subprocess.run(
        [sys.executable, "-m", "decision_aid", "review", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == review.review_html(EVIDENCE)
    assert str(out) in done.stdout


def test_review_command_refuses_a_bad_dataset_and_an_unwritable_path(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {}\n", encoding="utf-8")
    run = [sys.executable, "-m", "decision_aid", "review"]
    done = subprocess.run(
        [*run, "--data", str(bad), "--out", str(tmp_path / "x.html")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr and "meta" in done.stderr
    assert not (tmp_path / "x.html").exists()
    done = subprocess.run(
        [*run, "--out", str(tmp_path / "no" / "such" / "dir.html")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr and "cannot write" in done.stderr


def test_review_command_refuses_a_pdf_name_for_its_html(tmp_path):
    """`--out review.pdf` wrote an HTML page into a file a PDF reader then called broken."""
    from decision_aid import cli

    out = tmp_path / "review.PDF"
    assert cli.main(["review", "--out", str(out)]) == 2
    assert not out.exists()


def test_every_table_in_the_pack_has_its_header_row_in_a_thead(pack):
    """Printed, a table that runs onto the next page repeats a `thead` there; header rows as plain
    rows were lost after the first page."""
    tables = re.findall(r"<table>(.*?)</table>", pack, flags=re.S)
    assert len(tables) >= 8
    for table in tables:
        body = re.sub(r"<colgroup>.*?</colgroup>", "", table, flags=re.S).lstrip()
        assert body.startswith("<thead><tr>") and body.count("<th>") >= 2, body[:120]
        assert "<th" not in body[body.index("</thead>") :], body[:120]


def test_pack_shows_a_label_warning_with_its_grid_words_note_and_sources(pack):
    warning = EVIDENCE.options["botulinum"].label_warning
    # as a patient reads it: after "none reported" (it starts "But its labels warn")
    assert has(pack, "None reported in the studies used. " + " ".join(warning.text.split()))
    assert has(pack, f"In the at-a-glance grid: {warning.short}")
    assert has(pack, " ".join(warning.note.split()))
    assert 'href="#src-botox_label"' in pack


def test_pack_lists_every_chance_of_every_option_with_its_note(pack):
    """MVD's second operation (9 in 100) was left out of the pack, and no chance showed its note
    (how the 33 in 100 for late relief was chosen, for one)."""
    fields = [
        f
        for f, info in type(EVIDENCE.options["mvd"]).model_fields.items()
        if "Chance" in str(info.annotation)
    ]
    assert {"recurrence", "reoperation", "delayed_relief", "stopped_for_side_effects"} <= set(fields)
    for _, option in EVIDENCE.ordered():
        for field in fields:
            c = getattr(option, field)
            if c is None:
                continue
            assert has(pack, c.text) and has(pack, c.timeframe), field
            if c.note:
                assert has(pack, "Note: " + " ".join(c.note.split())), field
    # the label a patient reads (what the figure counts), then the clinical term
    assert has(pack, "A second operation (the spasm stayed or came back) [reoperation]")
    # one label for each chance, in the one order the app, the PDF and the command line use
    assert set(review_words.CHANCES) == set(CHANCE_FIELDS) == set(fields)
    mvd = [f for f, _ in EVIDENCE.options["mvd"].chances()]
    assert len(mvd) == 3
    section = pack.split('id="option-mvd"')[1]
    at = [section.index(html.escape(review_words.CHANCES[f])) for f in mvd]
    assert at == sorted(at), mvd
