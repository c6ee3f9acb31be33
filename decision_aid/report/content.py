"""The summary's content: one structure (`summary_data`) that the PDF and the JSON both render
(the words for answers, figures and certainty are `report.words`').
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from decision_aid.derived import quiz
from decision_aid.engine import Caution, OptionResult, Result, anchors_for
from decision_aid.evidence import Evidence
from decision_aid.grid import glance_grid, how_long_text
from decision_aid.profile import PRIORITIES
from decision_aid.questions import questions_to_ask
from decision_aid.report.images import _chart_specs
from decision_aid.report.words import (
    _local_words,
    _names,
    benefit_words,
    chance_words,
    reopen_link,
    reviewed_words,
    risk_words,
    success_words,
)
from decision_aid.words.common import (
    NOT_A_VERDICT,
    PRIORITY_LABELS,
    QUIZ_LABEL,
    SITUATION_LABELS,
    fit_word,
    in_sentence,
    quiz_words,
    rounded_total_note,
    weight_text,
)
from decision_aid.words.report import (
    AGE,
    AGE_NOT_SAID,
    AGE_YEARS,
    COMMON_HARMS,
    CONVERSATION_LINE,
    DIFFERENT_STUDIES,
    LASTS_ROW,
    NO_TREATMENT_NO_HARM,
    NO_TREATMENT_NO_SIDE_EFFECTS,
    NONE_REPORTED,
    NONE_TRIED,
    NOT_ANSWERED,
    NOT_MATCHED,
    NOT_MATCHED_FIGURES,
    NOT_MEASURED,
    NOT_STATED,
    OVER_TIME,
    SERIOUS_HARMS,
    SITUATION_QUESTIONS,
    SUMMARY_TITLE,
    SURE_QUESTIONS,
    TRIED_BEFORE,
    WHEN,
    certainty_words,
    status_words,
    weight_words,
)
from decision_aid.words.report import SURE_CREDIT as SURE_CREDIT  # the PDF's sections import it from here

Paper = Literal["A4", "Letter"]
PAPERS: tuple[str, ...] = ("A4", "Letter")

LETTER_REGIONS = frozenset(
    {
        "US",
        "CA",
        "MX",
        "PH",
        "CL",
        "CO",
        "VE",
        "CR",
        "GT",
        "PA",
        "DO",
        "PR",
        "SV",
        "NI",
        "HN",
        "BZ",
    }
)
"""Regions that print on US Letter; everywhere else uses A4."""


def paper_for_locale(locale: str | None) -> Paper:
    """The paper the reader most likely has, from a locale or language tag ('en-US', 'en_CA.UTF-8',
    'de'): Letter in the Americas' Letter countries, A4 otherwise (and when unknown)."""
    if not locale:
        return "A4"
    tag = locale.split(".")[0].split("@")[0].replace("_", "-")
    parts = tag.split("-")
    region = next((x.upper() for x in parts[1:] if len(x) == 2 and x.isalpha()), "")
    return "Letter" if region in LETTER_REGIONS else "A4"


# ---------------------------------------------------------------- the summary content


def _caution_dict(c: Caution, numbers: dict[str, int]) -> dict[str, Any]:
    return {
        "rule": c.rule,
        "effect": c.effect,
        "text": c.text,
        "sources": list(c.sources),
        "source_numbers": [numbers[s] for s in c.sources],
    }


def summary_data(
    evidence: Evidence,
    result: Result,
    *,
    base_url: str,
    generated: dt.date | None = None,
) -> dict[str, Any]:
    """The summary's content as a JSON-able dict: what the PDF prints and the JSON download holds.

    Figures are copied from `result` (the same objects the CLI's main JSON dumps), never recomputed.
    """
    return _summary(evidence, result, base_url=base_url, generated=generated)[0]


OPTION_KEYS = {
    "id",
    "name",
    "short_name",
    "suitable",
    "avoided",
    "cautions",
    "match",
    "match_low",
    "match_high",
    "rank",
    "contributions",
    "scores",
    "success",
    "benefits",
    "risks",
}


