"""Chart specs and their text alternatives, built once per distinct input per process.

A page script runs again on every rerun, so each slider move on the compare page rebuilt all
of its charts: Altair objects, a Vega-Lite schema validation and an Arrow conversion of the
data, about 50 ms a chart (bench/run.py --profile). Every chart on the page comes as
`charts.ChartParts`: its look is built by Altair once per distinct setting and kept here as a
finished spec; only its data is converted to Arrow per answer (once per key, when the parts
name one), so neither a rerun nor a new patient costs Altair work, and the browser keeps the
chart and swaps in the new data. Specs are shared across sessions, which is safe: they hold
only dataset figures and answers already in the session's own link, and Streamlit copies a
spec before changing it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import pandas as pd

from decision_aid.charts import ChartParts, look_spec, top_level
from decision_aid.lru import BoundedCache

MAX_ENTRIES = 512
_specs: BoundedCache[dict] = BoundedCache(MAX_ENTRIES)
_texts: BoundedCache[str] = BoundedCache(MAX_ENTRIES)
_arrows: BoundedCache[bytes] = BoundedCache(MAX_ENTRIES)
_views: BoundedCache[Any] = BoundedCache(MAX_ENTRIES)

T = TypeVar("T")


def _part(x: Any) -> Any:
    """A hashable stand-in for an argument (a frame by its content)."""
    if isinstance(x, pd.DataFrame):
        return ("frame", x.to_json(orient="split", date_format="iso"))
    if isinstance(x, dict):
        return tuple(sorted((k, _part(v)) for k, v in x.items()))
    if isinstance(x, list | tuple):
        return tuple(_part(v) for v in x)
    return x


def _name(fn: Callable | None) -> Any:
    return None if fn is None else (fn.__module__, fn.__qualname__)


def parts(chart: ChartParts, *, finish: Callable[[Any], Any] | None = None) -> dict:
    """The spec of ``chart`` (look from memory, data converted to Arrow), for ``st.vega_lite_chart``."""
    out = {**look_spec(chart, finish), **top_level(chart)}
    if chart.data_key is not None:
        out["datasets"] = dict(
            _specs.get_or_make(
                ("data", chart.data_key), lambda: {k: _arrow(v) for k, v in chart.data.items()}
            )
        )
    else:  # by content: reading a small frame as JSON costs a sixth of converting it
        out["datasets"] = {
            k: _arrows.get_or_make(_part(v), lambda v=v: _arrow(v)) for k, v in chart.data.items()
        }
    return out


def built(
    build: Callable[..., ChartParts], *args: Any, finish: Callable[[Any], Any] | None = None, **kwargs: Any
) -> dict:
    """``parts(build(*args, **kwargs))``, kept per distinct arguments: for charts of plain values
    (an icon array of one figure), where even building the parts is more than a lookup."""
    key = ("built", _name(build), _name(finish), _part(args), _part(kwargs))
    return _specs.get_or_make(key, lambda: parts(build(*args, **kwargs), finish=finish))


def keyed(key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, kept under ``key``: for a drawn chart (the match's HTML) and its words together, where
    the caller has a key cheaper than the frame they are built from (`charts.match_key`). The
    caller's promise: equal keys, equal values."""
    return _views.get_or_make(key, make)


def _arrow(frame: pd.DataFrame) -> bytes:
    from streamlit.dataframe_util import convert_anything_to_arrow_bytes

    return convert_anything_to_arrow_bytes(frame)


def text(describe: Callable[..., str], *args: Any, **kwargs: Any) -> str:
    """``describe(*args, **kwargs)``, the text alternative of a chart, cached the same way."""
    key = (_name(describe), _part(args), _part(kwargs))
    return _texts.get_or_make(key, lambda: describe(*args, **kwargs))
