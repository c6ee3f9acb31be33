"""Every word a patient or clinician reads has one home: `decision_aid/words/`, through `_()`.

These tests read the source, as a translator's tool would:
- outside the home, no string literal reads as words (docstrings, log lines and the dataset
  maintainer's own error messages excepted, each listed below with its reason);
- inside the home, every such literal is inside `_()` or `ngettext()`, as a plain literal that
  Babel can extract, and `_()` is called nowhere else;
- each sentence is written once, so a change to it is made in one place;
- the catalogue template `decision_aid/locale/decision_aid.pot` lists exactly the sentences in
  the code (`make messages` rewrites it).
`tests/test_i18n.py` then shows a catalogue really changes what the app, PDF and CLI print.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

PACKAGE = Path(__file__).resolve().parents[2] / "decision_aid"
HOME = PACKAGE / "words"
POT = PACKAGE / "locale" / "decision_aid.pot"
KEYWORDS = {"_": (0,), "ngettext": (0, 1)}
"""The lookup functions and which of their arguments are source sentences."""

NO_READER_WORDS = {
    "i18n.py": "the lookup itself; its warning is for whoever deploys the app",
    "lru.py": "a cache",
    "report/fontcache.py": "font loading, no text",
    "ui/chart_cache.py": "a cache",
    "schema.py": "the dataset's schema: field descriptions and checks for its maintainer",
    "evidence.py": "loads the dataset; its messages go to the maintainer (`check`), never a patient",
}
"""Modules that hold no words for readers at all: skipped whole."""

MAINTAINER_ERRORS = {"report/fonts.py"}
"""Modules whose raised errors go to whoever deploys the app (the server log at start-up), never
to a patient: `raise` messages there may be English-only. Every other module's errors can reach a
reader and must come from the home."""

NAMES = {
    "Noto Sans CJK SC": "a font's family name, which fpdf2 looks up",
    "Letter": "fpdf2's name for the US paper size (the reader sees the home's label)",
}
"""Literals that look like words but are names a library needs, exactly as written."""

TAG = re.compile(r"<[^>]*>")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
WORD = re.compile(r"^[(\"']*[A-Za-z][a-z]+(?:'[a-z]+)?[)\"',.:;!?]*$")


def reads_as_words(text: str) -> bool:
    """Two or more plain words, or one capitalised word ('Back', 'Yes'), once markup and
    placeholders are set aside; identifiers, field names, CSS and Vega-Lite types are not."""
    bare = PLACEHOLDER.sub(" ", TAG.sub(" ", text))
    words = [w.strip("_") for w in re.sub(r"[*`#|]", " ", bare).split()]
    words = [w for w in words if WORD.match(w)]
    return len(words) >= 2 or (len(words) == 1 and words[0].strip("(\"'")[0].isupper() and " " not in text)


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _is_lookup(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS


def _exempt_nodes(tree: ast.Module, rel: str) -> set[int]:
    """ids of the string nodes this module may hold: docstrings, log and warning lines, and the
    maintainer's errors where listed."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            # A docstring, and a bare string right after an assignment (an attribute docstring).
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    exempt.add(id(stmt.value))
        log_call = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and (
                node.func.attr in {"debug", "info", "warning", "error", "exception", "warn"}
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in {"log", "logger", "logging", "LOG", "warnings"}
            )
        )
        maintainer_error = isinstance(node, ast.Raise) and rel in MAINTAINER_ERRORS
        # Compared, never shown (`category in ("Cc", "Cf")`); names exported in `__all__`.
        compared = isinstance(node, ast.Compare)
        exported = isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        )
        if log_call or maintainer_error or compared or exported:
            exempt.update(id(n) for n in ast.walk(node))
    return exempt


def _strings(node: ast.AST) -> list[ast.Constant]:
    return [n for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _findings() -> tuple[list[str], list[str], dict[str, list[str]]]:
    """(words outside the home, unwrapped words in the home, each sentence's places)."""
    outside: list[str] = []
    unwrapped: list[str] = []
    places: dict[str, list[str]] = defaultdict(list)
    for path in _modules():
        rel = _rel(path)
        if rel in NO_READER_WORDS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        exempt = _exempt_nodes(tree, rel)
        in_home = path.is_relative_to(HOME)
        wrapped: set[int] = set()
        for node in ast.walk(tree):
            if not _is_lookup(node):
                continue
            where = f"{rel}:{node.lineno}"
            if not in_home:
                outside.append(f"{where}: {node.func.id}() is called outside decision_aid/words/")
            for i in KEYWORDS[node.func.id]:
                arg = node.args[i] if i < len(node.args) else None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    places[arg.value].append(where)
                    wrapped.add(id(arg))
                else:
                    unwrapped.append(f"{where}: {node.func.id}() needs a plain string literal")
        for s in _strings(tree):
            if id(s) in exempt or id(s) in wrapped or s.value in NAMES or not reads_as_words(s.value):
                continue
            line = f"{rel}:{s.lineno}: {s.value[:70]!r}"
            (unwrapped if in_home else outside).append(line)
    return outside, unwrapped, places


def test_the_words_test_sees_words() -> None:
    """The scanner itself: sentences and labels count; identifiers and markup do not."""
    assert reads_as_words("3 out of 100 people")
    assert reads_as_words("**Back**")
    assert reads_as_words("Yes")
    assert reads_as_words("{name} may not be an option for you")
    assert not reads_as_words("value:Q")
    assert not reads_as_words('<div class="grid">{cells}</div>')
    assert not reads_as_words("serious_risk")
    assert not reads_as_words("datum.low")


def test_no_reader_words_outside_the_home() -> None:
    outside, _unwrapped, _places = _findings()
    assert not outside, (
        f"{len(outside)} sentences are written outside decision_aid/words/; move each into the "
        "home (inside _()) and import it:\n" + "\n".join(outside)
    )


def test_every_sentence_in_the_home_goes_through_the_lookup() -> None:
    _outside, unwrapped, _places = _findings()
    assert not unwrapped, "Wrap these in _() as plain literals:\n" + "\n".join(unwrapped)


def test_each_sentence_is_written_once() -> None:
    _outside, _unwrapped, places = _findings()
    twice = {text: where for text, where in places.items() if len(where) > 1}
    assert not twice, "Write each sentence once and reuse the name:\n" + "\n".join(
        f"{text!r}: {', '.join(where)}" for text, where in twice.items()
    )


def test_the_catalogue_template_lists_every_sentence() -> None:
    """A translator works from the template; `make messages` refreshes it."""
    in_code = {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(HOME), keywords={"_": None, "ngettext": (1, 2)}
        )
    }
    with POT.open("rb") as f:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    assert in_code == template, (
        "decision_aid/locale/decision_aid.pot is out of date: run `make messages`. "
        f"Missing: {sorted(in_code - template)[:10]}; "
        f"no longer in the code: {sorted(template - in_code)[:10]}"
    )
