"""The take-home summary: a printable PDF (A4 or US Letter) and the same content as JSON.

Everything comes from one engine `Result` and the dataset it was computed from: no figure is
worked out twice. `summary_data` gathers the content (answers in words, the three options
with their figures, cautions, questions, the link back, the sources); `build_pdf` lays that
content out with fpdf2, adds the charts from `decision_aid.charts` (rendered offline with
vl-convert) and a QR code (segno), and returns the PDF as bytes. Nothing is written to disk.

The fonts (DejaVu Sans, vendored in `assets/fonts/`) cover every character in the text
(en dashes, "≥", accented names in citations) and are embedded, so the PDF prints the same
anywhere. The patient's note may be in any script: characters DejaVu lacks are drawn from the
Noto fonts the system has (Debian's fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji;
`make` and the Dockerfile install them) as fpdf fallback fonts, and the note is shaped with
HarfBuzz (uharfbuzz), so right-to-left runs with figures keep their order. A character no font
can draw prints as UNPRINTABLE_MARK, and the PDF says the note is kept in full in the link and
the JSON. fpdf and fontTools log what they cannot draw, quoting it: their warnings are off
(`quiet_font_logs`), so no word of a note reaches a log.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
import io
import logging
import math
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode

import segno
from fontTools import ttLib
from fpdf import FPDF, FPDFException
from fpdf.enums import Align, MethodReturnValue, WrapMode, XPos, YPos
from fpdf.fonts import SubsetMap, TTFFont
from fpdf.image_datastructures import ImageCache
from PIL import Image

from decision_aid.engine import ANCHORS_TEXT, Caution, OptionResult, Result, RiskUsed
from decision_aid.evidence import Evidence
from decision_aid.grid import glance_grid
from decision_aid.lru import BoundedCache
from decision_aid.profile import PRIORITIES, Profile
from decision_aid.questions import questions_to_ask
from decision_aid.wording import (
    CERTAINTY_LABELS,
    NOT_A_VERDICT,
    PRIORITY_LABELS,
    SITUATION_LABELS,
    both_ways,
    fit_word,
    per_100,
    per_100_range,
    whole,
)

Paper = Literal["A4", "Letter"]
PAPERS: tuple[str, ...] = ("A4", "Letter")

FONT_DIR = Path(__file__).resolve().parent / "assets" / "fonts"
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
FONT = "DejaVu"

SUMMARY_TITLE = "Your take-home summary"
CONVERSATION_LINE = (
    "This summary is to help you talk with your care team about what matters to you. "
    "It does not say which treatment you should choose."
)

SURE_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("sure_s", "Do you feel SURE about the best choice for you?"),
    ("sure_u", "Do you know the benefits and risks of each option?"),
    ("sure_r", "Are you clear about which benefits and risks matter most to you?"),
    ("sure_e", "Do you have enough support and advice to make a choice?"),
)
"""The SURE test (O'Connor & Légaré, 2008): a 'No' to any of them is worth talking about."""
SURE_CREDIT = "SURE test © O'Connor & Légaré, 2008."

SITUATION_QUESTIONS: dict[str, str] = {
    "cause": "What causes the spasm",
    "mri": "MRI scan",
    "anesthesia": "Fit for a general anaesthetic",
    "pregnant": "Pregnant or planning a pregnancy",
    "blood_thinners": "Taking blood thinners",
    "sides": "Spasm on one side or both",
    "mvd_result": "After an earlier MVD",
}
"""The situation answers the summary repeats back (those the profile has), in this order."""

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


LETTER_REGIONS = frozenset({
    "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "DO", "PR", "SV", "NI", "HN", "BZ",
})
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
    "id", "name", "short_name", "suitable", "avoided", "cautions", "match", "match_low", "match_high",
    "rank", "contributions", "scores", "success", "benefits", "risks",
}


def _option_dict(evidence: Evidence, o: OptionResult, stated: bool) -> dict[str, Any]:
    """One option's figures as the engine gave them, with the words the summary prints."""
    opt = evidence.options[o.id]
    d = o.model_dump(mode="json", include=OPTION_KEYS)
    if not (stated and o.suitable):  # never a match or rank before priorities, or for an unsuitable option
        d.update(match=None, match_low=None, match_high=None, rank=None, contributions=None)
    d["success"]["words"] = success_words(o)
    d["success"]["certainty_words"] = certainty_words(o.success.certainty)
    control = evidence.meta.measures.get(evidence.meta.control_measure)
    d["success"].setdefault("measure", evidence.meta.control_measure)
    d["success"]["label"] = control.label if control else evidence.meta.control_measure
    benefits = d.get("benefits") or []
    for bd, b in zip(benefits, getattr(o, "benefits", None) or [], strict=False):
        source = opt.benefit(_get(b, "measure"))
        estimate = bool(source is not None and source.expert_estimate)
        bd["expert_estimate"] = estimate
        bd["words"] = benefit_words(b, expert_estimate=estimate)
        bd["certainty_words"] = certainty_words(_get(b, "certainty"))
    for rd, r in zip(d["risks"], o.risks, strict=True):
        rd["kind"] = "serious" if _is_serious(r) else "common"
        rd["words"] = risk_words(r)
        rd["table_words"] = risk_words(r, when=False)
    d["common_side_effects"] = [r.id for r in o.risks if not _is_serious(r)]
    d["serious_risks"] = [r.id for r in o.risks if _is_serious(r)]
    d["summary"] = opt.summary
    d["involves"] = {"text": opt.involves.text, "sources": list(opt.involves.sources)}
    d["duration"] = {"text": opt.duration.text, "sources": list(opt.duration.sources)}
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
    return ids


def _no_treatment(evidence: Evidence, result: Result) -> dict[str, Any]:
    """'No treatment for now': a reference beside the options, never scored. Its figures come from
    the engine's result where it gives them (the dataset's otherwise, for an older engine)."""
    nt = evidence.no_treatment
    given = _get(result, "no_treatment")
    figures = []
    source_figures = {f.name: f for f in nt.figures}
    for f in (_get(given, "figures") if given is not None else None) or nt.figures:
        name = _get(f, "name")
        per = _get(f, "per_100")
        low, central, high = (
            (per.low, per.central, per.high) if per is not None
            else (_get(f, "low"), _get(f, "central"), _get(f, "high"))
        )
        known = source_figures.get(name)
        fig = {
            "name": name, "low": low, "central": central, "high": high,
            "timeframe": _get(f, "timeframe"), "certainty": _get(f, "certainty"),
            "sources": list(_get(f, "sources") or []),
            "measure": getattr(known, "measure", None),
        }
        fig["words"] = benefit_words(fig).replace(" Only while the treatment continues.", "")
        figures.append(fig)
    return {
        "name": nt.name,
        "short_name": nt.short_name,
        "summary": nt.summary,
        "involves": {"text": nt.involves.text, "sources": list(nt.involves.sources)},
        "figures": figures,
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
                        "text": c.text, "figure": c.figure,
                        "low": c.low, "central": c.central, "high": c.high,
                        "per": c.per, "certainty": c.certainty, "caution": c.caution, "local": c.local,
                        "not_measured": c.not_measured, "sources": list(c.sources),
                    }
                    for c in r.cells
                ],
            }
            for r in g.rows
        ],
    }


