"""The "at a glance" grid: the questions patients ask as rows, the options as columns.

Built the Option Grid way (a few words and at most one "out of 100" figure per cell), from the
dataset and the engine's result only, with no Streamlit, so the app's compare page and the PDF
show the same grid. Every cell keeps its range, certainty and source ids (the app shows them in
consult mode), says "not measured" instead of a number where a measure was never studied, and is
flagged when a caution from the patient's situation concerns it. Columns: "No treatment for now"
(a reference, never scored) and then the options in their fixed order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, get_args

from decision_aid.engine import NO_TREATMENT_ID, OptionResult, Result
from decision_aid.evidence import Certainty, Evidence, LabelWarning, Option, Quantity, Rule, least_certain
from decision_aid.results import shown_range
from decision_aid.schema import GRID_ROWS
from decision_aid.words import grid as W
from decision_aid.words.common import (
    COUNTS_ANY,
    COUNTS_ONE,
    COUNTS_ONE_PER_INJECTION,
    UNLIKE_SIDE_EFFECTS,
    in_sentence,
    per_100_counted,
    whole,
)

NO_TREATMENT_NAME = W.NO_TREATMENT_NAME
MAX_WORDS = 14
"""A cell's words, at most: the Option Grid keeps each answer to about a dozen words."""


@dataclass(frozen=True)
class Cell:
    """One answer: short text and at most one chance per 100 (``central`` None = no figure)."""

    text: str
    central: float | None = None
    low: float | None = None
    high: float | None = None
    per: str = "person"
    """'person', or 'injection' for a figure counted per injection."""
    certainty: str | None = None
    sources: tuple[str, ...] = ()
    caution: bool = False
    """A caution from the patient's situation concerns this cell."""
    local: bool = False
    """The figure is the surgical team's own (entered in a consult), not a published one."""
    not_measured: bool = False
    timeframe: str = ""
    """What period a harm's figure covers, for the consult layer (a benefit's text says it)."""

    @property
    def figure(self) -> str | None:
        """'30 out of 100 people' ('... per injection'), or None when the cell has no number."""
        if self.central is None:
            return None
        return per_100_counted(self.central, self.per)


@dataclass(frozen=True)
class Column:
    id: str
    name: str
    suitable: bool = True
    avoided: bool = False
    reason: str = ""
    """Why the option may not apply (its not-suitable cautions), when it is not suitable."""


@dataclass(frozen=True)
class Row:
    key: str
    question: str
    cells: tuple[Cell, ...]
    """One per column, in the columns' order."""


@dataclass(frozen=True)
class Grid:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    cautions: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)
    """(column id, label, caution text) for every caution from the situation, in column order: the
    grid lists the labels, a few words each, and the whole texts one click away."""
    good_to_know: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    """(column id, text) for every rule the situation meets that is good to know, not a caution:
    listed apart from the cautions, and marking no cell."""
    reference_note: str = ""
    """The no-treatment figures in words, and why they may not hold for most people (the
    dataset's `figures_note`): said under the grid, not in its rows, where they would sit beside
    treatment figures that count other things over other times."""
    reference_note_sources: tuple[str, ...] = ()
    unlike_note: str = ""
    """`unlike_side_effects`: said under the grid, as the no-treatment note is."""


QUESTIONS: tuple[tuple[str, str], ...] = tuple((key, W.ROW_QUESTIONS[key]) for key in GRID_ROWS)
"""The rows, in order: the questions patients ask about each option."""

BENEFIT_ROWS = ("clearly_better", "spasm_gone")
CONCERNS: dict[str, tuple[str, ...]] = {
    "cause": BENEFIT_ROWS,
    "mri": BENEFIT_ROWS,
    "mvd_result": (*BENEFIT_ROWS, "not_working"),
    "anesthesia": ("involves", "serious"),
    "pregnant": ("passing", "serious"),
    "blood_thinners": ("passing", "serious"),
    "age": ("serious",),
    "age_at_least": ("serious",),
    "age_not_at_least": ("serious",),
    "sides": ("involves",),
    "tried": ("not_working",),
    "avoid": ("involves",),
}
"""Which rows a caution concerns, by the situation its rule looks at."""


