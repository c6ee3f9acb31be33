"""The decision engine: suitability, match with priorities, sensitivity and projection.

A transparent weighted model. Each option gets a score from 0 to 1 on each priority,
worked out from the dataset's figures (`attribute_scores`); the match is the weighted
average of those scores, times 100, and each priority's share of it is returned as a
contribution so every view can say *why*. `match_low` / `match_high` re-run the same model
with every figure of that option at the unfavourable / favourable end of its evidence range.

Nothing is matched or ranked until the patient has stated at least one priority, so default
weights can never lean the comparison; an option that is not suitable, or whose figures may not
apply to this patient (a caution with `not_matched`), is never matched or ranked. Deal-breakers
("avoid") stay out of the arithmetic: the option keeps its figures and match, is marked avoided
and ranks after the others. The engine never says which option to choose. Each consequence
counts under one priority only (see `ANCHORS_TEXT`).

Where things live: the result models in `results`, the figures as used, the scale anchors and
the scores in `scoring`, the five-year projection in `projection`; this module puts them
together (`evaluate`) and holds suitability and sensitivity. It re-exports the names callers
use, so `from decision_aid.engine import ...` keeps working.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from decision_aid.evidence import OPTION_IDS, Evidence, Rule, RuleSentence
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
    Involves,
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
from decision_aid.words.common import PRIORITY_LABELS, and_list
from decision_aid.words.engine import NOT_RANKED_TEXT

__all__ = [
    "ANCHORS_TEXT",
    "DAILY_PILL_BURDEN",
    "DEFAULT_YEARS",
    "ENDS",
    "HEARING_RISK_ID",
    "LEVEL_WITHIN_TENTHS",
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
    "anchors_for",
    "attribute_scores",
    "benefits_used",
    "cautions_for",
    "coverage",
    "evaluate",
    "evaluate_cached",
    "no_treatment_involves",
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
        elif key == "age_not_at_least":  # the complement: the age not given, or under it
            if profile.age is not None and profile.age >= wanted:
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


def _with_also(
    text: str, sources: list[str], also: list[RuleSentence], option_id: str, profile: Profile
) -> tuple[str, list[str]]:
    """A text with each of its `also` sentences whose own situation holds, in the dataset's
    order, and its sources then theirs: a sentence left out is not cited (han2009 backs "a scan
    first", not what waiting is like)."""
    shown = [a for a in also if _rule_applies(a.when, option_id, profile)]
    cited = [*sources, *(s for a in shown for s in a.sources)]
    return " ".join([text, *(a.text for a in shown)]), list(dict.fromkeys(cited))


def no_treatment_involves(evidence: Evidence, profile: Profile) -> Involves:
    """What waiting involves in this situation: advice that only holds in some (get a scan first)
    would be wrong in the others (the scan is done), so it is added, and cited, only where it
    holds."""
    nt = evidence.no_treatment
    involves = nt.involves
    text, sources = _with_also(involves.text, involves.sources, nt.involves_also, NO_TREATMENT_ID, profile)
    return Involves(text=text, sources=sources)


def _caution(rule: Rule, option_id: str, name: str, profile: Profile) -> Caution:
    text, sources = _with_also(rule.text, rule.sources, rule.also, option_id, profile)
    return Caution(
        rule=rule.id,
        effect=rule.effect,
        text=_fill_name(text, name),
        sources=sources,
        label=rule.label,
        not_matched=rule.not_matched,
    )


def cautions_for(evidence: Evidence, option_id: str, profile: Profile) -> list[Caution]:
    """Every dataset rule that applies to this option in this situation, in dataset order."""
    name = evidence.options[option_id].sentence_name
    return [
        _caution(r, option_id, name, profile)
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
    figures_apply: bool
    avoided: bool
    scores: dict[str, dict[str, float]]  # end -> priority -> score
    success: SuccessUsed
    risks: list[RiskUsed]
    cautions: tuple[Caution, ...]

    @property
    def matchable(self) -> bool:
        """As `OptionResult.matchable`: suitable, and its figures apply."""
        return self.suitable and self.figures_apply


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
                figures_apply=not any(c.not_matched for c in cautions),
                avoided=oid in profile.avoid,
                scores={end: attribute_scores(opt, succ, risks, end, years) for end in ENDS},
                success=succ,
                risks=risks,
                cautions=tuple(cautions),
            )
        )
    return out


