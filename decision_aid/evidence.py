"""Evidence dataset: the schema as pydantic models, loading, and readable errors.

The models are the single source of the schema. A bad file never raises a traceback at
the user: `load_evidence` turns every problem into a `DatasetError` whose `problems`
name the file, the field path (``options.mvd.risks[1].per_100.high``) and what is wrong.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SkipValidation,
    ValidationError,
    field_validator,
    model_validator,
)

OPTION_IDS: tuple[str, ...] = ("medication", "botulinum", "mvd")
"""The three options, in the one fixed order every view uses."""

DEFAULT_DATASET = Path(__file__).resolve().parent.parent / "data" / "hfs_evidence.yaml"

Certainty = Literal["high", "moderate", "low", "very_low"]


class _Strict(BaseModel):
    """Typos in YAML keys fail loudly instead of being silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(_Strict):
    """A figure with its evidence range; chances are per 100 people."""

    low: float = Field(ge=0)
    central: float = Field(ge=0)
    high: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if not self.low <= self.central <= self.high:
            raise ValueError(
                f"low <= central <= high is out of order (low {self.low:g}, "
                f"central {self.central:g}, high {self.high:g})"
            )
        return self


class Per100(Range):
    """A chance out of 100 people: every bound must lie within 0-100."""

    low: float = Field(ge=0, le=100)
    central: float = Field(ge=0, le=100)
    high: float = Field(ge=0, le=100)


class Sourced(_Strict):
    sources: list[str] = Field(min_length=1)


class Text(Sourced):
    """A plain-language statement with the sources it rests on."""

    text: str = Field(min_length=1)


class Quantity(Sourced):
    """A count or duration (not a chance), with its range and unit."""

    value: Range
    unit: str
    note: str = ""


class Benefit(Sourced):
    """One benefit figure on one named measure: figures are compared only within a measure,
    because "spasm gone" and "clearly better while it works" are different outcomes."""

    measure: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="a key of meta.measures")
    per_100: Per100 | None = Field(description="None = never measured for this option")
    not_measured: str = Field(default="", description="why there is no figure; required when per_100 is None")
    timeframe: str = Field(min_length=1)
    while_treated: bool = Field(description="the benefit holds only while treatment continues")
    certainty: Certainty
    certainty_why: str = Field(min_length=1)
    expert_estimate: bool = Field(default=False, description="an expert's estimate, not a study result")
    note: str = ""

    @model_validator(mode="after")
    def _figure_or_reason(self) -> Benefit:
        if self.per_100 is None and not self.not_measured.strip():
            raise ValueError("per_100 is null, so not_measured must say why there is no figure")
        return self


class Chance(Sourced):
    """A chance per 100 people with what it refers to (recurrence, delayed relief, stopping)."""

    per_100: Per100 | None = Field(description="None = not measured; then the projection must not use it")
    not_measured: str = Field(default="", description="why there is no figure; required when per_100 is None")
    text: str = Field(min_length=1)
    certainty: Certainty
    timeframe: str = Field(min_length=1, description="what period the figure covers")
    years: float | None = Field(default=None, gt=0, description="follow-up length the figure comes from")
    mostly_within_years: float | None = Field(
        default=None, gt=0, description="most of these events happen within this many years (recurrence)"
    )
    months: Range | None = Field(default=None, description="how long the late ones take (delayed relief)")
    note: str = ""

    @model_validator(mode="after")
    def _figure_or_reason(self) -> Chance:
        if self.per_100 is None and not self.not_measured.strip():
            raise ValueError("per_100 is null, so not_measured must say why there is no figure")
        return self


class Risk(Sourced):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    per_100: Per100
    permanent: bool
    serious: bool
    lasts: str = Field(min_length=1)
    per: Literal["person", "injection"] = Field(
        default="person", description="injection = the figure counts injections, not people"
    )
    certainty: Certainty
    timeframe: str = Field(min_length=1, description="what period the figure covers")
    note: str = ""


class Burden(_Strict):
    """What the treatment asks of the patient; `None` where it does not apply."""

    ongoing: bool = Field(description="treatment must continue for the effect to continue")
    daily_pills: bool
    general_anaesthetic: bool
    injections_per_year: Quantity | None = None
    clinic_visits_per_year: Quantity | None = None
    hospital_nights: Quantity | None = None
    recovery_weeks: Quantity | None = None
    text: Text


