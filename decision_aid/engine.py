"""The decision engine: suitability, match with priorities, sensitivity and projection.

A transparent weighted model. Each option gets a score from 0 to 1 on each priority,
worked out from the dataset's figures (`attribute_scores`); the match is the weighted
average of those scores, times 100, and each priority's share of it is returned as a
contribution so every view can say *why*. `match_low` / `match_high` re-run the same model
with every figure of that option at the unfavourable / favourable end of its evidence range.

Nothing is matched or ranked until the patient has stated at least one priority, so default
weights can never lean the comparison; an option that is not suitable is never matched or
ranked. Deal-breakers ("avoid") stay out of the arithmetic: the option keeps its figures and
match, is marked avoided and ranks after the others. The engine never says which option to
choose. Each consequence counts under one priority only (see `ANCHORS_TEXT`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from decision_aid.evidence import OPTION_IDS, Benefit, Chance, Evidence, Option, Quantity, Range
from decision_aid.lru import BoundedCache
from decision_aid.profile import PRIORITIES, Profile
from decision_aid.wording import PRIORITY_LABELS

End = Literal["low", "central", "high"]
ENDS: tuple[End, ...] = ("low", "central", "high")
"""Which end of the evidence: 'low' is the unfavourable end for that option, 'high' the favourable."""

DEFAULT_YEARS = 5
NO_TREATMENT_ID = "no_treatment"
"""The key of the natural-course reference line in `Projection.options` (never scored)."""
REMISSION_FIGURE_ID = "remission"
"""The natural-course figure the no-treatment line is drawn from."""
LOCAL_SUCCESS_MEASURE = "spasm_gone"
"""The measure a team's own MVD success figure (`mvd_success`, 'spasm-free') replaces."""

# Scale anchors: value judgements, not evidence. Each says how a consequence is turned into a
# score from 0 to 1; ANCHORS_TEXT says the same in plain words for the app, the PDF and the
# review pack.
WEIGHT_POWER = 2
"""A priority counts as its weight times itself: a 10 counts four times a 5, so what the
patient rates highest leads (with plain weights, several middling priorities could outvote it)."""
SERIOUS_ANCHOR = 8.0
"""Serious or permanent harms adding up to 8 or more in 100 people score 0 (with linear weights
and 10, as before issue 11, 3.4 in 100 permanent harms used only a third of the scale)."""
SIDE_EFFECT_ANCHOR = 50.0
"""Side effects that pass adding up to 50 or more in 100 people a year score 0."""
VISITS_ANCHOR = 6.0
"""Six or more treatment visits a year use up the whole time-and-effort scale."""
DAILY_PILL_BURDEN = 0.5
"""Taking pills every day uses up half of the time-and-effort scale."""
WEEKS_OFF_ANCHOR = 4.0
"""Four or more weeks a year before usual activities (averaged over the years shown) use it up."""

