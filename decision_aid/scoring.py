"""How each option's figures are used and scored: the figures as used (a team's own figure in
place of the published one), the scale anchors (value judgements, in plain words in
`ANCHORS_TEXT`), each option's 0-1 score on every priority, and the weighted match.

Each consequence counts under one priority only (see `ANCHORS_TEXT`). `engine.evaluate` puts
these together for one patient.
"""

from __future__ import annotations

from typing import Literal

from decision_aid.evidence import Benefit, Evidence, Option, Range
from decision_aid.profile import PRIORITIES, Profile
from decision_aid.results import BenefitUsed, FigureUsed, RiskUsed, SuccessUsed
from decision_aid.words.engine import anchors_text

End = Literal["low", "central", "high"]
ENDS: tuple[End, ...] = ("low", "central", "high")
"""Which end of the evidence: 'low' is the unfavourable end for that option, 'high' the favourable."""

DEFAULT_YEARS = 5
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

ANCHORS_TEXT: tuple[str, ...] = anchors_text(
    serious=f"{SERIOUS_ANCHOR:g}",
    side_effects=f"{SIDE_EFFECT_ANCHOR:g}",
    visits=f"{VISITS_ANCHOR:g}",
    weeks_off=f"{WEEKS_OFF_ANCHOR:g}",
)
"""The value judgements of the scale, in plain words (grade 8): shown in the app, PDF and review pack."""

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
                counts=r.counts,
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
    serious = sum(_risk_chance(r, end) for r in risks if r.serious_or_lasting)
    passing = sum(_risk_chance(r, end) for r in risks if not r.serious_or_lasting)
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
