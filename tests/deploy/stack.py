"""nginx with deploy/nginx.conf in front of several app servers, all on loopback.

The proxy's prefix directory gets deploy/nginx.conf and deploy/security-headers.conf byte for
byte (the files compose.yaml uses), app-servers.conf written by deploy/app_servers.py for the
loopback ports, and a listen.conf on a free loopback port. Every process runs in its own
process group and is stopped by that group's id only; every wait is bounded.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from tests.support import LOOPBACK, ROOT, free_port, health_ok, stop_group, streamlit_run_command

DEPLOY = ROOT / "deploy"
SHARED_FILES = ("nginx.conf", "security-headers.conf")
"""Copied unchanged from deploy/: the configuration under test is the one that ships."""
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
START_TIMEOUT_S = 90.0
POLL_FOR_AT_MOST_S = 600.0
"""A poller stops by itself after ten minutes, far beyond any test's own waits."""
HEALTH_TIMEOUT_S = 20.0
"""A slow answer on a busy machine is still an answer; none is a failure."""


def app_servers_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hfs_app_servers", DEPLOY / "app_servers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wait(
    ok: Callable[[], bool],
    what: str,
    timeout_s: float,
    proc: subprocess.Popen | None = None,
    log: Path | None = None,
) -> None:
    """Poll `ok` until it holds (bounded); fail early when the process it waits for exits."""
    deadline = time.monotonic() + timeout_s
    while not ok():
        if proc is not None and proc.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise RuntimeError(f"{what}: the process exited ({proc.returncode}):\n{tail}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: not ready after {timeout_s:.0f} s")
        time.sleep(0.2)  # polling a process's port, not a page


@dataclass
class AppServer:
    port: int
    log_path: Path
    proc: subprocess.Popen | None = None

    @property
    def address(self) -> str:
        return f"{LOOPBACK}:{self.port}"

    def start(self) -> None:
        """Start `streamlit run` on this server's port (the tests' one command line)."""
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                streamlit_run_command(self.port),
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_healthy(self) -> None:
        what = f"app server {self.address}"
        _wait(lambda: health_ok(self.port), what, START_TIMEOUT_S, self.proc, self.log_path)

    def stop(self) -> None:
        stop_group(self.proc)
        if self.proc is not None:
            assert self.proc.poll() is not None, f"app server {self.address} still runs"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@dataclass