def rows_marked_by(rule: Rule) -> tuple[str, ...]:
    """The rows whose cells a caution marks "See the caution below", in the grid's order.

    The dataset's `concerns` when it names them (a caution about more than its situation says:
    after an earlier MVD, the figures are a first operation's), else by what its `when` looks at
    (`CONCERNS`). The review pack shows them beside each caution, for the reviewer to check.
    """
    rows: set[str] = set(rule.concerns)
    if not rows:
        for k, values in rule.when.items():
            if k == "mri" and "no_vessel" not in (values if isinstance(values, list) else []):
                rows.add("involves")  # no scan yet, or it found something else: before any treatment
                continue
            rows.update(CONCERNS.get(k, ("involves",)))
    return tuple(key for key, _ in QUESTIONS if key in rows)


def _get(x: Any, name: str, default: Any = None) -> Any:
    """A field of a model or a dict (the engine's result may give either)."""
    if isinstance(x, dict):
        return x.get(name, default)
    return getattr(x, name, default)


def _first_sentence(text: str, max_words: int = MAX_WORDS) -> str:
    """The first sentence of a dataset text, if it is short enough to stand in a cell."""
    first = re.split(r"(?<=[.!?])\s+", " ".join(str(text).split()), maxsplit=1)[0]
    return first if len(first.split()) <= max_words else ""


def first_clause(text: str) -> str:
    """A dataset phrase up to its first ':', ';' or '(', whole."""
    return re.split(r"\s*[:;(]", " ".join(str(text).split()), maxsplit=1)[0].rstrip(" ,.")


def first_clause_within(text: str) -> str:
    """`first_clause` to stand inside a sentence: 'at the peak of each injection'."""
    return in_sentence(first_clause(text))


def short(text: str, max_words: int = MAX_WORDS) -> str:
    """A dataset phrase cut to its first clause, and to `max_words`, for a cell; the full text
    stays in the topics and the figures table."""
    first = first_clause(text)
    words = first.split()
    return first if len(words) <= max_words else " ".join(words[:max_words]) + "..."


def when_words(timeframe: str | None) -> str:
    """'When: At the peak of each injection': a figure's time frame cut short, as a cell gives it
    (and the PDF beside each picture of the figure); empty without one."""
    return W.WHEN.format(timeframe=short(timeframe, 10)) if timeframe else ""


def quantity_text(q: Quantity | None) -> str:
    """'about 4 injection visits a year': the central value in whole units, as every view says it
    (the priorities page said 'about 3.6' where the grid and the PDF said 'about 4')."""
    return W.ABOUT_QUANTITY.format(n=whole(q.value.central), unit=q.unit) if q is not None else ""


def benefits(o: OptionResult) -> list[dict[str, Any]]:
    """The option's benefit figures as plain dicts: the engine's `benefits`, or, from a result
    that has none, its one success figure under the measure the match uses."""
    found = _get(o, "benefits")
    if found:
        out = []
        for b in found:
            d = b if isinstance(b, dict) else b.model_dump()
            out.append(
                {
                    **d,
                    "local": bool(d.get("local"))
                    or (bool(o.success.local) and d.get("measure") == _get(o.success, "measure")),
                }
            )
        return out
    s = o.success
    return [
        {
            "measure": _get(s, "measure", "good_control"),
            "label": W.GOOD_CONTROL,
            "low": s.low,
            "central": s.central,
            "high": s.high,
            "timeframe": s.timeframe,
            "certainty": s.certainty,
            "sources": list(s.sources),
            "while_treated": None,
            "not_measured": "",
            "local": s.local,
        }
    ]