def _comparison_data(evidence: Evidence, options: list[dict], no_treatment: dict) -> dict[str, Any]:
    """The detailed side-by-side table: a row per outcome measure (each cell with its own time
    frame and certainty, 'Not measured' where it never was), then time, harms and what it asks;
    'No treatment for now' is the first column, for reference."""
    rows = []
    for mid, measure in evidence.meta.measures.items():
        nt_fig = next((f for f in no_treatment["figures"] if f["measure"] == mid), None)
        cells = [nt_fig["words"] if nt_fig else NOT_MEASURED]
        for o in options:
            b = next((b for b in o.get("benefits") or [] if b["measure"] == mid), None)
            cells.append(b["words"] if b else NOT_MEASURED)
        rows.append({"id": f"benefit:{mid}", "label": measure.label, "definition": measure.definition,
                     "cells": cells})

    def risks(o: dict, kind: str) -> str:
        mine = [r for r in o["risks"] if r["kind"] == kind]
        if not mine:
            return "None reported in the studies we used."
        when = list(dict.fromkeys(r["timeframe"].rstrip(".") for r in mine if r.get("timeframe")))
        shown = ["• " + r["table_words"] for r in mine]
        return "\n".join(shown + ([f"When: {'; '.join(when)}."] if when else []))

    course = [f"• {f['name']}: {f['words']}" for f in no_treatment["figures"] if not f["measure"]]
    rows += [
        {"id": "over_time", "label": "Without treatment, over time",
         "cells": ["\n".join(course) or NOT_MEASURED, *("" for _ in options)]},
        {"id": "common", "label": "Side effects that pass",
         "cells": ["None: no treatment.", *(risks(o, "common") for o in options)]},
        {"id": "serious", "label": "Serious or lasting harms",
         "cells": ["None from treatment.", *(risks(o, "serious") for o in options)]},
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
    p = _profile(result)
    generated = generated or dt.date.today()
    stated = bool(_get(result, "priorities_stated", True))
    given = result.profile
    counts = given.weights() if hasattr(given, "weights") else {k: p[k] for k in PRIORITIES}

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
        {"question": q, "id": k, "value": p[k],
         "answer": SITUATION_LABELS.get(k, {}).get(p[k]) or (str(p[k]) if p[k] else "Not answered")}
        for k, q in SITUATION_QUESTIONS.items()
        if k in p
    ]
    if "age" in p:
        situation.append({"question": "Age", "id": "age", "value": p["age"],
                          "answer": f"{p['age']} years" if p["age"] is not None else "Not given"})
    situation.append(
        {
            "question": "Treatments tried before",
            "id": "tried",
            "value": list(p["tried"]),
            "answer": ", ".join(_names(p["tried"], result)) or "None",
        }
    )
    local = {k: p[k] for k in ("mvd_success", "mvd_hearing_loss") if p.get(k) is not None}
    local_used = [
        f"{o['short_name']}, {b['label'][:1].lower()}{b['label'][1:]}: {_local_words(b)}."
        for o in options for b in o.get("benefits") or [] if b.get("local")
    ] + [
        f"{o['short_name']}, {o['success']['label'][:1].lower()}{o['success']['label'][1:]}: "
        f"{o['success']['words']['local']}"
        for o in options
        if o["success"].get("local")
        and not any(
            b.get("local") and b["measure"] == o["success"]["measure"] for b in o.get("benefits") or []
        )
    ] + [
        f"{o['short_name']}, {r['name'][:1].lower()}{r['name'][1:]}: {_local_words(r)}."
        for o in options for r in o["risks"] if r.get("local")
    ]
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
                    "text": f"{p[k]} out of 10" if p[k] is not None else f"not said (counts as {counts[k]})",
                }
                for k in PRIORITIES
            ],
            "deal_breakers": _names(p["avoid"], result),
            "note": p["note"],
            "leaning": {
                "id": p["leaning"], "words": SITUATION_LABELS["leaning"].get(p["leaning"], p["leaning"]),
            },
            "local_figures": local,
            "sure": [
                {"id": k, "question": q, "answer": p[k] or None} for k, q in SURE_QUESTIONS
            ],
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
                {"id": o["id"], "short_name": o["short_name"], "reason": NOT_MATCHED}
                for o in options if stated and not o["suitable"]
            ],
            "anchors": list(ANCHORS_TEXT),
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
    parts = []
    if not o.suitable:
        parts.append("may not be suitable for you now, see the cautions")
    if o.avoided:
        parts.append("you said you do not want this")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- the PDF


GREY_FILL = (232, 232, 232)
RULE_GREY = 120
BODY = 9
SMALL = 7.8
TINY = 6.8
MARGIN = 12.0
SERIOUS_WHAT = "have a serious or permanent harm"


def _lh(size: float) -> float:
    """Line height in mm for a font size in points (about 1.3 times the size)."""
    return size * 0.46


LINES_CACHE_SIZE = 2048
"""Texts kept broken into lines. A summary breaks about 150 (300 when both layouts are tried),
nearly all the dataset's own; the rest (a heading with a status, a row of weights) vary from
patient to patient. Full, it holds well under a megabyte."""

_lines_cache: BoundedCache[tuple[str, ...]] = BoundedCache(LINES_CACHE_SIZE)


def _lines(pdf: FPDF, text: str, w: float, size: float, style: str = "") -> tuple[str, ...]:
    """`text` broken into lines exactly as `pdf.multi_cell(w, ...)` would break it (no padding:
    the text is `w` less the cell margins wide), from a small bounded cache.

    Breaking text into lines is most of fpdf's work, character by character, and fpdf's tables
    do it twice for each cell (once to size the row); the same dataset text is broken again in
    every summary and in each layout tried. The key is the text itself, so a line only ever
    comes back for the very text it was cut from. Leaves the font at `style` and `size`.
    """
    pdf.set_font(FONT, style, size)

    def break_lines() -> tuple[str, ...]:
        return tuple(pdf.multi_cell(w, 1, text, align=Align.L, dry_run=True, output=MethodReturnValue.LINES))

    return _lines_cache.get_or_make((text, style, size, round(w, 4)), break_lines)


@dataclass(frozen=True)
class _Cell:
    """A table cell: its text, in DejaVu `style` ("" or "B") at `size` points."""

    text: str
    style: str = ""
    size: float = BODY


