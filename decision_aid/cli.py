"""Command line: `check` a dataset, compare options for a query, or write the take-home summary.

    python -m decision_aid check [PATH]
    python -m decision_aid --query "relief=8&lasting=10&cause=vascular" [--format json|text]
    python -m decision_aid summary --query "..." --out summary.pdf [--format pdf|json]
    python -m decision_aid --query-file answers.txt      (or --query-file - for standard input)
    python -m decision_aid review --out review.html

Exit 0 on success, 2 on a bad dataset or a bad query (one line per problem on stderr,
naming the file and field, or the parameter and its allowed values). Never a traceback.
A query longer than ``profile.MAX_QUERY_CHARS`` (20,000 characters) is refused with exit 2
and a line naming the limit: cutting it would cut inside a value (``relief=10`` read as 1).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from decision_aid.engine import Result, evaluate
from decision_aid.evidence import DEFAULT_DATASET, MAX_DATASET_BYTES, DatasetError, Evidence, load_evidence
from decision_aid.profile import MAX_QUERY_CHARS, parse_query
from decision_aid.words.common import PRIORITY_LABELS, per_100, per_100_range

EXIT_OK = 0
EXIT_BAD_INPUT = 2
DEFAULT_BASE_URL = os.environ.get("HFS_BASE_URL", "http://localhost:8501/")


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad usage already; this only keeps its message to one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def _load(path: str | None) -> Evidence | None:
    try:
        return load_evidence(path)
    except DatasetError as err:
        for line in err.problems:
            print(line, file=sys.stderr)
        return None


def cmd_check(argv: list[str]) -> int:
    parser = _Parser(prog="python -m decision_aid check", description="Validate an evidence dataset.")
    parser.add_argument(
        "path",
        nargs="?",
        default=str(DEFAULT_DATASET),
        help=f"YAML file (default: shipped): a regular file of at most {MAX_DATASET_BYTES:,} bytes",
    )
    args = parser.parse_args(argv)
    evidence = _load(args.path)
    if evidence is None:
        return EXIT_BAD_INPUT
    n_risks = sum(len(o.risks) for o in evidence.options.values())
    meta = evidence.meta
    print(
        f"{args.path}: valid: version {meta.version}, last reviewed {meta.last_reviewed}, "
        f"{len(evidence.options)} options, {n_risks} risks, {len(evidence.rules)} rules, "
        f"{len(evidence.sources)} sources"
    )
    return EXIT_OK


def result_for_query(query: str, data: str | None) -> tuple[Evidence, Result] | int:
    """Evidence and result for a query, or an exit code after printing the problems."""
    evidence = _load(data)
    if evidence is None:
        return EXIT_BAD_INPUT
    parsed = parse_query(query)
    if parsed.problems:
        for problem in parsed.problems:
            print(f"error: {problem.message()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for warning in parsed.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return evidence, evaluate(evidence, parsed.profile, warnings=parsed.warnings)


def _range_words(low: float | None, central: float | None, high: float | None) -> str:
    if central is None or low is None or high is None:
        return "not measured"
    if low == high:
        return per_100(central)
    return f"{per_100(central)} (range {per_100_range(low, high)})"


def format_text(result: Result) -> str:
    """A short readable version for the terminal: fixed option order, no verdict. Nothing is
    matched before a priority is stated, and an option that is not suitable is never matched."""
    lines = [f"Hemifacial spasm decision aid (evidence {result.evidence_version})"]
    if result.weights is None:
        lines.append(
            "Priorities: none stated yet, so the options are not matched or ranked. "
            "Add one (for example relief=8) to line them up against what matters to you."
        )
    else:
        said = result.profile
        parts = [
            f"{PRIORITY_LABELS[k].lower()} {w}/10" + ("" if getattr(said, k) is not None else " (not said)")
            for k, w in result.weights.items()
        ]
        lines.append("Priorities: " + ", ".join(parts))
    for w in result.warnings:
        lines.append(f"Note: {w}")
    ranked = sum(o.rank is not None for o in result.options)
    for o in result.options:
        lines.append("")
        flags = "" if o.suitable else "  [may not be suitable]"
        flags += "  [you ruled this out]" if o.avoided else ""
        lines.append(f"{o.name}{flags}")
        control = [b for b in o.benefits if b.measure == o.success.measure]
        for b in control + [b for b in o.benefits if b not in control]:
            if b.central is None:
                lines.append(f"  {b.label}: {b.not_measured or 'not measured'}")
                continue
            local = " (local figure)" if b.local else ""
            lines.append(f"  {b.label}: {_range_words(b.low, b.central, b.high)}{local} [{b.timeframe}]")
        if o.match is not None:
            lines.append(
                f"  Lines up with what you said matters: {o.match:.0f} out of 100 "
                f"(range {o.match_low:.0f} to {o.match_high:.0f}); number {o.rank} of {ranked}"
            )
        elif not o.suitable:
            lines.append("  Not matched: this option may not be suitable for you (see below).")
        for c in o.cautions:
            lines.append(f"  Caution: {c}")
    nt = result.no_treatment
    lines.append("")
    lines.append(f"{nt.name} (shown for comparison; not matched)")
    lines.append(f"  {nt.summary}")
    for f in nt.figures:
        lines.append(f"  {f.name}: {_range_words(f.low, f.central, f.high)} [{f.timeframe}]")
    lines.append("")
    lines.append("This is a summary of your answers, not medical advice.")
    return "\n".join(lines)


def _too_long(where: str, length: str) -> str:
    return (
        f"error: {where} is {length} characters long; the limit is {MAX_QUERY_CHARS:,} "
        "(a longer query is not read at all, so no value is cut)"
    )


_TRAILING_ROOM = 1024
"""Characters read past the limit, so that a file's final newlines are not taken for more query."""


