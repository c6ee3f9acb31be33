"""Text the pages build from the dataset and the engine result (no Streamlit here).

Every figure comes from the evidence or the result; these functions only put it in words:
the priority examples, the per-priority "fits your wish" sentences, the questions to ask
the doctor and the "check what you know" quiz.
"""

from __future__ import annotations

from dataclasses import dataclass

from decision_aid.engine import OptionResult
from decision_aid.evidence import Evidence, Option, Quantity
from decision_aid.profile import PRIORITIES
from decision_aid.words.common import PRIORITY_WISH, per_100, whole


def _num(x: float) -> str:
    return f"{round(x):,}" if abs(x - round(x)) < 0.05 else f"{x:.1f}"


def _qty(q: Quantity) -> str:
    return f"about {_num(q.value.central)} {q.unit}"


# ---------------------------------------------------------------- priority examples


def _serious(option: Option):
    risks = [r for r in option.risks if r.serious or r.permanent]
    return max(risks, key=lambda r: r.per_100.central) if risks else None


def _passing(option: Option):
    risks = [r for r in option.risks if not (r.serious or r.permanent)]
    return max(risks, key=lambda r: r.per_100.central) if risks else None


def _lasting_line(option: Option) -> str:
    b = option.burden
    if b.ongoing:
        return "works only while you keep having it"
    rec = option.recurrence
    if rec is not None and rec.per_100 is not None:
        years = f" within about {whole(rec.years)} years" if rec.years else ""
        return f"done once; the spasm comes back{years} for about {per_100(rec.per_100.central)}"
    return "done once"


def _harm(r) -> str:
    """'Droopy eyelid, 10 out of 100 people per injection'."""
    per = " per injection" if getattr(r, "per", "person") == "injection" else ""
    return f"{r.name}, {per_100(r.per_100.central)}{per}"


def _control(ev: Evidence, option_id: str) -> tuple[str, float, str]:
    """The figure the match uses for control: (measure label, per 100, time frame)."""
    b = ev.control(option_id)
    label = ev.meta.measures[b.measure].label
    return label, b.per_100.central, b.timeframe


def _burden_line(option: Option) -> str:
    b = option.burden
    parts = []
    if b.daily_pills:
        parts.append("tablets every day")
    if b.injections_per_year:
        parts.append(_qty(b.injections_per_year))
    elif b.clinic_visits_per_year:
        parts.append(_qty(b.clinic_visits_per_year))
    if not b.ongoing:
        parts.append("no regular treatment afterwards if it works")
    return ", ".join(parts) or "little"


def _recovery_line(option: Option) -> str:
    b = option.burden
    if not b.general_anaesthetic and not b.recovery_weeks and not b.hospital_nights:
        return "no operation and no time off to recover"
    parts = ["an operation under general anaesthetic"] if b.general_anaesthetic else []
    parts += [_qty(q) for q in (b.hospital_nights, b.recovery_weeks) if q]
    return ", ".join(parts)


def priority_examples(ev: Evidence) -> dict[str, list[str]]:
    """For each priority, one short line per option saying what it means for HFS."""
    out: dict[str, list[str]] = {p: [] for p in PRIORITIES}
    for oid, o in ev.ordered():
        name = o.short_name
        label, central, _ = _control(ev, oid)
        out["relief"].append(f"{name}: {label.lower()}, {per_100(central)}")
        out["lasting"].append(f"{name}: {_lasting_line(o)}")
        serious = _serious(o)
        out["serious_risk"].append(
            f"{name}: {_harm(serious)}" if serious else f"{name}: no serious or lasting harm reported"
        )
        passing = _passing(o)
        out["side_effects"].append(
            f"{name}: {_harm(passing)}" if passing else f"{name}: no common side effects reported"
        )
        out["burden"].append(f"{name}: {_burden_line(o)}")
        out["recovery"].append(f"{name}: {_recovery_line(o)}")
    return out


# ---------------------------------------------------------------- fit in words

FITS = 0.75
WEIGHS_AGAINST = 0.25


def fit_sentence(o: OptionResult, weights: dict[str, int], max_each: int = 2) -> str:
    """'MVD surgery fits your wish for a result that lasts; it weighs against your wish to
    avoid an operation and time off.' From the engine's per-priority scores and the weights."""
    mattering = [p for p in PRIORITIES if weights.get(p, 0) > 0]
    fits = sorted((p for p in mattering if o.scores[p] >= FITS), key=lambda p: -o.contributions[p])
    against = sorted(
        (p for p in mattering if o.scores[p] < WEIGHS_AGAINST),
        key=lambda p: -(weights[p] * (1 - o.scores[p])),
    )
    parts = []
    if fits:
        parts.append("fits " + _join([PRIORITY_WISH[p] for p in fits[:max_each]]))
    if against:
        lead = "it weighs against " if parts else "weighs against "
        parts.append(lead + _join([PRIORITY_WISH[p] for p in against[:max_each]]))
    if not parts:
        return f"{o.short_name} fits what you said matters partly, on most things."
    return f"{o.short_name} " + "; ".join(parts) + "."


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# ---------------------------------------------------------------- check what you know


@dataclass(frozen=True)
class QuizQuestion:
    key: str
    question: str
    choices: tuple[str, ...]
    answer: str
    explain: str


def quiz(ev: Evidence) -> list[QuizQuestion]:
    """Three questions whose answers come from the dataset; a question is left out if the
    data does not give it exactly one right answer."""
    out = []
    bot = ev.options.get("botulinum")
    if bot:
        figures = []
        for oid, _ in ev.ordered():
            text = per_100(_control(ev, oid)[1])
            if text not in figures:
                figures.append(text)
        label, central, timeframe = _control(ev, "botulinum")
        answer = per_100(central)
        out.append(
            QuizQuestion(
                "quiz_success",
                f"Out of 100 people who have {bot.name.lower()}, about how many are "
                f"{label.lower().removeprefix('spasm ')}?",
                tuple(figures),
                answer,
                f"About {answer} with {bot.short_name}: {label.lower()} ({timeframe}).",
            )
        )
    names = [o.name for _, o in ev.ordered()]
    once = [o for _, o in ev.ordered() if not o.burden.ongoing]
    if len(once) == 1:
        out.append(
            QuizQuestion(
                "quiz_once",
                "Which treatment is done once, rather than repeated or taken every day?",
                tuple(names),
                once[0].name,
                f"{once[0].name} is done once. The others work only while you keep having them.",
            )
        )
    ga = [o for _, o in ev.ordered() if o.burden.general_anaesthetic]
    if len(ga) == 1:
        out.append(
            QuizQuestion(
                "quiz_anaesthetic",
                "Which treatment needs a general anaesthetic (being put to sleep)?",
                tuple(names),
                ga[0].name,
                f"{ga[0].name} needs a general anaesthetic. The others do not.",
            )
        )
    return out