LEVEL_WITHIN_TENTHS = 10
"""An option whose match (one decimal, as the result keeps it) is less than a point behind the
next one up lines up about the same as it, so options linked by such gaps are level (58.5, 59.2
and 59.9: each gap under a point): they share a place, and no sentence sets one ahead. So two
shown as the same whole number are always level, and a moved weight changes who lines up most
closely only when a gap between options moves, not when the rounding of both does (58.6 and 59.3
both show as "59"; at 58.9 and 59.6 they show as "59" and "60", still 0.7 apart). The match's
range is far wider than a point."""


def _level_groups(matches: dict[str, float]) -> list[list[str]]:
    """The options in groups that line up about the same (`LEVEL_WITHIN_TENTHS`), the highest
    first; each group in the order of `matches`."""
    tenths = {k: round(round(v, 1) * 10) for k, v in matches.items()}  # the one decimal the result keeps
    groups: list[list[str]] = []
    last = None
    for k in sorted(tenths, key=lambda k: -tenths[k]):
        if last is None or last - tenths[k] >= LEVEL_WITHIN_TENTHS:
            groups.append([])
        groups[-1].append(k)
        last = tenths[k]
    order = list(matches)
    return [sorted(g, key=order.index) for g in groups]


def _top(scored: list[_Scored], weights: dict[str, int]) -> tuple[str, ...]:
    """The options that line up most closely, in the fixed option order: among the matchable
    ones (suitable, figures that apply) not ruled out, or among all matchable ones when every one
    is ruled out, the highest central match and those level with it (`_level_groups`); more than
    one when they are level. Empty when nothing is compared (every weight 0, or no matchable
    option)."""
    if sum(weights.values()) == 0:
        return ()
    matchable = [s for s in scored if s.matchable]
    pool = [s for s in matchable if not s.avoided] or matchable
    if not pool:
        return ()
    return tuple(
        _level_groups({s.option_id: weighted_match(s.scores["central"], weights)[0] for s in pool})[0]
    )


def _single(top: tuple[str, ...]) -> str | None:
    return top[0] if len(top) == 1 else None


def sensitivity(
    scored: list[_Scored], profile: Profile, names: dict[str, str], *, compared: bool = True
) -> list[SensitivityItem]:
    """For each priority: would changing that weight alone change which option lines up most closely
    (or which options line up level at the top)? A weight at which nothing would be compared (all
    priorities 0) is not a change. Before anything is compared, every item says that nothing is
    ranked yet."""
    weights = profile.weights()
    now = _top(scored, weights) if compared else ()
    items = []
    for p in PRIORITIES:
        w = weights[p]
        up: tuple[int | None, tuple[str, ...]] = (None, ())
        down: tuple[int | None, tuple[str, ...]] = (None, ())
        if compared:
            # the nearest weight each way where the top changes; each sweep stops at the first one
            up = next(
                ((v, t) for v in range(w + 1, 11) if (t := _top(scored, {**weights, p: v})) not in (now, ())),
                up,
            )
            down = next(
                (
                    (v, t)
                    for v in range(w - 1, -1, -1)
                    if (t := _top(scored, {**weights, p: v})) not in (now, ())
                ),
                down,
            )
        items.append(
            SensitivityItem(
                priority=p,
                label=PRIORITY_LABELS[p],
                weight=w,
                lines_up_now=_single(now),
                changes=up[0] is not None or down[0] is not None,
                up_at=up[0],
                up_option=_single(up[1]),
                down_at=down[0],
                down_option=_single(down[1]),
                sentence=_sensitivity_sentence(p, now, up, down, names) if compared else NOT_RANKED_TEXT,
            )
        )
    return items


