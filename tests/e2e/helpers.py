"""Helpers for the browser tests (import with ``from .helpers import ...``).

No helper sleeps: every wait is a Playwright auto-retrying wait on a DOM condition.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

# The root element carries the script state (Streamlit 1.67, checked in the real DOM):
#   data-test-script-state = initial | running | rerunRequested | stopRequested
#                            | notRunning | compilationError
#   data-test-connection-state = INITIAL | CONNECTING | CONNECTED | ...
# "initial" lasts until the first run has started, so "notRunning" means a run finished.
APP = '[data-testid="stApp"]'
APP_DONE = (
    f'{APP}[data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"], '
    f'{APP}[data-test-connection-state="CONNECTED"][data-test-script-state="compilationError"]'
)
STATUS_WIDGET = '[data-testid="stStatusWidget"]'
EXCEPTION = '[data-testid="stException"]'

# The first page load after the server starts needs a few seconds (JS chunks + imports).
DEFAULT_TIMEOUT_MS = 30_000


def wait_for_app(page: Page, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """Wait until the app is connected and its script run has finished.

    Use it after ``page.goto``. After an interaction the page may still show the previous
    run's "notRunning" state for a moment before the rerun starts, so then wait for the
    expected change itself (``expect(locator).to_have_text(...)``), optionally followed by
    this call.
    """
    page.locator(APP).wait_for(state="attached", timeout=timeout)
    page.locator(APP_DONE).wait_for(state="attached", timeout=timeout)
    # The "Running..." indicator goes away when the run is over.
    page.locator(STATUS_WIDGET).wait_for(state="detached", timeout=timeout)


def expect_no_exception(page: Page) -> None:
    """Assert that the page shows no Streamlit exception box."""
    expect(page.locator(EXCEPTION)).to_have_count(0)
