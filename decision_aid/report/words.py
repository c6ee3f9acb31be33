"""The answers and figures of the summary put into words: weights, certainty, benefits, risks,
reviewers. The words themselves live in `decision_aid.words.report`; this module picks and fills
them from the engine's figures."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from decision_aid.engine import OptionResult, Result, RiskUsed
from decision_aid.evidence import Evidence
from decision_aid.schema import Chance
from decision_aid.words.common import (
    CHANCE_LABELS,
    both_ways,
    per_100,
    per_100_counted,
    per_100_range,
    rare_ends,
    whole,
)
from decision_aid.words.report import (
    CHANCE_FIGURE,
    CHANCE_WHY,
    CLEARLY_BETTER,
    COULD_BE,
    EXPERT_ESTIMATE,
    LOCAL,
    LOCAL_AND_PUBLISHED,
    LOCAL_MARK,
    NOT_CLEARLY_BETTER,
    NOT_MEASURED,
    NOT_MEASURED_WHY,
    NOT_REVIEWED,
    ONE_ESTIMATE,
    PER_INJECTION_NOTE,
    PUBLISHED_RANGE,
    RANGE,
    REVIEWED_BY,
    REVIEWER,
    RISK,
    WHEN,
    WHILE_TREATED,
    certainty_words,
)

__all__ = [
    "PER_INJECTION_NOTE",
    "benefit_words",
    "certainty_words",
    "chance_words",
    "reopen_link",
    "reviewed_words",
    "risk_words",
    "success_words",
]
"""`PER_INJECTION_NOTE` and `certainty_words` are the home's, named here too for the PDF's
sections, which import them from this module."""


def _names(ids: Iterable[str], result: Result) -> list[str]:
    return [result.option(i).short_name for i in ids]


def reopen_link(result: Result, base_url: str) -> str:
    """The link that reopens the aid with the same answers (the core's query-string contract)."""
    query = result.profile.to_query()
    base = base_url.rstrip("?")
    return f"{base}?{query}" if query else base


# ---------------------------------------------------------------- figures as words


def _get(x: Any, name: str, default: Any = None) -> Any:
    """A field of a figure: an engine model, or the summary's own dict of one (`content` passes
    its no-treatment figures and its options' local figures as dicts)."""
    if isinstance(x, dict):
        return x.get(name, default)
    return getattr(x, name, default)


def _per_words(x: float, per: str = "person") -> str:
    """'10 out of 100 people', or '10 out of 100 people per injection' (as every view says it)."""
    return per_100_counted(x, per)


def _spread(low: float, high: float) -> str | None:
    """'63 to 95 out of 100', or None when the range is one figure after rounding, rounded as
    `per_100_range` rounds it: a rare range on the scale that shows its low end (`rare_ends`)."""
    _, lo, hi = rare_ends(low, high) if high < 1 else (1, whole(low), whole(high))
    return per_100_range(low, high) if lo != hi else None


def _could_be(low: float, high: float) -> str | None:
    """'could be 63 to 95 out of 100', or None when the range is one figure (after rounding)."""
    spread = _spread(low, high)
    return COULD_BE.format(range=spread) if spread else None


def _with_range(central_words: str, extra: str | None) -> str:
    """'2 out of 100 people (1 to 6 ...)'; merged into the rare-harm bracket if there is one."""
    if not extra:
        return central_words
    if central_words.endswith(")"):
        return f"{central_words[:-1]}; {extra})"
    return f"{central_words} ({extra})"


def _local_words(fig: Any, per: str = "person") -> str:
    """A figure the care team entered: marked 'local', with the published range beside it."""
    pub = _get(fig, "published") or {}
    figure = _per_words(_get(fig, "central"), per)
    if pub:
        return LOCAL_AND_PUBLISHED.format(figure=figure, spread=per_100_range(pub["low"], pub["high"]))
    return LOCAL.format(figure=figure)


def benefit_words(b: Any, *, expert_estimate: bool = False, short: bool = False) -> str:
    """One benefit on its own measure: the figure and its range (or 'Not measured' and why),
    when it applies, whether it lasts only while treated, and how sure the evidence is (`short`:
    the level only, as `certainty_words` says)."""
    central = _get(b, "central")
    if central is None:
        why = (_get(b, "not_measured") or "").strip()
        return NOT_MEASURED_WHY.format(why=why) if why else NOT_MEASURED
    if _get(b, "local"):
        parts = [_local_words(b) + "."]
    else:
        parts = [_with_range(per_100(central), _could_be(_get(b, "low"), _get(b, "high"))) + "."]
    if expert_estimate:
        parts.append(EXPERT_ESTIMATE)
    parts.append(WHEN.format(timeframe=_get(b, "timeframe", "").rstrip(".")))
    if _get(b, "while_treated"):
        parts.append(WHILE_TREATED)
    parts.append(certainty_words(_get(b, "certainty"), short=short))
    return " ".join(p for p in parts if p)


def chance_words(field: str, ch: Chance) -> str:
    """One of an option's later chances (`Option.chances`), as natural frequencies with the whole
    time frame, as the harms have theirs: '<label>: 2 out of 100 people (0 to 10 out of 100 in
    studies). When: Over about 3 years of follow-up; the highest figure over 7.4 years. How sure:
    low.', or 'Not measured' and what is known instead. Its first clause alone ("over about 3
    years") gave the 10 in 100 of 7.4 years a 3-year time frame."""
    label = CHANCE_LABELS[field]
    if ch.per_100 is None:
        why = NOT_MEASURED_WHY.format(why=ch.reason)
        return CHANCE_WHY.format(label=label, why=why)
    p = ch.per_100
    return CHANCE_FIGURE.format(
        label=label,
        figure=_with_range(_per_words(p.central), _could_be(p.low, p.high)),
        timeframe=" ".join(ch.timeframe.split()).rstrip("."),
        how_sure=certainty_words(ch.certainty, short=True),
    )


def success_words(o: OptionResult) -> dict[str, str]:
    """The control figure (the match uses it), framed both ways, with its range (local marked)."""
    s = o.success
    out = {"both_ways": both_ways(s.central, CLEARLY_BETTER, NOT_CLEARLY_BETTER)}
    if s.local and s.published:
        out["local"] = _local_words(s) + "."
        out["range"] = PUBLISHED_RANGE.format(spread=per_100_range(s.published["low"], s.published["high"]))
    else:
        spread = _spread(s.low, s.high)
        out["range"] = RANGE.format(spread=spread) if spread else ONE_ESTIMATE
    return out


def risk_words(r: RiskUsed, *, when: bool = True) -> str:
    """One harm as natural frequencies: '<name>: 10 out of 100 people per injection (could be 5 to 27
    out of 100). <how long>. When: <period>. How sure: low.'"""
    per = r.per
    if r.local and r.published:
        extra = LOCAL_MARK.format(spread=per_100_range(r.published["low"], r.published["high"]))
    else:
        extra = _could_be(r.low, r.high)
    text = RISK.format(
        name=r.name, figure=_with_range(_per_words(r.central, per), extra), lasts=r.lasts.rstrip(".")
    )
    if r.timeframe and when:
        text += " " + WHEN.format(timeframe=r.timeframe.rstrip("."))
    sure = certainty_words(r.certainty, short=True)
    return f"{text} {sure}" if sure else text


def reviewed_words(evidence: Evidence) -> str:
    """Who reviewed the figures, or plainly that no clinician has yet."""
    reviewers = evidence.meta.reviewers
    if not reviewers:
        return NOT_REVIEWED
    names = "; ".join(
        REVIEWER.format(name=r.name, role=r.role, date=r.date.isoformat(), scope=r.scope.rstrip("."))
        for r in reviewers
    )
    return REVIEWED_BY.format(names=names)
