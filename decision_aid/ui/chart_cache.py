"""Finished chart specs and their text alternatives, built once per distinct input per process.

A page script runs again on every rerun, so each slider move on the compare page rebuilt all
of its charts: Altair objects, a Vega-Lite schema validation and an Arrow conversion of the
data, about 50 ms a chart (bench/run.py --profile). Here a chart is built only when its inputs
change; otherwise its finished spec comes back from memory, with the data already as Arrow
bytes (st.vega_lite_chart passes those through). The charts that follow the answers come as
`charts.ChartParts`: their look is built once per distinct setting and only their data is
converted per answer (`parts`), so a new patient costs no Altair work either, and the browser
keeps the chart and swaps in the data. Specs are shared across sessions, which is safe: they
hold only dataset figures and answers already in the session's own link, and Streamlit copies
a spec before changing it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import pandas as pd

from decision_aid.charts import ChartParts

MAX_ENTRIES = 512
_lock = threading.Lock()
_specs: OrderedDict[Any, dict] = OrderedDict()
_texts: OrderedDict[Any, str] = OrderedDict()


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


def _get(store: OrderedDict, key: Any, make: Callable[[], Any]) -> Any:
    with _lock:
        hit = store.get(key)
        if hit is not None:
            store.move_to_end(key)
            return hit
    value = make()  # outside the lock: two sessions may build the same chart once each
    with _lock:
        store[key] = value
        while len(store) > MAX_ENTRIES:
            store.popitem(last=False)
    return value


def spec(
    build: Callable[..., Any], *args: Any, finish: Callable[[Any], Any] | None = None, **kwargs: Any
) -> dict:
    """The Vega-Lite spec of ``finish(build(*args, **kwargs))``, for ``st.vega_lite_chart``."""

    def make() -> dict:
        chart = build(*args, **kwargs)
        if finish is not None:
            chart = finish(chart)
        out = _to_dict(chart)
        if "datasets" in out:
            out["datasets"] = {k: _arrow(pd.DataFrame(v)) for k, v in out["datasets"].items()}
        return out

    return _get(_specs, (_name(build), _name(finish), _part(args), _part(kwargs)), make)


def parts(chart: ChartParts, *, finish: Callable[[Any], Any] | None = None) -> dict:
    """The spec of ``chart`` (look from memory, data converted to Arrow), for ``st.vega_lite_chart``."""
    look = _get(_specs, ("look", _name(chart.look), chart.settings, _name(finish)),
                lambda: _to_dict(finish(chart.look_chart()) if finish else chart.look_chart()))
    out = dict(look)
    out["datasets"] = {k: _arrow(v) for k, v in chart.data.items()}
    return out


def _to_dict(chart: Any) -> dict:
    # The chart tests validate every builder's output against the schema; no need per rerun.
    return chart.to_dict(validate=False)


def _arrow(frame: pd.DataFrame) -> bytes:
    from streamlit.dataframe_util import convert_anything_to_arrow_bytes

    return convert_anything_to_arrow_bytes(frame)


def text(describe: Callable[..., str], *args: Any, **kwargs: Any) -> str:
    """``describe(*args, **kwargs)``, the text alternative of a chart, cached the same way."""
    return _get(_texts, (_name(describe), _part(args), _part(kwargs)), lambda: describe(*args, **kwargs))
