"""`build_pdf`: the summary laid out on A4 or US Letter, trying compact layouts until it fits."""

from __future__ import annotations

import datetime as dt

from fpdf.image_datastructures import ImageCache

from decision_aid.engine import Result
from decision_aid.evidence import Evidence
from decision_aid.report.content import PAPERS, Paper, _summary
from decision_aid.report.images import CHART_SCALES, _chart_png, _qr_png
from decision_aid.report.layout import _PDF, FIRST_LAYOUT, LAYOUTS, MAX_PAGES, _Layout, _TooLong
from decision_aid.report.sections import (
    _about_figures,
    _cautions,
    _comparison,
    _glance,
    _header,
    _icon_arrays,
    _leaning_and_questions,
    _match,
    _notes,
    _sources,
    _sure,
    _what_you_said,
)
from decision_aid.words.report import PAPER_NOT_KNOWN, PDF_FOOTER, PDF_SUBJECT


def build_pdf(
    evidence: Evidence,
    result: Result,
    *,
    base_url: str,
    paper: Paper = "A4",
    generated: dt.date | None = None,
) -> bytes:
    """The take-home summary as PDF bytes, built in memory for one request (nothing touches disk)."""
    if paper not in PAPERS:
        raise ValueError(PAPER_NOT_KNOWN.format(papers=", ".join(PAPERS), paper=repr(paper)))
    data, specs = _summary(evidence, result, base_url=base_url, generated=generated)
    images = {c["id"]: {**c, "png": _chart_png(c), "scale": CHART_SCALES[c["id"]]} for c in specs}
    images["qr"] = dict(zip(("png", "full"), _qr_png(data["link"]), strict=True))
    image_cache = ImageCache()  # shared by the layouts tried, so each image is processed once
    layouts = LAYOUTS[FIRST_LAYOUT[paper] :]
    for i, layout in enumerate(layouts):  # roomier first; a more compact one if it runs long
        try:
            pdf = _compose(data, images, paper, layout, give_up=i < len(layouts) - 1, image_cache=image_cache)
            break
        except _TooLong:
            continue
    if pdf.page > MAX_PAGES and not layout.pictures:
        # Leaving the pictures out did not bring the summary within MAX_PAGES: keep them, unless
        # they add a page (most US Letter summaries with a caution or two, which ran to 6 pages
        # either way and lost their icon arrays for nothing).
        pictured = next(x for x in reversed(layouts) if x.pictures)
        with_pictures = _compose(data, images, paper, pictured, give_up=False, image_cache=image_cache)
        if with_pictures.page <= pdf.page:
            pdf = with_pictures
    return bytes(pdf.output())


def _compose(
    data: dict,
    images: dict[str, dict],
    paper: str,
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
        lambda: _what_you_said(pdf, data),
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


# ---------------------------------------------------------------- PDF sections
