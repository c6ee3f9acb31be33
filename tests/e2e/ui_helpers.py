"""Helpers for the page tests (test_app_pages.py): page URLs, widgets by key, overflow checks.

No helper sleeps: every wait is a Playwright wait on a DOM or URL condition.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page

from decision_aid.ui import nav

from .helpers import wait_for_app

PAGE_NAMES = tuple(Path(p.path).stem for p in nav.PAGES)
"""Short names of the pages, in order: "about", "situation", ..., "next_steps" (file stems)."""
PAGE_PATHS = {name: p.url_path for name, p in zip(PAGE_NAMES, nav.PAGES, strict=True)} | {PAGE_NAMES[0]: ""}
"""URL path of each page under the app's base URL (the first page is the app's root)."""
TITLES = {name: p.title for name, p in zip(PAGE_NAMES, nav.PAGES, strict=True)}
"""Each page's title, as the sidebar link and the page's heading show it."""
MATCH_TEXT = "How the options line up with what matters to you, on a scale"
CHART = '[data-testid="stVegaLiteChart"]'
MATCH_FIGURE = "figure.hfs-match"
"""The fit topic's match chart, drawn as HTML (`charts.match_html`)."""


def open_page(page: Page, base_url: str, name: str, query: str = "") -> None:
    """Go to one page of the app with an optional '?...' query and wait for the run to finish."""
    page.goto(base_url + PAGE_PATHS[name] + query)
    wait_for_app(page)


@contextmanager
def phone(browser: Browser) -> Iterator[Page]:
    """A page in a touch-screen context 390 x 844 px (a phone), closed afterwards."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def by_key(page: Page, key: str) -> Locator:
    """The element of the widget or container created with key=`key`."""
    return page.locator(f".st-key-{key}")


def slider_input(page: Page, key: str) -> Locator:
    """The keyboard target of a slider: a visually hidden input[type=range] (Streamlit 1.67)."""
    return by_key(page, key).locator('input[type="range"]')


def horizontal_overflow(page: Page) -> dict[str, list[int]]:
    """scrollWidth and clientWidth of the document and of the main area (Streamlit scrolls there)."""
    return page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMain"]');
            const doc = document.scrollingElement;
            return {document: [doc.scrollWidth, doc.clientWidth], main: [main.scrollWidth, main.clientWidth]};
        }"""
    )


def wait_for_charts(page: Page, timeout: float = 30_000) -> None:
    """Wait until every chart on the page has drawn its marks (Altair renders SVG here; the
    match chart is HTML, drawn as soon as it is there)."""
    page.wait_for_function(
        """(sel) => {
            const charts = [...document.querySelectorAll(sel)];
            const drawn = (c) => c.matches('figure') || c.querySelector('svg.marks');
            return charts.length > 0 && charts.every(drawn);
        }""",
        arg=f"{CHART}, {MATCH_FIGURE}",
        timeout=timeout,
    )