ANCHORS_TEXT: tuple[str, ...] = (
    "Each thing that happens with a treatment counts under one priority only. The need to keep "
    "repeating a treatment, the time a treatment takes, and having an operation are counted apart.",
    "How much a priority counts: the number you gave it, times itself. So a 10 counts four times "
    "as much as a 5, and what you rate highest leads. Nothing is matched until you say how much "
    "at least one thing matters to you. Then any priority you left alone counts as 5.",
    f"{PRIORITY_LABELS['relief']}: how many out of 100 are clearly better while the treatment works. "
    "The same measure is used for every option.",
    f"{PRIORITY_LABELS['lasting']}: a treatment you must repeat or take every day "
    "scores 0. An operation scores by how many out of 100 do not have the spasm come back over the "
    "years shown.",
    f"{PRIORITY_LABELS['serious_risk']}: we add up the chances of harms that are serious or do not "
    f"go away. If they add up to {SERIOUS_ANCHOR:g} or more in 100 people, the score is 0. None "
    f"at all gets full marks.",
    f"{PRIORITY_LABELS['side_effects']}: we add up the chances of side effects that go away, for one "
    f"year. A chance per injection is turned into a chance for a year of shots. If they add up to "
    f"{SIDE_EFFECT_ANCHOR:g} or more in 100 people, the score is 0.",
    f"{PRIORITY_LABELS['burden'].split(' (')[0]}: this counts visits for treatment, pills every "
    f"day and weeks off after an operation. {VISITS_ANCHOR:g} or more visits a year use up the "
    f"whole scale. Pills every day use up half of it. Weeks off are spread over the years shown; "
    f"{WEEKS_OFF_ANCHOR:g} or more weeks a year use up the whole scale. Repeat visits count here "
    f"for the time they take. Under '{PRIORITY_LABELS['lasting'].lower()}' they count only because "
    f"the treatment must go on.",
    f"{PRIORITY_LABELS['recovery']}: an operation scores 0. Every other option gets full marks.",
    "The match is the average of these scores, each counted by how much it matters to you, out of "
    "100. The range beside it uses the worst and the best ends of every figure.",
)
"""The value judgements of the scale, in plain words (grade 8): shown in the app, PDF and review pack."""

NOT_RANKED_TEXT = (
    "Nothing is matched or put in order yet. Say how much at least one thing matters to you. "
    "Then the options are lined up against what you said."
)


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
    certainty: str = ""
    timeframe: str = ""
    per_year: dict[str, float] | None = None
    """For a per-injection figure: the chance per person over a year of injections (derived)."""


class Caution(_Out):
    rule: str
    effect: Literal["not_suitable", "caution"]
    text: str
    sources: list[str]


class OptionResult(_Out):
    id: str
    name: str
    short_name: str
    suitable: bool
    avoided: bool
    cautions: list[str]
    caution_details: list[Caution]
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


class NoTreatmentFigure(_Out):
    id: str
    name: str
    low: float
    central: float
    high: float
    timeframe: str
    certainty: str
    sources: list[str]


class NoTreatmentResult(_Out):
    """The natural course, shown beside the options as a reference; never scored or ranked."""

    name: str
    short_name: str
    summary: str
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


# ---------------------------------------------------------------- figures used


def _used(published: Range, sources: list[str], local: float | None) -> dict:
    """The fields of a figure as used: a local figure replaces the central value, the range
    widens to include it, and the published range is kept beside it."""
    if local is None:
        return dict(
            low=published.low,
            central=published.central,
            high=published.high,
            sources=list(sources),
            local=False,
            published=None,
        )
    return dict(
        low=min(published.low, local),
        central=local,
        high=max(published.high, local),
        sources=list(sources),
        local=True,
        published=published.model_dump(),
    )


def _local_benefit(option_id: str, measure: str, profile: Profile) -> float | None:
    return profile.mvd_success if (option_id, measure) == ("mvd", LOCAL_SUCCESS_MEASURE) else None


def benefits_used(evidence: Evidence, option_id: str, profile: Profile) -> list[BenefitUsed]:
    """Every benefit figure of the option, on its own measure; a team's own 'spasm-free'
    figure for MVD replaces that measure's central value and is marked local."""
    out = []
    for b in evidence.options[option_id].benefits:
        local = _local_benefit(option_id, b.measure, profile)
        if b.per_100 is None:
            numbers = dict(low=None, central=None, high=None, local=False, published=None)
        else:
            numbers = _used(b.per_100, b.sources, local)
            del numbers["sources"]
        out.append(
            BenefitUsed(
                **numbers,
                measure=b.measure,
                label=evidence.meta.measures[b.measure].label,
                not_measured=b.not_measured,
                timeframe=b.timeframe,
                while_treated=b.while_treated,
                certainty=b.certainty,
                expert_estimate=b.expert_estimate,
                sources=list(b.sources),
            )
        )
    return out