def _benefit_cell(b: dict[str, Any] | None, ongoing: bool) -> Cell:
    if b is None or b.get("central") is None:
        return Cell(W.NOT_MEASURED, not_measured=True, sources=tuple((b or {}).get("sources") or ()))
    parts = [when] if (when := when_words(b.get("timeframe"))) else []
    if b.get("while_treated") or (b.get("while_treated") is None and ongoing):
        parts.append(W.ONLY_WHILE_TREATED)
    if b.get("expert_estimate"):
        parts.append(W.EXPERT_ESTIMATE)
    low, high, _ = shown_range(b)  # a local figure: the studies' range (its cell is marked local)
    return Cell(
        "; ".join(parts) + ".",
        b["central"],
        low,
        high,
        certainty=b.get("certainty"),
        sources=tuple(b.get("sources") or ()),
        local=bool(b.get("local")),
    )


def most_common(risks: list[Any]) -> Any:
    """The likeliest harm of a kind: the one the grid's cell, the harms topic's picture and the
    note on how those are counted (`unlike_side_effects`) all name."""
    return max(risks, key=lambda r: _get(r, "central"))


def _risk_cell(risks: list[Any], serious: bool, warning: LabelWarning | None = None) -> Cell:
    """The most common harm of the kind, with how many more; where the studies counted none, the
    label's warning in words (no figure), else "none reported"."""
    mine = [r for r in risks if bool(_get(r, "serious") or _get(r, "permanent")) == serious]
    if not mine:
        if warning is not None:
            return Cell(warning.short, sources=tuple(warning.sources))
        return Cell(W.NONE_REPORTED)
    r = most_common(mine)
    more = len(mine) - 1
    if more:  # the harm's name gets the words the "and N more" leaves
        budget = MAX_WORDS + 1 - len(W.HARM_AND_MORE.format(harm="x", more=more).split())
        text = W.HARM_AND_MORE.format(harm=short(_get(r, "name"), budget), more=more)
    else:
        text = short(_get(r, "name"))
    low, high, _ = shown_range(r)
    return Cell(
        text,
        _get(r, "central"),
        low,
        high,
        per=_get(r, "per", "person") or "person",
        certainty=_get(r, "certainty"),
        sources=tuple(_get(r, "sources") or ()),
        local=bool(_get(r, "local")),
        timeframe=_get(r, "timeframe") or "",
    )


def unlike_side_effects(result: Result) -> str:
    """The note that the options' most common side effects that pass (the grid's cells, the harms
    topic's pictures) are not counted the same way, naming how each is; "" when they are."""
    tops = []
    for o in result.options:
        mine = [r for r in o.risks if not r.serious_or_lasting]
        if mine:
            top = most_common(mine)
            tops.append((o.short_name, top.counts, top.per))
    if len({(counts, per) for _, counts, per in tops}) <= 1:
        return ""
    parts = [
        (
            COUNTS_ANY if counts == "any" else COUNTS_ONE_PER_INJECTION if per == "injection" else COUNTS_ONE
        ).format(name=name)
        for name, counts, per in tops
    ]
    return UNLIKE_SIDE_EFFECTS.format(parts="; ".join(parts))


def _involves(opt: Option) -> Cell:
    b = opt.burden
    if b.daily_pills:
        text = W.INVOLVES_PILLS
    elif b.injections_per_year is not None:
        text = W.INVOLVES_INJECTIONS
    elif b.general_anaesthetic:
        text = W.INVOLVES_OPERATION
    else:
        text = _first_sentence(opt.involves.text) or opt.short_name
    return Cell(text + ".", sources=tuple(opt.involves.sources))


def how_long_text(oid: str, opt: Option) -> str:
    """How long it lasts, in the words the grid's cell ends with (`W.TIMING_LONG`)."""
    return W.TIMING_LONG[oid].format(how_long=quantity_text(opt.effect_weeks))


def timing_text(oid: str, opt: Option) -> str:
    """How soon and how long, in the words written for this option from its onset and duration
    texts (`W.TIMING_SOON`, `W.TIMING_LONG`): the dataset's own first sentences are too long for
    a cell; the works topic shows them whole."""
    return f"{W.TIMING_SOON[oid]} {how_long_text(oid, opt)}"


def _timing(oid: str, opt: Option) -> Cell:
    """The grid's cell of `timing_text`, with the onset's, duration's and effect's sources."""
    text = timing_text(oid, opt)
    ids = dict.fromkeys(
        [*opt.onset.sources, *opt.duration.sources, *(opt.effect_weeks.sources if opt.effect_weeks else ())]
    )
    return Cell(text, sources=tuple(ids))


