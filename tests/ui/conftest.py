"""AppTest helpers: start the whole app (streamlit_app.py) with a link, switch pages, read charts."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.ui import nav

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
PAGES = {Path(p.path).stem: p.path for p in nav.PAGES}
"""Each page's script by its short name ("about", ..., "next_steps"), from the app's own list."""
TITLES = {Path(p.path).stem: p.title for p in nav.PAGES}
"""Each page's title (its one level-1 heading), from the app's own list."""
TIMEOUT_S = 60


def open_app(query: dict[str, str] | None = None, page: str | None = None) -> AppTest:
    """The app as opened from a link (`query`), on `page` (a key of PAGES), after one run."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        go(at, page)
    return at


def go(at: AppTest, page: str) -> AppTest:
    """Switch to another page the way the sidebar does (the session's answers stay)."""
    at.switch_page(PAGES[page]).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _hidden(at: AppTest) -> set[int]:
    """The nodes kept out of sight: under a container keyed ``hidden_...`` (`components.steady_text`
    keeps a text's other forms there, to hold its height)."""
    out: set[int] = set()

    def walk(node, hidden: bool) -> None:
        hidden = hidden or "-hidden_" in getattr(getattr(node, "proto", None), "id", "")
        if hidden:
            out.add(id(node))
        for child in getattr(node, "children", {}).values():
            walk(child, hidden)

    walk(at._tree, False)
    return out


def texts(at: AppTest) -> str:
    """All markdown, captions and alert text shown on the page, joined (for 'is it shown?' checks)."""
    hidden = _hidden(at)
    parts = [m.value for m in at.markdown if id(m) not in hidden]
    parts += [c.value for c in at.caption if id(c) not in hidden]
    for kind in ("warning", "info", "success", "error"):
        parts += [e.value for e in getattr(at, kind)]
    return "\n".join(parts)


def unescape(text: str) -> str:
    """Markdown escapes removed, so a test can look for the plain words."""
    return text.replace("\\", "")


def headings(at: AppTest, level: int) -> list[str]:
    """The page's headings of one level, unescaped (`components.heading` writes "## ...")."""
    mark = "#" * level + " "
    return [unescape(m.value[len(mark) :]) for m in at.markdown if m.value.startswith(mark)]


def chart_specs(at: AppTest) -> list[dict]:
    """The Vega-Lite spec of every chart on the page, in page order."""
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def chart_frames(at: AppTest, description_start: str) -> list[pd.DataFrame]:
    """The data sets of the chart whose description (text alternative) starts with the given words."""
    for el in at.get("vega_lite_chart"):
        spec = json.loads(el.proto.spec)
        if str(spec.get("description", "")).startswith(description_start):
            return [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in el.proto.datasets]
    msg = f"no chart whose description starts with {description_start!r}"
    raise AssertionError(msg)


def match_points(at: AppTest) -> pd.DataFrame:
    """The match chart's per-option, per-priority points."""
    frames = [f for f in chart_frames(at, "How the options line up") if "points" in f.columns]
    assert frames, "the match chart has no data set with a points column"
    return frames[0][["option", "priority", "points", "match"]].reset_index(drop=True)


@pytest.fixture
def app():
    return open_app