def _change(now: tuple[str, ...], new: tuple[str, ...], names: dict[str, str]) -> str:
    """What a change of weight would do at the top, in words: some of the level options moving
    ahead of the rest, more options drawing level, or others lining up most closely instead."""

    def named(ids: tuple[str, ...] | list[str]) -> str:
        return and_list([names[o] for o in ids])

    if set(new) < set(now):
        return W.PULLS_AHEAD.format(option=named(new), others=named([o for o in now if o not in new]))
    if set(now) < set(new):
        return W.DRAWS_LEVEL.format(others=named([o for o in new if o not in now]), now=named(now))
    if len(new) == 1:
        return W.NEW_LEADER.format(option=named(new), now=named(now))
    return W.LEVEL_INSTEAD.format(options=named(new), now=named(now))


def _sensitivity_sentence(
    p: str,
    now: tuple[str, ...],
    up: tuple[int | None, tuple[str, ...]],
    down: tuple[int | None, tuple[str, ...]],
    names: dict[str, str],
) -> str:
    label = PRIORITY_LABELS[p].lower()
    if up[0] is not None and down[0] is not None:
        return W.IF_MORE_OR_LESS.format(
            priority=label,
            up_weight=W.at_least(up[0]),
            up_change=_change(now, up[1], names),
            down_weight=W.at_most(down[0]),
            down_change=_change(now, down[1], names),
        )
    if up[0] is not None:
        return W.IF_MORE.format(priority=label, weight=W.at_least(up[0]), change=_change(now, up[1], names))
    if down[0] is not None:
        change = _change(now, down[1], names)
        return W.IF_LESS.format(priority=label, weight=W.at_most(down[0]), change=change)
    return (W.NO_CHANGE if len(now) == 1 else W.NO_CHANGE_LEVEL).format(priority=label)


# ---------------------------------------------------------------- evaluate


def anchors_for(result: Result) -> tuple[str, ...]:
    """The scale's value judgements as they bear on this result: `ANCHORS_TEXT`, and that
    ruled-out options come after the others wherever that decides a place: some placed options
    ruled out and some not (with all of them ruled out, they are placed by their match alone)."""
    placed = [o.avoided for o in result.options if o.rank is not None]
    if any(placed) and not all(placed):
        return (*ANCHORS_TEXT, W.AVOIDED_LAST)
    return ANCHORS_TEXT


def _ranks(matched: dict[str, tuple[bool, float]]) -> dict[str, int]:
    """Each matched option's place: 1 + the options ahead of it. Avoided options come after the
    others; among the rest, options level (`_level_groups`) share a place (1, 1, 3) instead of
    being split by a fraction of a point or by the fixed option order."""
    ranks: dict[str, int] = {}
    ahead = 0
    for avoided in (False, True):
        for group in _level_groups({k: m for k, (a, m) in matched.items() if a == avoided}):
            ranks.update(dict.fromkeys(group, ahead + 1))
            ahead += len(group)
    return ranks


def no_treatment_result(evidence: Evidence, profile: Profile) -> NoTreatmentResult:
    nt = evidence.no_treatment
    return NoTreatmentResult(
        name=nt.name,
        short_name=nt.short_name,
        summary=nt.summary,
        involves=no_treatment_involves(evidence, profile),
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
    raw: dict[str, float] = {}
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
                    label=W.AVOIDED_LABEL,
                )
            )
        matched = compared and s.matchable
        match, contributions = weighted_match(s.scores["central"], weights)
        raw[oid] = match
        lo, _ = weighted_match(s.scores["low"], weights)
        hi, _ = weighted_match(s.scores["high"], weights)
        results.append(
            dict(
                id=oid,
                name=opt.name,
                short_name=opt.short_name,
                suitable=s.suitable,
                figures_apply=s.figures_apply,
                avoided=s.avoided,
                cautions=[c.text for c in cautions if not c.good_to_know],
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
    ranks = _ranks({r["id"]: (r["avoided"], raw[r["id"]]) for r in results if r["match"] is not None})
    names = {oid: evidence.options[oid].sentence_name for oid in OPTION_IDS}  # inside a sentence
    return Result(
        evidence_version=evidence.meta.version,
        profile=profile,
        priorities_stated=stated,
        weights=weights if stated else None,
        warnings=warnings,
        options=[OptionResult(**r, rank=ranks.get(r["id"])) for r in results],
        no_treatment=no_treatment_result(evidence, profile),
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
