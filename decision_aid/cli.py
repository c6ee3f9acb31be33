"""Command line: `check` a dataset, compare options for a query, write the take-home summary or
the clinicians' review pack.

    python -m decision_aid check [PATH]
    python -m decision_aid --query "relief=8&lasting=10&cause=vascular" [--format json|text]
    python -m decision_aid summary --query "..." --out summary.pdf [--format pdf|json]
    python -m decision_aid --query-file answers.txt      (or --query-file - for standard input)
    python -m decision_aid review --out review.html      (or --out - for standard output)

Every command reads the dataset given (`--data`, or `check`'s PATH), else the app's own
(`HFS_EVIDENCE_PATH`), else the shipped one.

Exit 0 on success, 2 on a bad dataset or a bad query (one line per problem on stderr,
naming the file and field, or the parameter and its allowed values), 1 when the reader closes
the output early (`| head`). Never a traceback.
A query longer than ``profile.MAX_QUERY_CHARS`` (20,000 characters) is refused with exit 2
and a line naming the limit: cutting it would cut inside a value (``relief=10`` read as 1).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from decision_aid.engine import Result, anchors_for, evaluate
from decision_aid.evidence import (
    DEFAULT_DATASET,
    EVIDENCE_ENV,
    MAX_DATASET_BYTES,
    DatasetError,
    Evidence,
    LabelWarning,
    Option,
    load_evidence,
)
from decision_aid.grid import timing_text
from decision_aid.profile import CHECK, MAX_QUERY_CHARS, parse_query
from decision_aid.results import OptionResult, once_per_wording, shown_range, under_whom
from decision_aid.words.cli import (
    BASE_URL_HELP,
    CANNOT_READ,
    CANNOT_WRITE,
    CAUTION,
    CAUTION_FOR,
    CAUTIONS,
    CHANGED_HOW,
    CHECK_DESCRIPTION,
    COMMANDS,
    COMPARE_DESCRIPTION,
    DATA_HELP,
    DATASET_HELP,
    DIFFERENT_STUDIES,
    ERROR,
    EXPERT_ESTIMATE,
    FOR_COMPARISON,
    GOOD_TO_KNOW,
    HARMS_HEADING,
    HARMS_NONE,
    HEADING,
    HOW_MATCH_WORKS,
    HTML_OUT_HELP,
    LARGE_PRINT_HELP,
    LATER_ON,
    LINES_UP,
    LOCAL_FIGURE,
    LOCAL_LINK_NOTE,
    MAY_NOT_BE_SUITABLE,
    MORE_THAN,
    NO_CAUTIONS,
    NO_PRIORITIES,
    NOT_MATCHED,
    NOT_MATCHED_FIGURES,
    NOT_UTF8,
    NOTE,
    PDF_OUT_HELP,
    PLACE,
    PLACE_SHARED,
    PRIORITIES,
    QUERY_FILE_HELP,
    QUERY_HELP,
    REVIEW_DESCRIPTION,
    REVIEW_NOT_PDF,
    RULED_OUT,
    STANDARD_INPUT,
    SUMMARY_DESCRIPTION,
    THE_QUERY,
    TIMING,
    TOO_LONG,
    USAGE_ERROR,
    VALID,
    WARNING,
    WITH_PUBLISHED_RANGE,
    WITH_RANGE,
    wrote,
)
from decision_aid.words.common import (
    CHANCE_LABELS,
    HARM_KINDS,
    LOCAL_SUCCESS_NOT_MATCHED,
    NOT_A_VERDICT,
    PRIORITY_AND_WEIGHT,
    PRIORITY_LABELS,
    and_list,
    has_range,
    options_named,
    per_100_counted,
    per_100_range,
    rounded_total_note,
    weight_text,
    whole,
)
from decision_aid.words.profile import CHANGED, CUT_SHORT
from decision_aid.words.review import NOT_MEASURED  # the same words as the review pack's
from decision_aid.words.topics import TIMING_HEADING

EXIT_OK = 0
EXIT_OUTPUT_CLOSED = 1
"""The reader stopped reading (`... | head`): nothing more to say, and no traceback."""
EXIT_BAD_INPUT = 2
DEFAULT_BASE_URL = os.environ.get("HFS_BASE_URL", "http://localhost:8501/")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
"""A base URL on these reaches only the computer that printed the summary."""
STDOUT = "-"
"""`--out -`: standard output, as `--query-file -` is standard input."""
PROG = "python -m decision_aid"
"""How the commands are run, as their usage lines show it."""


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad usage already; this only keeps its message to one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, USAGE_ERROR.format(prog=self.prog, message=message) + "\n")


def _dataset(path: str | None) -> str | None:
    """The dataset a command reads: the one named, else the app's own (`HFS_EVIDENCE_PATH`, as in
    a clinic's container), else the shipped file. A pack or summary from the shipped figures where
    the clinic's app serves its own would have a clinician sign off the wrong dataset."""
    return path or os.environ.get(EVIDENCE_ENV) or None


