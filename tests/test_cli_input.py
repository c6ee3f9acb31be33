"""Where the command line reads a query from, and its one limit: never a value cut in half.

Before, a query past 20,000 characters was cut at the limit and the command went on with exit 0,
so `relief=10` at the cut was read as `relief=1`; and a long query could only be passed as an
argument (bash refuses 500 KB with "Argument list too long"). Now a query past the limit is
refused with exit 2 and a line naming the limit, and `--query-file PATH` (or `-` for standard
input) takes a long one. Most tests call `cli.main` in-process; one runs the real command.
"""

from __future__ import annotations

import io
import json
import sys

import pytest

from decision_aid import cli
from decision_aid.profile import MAX_QUERY_CHARS
from tests.test_cli import run, run_command

LIMIT_WORDS = f"{MAX_QUERY_CHARS:,}"


def padded(tail: str, length: int) -> str:
    """A query of exactly `length` characters: an unknown padding parameter, then `tail`."""
    pad = length - len("x=") - len("&" + tail)
    assert pad > 0
    return "x=" + "y" * pad + "&" + tail


def test_query_one_past_the_limit_exits_2_naming_the_limit(capsys):
    # The red-team repro: relief=10 sits across the old cut, so the cut read relief=1.
    query = padded("relief=10&lasting=2", MAX_QUERY_CHARS + 11)
    code, out, err = run(capsys, "--query", query, "--format", "text")
    assert code == cli.EXIT_BAD_INPUT
    assert out == ""
    (line,) = err.strip().splitlines()
    assert LIMIT_WORDS in line and f"{MAX_QUERY_CHARS + 11:,}" in line


def test_query_at_the_limit_is_read_whole(capsys):
    query = padded("relief=10", MAX_QUERY_CHARS)
    code, out, err = run(capsys, "--query", query)
    assert code == cli.EXIT_OK, err
    assert json.loads(out)["profile"]["relief"] == 10
    assert "characters long" not in err


def test_leading_question_mark_is_not_counted(capsys):
    code, out, _ = run(capsys, "--query", "?" + padded("relief=9", MAX_QUERY_CHARS))
    assert code == cli.EXIT_OK
    assert json.loads(out)["profile"]["relief"] == 9


def test_query_file_reads_a_query_with_its_final_newline(capsys, tmp_path):
    path = tmp_path / "answers.txt"
    path.write_text(padded("relief=10&lasting=2", MAX_QUERY_CHARS) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "--query-file", str(path))
    assert code == cli.EXIT_OK, err
    profile = json.loads(out)["profile"]
    assert (profile["relief"], profile["lasting"]) == (10, 2)


def test_query_file_past_the_limit_exits_2(capsys, tmp_path):
    path = tmp_path / "answers.txt"
    path.write_text(padded("relief=10", MAX_QUERY_CHARS) + "\nrelief=3", encoding="utf-8")
    code, out, err = run(capsys, "--query-file", str(path))
    assert code == cli.EXIT_BAD_INPUT and out == ""
    (line,) = err.strip().splitlines()
    assert str(path) in line and LIMIT_WORDS in line


def test_query_from_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("relief=8&cause=vascular\n"))
    code, out, err = run(capsys, "--query-file", "-", "--format", "text")
    assert code == cli.EXIT_OK, err
    assert "control of the spasm: 8/10" in out


def test_endless_standard_input_is_refused_without_reading_it_all(capsys, monkeypatch):
    class Endless(io.TextIOBase):
        """Standard input that never ends: a read must be bounded."""

        def read(self, size: int | None = -1) -> str:
            assert size is not None and size >= 0, "unbounded read"
            return "a" * size

    monkeypatch.setattr(sys, "stdin", Endless())
    code, _, err = run(capsys, "--query-file", "-")
    assert code == cli.EXIT_BAD_INPUT
    assert "standard input" in err and LIMIT_WORDS in err


def test_summary_takes_a_query_file(capsys, tmp_path):
    path = tmp_path / "answers.txt"
    path.write_text("relief=7&note=" + "a" * 900, encoding="utf-8")
    code, out, err = run(capsys, "summary", "--query-file", str(path), "--format", "json")
    assert code == cli.EXIT_OK, err
    assert "a" * 900 in out


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: str(d / "missing.txt"), "No such file"),
        (lambda d: (d / "latin1.txt").write_bytes(b"note=caf\xe9") and str(d / "latin1.txt"), "not UTF-8"),
    ],
    ids=["missing", "not-utf8"],
)
def test_unreadable_query_file_is_one_line(capsys, tmp_path, make, words):
    code, out, err = run(capsys, "--query-file", make(tmp_path))
    assert code == cli.EXIT_BAD_INPUT and out == ""
    (line,) = err.strip().splitlines()
    assert words in line


def test_query_and_query_file_together_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "--query", "relief=1", "--query-file", str(tmp_path / "q"))
    assert code == cli.EXIT_BAD_INPUT
    assert "not allowed with argument" in err


def test_help_names_the_limit_and_returns_0(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == cli.EXIT_OK
    assert "--query-file" in out and LIMIT_WORDS in out


def test_half_a_megabyte_on_standard_input_of_the_real_command():
    # Too long for an argument (bash: "Argument list too long"), and past the limit: exit 2 at once.
    query = padded("relief=10", 500_000)
    done = run_command("--query-file", "-", stdin=query)
    assert done.code == cli.EXIT_BAD_INPUT
    assert done.out == ""
    assert LIMIT_WORDS in done.err and "Traceback" not in done.err