def success_used(evidence: Evidence, option_id: str, profile: Profile) -> SuccessUsed:
    """The control figure the match uses (the dataset's control measure, the same for every option)."""
    b: Benefit = evidence.control(option_id)
    assert b.per_100 is not None  # the loader guarantees a number for the control measure
    return SuccessUsed(
        **_used(b.per_100, b.sources, _local_benefit(option_id, b.measure, profile)),
        measure=b.measure,
        label=evidence.meta.measures[b.measure].label,
        timeframe=b.timeframe,
        while_treated=b.while_treated,
        certainty=b.certainty,
        expert_estimate=b.expert_estimate,
    )


HEARING_RISK_ID = "hearing_loss_same_side"


def _per_year(per_injection: float, injections: float) -> float:
    """Chance per person over a year of `injections` injections, each with the same chance."""
    return 100 * (1 - (1 - per_injection / 100) ** injections)


def risks_used(option_id: str, option: Option, profile: Profile) -> list[RiskUsed]:
    """Every risk as used; a clinician's local MVD hearing-loss figure replaces its central value.
    A per-injection figure also gets its per-person-per-year chance (fewest injections at the low
    end, most at the high end)."""
    shots = option.burden.injections_per_year
    out = []
    for r in option.risks:
        local = profile.mvd_hearing_loss if (option_id, r.id) == ("mvd", HEARING_RISK_ID) else None
        fields = _used(r.per_100, r.sources, local)
        per_year = None
        if r.per == "injection" and shots is not None:
            per_year = {end: round(_per_year(fields[end], getattr(shots.value, end)), 1) for end in ENDS}
        out.append(
            RiskUsed(
                **fields,
                id=r.id,
                name=r.name,
                permanent=r.permanent,
                serious=r.serious,
                lasts=r.lasts,
                per=r.per,
                certainty=r.certainty,
                timeframe=r.timeframe,
                per_year=per_year,
            )
        )
    return out


def _good(fig: FigureUsed | Range, end: End) -> float:
    """A figure where more is better (success): the unfavourable end is its low value."""
    return {"low": fig.low, "central": fig.central, "high": fig.high}[end]


def _bad(fig: FigureUsed | Range | dict, end: End) -> float:
    """A figure where more is worse (a harm, a burden): the unfavourable end is its high value."""
    if isinstance(fig, dict):
        return {"low": fig["high"], "central": fig["central"], "high": fig["low"]}[end]
    return {"low": fig.high, "central": fig.central, "high": fig.low}[end]


def _risk_chance(risk: RiskUsed, end: End) -> float:
    """The chance per person (a year of injections for a per-injection figure) at one end."""
    return _bad(risk.per_year if risk.per_year is not None else risk, end)


# ---------------------------------------------------------------- scores


def recurrence_share(option: Option, years: float, end: End) -> float:
    """Share (0-1) of people whose spasm has come back by `years` after a one-off treatment.

    The figure counts what the studies saw over their follow-up. Where the data says most of
    it happens within `mostly_within_years`, it is spread over those first years; otherwise
    evenly over the follow-up. Nothing more is added after that (no figure says how much)."""
    rec = option.recurrence
    if rec is None or rec.per_100 is None:
        return 0.0
    spread = rec.mostly_within_years or rec.years
    if spread is None:
        return _bad(rec.per_100, end) / 100
    if rec.years is not None:
        spread = min(spread, rec.years)
    return min(1.0, _bad(rec.per_100, end) / 100 * min(1.0, years / spread))


def _clip(x: float) -> float:
    return max(0.0, min(1.0, x))


