"""The match chart for the screen, as HTML: the same bars, ranges, headings, axis and key as
`match_chart`, drawn by the browser itself instead of Vega.

Why a second drawing of one chart: the fit topic redraws the match at each slider move, and a
Vega chart takes its new figures only after the rest of the update is painted, then lays itself
out again (bench/HISTORY.md, "What was tried for (a)"). Drawn as HTML, the new figures arrive
with the rest of the update: in two A/B runs of 40 key presses (2026-12-04) the match showed its
new figures 11 and 14 ms sooner. The PDF keeps the Altair chart (`match_chart`), which it draws to
a picture. Both read the same frame (`match_frame`) and the same words, and every figure they
print comes from `_match_totals`, so they cannot say different things.

What a screen reader gets: the title, each option's heading (its total and range, and a note
when it has one) and the axis title, as text, and each bar as one picture named by its parts in
whole numbers (Vega named each mark); the range lines, the tick numbers and the colour key are
hidden from it (`aria-hidden`): the headings carry the ranges, the bars' names the priorities.
Each bar part's `title` gives what the Vega tooltip gave under a mouse.
Its look is decision_aid/assets/match.css, which the app adds (`ui.topics.fit`).
"""

from __future__ import annotations

from html import escape

import pandas as pd

from decision_aid.charts.data import _ordered, rows_of
from decision_aid.charts.match import _match_totals
from decision_aid.charts.style import PRIORITY_COLORS, PRIORITY_PATTERNS
from decision_aid.profile import PRIORITIES
from decision_aid.words.charts import (
    MATCH_ADDS,
    MATCH_AXIS,
    MATCH_BAR_EMPTY,
    MATCH_BAR_LABEL,
    MATCH_LEGEND,
    MATCH_PART,
    MATCH_SUBTITLE,
    MATCH_TITLE,
    MATCH_WEIGHT,
)
from decision_aid.words.common import PRIORITY_LABELS, and_list, in_sentence, whole, whole_parts

TICKS = tuple(range(0, 101, 20))
"""The axis's numbers, as the Altair chart gives them."""


def _pct(value: float) -> str:
    """A width or offset in per cent of the bar's full length (0 to 100 points), kept within it."""
    return f"{max(0.0, min(100.0, float(value))):.2f}%"


def _figure(value: float) -> str:
    """A bar part's points as the Vega tooltip gave them (one decimal)."""
    return f"{float(value):.1f}"


def _fill(priority: str) -> str:
    """A priority's colour and line pattern, the same in its bar parts and in the key."""
    return f"background-color:{PRIORITY_COLORS[priority]};background-image:{PRIORITY_PATTERNS[priority]}"


def _bar(name: str, total: float, parts: list[dict]) -> str:
    """The bar, one coloured part per priority that adds any. A screen reader hears it as one
    picture named by its parts in whole numbers (`words.common.whole_parts`: they add up to the
    total printed above it); a mouse gets each part's own figures in its tooltip."""
    shown = whole_parts({r["priority"]: r["points"] for r in parts}, total)
    said = [  # a sliver under half a point is left out: it adds nothing to the whole numbers
        MATCH_PART.format(points=shown[r["priority"]], priority=in_sentence(r["priority_label"]))
        for r in parts
        if shown[r["priority"]] > 0
    ]
    label = (
        MATCH_BAR_LABEL.format(name=name, total=whole(total), parts=and_list(said))
        if said
        else MATCH_BAR_EMPTY.format(name=name)
    )
    spans = []
    for r in parts:
        tip = (
            f"{name}. {r['priority_label']}. {MATCH_WEIGHT}: {r['weight']:g}. "
            f"{MATCH_ADDS}: {_figure(r['points'])}"
        )
        spans.append(
            f'<span data-priority="{escape(r["priority"])}" data-points="{float(r["points"]):.4f}"'
            f' title="{escape(tip)}"'
            f' style="width:{_pct(r["points"])};{_fill(r["priority"])}"></span>'
        )
    return f'<div class="hfs-match-bar" role="img" aria-label="{escape(label)}">' + "".join(spans) + "</div>"


def _range(low: float, high: float) -> str:
    return (
        '<div class="hfs-match-range" aria-hidden="true">'
        f'<span style="left:{_pct(low)};width:{_pct(max(0.0, high - low))}"></span></div>'
    )


def _axis() -> str:
    ticks = "".join(f'<span style="left:{_pct(v)}">{v}</span>' for v in TICKS)
    return f'<div class="hfs-match-axis" aria-hidden="true">{ticks}</div>'


def _key() -> str:
    items = "".join(
        f'<li><i data-priority="{p}" style="{_fill(p)}"></i>{escape(PRIORITY_LABELS[p])}</li>'
        for p in PRIORITIES
    )
    return (
        f'<div aria-hidden="true"><p class="hfs-match-legend-title">{escape(MATCH_LEGEND)}</p>'
        f'<ul class="hfs-match-legend">{items}</ul></div>'
    )


def match_html(frame: pd.DataFrame) -> str:
    """`match_chart` as HTML: one bar per option in the fixed order, made of the points each
    priority adds (0-100), the total and its range above it, a thin line under it from
    match_low to match_high. `frame` is `match_frame(result)`; an option with no rows (one that
    may not apply) gets no bar. Every text from the data is escaped."""
    data = _ordered(frame)
    rows = rows_of(data)
    options = []
    for t in _match_totals(data):
        parts = [r for r in rows if r["option"] == t["option"] and r["points"] > 0]
        note = f' <span class="hfs-match-note">{escape(t["note"])}</span>' if t["note"] else ""
        options.append(
            f'<div class="hfs-match-option" data-option="{escape(t["option"])}"'
            f' data-match="{float(t["match"]):.4f}">'
            f'<p class="hfs-match-head"><strong>{escape(t["heading"])}</strong>{note}</p>'
            + _bar(t["short_name"], t["match"], parts)
            + _range(t["match_low"], t["match_high"])
            + "</div>"
        )
    return (
        '<figure class="hfs-match">'
        # a space after each block-styled span: copied or read as plain text, the words stay apart
        f'<figcaption><span class="hfs-match-title">{escape(MATCH_TITLE)}</span> '
        f"{escape(MATCH_SUBTITLE)}</figcaption>"
        + "".join(options)
        + _axis()
        + f'<p class="hfs-match-axis-title">{escape(MATCH_AXIS)}</p>'
        + _key()
        + "</figure>"
    )
