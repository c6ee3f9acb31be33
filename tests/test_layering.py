"""Architecture and configuration guards.

* Only ``decision_aid/ui/`` may import Streamlit: the domain code (evidence, scoring,
  profiles, PDF, ...) must stay testable and reusable without a Streamlit runtime.
* ``.streamlit/config.toml`` keeps the privacy/safety settings the app relies on.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "decision_aid"
UI = PACKAGE / "ui"
CONFIG = ROOT / ".streamlit" / "config.toml"


def _is_streamlit(module: str | None) -> bool:
    return module is not None and (module == "streamlit" or module.startswith("streamlit."))


def streamlit_imports(source: str, filename: str = "<string>") -> list[tuple[int, str]]:
    """(line, description) of every Streamlit import in *source*, found with ast."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, f"import {a.name}") for a in node.names if _is_streamlit(a.name)]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and _is_streamlit(node.module):
                found.append((node.lineno, f"from {node.module} import ..."))
        elif isinstance(node, ast.Call) and node.args:
            # importlib.import_module("streamlit") / __import__("streamlit")
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if (
                name in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and _is_streamlit(first.value)
            ):
                found.append((node.lineno, f"{name}({first.value!r})"))
    return found


def _domain_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if UI not in p.parents and ".venv" not in p.parts)


def test_detector_finds_every_import_form() -> None:
    src = (
        "import os, streamlit as st\n"
        "from streamlit.testing.v1 import AppTest\n"
        "import importlib\n"
        "importlib.import_module('streamlit')\n"
        "from . import streamlit_helpers\n"  # relative: a sibling module, not Streamlit
        "import streamlit_extras_not_streamlit\n"
    )
    assert [line for line, _ in streamlit_imports(src)] == [1, 2, 4]


def test_domain_code_does_not_import_streamlit() -> None:
    if not PACKAGE.is_dir():
        pytest.fail(f"{PACKAGE} is missing")
    files = _domain_files()
    assert files, f"no Python files found under {PACKAGE}"
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in files
        for line, what in streamlit_imports(path.read_text(encoding="utf-8"), str(path))
    ]
    assert not offenders, "only decision_aid/ui/ may import streamlit:\n" + "\n".join(offenders)


def test_streamlit_config_keeps_privacy_and_safety_settings() -> None:
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config.get("browser", {}).get("gatherUsageStats") is False, "telemetry must be off"
    assert config.get("client", {}).get("showErrorDetails") == "none", "no tracebacks for users"
    address = config.get("server", {}).get("address")
    assert isinstance(address, str) and address, "server.address must be set (skips external-IP lookup)"


def test_streamlit_config_keeps_the_light_theme() -> None:
    """The charts' words are dark, for a white page: Streamlit follows a device's dark mode
    unless told (tests/e2e/test_accessibility.py checks the contrast in a dark-mode browser)."""
    theme = tomllib.loads(CONFIG.read_text(encoding="utf-8")).get("theme", {})
    assert theme.get("base") == "light"


def test_streamlit_config_keeps_the_speed_settings() -> None:
    """Measured in `make bench` (README, Performance): each one costs every rerun."""
    runner = tomllib.loads(CONFIG.read_text(encoding="utf-8")).get("runner", {})
    assert runner.get("magicEnabled") is False, "magic rewrites each page's syntax tree on compile"
    assert runner.get("postScriptGC") is False, "a full gc.collect after every run: 25-55 ms of CPU"


SLOW_HEADINGS = ("title", "header", "subheader")


def slow_heading_calls(source: str, filename: str = "<string>") -> list[tuple[int, str]]:
    """(line, call) of every ``st.title``/``st.header``/``st.subheader`` (or ``x.header``) call."""
    return [
        (node.lineno, f"{ast.unparse(node.func)}(...)")
        for node in ast.walk(ast.parse(source, filename=filename))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in SLOW_HEADINGS
        and node.args  # the heading's text; str.title() takes none
    ]


def test_detector_finds_heading_calls() -> None:
    found = slow_heading_calls("st.title('a')\ncol.subheader('b')\nst.markdown('## c')\n'x'.title()\n")
    assert [line for line, _ in found] == [1, 2]


def test_the_app_draws_headings_as_markdown() -> None:
    """Every heading goes through ``components.heading``: Streamlit redraws the whole page on each
    update, and its heading elements cost the browser about 0.8 ms each time against almost
    nothing for the same heading in Markdown (README, Performance)."""
    files = [ROOT / "streamlit_app.py", *sorted(UI.rglob("*.py"))]
    found = [
        f"{path.relative_to(ROOT)}:{line}: {call}"
        for path in files
        for line, call in slow_heading_calls(path.read_text(encoding="utf-8"), str(path))
    ]
    assert not found, "use components.heading instead:\n" + "\n".join(found)


