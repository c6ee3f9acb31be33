"""The deployment behind nginx (`make test-deploy`): one stack of nginx and three app servers on
loopback for the whole folder, started once.

The tests that need the running stack run only under `make test-deploy` (it sets
HFS_TEST_DEPLOY=1 and installs Debian's nginx), not in `make test`, which would otherwise start
the stack a second time; the checks of the files themselves (test_files.py) run in both.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import require_chromium

from .stack import Stack, nginx_available, start_stack

DEPLOY_ENV = "HFS_TEST_DEPLOY"


def deploy_run() -> bool:
    return os.environ.get(DEPLOY_ENV, "") == "1"


def require_nginx() -> None:
    """nginx missing: a failure under `make test-deploy` (which installs it), a skip otherwise
    (`make test` runs first in CI, before `make test-deploy` has installed nginx)."""
    if nginx_available():
        return
    message = "nginx not found: run `make nginx` (apt-get install nginx)."
    if deploy_run():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    """nginx (deploy/nginx.conf) in front of three app servers, all on loopback."""
    if not deploy_run():
        pytest.skip(f"runs under `make test-deploy` ({DEPLOY_ENV}=1)")
    require_nginx()
    require_chromium()
    running = start_stack(Path(tempfile.mkdtemp(prefix="hfs-deploy-")), n_apps=3)
    try:
        yield running
    finally:
        running.stop()
    # The logs stay in the temp folder so that a failure can be looked into.


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A failed test's report gets the tail of every log of the stack."""
    report = yield
    running = getattr(item, "funcargs", {}).get("stack")
    if report.failed and isinstance(running, Stack):
        for name, text in running.logs().items():
            report.sections.append((f"{name} (tail)", text[-3000:]))
    return report
