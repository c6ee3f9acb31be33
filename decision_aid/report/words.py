"""Words for the answers and figures in the summary: weights, certainty, benefits, risks, reviewers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from decision_aid.engine import OptionResult, Result, RiskUsed
from decision_aid.evidence import Evidence
from decision_aid.profile import Profile
from decision_aid.words.common import (
    CERTAINTY_LABELS,
    both_ways,
    per_100,
    per_100_range,
)

# ---------------------------------------------------------------- words for the answers


def weight_words(weight: int | None) -> str:
    """How much a priority matters, in words (the number is always shown beside it)."""
    if weight is None:
        return "Not said yet"
    if weight == 0:
        return "Not at all"
    if weight <= 3:
        return "A little"
    if weight <= 6:
        return "Somewhat"
    if weight <= 8:
        return "A lot"
    return "Very much"


def _names(ids: Iterable[str], result: Result) -> list[str]:
    return [result.option(i).short_name for i in ids]


def reopen_link(result: Result, base_url: str) -> str:
    """The link that reopens the aid with the same answers (the core's query-string contract)."""
    query = Profile.model_validate(result.profile).to_query()
    base = base_url.rstrip("?")
    return f"{base}?{query}" if query else base


# ---------------------------------------------------------------- figures as words

DIFFERENT_STUDIES = (
    "Each figure is out of 100 people, but the figures come from different studies, with different "
    "people and different follow-up times (shown beside each figure). No study has compared the three "
    "treatments in the same people. Figures sit side by side only when they measure the same thing."
)
NOT_REVIEWED = "Not yet reviewed by a clinician."
NOT_STATED = (
    "You have not said yet what matters to you, so this summary does not match or rank the options. "
    "In the aid, move at least one priority to see how each option lines up with what you said."
)
NOT_MATCHED = "Not matched or ranked: it may not be suitable for you (see the cautions)."
PER_INJECTION = "per injection"
PER_INJECTION_NOTE = "'Per injection' marks a figure counted per injection, not per person."
NOT_MEASURED = "Not measured."


def _get(x: Any, name: str, default: Any = None) -> Any:
    """A field of an engine figure, whether the engine hands it over as a model or a dict."""
    if isinstance(x, dict):
        return x.get(name, default)
    return getattr(x, name, default)


def _profile(result: Result) -> dict[str, Any]:
    """The patient's answers as a plain dict (the engine keeps them as a Profile or a dict)."""
    p = result.profile
    return p.model_dump(mode="json") if hasattr(p, "model_dump") else dict(p)


def certainty_words(code: str | None, *, short: bool = False) -> str:
    """'How sure: low (the true figure may be quite different).' beside a figure; `short` keeps
    only the level ('How sure: low.'), for the harms (the levels are explained once)."""
    if not code:
        return ""
    level, _, why = CERTAINTY_LABELS.get(code, code).partition(": ")
    return f"How sure: {level}." if short or not why else f"How sure: {level} ({why})."


def _per_words(x: float, per: str = "person") -> str:
    """'10 out of 100 people', or '10 out of 100 injections' for a figure counted per injection."""
    text = per_100(x)
    return text.replace(" people", " injections") if per == "injection" else text


def _in_studies(low: float, high: float) -> str | None:
    """'63 to 95 out of 100 in studies', or None when the range is one figure (after rounding)."""
    text = per_100_range(low, high)
    return f"{text} in studies" if " to " in text else None


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
    text = f"{_per_words(_get(fig, 'central'), per)}: your care team's own figure (local)"
    if pub:
        text += f"; published {per_100_range(pub['low'], pub['high'])} in studies"
    return text


def benefit_words(b: Any, *, expert_estimate: bool = False) -> str:
    """One benefit on its own measure: the figure and its range (or 'Not measured' and why),
    when it applies, whether it lasts only while treated, and how sure the evidence is."""
    central = _get(b, "central")
    if central is None:
        why = (_get(b, "not_measured") or "").strip()
        return f"{NOT_MEASURED} {why}".strip()
    if _get(b, "local"):
        parts = [_local_words(b) + "."]
    else:
        parts = [_with_range(per_100(central), _in_studies(_get(b, "low"), _get(b, "high"))) + "."]
    if expert_estimate:
        parts.append("An expert's estimate, not a study result.")
    parts.append(f"When: {_get(b, 'timeframe', '').rstrip('.')}.")
    if _get(b, "while_treated"):
        parts.append("Only while the treatment continues.")
    parts.append(certainty_words(_get(b, "certainty")))
    return " ".join(p for p in parts if p)


def success_words(o: OptionResult) -> dict[str, str]:
    """The control figure (the match uses it), framed both ways, with its range (local marked)."""
    s = o.success
    out = {"both_ways": both_ways(s.central, "are clearly better", "are not")}
    if s.local and s.published:
        out["local"] = _local_words(s) + "."
        published = per_100_range(s.published["low"], s.published["high"])
        out["range"] = f"Published figures: {published} in studies."
    else:
        spread = _in_studies(s.low, s.high)
        out["range"] = f"Range: {spread}." if spread else "Only one estimate: no range is known."
    return out


def risk_words(r: RiskUsed, *, when: bool = True) -> str:
    """One harm as natural frequencies: '<name>: 10 out of 100 injections (5 to 27 ...; counted
    per injection, not per person). <how long>. When: <period>. How sure: low.'"""
    per = _get(r, "per", "person") or "person"
    if r.local and r.published:
        pub = r.published
        extra = f"local: your care team's own figure; published {per_100_range(pub['low'], pub['high'])}"
    else:
        extra = _in_studies(r.low, r.high)
    if per == "injection":
        extra = f"{extra}; {PER_INJECTION}" if extra else PER_INJECTION
    text = f"{r.name}: {_with_range(_per_words(r.central, per), extra)}. {r.lasts.rstrip('.')}."
    timeframe = _get(r, "timeframe")
    if timeframe and when:
        text += f" When: {timeframe.rstrip('.')}."
    sure = certainty_words(_get(r, "certainty"), short=True)
    return f"{text} {sure}" if sure else text


def _is_serious(r: RiskUsed) -> bool:
    return r.serious or r.permanent


def reviewed_words(evidence: Evidence) -> str:
    """Who reviewed the figures, or plainly that no clinician has yet."""
    reviewers = evidence.meta.reviewers
    if not reviewers:
        return NOT_REVIEWED
    names = "; ".join(f"{r.name}, {r.role} ({r.date.isoformat()}: {r.scope.rstrip('.')})" for r in reviewers)
    return f"Reviewed by {names}."