def _option_dict(evidence: Evidence, o: OptionResult, stated: bool) -> dict[str, Any]:
    """One option's figures as the engine gave them, with the words the summary prints."""
    opt = evidence.options[o.id]
    d = o.model_dump(mode="json", include=OPTION_KEYS)
    if not (stated and o.matchable):  # never a match or rank before priorities, or for an unmatchable option
        d.update(match=None, match_low=None, match_high=None, rank=None, contributions=None)
    d["local_not_matched"] = o.local_not_matched
    d["matchable"] = o.matchable
    d["success"]["words"] = success_words(o)
    d["success"]["certainty_words"] = certainty_words(o.success.certainty)
    control = evidence.meta.measures.get(evidence.meta.control_measure)
    d["success"].setdefault("measure", evidence.meta.control_measure)
    d["success"]["label"] = control.label if control else evidence.meta.control_measure
    for bd, b in zip(d["benefits"], o.benefits, strict=True):
        source = opt.benefit(b.measure)
        estimate = bool(source is not None and source.expert_estimate)
        bd["expert_estimate"] = estimate
        bd["words"] = benefit_words(b, expert_estimate=estimate)
        bd["certainty_words"] = certainty_words(b.certainty)
    for rd, r in zip(d["risks"], o.risks, strict=True):
        rd["kind"] = "serious" if r.serious_or_lasting else "common"
        rd["words"] = risk_words(r)
        rd["table_words"] = risk_words(r, when=False)
    d["common_side_effects"] = [r.id for r in o.risks if not r.serious_or_lasting]
    d["serious_risks"] = [r.id for r in o.risks if r.serious_or_lasting]
    warning = opt.label_warning
    d["label_warning"] = (
        {"short": warning.short, "text": " ".join(warning.text.split()), "sources": list(warning.sources)}
        if warning
        else None
    )
    d["summary"] = opt.summary
    d["involves"] = {"text": opt.involves.text, "sources": list(opt.involves.sources)}
    d["duration"] = {"text": opt.duration.text, "sources": list(opt.duration.sources)}
    d["how_long"] = how_long_text(o.id, opt)
    d["later"] = [
        {"id": field, "words": chance_words(field, ch), "sources": list(ch.sources)}
        for field, ch in opt.chances()
    ]
    d["burden"] = {"text": opt.burden.text.text, "sources": list(opt.burden.text.sources)}
    d["fit"] = {k: fit_word(v) for k, v in o.scores.items()} if d["match"] is not None else None
    d["status"] = _status_words(o)
    return d


def _option_sources(d: dict[str, Any]) -> list[str]:
    ids = list(d["success"]["sources"])
    for b in d.get("benefits") or []:
        ids += b.get("sources") or []
    for r in d["risks"]:
        ids += r["sources"]
    ids += d["duration"]["sources"] + d["burden"]["sources"]
    for ch in d["later"]:
        ids += ch["sources"]
    if d.get("label_warning"):
        ids += d["label_warning"]["sources"]
    return ids


def _no_treatment(evidence: Evidence, result: Result) -> dict[str, Any]:
    """'No treatment for now': a reference beside the options, never scored, with the figures the
    engine's result gives."""
    nt = evidence.no_treatment
    figures = []
    for f in result.no_treatment.figures:
        fig = {
            "name": f.name,
            "low": f.low,
            "central": f.central,
            "high": f.high,
            "timeframe": f.timeframe,
            "certainty": f.certainty,
            "sources": list(f.sources),
        }
        # no `while_treated`: the natural course is no treatment; the level of certainty only, as
        # for the harms (the detail's intro says what each level means): the four figures said
        # "this is an estimate; the true figure could be very different" four times over
        fig["words"] = benefit_words(fig, short=True)
        figures.append(fig)
    return {
        "name": nt.name,
        "short_name": nt.short_name,
        "summary": nt.summary,
        "involves": result.no_treatment.involves.model_dump(),
        "figures": figures,
        "rounded_note": rounded_total_note(f["central"] for f in figures),
    }


def _grid(evidence: Evidence, result: Result) -> dict[str, Any]:
    """The at-a-glance grid (rows of questions, a column per option and one for no treatment),
    from the grid builder the app's compare page uses, so both show the same answers."""
    g = glance_grid(evidence, result)
    return {
        "columns": [
            {"id": c.id, "name": c.name, "suitable": c.suitable, "avoided": c.avoided} for c in g.columns
        ],
        "rows": [
            {
                "key": r.key,
                "question": r.question,
                "cells": [
                    {
                        "text": c.text,
                        "figure": c.figure,
                        "low": c.low,
                        "central": c.central,
                        "high": c.high,
                        "per": c.per,
                        "certainty": c.certainty,
                        "caution": c.caution,
                        "local": c.local,
                        "not_measured": c.not_measured,
                        "sources": list(c.sources),
                    }
                    for c in r.cells
                ],
            }
            for r in g.rows
        ],
        "reference_note": g.reference_note,
        "unlike_note": g.unlike_note,
    }


def _quiz_to_review(evidence: Evidence, results: dict[str, bool]) -> list[dict[str, str]]:
    """Each knowledge-check question answered wrong, with its answer, in the check's order."""
    return [
        {"id": q.key, "question": q.question, "answer": q.explain}
        for q in quiz(evidence)
        if results.get(q.id) is False
    ]


