"""The engine's answer as data: the frozen pydantic models every view (app, PDF, JSON, CLI) reads.

Kept apart from the arithmetic (`scoring`, `projection`, `engine`) so a view can import the shape
of a result without the model behind it, and a newcomer finds every field in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from decision_aid.profile import Profile


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class FigureUsed(_Out):
    """A chance per 100 as used in the calculation; `published` keeps the dataset's range
    when a local figure replaced its central value."""

    low: float
    central: float
    high: float
    sources: list[str]
    local: bool = False
    published: dict[str, float] | None = None


class SuccessUsed(FigureUsed):
    """The control figure the match uses: the same measure for every option."""

    measure: str
    label: str
    timeframe: str
    while_treated: bool
    certainty: str
    expert_estimate: bool = False


class BenefitUsed(_Out):
    """One benefit figure on one measure; numbers are None where it was never measured."""

    measure: str
    label: str
    low: float | None
    central: float | None
    high: float | None
    not_measured: str
    timeframe: str
    while_treated: bool
    certainty: str
    expert_estimate: bool
    sources: list[str]
    local: bool = False
    published: dict[str, float] | None = None


class RiskUsed(FigureUsed):
    id: str
    name: str
    permanent: bool
    serious: bool
    lasts: str
    per: Literal["person", "injection"] = "person"
    counts: Literal["one", "any"] = "one"
    certainty: str = ""
    timeframe: str = ""
    per_year: dict[str, float] | None = None
    """For a per-injection figure: the chance per person over a year of injections (derived)."""

    @property
    def serious_or_lasting(self) -> bool:
        """Serious or permanent: "serious or lasting harms", as against "side effects that pass",
        in the grid, the harms topic, the pictures, the match and the summaries alike."""
        return self.serious or self.permanent


def shown_range(fig: object) -> tuple[float | None, float | None, bool]:
    """The range a view gives beside a figure, and whether it is the published one. A local figure
    (the surgical team's own) replaces the central value, and the engine widens low and high to
    take it in, for the match's ends; no study gave that widened range, so the words give the
    published range, said to be published. `fig` is a result model or its dict."""

    def get(key: str) -> object:
        return fig.get(key) if isinstance(fig, dict) else getattr(fig, key, None)

    published = get("published")
    if get("local") and isinstance(published, dict):
        return published["low"], published["high"], True
    low, high = (v if isinstance(v := get(k), int | float) else None for k in ("low", "high"))
    return low, high, False


class Caution(_Out):
    rule: str
    effect: Literal["not_suitable", "caution", "good_to_know"]
    text: str
    sources: list[str]
    label: str  # the rule's `label`: a few words for the glance grid's short list
    not_matched: bool = False  # the rule's `not_matched`: the option's figures may not apply

    @property
    def good_to_know(self) -> bool:
        """Said in the option's favour, not a caution: listed apart, marking no cell."""
        return self.effect == "good_to_know"


T = TypeVar("T")


def once_per_wording(
    named: Iterable[tuple[str, Iterable[T]]], wording: Callable[[T], Hashable]
) -> list[tuple[T, list[str]]]:
    """Each caution once per wording (first seen first), with the name of every option it
    concerns: the same caution often applies to all three options (a scan first, say), and a
    list made option by option says it three times. `named` is (option name, its cautions)."""
    groups: dict[Hashable, tuple[T, list[str]]] = {}
    for name, cautions in named:
        for caution in cautions:
            _, names = groups.setdefault(wording(caution), (caution, []))
            if name not in names:
                names.append(name)
    return list(groups.values())


def under_whom(grouped: Iterable[tuple[T, list[str]]]) -> list[tuple[list[str], list[T]]]:
    """`once_per_wording`'s cautions gathered under the options they concern (first seen
    first): a list of "MVD surgery: MVD surgery needs ..." lines names the option twice, while
    a heading per group, as on the situation page, names it once above its own cautions."""
    groups: dict[tuple[str, ...], tuple[list[str], list[T]]] = {}
    for caution, names in grouped:
        groups.setdefault(tuple(names), (list(names), []))[1].append(caution)
    return list(groups.values())


class OptionResult(_Out):
    id: str
    name: str
    short_name: str
    suitable: bool
    avoided: bool
    cautions: list[str]
    """The words of the cautions and of what rules the option out, not of what is good to know."""
    caution_details: list[Caution]
    """Every rule the situation meets for this option, good to know included, with its effect."""
    match: float | None
    match_low: float | None
    match_high: float | None
    rank: int | None
    contributions: dict[str, float] | None
    scores: dict[str, float]
    scores_low: dict[str, float]
    scores_high: dict[str, float]
    success: SuccessUsed
    benefits: list[BenefitUsed]
    risks: list[RiskUsed]
    figures_apply: bool = True

    @property
    def matchable(self) -> bool:
        """Matched and ranked once priorities are stated: suitable, and no caution says its
        figures may not apply (`Rule.not_matched`)."""
        return self.suitable and self.figures_apply

    @property
    def local_not_matched(self) -> bool:
        """A team's own figure the match does not use: every option is matched on the control
        measure ('clearly better'), so a local 'spasm gone' figure changes the figures shown, not
        the match. Said beside the match, or a clinician would read it as counted."""
        return any(b.local for b in self.benefits) and not self.success.local


class NoTreatmentFigure(_Out):
    id: str
    name: str
    low: float
    central: float
    high: float
    timeframe: str
    certainty: str
    sources: list[str]


class Involves(_Out):
    """What waiting involves in this situation, and the sources of the sentences shown."""

    text: str
    sources: list[str]


class NoTreatmentResult(_Out):
    """The natural course, shown beside the options as a reference; never scored or ranked."""

    name: str
    short_name: str
    summary: str
    involves: Involves
    """What waiting involves, with the dataset's sentences for this situation (`involves_also`)."""
    figures: list[NoTreatmentFigure]


class SensitivityItem(_Out):
    priority: str
    label: str
    weight: int
    lines_up_now: str | None
    changes: bool
    up_at: int | None
    up_option: str | None
    down_at: int | None
    down_option: str | None
    sentence: str


class YearPoint(_Out):
    year: int
    low: float
    central: float
    high: float


class OptionProjection(_Out):
    controlled_pct: dict[str, float] | None
    by_year: list[YearPoint]
    injections: dict[str, float]
    clinic_visits: dict[str, float] | None
    operations: int
    hospital_nights: dict[str, float] | None
    recovery_weeks: dict[str, float] | None
    daily_pills: bool
    pill_days: int
    reference: bool = False
    """True for the no-treatment line: shown for comparison, not an option the match scores."""


class Projection(_Out):
    years: int
    assumptions: list[str]
    options: dict[str, OptionProjection]


class Result(_Out):
    evidence_version: str
    profile: Profile
    priorities_stated: bool
    weights: dict[str, int] | None
    warnings: list[str]
    options: list[OptionResult]
    no_treatment: NoTreatmentResult
    sensitivity: list[SensitivityItem]
    projection: Projection
    sources: dict[str, str]

    def option(self, option_id: str) -> OptionResult:
        return next(o for o in self.options if o.id == option_id)