def _load(path: str | None) -> Evidence | None:
    try:
        return load_evidence(_dataset(path))
    except DatasetError as err:
        for line in err.problems:
            print(line, file=sys.stderr)
        return None


def cmd_check(argv: list[str]) -> int:
    parser = _Parser(prog=f"{PROG} check", description=CHECK_DESCRIPTION)
    parser.add_argument(
        "path",
        nargs="?",
        default=None,
        help=DATASET_HELP.format(bytes=f"{MAX_DATASET_BYTES:,}", env=EVIDENCE_ENV),
    )
    args = parser.parse_args(argv)
    args.path = _dataset(args.path) or str(DEFAULT_DATASET)
    evidence = _load(args.path)
    if evidence is None:
        return EXIT_BAD_INPUT
    n_risks = sum(len(o.risks) for o in evidence.options.values())
    meta = evidence.meta
    print(
        VALID.format(
            path=args.path,
            version=meta.version,
            reviewed=meta.last_reviewed,
            options=len(evidence.options),
            risks=n_risks,
            rules=len(evidence.rules),
            sources=len(evidence.sources),
        )
    )
    return EXIT_OK


def result_for_query(query: str, data: str | None, *, warn: bool = True) -> tuple[Evidence, Result] | int:
    """Evidence and result for a query, or an exit code after printing the problems. The warnings
    go to stderr unless `warn` is off (the text format says them in its own output)."""
    evidence = _load(data)
    if evidence is None:
        return EXIT_BAD_INPUT
    parsed = parse_query(query)
    # A query that ends part-way through an answer, or no longer matches its check, is refused
    # here, as a bad value is: the app reads it with a notice, but a command line can simply be
    # given the whole link again (or the query without its check, to read it as typed).
    if parsed.problems or parsed.cut_part or parsed.changed:
        for problem in parsed.problems:
            print(ERROR.format(problem=problem.message()), file=sys.stderr)
        if parsed.cut_part:
            print(ERROR.format(problem=CUT_SHORT.format(part=parsed.cut_part)), file=sys.stderr)
        if parsed.changed:
            print(ERROR.format(problem=CHANGED_HOW.format(changed=CHANGED, check=CHECK)), file=sys.stderr)
        return EXIT_BAD_INPUT
    for warning in parsed.warnings if warn else ():
        print(WARNING.format(warning=warning), file=sys.stderr)
    return evidence, evaluate(evidence, parsed.profile, warnings=parsed.warnings)


def _range_words(fig: object, *, per_injection: bool = False) -> str:
    """'8 out of 100 people (range 2 to 16 out of 100)'; beside a local figure the studies' range,
    said to be published (`results.shown_range`), never the range the engine widened to take it."""
    central = getattr(fig, "central", None)
    low, high, published = shown_range(fig)
    if central is None or low is None or high is None:
        return NOT_MEASURED
    figure = per_100_counted(central, "injection" if per_injection else "person")
    if not has_range(low, high):
        return figure
    words = WITH_PUBLISHED_RANGE if published else WITH_RANGE
    return words.format(figure=figure, range=per_100_range(low, high))


