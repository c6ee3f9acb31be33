"""Evidence dataset: loading a file, and readable errors.

A bad file never raises a traceback at the user: `load_evidence` turns every problem into a
`DatasetError` whose `problems` name the file, the field path
(``options.mvd.risks[1].per_100.high``) and what is wrong. The models, the single source of the
schema, live in `schema`; they are re-exported here, so callers import everything from `evidence`.
"""

from __future__ import annotations

import os
import stat
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from decision_aid.schema import (
    AGE_KEYS,
    AGE_RANGE,
    OPTION_IDS,
    SITUATION_VALUES,
    WHEN_FLAGS,
    Benefit,
    Burden,
    Certainty,
    Chance,
    Evidence,
    Figure,
    LabelWarning,
    Measure,
    Meta,
    NoTreatment,
    Option,
    Per100,
    Quantity,
    Range,
    Reviewer,
    Risk,
    Rule,
    RuleSentence,
    Source,
    Sourced,
    Text,
    UpdatePolicy,
    least_certain,
)

__all__ = [
    "AGE_KEYS",
    "AGE_RANGE",
    "DEFAULT_DATASET",
    "EVIDENCE_ENV",
    "MAX_DATASET_BYTES",
    "MAX_YAML_DEPTH",
    "MAX_YAML_VALUES",
    "OPTION_IDS",
    "SITUATION_VALUES",
    "WHEN_FLAGS",
    "Benefit",
    "Burden",
    "Certainty",
    "Chance",
    "DatasetError",
    "Evidence",
    "Figure",
    "LabelWarning",
    "Measure",
    "Meta",
    "NoTreatment",
    "Option",
    "Per100",
    "Quantity",
    "Range",
    "Reviewer",
    "Risk",
    "Rule",
    "RuleSentence",
    "Source",
    "Sourced",
    "Text",
    "UpdatePolicy",
    "cached_evidence",
    "least_certain",
    "load_evidence",
    "loc_to_path",
    "parse_evidence",
]

DEFAULT_DATASET = Path(__file__).resolve().parent.parent / "data" / "hfs_evidence.yaml"
EVIDENCE_ENV = "HFS_EVIDENCE_PATH"
"""Environment variable naming another dataset file (a clinic's own copy, tests): the app and
the command line both read it."""


class DatasetError(Exception):
    """A dataset that cannot be used; `problems` holds one readable line per problem."""

    def __init__(self, path: Path | str, problems: list[str]):
        self.path = str(path)
        self.problems = problems
        super().__init__("\n".join(problems))

    def for_page(self) -> tuple[str, list[str]]:
        """The file's name and the problems, with the file's folders left out: the app's error
        page is open to anyone with the link, and where the server keeps its files is its
        operators' business (the full lines go to the server's log)."""
        name = Path(self.path).name or self.path
        return name, [line.replace(self.path, name) for line in self.problems]


