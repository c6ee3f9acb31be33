"""Start, check and stop a Streamlit server: the one routine the browser tests, the deployment
test and the benchmarks all use.

A server runs in its own process group (``start_new_session=True``) and is stopped by that
group's id only, so stopping it never touches another process. Every wait is bounded.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

LOOPBACK = "127.0.0.1"
ROOT = Path(__file__).resolve().parent.parent
"""The repository (the project is installed editable, so this is the source tree)."""
APP_SCRIPT = "streamlit_app.py"
START_TIMEOUT_S = 60.0
LOG_TAIL_CHARS = 3000


class ServerStartError(RuntimeError):
    """The server exited or did not answer its health check in time; the message has its log."""


def free_port(host: str = LOOPBACK) -> int:
    """A port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def url_healthy(base_url: str, timeout: float = 2.0) -> bool:
    """Streamlit's health endpoint under `base_url` (ending in "/") answers "ok"."""
    try:
        with urllib.request.urlopen(base_url + "_stcore/health", timeout=timeout) as resp:
            return resp.status == 200 and resp.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def health_ok(port: int, host: str = LOOPBACK, timeout: float = 2.0) -> bool:
    """The server on `host`:`port` answers its health check."""
    return url_healthy(f"http://{host}:{port}/", timeout)


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
    (so the app's own .streamlit/config.toml still applies), with the caller's interpreter."""
    return [
        sys.executable,
        "-m",
        "streamlit",
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


@dataclass
class Server:
    """A running server: its process, address and log file (None: output discarded)."""

    proc: subprocess.Popen
    port: int
    host: str = LOOPBACK
    log_path: Path | None = None
    launched_at: float = 0.0
    """`time.perf_counter()` just before the launch (the benchmarks time start-up from it)."""
    healthy_after_s: float = 0.0
    """Seconds from the launch to the first healthy answer."""

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log(self) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")

    def healthy(self) -> bool:
        return health_ok(self.port, self.host)

    def stop(self) -> None:
        stop_group(self.proc)


def start(
    cmd: Sequence[str],
    port: int,
    *,
    host: str = LOOPBACK,
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
    log_path: Path | None = None,
    timeout_s: float = START_TIMEOUT_S,
    poll_s: float = 0.2,
) -> Server:
    """Launch `cmd` (a server that will listen on `host`:`port`) in its own process group and
    wait until its health check answers. If it exits or stays silent past `timeout_s`, it is
    stopped and `ServerStartError` names why, with the tail of its log."""
    out = open(log_path, "ab") if log_path is not None else subprocess.DEVNULL  # noqa: SIM115
    try:
        launched_at = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            cwd=cwd,
            env=dict(os.environ if env is None else env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    finally:
        if log_path is not None:
            out.close()
    server = Server(proc=proc, port=port, host=host, log_path=log_path, launched_at=launched_at)
    try:
        _wait_healthy(server, cmd, timeout_s, poll_s)
    except BaseException:  # a failed start, and also Ctrl-C or a signal while waiting
        server.stop()
        raise
    server.healthy_after_s = time.perf_counter() - launched_at
    return server


def _wait_healthy(server: Server, cmd: Sequence[str], timeout_s: float, poll_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not server.healthy():
        if server.proc.poll() is not None:
            why = f"exited early (code {server.proc.returncode})"
        elif time.monotonic() > deadline:
            why = f"not healthy after {timeout_s:.0f} s"
        else:
            time.sleep(poll_s)  # polling the server process, not a page
            continue
        server.stop()
        log = server.log_path
        where = f"log {log}:\n{server.log()[-LOG_TAIL_CHARS:]}" if log else "no log kept"
        raise ServerStartError(f"{' '.join(cmd[:4])} ... on {server.host}:{server.port} {why}; {where}")


def start_streamlit(
    *,
    port: int | None = None,
    script: str = APP_SCRIPT,
    host: str = LOOPBACK,
    env: Mapping[str, str] | None = None,
    wrapper: Sequence[str] = (),
    log_path: Path | None = None,
    timeout_s: float = START_TIMEOUT_S,
    poll_s: float = 0.2,
) -> Server:
    """`streamlit run script` from the repository root on a free (or the given) port, optionally
    under a `wrapper` command such as strace; see `start`."""
    port = port or free_port(host)
    cmd = [*wrapper, *streamlit_run_command(port, script, host)]
    return start(cmd, port, host=host, env=env, log_path=log_path, timeout_s=timeout_s, poll_s=poll_s)
