"""bench/pdf_pages.py, whose counts README quotes: it must keep running and count what it says."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader

from decision_aid import report
from decision_aid.engine import evaluate
from decision_aid.evidence import DEFAULT_DATASET, load_evidence
from decision_aid.profile import parse_query

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _pdf_pages(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))  # it imports bench/run.py as `run`, as a script does
    spec = importlib.util.spec_from_file_location("bench_pdf_pages", BENCH / "pdf_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pdf_with(*images: Image.Image) -> PdfReader:
    pdf = FPDF()
    pdf.add_page()
    for im in images:
        pdf.image(im, w=20)
    return PdfReader(io.BytesIO(bytes(pdf.output())))


def test_a_picture_has_more_than_the_qr_codes_two_colours(monkeypatch):
    has_pictures = _pdf_pages(monkeypatch).has_pictures
    qr = Image.new("RGB", (20, 20), "white")
    qr.paste((0, 0, 0), (0, 0, 10, 10))
    chart = qr.copy()
    chart.paste((230, 159, 0), (10, 10, 20, 20))
    assert not has_pictures(_pdf_with(qr))
    assert has_pictures(_pdf_with(qr, chart))


def test_a_summary_with_its_icon_arrays_has_pictures(monkeypatch):
    evidence = load_evidence(DEFAULT_DATASET)
    # a stated priority and few cautions: the summary keeps its icon arrays and match chart
    result = evaluate(evidence, parse_query("relief=8&mri=vessel&anesthesia=fit&cause=vascular").profile)
    pdf = report.build_pdf(evidence, result, base_url="https://hfs.example.org/")
    assert _pdf_pages(monkeypatch).has_pictures(PdfReader(io.BytesIO(pdf)))


def test_each_answer_set_is_counted_once_per_paper(monkeypatch):
    counts = _pdf_pages(monkeypatch).tally(n=1, seed=24)
    assert sorted(paper for paper, _, _ in counts.elements()) == ["A4", "Letter"]
    assert all(pages in (report.MAX_PAGES, report.MAX_PAGES + 1) for _, pages, _ in counts)
