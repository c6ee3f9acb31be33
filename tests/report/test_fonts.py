"""The patient's note in any script: printed in the PDF, in the right order, within the summary's
length, and never quoted in a log.

The fallback fonts are Debian's Noto packages (`make browser` and the Dockerfile install them).
Without them these tests skip, except under CI, where they fail: the summary would print
boxes instead of a patient's words.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from pypdf import PdfReader

from decision_aid import report
from decision_aid.engine import evaluate
from decision_aid.evidence import load_evidence
from decision_aid.profile import MAX_NOTE_CHARS, Profile, parse_query
from decision_aid.report.fonts import _ignorable
from devkit.browser import skip_unless_ci

ROOT = Path(__file__).resolve().parents[2]
BASE_URL = "https://hfs.example.org/aid/"
EVIDENCE = load_evidence()

NOTES = {
    "chinese": "我很担心手术后听力下降",
    "japanese": "手術がこわいです",
    "korean": "수술이 무서워요",
    "thai": "ฉันกังวลเรื่องการผ่าตัด",
    "hindi": "मुझे सर्जरी से डर लगता है",
    "hebrew_digits": "אני 3 מתוך 100",
    "arabic_digits": "أخشى 3 من 100",
    "emoji": "scared 🏥 of surgery 😟",
}
ALL_SCRIPTS = " ".join(NOTES.values())
BUSY = (
    "relief=10&lasting=10&serious_risk=10&side_effects=10&burden=10&recovery=10&cause=bells_trauma"
    "&anesthesia=unsure&mri=not_done&pregnant=yes&tried=medication,botulinum,mvd&avoid=medication"
    "&mode=consult&mvd_success=91&mvd_hearing_loss=1.5&leaning=mvd&sure_s=no&sure_u=no&sure_r=no&sure_e=no"
)
NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
needs_noto = skip_unless_ci(not NOTO.exists(), "Debian's Noto fonts are not installed (make browser)")
needs_poppler = skip_unless_ci(shutil.which("pdftotext") is None, "poppler-utils (pdftotext) not installed")


def build(note: str, query: str = "", paper: str = "A4") -> bytes:
    parsed = parse_query(query)
    assert not parsed.problems
    profile = Profile(**{**parsed.profile.model_dump(), "note": note})
    return report.build_pdf(EVIDENCE, evaluate(EVIDENCE, profile), base_url=BASE_URL, paper=paper)


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def text_of(pdf: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / "s.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def note_section(text: str) -> str:
    """What pdftotext prints between the note's heading and the link below it."""
    start = text.index("In your own words, what else matters to you:")
    end = text.index("Your answers", start)
    return text[start:end]


def letters(text: str) -> set[str]:
    """The characters that carry meaning (no spaces, no joiners or marks that draw nothing)."""
    return {c for c in text if not c.isspace() and not _ignorable(c)}


