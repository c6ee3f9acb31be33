"""Kept so existing `from tests.support import ...` lines keep working: everything here now
lives in `devkit` (installed with the project), which `bench/` imports too. New code should
import from `devkit.browser` and `devkit.server` directly."""

from __future__ import annotations

from devkit.browser import CHROMIUM, CHROMIUM_ARGS, MATCH_WORDS, in_ci, require_chromium
from devkit.server import (
    APP_SCRIPT,
    LOOPBACK,
    ROOT,
    free_port,
    health_ok,
    rss_mb,
    stop_group,
    streamlit_run_command,
)

__all__ = [
    "APP_SCRIPT",
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "LOOPBACK",
    "MATCH_WORDS",
    "ROOT",
    "free_port",
    "health_ok",
    "in_ci",
    "require_chromium",
    "rss_mb",
    "stop_group",
    "streamlit_run_command",
]
