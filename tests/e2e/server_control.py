"""Extra Streamlit servers for the tests that need their own (privacy, injection, restart):
the same command line as the session's ``app_server`` (conftest.py), with a chosen port,
extra environment variables and an optional wrapper command (strace).

Servers run in their own process group and are stopped by that group's id only.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.support import free_port, health_ok, stop_group

from .conftest import ROOT, SERVER_START_TIMEOUT_S, streamlit_run_command


@dataclass
class Server:
    port: int
    proc: subprocess.Popen
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def start_server(
    log_path: Path,
    *,
    port: int | None = None,
    env: dict[str, str] | None = None,
    wrapper: Sequence[str] = (),
    timeout_s: float = SERVER_START_TIMEOUT_S,
) -> Server:
    """Start ``streamlit run streamlit_app.py`` and wait for its health endpoint (bounded)."""
    port = port or free_port()
    cmd = [*wrapper, *streamlit_run_command(port)]
    with open(log_path, "ab") as log_file:
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(port=port, proc=proc, log_path=log_path)
    deadline = time.monotonic() + timeout_s
    while not health_ok(port):
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_server(server)
            msg = f"streamlit on port {port} did not become healthy; log {log_path}:\n{server.log()[-3000:]}"
            raise RuntimeError(msg)
        time.sleep(0.2)  # polling the server process, not a page
    return server


def stop_server(server: Server) -> None:
    """Stop the server's process group (SIGTERM, then SIGKILL) and wait for it."""
    stop_group(server.proc)
