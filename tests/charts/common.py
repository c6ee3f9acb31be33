"""Shared by the chart tests: synthetic frames, every builder, spec helpers, real-data results.

Charts: every builder checked the way Altair checks its gallery, plus what the chart *shows*.

Builders get synthetic frames whose values would reorder the options if anything sorted by
value (MVD first and largest, medicines last and smallest), so a fixed order is really tested.
The real-data tests build every chart from `evaluate(load_evidence(), Profile())`. One test
renders a PNG with vl-convert (~1 s for the engine's first start); the rest only build specs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from importlib.util import find_spec

import altair as alt
import pandas as pd

from decision_aid import charts
from decision_aid.charts import OPTION_ORDER
from decision_aid.profile import PRIORITIES
from decision_aid.words.common import PRIORITY_LABELS
from devkit.browser import skip_unless_ci

NAMES = {"medication": "Medicines", "botulinum": "Botulinum toxin", "mvd": "MVD surgery"}


FIXED_NAMES = [NAMES[o] for o in OPTION_ORDER]


REVERSED = list(reversed(OPTION_ORDER))  # the order the synthetic frames arrive in


skip_requires_vl_convert = skip_unless_ci(
    find_spec("vl_convert") is None, "vl-convert-python is needed to render PNGs"
)
"""PNG export needs vl-convert (a runtime dependency): in CI its absence fails."""


VALUES = {"mvd": 92.0, "botulinum": 61.0, "medication": 12.6}


def success_like() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "option": o,
                "short_name": NAMES[o],
                "low": VALUES[o] - 10,
                "central": VALUES[o],
                "high": VALUES[o] + 5,
            }
            for o in REVERSED
        ]
    )


def harm_like() -> pd.DataFrame:
    """Serious harm per option, with a control figure beside it (as an option row has both)."""
    return pd.DataFrame(
        [
            {
                "option": o,
                "short_name": NAMES[o],
                "benefit_low": VALUES[o] - 10,
                "benefit": VALUES[o],
                "benefit_high": VALUES[o] + 5,
                "harm_low": h / 2,
                "harm": h,
                "harm_high": h * 2,
                "timeframe": "at 1 year",
            }
            for o, h in zip(REVERSED, (4.0, 1.0, 0.2), strict=True)
        ]
    )


def match_like() -> pd.DataFrame:
    rows = []
    for o in REVERSED:
        total = VALUES[o] * 0.8
        for i, p in enumerate(PRIORITIES):
            rows.append(
                {
                    "option": o,
                    "short_name": NAMES[o],
                    "priority": p,
                    "priority_label": PRIORITY_LABELS[p],
                    "priority_index": i,
                    "weight": 5,
                    "points": total / len(PRIORITIES),
                    "match": total,
                    "match_low": total - 8,
                    "match_high": total + 4,
                    "suitable": True,
                    "avoided": o == "medication",
                }
            )
    return pd.DataFrame(rows)


def projection_like(years: int = 5) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "option": o,
                "short_name": NAMES[o],
                "year": y,
                "low": VALUES[o] - 10 - y,
                "central": VALUES[o] - y,
                "high": min(100.0, VALUES[o] + 3),
            }
            for o in REVERSED
            for y in range(1, years + 1)
        ]
    )


BUILDERS: dict[str, Callable[[], alt.TopLevelMixin]] = {
    "icon_array": lambda: charts.icon_array(
        37.4, label="have good control of the spasm", color=charts.BENEFIT_COLOR
    ),
    "icon_array_rare": lambda: charts.icon_array(
        0.3, label="have a stroke", color=charts.HARM_COLOR, title="Stroke after surgery"
    ),
    "option_icon_arrays": lambda: charts.option_icon_arrays(
        success_like(),
        title="Good control of the spasm, out of 100 people",
        color=charts.BENEFIT_COLOR,
        label="have good control of the spasm",
    ),
    "option_icon_arrays_phone": lambda: charts.option_icon_arrays(
        harm_like(),
        value_col="harm",
        title="Serious or lasting harm, out of 100 people",
        color=charts.HARM_COLOR,
        columns=1,
        label="have serious or lasting harm",
    ),
    "match_chart": lambda: charts.match_chart(match_like()),
    "projection_chart": lambda: charts.projection_chart(projection_like(), years=5),
}


@functools.cache
def build(name: str) -> tuple[alt.TopLevelMixin, dict]:
    """Each builder runs once per session; building and validating a spec is the slow part."""
    chart = BUILDERS[name]()
    return chart, chart.to_dict()


def walk(node, path: str = "") -> Iterator[tuple[str, object]]:
    """Every (path, value) in a Vega-Lite spec, depth first."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}[{i}]")


def texts(spec: dict) -> list[str]:
    """Every title, subtitle and description string in the spec."""
    out = []
    for path, value in walk(spec):
        if re.search(r"\.(title|subtitle|text|description)(\[\d+\])?$", path) and isinstance(value, str):
            out.append(value)
    return out


def encodings(spec: dict) -> Iterator[tuple[str, dict]]:
    """(channel, definition) of every encoding in every unit of the spec."""
    for _, value in walk(spec):
        if isinstance(value, dict) and isinstance(value.get("encoding"), dict):
            yield from value["encoding"].items()


def rows_of(spec: dict) -> list[dict]:
    return [row for data in spec.get("datasets", {}).values() for row in data]


def first_seen(values) -> list:
    return list(dict.fromkeys(values))


def _evaluate(**answers):
    from decision_aid.engine import evaluate
    from decision_aid.evidence import load_evidence
    from decision_aid.profile import Profile

    return evaluate(load_evidence(), Profile(**answers))


def _evaluated(**weights: int):
    from decision_aid.engine import evaluate
    from decision_aid.evidence import load_evidence
    from decision_aid.profile import Profile

    return evaluate(load_evidence(), Profile(**weights))


PARTS = {
    "match": lambda r: charts.match_parts(charts.match_frame(r)),
    "projection": lambda r: charts.projection_parts(charts.projection_frame(r), years=r.projection.years),
    "icons": lambda r: charts.icon_array_parts(
        r.option("mvd").success.central,
        label="have good control",
        color=charts.BENEFIT_COLOR,
        title="MVD surgery",
        title_chars=30,
    ),
}