def attribute_scores(
    option: Option, success: SuccessUsed, risks: list[RiskUsed], end: End, years: int = DEFAULT_YEARS
) -> dict[str, float]:
    """Score 0-1 on each priority (1 = best for what that priority asks), at one evidence end.

    Each consequence has one owner: needing repeat treatment -> lasting; visits, pills and
    weeks off -> burden; the operation itself -> recovery."""
    b = option.burden
    serious = sum(_risk_chance(r, end) for r in risks if r.serious or r.permanent)
    passing = sum(_risk_chance(r, end) for r in risks if not (r.serious or r.permanent))
    visits = sum(_bad(q.value, end) for q in (b.injections_per_year, b.clinic_visits_per_year) if q)
    weeks_off = _bad(b.recovery_weeks.value, end) / years if b.recovery_weeks else 0.0
    return {
        "relief": _clip(_good(success, end) / 100),
        "lasting": 0.0 if b.ongoing else _clip(1 - recurrence_share(option, years, end)),
        "serious_risk": _clip(1 - serious / SERIOUS_ANCHOR),
        "side_effects": _clip(1 - passing / SIDE_EFFECT_ANCHOR),
        "burden": _clip(
            1
            - visits / VISITS_ANCHOR
            - (DAILY_PILL_BURDEN if b.daily_pills else 0)
            - weeks_off / WEEKS_OFF_ANCHOR
        ),
        "recovery": 0.0 if b.general_anaesthetic else 1.0,
    }


def weighted_match(scores: dict[str, float], weights: dict[str, int]) -> tuple[float, dict[str, float]]:
    """Match 0-100 and each priority's share of it (the shares add up to the match).
    A priority counts as its weight to the power WEIGHT_POWER."""
    counts = {p: weights[p] ** WEIGHT_POWER for p in PRIORITIES}
    total = sum(counts.values())
    if total == 0:
        return 0.0, dict.fromkeys(PRIORITIES, 0.0)
    contributions = {p: 100 * counts[p] * scores[p] / total for p in PRIORITIES}
    return sum(contributions.values()), contributions


# ---------------------------------------------------------------- suitability


def _rule_applies(when: dict, option_id: str, profile: Profile) -> bool:
    for key, wanted in when.items():
        if isinstance(wanted, bool):  # tried / avoid: the option itself is in the patient's list
            if (option_id in getattr(profile, key)) != wanted:
                return False
        elif key == "age_at_least":
            if profile.age is None or profile.age < wanted:
                return False
        elif key == "mvd_result":
            if profile.mvd_result_used not in wanted:  # only after an earlier MVD
                return False
        elif getattr(profile, key) not in wanted:
            return False
    return True


def _fill_name(text: str, name: str) -> str:
    """Put the option's name into a rule's text, capitalised where it starts a sentence."""
    parts = re.split(r"(?<=[.!?]\s)", text)
    return "".join(
        part.replace("{name}", name[:1].upper() + name[1:], 1).replace("{name}", name)
        if part.startswith("{name}")
        else part.replace("{name}", name)
        for part in parts
    )


def cautions_for(evidence: Evidence, option_id: str, profile: Profile) -> list[Caution]:
    """Every dataset rule that applies to this option in this situation, in dataset order."""
    name = evidence.options[option_id].sentence_name
    return [
        Caution(rule=r.id, effect=r.effect, text=_fill_name(r.text, name), sources=list(r.sources))
        for r in evidence.rules
        if option_id in r.options and _rule_applies(r.when, option_id, profile)
    ]


# ---------------------------------------------------------------- evaluate


@dataclass(frozen=True)
class _Scored:
    option_id: str
    suitable: bool
    avoided: bool
    scores: dict[str, dict[str, float]]  # end -> priority -> score


def _score_all(evidence: Evidence, profile: Profile, years: int) -> list[_Scored]:
    out = []
    for oid, opt in evidence.ordered():
        succ = success_used(evidence, oid, profile)
        risks = risks_used(oid, opt, profile)
        cautions = cautions_for(evidence, oid, profile)
        out.append(
            _Scored(
                option_id=oid,
                suitable=not any(c.effect == "not_suitable" for c in cautions),
                avoided=oid in profile.avoid,
                scores={end: attribute_scores(opt, succ, risks, end, years) for end in ENDS},
            )
        )
    return out


