"""The five-year projection: what the next years look like with each option for the average
person, with the natural course beside them as a reference line, and each assumption in plain words.
"""

from __future__ import annotations

from collections.abc import Mapping

from decision_aid.evidence import Chance, Evidence, Figure, Option, Quantity, Range
from decision_aid.profile import Profile
from decision_aid.results import OptionProjection, Projection, SuccessUsed, YearPoint
from decision_aid.scoring import (
    DEFAULT_YEARS,
    ENDS,
    End,
    _bad,
    _clip,
    _good,
    recurrence_share,
    success_used,
)
from decision_aid.words import engine as W
from decision_aid.words.common import per_100_range, whole

NO_TREATMENT_ID = "no_treatment"
"""The key of the natural-course reference line in `Projection.options` (never scored)."""
REMISSION_FIGURE_ID = "remission"
"""The natural-course figure the no-treatment line is drawn from."""


def remission_figure(evidence: Evidence) -> Figure | None:
    """The no-treatment figure the reference line spreads over its years, or None."""
    return next((f for f in evidence.no_treatment.figures if f.id == REMISSION_FIGURE_ID), None)


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
    # Late relief counts people not yet free of the spasm, a measure other than "clearly better":
    # only the least favourable end takes them as not better until then. The central line took
    # them off too, and MVD's first year read 68 in 100 (clinical review, 2026-12-04).
    timed = late is not None and late.per_100 is not None and late.months is not None
    if year == 1 and end == "low" and timed:
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
    fig = remission_figure(evidence)
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


def project(
    evidence: Evidence,
    profile: Profile,
    years: int = DEFAULT_YEARS,
    *,
    success: Mapping[str, SuccessUsed] | None = None,
) -> Projection:
    """What the next `years` look like with each option, for the average person, with the
    natural course beside them as a reference line. `success` hands over each option's control
    figure when the caller has already worked it out (`evaluate` does), so it is not redone."""
    options = {}
    for oid, opt in evidence.ordered():
        succ = success[oid] if success is not None else success_used(evidence, oid, profile)
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


def sources_used(evidence: Evidence, option_id: str, success: SuccessUsed | None = None) -> list[str]:
    """The source ids of every figure the projection draws for one option (or the no-treatment
    line), once each, in the order `_controlled` and the "what it asks" table use them: what a
    clinician checks the five-year figures against. `success` is the option's control figure
    (`Result.option(...).success`), which may be a local one."""
    if option_id == NO_TREATMENT_ID:
        fig = remission_figure(evidence)
        used: list = [fig]
    else:
        opt = evidence.options[option_id]
        b = opt.burden
        used = [success]
        if coverage(opt, "central") is not None:
            used += [opt.effect_weeks, opt.reinjection_weeks or b.injections_per_year]
        elif b.ongoing:
            used.append(_long_term(opt.stopped_for_side_effects))
        else:
            used += [opt.recurrence, opt.delayed_relief]
        used += [b.injections_per_year, b.clinic_visits_per_year, b.hospital_nights, b.recovery_weeks]
    out: list[str] = []
    for figure in used:
        out += [sid for sid in getattr(figure, "sources", None) or () if sid not in out]
    return out


def _n(x: float) -> str:
    return f"{x:.0f}" if abs(x - round(x)) < 0.05 or x >= 10 else f"{x:.1f}"


def projection_assumptions(evidence: Evidence) -> list[str]:
    """Each assumption of the projection, in plain words, with the figures it uses."""
    label = evidence.meta.measures[evidence.meta.control_measure].label.lower()
    out = [W.AVERAGE_PERSON.format(measure=label.removesuffix(".")), W.SHADED_RANGE]
    for _, opt in evidence.ordered():
        name = opt.short_name
        cover = {end: coverage(opt, end) for end in ENDS}
        if cover["central"] is not None:
            interval = _interval(opt)
            eff = opt.effect_weeks.value
            text = W.COVERAGE_PUBLISHED if opt.reinjection_weeks is not None else W.COVERAGE_USUAL
            out.append(
                text.format(
                    name=name,
                    effect_low=_n(eff.low),
                    effect_high=_n(eff.high),
                    gap_low=_n(interval.low),
                    gap_high=_n(interval.high),
                    cover_low=_n(100 * cover["low"]),
                    cover_high=_n(100 * cover["high"]),
                    cover=_n(100 * cover["central"]),
                )
            )
        elif opt.burden.ongoing:
            if _long_term(opt.stopped_for_side_effects) is not None:
                out.append(W.STOPPED.format(name=name))
            else:
                out.append(W.NOT_FOLLOWED.format(name=name))
        else:
            rec = opt.recurrence
            if rec is not None and rec.per_100 is not None:
                spread = rec.mostly_within_years
                text = (
                    W.RECURRENCE_MOSTLY_WITHIN
                    if spread
                    else W.RECURRENCE_SPREAD
                    if rec.years
                    else W.RECURRENCE_FIRST_YEAR
                )
                out.append(
                    text.format(
                        name=name,
                        range=per_100_range(rec.per_100.low, rec.per_100.high),
                        years=_n(spread or rec.years or 0),
                    )
                )
            late = opt.delayed_relief
            if late is not None and late.per_100 is not None and late.months is not None:
                out.append(
                    W.LATE_RELIEF.format(
                        name=name,
                        range=per_100_range(late.per_100.low, late.per_100.high),
                        months_low=_n(late.months.low),
                        months_high=_n(late.months.high),
                    )
                )
            elif late is not None:
                out.append(W.LATE_RELIEF_UNTIMED.format(name=name))
    fig = remission_figure(evidence)
    nt = evidence.no_treatment.short_name
    if fig is not None and fig.years:
        out.append(W.NATURAL_COURSE.format(name=nt, per_100=whole(fig.per_100.central), years=_n(fig.years)))
    else:
        out.append(W.NATURAL_COURSE_UNDRAWN.format(name=nt))
    return out
