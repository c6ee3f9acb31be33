"""AppTest helpers: start the whole app (streamlit_app.py) with a link, switch pages, read charts."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
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


MATCH_FIGURE = '<figure class="hfs-match"'
"""How the match chart's HTML begins (`charts.match_html`)."""


def match_figures(at: AppTest) -> list[str]:
    """The HTML of every match chart on the page (the fit topic draws one, or none)."""
    return [h.proto.body for h in at.get("html") if MATCH_FIGURE in h.proto.body]


def figure_text(body: str) -> str:
    """An HTML chart's words as a reader gets them: its style sheet and tags left out."""
    text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", body, flags=re.DOTALL)
    return " ".join(html.unescape(text).split())


def match_points(at: AppTest) -> pd.DataFrame:
    """The match chart's points, one row per option and priority that adds any, read from its
    bars' data attributes (`charts.match_html`)."""
    (body,) = match_figures(at)
    rows = []
    for option, match, bar in re.findall(
        r'data-option="([^"]+)" data-match="([^"]+)">.*?<div class="hfs-match-bar"[^>]*>(.*?)</div>', body
    ):
        for priority, points in re.findall(r'data-priority="([^"]+)" data-points="([^"]+)"', bar):
            row = {"option": option, "priority": priority, "points": float(points), "match": float(match)}
            rows.append(row)
    assert rows, "the match chart has no bars"
    return pd.DataFrame(rows, columns=["option", "priority", "points", "match"])


@pytest.fixture
def app():
    return open_app
