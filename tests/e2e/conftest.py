"""Browser tests: system Chromium through pytest-playwright, against a Streamlit server
started once per test session.

Every test in this folder gets the ``e2e`` marker (deselect with ``-m "not e2e"``).
Helpers: ``from .helpers import wait_for_app, expect_no_exception``.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    health_ok,
    require_chromium,
    stop_group,
    streamlit_run_command,
)

ROOT = Path(__file__).resolve().parents[2]
SERVER_START_TIMEOUT_S = 60.0
HERE = Path(__file__).resolve().parent
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


@dataclass(frozen=True)
class AppServer:
    url: str  # e.g. "http://127.0.0.1:41234/"
    port: int
    pid: int
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@pytest.fixture(scope="session")
def app_server(_require_chromium: None) -> Iterator[AppServer]:
    """Start ``streamlit run streamlit_app.py`` on a free port; yield its URL, PID and log file."""
    port = free_port()
    log_dir = Path(tempfile.mkdtemp(prefix="hfs-e2e-"))
    log_path = log_dir / "streamlit.log"
    cmd = streamlit_run_command(port)
    with open(log_path, "wb") as log_file:
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,  # .streamlit/config.toml is read from the working directory
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not health_ok(port):
            if proc.poll() is not None:
                pytest.fail(
                    f"streamlit exited early (code {proc.returncode}); log {log_path}:\n"
                    f"{log_path.read_text(errors='replace')}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"streamlit not healthy after {SERVER_START_TIMEOUT_S:.0f} s; log {log_path}:\n"
                    f"{log_path.read_text(errors='replace')}",
                    pytrace=False,
                )
            time.sleep(0.2)  # polling the server process, not the page
        yield AppServer(url=f"http://127.0.0.1:{port}/", port=port, pid=proc.pid, log_path=log_path)
    finally:
        stop_group(proc)
    # The log stays in its temp dir (small) so a failure can be investigated afterwards.


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Attach the tail of the Streamlit server log to a failed browser test's report."""
    report = yield
    server = getattr(item, "funcargs", {}).get("app_server")
    if report.failed and isinstance(server, AppServer) and server.log_path.exists():
        report.sections.append(("streamlit server log (tail)", server.log()[-5000:]))
    return report
