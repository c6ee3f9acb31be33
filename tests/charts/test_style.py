"""The shared style (`decision_aid.charts.style`): a palette that keeps contrast and tells options apart."""

from __future__ import annotations

from decision_aid import charts
from decision_aid.charts import OPTION_ORDER
from tests.contrast import contrast_ratio


def test_palette_keeps_contrast():
    assert contrast_ratio(charts.TEXT_COLOR, "#FFFFFF") >= 4.5
    assert contrast_ratio(charts.NEUTRAL_STROKE, "#FFFFFF") >= 3
    assert contrast_ratio(charts.NEUTRAL_STROKE, charts.NEUTRAL_FILL) >= 3
    assert contrast_ratio(charts.BENEFIT_COLOR, "#FFFFFF") >= 3
    assert contrast_ratio(charts.HARM_COLOR, "#FFFFFF") >= 3


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
