"""Text built from the dataset and the engine result, for the pages and the PDF alike.

Every figure comes from the evidence or the result; these functions only put it in words:
the priority examples, the per-priority "fits your wish" sentences and the "check what you
know" quiz (asked in the app; the PDF names any question answered wrong, with its answer). The
questions to ask the doctor are built in `decision_aid.questions`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from decision_aid.engine import OptionResult
from decision_aid.evidence import Evidence, Option
from decision_aid.grid import first_clause_within, quantity_text
from decision_aid.profile import PRIORITIES
from decision_aid.words.app import (
    DONE_ONCE,
    DONE_ONCE_COMES_BACK,
    DONE_ONCE_COMES_BACK_WITHIN,
    FITS_AND_WEIGHS_AGAINST,
    FITS_ONLY,
    IT_ALSO_FITS,
    LITTLE,
    NO_COMMON_SIDE_EFFECTS,
    NO_OPERATION_NO_TIME_OFF,
    NO_SERIOUS_HARM,
    NOTHING_REGULAR_AFTER,
    NOTHING_SET_WEIGHS,
    ONLY_A_LITTLE,
    ONLY_PARTLY,
    ONLY_WHILE_KEPT_UP,
    OPERATION_UNDER_GA,
    QUIZ_ANAESTHETIC,
    QUIZ_ANAESTHETIC_ANSWER,
    QUIZ_ONCE,
    QUIZ_ONCE_ANSWER,
    QUIZ_SUCCESS,
    QUIZ_SUCCESS_ANSWER,
    TABLETS_EVERY_DAY,
    WEIGHS_AGAINST_ONLY,
)
from decision_aid.words.common import (
    ESTIMATE_MARK,
    FIT_A_LITTLE,
    FIT_PARTLY,
    FIT_WELL,
    PRIORITY_WISH,
    and_list,
    in_sentence,
    per_100,
    per_100_counted,
    whole,
)

# ---------------------------------------------------------------- priority examples


def _serious(option: Option):
    risks = [r for r in option.risks if r.serious_or_lasting]
    return max(risks, key=lambda r: r.per_100.central) if risks else None


def _passing(option: Option):
    risks = [r for r in option.risks if not r.serious_or_lasting]
    return max(risks, key=lambda r: r.per_100.central) if risks else None


def _lasting_line(option: Option) -> str:
    b = option.burden
    if b.ongoing:
        return ONLY_WHILE_KEPT_UP
    rec = option.recurrence
    if rec is not None and rec.per_100 is not None:
        figure = per_100(rec.per_100.central)
        if rec.years:
            return DONE_ONCE_COMES_BACK_WITHIN.format(years=whole(rec.years), figure=figure)
        return DONE_ONCE_COMES_BACK.format(figure=figure)
    return DONE_ONCE


def _harm(r) -> str:
    """'Droopy eyelid, 10 out of 100 people per injection'."""
    return f"{r.name}, {per_100_counted(r.per_100.central, getattr(r, 'per', 'person'))}"


def _control(ev: Evidence, option_id: str) -> tuple[str, float, str]:
    """The figure the match uses for control: (measure label, per 100, time frame)."""
    b = ev.control(option_id)
    label = ev.meta.measures[b.measure].label
    return label, b.per_100.central, b.timeframe


def _burden_line(option: Option) -> str:
    b = option.burden
    parts = []
    if b.daily_pills:
        parts.append(TABLETS_EVERY_DAY)
    if b.injections_per_year:
        parts.append(quantity_text(b.injections_per_year))
    elif b.clinic_visits_per_year:
        parts.append(quantity_text(b.clinic_visits_per_year))
    if not b.ongoing:
        parts.append(NOTHING_REGULAR_AFTER)
    return ", ".join(parts) or LITTLE


def _recovery_line(option: Option) -> str:
    b = option.burden
    if not b.general_anaesthetic and not b.recovery_weeks and not b.hospital_nights:
        return NO_OPERATION_NO_TIME_OFF
    parts = [OPERATION_UNDER_GA] if b.general_anaesthetic else []
    parts += [quantity_text(q) for q in (b.hospital_nights, b.recovery_weeks) if q]
    return ", ".join(parts)


def priority_examples(ev: Evidence) -> dict[str, list[str]]:
    """For each priority, one short line per option saying what it means for HFS."""
    out: dict[str, list[str]] = {p: [] for p in PRIORITIES}
    for oid, o in ev.ordered():
        name = o.short_name
        label, central, _ = _control(ev, oid)
        # the medicines' figure is one expert's estimate, as every view of it says (clinical review)
        estimate = f", {ESTIMATE_MARK}" if ev.control(oid).expert_estimate else ""
        out["relief"].append(f"{name}: {label.lower()}, {per_100(central)}{estimate}")
        out["lasting"].append(f"{name}: {_lasting_line(o)}")
        serious = _serious(o)
        # where the studies counted none, a label's warning says so (never "no serious harm")
        warning = in_sentence(o.label_warning.short) if o.label_warning else ""
        out["serious_risk"].append(f"{name}: {_harm(serious) if serious else warning or NO_SERIOUS_HARM}")
        passing = _passing(o)
        out["side_effects"].append(f"{name}: {_harm(passing) if passing else NO_COMMON_SIDE_EFFECTS}")
        out["burden"].append(f"{name}: {_burden_line(o)}")
        out["recovery"].append(f"{name}: {_recovery_line(o)}")
    return out


@dataclass(frozen=True)
class ExampleFigure:
    """What a clinician checks one example line against: the figure's range, time frame and
    source ids (for `topics.common.detail`); every field empty for a line without a figure."""

    low: float | None = None
    high: float | None = None
    timeframe: str = ""
    sources: tuple[str, ...] = ()


def _figure_of(x) -> ExampleFigure:
    """A Benefit, Chance or Risk (a chance per 100) as an `ExampleFigure`; a Quantity (visits,
    nights) gives its sources only, as its line already says its count."""
    span = getattr(x, "per_100", None)
    return ExampleFigure(
        low=getattr(span, "low", None),
        high=getattr(span, "high", None),
        timeframe=getattr(x, "timeframe", ""),
        sources=tuple(x.sources),
    )


def _figures_of(*parts) -> ExampleFigure:
    """Several quantities in one line: no single range or time frame, all their sources."""
    found = [p for p in parts if p is not None]
    if len(found) == 1:
        return _figure_of(found[0])
    return ExampleFigure(sources=tuple(dict.fromkeys(sid for p in found for sid in p.sources)))


def priority_example_figures(ev: Evidence) -> dict[str, list[ExampleFigure]]:
    """For each line of `priority_examples`, in the same order, the figure it states: the consult
    layer the compare topics show beside each figure (a neurologist checks the examples too)."""
    out: dict[str, list[ExampleFigure]] = {p: [] for p in PRIORITIES}
    for oid, o in ev.ordered():
        b = o.burden
        out["relief"].append(_figure_of(ev.control(oid)))
        rec = o.recurrence
        used = not b.ongoing and rec is not None and rec.per_100 is not None
        out["lasting"].append(_figure_of(rec) if used else ExampleFigure())
        for priority, risk in (("serious_risk", _serious(o)), ("side_effects", _passing(o))):
            warning = o.label_warning if priority == "serious_risk" else None
            none = ExampleFigure(sources=tuple(warning.sources)) if warning else ExampleFigure()
            out[priority].append(_figure_of(risk) if risk else none)
        visits = b.injections_per_year or b.clinic_visits_per_year
        out["burden"].append(_figure_of(visits) if visits else ExampleFigure())
        stay = [q for q in (b.hospital_nights, b.recovery_weeks) if q]
        out["recovery"].append(_figures_of(*stay) if stay else ExampleFigure())
    return out


# ---------------------------------------------------------------- fit in words


def fit_sentence(
    o: OptionResult, weights: dict[str, int], *, set_by_you: Collection[str], max_each: int = 2
) -> str:
    """'MVD surgery fits your wish for a result that lasts; it weighs against your wish to
    avoid an operation and time off.' From the engine's per-priority scores and the weights,
    graded by the grid's and the PDF's bands (`common.fit_word`).

    `set_by_you`: only these priorities are named, as the patient's wishes. A priority left
    unset still counts in the match (as the middle), but the patient never said it is a wish
    of theirs, so the sentence does not say so (the page lists those apart). The set wishes in
    between, which it fits only partly or a little, are named too (most weighted first), so an
    option's weaker points are said as well as its clear ones: with control and time both set,
    botulinum toxin fits control, and time (about 4 injection visits a year) "only a little", as
    the grid says. With nothing clear, those are all the sentence says."""
    mattering = [p for p in PRIORITIES if weights.get(p, 0) > 0 and p in set_by_you]
    fits = sorted((p for p in mattering if o.scores[p] >= FIT_WELL), key=lambda p: -o.contributions[p])
    against = sorted(
        (p for p in mattering if o.scores[p] < FIT_A_LITTLE),
        key=lambda p: -(weights[p] * (1 - o.scores[p])),
    )
    wishes_met = and_list([PRIORITY_WISH[p] for p in fits[:max_each]])
    wishes_against = and_list([PRIORITY_WISH[p] for p in against[:max_each]])
    between = sorted((p for p in mattering if p not in fits + against), key=lambda p: -weights[p])[:max_each]
    partly = and_list([PRIORITY_WISH[p] for p in between if o.scores[p] >= FIT_PARTLY])
    little = and_list([PRIORITY_WISH[p] for p in between if o.scores[p] < FIT_PARTLY])
    graded = []
    if partly:
        graded.append(ONLY_PARTLY.format(wishes=partly))
    if little:
        graded.append(ONLY_A_LITTLE.format(wishes=little))
    middle = and_list(graded)
    if fits and against:
        clear = FITS_AND_WEIGHS_AGAINST.format(name=o.short_name, fits=wishes_met, against=wishes_against)
    elif fits:
        clear = FITS_ONLY.format(name=o.short_name, fits=wishes_met)
    elif against:
        clear = WEIGHS_AGAINST_ONLY.format(name=o.short_name, against=wishes_against)
    else:  # nothing clear: the wishes in between are all it says, graded as the grid grades them
        return (
            FITS_ONLY.format(name=o.short_name, fits=middle)
            if middle
            else NOTHING_SET_WEIGHS.format(name=o.short_name)
        )
    return f"{clear} {IT_ALSO_FITS.format(wishes=middle)}" if middle else clear


# ---------------------------------------------------------------- check what you know


@dataclass(frozen=True)
class QuizQuestion:
    key: str
    question: str
    choices: tuple[str, ...]
    answer: str
    explain: str

    @property
    def id(self) -> str:
        """The question's id in the answers' `quiz` ("success" in "success:right"), which the
        app's widget key (`state.quiz_key`) and the PDF's list of questions to look at again share."""
        return self.key.removeprefix("quiz_")


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
                QUIZ_SUCCESS.format(treatment=bot.sentence_name, result=label.lower().removeprefix("spasm ")),
                tuple(figures),
                answer,
                # the time frame's first clause, as the works topic gives it: the whole one put
                # brackets inside brackets and read at grade 14 ("(At the peak ... (within ...); ...)")
                QUIZ_SUCCESS_ANSWER.format(
                    answer=answer,
                    name=bot.sentence_name,  # as the question names it, not capitalised mid-sentence
                    result=label.lower(),
                    timeframe=first_clause_within(timeframe),
                ),
            )
        )
    names = [o.name for _, o in ev.ordered()]
    once = [o for _, o in ev.ordered() if not o.burden.ongoing]
    if len(once) == 1:
        out.append(
            QuizQuestion(
                "quiz_once",
                QUIZ_ONCE,
                tuple(names),
                once[0].name,
                QUIZ_ONCE_ANSWER.format(name=once[0].short_name),
            )
        )
    ga = [o for _, o in ev.ordered() if o.burden.general_anaesthetic]
    if len(ga) == 1:
        out.append(
            QuizQuestion(
                "quiz_anaesthetic",
                QUIZ_ANAESTHETIC,
                tuple(names),
                ga[0].name,
                QUIZ_ANAESTHETIC_ANSWER.format(name=ga[0].short_name),
            )
        )
    return out