def _harm_lines(o: OptionResult, warning: LabelWarning | None) -> list[str]:
    """Every harm, in the same detail as the benefits above it (figure, range, time frame), in the
    grid's two kinds: a summary that listed only benefits would lean. Where the studies counted no
    serious harm, the label's warning (`warning`) follows "none reported", in words."""
    lines = []
    for lasting, kind in HARM_KINDS:
        mine = [r for r in o.risks if r.serious_or_lasting == lasting]
        if not mine:
            lines.append("  " + HARMS_NONE.format(name=kind))
            if lasting and warning is not None:
                lines.append("    " + " ".join(warning.text.split()))
            continue
        lines.append("  " + HARMS_HEADING.format(kind=kind))
        for r in mine:
            figure = _range_words(r, per_injection=r.per == "injection")
            local = " " + LOCAL_FIGURE if r.local else ""
            when = f" [{r.timeframe}]" if r.timeframe else ""
            lines.append(f"    {r.name}: {figure}{local}{when}")
    return lines


def _later_lines(option_id: str, option: Option) -> list[str]:
    """How soon an option works and how long it lasts (the grid's words), then its chances later
    on (relief that comes late, the spasm coming back, a second operation, stopping for side
    effects), each with its range and time frame, or why no study counted it, as the works topic
    gives them: the terminal had none, so an operation's return was nowhere beside its figures."""
    lines = ["  " + TIMING.format(heading=TIMING_HEADING, text=timing_text(option_id, option))]
    chances = option.chances()
    lines += ["  " + HARMS_HEADING.format(kind=LATER_ON)] if chances else []
    for field, ch in chances:
        label = CHANCE_LABELS[field]
        if ch.per_100 is None:
            lines.append(f"    {label}: {ch.reason}")
        else:
            lines.append(f"    {label}: {_range_words(ch.per_100)} [{ch.timeframe}]")
    return lines


def _caution_lines(result: Result) -> list[str]:
    """Every caution once, under the options it concerns (`once_per_wording`, `under_whom`), as the
    app's grid and the PDF give them: option by option, a scan first was said three times."""
    grouped = once_per_wording(
        ((o.short_name, o.caution_details) for o in result.options), lambda c: (c.good_to_know, c.text)
    )
    if not grouped:
        return [NO_CAUTIONS]
    lines = [CAUTIONS]
    for names, cautions in under_whom(grouped):
        lines.append("  " + CAUTION_FOR.format(options=options_named(names, len(result.options))))
        for c in cautions:
            said = GOOD_TO_KNOW if c.good_to_know else CAUTION
            lines.append("    " + said.format(caution=c.text))
    return lines


