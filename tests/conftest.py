"""Test-suite wide settings: quiet Streamlit's bare-mode log noise, Hypothesis profiles.

The project is installed (`pip install -e .`, see the Makefile), so `decision_aid` and `devkit`
import from anywhere; nothing here edits sys.path."""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

from devkit.browser import in_ci
from devkit.server import ROOT


# --- Streamlit log noise ------------------------------------------------------
# Importing/using streamlit outside `streamlit run` (unit tests, AppTest) logs
# "Thread '...': missing ScriptRunContext! This warning can be ignored when running
# in bare mode." many times. A filter (rather than a log level) survives Streamlit
# resetting its loggers' levels when it loads its config.
class _DropMissingScriptRunContext(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "missing ScriptRunContext" not in record.getMessage()


_NOISY_LOGGERS = (
    "streamlit.runtime.scriptrunner_utils.script_run_context",
    "streamlit.runtime.scriptrunner.script_run_context",  # older module path
)
for _name in _NOISY_LOGGERS:
    logging.getLogger(_name).addFilter(_DropMissingScriptRunContext())


# --- Hypothesis -----------------------------------------------------------------
# No per-example deadline anywhere: the CI machine has 2 shared cores and timing-based
# flakiness is worse than a slow example. CI (CI=true) explores more examples.
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=300,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "dev"))


@pytest.fixture(scope="session")
def bench() -> ModuleType:
    """bench/run.py as a module (it is a script, not a package), for the tests of its probe and
    its statistics."""
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