class Stack:
    prefix: Path
    apps: list[AppServer]
    port: int = 0
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/"

    @property
    def access_log(self) -> Path:
        """nginx's access log (deploy/nginx.conf's `access_log`): what it answered, and from
        which app server."""
        return self.prefix / "logs" / "access.log"

    def write_config(self) -> None:
        for name in SHARED_FILES:
            shutil.copyfile(DEPLOY / name, self.prefix / name)
        servers = [a.address for a in self.apps]
        (self.prefix / "app-servers.conf").write_text(app_servers_module().render(servers), encoding="utf-8")
        (self.prefix / "listen.conf").write_text(f"listen {LOOPBACK}:{self.port};\n", encoding="utf-8")
        for sub in ("logs", "temp"):
            (self.prefix / sub).mkdir(exist_ok=True)

    def nginx_command(self, *extra: str) -> list[str]:
        return [
            NGINX,
            "-p",
            f"{self.prefix}/",
            "-c",
            str(self.prefix / "nginx.conf"),
            "-e",
            str(self.prefix / "logs" / "startup.log"),
            *extra,
        ]

    def start_proxy(self) -> None:
        check = subprocess.run(self.nginx_command("-t", "-q"), capture_output=True, text=True, timeout=30)
        if check.returncode != 0:
            raise RuntimeError(f"nginx -t failed:\n{check.stderr}")
        log = self.prefix / "logs" / "nginx-console.log"
        with open(log, "ab") as out:
            self.proc = subprocess.Popen(
                self.nginx_command("-g", "daemon off;"),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        _wait(lambda: get(self.url + "_stcore/health")[0] == 200, "nginx", 30, self.proc, log)

    def stop(self) -> None:
        stop_group(self.proc)
        for app in self.apps:
            app.stop()

    def wait_in_rotation(self, app: AppServer, timeout_s: float = 60.0) -> None:
        """Wait until the proxy sends requests to `app` again, in both pools it is in: its own
        (a request with its route cookie) and hfs_any (a request without one, which the health
        check and a first visit use). After a restart nginx skips a server that refused a
        connection for fail_timeout, in each pool separately; stopping the next server before
        then can leave every server of hfs_any marked down, and health answers 502."""
        route = app_servers_module().route_name(self.apps.index(app))
        _wait(
            lambda: self._answered_by(app, {"Cookie": f"hfs_route={route}"}),
            f"app server {app.address} back in its own pool",
            timeout_s,
        )
        _wait(lambda: self._answered_by(app, {}), f"app server {app.address} back in hfs_any", timeout_s)

    def _answered_by(self, app: AppServer, headers: dict[str, str]) -> bool:
        """One request through the proxy, answered by `app`, as its line in the access log
        shows (a path of its own, so that no other request's line can pass for it; Streamlit
        answers any unknown path with its page). nginx writes the line once the answer has gone,
        so the log is read on from where it ended before the request, for a little while; a
        line that has not come by then counts as not answered, and the caller asks again."""
        log = self.access_log
        before = log.stat().st_size
        path = f"rotation-probe-{uuid.uuid4().hex}"
        if get(self.url + path, headers=headers)[0] != 200:
            return False
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline:
            with open(log, "rb") as f:
                f.seek(before)
                new = f.read().decode(errors="replace")
            line = next((x for x in new.splitlines() if f'"GET /{path}"' in x), None)
            if line is not None:
                return line.endswith(f'upstream="{app.address}" upstream_status="200"')
            time.sleep(0.05)  # polling a file nginx is about to append to, not a page
        return False

    def logs(self) -> dict[str, str]:
        """Every log the stack wrote: nginx's and each app server's."""
        out = {p.name: p.read_text(errors="replace") for p in sorted((self.prefix / "logs").glob("*"))}
        out.update({a.log_path.name: a.log() for a in self.apps})
        return out


def get(
    url: str, timeout: float = 5.0, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of a GET, with any extra request `headers`;
    (0, {}, b"") when nothing answers."""
    request = urllib.request.Request(url, headers={"User-Agent": "hfs-deploy-test", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()
    except (urllib.error.URLError, OSError):
        return 0, {}, b""


@dataclass
class Poller:
    """One URL through the proxy, every `every_s`, from a thread (bounded): counts the answers it
    wants (status 200 and, unless `want_body` is None, that body) and keeps every other one."""

    url: str
    every_s: float
    headers: dict[str, str] = field(default_factory=dict)
    want_body: bytes | None = b"ok"
    ok: int = 0
    failures: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        for _ in range(int(POLL_FOR_AT_MOST_S / self.every_s)):
            status, _, body = get(self.url, timeout=HEALTH_TIMEOUT_S, headers=self.headers)
            if status == 200 and (self.want_body is None or body.strip() == self.want_body):
                self.ok += 1
            else:
                self.failures.append(f"{status} {body[:60]!r}")
            if self._stop.wait(self.every_s):
                return

    def stop(self) -> None:
        self._stop.set()


def start_stack(prefix: Path, n_apps: int = 3) -> Stack:
    """n app servers (started together, then waited for) and nginx in front of them."""
    prefix.mkdir(parents=True, exist_ok=True)
    apps = [AppServer(port=free_port(), log_path=prefix / f"app{i + 1}.log") for i in range(n_apps)]
    stack = Stack(prefix=prefix, apps=apps, port=free_port())
    try:
        for app in apps:
            app.start()
        for app in apps:
            app.wait_healthy()
        stack.write_config()
        stack.start_proxy()
    except BaseException:
        stack.stop()
        raise
    return stack


def nginx_available() -> bool:
    return os.access(NGINX, os.X_OK)