@pytest.fixture
def no_fallback_fonts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A machine without the Noto packages: only the bundled DejaVu fonts."""
    monkeypatch.setenv(report.FONT_DIRS_ENV, str(tmp_path / "no-fonts"))


# ----------------------------------------------------------------- nothing reaches a log


def run_summary(note: str, tmp_path: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    out = tmp_path / "x.pdf"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "decision_aid",
            "summary",
            "--query",
            "note=" + quote(note),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=240,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("fonts", ["noto", "none"])
def test_summary_command_logs_no_character_of_the_note(tmp_path: Path, fonts: str) -> None:
    # With the fallback fonts every character is drawn; without them fpdf cannot draw most and
    # would name them in its warning. Either way stderr must hold none of them.
    env = {report.FONT_DIRS_ENV: str(tmp_path / "none")} if fonts == "none" else None
    run = run_summary(ALL_SCRIPTS, tmp_path, env)
    assert run.returncode == 0, run.stderr
    leaked = sorted(c for c in letters(ALL_SCRIPTS) if not c.isascii() and c in run.stderr + run.stdout)
    assert leaked == [], f"the command printed characters of the note: {leaked}\n{run.stderr[-2000:]}"
    assert "missing the following glyphs" not in run.stderr


def test_font_libraries_log_nothing_below_error(
    caplog: pytest.LogCaptureFixture, no_fallback_fonts: None
) -> None:
    caplog.set_level(logging.DEBUG)
    build(NOTES["chinese"])
    quoted = [r.getMessage() for r in caplog.records if r.name.split(".")[0] in report.QUIET_LOGGERS]
    assert quoted == []
    assert logging.getLogger("fpdf").getEffectiveLevel() == logging.ERROR
    # the aid's own loggers are untouched
    assert logging.getLogger("decision_aid").getEffectiveLevel() <= logging.WARNING


# ----------------------------------------------------------------- every script prints


@needs_noto
@needs_poppler
@pytest.mark.parametrize("name", sorted(NOTES))
def test_note_in_each_script_is_printed(name: str, tmp_path: Path) -> None:
    note = NOTES[name]
    shown = note_section(text_of(build(note), tmp_path))
    lost = sorted(letters(note) - letters(shown))
    assert lost == [], f"{name}: not printed: {lost}\n{shown}"
    assert report.UNPRINTABLE_MARK not in shown


def note_words(pdf: bytes, tmp_path: Path) -> list[tuple[float, str]]:
    """The note box's words as pdftotext lays them out: (left edge, word), in the order the
    glyphs are drawn, left to right. The box is on the page that says "What you told us"."""
    for page in ("1", "2"):
        bbox = text_of(pdf, tmp_path, "-f", page, "-l", page, "-bbox")
        words = [(float(x), w) for x, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox)]
        texts = [w for _, w in words]
        if "words," in texts:
            break
    start = texts.index("words,")
    start = texts.index("you:", start) + 1
    return words[start : texts.index("Your", start)]


@needs_noto
@needs_poppler
def test_note_mixing_scripts_line_after_line_prints_every_line(tmp_path: Path) -> None:
    # fpdf 2.8.9 printed a right-to-left line that followed a line ending in a fallback font
    # (here Devanagari) in that font: gibberish on the page, and in pdftotext.
    note = "\n".join(
        (
            NOTES["chinese"],
            NOTES["hindi"],
            "אני מפחד 3 מתוך 100 hearing loss",
            NOTES["arabic_digits"],
            NOTES["emoji"],
            NOTES["thai"],
        )
    )
    shown = note_section(text_of(build(note), tmp_path))
    lost = sorted(letters(note) - letters(shown))
    assert lost == [], f"not printed: {lost}\n{shown}"


@needs_noto
@needs_poppler
@pytest.mark.parametrize("name", ["hebrew_digits", "arabic_digits"])
def test_right_to_left_note_keeps_its_figures_in_order(name: str, tmp_path: Path) -> None:
    # "I ... 3 out of 100": read right to left, 3 comes before 100, so on the page (left to
    # right) "100" stands left of "3". Printed unshaped, the run was reversed: "100 out of 3".
    words = note_words(build(NOTES[name]), tmp_path)
    x = {w: x0 for x0, w in words if w in ("3", "100")}
    assert set(x) == {"3", "100"}, words
    assert x["100"] < x["3"], f"{name}: the figures print in reverse order (reads '100 out of 3')"


@needs_noto
@needs_poppler
def test_hebrew_words_read_right_to_left_in_the_note_order(tmp_path: Path) -> None:
    words = note_words(build(NOTES["hebrew_digits"]), tmp_path)
    # pdftotext gives the glyphs left to right: each Hebrew word spelt backwards, the line's
    # words from the last to the first.
    logical = " ".join(w if w.isdigit() else w[::-1] for _, w in reversed(words))
    assert logical == NOTES["hebrew_digits"]


@needs_noto
@needs_poppler
def test_a_right_to_left_line_is_aligned_right_and_a_left_to_right_one_left(tmp_path: Path) -> None:
    # Unicode's rule for a paragraph's direction: its first strong letter. A Hebrew line starts
    # at the box's right edge, as a Hebrew reader expects; the English line keeps the left.
    words = note_words(build(NOTES["hebrew_digits"] + "\nI worry about my hearing"), tmp_path)
    hebrew = [x for x, w in words if w not in ("I", "worry", "about", "my", "hearing")]
    english = [x for x, w in words if w in ("I", "worry", "about", "my", "hearing")]
    page_w = 595.3  # A4, in points
    assert min(hebrew) > page_w / 2, f"the Hebrew line is not aligned right: {words}"
    assert min(english) < page_w / 4, f"the English line is not aligned left: {words}"


@needs_poppler
def test_tab_and_lone_carriage_return_are_kept(tmp_path: Path) -> None:
    parsed = parse_query("note=" + quote("col1\tcol2 line2\rline3"))
    assert parsed.profile.note == "col1\tcol2 line2\nline3"
    pdf = report.build_pdf(EVIDENCE, evaluate(EVIDENCE, parsed.profile), base_url=BASE_URL)
    shown = note_section(text_of(pdf, tmp_path))
    assert re.search(r"col1\s+col2", shown), shown
    assert re.search(r"line2\s*\n\s*line3", shown), shown


@needs_poppler
def test_a_character_no_font_draws_is_marked_and_kept_in_link_and_json(
    tmp_path: Path, no_fallback_fonts: None
) -> None:
    note = "ok " + NOTES["chinese"]
    assert report.unprintable(note) == list(NOTES["chinese"])
    pdf = build(note)
    text = text_of(pdf, tmp_path)
    shown = note_section(text)
    assert "ok " + report.UNPRINTABLE_MARK * len(NOTES["chinese"]) in shown
    assert " ".join(report.UNPRINTABLE_NOTICE.split()) in " ".join(shown.split())
    profile = parse_query({"note": note}).profile
    data = report.summary_data(EVIDENCE, evaluate(EVIDENCE, profile), base_url=BASE_URL)
    assert json.loads(json.dumps(data, ensure_ascii=False))["answers"]["note"] == note
    assert quote(NOTES["chinese"]) in data["link"]


@needs_poppler
def test_a_long_unprintable_note_is_not_said_to_be_in_the_printed_link(
    tmp_path: Path, no_fallback_fonts: None
) -> None:
    """A long note's printed link leaves it out ("Your answers, except your note ..."): the notice
    just above said "Your note is kept in full in the link"."""
    from decision_aid.words.report import LINK_INTRO_NO_NOTE

    text = " ".join(text_of(build("ok " + NOTES["chinese"] * 12), tmp_path).split())
    assert " ".join(LINK_INTRO_NO_NOTE.split()) in text  # the printed link is without the note
    assert " ".join(report.UNPRINTABLE_NOTICE.split()) in text
    assert "in full in the link" not in text


@needs_noto
def test_every_script_is_printable_here() -> None:
    assert report.unprintable(ALL_SCRIPTS) == []


# ----------------------------------------------------------------- the summary keeps its length

LONG_NOTES = {
    "500 lines of one letter": "a\n" * 500,
    "200 short lines": "\n".join(f"line {i}" for i in range(200))[:MAX_NOTE_CHARS],
    "1000 letters": ("I worry about my hearing and my job. " * 40)[:MAX_NOTE_CHARS],
    "1000 Chinese characters": (NOTES["chinese"] * 100)[:MAX_NOTE_CHARS],
    "1000 Thai characters": (NOTES["thai"] * 60)[:MAX_NOTE_CHARS],
    "1000 emoji": ("😟🏥" * 500)[:MAX_NOTE_CHARS],
    "blank lines": ("x" + "\n" * 9) * 100,
}


@needs_noto
@pytest.mark.parametrize("name", sorted(LONG_NOTES))
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_long_or_many_line_note_keeps_the_summary_short(name: str, paper: str) -> None:
    # A summary takes 5 pages, or 6 with every caution
    # (test_pdf.test_usual_summaries_fit_on_four_or_five_pages, ..._stays_short): a note never adds one.
    note = LONG_NOTES[name]
    assert pages(build(note, paper=paper)) <= report.MAX_PAGES
    assert pages(build(note, BUSY, paper=paper)) <= report.MAX_PAGES + 1


@needs_noto
@needs_poppler
@pytest.mark.parametrize("name", sorted(LONG_NOTES))
def test_long_note_words_are_printed_or_the_pdf_says_where_they_are(name: str, tmp_path: Path) -> None:
    note = LONG_NOTES[name]
    shown = note_section(text_of(build(note), tmp_path))
    squashed = "".join(shown.split())
    if "The rest of your note did not fit here" in " ".join(shown.split()):
        return  # cut, and said so (1,000 emoji do not fit in the box)
    missing = [w for w in note.split() if w not in squashed]
    assert missing == [], f"{name}: words left out without a word said: {missing[:10]}"