def _visits(opt: Option) -> Cell:
    b = opt.burden
    parts = []
    if b.daily_pills:
        parts.append(W.VISITS_PILLS)
    for q in (b.injections_per_year, b.clinic_visits_per_year, b.hospital_nights, b.recovery_weeks):
        if q is not None:
            parts.append(quantity_text(q))
    if not b.general_anaesthetic and not b.recovery_weeks:
        parts.append(W.NO_TIME_OFF)
    text = "; ".join(parts)
    ids = dict.fromkeys(
        s
        for q in (b.injections_per_year, b.clinic_visits_per_year, b.hospital_nights, b.recovery_weeks)
        if q is not None
        for s in q.sources
    )
    return Cell(text[:1].upper() + text[1:] + ".", sources=tuple(ids) or tuple(b.text.sources))


def _not_working(opt: Option) -> Cell:
    d = opt.delayed_relief
    if d is not None:
        return Cell(
            W.DELAYED_RELIEF,
            d.per_100.central,
            d.per_100.low,
            d.per_100.high,
            certainty=_get(d, "certainty"),
            sources=tuple(d.sources),
        )
    if opt.burden.daily_pills:
        return Cell(W.ANOTHER_MEDICINE, sources=tuple(opt.duration.sources))
    return Cell(W.CHANGE_DOSE, sources=tuple(opt.duration.sources))


COST = Cell(W.ASK_COST)


def _option_cells(oid: str, opt: Option, res: OptionResult) -> dict[str, Cell]:
    found = {b["measure"]: b for b in benefits(res)}
    cells = {
        "involves": _involves(opt),
        "timing": _timing(oid, opt),
        "passing": _risk_cell(list(res.risks), serious=False),
        "serious": _risk_cell(list(res.risks), serious=True, warning=opt.label_warning),
        "visits": _visits(opt),
        "not_working": _not_working(opt),
        "cost": COST,
    }
    if set(found) & set(BENEFIT_ROWS):
        for key in BENEFIT_ROWS:
            cells[key] = _benefit_cell(found.get(key), opt.burden.ongoing)
    else:  # a result without the measure vocabulary: its one figure, under "clearly better"
        cells["clearly_better"] = _benefit_cell(next(iter(found.values()), None), opt.burden.ongoing)
        cells["spasm_gone"] = Cell(W.NOT_MEASURED_SEPARATELY, not_measured=True)
    return cells


def no_treatment_figures(ev: Evidence, result: Result) -> list[dict[str, Any]]:
    """The natural-course figures (the result's `no_treatment`, else the dataset's), as dicts."""
    nt = _get(result, "no_treatment") or _get(ev, "no_treatment")
    out = []
    for f in _get(nt, "figures") or []:
        d = f if isinstance(f, dict) else f.model_dump()
        rng = d.get("per_100")
        if rng is not None and "central" not in d:
            rng = rng if isinstance(rng, dict) else dict(rng)
            d = {**d, "low": rng.get("low"), "central": rng.get("central"), "high": rng.get("high")}
        out.append(d)
    return out


NATURAL_COURSE_IDS = ("remission", "partly_better", "worse")
"""The natural-course figures the grid's note gives, as `W.NATURAL_COURSE` names them."""