LATER_IN_TABLE = ("recurrence", "reoperation", "stopped_for_side_effects")
"""The later chances the detail table gives: late relief is page 1's answer to "What if it does
not work?", with its figure and how sure (in full, each costs three lines of a page the pictures
need)."""


def _comparison_data(evidence: Evidence, options: list[dict], no_treatment: dict) -> dict[str, Any]:
    """The detailed side-by-side table: a row per outcome measure (each cell with its own time
    frame and certainty, 'Not measured' where it never was), then how long it lasts (the grid's
    words, then the later chances in `LATER_IN_TABLE`, in full: the printout had neither MVD's
    return nor its second operation), then the side effects that pass and the serious or lasting harms; 'No
    treatment for now' is the first column, for reference."""
    rows = []
    for mid, measure in evidence.meta.measures.items():
        cells = [NOT_MEASURED]  # the natural course counts other things: its own row below
        for o in options:
            b = next((b for b in o.get("benefits") or [] if b["measure"] == mid), None)
            cells.append(b["words"] if b else NOT_MEASURED)
        rows.append(
            {"id": f"benefit:{mid}", "label": measure.label, "definition": measure.definition, "cells": cells}
        )

    def risks(o: dict, kind: str) -> str:
        mine = [r for r in o["risks"] if r["kind"] == kind]
        warning = o.get("label_warning") if kind == "serious" else None
        if not mine:  # a label's warning the studies never counted, in words, after "none reported"
            return NONE_REPORTED + ("\n" + warning["text"] if warning else "")
        when = list(dict.fromkeys(r["timeframe"].rstrip(".") for r in mine if r.get("timeframe")))
        if len(when) > 1:  # each harm its own period: a list of periods after them read in order
            return "\n".join("• " + r["words"] for r in mine)
        shown = ["• " + r["table_words"] for r in mine]
        return "\n".join(shown + ([WHEN.format(timeframe=when[0])] if when else []))

    def lasts(o: dict) -> str:
        later = ["• " + ch["words"] for ch in o["later"] if ch["id"] in LATER_IN_TABLE]
        return "\n".join([o["how_long"], *later])

    # no treatment's cell is empty: the natural course has its own rows below
    rows.append({"id": "lasts", "label": LASTS_ROW, "cells": ["", *(lasts(o) for o in options)]})
    course = [f"• {f['name']}: {f['words']}" for f in no_treatment["figures"]]
    course += [no_treatment["rounded_note"]] if no_treatment["rounded_note"] and course else []
    rows += [
        {
            "id": "over_time",
            "label": OVER_TIME,
            "cells": ["\n".join(course) or NOT_MEASURED, *("" for _ in options)],
        },
        {
            "id": "common",
            "label": COMMON_HARMS,
            "cells": [NO_TREATMENT_NO_SIDE_EFFECTS, *(risks(o, "common") for o in options)],
        },
        {
            "id": "serious",
            "label": SERIOUS_HARMS,
            "cells": [NO_TREATMENT_NO_HARM, *(risks(o, "serious") for o in options)],
        },
    ]
    return {
        "columns": [no_treatment["name"], *(o["name"] for o in options)],
        "rows": rows,
    }