def _lines_up(scored: list[_Scored], weights: dict[str, int]) -> str | None:
    """The option whose central match is highest among suitable, not-avoided ones (ties: none)."""
    if sum(weights.values()) == 0:
        return None
    pool = [s for s in scored if s.suitable and not s.avoided] or [s for s in scored if s.suitable]
    if not pool:
        return None
    matches = {s.option_id: weighted_match(s.scores["central"], weights)[0] for s in pool}
    top = max(matches.values())
    leaders = [k for k, v in matches.items() if abs(v - top) < 1e-9]
    return leaders[0] if len(leaders) == 1 else None


def sensitivity(
    scored: list[_Scored], profile: Profile, names: dict[str, str], *, compared: bool = True
) -> list[SensitivityItem]:
    """For each priority: would changing that weight alone change which option lines up most closely?
    Before anything is compared, every item says that nothing is ranked yet."""
    weights = profile.weights()
    now = _lines_up(scored, weights) if compared else None
    items = []
    for p in PRIORITIES:
        w = weights[p]
        up = down = (None, None)
        if compared:
            up = next(
                ((v, o) for v in range(w + 1, 11) if (o := _lines_up(scored, {**weights, p: v})) != now),
                (None, None),
            )
            down = next(
                ((v, o) for v in range(w - 1, -1, -1) if (o := _lines_up(scored, {**weights, p: v})) != now),
                (None, None),
            )
        items.append(
            SensitivityItem(
                priority=p,
                label=PRIORITY_LABELS[p],
                weight=w,
                lines_up_now=now,
                changes=up[0] is not None or down[0] is not None,
                up_at=up[0],
                up_option=up[1],
                down_at=down[0],
                down_option=down[1],
                sentence=_sensitivity_sentence(p, now, up, down, names) if compared else NOT_RANKED_TEXT,
            )
        )
    return items


def _sensitivity_sentence(p: str, now: str | None, up: tuple, down: tuple, names: dict[str, str]) -> str:
    label = PRIORITY_LABELS[p].lower()

    def who(o: str | None) -> str:
        return names[o] if o else "no single option"

    parts = []
    if up[0] is not None:
        parts.append(
            f"if {label} mattered more to you ({up[0]} out of 10 or more), "
            f"{who(up[1])} would line up most closely instead of {who(now)}"
        )
    if down[0] is not None:
        parts.append(
            f"if {label} mattered less to you ({down[0]} out of 10 or less), "
            f"{who(down[1])} would line up most closely instead of {who(now)}"
        )
    if not parts:
        return (
            f"Changing how much {label} matters to you would not change which option lines up most closely."
        )
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


# ---------------------------------------------------------------- projection


def _long_term(chance: Chance | None) -> Chance | None:
    """A 'stopped' figure the projection may use: a number from a follow-up of a year or more."""
    if chance is None or chance.per_100 is None or chance.years is None or chance.years < 1:
        return None
    return chance


def _interval(option: Option) -> Quantity | Range | None:
    """Weeks between injections: the published re-injection interval, else 52 / injections a year."""
    if option.reinjection_weeks is not None:
        return option.reinjection_weeks.value
    shots = option.burden.injections_per_year
    if shots is None:
        return None
    v = shots.value
    return Range(low=52 / v.high, central=52 / v.central, high=52 / v.low)


def coverage(option: Option, end: End) -> float | None:
    """Share (0-1) of the year one injection's effect covers, at one evidence end: the effect's
    length against the time between injections (never more than the whole year)."""
    interval = _interval(option)
    if option.effect_weeks is None or interval is None:
        return None
    return min(1.0, _good(option.effect_weeks.value, end) / _bad(interval, end))


def _controlled(option: Option, success: SuccessUsed, year: int, end: End) -> float:
    """Share (0-1) clearly better in `year` for the average person, at one evidence end."""
    s = _good(success, end) / 100
    b = option.burden
    cover = coverage(option, end)
    if cover is not None:
        return s * cover
    if b.ongoing:
        stopped = _long_term(option.stopped_for_side_effects)
        if stopped is None:
            return s
        share = _bad(stopped.per_100, end) / 100 * min(1.0, year / stopped.years)
        return s * (1 - share)
    share = s * (1 - recurrence_share(option, year, end))
    late = option.delayed_relief
    if year == 1 and late is not None and late.per_100 is not None and late.months is not None:
        share -= _bad(late.per_100, end) / 100 * min(12.0, _bad(late.months, end)) / 12
    return share


