"""`build_pdf`: the summary laid out on A4 or US Letter in the roomiest layout that fits (`_fitted`)."""

from __future__ import annotations

import datetime as dt
import io

from fpdf.fpdf import PAGE_FORMATS
from fpdf.image_datastructures import ImageCache

from decision_aid.engine import Result
from decision_aid.evidence import Evidence
from decision_aid.report.arrays import _icon_arrays
from decision_aid.report.content import PAPERS, Paper, _summary
from decision_aid.report.ending import _notes, _sure
from decision_aid.report.images import CHART_SCALES, _chart_png, _grid_png, _qr_png
from decision_aid.report.layout import (
    _PDF,
    FIRST_LAYOUT,
    LARGE_PRINT,
    LARGE_PRINT_SCALE,
    LAYOUTS,
    MAX_PAGES,
    _Layout,
    _TooLong,
)
from decision_aid.report.sections import (
    _about_figures,
    _cautions,
    _comparison,
    _glance,
    _header,
    _leaning_and_questions,
    _match,
    _sources,
    _what_you_said,
)
from decision_aid.words.report import PAPER_NOT_KNOWN, PDF_FOOTER, PDF_SUBJECT


def build_pdf(
    evidence: Evidence,
    result: Result,
    *,
    base_url: str,
    paper: Paper = "A4",
    large_print: bool = False,
    generated: dt.date | None = None,
) -> bytes:
    """The take-home summary as PDF bytes, built in memory for one request (nothing touches disk).

    `large_print`: 12 pt body type instead of 9 pt (LARGE_PRINT_SCALE), on more pages."""
    if paper not in PAPERS:
        raise ValueError(PAPER_NOT_KNOWN.format(papers=", ".join(PAPERS), paper=repr(paper)))
    data, images = _prepared(evidence, result, base_url=base_url, generated=generated)
    image_cache = ImageCache()  # shared by the layouts tried, so each image is processed once
    if large_print:
        # The same layout code on a smaller page, then each page magnified: every size, gap and
        # line grows alike, and nothing else about the summary changes.
        paper_pt = PAGE_FORMATS[paper.lower()]
        width, height = (size * 25.4 / 72 / LARGE_PRINT_SCALE for size in paper_pt)
        small = _compose(data, images, (width, height), LARGE_PRINT, give_up=False, image_cache=image_cache)
        return _magnified(bytes(small.output()), LARGE_PRINT_SCALE, paper_pt)
    pdf = _fitted(data, images, paper, LAYOUTS[FIRST_LAYOUT[paper] :], image_cache)
    return bytes(pdf.output())


def _prepared(
    evidence: Evidence, result: Result, *, base_url: str, generated: dt.date | None
) -> tuple[dict, dict[str, dict]]:
    """The summary's content and its pictures (the charts as PNG, the link's QR code), ready for
    any layout."""
    data, specs = _summary(evidence, result, base_url=base_url, generated=generated)
    images = {
        c["id"]: {
            **c,
            "grids": [_grid_png(p["value"], c["color"]) for p in c["panels"]],
            "scale": CHART_SCALES["grid"],
        }
        if "panels" in c
        else {**c, "png": _chart_png(c), "scale": CHART_SCALES[c["id"]]}
        for c in specs
    }
    images["qr"] = dict(zip(("png", "full"), _qr_png(data["link"]), strict=True))
    return data, images


def _fitted(
    data: dict, images: dict[str, dict], paper: Paper, layouts: tuple[_Layout, ...], image_cache: ImageCache
) -> _PDF:
    """The summary in the roomiest of `layouts` that fits on MAX_PAGES.

    The layouts run from roomy to compact; the last one leaves the pictures out. The most
    compact one with the pictures is laid out first, to the end: a roomier layout never took
    fewer pages (every layout laid out in full for 310 random answer sets, on both papers), so
    when it runs long the roomier ones are not tried (most summaries with a priority stated;
    each try is about a tenth of a build). When the layout without pictures runs long too, the
    one with them is kept unless it takes more pages (most US Letter summaries with a caution or
    two ran to 6 pages either way and lost their icon arrays for nothing)."""
    *roomier, compact, plain = layouts
    pictured = _compose(data, images, paper, compact, give_up=False, image_cache=image_cache)
    if pictured.page <= MAX_PAGES:
        for layout in roomier:
            try:
                return _compose(data, images, paper, layout, give_up=True, image_cache=image_cache)
            except _TooLong:
                continue
        return pictured
    without = _compose(data, images, paper, plain, give_up=False, image_cache=image_cache)
    if without.page > MAX_PAGES and pictured.page <= without.page:
        return pictured
    return without


def _magnified(pdf: bytes, scale: float, paper_pt: tuple[float, float]) -> bytes:
    """Every page of `pdf` magnified `scale` times from its lower left corner onto a page of
    `paper_pt` (points): its links' areas, and its drawing, which is wrapped in a scale (pypdf's
    own `scale_by` parses every page's content, which took longer than laying the summary out).
    pypdf is imported here: only a large-print summary needs it, and the pages that import this
    package (What matters to you, Next steps) need not load it."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, FloatObject, NameObject, RectangleObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    start = DecodedStreamObject()
    start.set_data(f"q {scale:.6f} 0 0 {scale:.6f} 0 0 cm\n".encode("ascii"))
    end = DecodedStreamObject()
    end.set_data(b"\nQ\n")
    start_ref, end_ref = writer._add_object(start), writer._add_object(end)
    for page in writer.pages:
        contents = page[NameObject("/Contents")]
        streams = [contents]
        if isinstance(contents.get_object(), ArrayObject):
            streams = list(contents.get_object())
        page[NameObject("/Contents")] = ArrayObject([start_ref, *streams, end_ref])
        page.mediabox = RectangleObject([0, 0, *paper_pt])
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            rect = annotation.get("/Rect")
            if rect is not None:
                annotation[NameObject("/Rect")] = RectangleObject([FloatObject(v * scale) for v in rect])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _compose(
    data: dict,
    images: dict[str, dict],
    paper: str | tuple[float, float],
    layout: _Layout,
    *,
    give_up: bool,
    image_cache: ImageCache | None = None,
) -> _PDF:
    """Lay the summary out; with `give_up`, stop (raise _TooLong) as soon as it runs past MAX_PAGES."""
    ds = data["dataset"]
    pdf = _PDF(
        paper,
        PDF_FOOTER.format(version=ds["version"], date=data["generated"]),
        image_cache,
    )
    pdf.set_title(f"{data['title']}: {data['decision']}")
    pdf.set_author(ds["made_by"])
    pdf.set_subject(PDF_SUBJECT)
    pdf.set_lang("en")
    pdf.set_creator("decision_aid.report")
    pdf.add_page()
    sections = (
        lambda: _header(pdf, data, images["qr"]),
        lambda: _glance(pdf, data, layout),
        lambda: _leaning_and_questions(pdf, data),
        lambda: _what_you_said(pdf, data, layout),
        lambda: _icon_arrays(pdf, [images["control"], images["serious_harm"]], layout),
        lambda: _comparison(pdf, data, layout),
        lambda: _cautions(pdf, data),
        lambda: _match(pdf, data, images.get("match"), layout),
        lambda: _sure(pdf, data),
        lambda: _notes(pdf, layout),
        lambda: _about_figures(pdf, data),
        lambda: _sources(pdf, data, layout),
    )
    for section in sections:
        section()
        if give_up and pdf.page > MAX_PAGES:
            raise _TooLong
    return pdf
