"""The decision engine: suitability, match with priorities, sensitivity and projection.

A transparent weighted model. Each option gets a score from 0 to 1 on each priority,
worked out from the dataset's figures (`attribute_scores`); the match is the weighted
average of those scores, times 100, and each priority's share of it is returned as a
contribution so every view can say *why*. `match_low` / `match_high` re-run the same model
with every figure of that option at the unfavourable / favourable end of its evidence range.

Deal-breakers ("avoid") stay out of the arithmetic: the option keeps its figures and match,
is marked avoided and ranks after the others. The engine never says which option to choose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from decision_aid.evidence import OPTION_IDS, Evidence, Option, Range
from decision_aid.lru import BoundedCache
from decision_aid.profile import PRIORITIES, Profile
from decision_aid.wording import PRIORITY_LABELS

End = Literal["low", "central", "high"]
ENDS: tuple[End, ...] = ("low", "central", "high")
"""Which end of the evidence: 'low' is the unfavourable end for that option, 'high' the favourable."""

DEFAULT_YEARS = 5

# Scale anchors: value judgements, not evidence. Each says what counts as the worst score (0)
# on a priority; the app's "how this is worked out" section prints them.
SERIOUS_ANCHOR = 10.0
"""Serious or permanent harms adding up to 10 or more in 100 people score 0."""
SIDE_EFFECT_ANCHOR = 50.0
"""Temporary side effects adding up to 50 or more in 100 people score 0."""
BURDEN_ANCHOR = 6.0
"""Six or more injections or clinic visits a year score 0."""
DAILY_PILL_BURDEN = 0.5
"""Taking pills every day uses up half of the burden scale on its own."""
ANAESTHETIC_SHARE = 0.5
"""A general anaesthetic uses up half of the recovery scale; recovery time the other half."""
RECOVERY_ANCHOR = 8.0
"""Eight or more weeks of recovery use up the other half."""
DELAYED_RELIEF_YEARS = 0.25
"""People whose relief after MVD comes late are counted as not controlled for the first 3 months."""

ANCHORS_TEXT: tuple[str, ...] = (
    "Control of the spasm: the chance of good control out of 100.",
    "A result that lasts: the chance of control that lasts without repeat treatment over the "
    "years shown, out of 100; treatments that must be repeated or taken every day score 0.",
    f"Serious or permanent harm: 1 minus the chances of serious or permanent harms added up, "
    f"where {SERIOUS_ANCHOR:g} or more in 100 scores 0.",
    f"Side effects that pass: 1 minus the chances of temporary side effects added up, where "
    f"{SIDE_EFFECT_ANCHOR:g} or more in 100 scores 0.",
    f"Few visits, injections or pills: 1 minus injections and visits a year over {BURDEN_ANCHOR:g}, "
    f"and daily pills take away {DAILY_PILL_BURDEN:g}.",
    f"No operation or time off: a general anaesthetic takes away {ANAESTHETIC_SHARE:g}, and recovery "
    f"time takes away up to {1 - ANAESTHETIC_SHARE:g} more ({RECOVERY_ANCHOR:g} weeks or more).",
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
    timeframe: str
    certainty: str


class RiskUsed(FigureUsed):
    id: str
    name: str
    permanent: bool
    serious: bool
    lasts: str


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
    match: float
    match_low: float
    match_high: float
    rank: int
    contributions: dict[str, float]
    scores: dict[str, float]
    scores_low: dict[str, float]
    scores_high: dict[str, float]
    success: SuccessUsed
    risks: list[RiskUsed]


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
    controlled_pct: dict[str, float]
    by_year: list[YearPoint]
    injections: dict[str, float]
    clinic_visits: dict[str, float] | None
    operations: int
    hospital_nights: dict[str, float] | None
    recovery_weeks: dict[str, float] | None
    daily_pills: bool
    pill_days: int


class Projection(_Out):
    years: int
    assumptions: list[str]
    options: dict[str, OptionProjection]


class Result(_Out):
    evidence_version: str
    profile: Profile
    warnings: list[str]
    options: list[OptionResult]
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


def success_used(option_id: str, option: Option, profile: Profile) -> SuccessUsed:
    """The success figure used: a clinician's local MVD figure replaces the central value."""
    s = option.success
    local = profile.mvd_success if option_id == "mvd" else None
    return SuccessUsed(**_used(s.per_100, s.sources, local), timeframe=s.timeframe, certainty=s.certainty)


HEARING_RISK_ID = "hearing_loss_same_side"


