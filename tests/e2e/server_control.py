"""Extra Streamlit servers for the tests that need their own (privacy, injection, restart):
the same command line as the session's ``app_server`` (conftest.py), with a chosen port,
extra environment variables and an optional wrapper command (strace). Started and stopped by
`devkit.server`, by their own process group only.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from devkit.server import START_TIMEOUT_S, Server, free_port, health_ok, start_streamlit

__all__ = ["Server", "free_port", "health_ok", "start_server", "stop_server"]


def start_server(
    log_path: Path,
    *,
    port: int | None = None,
    env: dict[str, str] | None = None,
    wrapper: Sequence[str] = (),
    timeout_s: float = START_TIMEOUT_S,
) -> Server:
    """Start ``streamlit run streamlit_app.py`` with `env` added to this process's environment
    and wait for its health endpoint (bounded; `devkit.server.ServerStartError` if it fails)."""
    return start_streamlit(
        port=port, env={**os.environ, **(env or {})}, wrapper=wrapper, log_path=log_path, timeout_s=timeout_s
    )


def stop_server(server: Server) -> None:
    """Stop the server's process group (SIGTERM, then SIGKILL) and wait for it."""
    server.stop()
