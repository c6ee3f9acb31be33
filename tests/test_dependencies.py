"""The declared dependencies match the code, and the locks match the declarations.

`requirements.txt` names every package the app imports directly, `requirements-dev.txt` every
package the tests, the benchmarks and `devkit/` add; `requirements.lock` and
`requirements-dev.lock` pin them (with hashes) inside those bounds, and agree with each other.
Packages whose internals the code relies on are bounded below their next minor release.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
FIRST_PARTY = {"decision_aid", "devkit", "tests"}
RUNTIME_CODE = [ROOT / "decision_aid", ROOT / "streamlit_app.py", ROOT / "docker"]
DEV_CODE = [ROOT / "tests", ROOT / "bench", ROOT / "devkit"]
INTERNALS_RELIED_ON = ("streamlit", "fpdf2", "pypdf")
"""decision_aid/ui/chart_cache.py uses Streamlit's Arrow conversion; the PDF, fpdf2's font fields;
the large-print PDF, pypdf's PdfWriter._add_object."""
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*==[^\s\\]+(?:\s*;[^\\]+)?)")


def python_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [f for f in files if ".venv" not in f.parts]


def imported_top_modules(files: list[Path]) -> dict[str, str]:
    """Top-level module -> the first file:line importing it (absolute imports only, anywhere in
    the file: a late import inside a function counts too)."""
    found: dict[str, str] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def third_party(modules: dict[str, str], local: set[str] = frozenset()) -> dict[str, str]:
    return {
        m: where
        for m, where in modules.items()
        if m not in sys.stdlib_module_names and m not in FIRST_PARTY and m not in local
    }


def requirements(path: Path) -> dict[str, Requirement]:
    """The requirements of a requirements file, by canonical name, following `-r` lines."""
    out: dict[str, Requirement] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("-r "):
            out.update(requirements(path.parent / line[3:].strip()))
        elif line:
            req = Requirement(line)
            out[canonicalize_name(req.name)] = req
    return out


@cache
def lock_pins(name: str) -> dict[str, Version]:
    """Pinned versions of a lock file that apply to this interpreter, by canonical name."""
    pins: dict[str, Version] = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if not match:
            continue
        req = Requirement(match.group(1))
        if req.marker is None or req.marker.evaluate():
            (spec,) = req.specifier
            pins[canonicalize_name(req.name)] = Version(spec.version)
    return pins


def undeclared(modules: dict[str, str], declared: set[str]) -> list[str]:
    dists = packages_distributions()
    missing = []
    for module, where in sorted(modules.items()):
        names = {canonicalize_name(d) for d in dists.get(module, [module])}
        if not names & declared:
            missing.append(f"{where}: imports {module} (from {', '.join(sorted(names))}), not declared")
    return missing


def test_the_app_declares_every_package_it_imports():
    declared = set(requirements(ROOT / "requirements.txt"))
    modules = third_party(imported_top_modules(python_files(RUNTIME_CODE)))
    assert {"streamlit", "fpdf", "fontTools", "PIL"} <= set(modules), "the import scan found too little"
    assert undeclared(modules, declared) == []


def test_tests_bench_and_devkit_declare_every_package_they_import():
    declared = set(requirements(ROOT / "requirements-dev.txt"))
    bench_scripts = {p.stem for p in (ROOT / "bench").glob("*.py")}  # `from load import ...`
    modules = third_party(imported_top_modules(python_files(DEV_CODE)), bench_scripts)
    assert {"pytest", "playwright", "pyarrow"} <= set(modules), "the import scan found too little"
    assert undeclared(modules, declared) == []


def test_the_dev_requirements_include_the_runtime_ones():
    assert set(requirements(ROOT / "requirements.txt")) <= set(requirements(ROOT / "requirements-dev.txt"))


@pytest.mark.parametrize(
    ("declared", "lock"),
    [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")],
)
def test_the_lock_pins_every_declared_package_inside_its_bounds(declared, lock):
    pins = lock_pins(lock)
    for name, req in requirements(ROOT / declared).items():
        assert name in pins, f"{name} is declared in {declared} but not pinned in {lock}: run `make lock`"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"{lock} pins {name}=={pins[name]}, outside {declared}'s {req.specifier}: run `make lock`"
        )


def test_the_runtime_and_dev_locks_agree():
    dev = lock_pins("requirements-dev.lock")
    differ = {n: (v, dev.get(n)) for n, v in lock_pins("requirements.lock").items() if dev.get(n) != v}
    assert differ == {}, "the dev lock must hold the runtime lock's versions: run `make lock`"


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_pin_carries_hashes(lock):
    """The Makefile installs with --require-hashes: a pin without a hash would stop it."""
    text = (ROOT / lock).read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert entries and all("--hash=sha256:" in e for e in entries if PIN.match(e))


@pytest.mark.parametrize("name", INTERNALS_RELIED_ON)
def test_packages_whose_internals_are_used_stay_below_their_next_minor(name):
    req = requirements(ROOT / "requirements.txt")[name]
    pinned = lock_pins("requirements.lock")[name]
    next_minor = Version(f"{pinned.major}.{pinned.minor + 1}")
    assert req.specifier.contains(pinned)
    assert not req.specifier.contains(next_minor), f"{name} {req.specifier} lets {next_minor} in"


def test_the_project_installs_its_two_packages_and_reads_requirements_txt():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["build-system"]["build-backend"] == "setuptools.build_meta"
    assert project["project"]["dynamic"] == ["dependencies"]
    setuptools = project["tool"]["setuptools"]
    assert setuptools["dynamic"]["dependencies"]["file"] == ["requirements.txt"]
    assert sorted(setuptools["packages"]["find"]["include"]) == ["decision_aid", "decision_aid.*", "devkit"]


def test_the_makefile_installs_from_the_locks_and_checks_the_format():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = re.findall(r"\$\(PIP\) install ([^\n]+)", makefile)
    assert "-q --require-hashes -r $(RUNTIME_LOCK)" in installs
    assert "-q --require-hashes -r $(DEV_LOCK)" in installs
    assert "-q --no-deps -e ." in installs
    assert not [i for i in installs if "requirements" in i and ".txt" in i], (
        "installs must come from the locks"
    )
    assert re.search(r"^lock:", makefile, re.M), "`make lock` refreshes the locks"
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "ruff check ." in lint and "ruff format --check ." in lint