def risks_used(option_id: str, option: Option, profile: Profile) -> list[RiskUsed]:
    """Every risk as used; a clinician's local MVD hearing-loss figure replaces its central value."""
    return [
        RiskUsed(
            **_used(
                r.per_100,
                r.sources,
                profile.mvd_hearing_loss if (option_id, r.id) == ("mvd", HEARING_RISK_ID) else None,
            ),
            id=r.id,
            name=r.name,
            permanent=r.permanent,
            serious=r.serious,
            lasts=r.lasts,
        )
        for r in option.risks
    ]


def _good(fig: FigureUsed | Range, end: End) -> float:
    """A figure where more is better (success): the unfavourable end is its low value."""
    return {"low": fig.low, "central": fig.central, "high": fig.high}[end]


def _bad(fig: FigureUsed | Range, end: End) -> float:
    """A figure where more is worse (a harm, a burden): the unfavourable end is its high value."""
    return {"low": fig.high, "central": fig.central, "high": fig.low}[end]


# ---------------------------------------------------------------- scores


def _recurrence_share(option: Option, years: int, end: End) -> float:
    """Share (0-1) of successes lost to recurrence by the end of `years`, at a steady yearly rate."""
    rec = option.recurrence
    if rec is None:
        return 0.0
    per_year = _bad(rec.per_100, end) / (rec.years or 1.0)
    return min(1.0, per_year * years / 100)


def _clip(x: float) -> float:
    return max(0.0, min(1.0, x))


def attribute_scores(
    option: Option, success: SuccessUsed, risks: list[RiskUsed], end: End, years: int = DEFAULT_YEARS
) -> dict[str, float]:
    """Score 0-1 on each priority (1 = best for what that priority asks), at one evidence end."""
    b = option.burden
    succ = _good(success, end) / 100
    serious = sum(_bad(r, end) for r in risks if r.serious or r.permanent)
    temporary = sum(_bad(r, end) for r in risks if not (r.serious or r.permanent))
    per_year = sum(_bad(q.value, end) for q in (b.injections_per_year, b.clinic_visits_per_year) if q)
    recovery_weeks = _bad(b.recovery_weeks.value, end) if b.recovery_weeks else 0.0
    lasting = 0.0 if b.ongoing else succ * (1 - _recurrence_share(option, years, end))
    return {
        "relief": _clip(succ),
        "lasting": _clip(lasting),
        "serious_risk": _clip(1 - serious / SERIOUS_ANCHOR),
        "side_effects": _clip(1 - temporary / SIDE_EFFECT_ANCHOR),
        "burden": _clip(1 - per_year / BURDEN_ANCHOR - (DAILY_PILL_BURDEN if b.daily_pills else 0)),
        "recovery": _clip(
            1
            - (ANAESTHETIC_SHARE if b.general_anaesthetic else 0)
            - (1 - ANAESTHETIC_SHARE) * min(1.0, recovery_weeks / RECOVERY_ANCHOR)
        ),
    }


def weighted_match(scores: dict[str, float], weights: dict[str, int]) -> tuple[float, dict[str, float]]:
    """Match 0-100 and each priority's share of it (the shares add up to the match)."""
    total = sum(weights.values())
    if total == 0:
        return 0.0, dict.fromkeys(PRIORITIES, 0.0)
    contributions = {p: 100 * weights[p] * scores[p] / total for p in PRIORITIES}
    return sum(contributions.values()), contributions


# ---------------------------------------------------------------- suitability


def _rule_applies(when: dict, option_id: str, profile: Profile) -> bool:
    for field, wanted in when.items():
        value = getattr(profile, field)
        if isinstance(wanted, bool):
            if (option_id in value) != wanted:
                return False
        elif value not in wanted:
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
        succ = success_used(oid, opt, profile)
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


def sensitivity(scored: list[_Scored], profile: Profile, names: dict[str, str]) -> list[SensitivityItem]:
    """For each priority: would changing that weight alone change which option lines up most closely?"""
    weights = profile.weights()
    now = _lines_up(scored, weights)
    items = []
    for p in PRIORITIES:
        w = weights[p]
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
                sentence=_sensitivity_sentence(p, now, up, down, names),
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