def _totals(q: Quantity | None, years: int, per_year: bool = True) -> dict[str, float] | None:
    if q is None:
        return None
    k = years if per_year else 1
    return {"low": q.value.low * k, "central": q.value.central * k, "high": q.value.high * k}


def _no_treatment_line(evidence: Evidence, years: int) -> OptionProjection:
    """The natural course as a reference line: the share whose spasm went away by itself, spread
    evenly over the follow-up the figure covers (empty when the data gives no follow-up)."""
    fig = next((f for f in evidence.no_treatment.figures if f.id == REMISSION_FIGURE_ID), None)
    span = fig.years if fig is not None else None
    by_year = []
    if fig is not None and span:
        for y in range(1, years + 1):
            k = min(1.0, y / span)
            p = fig.per_100
            by_year.append(
                YearPoint(
                    year=y,
                    low=round(p.low * k, 1),
                    central=round(p.central * k, 1),
                    high=round(p.high * k, 1),
                )
            )
    mean = {e: round(sum(getattr(p, e) for p in by_year) / years, 1) for e in ENDS} if by_year else None
    return OptionProjection(
        controlled_pct=mean,
        by_year=by_year,
        injections={"low": 0, "central": 0, "high": 0},
        clinic_visits=None,
        operations=0,
        hospital_nights=None,
        recovery_weeks=None,
        daily_pills=False,
        pill_days=0,
        reference=True,
    )


def project(evidence: Evidence, profile: Profile, years: int = DEFAULT_YEARS) -> Projection:
    """What the next `years` look like with each option, for the average person, with the
    natural course beside them as a reference line."""
    options = {}
    for oid, opt in evidence.ordered():
        succ = success_used(evidence, oid, profile)
        b = opt.burden
        by_year = []
        for y in range(1, years + 1):
            vals = {end: round(100 * _clip(_controlled(opt, succ, y, end)), 1) for end in ENDS}
            by_year.append(YearPoint(year=y, **vals))
        mean = {e: round(sum(getattr(p, e) for p in by_year) / years, 1) for e in ENDS}
        options[oid] = OptionProjection(
            controlled_pct=mean,
            by_year=by_year,
            injections=_totals(b.injections_per_year, years) or {"low": 0, "central": 0, "high": 0},
            clinic_visits=_totals(b.clinic_visits_per_year, years),
            operations=1 if b.general_anaesthetic else 0,
            hospital_nights=_totals(b.hospital_nights, years, per_year=False),
            recovery_weeks=_totals(b.recovery_weeks, years, per_year=False),
            daily_pills=b.daily_pills,
            pill_days=365 * years if b.daily_pills else 0,
        )
    options[NO_TREATMENT_ID] = _no_treatment_line(evidence, years)
    return Projection(years=years, assumptions=projection_assumptions(evidence), options=options)


def _n(x: float) -> str:
    return f"{x:.0f}" if abs(x - round(x)) < 0.05 or x >= 10 else f"{x:.1f}"


