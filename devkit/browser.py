"""Debian's Chromium as the browser tests and the benchmarks drive it, and the selectors both read."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only the tests use pytest; the benchmarks run without it
    import pytest

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium: Playwright's own browser builds cannot be downloaded here."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MATCH_WORDS = '[data-testid="stExpander"] [data-testid="stMarkdownContainer"]'
"""Where the match chart's figures are in words: under the chart, in the closed "This picture in
words" expander (in the page, not shown until opened; filter by its first words,
`charts.MATCH_TITLE` + ", on a scale"). The load tests compare it with the engine's own
`charts.describe_match` for each session's answers."""


def in_ci() -> bool:
    """CI sets CI=true: there a missing tool fails a test instead of skipping it."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_unless_ci(missing: bool, reason: str) -> pytest.MarkDecorator:
    """Mark a test that needs a tool: skipped where the tool is missing, but run in CI (and so
    failing there), where `make browser` installs every tool and a skip would hide a broken set-up."""
    import pytest  # only the tests call this; the benchmarks run without pytest's help

    return pytest.mark.skipif(missing and not in_ci(), reason=reason)


def require_chromium() -> None:
    """Browser tests need Debian's Chromium: missing in CI is a failure, locally a skip."""
    if os.access(CHROMIUM, os.X_OK):
        return
    import pytest  # only the tests call this; the benchmarks run without pytest's help

    message = f"{CHROMIUM} not found: run `make browser` (apt-get install chromium fonts-dejavu-core)."
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
