"""The README is tested against the code, so it cannot drift (Datasette's habit)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from decision_aid.profile import CHOICES, PARAMS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", PARAMS)
def test_every_query_parameter_is_documented(name):
    assert f"`{name}`" in README


@pytest.mark.parametrize("name", [n for n in CHOICES if not n.startswith("sure_")])
def test_every_allowed_choice_is_documented(name):
    row = next(line for line in README.splitlines() if line.startswith(f"| `{name}` "))
    for value in CHOICES[name]:
        if value:  # "" (not said) is the row's default, "empty"
            assert f"`{value}`" in row, (name, value)


@pytest.mark.parametrize("name", [n for n in CHOICES if not n.startswith("sure_")])
def test_every_choice_documents_its_default(name):
    """The table's last column is the value a link without the parameter means (it said `no` for
    `pregnant` after the question started unanswered)."""
    row = next(line for line in README.splitlines() if line.startswith(f"| `{name}` "))
    default_cell = row.rstrip(" |").rsplit("|", 1)[1].strip()
    default = CHOICES[name][0]
    assert default_cell == f"`{default}`" if default else default_cell.startswith("empty"), (
        name,
        default_cell,
    )


def test_readme_gives_the_two_commands():
    assert "make run" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_cli_examples_in_readme_run():
    """Each compare/check example in the README's Command line section exits 0 as written
    (summary and review are tested elsewhere; the deployment section names a clinic's own file)."""
    section = README.split("## Command line", 1)[1].split("\n## ", 1)[0]
    examples = re.findall(r"^\.venv/bin/python -m decision_aid (.+?)(?:\s+#.*)?$", section, re.M)
    runnable = [e for e in examples if not e.startswith(("summary", "review")) and "[PATH]" not in e]
    assert len(runnable) >= 2
    for example in runnable:
        out = subprocess.run(
            [sys.executable, "-m", "decision_aid", *shlex.split(example)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 0, (example, out.stderr)


def test_every_make_target_the_readme_names_exists():
    """`make X` in the prose or at the start of a line of a command block."""
    named = set(re.findall(r"(?:`|^)make ([a-z][a-z-]*)", README, re.M))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    assert {"run", "test"} <= named
    assert named <= targets, f"the README names make targets the Makefile lacks: {sorted(named - targets)}"


def test_the_code_layout_names_every_module():
    """A newcomer finds each module in one hop: README's "Code layout" names every one."""
    layout = README.split("## Code layout", 1)[1].split("\n## ", 1)[0]
    package = ROOT / "decision_aid"
    modules = sorted(
        p for p in package.rglob("*.py") if p.name != "__init__.py" and "__pycache__" not in p.parts
    )
    missing = [str(p.relative_to(ROOT)) for p in modules if not re.search(rf"\b{p.stem}\b", layout)]
    assert not missing, f"README's Code layout does not name: {missing}"
