"""The evidence dataset's schema as pydantic models: the single source of what a dataset holds.

Loading a file and turning its problems into readable lines is `evidence`'s job; every view
imports these models from there (`decision_aid.evidence` re-exports them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SkipValidation,
    field_validator,
    model_validator,
)

OPTION_IDS: tuple[str, ...] = ("medication", "botulinum", "mvd")
"""The three options, in the one fixed order every view uses."""

Certainty = Literal["high", "moderate", "low", "very_low"]


def least_certain(grades: Iterable[str | None]) -> str | None:
    """The least sure of some certainty grades, or None if none is one: figures read together (a
    sum of harms, the natural course's four) are no surer than their least sure part."""
    order = get_args(Certainty)
    known = [g for g in grades if g in order]
    return max(known, key=order.index) if known else None


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


def _repeated(values: list[str]) -> list[str]:
    """The values that occur more than once, sorted: the ids the unique-id checks name."""
    return sorted({v for v in values if values.count(v) > 1})


def _figure_or_reason(model: Any) -> Any:
    """A figure that was never measured must say why (Benefit and Chance share this rule)."""
    if model.per_100 is None and not model.not_measured.strip():
        raise ValueError("per_100 is null, so not_measured must say why there is no figure")
    return model


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

    _figure_or_reason = model_validator(mode="after")(_figure_or_reason)


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

    @property
    def reason(self) -> str:
        """`not_measured` on one line (the YAML folds it): why there is no figure, as every view says it."""
        return " ".join(self.not_measured.split())

    _figure_or_reason = model_validator(mode="after")(_figure_or_reason)


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
    counts: Literal["one", "any"] = Field(
        default="one", description="any = the figure counts any side effect at all, not one named one"
    )
    certainty: Certainty
    timeframe: str = Field(min_length=1, description="what period the figure covers")
    note: str = ""

    @property
    def serious_or_lasting(self) -> bool:
        """Serious or permanent: "serious or lasting harms", as against "side effects that pass",
        in the grid, the harms topic, the pictures, the match and the summaries alike."""
        return self.serious or self.permanent


class LabelWarning(Sourced):
    """A serious harm a medicine's label warns of that the studies used never counted: said with
    the option's serious harms, in words only, so it is in no picture, total or match (a figure
    it does not have would be invented)."""

    short: str = Field(min_length=1, description="the few words the at-a-glance grid shows")
    text: str = Field(min_length=1)
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


CHANCE_FIELDS: tuple[str, ...] = ("delayed_relief", "recurrence", "reoperation", "stopped_for_side_effects")
"""An option's chances after it is started, in the order a patient asks: relief that comes late,
the spasm coming back, a second operation, stopping for side effects (`Option.chances`)."""


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
    label_warning: LabelWarning | None = Field(
        default=None, description="a serious harm its label warns of, with no figure in the studies used"
    )
    burden: Burden

    @field_validator("risks")
    @classmethod
    def _unique_risk_ids(cls, risks: list[Risk]) -> list[Risk]:
        ids = [r.id for r in risks]
        dupes = _repeated(ids)
        if dupes:
            raise ValueError(f"risk ids must be unique; repeated: {', '.join(dupes)}")
        return risks

    @model_validator(mode="after")
    def _label_warning_only_without_counted_harms(self) -> Option:
        """A label's warning stands where the studies counted no serious harm ("none reported"):
        beside counted ones, every view would drop it or put "none reported" before figures."""
        if self.label_warning is not None and any(r.serious_or_lasting for r in self.risks):
            raise ValueError("label_warning is for an option with no serious or lasting risk counted")
        return self

    @field_validator("benefits")
    @classmethod
    def _one_benefit_per_measure(cls, benefits: list[Benefit]) -> list[Benefit]:
        measures = [b.measure for b in benefits]
        dupes = _repeated(measures)
        if dupes:
            raise ValueError(f"one benefit per measure; repeated: {', '.join(dupes)}")
        return benefits

    def benefit(self, measure: str) -> Benefit | None:
        """This option's figure on `measure`, or None when the dataset has none."""
        return next((b for b in self.benefits if b.measure == measure), None)

    def chances(self) -> list[tuple[str, Chance]]:
        """(field, chance) for each chance the dataset gives, in `CHANCE_FIELDS` order, so the app,
        the PDF and the command line say an option's later chances in one order."""
        return [(f, ch) for f in CHANCE_FIELDS if (ch := getattr(self, f)) is not None]


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


class RuleSentence(_Strict):
    """Sentences a rule adds to its text only when their own `when` holds as well (an age, say):
    one caution then reads right on both sides of it, and the sentences they share are written
    once."""

    when: dict[str, SkipValidation[list[str] | bool | int]] = Field(
        min_length=1, description="checked as a rule's `when` is (_when_problems)"
    )
    text: str = Field(min_length=1, description="appended to the rule's text; {name} as there")
    sources: list[str] = Field(
        default_factory=list,
        description="what backs this sentence alone: cited only where it is shown, after the "
        "sources of the text it is added to",
    )


class NoTreatment(_Strict):
    """What is known about waiting: shown beside the options wherever figures are compared."""

    name: str = Field(min_length=1)
    short_name: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    involves: Text
    involves_also: list[RuleSentence] = Field(
        default_factory=list,
        description="sentences added to `involves` when their `when` holds: advice to get a scan "
        "only while there is none (no tried/avoid: no option is chosen)",
    )
    figures: list[Figure] = Field(min_length=1)
    figures_note: Text | None = None
    """What the figures can and cannot say (who was counted), in plain words for the patient: shown
    under them on the About page and under the glance grid, in both modes. Each figure's own
    `note` is for clinicians and reviewers (consult mode and the review pack)."""

    @field_validator("figures")
    @classmethod
    def _unique_figure_ids(cls, figures: list[Figure]) -> list[Figure]:
        ids = [f.id for f in figures]
        dupes = _repeated(ids)
        if dupes:
            raise ValueError(f"figure ids must be unique; repeated: {', '.join(dupes)}")
        return figures


SITUATION_VALUES: dict[str, tuple[str, ...]] = {
    "cause": ("unknown", "vascular", "bells_trauma", "ms"),
    "anesthesia": ("unsure", "fit", "unfit"),
    "mri": ("not_done", "vessel", "no_vessel", "other_finding"),
    "pregnant": ("", "no", "yes", "planning"),
    "blood_thinners": ("", "yes", "no"),
    "sides": ("one", "both"),
    "mvd_result": ("", "no_help", "came_back"),
}
"""The situation values a rule's `when` may name (the profile offers the same values)."""

WHEN_FLAGS: tuple[str, ...] = ("tried", "avoid")
"""`when` keys that take `true`: they match when the rule's option is in the patient's list."""

GRID_ROWS: tuple[str, ...] = (
    "involves",
    "clearly_better",
    "spasm_gone",
    "timing",
    "passing",
    "serious",
    "visits",
    "not_working",
    "cost",
)
"""The glance grid's rows (`grid.QUESTIONS`), which a caution's `concerns` may name."""

AGE_RANGE: tuple[int, int] = (18, 110)
"""The youngest and oldest age the aid asks about (`profile.MIN_AGE`, `MAX_AGE`) and the range of
the age keys of a rule's `when` (AGE_KEYS)."""

AGE_KEYS: tuple[str, ...] = ("age_at_least", "age_not_at_least")
"""A rule's age conditions: `age_at_least` matches when the patient's age is given and at least
the number; `age_not_at_least` is its complement (the age not given, or under the number), so a
rule, or one of its `also` sentences, can be said on one side of an age only."""


def _all_known(values: list[str], allowed: tuple[str, ...], what: str) -> list[str]:
    """`values` when each is one of `allowed`; else the first that is not, named with the list."""
    bad = [v for v in values if v not in allowed]
    if bad:
        raise ValueError(f"unknown {what} {bad[0]!r}; allowed: {', '.join(allowed)}")
    return values


LABEL_CHARS = 40
"""A rule's `label` at most: about six words, one line in a phone's card."""


class Rule(Sourced):
    """A suitability rule read by the engine: when the situation matches, the option
    becomes not suitable or gets a caution, or the patient is told something good to know (that
    injections work whatever the cause, say: listed as a caution, with a warning sign on its
    cells, it read as a reason against the option). `tried`/`avoid` match when the option itself
    is in the patient's list. A caution with `not_matched` also keeps the option out of the
    match: its figures come from people this answer sets apart, so scoring them would claim
    what no study measured (the option keeps its figures, cautions and questions)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    options: list[str] = Field(min_length=1)
    when: dict[str, SkipValidation[list[str] | bool | int]] = Field(
        min_length=1, description="keys and values are checked by _when_problems (one readable problem each)"
    )
    effect: Literal["not_suitable", "caution", "good_to_know"] = Field(
        description="'good_to_know' is a fact in the patient's favour: listed apart, marking no cell"
    )
    label: str = Field(
        min_length=1,
        max_length=LABEL_CHARS,
        description='a few words naming the answer behind it ("You take a blood thinner"): the glance '
        "grid lists these under it, with the whole `text` one click away, so the grid stays in view",
    )
    text: str = Field(min_length=1, description="plain sentences; {name} becomes the option's sentence_name")
    also: list[RuleSentence] = Field(
        default_factory=list, description="sentences added to `text` when their own `when` holds too"
    )
    note: str = Field(default="", description="for reviewers: what the sources do and do not support")
    concerns: list[str] = Field(
        default_factory=list,
        description="a caution's glance-grid rows (GRID_ROWS), where its `when` alone would mark others",
    )
    not_matched: bool = Field(
        default=False,
        description="a caution after which the option's figures may not apply: it is not matched or ranked",
    )

    @field_validator("options")
    @classmethod
    def _known_options(cls, options: list[str]) -> list[str]:
        return _all_known(options, OPTION_IDS, "option id")

    @field_validator("label")
    @classmethod
    def _label_is_words(cls, label: str) -> str:
        # shown as it is, and made a sentence where it is listed: no {name}, no stop of its own
        if "{" in label or "}" in label or label.rstrip().endswith((".", "!", "?", ":", ";")):
            raise ValueError("a label is a few plain words: no {name} and no full stop at its end")
        return label

    @field_validator("concerns")
    @classmethod
    def _known_rows(cls, concerns: list[str]) -> list[str]:
        return _all_known(concerns, GRID_ROWS, "grid row")

    @model_validator(mode="after")
    def _concerns_only_for_a_caution(self) -> Rule:
        if self.concerns and self.effect != "caution":
            raise ValueError("`concerns` is for a caution: a 'not suitable' option's whole column is marked")
        if self.not_matched and self.effect != "caution":
            raise ValueError("`not_matched` is for a caution: a 'not suitable' option is never matched")
        return self


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
        parts = (self.authors, self.title, self.published_in)
        # A title that asks a question keeps its question mark and takes no full stop.
        text = " ".join(p if p.endswith(("?", "!")) else p.rstrip(".") + "." for p in parts)
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