def projection_assumptions(evidence: Evidence) -> list[str]:
    """Each assumption of the projection, in plain words, with the figures it uses."""
    label = evidence.meta.measures[evidence.meta.control_measure].label.lower()
    out = [
        "These lines are for the average person in the published studies, not a forecast for you. "
        f"Every line counts the same thing: people who are {label.removesuffix('.')}.",
        "The shaded range uses the least and the most favourable ends of every figure.",
    ]
    for _, opt in evidence.ordered():
        name = opt.short_name
        cover = {end: coverage(opt, end) for end in ENDS}
        if cover["central"] is not None:
            interval = _interval(opt)
            eff = opt.effect_weeks.value
            where = (
                "published series"
                if opt.reinjection_weeks is not None
                else "the usual number of injections a year"
            )
            out.append(
                f"{name}: one injection works for about {_n(eff.low)} to {_n(eff.high)} weeks, and "
                f"{where} give about {_n(interval.low)} to {_n(interval.high)} weeks between injections. "
                f"So the effect covers about {_n(100 * cover['low'])} to {_n(100 * cover['high'])} "
                f"days in 100 (about {_n(100 * cover['central'])} on average), not every day. The line is "
                "the share clearly better at an injection's best, times that share of the year."
            )
        elif opt.burden.ongoing:
            if _long_term(opt.stopped_for_side_effects) is not None:
                out.append(
                    f"{name}: the share helped, less the people who stop because of side effects over "
                    "the years the figure covers."
                )
            else:
                out.append(
                    f"{name}: the share helped, the same every year. No study has followed people on these "
                    "medicines for years, so the line does not take off people who stop because of side "
                    "effects or whose benefit fades. The true line is probably lower."
                )
        else:
            rec = opt.recurrence
            if rec is not None and rec.per_100 is not None:
                spread = rec.mostly_within_years
                when = (
                    f"most of it within the first {_n(spread)} years, as the studies found, and none "
                    "added after that"
                    if spread
                    else f"spread evenly over the {_n(rec.years)} years the studies followed people"
                    if rec.years
                    else "all of it counted from the first year"
                )
                out.append(
                    f"{name}: the share helped after the operation, less those whose spasm comes back "
                    f"({_n(rec.per_100.low)} to {_n(rec.per_100.high)} in 100 in the studies), {when}."
                )
            late = opt.delayed_relief
            if late is not None and late.per_100 is not None and late.months is not None:
                out.append(
                    f"{name}: in the first year, about {_n(late.per_100.low)} to "
                    f"{_n(late.per_100.high)} in 100 people are counted as not yet better for "
                    f"{_n(late.months.low)} to "
                    f"{_n(late.months.high)} months, because their relief comes late."
                )
            elif late is not None:
                out.append(
                    f"{name}: some people's relief comes weeks or months after the operation; the line does "
                    "not show this because the studies do not say how long it takes."
                )
    fig = next((f for f in evidence.no_treatment.figures if f.id == REMISSION_FIGURE_ID), None)
    nt = evidence.no_treatment.short_name
    if fig is not None and fig.years:
        out.append(
            f"{nt}: the share whose spasm went away by itself ({_n(fig.per_100.central)} in 100 over about "
            f"{_n(fig.years)} years on average), spread evenly over those years. The line counts them as "
            "better from then on. It is shown for comparison; the match does not score it."
        )
    else:
        out.append(
            f"{nt}: no line is drawn, because the figures do not say over how many years the spasm "
            "went away by itself. It is shown for comparison; the match does not score it."
        )
    return out


# ---------------------------------------------------------------- evaluate


def no_treatment_result(evidence: Evidence) -> NoTreatmentResult:
    nt = evidence.no_treatment
    return NoTreatmentResult(
        name=nt.name,
        short_name=nt.short_name,
        summary=nt.summary,
        figures=[
            NoTreatmentFigure(
                id=f.id,
                name=f.name,
                **f.per_100.model_dump(),
                timeframe=f.timeframe,
                certainty=f.certainty,
                sources=list(f.sources),
            )
            for f in nt.figures
        ],
    )