def format_text(result: Result, evidence: Evidence) -> str:
    """A short readable version for the terminal: fixed option order, no verdict. Nothing is
    matched before a priority is stated, and an option that is not suitable, or whose figures may not
    apply, is never matched. `evidence` gives the labels' warnings that no study counted."""
    lines = [HEADING.format(version=result.evidence_version)]
    if result.weights is None:
        lines.append(NO_PRIORITIES)
    else:
        said = result.profile
        parts = [
            PRIORITY_AND_WEIGHT.format(
                label=PRIORITY_LABELS[k].lower(), weight=weight_text(getattr(said, k), w)
            )
            for k, w in result.weights.items()
        ]
        lines.append(PRIORITIES.format(priorities="; ".join(parts)))  # items hold commas
    for w in result.warnings:
        lines.append(NOTE.format(note=w))
    lines.append(DIFFERENT_STUDIES)
    ranked = sum(o.rank is not None for o in result.options)
    for o in result.options:
        lines.append("")
        flags = "" if o.suitable else "  " + MAY_NOT_BE_SUITABLE
        flags += "  " + RULED_OUT if o.avoided else ""
        lines.append(f"{o.name}{flags}")
        control = [b for b in o.benefits if b.measure == o.success.measure]
        for b in control + [b for b in o.benefits if b not in control]:
            if b.central is None:
                lines.append(f"  {b.label}: {b.not_measured or NOT_MEASURED}")
                continue
            local = " " + LOCAL_FIGURE if b.local else ""
            lines.append(f"  {b.label}: {_range_words(b)}{local} [{b.timeframe}]")
            if b.expert_estimate:
                lines.append(f"    {EXPERT_ESTIMATE}")
        lines += _later_lines(o.id, evidence.options[o.id])
        lines += _harm_lines(o, evidence.options[o.id].label_warning)
        if o.match is not None:
            level = [x.short_name for x in result.options if x is not o and x.rank == o.rank]
            place = (
                PLACE_SHARED.format(rank=o.rank, ranked=ranked, names=and_list(level))
                if level
                else PLACE.format(rank=o.rank, ranked=ranked)
            )
            match = LINES_UP.format(
                match=whole(o.match), low=whole(o.match_low), high=whole(o.match_high), place=place
            )
            lines.append(f"  {match}")
            if o.local_not_matched:
                lines.append("  " + LOCAL_SUCCESS_NOT_MATCHED.format(name=o.short_name))
        elif not o.suitable:
            lines.append(f"  {NOT_MATCHED}")
        elif not o.figures_apply:
            lines.append(f"  {NOT_MATCHED_FIGURES}")
    if ranked:  # the match's value judgements, said wherever it is (the app's fit topic, the PDF)
        lines += ["", HOW_MATCH_WORKS, *(f"  - {a}" for a in anchors_for(result))]
    lines += ["", *_caution_lines(result)]
    nt = result.no_treatment
    lines.append("")
    lines.append(FOR_COMPARISON.format(name=nt.name))
    lines.append(f"  {nt.summary}")
    lines.append(f"  {nt.involves.text}")  # as the PDF: with the scan advice where it holds
    for f in nt.figures:
        lines.append(f"  {f.name}: {_range_words(f)} [{f.timeframe}]")
    rounded = rounded_total_note(f.central for f in nt.figures)
    if rounded:
        lines.append(f"  {rounded}")
    lines.append("  " + " ".join(evidence.no_treatment.figures_note.text.split()))
    lines.append("")
    lines.append(NOT_A_VERDICT)
    return "\n".join(lines)


def _too_long(where: str, length: str) -> str:
    return ERROR.format(problem=TOO_LONG.format(where=where, length=length, limit=f"{MAX_QUERY_CHARS:,}"))


_TRAILING_ROOM = 1024
"""Characters read past the limit, so that a file's final newlines are not taken for more query."""


def _read_query_file(path: str) -> str:
    """A query from a file (``-``: standard input), read no further than just past the limit.

    Pipes and process substitution (``<(...)``) are fine; the read is bounded either way, so a
    huge or endless input costs no memory. Raises ValueError with the line to print.
    """
    where = STANDARD_INPUT if path == "-" else f"--query-file {path}"
    try:
        if path == "-":
            text = sys.stdin.read(MAX_QUERY_CHARS + _TRAILING_ROOM)
        else:
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read(MAX_QUERY_CHARS + _TRAILING_ROOM)
    except OSError as exc:
        raise ValueError(
            ERROR.format(problem=CANNOT_READ.format(where=where, reason=exc.strerror or exc))
        ) from None
    except UnicodeDecodeError:
        raise ValueError(ERROR.format(problem=NOT_UTF8.format(where=where))) from None
    text = text.strip()  # a file ends in a newline; a query's own spaces are %20 or +
    if len(text) > MAX_QUERY_CHARS:
        raise ValueError(_too_long(where, MORE_THAN.format(limit=f"{MAX_QUERY_CHARS:,}")))
    return text


_LINK = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def query_of(text: str) -> str:
    """The query of a whole link pasted from the app ("https://.../compare?check=...&relief=8"),
    or the text as given. Read whole, a link's address became part of its first answer's name,
    so its check was never seen and a cut link read as typed."""
    return text.partition("?")[2] if _LINK.match(text) else text