def _read_query_file(path: str) -> str:
    """A query from a file (``-``: standard input), read no further than just past the limit.

    Pipes and process substitution (``<(...)``) are fine; the read is bounded either way, so a
    huge or endless input costs no memory. Raises ValueError with the line to print.
    """
    where = "standard input" if path == "-" else f"--query-file {path}"
    try:
        if path == "-":
            text = sys.stdin.read(MAX_QUERY_CHARS + _TRAILING_ROOM)
        else:
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read(MAX_QUERY_CHARS + _TRAILING_ROOM)
    except OSError as exc:
        raise ValueError(f"error: cannot read {where}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ValueError(f"error: {where} is not UTF-8 text") from None
    text = text.strip()  # a file ends in a newline; a query's own spaces are %20 or +
    if len(text) > MAX_QUERY_CHARS:
        raise ValueError(_too_long(where, f"more than {MAX_QUERY_CHARS:,}"))
    return text


class _AnswersParser(_Parser):
    """Reads ``--query`` or ``--query-file`` into ``args.query``; refuses one past the limit."""

    def parse_args(  # type: ignore[override]
        self, args: list[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed = super().parse_args(args, namespace)
        try:
            if parsed.query_file is not None:
                parsed.query = _read_query_file(parsed.query_file)
            text = parsed.query[1:] if parsed.query.startswith("?") else parsed.query
            if len(text) > MAX_QUERY_CHARS:
                raise ValueError(_too_long("the query", f"{len(text):,}"))
        except ValueError as exc:
            self.exit(EXIT_BAD_INPUT, f"{exc}\n")
        return parsed


def _answers_parser(prog: str, description: str) -> _Parser:
    """The arguments every command that reads answers shares: the same names as the link."""
    parser = _AnswersParser(prog=prog, description=description)
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--query",
        default="",
        help=f"the answers in URL query-string form (at most {MAX_QUERY_CHARS:,} characters)",
    )
    source.add_argument(
        "--query-file",
        metavar="PATH",
        default=None,
        help=f"read the query from a file, '-' for standard input (same {MAX_QUERY_CHARS:,}-character limit)",
    )
    parser.add_argument("--data", default=None, help="evidence YAML (default: shipped)")
    return parser


def cmd_compare(argv: list[str]) -> int:
    parser = _answers_parser("python -m decision_aid", __doc__.split("\n")[0])
    parser.add_argument("--format", choices=("json", "text"), default="json")
    args = parser.parse_args(argv)
    got = result_for_query(args.query, args.data)
    if isinstance(got, int):
        return got
    _, result = got
    if args.format == "json":
        print(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        print(format_text(result))
    return EXIT_OK


def cmd_summary(argv: list[str]) -> int:
    parser = _answers_parser("python -m decision_aid summary", "Write the take-home summary.")
    parser.add_argument("--out", default="summary.pdf", help="PDF file to write (pdf format only)")
    parser.add_argument("--format", choices=("pdf", "json"), default="pdf")
    parser.add_argument("--paper", choices=("A4", "Letter"), default="A4")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help="where the aid is served, for the link")
    args = parser.parse_args(argv)
    got = result_for_query(args.query, args.data)
    if isinstance(got, int):
        return got
    evidence, result = got
    from decision_aid import report  # the PDF stack is heavy: load it only for this command

    if args.format == "json":
        data = report.summary_data(evidence, result, base_url=args.base_url)
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    pdf = report.build_pdf(evidence, result, base_url=args.base_url, paper=args.paper)
    try:
        Path(args.out).write_bytes(pdf)
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"wrote {args.out} ({len(pdf):,} bytes)")
    return EXIT_OK


def cmd_review(argv: list[str]) -> int:
    parser = _Parser(
        prog="python -m decision_aid review",
        description="Write the clinicians' review pack (one self-contained HTML file).",
    )
    parser.add_argument("--out", default="review.html", help="HTML file to write")
    parser.add_argument("--data", default=None, help="evidence YAML (default: shipped)")
    args = parser.parse_args(argv)
    evidence = _load(args.data)
    if evidence is None:
        return EXIT_BAD_INPUT
    from decision_aid import review

    page = review.review_html(evidence)
    try:
        Path(args.out).write_text(page, encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"wrote {args.out} ({len(page.encode()):,} bytes)")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run one command; return its exit code (usage errors too, instead of raising SystemExit)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"check": cmd_check, "summary": cmd_summary, "review": cmd_review}
    try:
        if argv and argv[0] in commands:
            return commands[argv[0]](argv[1:])
        return cmd_compare(argv)
    except SystemExit as exc:  # argparse: usage errors (2) and --help (0)
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
