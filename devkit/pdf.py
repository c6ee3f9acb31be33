"""The pictures in a built PDF, as the tests and bench/pdf_pages.py both count them."""

from __future__ import annotations

from PIL import Image
from pypdf import PdfReader


def chart_images(reader: PdfReader) -> list[Image.Image]:
    """The charts a summary embeds (icon arrays, the match chart): pictures of more than two
    colours. The QR code, the only other picture, has two."""
    charts = []
    for im in (img.image for page in reader.pages for img in page.images):
        rgb = im.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20) or [(0, c) for c in range(1 << 20)]
        if len(colours) > 2:
            charts.append(rgb)
    return charts