def script_calls(source: str, filename: str = "<string>") -> list[tuple[int, str]]:
    """(line, call) of every call that passes ``unsafe_allow_javascript`` (st.html running a script)."""
    return [
        (node.lineno, ast.unparse(node.func))
        for node in ast.walk(ast.parse(source, filename=filename))
        if isinstance(node, ast.Call) and any(k.arg == "unsafe_allow_javascript" for k in node.keywords)
    ]


def test_detector_finds_script_calls() -> None:
    found = script_calls("st.html('a')\nst.html(b, unsafe_allow_javascript=True)\n")
    assert found == [(2, "st.html")]


def _functions_running_scripts(path: Path) -> list[str]:
    """ "file:function" for each function (or "file:<module>") that calls a script."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and script_calls(ast.unparse(node)):
            found.append(f"{path.relative_to(ROOT)}:{node.name}")
    top = [n for n in tree.body if not isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    if any(script_calls(ast.unparse(n)) for n in top):
        found.append(f"{path.relative_to(ROOT)}:<module>")
    return found


def test_two_places_run_a_script_in_the_page() -> None:
    """Only ``components.start_at_top`` and ``components.fixed_scripts`` run scripts, each a
    fixed one that carries no answer: text from a link or the dataset never reaches a script
    (test_injection.py checks the page)."""
    files = [ROOT / "streamlit_app.py", *sorted(UI.rglob("*.py"))]
    found = sorted(name for path in files for name in _functions_running_scripts(path))
    assert found == [
        "decision_aid/ui/components.py:fixed_scripts",
        "decision_aid/ui/components.py:start_at_top",
    ]


# --- The project is installed, so imports need no path hacks ----------------------------

CODE_DIRS = ("decision_aid", "devkit", "tests", "bench", "docker")


def _project_files() -> list[Path]:
    files = [ROOT / "streamlit_app.py"]
    for name in CODE_DIRS:
        files += sorted((ROOT / name).rglob("*.py"))
    return [f for f in files if ".venv" not in f.parts]


def sys_path_edits(source: str, filename: str = "<string>") -> list[tuple[int, str]]:
    """(line, code) of every change to sys.path: a call of one of its list methods, an
    assignment to it or to an item of it, or site.addsitedir."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = ast.unparse(node.func.value)
            if (target == "sys.path" and node.func.attr != "index") or node.func.attr == "addsitedir":
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if ast.unparse(t.value if isinstance(t, ast.Subscript) else t) == "sys.path":
                    found.append((node.lineno, ast.unparse(node)))
    return found


def test_detector_finds_every_sys_path_edit() -> None:
    src = (
        "import sys, site\n"
        "sys.path.insert(0, 'x')\n"
        "sys.path.append('x')\n"
        "sys.path[:0] = ['x']\n"
        "sys.path = ['x']\n"
        "sys.path += ['x']\n"
        "site.addsitedir('x')\n"
        "print(sys.path, 'x' in sys.path)\n"
    )
    assert sorted(line for line, _ in sys_path_edits(src)) == [2, 3, 4, 5, 6, 7]


def test_no_file_edits_sys_path() -> None:
    """`pip install -e .` (the Makefile) makes `decision_aid` and `devkit` importable everywhere."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {code}"
        for path in _project_files()
        for line, code in sys_path_edits(path.read_text(encoding="utf-8"), str(path))
    ]
    assert not found, "install the project instead of editing sys.path:\n" + "\n".join(found)


def _imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("decision_aid", {"tests", "devkit", "bench"}),  # the app ships without the dev kit
        ("devkit", {"tests", "decision_aid", "bench"}),  # the dev kit knows servers, not the app
        ("bench", {"tests"}),  # the benchmarks share devkit with the tests, not the tests
    ],
)
def test_imports_run_one_way(folder: str, forbidden: set[str]) -> None:
    found = [
        f"{path.relative_to(ROOT)} imports {', '.join(sorted(hits))}"
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (hits := _imports_of(path) & forbidden)
    ]
    assert not found, "\n".join(found)


def test_no_test_parametrizes_a_name_of_pytest_playwright_fixture() -> None:
    """A parameter called `page` (or `browser`, `context`) hides pytest-playwright's fixture of that
    name and quietly makes the test run once per browser ("[chromium-about]")."""
    reserved = {"page", "browser", "context", "browser_name"}
    found = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if (
                isinstance(node, ast.Call)
                and ast.unparse(node.func).endswith("parametrize")
                and node.args
                and isinstance(node.args[0], ast.Constant | ast.Tuple | ast.List)
            ):
                first = node.args[0]
                names = (
                    [n.strip() for n in first.value.split(",")]
                    if isinstance(first, ast.Constant)
                    else [e.value for e in first.elts if isinstance(e, ast.Constant)]
                )
                found += [f"{path.relative_to(ROOT)}:{node.lineno}: {n}" for n in names if n in reserved]
    assert not found, "\n".join(found)


MAX_MODULE_LINES = 600


def test_no_module_in_the_package_is_over_600_lines():
    """Each room small enough to hold in one's head (issue 13): split a module that grows past this."""
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}, f"modules over {MAX_MODULE_LINES} lines: {long}"