def evaluate(
    evidence: Evidence, profile: Profile, *, years: int = DEFAULT_YEARS, warnings: list[str] | None = None
) -> Result:
    """The full comparison for one patient: what every view (app, PDF, CLI) shows."""
    warnings = list(warnings or [])
    weights = profile.weights()
    stated = profile.priorities_stated
    if stated and sum(weights.values()) == 0:
        warnings.append(
            "Every priority is set to 0, so there is nothing to compare the options on: "
            "nothing is matched. Move at least one slider above 0."
        )
    if profile.mvd_result and not profile.mvd_result_used:
        warnings.append(
            "You said how an earlier MVD operation went, but not that you have had MVD before, "
            "so that answer was not used. Add MVD to the treatments you have tried if you had it."
        )
    compared = stated and sum(weights.values()) > 0
    scored = _score_all(evidence, profile, years)
    avoid_rules = {r.id for r in evidence.rules if "avoid" in r.when}

    results = []
    for s in scored:
        oid = s.option_id
        opt = evidence.options[oid]
        cautions = cautions_for(evidence, oid, profile)
        if s.avoided and not any(c.rule in avoid_rules for c in cautions):
            cautions.append(
                Caution(
                    rule="avoid",
                    effect="caution",
                    sources=[],
                    text=f"You said you do not want {opt.sentence_name}, whatever the figures say.",
                )
            )
        matched = compared and s.suitable
        match, contributions = weighted_match(s.scores["central"], weights)
        lo, _ = weighted_match(s.scores["low"], weights)
        hi, _ = weighted_match(s.scores["high"], weights)
        results.append(
            dict(
                id=oid,
                name=opt.name,
                short_name=opt.short_name,
                suitable=s.suitable,
                avoided=s.avoided,
                cautions=[c.text for c in cautions],
                caution_details=cautions,
                match=round(match, 1) if matched else None,
                match_low=round(min(lo, match), 1) if matched else None,
                match_high=round(max(hi, match), 1) if matched else None,
                contributions={k: round(v, 2) for k, v in contributions.items()} if matched else None,
                scores={k: round(v, 3) for k, v in s.scores["central"].items()},
                scores_low={k: round(v, 3) for k, v in s.scores["low"].items()},
                scores_high={k: round(v, 3) for k, v in s.scores["high"].items()},
                success=success_used(evidence, oid, profile),
                benefits=benefits_used(evidence, oid, profile),
                risks=risks_used(oid, opt, profile),
            )
        )
    order = {oid: i for i, oid in enumerate(OPTION_IDS)}
    ranked = sorted(
        (r for r in results if r["match"] is not None),
        key=lambda r: (r["avoided"], -r["match"], order[r["id"]]),
    )
    ranks = {r["id"]: i + 1 for i, r in enumerate(ranked)}
    names = {oid: evidence.options[oid].short_name for oid in OPTION_IDS}
    return Result(
        evidence_version=evidence.meta.version,
        profile=profile,
        priorities_stated=stated,
        weights=weights if stated else None,
        warnings=warnings,
        options=[OptionResult(**r, rank=ranks.get(r["id"])) for r in results],
        no_treatment=no_treatment_result(evidence),
        sensitivity=sensitivity(scored, profile, names, compared=compared),
        projection=project(evidence, profile, years),
        sources={sid: src.citation() for sid, src in evidence.sources.items()},
    )


_CACHE: BoundedCache[tuple[Evidence, Result]] = BoundedCache(256)


def evaluate_cached(evidence: Evidence, profile: Profile) -> Result:
    """Profiles and evidence are frozen, so a result can be reused across reruns and sessions.

    Keyed on the evidence object's identity (its dicts make it unhashable); the entry keeps
    the evidence alive so an identity is never reused for another dataset while cached. The
    patient's free-text note plays no part in the figures: it is left out of the key, so the
    cache never holds it, and put back into the result handed out.
    """
    bare = profile.model_copy(update={"note": ""}) if profile.note else profile
    key = (id(evidence), bare)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is evidence:
        result = hit[1]
    else:
        result = evaluate(evidence, bare)
        _CACHE.put(key, (evidence, result))
    if not profile.note:
        return result
    return result.model_copy(update={"profile": profile})


def rank(result: Result) -> list[OptionResult]:
    """Options ordered by rank (unranked ones last, in the fixed order), for views that sort;
    the app's default order stays fixed."""
    return sorted(result.options, key=lambda o: (o.rank is None, o.rank or 0))