def _no_treatment_cells(ev: Evidence, result: Result) -> dict[str, Cell]:
    """No treatment's column: what waiting involves, and no figure beside the treatments'. Its
    figures count other things over years ("went away for a time", "partly better"), so the
    benefit rows say so and `_reference_note` gives the figures under the grid.

    The first row is the summary's first sentence ("You can choose to wait and see."), a choice
    that needs no source. The serious row's "the spasm itself can shut your eye" comes from the
    dataset's `involves` text, so it carries that text's own sources, from the dataset: the
    result's `involves` sources add those of the scan sentences shown with it (han2009), which do
    not back it."""
    nt = _get(result, "no_treatment") or _get(ev, "no_treatment")
    involves = _get(_get(ev, "no_treatment"), "involves")
    summary = _first_sentence(_get(nt, "summary", "") or "")
    none = Cell(W.NO_TREATMENT_HARMS)
    serious = Cell(W.NO_TREATMENT_SERIOUS, sources=tuple(_get(involves, "sources", ()) or ()))
    not_counted = Cell(W.NOT_COUNTED_WITHOUT, not_measured=True)
    return {
        "involves": Cell(summary or W.WAIT_AND_WATCH),
        "clearly_better": not_counted,
        "spasm_gone": not_counted,
        "timing": Cell(W.NO_TREATMENT_TIMING),
        "passing": none,
        "serious": serious,
        "visits": Cell(W.NO_TREATMENT_VISITS),
        "not_working": Cell(W.START_ANY_TIME),
        "cost": Cell(W.NO_TREATMENT_COST),
    }


def _reference_note(ev: Evidence, result: Result) -> tuple[str, tuple[str, ...]]:
    """Under the grid: the natural-course figures in words, then the dataset's `figures_note` on
    why they may read better than the usual course, with the sources of both."""
    figures = {f.get("id"): f for f in no_treatment_figures(ev, result) if f.get("central") is not None}
    nt = _get(ev, "no_treatment")
    years = {_get(f, "id"): _get(f, "years") for f in _get(nt, "figures") or ()}  # the dataset's own
    note = _get(nt, "figures_note")
    parts: list[str] = []
    ids: list[str] = []
    if all(fid in figures for fid in NATURAL_COURSE_IDS) and years.get("remission"):
        parts.append(
            W.NATURAL_COURSE.format(
                years=whole(years["remission"]),
                **{fid: whole(figures[fid]["central"]) for fid in NATURAL_COURSE_IDS},
            )
        )
        grades = [figures[fid].get("certainty") for fid in NATURAL_COURSE_IDS]
        if all(g in get_args(Certainty) for g in grades):  # the least sure of them
            parts.append(W.natural_course_sure(least_certain(grades)))
        ids += [s for fid in NATURAL_COURSE_IDS for s in figures[fid].get("sources") or ()]
    if _get(note, "text"):
        parts.append(" ".join(str(_get(note, "text")).split()))
        ids += list(_get(note, "sources", ()) or ())
    return " ".join(parts), tuple(dict.fromkeys(ids))


def _caution_rows(ev: Evidence, res: OptionResult) -> set[str]:
    rules = {r.id: r for r in ev.rules}
    rows: set[str] = set()
    for c in res.caution_details:
        if c.good_to_know:
            continue
        rule = rules.get(c.rule)
        rows.update(rows_marked_by(rule) if rule is not None else CONCERNS.get(c.rule, ("involves",)))
    return rows


def glance_grid(ev: Evidence, result: Result) -> Grid:
    """The at-a-glance grid for this result: "No treatment for now", then the options in their
    fixed order; one row per question in `QUESTIONS`; cells a caution concerns are flagged."""
    columns = [Column(NO_TREATMENT_ID, NO_TREATMENT_NAME)]
    by_column = [_no_treatment_cells(ev, result)]
    cautions: list[tuple[str, str, str]] = []
    good: list[tuple[str, str]] = []
    for oid, opt in ev.ordered():
        res = result.option(oid)
        not_suitable = [c.text for c in res.caution_details if c.effect == "not_suitable"]
        columns.append(Column(oid, opt.short_name, res.suitable, res.avoided, " ".join(not_suitable)))
        cells = _option_cells(oid, opt, res)
        flagged = _caution_rows(ev, res)
        by_column.append(
            {k: (Cell(**{**v.__dict__, "caution": True}) if k in flagged else v) for k, v in cells.items()}
        )
        for c in res.caution_details:
            if c.good_to_know:
                good.append((oid, c.text))
            else:
                cautions.append((oid, c.label, c.text))
    rows = tuple(Row(key, question, tuple(col[key] for col in by_column)) for key, question in QUESTIONS)
    note, note_sources = _reference_note(ev, result)
    return Grid(
        tuple(columns), rows, tuple(cautions), tuple(good), note, note_sources, unlike_side_effects(result)
    )
