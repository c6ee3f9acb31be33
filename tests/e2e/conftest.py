"""Browser tests: system Chromium through pytest-playwright, against a Streamlit server
started once per test session.

Every test in this folder gets the ``e2e`` marker (deselect with ``-m "not e2e"``).
Helpers: ``from .helpers import wait_for_app, expect_no_exception``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from devkit.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium
from devkit.server import ROOT, Server, ServerStartError, start_streamlit

__all__ = ["ROOT", "AppServer"]  # ROOT: the repository, for the tests that read its files
HERE = Path(__file__).resolve().parent
AppServer = Server
"""The session's server (`devkit.server.Server`: url, port, pid, log_path, log())."""
EXPECT_TIMEOUT_MS = 30_000
"""How long an `expect(...)` waits for the page to reach a state. Playwright's own default is
5 s: enough on a quiet machine, not when two busy processes share its 2 cores (a slider move's
rerun then takes seconds). A passing wait returns as soon as the state holds, so this costs
nothing; only a real failure waits it out."""
expect.set_options(timeout=EXPECT_TIMEOUT_MS)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees the whole session's items, so only mark the ones in this folder.
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session", autouse=True)
def _require_chromium() -> None:
    """Browser tests need Debian's Chromium: missing in CI is a failure, locally a skip."""
    require_chromium()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    # Playwright's own browser builds cannot be downloaded here: use the system Chromium.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}}


@pytest.fixture(scope="session")
def app_server(_require_chromium: None) -> Iterator[Server]:
    """``streamlit run streamlit_app.py`` on a free port for the whole session (its log stays in
    a temp dir, small, so a failure can be investigated afterwards)."""
    log_path = Path(tempfile.mkdtemp(prefix="hfs-e2e-")) / "streamlit.log"
    try:
        server = start_streamlit(log_path=log_path)
    except ServerStartError as err:
        pytest.fail(str(err), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Attach the tail of the Streamlit server log to a failed browser test's report."""
    report = yield
    server = getattr(item, "funcargs", {}).get("app_server")
    if report.failed and isinstance(server, Server):
        report.sections.append(("streamlit server log (tail)", server.log()[-5000:]))
    return report