def loc_to_path(loc: tuple[int | str, ...]) -> str:
    """('options', 'mvd', 'risks', 1, 'per_100', 'high') -> 'options.mvd.risks[1].per_100.high'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _pydantic_problems(path: str, err: ValidationError) -> list[str]:
    lines = []
    for e in err.errors(include_url=False):
        loc = tuple(p for p in e["loc"] if p not in ("function-after",))
        msg = e["msg"].removeprefix("Value error, ")
        lines.append(f"{path}: {loc_to_path(loc)}: {msg}")
    return lines


def _walk_sources(node: object, loc: tuple[int | str, ...]):
    """Yield (field path, source id) for every `sources` list anywhere in the raw data."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" and isinstance(value, list):
                for i, sid in enumerate(value):
                    yield loc_to_path((*loc, "sources", i)), sid
            else:
                yield from _walk_sources(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk_sources(value, (*loc, i))


def _unresolved_sources(path: str, raw: dict) -> list[str]:
    """Checked on the raw data, so a file with schema errors still gets all its problems at once."""
    known = raw.get("sources")
    known = known if isinstance(known, dict) else {}
    body = {k: v for k, v in raw.items() if k != "sources"}
    return [
        f"{path}: {where}: source id {sid!r} does not resolve to an entry in `sources`"
        for where, sid in _walk_sources(body, ())
        if not isinstance(sid, str) or sid not in known
    ]


def _when_problems(rule: object) -> list[tuple[str, str]]:
    """(path suffix, problem) for each unknown key or value in one rule's `when`, and in the
    `when` of each of its `also` sentences."""
    if not isinstance(rule, dict):
        return []
    out = _situation_problems(rule.get("when"), "when")
    also = rule.get("also")
    for i, extra in enumerate(also if isinstance(also, list) else []):
        if isinstance(extra, dict):
            out += _situation_problems(extra.get("when"), f"also[{i}].when")
    return out


def _situation_problems(when: object, where: str, *, flags: bool = True) -> list[tuple[str, str]]:
    """One problem per unknown key or value; `flags=False` where no option is chosen (no treatment),
    so `tried`/`avoid` have nothing to match and are unknown keys there."""
    if not isinstance(when, dict):
        return []
    out = []
    allowed_keys = (*SITUATION_VALUES, *(WHEN_FLAGS if flags else ()), *AGE_KEYS)
    for key, value in when.items():
        at = f"{where}.{key}"
        if flags and key in WHEN_FLAGS:
            if value is not True:
                out.append((at, f"must be true (it matches when the option is in the patient's {key} list)"))
        elif key in AGE_KEYS:
            lo, hi = AGE_RANGE
            if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
                out.append((at, f"must be a whole number of years from {lo} to {hi}, not {value!r}"))
        elif key in SITUATION_VALUES:
            allowed = SITUATION_VALUES[key]
            if not isinstance(value, list) or not value:
                out.append((at, f"must be a list of one or more of: {', '.join(map(repr, allowed))}"))
                continue
            for i, v in enumerate(value):
                if v not in allowed:
                    out.append(
                        (f"{at}[{i}]", f"unknown value {v!r}; allowed: {', '.join(map(repr, allowed))}")
                    )
        else:
            out.append((at, f"unknown situation {key!r}; allowed: {', '.join(allowed_keys)}"))
    return out


def _cross_problems(path: str, raw: dict) -> list[str]:
    """Checks that span parts of the file (measures named by benefits, the control measure
    in every option, rule situations). Run on the raw data so that a file with schema errors
    still gets every problem at once; parts too broken to read are left to the schema."""
    problems: list[str] = []
    meta = raw.get("meta") if isinstance(raw.get("meta"), dict) else {}
    measures = meta.get("measures") if isinstance(meta.get("measures"), dict) else None
    control = meta.get("control_measure")
    known = ", ".join(measures) if measures else "(none)"
    if measures is not None and isinstance(control, str) and control not in measures:
        problems.append(
            f"{path}: meta.control_measure: {control!r} is not a key of meta.measures; known: {known}"
        )
    options = raw.get("options") if isinstance(raw.get("options"), dict) else {}
    for oid, opt in options.items():
        benefits = opt.get("benefits") if isinstance(opt, dict) else None
        if not isinstance(benefits, list):
            continue
        for i, ben in enumerate(benefits):
            m = ben.get("measure") if isinstance(ben, dict) else None
            if measures is not None and isinstance(m, str) and m not in measures:
                problems.append(
                    f"{path}: options.{oid}.benefits[{i}].measure: {m!r} is not a key of meta.measures; "
                    f"known: {known}"
                )
        if isinstance(control, str) and control:
            numeric = [
                b
                for b in benefits
                if isinstance(b, dict) and b.get("measure") == control and isinstance(b.get("per_100"), dict)
            ]
            if not numeric:
                problems.append(
                    f"{path}: options.{oid}.benefits: needs a benefit with measure {control!r} "
                    "(meta.control_measure) and a per_100 figure: the match uses it for every option"
                )
    rules = raw.get("rules") if isinstance(raw.get("rules"), list) else []
    for i, rule in enumerate(rules):
        problems += [f"{path}: rules[{i}].{at}: {msg}" for at, msg in _when_problems(rule)]
    waiting = raw.get("no_treatment") if isinstance(raw.get("no_treatment"), dict) else {}
    also = waiting.get("involves_also")
    for i, extra in enumerate(also if isinstance(also, list) else []):
        when = extra.get("when") if isinstance(extra, dict) else None
        problems += [
            f"{path}: no_treatment.involves_also[{i}].{at}: {msg}"
            for at, msg in _situation_problems(when, "when", flags=False)
        ]
        text = extra.get("text") if isinstance(extra, dict) else None
        if isinstance(text, str) and "{" in text:
            problems.append(
                f"{path}: no_treatment.involves_also[{i}].text: no option's name is filled in here; "
                "write the words out (no {...})"
            )
    return problems


MAX_YAML_DEPTH = 40
MAX_YAML_VALUES = 200_000


def _small_tree(raw: object) -> bool:
    """False for a recursive or alias-bombed tree. Aliases themselves are fine (a script's
    yaml.safe_dump writes them for shared objects); the walk stops after MAX_YAML_VALUES."""
    budget = MAX_YAML_VALUES
    stack: list[tuple[object, int]] = [(raw, 0)]
    while stack:
        node, depth = stack.pop()
        budget -= 1
        if budget < 0 or depth > MAX_YAML_DEPTH:
            return False
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return True


def parse_evidence(text: str, path: Path | str = "<dataset>") -> Evidence:
    """Validate YAML text; raise `DatasetError` with one line per problem."""
    where = str(path)
    try:
        raw = yaml.safe_load(text)
    except RecursionError:
        raise DatasetError(where, [f"{where}: (YAML): nested too deeply to be a dataset"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DatasetError(where, [f"{where}: (YAML) {at}not valid YAML: {problem}"]) from None
    if not _small_tree(raw):
        problem = (
            f"{where}: (YAML): the data nests deeper than {MAX_YAML_DEPTH} levels or holds more than "
            f"{MAX_YAML_VALUES:,} values (an anchor/alias (&name, *name) that refers to itself or repeats?)"
        )
        raise DatasetError(where, [problem])
    if not isinstance(raw, dict):
        problem = f"{where}: (top level): expected a mapping of meta, options, rules, sources"
        raise DatasetError(where, [problem])
    problems = []
    evidence = None
    try:
        evidence = Evidence.model_validate(raw)
    except ValidationError as err:
        problems = _pydantic_problems(where, err)
    problems += _cross_problems(where, raw)
    problems += _unresolved_sources(where, raw)
    if problems or evidence is None:
        raise DatasetError(where, problems)
    return evidence


MAX_DATASET_BYTES = 1024 * 1024
"""The largest dataset file `load_evidence` (and so `check`, the app and the container's entry
command) accepts: 1 MiB, about nine times the shipped file (115 kB). A larger file is refused before it
is read, so a wrong path or mount (a disk image, /dev/zero) cannot fill the memory."""


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _unreadable(p: Path, exc: OSError) -> DatasetError:
    return DatasetError(p, [f"{p}: (file): cannot be read: {exc.strerror or type(exc).__name__}"])


def _read_dataset_bytes(p: Path) -> bytes:
    """The file's bytes, or DatasetError with one line; never blocks and never reads past the limit.

    The file is opened without blocking (so a FIFO with no writer does not hang), checked on the
    open descriptor (regular file, at most MAX_DATASET_BYTES) and only then read, at most the
    limit plus one byte (a file that grows meanwhile is still caught).
    """
    too_big = f"{p}: (file): larger than the limit of {MAX_DATASET_BYTES:,} bytes (MAX_DATASET_BYTES)"
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _unreadable(p, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = _file_kind(info.st_mode)
            raise DatasetError(p, [f"{p}: (file): cannot be read: {kind}, not a regular YAML file"])
        if info.st_size > MAX_DATASET_BYTES:
            raise DatasetError(p, [f"{too_big}: it has {info.st_size:,} bytes"])
        chunks: list[bytes] = []
        left = MAX_DATASET_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise _unreadable(p, exc) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_DATASET_BYTES:
        raise DatasetError(p, [f"{too_big}: it grew while being read"])
    return data


def load_evidence(path: Path | str | None = None) -> Evidence:
    """Read and validate a dataset file (default: the shipped one).

    Only a regular file of at most MAX_DATASET_BYTES is read; anything else is refused at once
    with one line naming the file.
    """
    p = Path(path) if path is not None else DEFAULT_DATASET
    data = _read_dataset_bytes(p)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DatasetError(p, [f"{p}: (file): cannot be read: UnicodeDecodeError (not UTF-8 text)"]) from None
    return parse_evidence(text, p)


@lru_cache(maxsize=8)
def cached_evidence(path: str | None = None) -> Evidence:
    """The dataset is read once per process: it is immutable (frozen models)."""
    return load_evidence(path)