class Option(_Strict):
    name: str = Field(min_length=1)
    short_name: str = Field(min_length=1)
    sentence_name: str = Field(min_length=1, description="the name as it reads inside a sentence")
    summary: str = Field(min_length=1)
    involves: Text
    benefits: list[Benefit] = Field(min_length=1)
    onset: Text
    duration: Text
    effect_weeks: Quantity | None = Field(
        default=None,
        description="how long one treatment keeps working (botulinum); None where it does not wear off",
    )
    reinjection_weeks: Quantity | None = Field(
        default=None, description="published time between injections (botulinum); longer than effect_weeks"
    )
    recurrence: Chance | None = None
    reoperation: Chance | None = Field(
        default=None, description="a second operation (MVD); shown, not projected"
    )
    delayed_relief: Chance | None = None
    stopped_for_side_effects: Chance | None = None
    risks: list[Risk] = Field(min_length=1)
    burden: Burden

    @field_validator("risks")
    @classmethod
    def _unique_risk_ids(cls, risks: list[Risk]) -> list[Risk]:
        ids = [r.id for r in risks]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"risk ids must be unique; repeated: {', '.join(dupes)}")
        return risks

    @field_validator("benefits")
    @classmethod
    def _one_benefit_per_measure(cls, benefits: list[Benefit]) -> list[Benefit]:
        measures = [b.measure for b in benefits]
        dupes = sorted({m for m in measures if measures.count(m) > 1})
        if dupes:
            raise ValueError(f"one benefit per measure; repeated: {', '.join(dupes)}")
        return benefits

    def benefit(self, measure: str) -> Benefit | None:
        """This option's figure on `measure`, or None when the dataset has none."""
        return next((b for b in self.benefits if b.measure == measure), None)


class Figure(Sourced):
    """A natural-course figure for "no treatment for now" (a reference, never scored)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    per_100: Per100
    timeframe: str = Field(min_length=1)
    years: float | None = Field(
        default=None, gt=0, description="average follow-up (years) the figure covers; the projection uses it"
    )
    certainty: Certainty
    note: str = ""


class NoTreatment(_Strict):
    """What is known about waiting: shown beside the options wherever figures are compared."""

    name: str = Field(min_length=1)
    short_name: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    involves: Text
    figures: list[Figure] = Field(min_length=1)

    @field_validator("figures")
    @classmethod
    def _unique_figure_ids(cls, figures: list[Figure]) -> list[Figure]:
        ids = [f.id for f in figures]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"figure ids must be unique; repeated: {', '.join(dupes)}")
        return figures


SITUATION_VALUES: dict[str, tuple[str, ...]] = {
    "cause": ("unknown", "vascular", "bells_trauma", "ms"),
    "anesthesia": ("unsure", "fit", "unfit"),
    "mri": ("not_done", "vessel", "no_vessel", "other_finding"),
    "pregnant": ("no", "yes", "planning"),
    "blood_thinners": ("", "yes", "no"),
    "sides": ("one", "both"),
    "mvd_result": ("", "no_help", "came_back"),
}
"""The situation values a rule's `when` may name (the profile offers the same values)."""

WHEN_FLAGS: tuple[str, ...] = ("tried", "avoid")
"""`when` keys that take `true`: they match when the rule's option is in the patient's list."""

AGE_RANGE: tuple[int, int] = (18, 110)
"""`when.age_at_least` matches when the patient's age is given and at least this."""


