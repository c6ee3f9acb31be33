"""What the browser tests and the benchmarks share: Debian's Chromium and its flags, a free
loopback port, Streamlit's health check, a server's memory, and stopping a server by its own
process group. A plain module, not a conftest, so `bench/` imports it too."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

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
MATCH_WORDS = '[data-testid="stCaptionContainer"]'
"""Where the match chart's figures are in words: the caption printed under the chart (filter by
its first words, `charts.MATCH_TITLE` + ", on a scale"). The load tests compare it with the
engine's own `charts.describe_match` for each session's answers."""
LOOPBACK = "127.0.0.1"
ROOT = Path(__file__).resolve().parent.parent
APP_SCRIPT = "streamlit_app.py"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_chromium() -> None:
    """Browser tests need Debian's Chromium: missing in CI is a failure, locally a skip."""
    if os.access(CHROMIUM, os.X_OK):
        return
    import pytest  # only the tests call this; the benchmarks run without pytest's help

    message = f"{CHROMIUM} not found: run `make browser` (apt-get install chromium fonts-dejavu-core)."
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def free_port(host: str = LOOPBACK) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def health_ok(port: int, host: str = LOOPBACK, timeout: float = 2.0) -> bool:
    """Streamlit's health endpoint answers "ok"."""
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/_stcore/health", timeout=timeout) as resp:
            return resp.status == 200 and resp.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def rss_mb(pid: int | None) -> float | None:
    """VmRSS of a process in MB, from /proc (None when it is gone)."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def streamlit_run_command(port: int, script: str = APP_SCRIPT, host: str = LOOPBACK) -> list[str]:
    """The one command line every test and benchmark server uses, run from the repository root
    (so the app's own .streamlit/config.toml still applies)."""
    venv_streamlit = ROOT / ".venv" / "bin" / "streamlit"
    streamlit = [str(venv_streamlit)] if venv_streamlit.exists() else [sys.executable, "-m", "streamlit"]
    return [
        *streamlit,
        "run",
        script,
        "--server.port",
        str(port),
        "--server.address",
        host,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]


def stop_group(proc: subprocess.Popen | None) -> None:
    """End a server started with ``start_new_session=True``: TERM, then KILL, to its own
    process group only."""
    if proc is None or proc.poll() is not None:
        return
    for sig, wait_s in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait_s)
            return
        except subprocess.TimeoutExpired:
            continue
