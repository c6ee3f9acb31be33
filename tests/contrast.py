"""WCAG 2 contrast, for the tests that check colours: the palette's (tests/charts/test_style.py)
and the page's as the browser draws it (tests/e2e/test_accessibility.py)."""

from __future__ import annotations

import re


def _channels(colour: str) -> list[float]:
    """'#rrggbb' or a browser's 'rgb(r, g, b)' / 'rgba(r, g, b, a)' as three 0-1 channels."""
    if colour.startswith("#"):
        return [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return [float(v) / 255 for v in re.findall(r"[\d.]+", colour)[:3]]


def luminance(colour: str) -> float:
    """WCAG relative luminance."""
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _channels(colour)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21 (text needs 4.5, chart parts 3)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
