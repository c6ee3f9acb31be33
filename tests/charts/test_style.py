"""The shared style (`decision_aid.charts.style`): a palette that keeps contrast and tells options apart."""

from __future__ import annotations

from decision_aid import charts
from decision_aid.charts import OPTION_ORDER


def test_palette_keeps_contrast():
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    def ratio(a: str, b: str) -> float:
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    assert ratio(charts.TEXT_COLOR, "#FFFFFF") >= 4.5
    assert ratio(charts.NEUTRAL_STROKE, "#FFFFFF") >= 3
    assert ratio(charts.NEUTRAL_STROKE, charts.NEUTRAL_FILL) >= 3
    assert ratio(charts.BENEFIT_COLOR, "#FFFFFF") >= 3 and ratio(charts.HARM_COLOR, "#FFFFFF") >= 3


OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
"""The eight colours of Okabe and Ito's colour-blind-safe palette (Color Universal Design, 2002)."""


def test_each_option_has_its_own_colour_blind_safe_colour_and_shape():
    """Option identity: every option its own Okabe-Ito colour, none the colour of a good or a bad
    outcome (the icon arrays' green and vermillion), and its own shape, so it never rests on colour."""
    colours = charts.OPTION_COLORS
    assert set(colours) == set(OPTION_ORDER)
    assert len(set(colours.values())) == len(colours)
    assert {c.upper() for c in colours.values()} <= OKABE_ITO
    assert {charts.BENEFIT_COLOR, charts.HARM_COLOR} <= OKABE_ITO
    assert not {charts.BENEFIT_COLOR, charts.HARM_COLOR} & set(colours.values())
    assert len(set(charts.OPTION_SHAPES.values())) == 3 and set(charts.OPTION_SHAPES) == set(OPTION_ORDER)
