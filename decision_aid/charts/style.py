"""The look every chart shares: option order, colours, shapes, sizes, type and the title, axis
and legend styles, so a chart module holds only what is its own."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import altair as alt

from decision_aid.profile import PRIORITIES
from decision_aid.schema import OPTION_IDS
from decision_aid.words.common import PRIORITY_LABELS

# ---------------------------------------------------------------- palette and shapes

OPTION_ORDER: tuple[str, ...] = OPTION_IDS
"""The one fixed order of the options in every chart (never sorted by value): the dataset's."""

ORDER_INDEX: dict[str, int] = {o: i for i, o in enumerate(OPTION_ORDER)}

OPTION_COLORS: dict[str, str] = {"medication": "#0072B2", "botulinum": "#E69F00", "mvd": "#CC79A7"}
"""Okabe-Ito colours for option identity (headers, legends, lines); never for good or bad."""

OPTION_SHAPES: dict[str, str] = {"medication": "circle", "botulinum": "square", "mvd": "triangle-up"}
"""A distinct point shape per option, so option identity never rests on colour alone."""

OPTION_DASHES: dict[str, list[int]] = {"medication": [1, 0], "botulinum": [7, 3], "mvd": [2, 2]}
"""Line styles per option (solid, dashed, dotted) for the projection lines."""

BENEFIT_COLOR = "#009E73"
"""Okabe-Ito bluish green: a good outcome (icon arrays of control)."""
HARM_COLOR = "#D55E00"
"""Okabe-Ito vermillion: a harm (icon arrays of side effects and serious harms)."""
NEUTRAL_FILL = "#E6E6E6"
"""Light grey fill for people without the outcome; always drawn with `NEUTRAL_STROKE`."""
NEUTRAL_STROKE = "#555555"
"""Dark outline (7.5:1 on white, 6.3:1 on NEUTRAL_FILL) so pale icons keep 3:1 non-text contrast."""
TEXT_COLOR = "#222222"

PRIORITY_COLORS: dict[str, str] = {
    "relief": "#332288",
    "lasting": "#88CCEE",
    "serious_risk": "#117733",
    "side_effects": "#DDCC77",
    "burden": "#882255",
    "recovery": "#44AA99",
}
"""Paul Tol's colour-blind-safe 'muted' set, dark and light in turn so neighbouring segments
of a stacked bar also differ in black-and-white print. Distinct from the option colours."""

PRIORITY_PATTERNS: dict[str, str] = {
    "relief": "none",
    "lasting": "repeating-linear-gradient(45deg, rgba(0,0,0,.55) 0 1.5px, #0000 1.5px 6px)",
    "serious_risk": "repeating-linear-gradient(90deg, rgba(255,255,255,.75) 0 1.5px, #0000 1.5px 5px)",
    "side_effects": "repeating-linear-gradient(0deg, rgba(0,0,0,.5) 0 1.5px, #0000 1.5px 5px)",
    "burden": "repeating-linear-gradient(-45deg, rgba(255,255,255,.75) 0 1.5px, #0000 1.5px 6px)",
    "recovery": (
        "repeating-linear-gradient(45deg, rgba(0,0,0,.45) 0 1px, #0000 1px 6px),"
        "repeating-linear-gradient(-45deg, rgba(0,0,0,.45) 0 1px, #0000 1px 6px)"
    ),
}
"""A line pattern over each priority's colour in the screen's match bars and their key (CSS
`background-image`): solid, slanted one way or the other, upright, level or crossed. The bars
told the priorities apart by colour alone (WCAG 1.4.1; accessibility pass), which a screen in
bright light, a grey print of the page or a rarer colour vision can lose."""

PERSON_PATH = (
    "M0,-1A0.27,0.27,0,1,1,0,-0.46A0.27,0.27,0,1,1,0,-1Z"
    "M-0.2,-0.4H0.2C0.42,-0.4,0.55,-0.28,0.55,-0.05V0.32C0.55,0.42,0.38,0.42,0.38,0.32V0.02H0.3V1"
    "H0.05V0.38H-0.05V1H-0.3V0.02H-0.38V0.32C-0.38,0.42,-0.55,0.42,-0.55,0.32V-0.05"
    "C-0.55,-0.28,-0.42,-0.4,-0.2,-0.4Z"
)
"""A restroom-style person (head and body) inside the -1..1 square Vega expects of a custom shape."""

# ---------------------------------------------------------------- sizes and type

ICON_STEP = 18
"""Pixels per icon: a 10-wide array is 180 px, three fit side by side on a tablet, one on a phone."""
CHART_WIDTH = 280
"""Plot width of the single-view charts: with axis labels they stay under 360 px (a 390 px phone)."""
TITLE_CHARS = 40
FONT = 12
TITLE_FONT = 15


def _title(
    text: str | Sequence[str],
    subtitle: str | Sequence[str] | None = None,
    *,
    width: int = TITLE_CHARS,
    size: int = TITLE_FONT,
    sub_width: int | None = None,
) -> alt.TitleParams:
    """A left-aligned title wrapped into lines of `width` characters (Vega titles do not wrap);
    the smaller subtitle into `sub_width` (default: 1.3 times as many)."""
    sub = _wrap(subtitle, sub_width or int(width * 1.3)) if subtitle else alt.Undefined
    return alt.TitleParams(
        text=_wrap(text, width),
        subtitle=sub,
        anchor="start",
        fontSize=size,
        subtitleFontSize=FONT,
        color=TEXT_COLOR,
        subtitleColor=TEXT_COLOR,
        offset=8,
    )


def _wrap(text: str | Sequence[str], width: int) -> list[str]:
    parts = [text] if isinstance(text, str) else list(text)
    return [line for part in parts for line in (textwrap.wrap(part, width) or [""])]


def _axis(**kwargs) -> alt.Axis:
    base = dict(
        labelFontSize=FONT,
        titleFontSize=FONT,
        labelColor=TEXT_COLOR,
        titleColor=TEXT_COLOR,
        titleFontWeight="normal",
    )
    return alt.Axis(**{**base, **kwargs})


def _legend(**kwargs) -> alt.Legend:
    base = dict(
        orient="bottom",
        direction="vertical",
        labelFontSize=FONT,
        titleFontSize=FONT,
        labelColor=TEXT_COLOR,
        titleColor=TEXT_COLOR,
        labelLimit=330,
        titleLimit=330,
    )
    return alt.Legend(**{**base, **kwargs})


NO_FRAME = alt.ViewBackground(stroke=None)


def _option_color(ids: Sequence[str], names: Sequence[str], *, legend: alt.Legend | None) -> alt.Color:
    return (
        alt.Color("short_name:N")
        .scale(domain=list(names), range=[OPTION_COLORS[o] for o in ids])
        .legend(legend)
    )


def _option_shape(ids: Sequence[str], names: Sequence[str], *, legend: alt.Legend | None) -> alt.Shape:
    return (
        alt.Shape("short_name:N")
        .scale(domain=list(names), range=[OPTION_SHAPES[o] for o in ids])
        .legend(legend)
    )


def _named(name: str) -> alt.Chart:
    return alt.Chart(alt.NamedData(name))


def _chance_scale(top: float = 100) -> alt.Scale:
    """A chance axis: always from 0 (never truncated), to 100 unless the chart says why not."""
    return alt.Scale(domain=[0, top], nice=False, zero=True)


def _priority_labels() -> list[str]:
    return [PRIORITY_LABELS[p] for p in PRIORITIES]
