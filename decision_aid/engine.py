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

Where things live: the result models in `results`, the figures as used, the scale anchors and
the scores in `scoring`, the five-year projection in `projection`; this module puts them
together (`evaluate`) and holds suitability and sensitivity. It re-exports the names callers
use, so `from decision_aid.engine import ...` keeps working.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from decision_aid.evidence import OPTION_IDS, Evidence
from decision_aid.lru import BoundedCache
from decision_aid.profile import PRIORITIES, Profile
from decision_aid.projection import (
    NO_TREATMENT_ID,
    REMISSION_FIGURE_ID,
    coverage,
    project,
    projection_assumptions,
)
from decision_aid.results import (
    BenefitUsed,
    Caution,
    FigureUsed,
    NoTreatmentFigure,
    NoTreatmentResult,
    OptionProjection,
    OptionResult,
    Projection,
    Result,
    RiskUsed,
    SensitivityItem,
    SuccessUsed,
    YearPoint,
)
from decision_aid.scoring import (
    ANCHORS_TEXT,
    DAILY_PILL_BURDEN,
    DEFAULT_YEARS,
    ENDS,
    HEARING_RISK_ID,
    LOCAL_SUCCESS_MEASURE,
    SERIOUS_ANCHOR,
    SIDE_EFFECT_ANCHOR,
    VISITS_ANCHOR,
    WEEKS_OFF_ANCHOR,
    WEIGHT_POWER,
    End,
    attribute_scores,
    benefits_used,
    recurrence_share,
    risks_used,
    success_used,
    weighted_match,
)
from decision_aid.words import engine as W
from decision_aid.words.common import PRIORITY_LABELS
from decision_aid.words.engine import NOT_RANKED_TEXT

__all__ = [
    "ANCHORS_TEXT",
    "DAILY_PILL_BURDEN",
    "DEFAULT_YEARS",
    "ENDS",
    "HEARING_RISK_ID",
    "LOCAL_SUCCESS_MEASURE",
    "NOT_RANKED_TEXT",
    "NO_TREATMENT_ID",
    "REMISSION_FIGURE_ID",
    "SERIOUS_ANCHOR",
    "SIDE_EFFECT_ANCHOR",
    "VISITS_ANCHOR",
    "WEEKS_OFF_ANCHOR",
    "WEIGHT_POWER",
    "BenefitUsed",
    "Caution",
    "End",
    "FigureUsed",
    "NoTreatmentFigure",
    "NoTreatmentResult",
    "OptionProjection",
    "OptionResult",
    "Projection",
    "Result",
    "RiskUsed",
    "SensitivityItem",
    "SuccessUsed",
    "YearPoint",
    "attribute_scores",
    "benefits_used",
    "cautions_for",
    "coverage",
    "evaluate",
    "evaluate_cached",
    "no_treatment_result",
    "project",
    "projection_assumptions",
    "recurrence_share",
    "risks_used",
    "sensitivity",
    "success_used",
    "weighted_match",
]


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
    """One option worked out once for one patient: its figures as used, the rules that apply
    and its scores. `evaluate`, the projection and the sensitivity all read this."""

    option_id: str
    suitable: bool
    avoided: bool
    scores: dict[str, dict[str, float]]  # end -> priority -> score
    success: SuccessUsed
    risks: list[RiskUsed]
    cautions: tuple[Caution, ...]


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
                success=succ,
                risks=risks,
                cautions=tuple(cautions),
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
        return names[o] if o else W.NO_SINGLE_OPTION

    if up[0] is not None and down[0] is not None:
        return W.IF_MORE_OR_LESS.format(
            priority=label,
            up_weight=W.at_least(up[0]),
            up_option=who(up[1]),
            down_weight=W.at_most(down[0]),
            down_option=who(down[1]),
            now=who(now),
        )
    if up[0] is not None:
        return W.IF_MORE.format(priority=label, weight=W.at_least(up[0]), option=who(up[1]), now=who(now))
    if down[0] is not None:
        return W.IF_LESS.format(priority=label, weight=W.at_most(down[0]), option=who(down[1]), now=who(now))
    return W.NO_CHANGE.format(priority=label)


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
        warnings.append(W.ALL_ZERO)
    if profile.mvd_result and not profile.mvd_result_used:
        warnings.append(W.MVD_RESULT_UNUSED)
    compared = stated and sum(weights.values()) > 0
    scored = _score_all(evidence, profile, years)
    avoid_rules = {r.id for r in evidence.rules if "avoid" in r.when}

    results = []
    for s in scored:
        oid = s.option_id
        opt = evidence.options[oid]
        cautions = list(s.cautions)
        if s.avoided and not any(c.rule in avoid_rules for c in cautions):
            cautions.append(
                Caution(
                    rule="avoid",
                    effect="caution",
                    sources=[],
                    text=W.AVOIDED.format(option=opt.sentence_name),
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
                success=s.success,
                benefits=benefits_used(evidence, oid, profile),
                risks=s.risks,
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
        projection=project(evidence, profile, years, success={s.option_id: s.success for s in scored}),
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