class _AnswersParser(_Parser):
    """Reads ``--query`` or ``--query-file`` into ``args.query``; refuses one past the limit."""

    def parse_args(  # type: ignore[override]
        self, args: list[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed = super().parse_args(args, namespace)
        try:
            if parsed.query_file is not None:
                parsed.query = _read_query_file(parsed.query_file)
            parsed.query = query_of(parsed.query)
            text = parsed.query[1:] if parsed.query.startswith("?") else parsed.query
            if len(text) > MAX_QUERY_CHARS:
                raise ValueError(_too_long(THE_QUERY, f"{len(text):,}"))
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
        help=QUERY_HELP.format(limit=f"{MAX_QUERY_CHARS:,}"),
    )
    source.add_argument(
        "--query-file",
        metavar="PATH",
        default=None,
        help=QUERY_FILE_HELP.format(limit=f"{MAX_QUERY_CHARS:,}"),
    )
    parser.add_argument("--data", default=None, help=DATA_HELP.format(env=EVIDENCE_ENV))
    return parser


def cmd_compare(argv: list[str]) -> int:
    parser = _answers_parser(PROG, COMPARE_DESCRIPTION)
    parser.epilog = COMMANDS
    parser.add_argument("--format", choices=("json", "text"), default="json")
    args = parser.parse_args(argv)
    got = result_for_query(args.query, args.data, warn=args.format != "text")
    if isinstance(got, int):
        return got
    evidence, result = got
    if args.format == "json":
        print(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        print(format_text(result, evidence))
    return EXIT_OK


def _write_out(path: str, payload: bytes) -> bool:
    """Write the file and say so, or send it to standard output for '-' (and say nothing there,
    which would spoil it); False after saying why it could not be written."""
    if path == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return True
    try:
        Path(path).write_bytes(payload)
    except OSError as exc:
        problem = CANNOT_WRITE.format(path=path, reason=exc.strerror or exc)
        print(ERROR.format(problem=problem), file=sys.stderr)
        return False
    print(wrote(path, len(payload)))
    return True


def cmd_summary(argv: list[str]) -> int:
    parser = _answers_parser(f"{PROG} summary", SUMMARY_DESCRIPTION)
    parser.add_argument("--out", default="summary.pdf", help=PDF_OUT_HELP)
    parser.add_argument("--format", choices=("pdf", "json"), default="pdf")
    # report.PAPERS, written out: the PDF stack is loaded only once the command runs (below).
    parser.add_argument("--paper", choices=("A4", "Letter"), default="A4")
    parser.add_argument("--large-print", action="store_true", help=LARGE_PRINT_HELP)
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help=BASE_URL_HELP)
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
    pdf = report.build_pdf(
        evidence, result, base_url=args.base_url, paper=args.paper, large_print=args.large_print
    )
    if not _write_out(args.out, pdf):
        return EXIT_BAD_INPUT
    if urlsplit(args.base_url).hostname in LOCAL_HOSTS:
        print(LOCAL_LINK_NOTE.format(url=args.base_url), file=sys.stderr)
    return EXIT_OK


def cmd_review(argv: list[str]) -> int:
    parser = _Parser(prog=f"{PROG} review", description=REVIEW_DESCRIPTION)
    parser.add_argument("--out", default="review.html", help=HTML_OUT_HELP)
    parser.add_argument("--data", default=None, help=DATA_HELP.format(env=EVIDENCE_ENV))
    args = parser.parse_args(argv)
    if Path(args.out).suffix.lower() == ".pdf":  # written anyway, a PDF reader would call it broken
        print(ERROR.format(problem=REVIEW_NOT_PDF.format(path=args.out)), file=sys.stderr)
        return EXIT_BAD_INPUT
    evidence = _load(args.data)
    if evidence is None:
        return EXIT_BAD_INPUT
    from decision_aid import review

    page = review.review_html(evidence)
    return EXIT_OK if _write_out(args.out, page.encode("utf-8")) else EXIT_BAD_INPUT


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
    except BrokenPipeError:
        # As Python's signal docs advise: point stdout at devnull, so the interpreter's last
        # flush at exit does not raise again on the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OUTPUT_CLOSED