class Rule(Sourced):
    """A suitability rule read by the engine: when the situation matches, the option
    becomes not suitable or gets a caution. `tried`/`avoid` match when the option itself
    is in the patient's list."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    options: list[str] = Field(min_length=1)
    when: dict[str, SkipValidation[list[str] | bool | int]] = Field(
        min_length=1, description="keys and values are checked by _when_problems (one readable problem each)"
    )
    effect: Literal["not_suitable", "caution"]
    text: str = Field(min_length=1, description="plain sentences; {name} becomes the option's sentence_name")
    note: str = Field(default="", description="for reviewers: what the sources do and do not support")

    @field_validator("options")
    @classmethod
    def _known_options(cls, options: list[str]) -> list[str]:
        bad = [o for o in options if o not in OPTION_IDS]
        if bad:
            raise ValueError(f"unknown option id {bad[0]!r}; allowed: {', '.join(OPTION_IDS)}")
        return options


class Source(_Strict):
    authors: str = Field(min_length=1)
    title: str = Field(min_length=1)
    published_in: str = Field(min_length=1, description="journal or publisher")
    year: int | None = Field(default=None, ge=1900, le=2100)
    doi: str | None = None
    url: str | None = None
    note: str = ""

    def citation(self) -> str:
        """One line, as printed in the app, the summary and the CLI."""
        parts = [self.authors.rstrip("."), self.title.rstrip("."), self.published_in.rstrip(".")]
        text = ". ".join(parts) + "."
        if self.year:
            text += f" {self.year}."
        if self.doi:
            text += f" doi:{self.doi}"
        elif self.url:
            text += f" {self.url}"
        return text.strip()


class Measure(_Strict):
    """One outcome in the vocabulary every benefit figure names."""

    label: str = Field(min_length=1)
    definition: str = Field(min_length=1)


class Reviewer(_Strict):
    """A clinician who reviewed the dataset; none listed = "not yet reviewed by a clinician"."""

    name: str = Field(min_length=1)
    role: str = Field(min_length=1)
    date: dt.date
    scope: str = Field(min_length=1)


class UpdatePolicy(_Strict):
    interval: str = Field(min_length=1)
    triggers: str = Field(min_length=1)
    report_errors: str = Field(min_length=1)


class Meta(_Strict):
    title: str
    version: str = Field(min_length=1)
    last_reviewed: dt.date
    next_review: dt.date
    measures: dict[str, Measure] = Field(min_length=1)
    control_measure: str = Field(min_length=1, description="the measure the match uses for control")
    reviewers: list[Reviewer] = Field(default_factory=list)
    update_policy: UpdatePolicy
    reference_class: str = Field(min_length=1)
    made_by: str
    funding: str
    how_chosen: str


class Evidence(_Strict):
    meta: Meta
    options: dict[str, Option]
    no_treatment: NoTreatment
    rules: list[Rule]
    sources: dict[str, Source] = Field(min_length=1)

    @field_validator("options")
    @classmethod
    def _three_options(cls, options: dict[str, Option]) -> dict[str, Option]:
        unknown = [k for k in options if k not in OPTION_IDS]
        if unknown:
            raise ValueError(f"unknown option id {unknown[0]!r}; allowed: {', '.join(OPTION_IDS)}")
        missing = [k for k in OPTION_IDS if k not in options]
        if missing:
            raise ValueError(f"missing option {missing[0]!r}; every dataset needs {', '.join(OPTION_IDS)}")
        return {k: options[k] for k in OPTION_IDS}

    def ordered(self) -> list[tuple[str, Option]]:
        return [(k, self.options[k]) for k in OPTION_IDS]

    def benefit(self, option_id: str, measure: str) -> Benefit | None:
        """The option's figure on `measure`, or None where the dataset has none."""
        return self.options[option_id].benefit(measure)

    def control(self, option_id: str) -> Benefit:
        """The figure the match and `success` use: the same measure for every option,
        always with a number (the loader checks both)."""
        found = self.benefit(option_id, self.meta.control_measure)
        if found is None or found.per_100 is None:  # only for a model built without parse_evidence
            raise KeyError(f"{option_id} has no figure for {self.meta.control_measure!r}")
        return found


class DatasetError(Exception):
    """A dataset that cannot be used; `problems` holds one readable line per problem."""

    def __init__(self, path: Path | str, problems: list[str]):
        self.path = str(path)
        self.problems = problems
        super().__init__("\n".join(problems))


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
    """(path suffix, problem) for each unknown key or value in one rule's `when`."""
    when = rule.get("when") if isinstance(rule, dict) else None
    if not isinstance(when, dict):
        return []
    out = []
    allowed_keys = (*SITUATION_VALUES, *WHEN_FLAGS, "age_at_least")
    for key, value in when.items():
        at = f"when.{key}"
        if key in WHEN_FLAGS:
            if value is not True:
                out.append((at, f"must be true (it matches when the option is in the patient's {key} list)"))
        elif key == "age_at_least":
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


def load_evidence(path: Path | str | None = None) -> Evidence:
    """Read and validate a dataset file (default: the shipped one)."""
    p = Path(path) if path is not None else DEFAULT_DATASET
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise DatasetError(p, [f"{p}: (file): cannot be read: {reason}"]) from None
    return parse_evidence(text, p)


@lru_cache(maxsize=8)
def cached_evidence(path: str | None = None) -> Evidence:
    """The dataset is read once per process: it is immutable (frozen models)."""
    return load_evidence(path)