def _summary(
    evidence: Evidence, result: Result, *, base_url: str, generated: dt.date | None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The summary content and the chart specs it describes (built once, used by both outputs)."""
    meta = evidence.meta
    given = result.profile
    p = given.model_dump(mode="json")
    generated = generated or dt.date.today()
    stated = result.priorities_stated
    counts = given.weights()

    options = [_option_dict(evidence, o, stated) for o in result.options]
    no_treatment = _no_treatment(evidence, result)
    grid = _grid(evidence, result)
    ids: list[str] = []
    for f in no_treatment["figures"]:
        ids += f["sources"]
    ids += no_treatment["involves"]["sources"]
    for d in options:
        ids += _option_sources(d)
    for o in result.options:
        for c in o.caution_details:
            ids += c.sources
    for row in grid["rows"]:
        for cell in row["cells"]:
            ids += cell["sources"]
    source_ids = [s for s in dict.fromkeys(ids) if s in result.sources]
    numbers = {sid: i + 1 for i, sid in enumerate(source_ids)}
    for d, o in zip(options, result.options, strict=True):
        d["caution_details"] = [_caution_dict(c, numbers) for c in o.caution_details]
        d["source_numbers"] = sorted({numbers[s] for s in _option_sources(d) if s in numbers})

    situation = [
        {
            "question": q,
            "id": k,
            "value": p[k],
            "answer": SITUATION_LABELS.get(k, {}).get(p[k]) or (str(p[k]) if p[k] else NOT_ANSWERED),
        }
        for k, q in SITUATION_QUESTIONS.items()
        # how an earlier MVD went only after one (as the app's summary of answers): for everyone
        # else it read "After an earlier MVD: Not sure, or rather not say"
        if k in p and (k != "mvd_result" or "mvd" in p.get("tried", ()))
    ]
    if "age" in p:
        situation.append(
            {
                "question": AGE,
                "id": "age",
                "value": p["age"],
                "answer": AGE_YEARS.format(age=p["age"]) if p["age"] is not None else AGE_NOT_SAID,
            }
        )
    situation.append(
        {
            "question": TRIED_BEFORE,
            "id": "tried",
            "value": list(p["tried"]),
            "answer": ", ".join(_names(p["tried"], result)) or NONE_TRIED,
        }
    )
    local = {k: p[k] for k in ("mvd_success", "mvd_hearing_loss") if p.get(k) is not None}
    local_used = (
        [
            f"{o['short_name']}, {in_sentence(b['label'])}: {_local_words(b)}."
            for o in options
            for b in o.get("benefits") or []
            if b.get("local")
        ]
        + [
            f"{o['short_name']}, {in_sentence(o['success']['label'])}: {o['success']['words']['local']}"
            for o in options
            if o["success"].get("local")
            and not any(
                b.get("local") and b["measure"] == o["success"]["measure"] for b in o.get("benefits") or []
            )
        ]
        + [
            f"{o['short_name']}, {in_sentence(r['name'])}: {_local_words(r)}."
            for o in options
            for r in o["risks"]
            if r.get("local")
        ]
    )
    link = reopen_link(result, base_url)
    specs = _chart_specs(result, options, stated)
    rankable = [o for o in options if o["match"] is not None]
    data = {
        "title": SUMMARY_TITLE,
        "decision": meta.title,
        "generated": generated.isoformat(),
        "dataset": {
            "version": meta.version,
            "last_reviewed": meta.last_reviewed.isoformat(),
            "next_review": meta.next_review.isoformat(),
            "made_by": meta.made_by,
            "funding": meta.funding,
            "reviewers": [r.model_dump(mode="json") for r in meta.reviewers],
            "reviewed": reviewed_words(evidence),
            "update_policy": meta.update_policy.model_dump(mode="json"),
        },
        "evidence_version": result.evidence_version,
        "conversation": CONVERSATION_LINE,
        "not_a_verdict": NOT_A_VERDICT,
        "different_studies": DIFFERENT_STUDIES,
        "reference_class": meta.reference_class,
        "measures": [
            {"id": k, "label": m.label, "definition": m.definition} for k, m in meta.measures.items()
        ],
        "control_measure": meta.control_measure,
        "profile": p,
        "priorities_stated": stated,
        "answers": {
            "mode": p["mode"],
            "situation": situation,
            "priorities": [
                {
                    "id": k,
                    "label": PRIORITY_LABELS[k],
                    "weight": p[k],
                    "counts_as": counts[k],
                    "words": weight_words(p[k]),
                    "text": weight_text(p[k], counts[k] if stated else None),
                }
                for k in PRIORITIES
            ],
            "deal_breakers": _names(p["avoid"], result),
            "note": p["note"],
            "leaning": {
                "id": p["leaning"],
                "words": SITUATION_LABELS["leaning"].get(p["leaning"], p["leaning"]),
            },
            "local_figures": local,
            "sure": [{"id": k, "question": q, "answer": p[k] or None} for k, q in SURE_QUESTIONS],
            "quiz": {
                "label": QUIZ_LABEL,
                "results": given.quiz_results(),
                "words": quiz_words(given.quiz_results()),
                "to_review": _quiz_to_review(evidence, given.quiz_results()),
            },
        },
        "local_figures_used": local_used,
        "warnings": list(result.warnings),
        "grid": grid,
        "no_treatment": no_treatment,
        "options": options,
        "comparison": _comparison_data(evidence, options, no_treatment),
        "match": {
            "shown": bool(rankable),
            "text": NOT_A_VERDICT if stated else NOT_STATED,
            "not_matched": [
                {
                    "id": o["id"],
                    "short_name": o["short_name"],
                    "reason": NOT_MATCHED if not o["suitable"] else NOT_MATCHED_FIGURES,
                }
                for o in options
                if stated and not o["matchable"]
            ],
            "anchors": list(anchors_for(result)),
        },
        "what_would_change": [s.sentence for s in result.sensitivity if s.changes] if rankable else [],
        "questions": questions_to_ask(evidence, result),
        "sure_questions": [q for _, q in SURE_QUESTIONS],
        "link": link,
        "charts": [{k: c[k] for k in ("id", "heading", "description")} for c in specs],
        "sources": {sid: result.sources[sid] for sid in source_ids},
    }
    return data, specs


def _status_words(o: OptionResult) -> str:
    return status_words(suitable=o.suitable, avoided=o.avoided)
