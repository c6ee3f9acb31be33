"""Reading a built summary as a reader gets it, shared by the PDF tests and the browser test of
the download: the page footers (to leave out of the text) and the type sizes as printed."""

from __future__ import annotations

import re
from collections import Counter

from pypdf import PdfReader

FOOTER = re.compile(r"Hemifacial spasm decision aid · evidence version .*? page \d+ of \d+")
"""Every page's footer, as the text comes out of the PDF."""


def printed_sizes(reader: PdfReader, pages: slice = slice(None)) -> Counter[float]:
    """How many characters `pages` print at each type size (points on the paper, to 0.1 pt): the
    font size with the page's own magnification, so a large-print page reads as printed."""
    sizes: Counter[float] = Counter()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes[round(size * cm[0] * tm[0], 1)] += len(text.strip())

    for page in reader.pages[pages]:
        page.extract_text(visitor_text=visit)
    return sizes
