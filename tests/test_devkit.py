"""devkit.server: the one start-up routine the browser tests, the deployment test and bench use.

A stand-in server (a few lines of Python answering Streamlit's health path) keeps these fast:
started and healthy, exited early, or never healthy; each time nothing is left running.
"""

from __future__ import annotations

import socket
import sys

import pytest

from devkit.browser import skip_unless_ci
from devkit.server import ServerStartError, free_port, health_ok, start

FAKE_SERVER = """
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

class Health(BaseHTTPRequestHandler):
    def do_GET(self):
        ok = self.path == "/_stcore/health" and sys.argv[2] == "healthy"
        self.send_response(200 if ok else 503)
        self.end_headers()
        self.wfile.write(b"ok" if ok else b"starting")

    def log_message(self, *args):
        pass

print("listening", flush=True)
HTTPServer(("127.0.0.1", int(sys.argv[1])), Health).serve_forever()
"""


def fake(port: int, state: str) -> list[str]:
    return [sys.executable, "-c", FAKE_SERVER, str(port), state]


def test_start_waits_until_healthy_and_stop_ends_it(tmp_path):
    port = free_port()
    server = start(fake(port, "healthy"), port, log_path=tmp_path / "log")
    try:
        assert server.healthy() and server.url == f"http://127.0.0.1:{port}/"
        assert server.healthy_after_s > 0 and "listening" in server.log()
    finally:
        server.stop()
    assert server.proc.poll() is not None and not health_ok(port)


def test_a_server_that_exits_is_reported_with_its_log(tmp_path):
    port = free_port()
    cmd = [sys.executable, "-c", "import sys; print('bad dataset'); sys.exit(3)"]
    with pytest.raises(ServerStartError, match=r"exited early \(code 3\)") as err:
        start(cmd, port, log_path=tmp_path / "log")
    assert "bad dataset" in str(err.value)


def test_a_server_that_never_gets_healthy_is_stopped(tmp_path):
    port = free_port()
    with pytest.raises(ServerStartError, match="not healthy after 2 s"):
        start(fake(port, "starting"), port, log_path=tmp_path / "log", timeout_s=2, poll_s=0.1)
    assert not health_ok(port) and not _answers(port), "the server was left running"


def _answers(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize(("ci", "skipped"), [("true", False), ("", True), ("false", True)])
def test_a_missing_tool_skips_locally_and_fails_in_ci(monkeypatch, ci, skipped):
    """Tool marks skipped on a missing tool even in CI (pdftoppm, vl-convert), or read `CI=false`
    as CI (the fonts' marks): in CI the test runs, and fails, as a missing Chromium does."""
    monkeypatch.setenv("CI", ci)
    mark = skip_unless_ci(True, "tool missing")
    assert mark.args == (skipped,) and mark.kwargs["reason"] == "tool missing"
    assert skip_unless_ci(False, "present").args == (False,)
