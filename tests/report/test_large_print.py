"""The large-print summary (`build_pdf(..., large_print=True)`): the same summary, every page
magnified onto the same paper, so the type a reader found too small is bigger everywhere.

Checked as a reader gets it: the type sizes as printed (pypdf's text positions, with the page's
magnification), the words, the pages and the link a click on the QR code opens.
"""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from pypdf import PdfReader

from decision_aid import report
from decision_aid.report.fontcache import FONT
from decision_aid.report.layout import _PDF, BODY, LARGE_PRINT_MAX_PAGES, LARGE_PRINT_SCALE, TINY
from decision_aid.words import report as words
from decision_aid.words.report import ABOUT_FIGURES, SURE_CREDIT, SURE_QUESTIONS

from .pdf_reading import FOOTER, printed_sizes
from .test_pdf import BASE_URL, BUSY, EVIDENCE, PAGE_SIZES, QUERY, link_targets, result_of


def build(query: str, paper: str, large_print: bool) -> PdfReader:
    result = result_of(query)
    pdf = report.build_pdf(EVIDENCE, result, base_url=BASE_URL, paper=paper, large_print=large_print)
    return PdfReader(io.BytesIO(pdf))


@pytest.fixture(scope="module", params=["A4", "Letter"])
def both(request) -> tuple[str, PdfReader, PdfReader]:
    """One summary on one paper, as usual and in large print."""
    return request.param, build(QUERY, request.param, False), build(QUERY, request.param, True)


LINK = re.compile(r"\s*".join(map(re.escape, report.reopen_link(result_of(QUERY), BASE_URL))))
"""The link back, printed on as many lines as the page needs."""


LEFT_OUT = r"\s+".join(map(re.escape, words.PICTURES_LEFT_OUT.partition(";")[0].split()))
PICTURES = re.compile(
    f"(?:{re.escape(words.PICTURES)}|{LEFT_OUT}).*?(?={re.escape(words.IN_MORE_DETAIL)})", re.S
)
"""The pictures' section, or in its place the line that says they did not fit: large print
always has room for them, the usual summary not always."""


def text_of(reader: PdfReader) -> str:
    return "\n".join(FOOTER.sub("", page.extract_text() or "") for page in reader.pages)


def parts(reader: PdfReader, *, pictures: bool) -> tuple[Counter[str], str]:
    """The summary's words, each with how often it is printed, but the link back (lines break at
    other words) and, unless `pictures`, the pictures' section, and its list of sources without
    its whitespace (their web addresses break anywhere)."""
    text = LINK.sub(" ", text_of(reader))
    assert LINK.search(text_of(reader))
    summary, sources = (text if pictures else PICTURES.sub(" ", text)).split(ABOUT_FIGURES)
    return Counter(re.findall(r"[^\W\d_]{2,}|\d+", summary)), "".join(sources.split())


def test_pages_are_the_paper_asked_for(both):
    paper, _, large = both
    want_w, want_h = PAGE_SIZES[paper]
    for page in large.pages:
        assert float(page.mediabox.width) == pytest.approx(want_w, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(want_h, abs=0.01)


def test_the_body_type_is_12_pt_and_nothing_is_printed_smaller_than_9_pt(both):
    _, usual, large = both
    usual_sizes, sizes = printed_sizes(usual), printed_sizes(large)
    assert round(BODY * LARGE_PRINT_SCALE, 1) == 12.0
    assert usual_sizes[BODY] > 0  # the usual summary's body type
    assert sizes[12.0] == pytest.approx(usual_sizes[BODY], rel=0.02)  # the same text, at 12 pt
    assert min(sizes) >= round(TINY * LARGE_PRINT_SCALE, 1) >= 9.0
    assert min(sizes) > min(usual_sizes)


def test_it_says_everything_the_usual_summary_says(both):
    """Word for word, each word at least as often, but the pictures, which a usual summary leaves
    out to fit its pages (a US Letter one with QUERY, since its detail table said how long each
    option lasts)."""
    _, usual, large = both
    assert text_of(large).count(words.PICTURES) == 1  # large print always has room for them
    pictures = words.PICTURES in text_of(usual)
    (words_large, sources_large), (words_usual, sources_usual) = (
        parts(large, pictures=pictures),
        parts(usual, pictures=pictures),
    )
    assert set(words_large) == set(words_usual)
    # Each word as often, or more: on its extra pages large print repeats a table's headings (the
    # options' names, a row's label), but a figure said twice and printed once is a figure lost.
    assert words_usual - words_large == Counter(), words_usual - words_large
    assert sources_large == sources_usual


def test_the_link_over_the_qr_code_grows_with_the_page(both):
    """The clickable area is magnified with the drawing under it, so it still covers the QR code."""
    _, usual, large = both
    assert link_targets(large) == link_targets(usual)

    def qr_link_width(reader: PdfReader) -> float:
        rect = reader.pages[0]["/Annots"][0].get_object()["/Rect"]
        return float(rect[2]) - float(rect[0])

    assert qr_link_width(large) == pytest.approx(qr_link_width(usual) * LARGE_PRINT_SCALE, rel=0.01)
    for page in large.pages:
        for annotation in page.get("/Annots", []):
            x0, y0, x1, y1 = (float(v) for v in annotation.get_object()["/Rect"])
            assert 0 <= x0 < x1 <= float(page.mediabox.width)
            assert 0 <= y0 < y1 <= float(page.mediabox.height)


def test_it_keeps_the_documents_title_and_language(both):
    _, usual, large = both
    assert large.metadata.title == usual.metadata.title
    assert large.trailer["/Root"].get("/Lang") == usual.trailer["/Root"].get("/Lang")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_longest_summary_stays_within_its_page_limit(paper):
    """Every caution and question at once and a long note: no layout runs away."""
    reader = build(BUSY, paper, True)
    assert len(reader.pages) <= LARGE_PRINT_MAX_PAGES


@pytest.mark.parametrize("large_print", [False, True])
def test_no_sure_question_runs_into_its_yes_and_no_boxes(large_print):
    """The large-print page is a quarter narrower: a SURE question cut at a fixed width ran
    over its own Yes box, and the longer two printed on top of both boxes and their labels."""
    reader = build("relief=8&sure_s=yes", "A4", large_print)
    measure = _PDF("A4", "")
    (page,) = [p for p in reader.pages if SURE_CREDIT.split(" ©")[0] in (p.extract_text() or "")]
    runs: list[tuple[str, float, float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            runs.append((text.strip(), x, y, size * cm[0] * tm[0], cm[0]))

    page.extract_text(visitor_text=visit)
    yeses = [r for r in runs if r[0] == words.YES]
    assert len(yeses) == len(SURE_QUESTIONS)
    for _, x_yes, y_yes, _, scale in yeses:
        box_left = x_yes - (3.4 + 1) * scale * 72 / 25.4
        for text, x, y, size, _ in runs:
            if abs(y - y_yes) < 1 and x < x_yes:
                measure.set_font(FONT, "", size)
                right = x + measure.get_string_width(text) * 72 / 25.4
                assert right < box_left, (text, right, box_left)