def _table(pdf: _PDF, head: list[_Cell], rows: list[list[_Cell]], widths: tuple[float, ...], *,
           line_h: float, padding: tuple[float, float, float, float], fill: tuple[int, int, int],
           grid: bool = True, middle: bool = False) -> None:
    """A table at the left margin as fpdf's `table()` draws it with these settings, from cached
    line breaks: `grid` every border (else only the lines between rows, `HORIZONTAL_LINES`),
    text at the top of its cell (`middle`: centred), `padding` (top, right, bottom, left), the
    heading row filled and repeated at the top of each page, a row never split across pages,
    never the heading row alone at the foot of a page.

    `table()` lays every cell's text out twice (once to size the row) and the comparison table
    is most of a summary's text: drawn by `table()` it took about as long as rendering a chart.
    """
    top, right, bottom, left = padding
    style, size = pdf.font_style, pdf.font_size_pt
    xs = [pdf.l_margin]
    for w in widths[:-1]:
        xs.append(xs[-1] + w)
    last_row = len(rows)  # the heading row is row 0

    Laid = tuple[list[tuple[str, ...]], list[float], float]  # lines and height per cell, row height

    def lay_out(row: list[_Cell]) -> Laid:
        lines = [
            _lines(pdf, c.text, w - left - right + 2 * pdf.c_margin, c.size, c.style)
            for c, w in zip(row, widths, strict=True)
        ]
        heights = []
        for cell_lines in lines:
            height = 0.0
            for _ in cell_lines:  # added up line by line, as fpdf does
                height += line_h
            heights.append(height + top + bottom)
        return lines, heights, max(heights)

    def draw(row: list[_Cell], laid_out: Laid, index: int) -> None:
        lines, heights, height = laid_out
        y = pdf.get_y()
        for x, w, c, cell_lines, cell_h in zip(xs, widths, row, lines, heights, strict=True):
            # Drawn from the bottom edge up, as table() draws them, so a border lands on the
            # same device pixel whichever of the two drew it.
            if index == 0:
                with pdf.local_context(fill_color=fill):
                    pdf.rect(x, y + height, w, -height, style="DF" if grid else "F")
            elif grid:
                pdf.rect(x, y + height, w, -height)
            if not grid:
                if index < last_row:
                    pdf.line(x, y + height, x + w, y + height)
                if index > 0:
                    pdf.line(x, y, x + w, y)
            pdf.set_font(FONT, c.style, c.size)
            pdf.set_xy(x + left - pdf.c_margin, y + top + ((height - cell_h) / 2 if middle else 0))
            for line in cell_lines:
                pdf.cell(w - left - right, line_h, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_xy(pdf.l_margin, y + height)

    heading = lay_out(head)
    body = [(row, lay_out(row)) for row in rows]
    pdf.need(heading[2] + (body[0][1][2] if body else 0))  # never the heading row alone
    draw(head, heading, 0)
    for i, (row, laid_out) in enumerate(body, start=1):
        if pdf.room < laid_out[2]:
            pdf.add_page()
            draw(head, heading, 0)
        draw(row, laid_out, i)
    pdf.set_font(FONT, style, size)


UNUSED_FONT_TABLES = frozenset({"GDEF", "GSUB", "GPOS", "kern"})
"""Tables the font subsetter leaves out of the PDF (fpdf drops the OpenType layout tables;
fontTools drops 'kern' when there is a GPOS). Left in, the subsetter still reads them all
first (about 20 ms a font), only to throw them away."""


@functools.lru_cache(maxsize=16)
def _parsed_font(path: str, style: str, number: int = 0) -> TTFFont:
    """A font parsed once per process: fpdf's `add_font` reads every glyph's width from the file,
    about 30 ms per font (300 ms for the CJK collection), and a summary may be laid out twice
    (see `LAYOUTS`). Never put in a document itself; `_add_font` gives each document its own copy."""
    scratch = FPDF()
    scratch.add_font(FONT, style, path, collection_font_number=number)
    return scratch.fonts[f"{FONT.lower()}{style}"]


def _add_font(pdf: FPDF, style: str, path: Path, *, family: str = FONT, number: int = 0) -> None:
    """`pdf.add_font` from the parsed copy: the widths and character map are shared (read only);
    what a document changes is its own (the glyph subset, the font file that output subsets in
    place, the descriptor output numbers), so no document sees another's characters."""
    template = _parsed_font(str(path), style, number)
    font = copy.copy(template)
    font.i = len(pdf.fonts) + 1
    font.fontkey = f"{family.lower()}{style}"
    font.ttfont = ttLib.TTFont(path, recalcTimestamp=False, lazy=True, fontNumber=number)
    font._hbfont = None  # HarfBuzz's view of the font, made when the note is shaped
    if "GPOS" in font.ttfont:  # the subsetter then drops the legacy 'kern' table too
        for tag in UNUSED_FONT_TABLES & set(font.ttfont.keys()):
            del font.ttfont[tag]
    font.desc = copy.copy(template.desc)
    font.subset = SubsetMap(font)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    pdf.fonts[font.fontkey] = font


# ---------------------------------------------------------------- any script in the note

QUIET_LOGGERS = ("fpdf", "fontTools")
"""Libraries whose warnings quote the text being drawn: fpdf's "Font ... is missing the
following glyphs: '我' ..." names the first ten characters of a note it could not draw."""


def quiet_font_logs() -> None:
    """Drop fpdf's and fontTools' warnings and below (their loggers only; errors still pass,
    and the aid's own loggers are untouched), so no character of a note reaches a log."""
    for name in QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level < logging.ERROR:
            logger.setLevel(logging.ERROR)


quiet_font_logs()

FONT_DIRS_ENV = "HFS_FONT_DIRS"
"""Folders to look for fallback fonts in, separated by ':' (default SYSTEM_FONT_DIRS; tests
point it at an empty folder to check the summary without them)."""
SYSTEM_FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/truetype/ancient-scripts",
)
PREFERRED_FALLBACKS: tuple[tuple[str, str], ...] = (
    ("NotoSans-Regular.ttf", ""),
    ("NotoSansHebrew-Regular.ttf", ""),
    ("NotoSansArabic-Regular.ttf", ""),
    ("NotoSansDevanagari-Regular.ttf", ""),
    ("NotoSansThai-Regular.ttf", ""),
    ("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    ("NotoColorEmoji.ttf", ""),
    ("NotoSansSymbols-Regular.ttf", ""),
    ("NotoSansSymbols2-Regular.ttf", ""),
    ("NotoSansMath-Regular.ttf", ""),
    ("Symbola_hint.ttf", ""),
)
"""Fallback fonts tried first, in order (file name, and the face's family in a collection):
the scripts patients most often write. Any other Noto Sans regular face found is tried after
them, so rarer scripts (Tamil, Ethiopic, Georgian, ...) print too. All are under the SIL Open
Font Licence (Symbola: free for any use) and are embedded as subsets."""
UNPRINTABLE_MARK = "□"
UNPRINTABLE_NOTICE = (
    f"{UNPRINTABLE_MARK} marks a character this summary cannot print. Your note is kept in full "
    "in the link and in the summary's data file (JSON)."
)
TAB_AS = "    "


@dataclass(frozen=True)
class FontFace:
    """One font face on disk: a file and, in a collection (.ttc), the face's number."""

    path: str
    number: int = 0


def _font_dirs() -> tuple[str, ...]:
    env = os.environ.get(FONT_DIRS_ENV)
    if env is not None:
        return tuple(d for d in env.split(os.pathsep) if d)
    return SYSTEM_FONT_DIRS


@functools.lru_cache(maxsize=4)
def _fallback_faces(dirs: tuple[str, ...]) -> tuple[FontFace, ...]:
    """The fallback faces found in `dirs`, in the order they are tried (see PREFERRED_FALLBACKS)."""
    found: dict[str, str] = {}
    for d in dirs:
        try:
            names = sorted(os.listdir(d))
        except OSError:
            continue
        for name in names:
            found.setdefault(name, os.path.join(d, name))
    faces = []
    for name, family in PREFERRED_FALLBACKS:
        if name in found:
            face = _face_in(found[name], family)
            if face is not None:
                faces.append(face)
    preferred = {name for name, _ in PREFERRED_FALLBACKS}
    for name, path in found.items():
        if name not in preferred and name.startswith("NotoSans") and name.endswith("-Regular.ttf"):
            faces.append(FontFace(path))
    return tuple(faces)


def _face_in(path: str, family: str) -> FontFace | None:
    """The face of `family` in a font file (the first face when no family is asked for), or None
    when the file cannot be read."""
    try:
        if not path.endswith((".ttc", ".otc")):
            return FontFace(path)
        collection = ttLib.TTCollection(path, lazy=True)
        for number, font in enumerate(collection.fonts):
            if not family or font["name"].getDebugName(1) == family:
                return FontFace(path, number)
    except Exception:  # a broken system font must not break the summary
        return None
    return None


@functools.lru_cache(maxsize=256)
def _cmap(face: FontFace) -> frozenset[int]:
    """The characters a face can draw (empty when the file cannot be read)."""
    try:
        font = ttLib.TTFont(face.path, fontNumber=face.number, lazy=True)
        return frozenset(font.getBestCmap() or ())
    except Exception:  # a broken system font must not break the summary
        return frozenset()


def _ignorable(c: str) -> bool:
    """Characters that draw nothing themselves: white space, joiners, direction marks,
    variation selectors. They never count as unprintable."""
    cp = ord(c)
    return (
        c.isspace()
        or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")
        or 0xFE00 <= cp <= 0xFE0F
        or 0xE0100 <= cp <= 0xE01EF
    )


def _main_cmap() -> frozenset[int]:
    return frozenset(_parsed_font(str(FONT_REGULAR), "").cmap)


def _face_for(cp: int) -> FontFace | None:
    """The first fallback face that draws `cp`, or None."""
    for face in _fallback_faces(_font_dirs()):
        if cp in _cmap(face):
            return face
    return None


def note_faces(text: str) -> tuple[list[FontFace], list[str]]:
    """The fallback faces `text` needs (in the order tried) and, in order of first use, the
    characters that no font here can draw."""
    main = _main_cmap()
    faces: list[FontFace] = []
    missing: list[str] = []
    for c in dict.fromkeys(text):
        if ord(c) in main or _ignorable(c):
            continue
        face = _face_for(ord(c))
        if face is None:
            missing.append(c)
        elif face not in faces:
            faces.append(face)
    order = _fallback_faces(_font_dirs())
    return sorted(faces, key=order.index), missing


def unprintable(text: str) -> list[str]:
    """The distinct characters of `text` the PDF cannot draw with the fonts on this machine
    (the app says so beside the note). Never logged, never stored."""
    return note_faces(text)[1]


def unprintable_words(text: str) -> str | None:
    """What the app says beside a note the PDF cannot print in full (None when it can)."""
    missing = unprintable(text)
    if not missing:
        return None
    some = "1 of the characters" if len(missing) == 1 else f"{len(missing)} of the characters"
    return (
        f"{some} in your note cannot be printed on the summary (PDF): they show there as "
        f"{UNPRINTABLE_MARK}. Your note is kept in full in the link and in the summary's data "
        "file (JSON)."
    )


def printable_note(text: str) -> tuple[str, bool]:
    """The note as the PDF prints it: tabs as spaces, each character no font can draw as
    UNPRINTABLE_MARK; and whether any was."""
    missing = set(unprintable(text))
    shown = "".join(UNPRINTABLE_MARK if c in missing else c for c in text.replace("\t", TAB_AS))
    return shown, bool(missing)


_COLOR_TABLES = ("CBDT", "COLR", "sbix", "SVG ")


def _add_fallback(pdf: FPDF, family: str, face: FontFace) -> None:
    """Add a fallback face to `pdf` as `family` (regular). Outline fonts come from a parsed copy,
    as `_add_font` does; a colour font (emoji) is tied to its document, so it is added afresh."""
    template = _parsed_font(face.path, "", face.number)
    if any(t in template.ttfont for t in _COLOR_TABLES):
        pdf.add_font(family, "", face.path, collection_font_number=face.number)
        return
    _add_font(pdf, "", Path(face.path), family=family, number=face.number)


SHAPING_MAX_NEUTRAL_RUN = 300
"""fpdf's bidi pass recurses once per character over a run with no letter or figure in it
(1,000 emoji or dots hit Python's recursion limit): a note with a longer run is not shaped."""
_STRONG = frozenset(("L", "R", "AL", "EN", "AN"))


def _longest_neutral_run(text: str) -> int:
    longest = run = 0
    for c in text:
        run = 0 if unicodedata.bidirectional(c) in _STRONG else run + 1
        longest = max(longest, run)
    return longest


def needs_shaping(text: str) -> bool:
    """Whether `text` needs HarfBuzz: right-to-left letters or figures (bidi classes R, AL, AN),
    combining marks (Devanagari and Thai vowel signs, accents typed apart) or joiners and
    variation selectors (emoji sequences). Shaping makes fpdf's line breaking many times slower,
    so plain Latin, Chinese or Japanese is printed without it."""
    for c in text:
        if unicodedata.bidirectional(c) in ("R", "AL", "AN") or unicodedata.category(c) in ("Mn", "Mc", "Me"):
            return True
        if c == "\u200d" or 0xFE00 <= ord(c) <= 0xFE0F:
            return True
    return False


def use_note_fonts(pdf: FPDF, text: str, *, shape: bool = True) -> None:
    """Make `pdf` able to draw `text`: the fallback faces it needs, and HarfBuzz shaping when
    uharfbuzz is installed (without it, right-to-left runs may print out of order)."""
    faces, _ = note_faces(text)
    families = []
    for i, face in enumerate(faces):
        family = f"fallback{i}"
        if family.lower() not in pdf.fonts:
            _add_fallback(pdf, family, face)
        families.append(family)
    pdf.set_fallback_fonts(families, exact_match=False)
    if shape and needs_shaping(text) and _longest_neutral_run(text) <= SHAPING_MAX_NEUTRAL_RUN:
        with contextlib.suppress(FPDFException):  # no uharfbuzz: printed unshaped
            pdf.set_text_shaping(True)


def plain_fonts(pdf: FPDF) -> None:
    """Back to the summary's own text: DejaVu only, no shaping (faster, and cached line breaks)."""
    pdf.set_fallback_fonts([], exact_match=False)
    pdf.set_text_shaping(False)


class _PDF(FPDF):
    def __init__(self, paper: str, footer_text: str, image_cache: ImageCache | None = None):
        super().__init__(orientation="P", unit="mm", format=paper)
        self._footer_text = footer_text
        if image_cache is not None:
            self.image_cache = image_cache  # one per build: each image is decoded and compressed once
        _add_font(self, "", FONT_REGULAR)
        _add_font(self, "B", FONT_BOLD)
        self.set_margins(MARGIN, 11, MARGIN)
        self.set_auto_page_break(True, margin=13)
        self.set_font(FONT, size=BODY)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, size=TINY)
        self.set_text_color(70)
        self.cell(0, 4, f"{self._footer_text}   ·   page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0)

    @property
    def body_w(self) -> float:
        return self.w - self.l_margin - self.r_margin

    @property
    def room(self) -> float:
        """Height left on this page above the bottom margin."""
        return self.page_break_trigger - self.get_y()

    def need(self, height: float) -> None:
        if self.room < height:
            self.add_page()

    def heading(self, text: str, keep: float = 25) -> None:
        """A section heading that never sits alone at the foot of a page."""
        self.need(keep + 9)
        self.ln(2)
        self.set_font(FONT, "B", 11.5)
        self.cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = self.get_y()
        self.set_draw_color(RULE_GREY)
        self.set_line_width(0.3)
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.ln(1.5)
        self.set_font(FONT, size=BODY)

    def para(self, text: str, size: float = BODY, bold: bool = False, w: float = 0) -> None:
        x = self.get_x()
        self.lines(text, w or self.w - self.r_margin - x, size, "B" if bold else "")
        self.set_x(x)
        self.set_font(FONT, size=BODY)

    def lines(self, text: str, w: float, size: float, style: str = "") -> None:
        """`multi_cell(w, _lh(size), text)` from the current position, left-aligned, ending
        under it at the same x; the line breaks come from `_lines` (cached)."""
        x, h = self.get_x(), _lh(size)
        for line in _lines(self, text, w, size, style):
            self.set_x(x)
            self.cell(w, h, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
        if text.endswith("\n"):  # as multi_cell does after a final line break
            self.ln()

    def labelled(self, label: str, value: str, size: float = BODY) -> None:
        """'Label value' with a bold label, wrapping under the left margin."""
        h = _lh(size)
        self.set_x(self.l_margin)
        self.set_font(FONT, "B", size)
        self.write(h, label + " ")
        self.set_font(FONT, "", size)
        self.write(h, value)
        self.ln(h + 0.8)

    def bullets(self, items: Iterable[str], size: float = BODY, mark: str = "•", indent: float = 4.5,
                w: float | None = None) -> None:
        h = _lh(size)
        x = self.get_x()
        width = w if w is not None else self.w - self.r_margin - x
        for item in items:
            self.need(h * 2)
            self.set_font(FONT, "", size)
            self.set_x(x)
            self.cell(indent, h, mark)
            self.lines(item, width - indent, size)
            self.set_x(x)
            self.ln(0.6)
        self.set_x(x)


def _png_size_mm(png: bytes, scale: float) -> tuple[float, float]:
    """Natural size of a chart PNG rendered at `scale`: 1 CSS px = 0.2646 mm (96 dpi)."""
    with Image.open(io.BytesIO(png)) as im:
        w, h = im.size
    return w / scale * 0.2646, h / scale * 0.2646


PRINTED_LINK_MAX = 600
"""A longer link (a long note, or one in another alphabet) is printed without the note."""


def _without_note(link: str) -> str:
    base, _, query = link.partition("?")
    kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "note"]
    return base + ("?" + urlencode(kept) if kept else "")


def _qr_png(link: str) -> tuple[bytes, bool]:
    """QR code PNG for the link. If the link is too long for a QR code (a very long note), the
    code carries the link without the note, and the second value says so."""
    try:
        qr = segno.make(link, error="m", micro=False)
        full = True
    except segno.encoder.DataOverflowError:
        qr = segno.make(_without_note(link), error="l", micro=False)
        full = False
    buf = io.BytesIO()
    qr.save(buf, kind="png", scale=8, border=2)
    return buf.getvalue(), full


def _chart_specs(result: Result, options: list[dict], stated: bool) -> list[dict[str, Any]]:
    """The key charts from the app's own builders (Altair), with headings and text alternatives.

    `spec` is a callable that builds the chart's Vega-Lite spec: only the PDF needs the charts
    themselves, the JSON only their words. `key` is the chart's data, all the builder reads, as
    text (see `_chart_png`).

    Only figures on one measure share a picture: the control measure for every option (each
    from its own studies and time frame, given in the table), and the serious or permanent
    harms counted per person, added up per option (the table gives each on its own; a harm
    counted per injection stays out of the sum). A figure the care team entered is marked
    'local' in the picture's heading. The match chart is drawn only when the patient has said
    what matters, and only for the options it matches.
    """
    import pandas as pd

    from decision_aid import charts  # Altair and pandas load only when a summary is built

    def row(o: dict, low: float, central: float, high: float, local: bool) -> dict[str, Any]:
        name = f"{o['short_name']} (local figure)" if local else o["short_name"]
        return {"option": o["id"], "name": o["name"], "short_name": name, "suitable": o["suitable"],
                "avoided": o["avoided"], "low": low, "central": central, "high": high}

    label = options[0]["success"]["label"] if options else "Control"
    control = pd.DataFrame([
        row(o, o["success"]["low"], o["success"]["central"], o["success"]["high"], o["success"]["local"])
        for o in options
    ])
    serious = pd.DataFrame([
        row(
            o,
            *(
                sum(r[end] for r in o["risks"] if r["kind"] == "serious" and r.get("per") != "injection")
                for end in ("low", "central", "high")
            ),
            any(r.get("local") for r in o["risks"] if r["kind"] == "serious"),
        )
        for o in options
    ])
    what = "have this result"
    specs = [
        {
            "id": "control",
            "key": _frame_key(control),
            "heading": f"{label}: out of 100 people",
            "spec": lambda: charts.option_icon_arrays(
                control,
                title=f"{label}: out of 100 people",
                subtitle="Each option's figure comes from its own studies and time frame (see the table)",
                color=charts.BENEFIT_COLOR,
                label=what,
            ).to_dict(validate=False),
            "description": charts.describe_icon_arrays(control, what),
        },
        {
            "id": "serious_harm",
            "key": _frame_key(serious),
            "heading": "Serious or permanent harm (the chances of each added up)",
            "spec": lambda: charts.option_icon_arrays(
                serious,
                title="Serious or permanent harm: out of 100 people",
                subtitle="The chances of each serious or permanent harm, added up",
                color=charts.HARM_COLOR,
                label=SERIOUS_WHAT,
            ).to_dict(validate=False),
            "description": charts.describe_icon_arrays(serious, SERIOUS_WHAT),
        },
    ]
    matched = {o["id"] for o in options if o["match"] is not None}
    if stated and matched:
        shown = result.model_copy(update={"options": [o for o in result.options if o.id in matched]})
        match = charts.match_frame(shown)
        specs.append({
            "id": "match",
            "key": _frame_key(match),
            "heading": charts.MATCH_TITLE,
            "spec": lambda: charts.spec_of(charts.match_parts(match)),
            "description": charts.describe_match(match),
        })
    return specs


def _frame_key(frame: Any) -> str:
    """A chart's data (a pandas frame) as text, every row and column: its cache key."""
    return frame.to_json(orient="split", double_precision=15)


CHART_SCALES: dict[str, float] = {"control": 1.5, "serious_harm": 1.5, "match": 2.0}
"""PNG pixels per CSS pixel. The icon arrays print about 100 mm wide, so 1.5 still gives about
230 dpi (rendering and embedding a bigger PNG is a good part of a summary's time); the match
chart prints narrower, with larger text, and keeps 2 (about 250 dpi)."""
CHART_CACHE_SIZE = 12
"""Charts kept rendered (up to about 400 kB each). The icon arrays depend only on the dataset,
the options' status and any local figure, so a summary often finds its own here."""

_chart_cache: BoundedCache[bytes] = BoundedCache(CHART_CACHE_SIZE)


def _chart_png(spec: dict[str, Any]) -> bytes:
    """A chart as PNG, from a small bounded cache keyed by the chart and all of its data.

    Building a chart (Altair) and rendering it (vl-convert) take about 200 ms each, most of a
    summary's time. The key is the data the builder reads, so a summary only ever gets a
    picture drawn from exactly its own figures and answers.
    """
    from decision_aid import charts

    scale = CHART_SCALES[spec["id"]]
    return _chart_cache.get_or_make((spec["id"], spec["key"], scale),
                                    lambda: charts.to_png(spec["spec"](), scale))


def build_pdf(
    evidence: Evidence,
    result: Result,
    *,
    base_url: str,
    paper: Paper = "A4",
    generated: dt.date | None = None,
) -> bytes:
    """The take-home summary as PDF bytes, built in memory for one request (nothing touches disk)."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    data, specs = _summary(evidence, result, base_url=base_url, generated=generated)
    images = {c["id"]: {**c, "png": _chart_png(c), "scale": CHART_SCALES[c["id"]]} for c in specs}
    images["qr"] = dict(zip(("png", "full"), _qr_png(data["link"]), strict=True))
    image_cache = ImageCache()  # shared by the layouts tried, so each image is processed once
    layouts = LAYOUTS[FIRST_LAYOUT[paper]:]
    for i, layout in enumerate(layouts):  # roomier first; a more compact one if it runs long
        try:
            pdf = _compose(data, images, paper, layout, give_up=i < len(layouts) - 1,
                           image_cache=image_cache)
            break
        except _TooLong:
            continue
    return bytes(pdf.output())


@dataclass(frozen=True)
class _Layout:
    grid_pt: float = 7.0
    table_pt: float = 7.0
    icon_w: float = 104.0
    icon_h: float = 64.0
    match_w: float = 58.0
    note_lines: int = 5
    note_lines_max: int = 8
    pictures: bool = True
    match_chart: bool = True
    """Draw the icon arrays; the most compact layout leaves them to the aid (the figures stay in
    the tables)."""
    sources_pt: float = 6.0


MAX_PAGES = 5
LAYOUTS = (
    _Layout(),
    _Layout(grid_pt=6.8, table_pt=6.4, icon_w=96.0, icon_h=46.0, match_w=54.0, note_lines=3,
            note_lines_max=4, sources_pt=5.4),
    _Layout(grid_pt=6.4, table_pt=6.0, icon_w=90.0, icon_h=40.0, match_w=50.0, note_lines=3,
            note_lines_max=3, sources_pt=5.0, pictures=False,
            match_chart=False),
)
"""Tried in turn until the summary fits on MAX_PAGES; the last one is used whatever its length."""
FIRST_LAYOUT = {"A4": 0, "Letter": 1}
"""US Letter is 18 mm shorter: the roomy layout almost never fits it, so it is not tried."""


class _TooLong(Exception):
    """The summary ran past MAX_PAGES with a layout that has a more compact one after it."""


def _compose(data: dict, images: dict[str, dict], paper: str, layout: _Layout, *, give_up: bool,
             image_cache: ImageCache | None = None) -> _PDF:
    """Lay the summary out; with `give_up`, stop (raise _TooLong) as soon as it runs past MAX_PAGES."""
    ds = data["dataset"]
    pdf = _PDF(
        paper,
        f"Hemifacial spasm decision aid · evidence version {ds['version']} · printed {data['generated']}",
        image_cache,
    )
    pdf.set_title(f"{data['title']}: {data['decision']}")
    pdf.set_author(ds["made_by"])
    pdf.set_subject("Hemifacial spasm: take-home summary of a decision aid")
    pdf.set_lang("en")
    pdf.set_creator("decision_aid.report")
    pdf.add_page()
    sections = (
        lambda: _header(pdf, data, images["qr"]),
        lambda: _glance(pdf, data, layout),
        lambda: _leaning_and_questions(pdf, data),
        lambda: _what_you_said(pdf, data),
        lambda: _icon_arrays(pdf, [images["control"], images["serious_harm"]], layout),
        lambda: _comparison(pdf, data, layout),
        lambda: _cautions(pdf, data),
        lambda: _match(pdf, data, images.get("match"), layout),
        lambda: _sure(pdf, data),
        lambda: _notes(pdf, layout),
        lambda: _about_figures(pdf, data),
        lambda: _sources(pdf, data, layout),
    )
    for section in sections:
        section()
        if give_up and pdf.page > MAX_PAGES:
            raise _TooLong
    return pdf


# ---------------------------------------------------------------- PDF sections


def _header(pdf: _PDF, data: dict, qr: dict) -> None:
    ds = data["dataset"]
    qr_png, qr_full = qr["png"], qr["full"]
    qr_size = 27.0
    top = pdf.get_y()
    text_w = pdf.body_w - qr_size - 8
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(text_w, 7.5, data["title"], align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "B", 10)
    pdf.multi_cell(text_w, 4.8, data["decision"], align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    pdf.set_font(FONT, "", SMALL)
    pdf.multi_cell(
        text_w,
        _lh(SMALL),
        f"Printed {data['generated']}.  Evidence version {ds['version']}, last reviewed "
        f"{ds['last_reviewed']} (next review due {ds['next_review']}). {ds['reviewed']}",
        align=Align.L,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(1)
    pdf.set_font(FONT, "B", BODY)
    pdf.multi_cell(text_w, _lh(BODY), data["conversation"], align=Align.L, new_x=XPos.LMARGIN,
                   new_y=YPos.NEXT)
    pdf.set_font(FONT, "", BODY)
    pdf.multi_cell(text_w, _lh(BODY), data["not_a_verdict"], align=Align.L, new_x=XPos.LMARGIN,
                   new_y=YPos.NEXT)
    text_bottom = pdf.get_y()

    x = pdf.w - pdf.r_margin - qr_size
    pdf.image(io.BytesIO(qr_png), x=x, y=top, w=qr_size, h=qr_size, link=data["link"],
              alt_text="QR code: a link that reopens the decision aid with your answers")
    pdf.set_xy(x - 4, top + qr_size)
    pdf.set_font(FONT, "", TINY)
    caption = "Scan to reopen the aid with your answers"
    if not qr_full:
        caption += " (all but your note, which is too long for the code)"
    pdf.multi_cell(qr_size + 8, 2.9, caption, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(max(text_bottom, pdf.get_y()) + 0.5)
    for w in data["warnings"]:
        pdf.para(f"Note: {w}", size=SMALL)


def _what_you_said(pdf: _PDF, data: dict) -> None:
    a = data["answers"]
    pdf.heading("What you told us", keep=60)
    mode = "in a consultation, with your care team" if a["mode"] == "consult" else "at home"
    top = pdf.get_y()

    # Left: the situation, as label and answer lines.
    left_w = 66.0
    pdf.set_font(FONT, "B", BODY)
    pdf.cell(left_w, _lh(BODY) + 0.6, "Your situation", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    items = [(s["question"], s["answer"]) for s in a["situation"]]
    local = a["local_figures"]
    if "mvd_success" in local:
        items.append(("MVD spasm-free, your team's own figure (local)", per_100(local["mvd_success"])))
    if "mvd_hearing_loss" in local:
        items.append(("MVD hearing loss, your team's own figure (local)", per_100(local["mvd_hearing_loss"])))
    items.append(("Answered", mode))
    old_r = pdf.r_margin
    pdf.set_right_margin(pdf.w - pdf.l_margin - left_w + 2)
    for q, ans in items:
        pdf.labelled(f"{q}:", ans, size=SMALL)
    pdf.set_right_margin(old_r)
    left_bottom = pdf.get_y()

    # Right: the six priorities in words and numbers.
    x = pdf.l_margin + left_w + 2
    right_w = pdf.w - pdf.r_margin - x
    pdf.set_xy(x, top)
    pdf.set_font(FONT, "B", BODY)
    pdf.cell(right_w, _lh(BODY) + 0.6, "What matters to you (0 = not at all, 10 = very much)",
             new_x=XPos.LEFT, new_y=YPos.NEXT)
    old_margin = pdf.l_margin
    pdf.set_left_margin(x)
    _table(
        pdf,
        [_Cell(h, "B", SMALL) for h in ("Priority", "How much", "Out of 10")],
        [
            [_Cell(pr["label"], "", SMALL), _Cell(pr["words"], "", SMALL),
             _Cell(f"{pr['weight']}/10" if pr["weight"] is not None else "-", "", SMALL)]
            for pr in a["priorities"]
        ],
        (right_w - 42, 22, 20),
        line_h=_lh(SMALL), padding=(0.9, 1.0, 0.9, 1.0), fill=GREY_FILL, grid=False, middle=True,
    )
    pdf.set_left_margin(old_margin)
    pdf.set_y(max(left_bottom, pdf.get_y()) + 1.5)

    breakers = a["deal_breakers"]
    pdf.labelled(
        "Options you do not want, whatever the figures say:",
        ", ".join(breakers) if breakers else "none (you did not rule out any option).",
    )
    pdf.set_font(FONT, "B", BODY)
    pdf.cell(0, _lh(BODY) + 0.4, "In your own words, what else matters to you:",
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _note_box(pdf, a["note"])
    pdf.ln(1.2)
    link = data["link"]
    printed = link if len(link) <= PRINTED_LINK_MAX else _without_note(link)
    pdf.set_font(FONT, "B", SMALL)
    if printed == link:
        intro = "Your answers are kept in this link, which reopens the aid where you left it:"
    else:
        intro = "Your answers, except your note (too long to print in a link), are kept in this link:"
    pdf.multi_cell(0, _lh(SMALL), intro, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", TINY)
    pdf.set_text_color(0, 0, 140)
    pdf.multi_cell(0, _lh(TINY), printed, align=Align.L, link=printed, wrapmode=WrapMode.CHAR,
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if printed != link:
        # On screen, this line opens the aid with everything, the note included.
        pdf.set_font(FONT, "B", TINY)
        pdf.cell(
            0,
            _lh(TINY) + 0.4,
            "On a screen, click here to reopen the aid with all your answers and your note.",
            link=link, new_x=XPos.LMARGIN, new_y=YPos.NEXT,
        )
    pdf.set_text_color(0)


NOTE_BODY_LINES = 8
NOTE_MAX_H = NOTE_BODY_LINES * BODY * 0.46
"""The most height the note box takes (8 lines of body type, about 33 mm): what a note of
1,000 characters of prose takes, so no note, however it is written, makes the summary longer
(MAX_PAGES) than that one does."""
NOTE_JOIN = " / "
NOTE_CONTINUES = (
    "… The rest of your note did not fit here. It is kept in full in the aid (open the link "
    "below on a screen) and in the summary's data file (JSON)."
)


def _note_lines(pdf: FPDF, text: str, size: float) -> list[str]:
    pdf.set_font(FONT, "", size)
    return pdf.multi_cell(pdf.body_w - 3, _lh(size), text, align=Align.L, padding=(0, 0, 0, 0),
                          dry_run=True, output=MethodReturnValue.LINES, wrapmode=WrapMode.WORD)


def note_layout(pdf: FPDF, note: str) -> tuple[str, float, bool]:
    """How the note box prints `note` (already printable) within NOTE_MAX_H: the text, its size,
    and whether it had to be cut. In turn: body type; small type; its lines joined with " / "
    (every word kept) in small, then tiny type; only if that still runs past, as many lines as
    fit, and NOTE_CONTINUES (one more line) says where the rest is."""
    joined = NOTE_JOIN.join(line.strip() for line in note.splitlines() if line.strip())
    tries = [(note, BODY), (note, SMALL)] + ([(joined, SMALL)] if joined != note else []) + [(joined, TINY)]
    for text, size in tries:
        if (text.count("\n") + 1) * _lh(size) > NOTE_MAX_H:
            continue  # too many lines before any wraps: no need to lay it out
        if len(_note_lines(pdf, text, size)) * _lh(size) <= NOTE_MAX_H:
            return text, size, False
    fits = int(NOTE_MAX_H // _lh(TINY)) - 1
    lines = _note_lines(pdf, joined, TINY)[:fits]
    return "\n".join(str(line) for line in lines), TINY, True


def _draw_note_lines(pdf: _PDF, text: str, size: float) -> None:
    """`text` as `multi_cell` would print it with a rule on its left, but one line at a time,
    telling fpdf before each line that no font is set: with fallback fonts and shaping, fpdf
    2.8.9 can print a line in the font the line before it ended in (a right-to-left line after
    a Devanagari one printed as gibberish), or in no font at all."""
    lines = _note_lines(pdf, text, size)
    pdf.need(len(lines) * _lh(size) + 1)  # the box is never split across pages
    pdf.set_font(FONT, "", size)
    top = pdf.get_y()
    pdf.set_y(top + 0.4)
    for line in lines:
        pdf.current_font_is_set_on_page = False
        pdf.set_x(pdf.l_margin + 3)
        pdf.cell(pdf.body_w - 3, _lh(size), str(line), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    bottom = pdf.get_y() + 0.4
    pdf.set_draw_color(0)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, top, pdf.l_margin, bottom)
    pdf.set_y(bottom)


def _note_box(pdf: _PDF, note: str) -> None:
    """The patient's own words, printed literally (no markup is interpreted), in any script
    the system's fonts cover, shaped (right-to-left runs keep their order), within NOTE_MAX_LINES."""
    note = note.strip()
    if not note:
        pdf.set_font(FONT, "", BODY)
        pdf.multi_cell(0, _lh(BODY), "(nothing written)", align=Align.L, border="L",
                       padding=(0.4, 0, 0.4, 3), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return
    shown, marked = printable_note(note)
    use_note_fonts(pdf, shown)
    try:
        try:
            text, size, cut = note_layout(pdf, shown)
        except RecursionError:  # fpdf's bidi pass on an unusual note: print it unshaped
            use_note_fonts(pdf, shown, shape=False)
            text, size, cut = note_layout(pdf, shown)
        _draw_note_lines(pdf, text, size)
    finally:
        plain_fonts(pdf)
    for notice in ([NOTE_CONTINUES] if cut else []) + ([UNPRINTABLE_NOTICE] if marked else []):
        pdf.set_font(FONT, "B", TINY)
        pdf.multi_cell(0, _lh(TINY), notice, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", BODY)


def _option_heading(o: dict) -> str:
    return o["name"] + (f"\n({o['status']})" if o["status"] else "")


CAUTION_MARK = "(!)"


def _grid_cell(cell: dict) -> str:
    """A grid answer: its few words, its one figure (marked per injection or local), how sure."""
    parts = [cell["text"]]
    figure = cell.get("figure")
    if figure and figure not in cell["text"]:
        parts.append(figure + (" (local)" if cell.get("local") else ""))
    elif cell.get("local"):
        parts.append("(local figure)")
    if cell.get("certainty") and figure:
        parts.append(certainty_words(cell["certainty"], short=True))
    text = "\n".join(p for p in parts if p)
    return f"{CAUTION_MARK} {text}" if cell.get("caution") else text


def _glance(pdf: _PDF, data: dict, layout: _Layout) -> None:
    """Page 1: the Option-Grid-style grid, the questions people ask as rows, a column per option
    with 'No treatment for now' first for reference."""
    grid = data["grid"]
    pdf.heading("Your options at a glance", keep=60)
    pdf.para(data["different_studies"], size=TINY)
    pdf.ln(0.8)
    label_w = 26.0
    n = len(grid["columns"])
    col_w = (pdf.body_w - label_w) / n
    size = layout.grid_pt
    by_id = {o["id"]: o for o in data["options"]}
    head = [_Cell("", "B", SMALL)]
    for c in grid["columns"]:
        status = by_id[c["id"]]["status"] if c["id"] in by_id else "for reference, not scored"
        head.append(_Cell(c["name"] + (f"\n({status})" if status else ""), "B", SMALL))
    rows = [
        [_Cell(r["question"], "B", size), *(_Cell(_grid_cell(cell), "", size) for cell in r["cells"])]
        for r in grid["rows"]
    ]
    _table(pdf, head, rows, (label_w, *(col_w,) * n), line_h=_lh(size) * 0.98,
           padding=(0.8, 1.0, 0.8, 1.0), fill=GREY_FILL)
    if any(cell.get("caution") for r in grid["rows"] for cell in r["cells"]):
        pdf.para(f"{CAUTION_MARK} A caution from what you told us concerns this answer: see 'Cautions "
                 "for you'.", size=TINY)
    if data["local_figures_used"]:
        pdf.para("Figures marked 'local' are your care team's own, not published ones; the published "
                 "figures are in the table further on.", size=TINY)
    pdf.set_font(FONT, size=BODY)


def _leaning_and_questions(pdf: _PDF, data: dict) -> None:
    a = data["answers"]
    pdf.ln(1)
    pdf.labelled("Where you are leaning now:", a["leaning"]["words"])
    _questions(pdf, data)


def _comparison(pdf: _PDF, data: dict, layout: _Layout) -> None:
    """The options side by side in detail, after 'No treatment for now' as a reference (its column
    of the table, printed as a block above it so the option columns keep their width)."""
    comp = data["comparison"]
    nt = data["no_treatment"]
    pdf.heading("The options in more detail", keep=25)
    pdf.para(
        f"{data['different_studies']} Figures are about {data['reference_class']}. "
        f"Figures marked 'local' are your care team's own, with the published figures beside them. "
        f"{PER_INJECTION_NOTE} How sure the evidence is: high (we are confident), moderate (probably "
        "close), low (may be quite different), very low (could be very different).",
        size=TINY,
    )
    pdf.ln(0.8)
    pdf.para(f"{nt['name']}, for reference (not scored): {nt['summary']} {nt['involves']['text']}",
             size=SMALL)
    pdf.bullets([f"{f['name']}: {f['words']}" for f in nt["figures"]], size=SMALL)
    pdf.ln(0.6)
    label_w = 22.0
    opts = data["options"]
    col_w = (pdf.body_w - label_w) / len(opts)
    size = layout.table_pt
    head = [_Cell("", "B", 7.4), *(_Cell(_option_heading(o), "B", 7.4) for o in opts)]
    rows = [
        [_Cell(r["label"], "B", size), *(_Cell(text, "", size) for text in r["cells"][1:])]
        for r in comp["rows"]
        if any(r["cells"][1:])  # the no-treatment rows are printed above the table
    ]
    rows.append([_Cell("Sources (see the list at the end)", "B", size),
                 *(_Cell(", ".join(str(n) for n in o["source_numbers"]), "", size) for o in opts)])
    _table(pdf, head, rows, (label_w, *(col_w,) * len(opts)), line_h=_lh(size) * 0.98,
           padding=(0.8, 1.0, 0.8, 1.0), fill=GREY_FILL)
    pdf.set_font(FONT, size=BODY)


def _fit_image(img: dict, max_w: float, max_h: float) -> tuple[float, float]:
    w, h = _png_size_mm(img["png"], img["scale"])
    k = min(1.0, max_w / w, max_h / h)
    return w * k, h * k


def _icon_arrays(pdf: _PDF, images: list[dict], layout: _Layout) -> None:
    """The icon-array charts side by side. Their words (the same figures as the tables) are each
    picture's alternative text, for screen readers; the most compact layout leaves the pictures
    to the aid."""
    if not layout.pictures:
        return
    gap = 5.0
    each_w = (pdf.body_w - gap * (len(images) - 1)) / len(images)
    sizes = [_fit_image(img, each_w, layout.icon_h) for img in images]
    tallest = max(h for _, h in sizes)
    pdf.heading("Pictures of the chances", keep=tallest + 8)
    pdf.para(
        "Each picture shows 100 people for each option; filled figures are the people the title is "
        "about. The figures are the same as in the tables, each from its own studies.",
        size=TINY,
    )
    pdf.ln(0.6)
    top = pdf.get_y()
    for i, (img, (w, h)) in enumerate(zip(images, sizes, strict=True)):
        x = pdf.l_margin + i * (each_w + gap)
        pdf.image(io.BytesIO(img["png"]), x=x, y=top, w=w, h=h, alt_text=img["description"])
    pdf.set_xy(pdf.l_margin, top + tallest + 1)


def _match(pdf: _PDF, data: dict, img: dict | None, layout: _Layout) -> None:
    """How the options line up with what the patient said: only once priorities are stated and
    only for the options that may suit; the chart, a plain table of how each option fits each
    priority beside it (so the picture does not depend on colour), what would change the
    picture, and the scale's value judgements in plain words."""
    m = data["match"]
    opts = [o for o in data["options"] if o["match"] is not None]
    if img is None or not opts:
        pdf.heading("How the options line up with what matters to you", keep=30)
        pdf.para(m["text"], size=SMALL, bold=True)
        _not_matched(pdf, m, pdf.body_w)
        _anchors(pdf, m, pdf.body_w)
        return
    if layout.match_chart:
        w, h = _fit_image(img, layout.match_w, 110)
        pdf.heading(img["heading"], keep=h)
        top = pdf.get_y()
        pdf.image(io.BytesIO(img["png"]), x=pdf.l_margin, y=top, w=w, h=h, alt_text=img["description"])
        x = pdf.l_margin + w + 4
    else:  # the table alone says everything the chart shows
        pdf.heading(img["heading"], keep=45)
        top, h, x = pdf.get_y(), 0.0, pdf.l_margin
    start_page = pdf.page
    right_w = pdf.w - pdf.r_margin - x
    pdf.set_xy(x, top)
    pdf.para(m["text"], size=SMALL, bold=True, w=right_w)
    pdf.ln(1)
    pdf.set_x(x)
    pdf.para(
        "How each option does on each thing you rated, and the points it adds to its bar "
        "(whole numbers, as in the chart; the weight you gave counts):",
        size=SMALL, w=right_w,
    )
    pdf.ln(0.6)
    old_margin = pdf.l_margin
    pdf.set_left_margin(x)
    col = 27.0
    first = right_w - len(opts) * col
    rows = [
        [
            _Cell(f"{pr['label']} ({pr['counts_as']}/10)", "", TINY),
            *(_Cell(f"{o['fit'][pr['id']].capitalize()}: {whole(o['contributions'][pr['id']])}", "", TINY)
              for o in opts),
        ]
        for pr in data["answers"]["priorities"]
    ]
    rows.append([
        _Cell("Total out of 100 (could be)", "B", TINY),
        *(_Cell(f"{whole(o['match'])} ({whole(o['match_low'])} to {whole(o['match_high'])})", "B", TINY)
          for o in opts),
    ])
    _table(
        pdf,
        [_Cell("What you said matters (weight)", "B", TINY),
         *(_Cell(o["short_name"] + (" (local figures)" if _uses_local(o) else ""), "B", TINY) for o in opts)],
        rows,
        (first, *(col,) * len(opts)),
        line_h=_lh(TINY), padding=(0.7, 0.9, 0.7, 0.9), fill=GREY_FILL, middle=True,
    )
    pdf.set_left_margin(old_margin)
    pdf.set_x(x)
    _not_matched(pdf, m, right_w)
    if data["what_would_change"]:
        pdf.ln(1.2)
        pdf.set_x(x)
        pdf.para("What would change the picture:", size=SMALL, bold=True, w=right_w)
        pdf.set_x(x)
        pdf.bullets(data["what_would_change"], size=TINY, indent=3, w=right_w)
    # Under the chart and the table, whichever ends lower (the table may have run onto a new page).
    pdf.set_xy(pdf.l_margin, (max(top + h, pdf.get_y()) if pdf.page == start_page else pdf.get_y()) + 1)
    _anchors(pdf, m, pdf.body_w)


def _uses_local(o: dict) -> bool:
    return bool(o["success"].get("local") or any(r.get("local") for r in o["risks"]))


def _not_matched(pdf: _PDF, m: dict, w: float) -> None:
    x = pdf.get_x()
    for o in m["not_matched"]:
        pdf.ln(0.8)
        pdf.set_x(x)
        pdf.para(f"{o['short_name']}: {o['reason']}", size=TINY, w=w)


def _anchors(pdf: _PDF, m: dict, w: float) -> None:
    """The scale's value judgements: what counts as the worst score on each priority."""
    pdf.ln(1)
    pdf.para("How the match is worked out: these are choices, not evidence. Each says what counts "
             "as the worst score on one thing you rated.", size=TINY, bold=True, w=w)
    pdf.bullets(m["anchors"], size=TINY, indent=3, w=w)


def _about_figures(pdf: _PDF, data: dict) -> None:
    """Where the figures come from, who checked them, and any figure the care team entered."""
    ds = data["dataset"]
    pdf.heading("About these figures, and their sources", keep=40)
    pdf.para(f"Who checked them: {ds['reviewed']} Made by: {ds['made_by']}. Funding: {ds['funding']}.",
             size=TINY)
    pdf.para(f"Updates: {ds['update_policy']['interval']} {ds['update_policy']['report_errors']}", size=TINY)
    if data["local_figures_used"]:
        pdf.para("Your care team's own figures (local) used in this summary, in place of the published ones:",
                 size=TINY, bold=True)
        pdf.bullets(data["local_figures_used"], size=TINY, indent=3)


def _cautions(pdf: _PDF, data: dict) -> None:
    """Every caution from the patient's situation, once per wording, naming the options it
    concerns (the same caution often applies to all three)."""
    pdf.heading("Cautions for you", keep=20)
    grouped: dict[tuple[str, str], list[str]] = {}
    refs: dict[tuple[str, str], list[int]] = {}
    for o in data["options"]:
        for c in o["caution_details"]:
            key = (c["effect"], c["text"])
            grouped.setdefault(key, []).append(o["short_name"])
            refs[key] = c["source_numbers"]
    if not grouped:
        pdf.para("None of the cautions in the evidence apply to what you told us.")
        return
    items = []
    for (effect, text), names in grouped.items():
        prefix = "may not be suitable now: " if effect == "not_suitable" else ""
        numbers = f" [{', '.join(str(n) for n in refs[(effect, text)])}]" if refs[(effect, text)] else ""
        items.append(f"{', '.join(names)}: {prefix}{text}{numbers}")
    pdf.bullets(items, size=SMALL)


def _questions(pdf: _PDF, data: dict) -> None:
    pdf.heading("Questions you may want to ask", keep=20)
    pdf.para("These follow from your answers. Tick the ones you want to ask.", size=SMALL)
    pdf.ln(0.8)
    pdf.bullets(data["questions"], mark="☐", indent=5, size=SMALL)


def _sure(pdf: _PDF, data: dict) -> None:
    pdf.heading("How ready do you feel? (SURE)", keep=28)
    pdf.para(
        "Tick Yes or No. If you tick No to any question, tell your care team: it helps to talk it "
        "through before you decide.",
        size=SMALL,
    )
    pdf.ln(0.8)
    box = 3.4
    answers = {s["id"]: s["answer"] for s in data["answers"]["sure"]}
    row_h = 5.4
    for sid, q in SURE_QUESTIONS:
        y = pdf.get_y()
        q_w = pdf.body_w - 62
        pdf.set_font(FONT, "", BODY)
        pdf.set_x(pdf.l_margin)
        pdf.cell(q_w, row_h, q)
        x = pdf.l_margin + q_w + 2
        pdf.set_draw_color(0)
        pdf.set_line_width(0.3)
        for label in ("Yes", "No"):
            pdf.rect(x, y + (row_h - box) / 2, box, box)
            pdf.set_xy(x + box + 1, y)
            pdf.cell(9, row_h, label)
            x += 15
        earlier = answers.get(sid)
        if earlier:
            pdf.set_xy(x, y)
            pdf.set_font(FONT, "", TINY)
            pdf.cell(0, row_h, f"(in the aid: {earlier})")
        pdf.set_xy(pdf.l_margin, y + row_h + 0.6)
    pdf.para(SURE_CREDIT, size=TINY)


def _notes(pdf: _PDF, layout: _Layout) -> None:
    """Ruled lines for the consultation: they fill what is left of the page (3 to 8 lines), or
    start a new page with the layout's number of lines."""
    gap = 7.0
    heading_h = 14.0  # the heading with its rule and spacing, and a little to spare
    fits = int((pdf.room - heading_h) // gap)
    lines = min(fits, layout.note_lines_max) if fits >= 3 else layout.note_lines
    pdf.heading("Notes from the consultation", keep=lines * gap)
    y = pdf.get_y() + gap
    pdf.set_draw_color(150)
    pdf.set_line_width(0.2)
    for _ in range(lines):
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        y += gap
    pdf.set_y(y - gap + 2)


def _sources(pdf: _PDF, data: dict, layout: _Layout) -> None:
    pdf.ln(0.8)
    pdf.para("Sources: the studies and pages behind the figures and cautions in this summary.",
             size=TINY, bold=True)
    pdf.ln(0.5)
    _numbered_columns(pdf, list(data["sources"].values()), layout.sources_pt)
    pdf.set_font(FONT, size=BODY)


@dataclass
class _Line:
    """One line of a numbered list, as `_numbered_columns` lays it out."""

    text: str
    bullet: str | None = None  # the number, on a paragraph's first line
    last: bool = False  # a paragraph's last line: a little space follows


def _numbered_columns(pdf: FPDF, items: list[str], size: float, *, gutter: float = 5.0,
                      indent: float = 5.0, number_gap: float = 1.0, after: float = 0.7) -> None:
    """A numbered list in two balanced columns, flowing onto further pages, as fpdf's
    `text_columns(ncols=2, gutter, line_height=1.1, balance=True)` lays it out with one
    `paragraph(indent, bullet_string="n.", bullet_r_margin, bottom_margin)` per item, but
    from cached line breaks: for the sources, fpdf's own columns took as long as a chart.
    """
    pdf.set_font(FONT, "", size)
    col_w = (pdf.w - pdf.l_margin - pdf.r_margin - gutter) / 2
    cols = (pdf.l_margin, pdf.l_margin + col_w + gutter)
    line_h = pdf.font_size * 1.1
    lines: list[_Line] = []
    for n, item in enumerate(items, start=1):
        item_lines = [_Line(t) for t in _lines(pdf, item, col_w - indent, size)]
        item_lines[0].bullet = f"{n}."
        item_lines[-1].last = True
        lines += item_lines
    pdf.set_font(FONT, "", size)
    page_bottom = pdf.h - pdf.b_margin
    top = max(pdf.t_margin, pdf.y)
    while True:
        # Balance the columns when the rest fits on this page, as fpdf does (and like fpdf,
        # give the last column the rest of the page in case the balance is out).
        bottom, balancing = page_bottom, False
        col_h = len(lines) * line_h / 2
        if col_h < page_bottom - top:
            balancing = True
            bottom = top + max(col_h, line_h * (math.ceil(len(lines) / 2) + 0.5))
            if bottom > page_bottom:
                bottom, balancing = page_bottom, False
        next_y, left_before = pdf.y, len(lines)
        for c, left in enumerate(cols):
            if not lines:
                break
            if balancing and c == len(cols) - 1:
                bottom = page_bottom
            lines = _column(pdf, lines, left, top, bottom, line_h, indent, number_gap, after)
            next_y = max(next_y, pdf.y)
        pdf.y = next_y
        if not lines:
            return
        if top == pdf.t_margin and len(lines) == left_before:
            raise ValueError("a line of the list is taller than a page")
        pdf.add_page()
        top = pdf.y


def _column(pdf: FPDF, lines: list[_Line], left: float, top: float, bottom: float, line_h: float,
            indent: float, number_gap: float, after: float) -> list[_Line]:
    """Fill one column from `top` down to `bottom`; returns the lines left over."""
    pdf.y = top
    done = 0
    for line in lines:
        if pdf.y + line_h > bottom:
            break
        if line.bullet:
            pdf.set_xy(left + indent - pdf.get_string_width(line.bullet) - number_gap, pdf.y)
            pdf.cell(0, line_h, line.bullet, new_x=XPos.LEFT, new_y=YPos.TOP)
        pdf.set_x(left + indent)
        pdf.cell(0, line_h, line.text, new_x=XPos.LEFT, new_y=YPos.NEXT)
        if line.last and line.text and pdf.y + after < bottom:
            pdf.y += after
        done += 1
    return lines[done:]
