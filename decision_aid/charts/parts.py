"""A chart as look and data (`ChartParts`), the cache of finished looks, and export to PNG."""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import pandas as pd

from decision_aid.lru import BoundedCache


@dataclass(frozen=True)
class ChartParts:
    """A chart in two parts: its look, which Altair builds from a few hashable settings, and
    its data, as named datasets the look refers to.

    The patient's answers change only the data (and rarely a setting, such as which options
    the match chart names, or whether one carries a note), so the app builds each look once
    and sends just the data when the answers change (the PDF draws the match this way; the app
    draws it as HTML, `charts.match_html`) (`decision_aid.ui.chart_cache`): no Altair
    work on a rerun, and the browser swaps the data into the chart it already shows instead of
    building it again. `chart()` puts the two
    together, for the PDF and the tests.
    """

    name: str
    """The look's name, one per chart look ("match", "projection", "icons"; the chart tests check
    they differ): the look cache's key, with the settings. Explicit, so renaming or moving a
    function can neither split nor merge cached looks."""
    look: Callable[..., alt.TopLevelMixin]
    settings: tuple[tuple[str, Any], ...]
    data: Mapping[str, pd.DataFrame]
    top: Mapping[str, Any] = field(default_factory=dict)
    """Top-level properties that go with the data (an icon array's title holds its number),
    set on the finished chart."""
    data_key: Hashable | None = None
    """When set, equal keys mean equal data, so the app converts the data once per key."""

    def look_chart(self) -> alt.TopLevelMixin:
        """The chart without its data (layers refer to the datasets by name)."""
        return self.look(**dict(self.settings))

    def chart(self) -> alt.TopLevelMixin:
        chart = self.look_chart()
        for name, value in self.top.items():
            setattr(chart, name, value)
        chart.datasets = {name: records(frame) for name, frame in self.data.items()}
        return chart


LOOK_CACHE_SIZE = 64
"""Looks kept as finished Vega-Lite dicts: a handful per chart (the settings hold only the
dataset's names and a few switches), shared by the app and the PDF."""
_looks: BoundedCache[dict] = BoundedCache(LOOK_CACHE_SIZE)


def look_spec(parts: ChartParts, finish: Callable[[Any], Any] | None = None) -> dict:
    """The Vega-Lite dict of ``finish(parts.look_chart())``, built by Altair once per distinct
    look, settings and finish in this process (most of the Altair work, ~40 ms a chart). Shared:
    callers copy before changing it. Not validated again: the chart tests validate every look.
    Keyed on the look's explicit name and on the `finish` function itself (not on names of
    functions, which two different functions can share)."""
    key = (parts.name, parts.settings, finish)

    def make() -> dict:
        chart = parts.look_chart()
        return (finish(chart) if finish else chart).to_dict(validate=False)

    return _looks.get_or_make(key, make)


def top_level(parts: ChartParts) -> dict[str, Any]:
    """`parts.top` as Vega-Lite values (a title as its dict)."""
    return {k: v.to_dict(validate=False) if hasattr(v, "to_dict") else v for k, v in parts.top.items()}


def spec_of(parts: ChartParts, finish: Callable[[Any], Any] | None = None) -> dict:
    """``parts.chart().to_dict()`` (with `finish` applied to the look), from the cached look: the
    patient's figures go in as data and top-level values only."""
    spec = {**look_spec(parts, finish), **top_level(parts)}
    spec["datasets"] = {name: records(frame) for name, frame in parts.data.items()}
    return spec


def _settings(**kwargs: Any) -> tuple[tuple[str, Any], ...]:
    """Keyword arguments as a hashable, ordered key (lists become tuples)."""

    def frozen(v: Any) -> Any:
        return tuple(frozen(x) for x in v) if isinstance(v, list | tuple) else v

    return tuple(sorted((k, frozen(v)) for k, v in kwargs.items()))


def records(frame: pd.DataFrame) -> list[dict]:
    """A frame as JSON-ready rows (NaN as null, numpy numbers as Python ones)."""
    return json.loads(frame.to_json(orient="records", double_precision=10))


def to_png(chart: alt.TopLevelMixin | dict, scale: float = 2) -> bytes:
    """The chart (or its Vega-Lite dict) as PNG bytes, rendered offline by vl-convert.

    A dict is not validated again (a tenth of the time): the chart tests validate every
    builder's output. The PDF keeps the pictures it renders (`report.images`).
    """
    import vl_convert as vlc  # heavy (a JS engine): only loaded when a PNG is needed

    spec = chart if isinstance(chart, dict) else chart.to_dict()
    version = "_".join(alt.SCHEMA_VERSION.split(".")[:2])
    return vlc.vegalite_to_png(spec, vl_version=version, scale=scale)