def project(evidence: Evidence, profile: Profile, years: int = DEFAULT_YEARS) -> Projection:
    """What the next `years` look like with each option, for the average person."""
    options = {}
    for oid, opt in evidence.ordered():
        succ = success_used(oid, opt, profile)
        b = opt.burden
        by_year = []
        for y in range(1, years + 1):
            vals = {}
            for end in ("low", "central", "high"):
                s = _good(succ, end) / 100
                if b.ongoing and opt.effect_weeks and b.injections_per_year:
                    cover = min(
                        1.0,
                        _good(b.injections_per_year.value, "central")
                        * _good(opt.effect_weeks.value, end)
                        / 52,
                    )
                    share = s * cover
                elif b.ongoing:
                    stopped = opt.stopped_for_side_effects
                    stop = _bad(stopped.per_100, end) / 100 if stopped else 0.0
                    share = s * (1 - stop)
                else:
                    share = s * (1 - _recurrence_share(opt, y - 1, end))
                    if y == 1 and opt.delayed_relief:
                        share -= s * _bad(opt.delayed_relief.per_100, end) / 100 * DELAYED_RELIEF_YEARS
                vals[end] = round(100 * _clip(share), 1)
            by_year.append(YearPoint(year=y, **vals))
        mean = {e: round(sum(getattr(p, e) for p in by_year) / years, 1) for e in ("low", "central", "high")}

        def total(q, per_year: bool = True):
            if q is None:
                return None
            k = years if per_year else 1
            return {"low": q.value.low * k, "central": q.value.central * k, "high": q.value.high * k}

        options[oid] = OptionProjection(
            controlled_pct=mean,
            by_year=by_year,
            injections=total(b.injections_per_year) or {"low": 0, "central": 0, "high": 0},
            clinic_visits=total(b.clinic_visits_per_year),
            operations=1 if b.general_anaesthetic else 0,
            hospital_nights=total(b.hospital_nights, per_year=False),
            recovery_weeks=total(b.recovery_weeks, per_year=False),
            daily_pills=b.daily_pills,
            pill_days=365 * years if b.daily_pills else 0,
        )
    return Projection(years=years, assumptions=list(PROJECTION_ASSUMPTIONS), options=options)


PROJECTION_ASSUMPTIONS = (
    "Figures are for the average person in the published studies, not a forecast for you.",
    "Botulinum toxin: the share helped, times the share of each year one injection keeps working, "
    "with injections at the usual interval.",
    "Medicines: the share helped, less those who stop because of side effects where a figure exists; "
    "the effect often fades over time, which the figures do not show.",
    "MVD: the share helped, less a steady yearly share whose spasm comes back; people whose relief "
    f"comes late are counted as not controlled for the first {round(DELAYED_RELIEF_YEARS * 12)} months.",
)


def evaluate(
    evidence: Evidence, profile: Profile, *, years: int = DEFAULT_YEARS, warnings: list[str] | None = None
) -> Result:
    """The full comparison for one patient: what every view (app, PDF, CLI) shows."""
    warnings = list(warnings or [])
    weights = profile.weights()
    if sum(weights.values()) == 0:
        warnings.append(
            "Every priority is set to 0, so there is nothing to compare the options on: "
            "the match is 0 for every option. Move at least one slider above 0."
        )
    scored = _score_all(evidence, profile, years)

    results = []
    for s in scored:
        oid = s.option_id
        opt = evidence.options[oid]
        match, contributions = weighted_match(s.scores["central"], weights)
        lo, _ = weighted_match(s.scores["low"], weights)
        hi, _ = weighted_match(s.scores["high"], weights)
        cautions = cautions_for(evidence, oid, profile)
        avoid_rules = {r.id for r in evidence.rules if "avoid" in r.when}
        if s.avoided and not any(c.rule in avoid_rules for c in cautions):
            cautions.append(
                Caution(
                    rule="avoid",
                    effect="caution",
                    sources=[],
                    text=f"You said you do not want {opt.sentence_name}, whatever the figures say.",
                )
            )
        results.append(
            dict(
                id=oid,
                name=opt.name,
                short_name=opt.short_name,
                suitable=s.suitable,
                avoided=s.avoided,
                cautions=[c.text for c in cautions],
                caution_details=cautions,
                match=round(match, 1),
                match_low=round(min(lo, match), 1),
                match_high=round(max(hi, match), 1),
                contributions={k: round(v, 2) for k, v in contributions.items()},
                scores={k: round(v, 3) for k, v in s.scores["central"].items()},
                scores_low={k: round(v, 3) for k, v in s.scores["low"].items()},
                scores_high={k: round(v, 3) for k, v in s.scores["high"].items()},
                success=success_used(oid, opt, profile),
                risks=risks_used(oid, opt, profile),
            )
        )
    order = {oid: i for i, oid in enumerate(OPTION_IDS)}

    def group(r: dict) -> int:
        return 0 if r["suitable"] and not r["avoided"] else (1 if r["suitable"] else 2)

    ranked = sorted(results, key=lambda r: (group(r), -r["match"], order[r["id"]]))
    ranks = {r["id"]: i + 1 for i, r in enumerate(ranked)}
    names = {oid: evidence.options[oid].short_name for oid in OPTION_IDS}
    return Result(
        evidence_version=evidence.meta.version,
        profile=profile,
        warnings=warnings,
        options=[OptionResult(**r, rank=ranks[r["id"]]) for r in results],
        sensitivity=sensitivity(scored, profile, names),
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
    """Options ordered by rank, for views that sort; the app's default order stays fixed."""
    return sorted(result.options, key=lambda o: o.rank)
