"""Page helpers for the accessibility, readability, privacy, injection, load and restart tests.

``wait_for_app`` (helpers.py) returns when the script run is over, but on the first use of a
widget type in a browser Streamlit still shows a grey placeholder (``stSkeleton``) while that
widget's JavaScript chunk loads: a test that reads the page at that moment misses every radio,
checkbox and slider on it. ``wait_rendered`` also waits for those placeholders to go.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .helpers import DEFAULT_TIMEOUT_MS, wait_for_app
from .ui_helpers import PAGE_PATHS

SKELETON = '[data-testid="stSkeleton"]'
COLLAPSED = '[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary'
MAX_EXPANDERS = 40


def wait_rendered(page: Page, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """The run is over and every element on the page is drawn (no loading placeholder left)."""
    wait_for_app(page, timeout)
    expect(page.locator(SKELETON)).to_have_count(0, timeout=timeout)


def open_rendered(page: Page, base_url: str, name: str, query: str = "") -> None:
    """Go to one page of the app (optionally with a '?...' query); wait until it is fully drawn."""
    page.goto(base_url + PAGE_PATHS[name] + query)
    wait_rendered(page)


def open_expanders(page: Page) -> None:
    """Open every collapsed expander in the main area (bounded), each waited for, then settle."""
    for _ in range(MAX_EXPANDERS):
        collapsed = page.locator(COLLAPSED)
        count = collapsed.count()
        if count == 0:
            wait_rendered(page)
            return
        collapsed.first.click()
        expect(page.locator(COLLAPSED)).to_have_count(count - 1)
    pytest.fail(f"more than {MAX_EXPANDERS} expanders on one page")
