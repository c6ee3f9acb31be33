"""The match chart as HTML (`decision_aid.charts.match_html`): the app's drawing of the match, which
must say what the PDF's Altair chart (`match_chart`) says."""

from __future__ import annotations

import re
from html import unescape

from decision_aid import charts
from decision_aid.charts.style import PRIORITY_COLORS, PRIORITY_PATTERNS
from decision_aid.profile import PRIORITIES
from decision_aid.words.charts import MATCH_AXIS, MATCH_SUBTITLE, MATCH_TITLE, MAY_NOT_SUIT
from decision_aid.words.common import PRIORITY_LABELS
from tests.charts.common import _evaluate, match_like, rows_of

OPTION = re.compile(
    r'<div class="hfs-match-option" data-option="([^"]+)" data-match="([^"]+)">(.*?)</div></div>'
)
PART = re.compile(
    r'data-priority="([^"]+)" data-points="([^"]+)" title="([^"]*)"'
    r' style="width:([0-9.]+)%;background-color:([^;"]+);background-image:([^"]+)"'
)
KEY = re.compile(
    r'<li><i data-priority="([^"]+)" style="background-color:([^;"]+);background-image:([^"]+)"></i>'
)
RANGE = re.compile(r'<span style="left:([0-9.]+)%;width:([0-9.]+)%">')


def _options(body: str) -> list[tuple[str, float, str]]:
    return [(o, float(m), inner) for o, m, inner in OPTION.findall(body)]


def _heading(inner: str) -> str:
    return unescape(re.search(r'<p class="hfs-match-head"><strong>(.*?)</strong>', inner).group(1))


def test_the_html_match_says_what_the_pdf_chart_says():
    """The same headings (total and range), notes and option order as the Altair chart the PDF
    draws, from the same frame."""
    for frame in (match_like(), charts.match_frame(_evaluate(relief=8, burden=3, avoid=("mvd",)))):
        body = charts.match_html(frame)
        spec = charts.match_chart(frame).to_dict()
        totals = [r for r in rows_of(spec) if "heading" in r]
        options = _options(body)
        assert [o for o, _, _ in options] == [t["option"] for t in totals]
        assert [_heading(inner) for _, _, inner in options] == [t["heading"] for t in totals]
        for (_, _, inner), t in zip(options, totals, strict=True):
            note = re.search(r'<span class="hfs-match-note">(.*?)</span>', inner)
            assert (unescape(note.group(1)) if note else "") == t["note"]


def test_each_bar_is_its_priorities_points_in_order_and_adds_up_to_the_match():
    frame = charts.match_frame(_evaluate(relief=8, burden=3, serious_risk=6))
    body = charts.match_html(frame)
    options = _options(body)
    assert [o for o, _, _ in options] == ["medication", "botulinum", "mvd"]
    for option, match, inner in options:
        parts = PART.findall(inner)
        mine = frame[(frame["option"] == option) & (frame["points"] > 0)]
        assert [p for p, *_ in parts] == [p for p in PRIORITIES if p in set(mine["priority"])]
        assert abs(sum(float(points) for _, points, *_ in parts) - match) < 0.1  # as the frame's own
        name = frame[frame["option"] == option]["short_name"].iloc[0]
        for priority, points, title, width, colour, _ in parts:
            assert abs(float(width) - float(points)) < 0.01  # a point is 1% of the bar's full length
            assert colour == PRIORITY_COLORS[priority]
            assert unescape(title).startswith(f"{name}. {PRIORITY_LABELS[priority]}. ")


def test_each_priority_has_its_own_line_pattern_in_the_bars_and_the_key():
    """The bars told the priorities apart by colour alone (WCAG 1.4.1; accessibility pass): each
    priority now also has a pattern of its own, the same in every bar part and in the key."""
    body = charts.match_html(charts.match_frame(_evaluate(**dict.fromkeys(PRIORITIES, 7))))
    key = {p: (colour, unescape(pattern)) for p, colour, pattern in KEY.findall(body)}
    assert list(key) == list(PRIORITIES)
    assert len({pattern for _, pattern in key.values()}) == len(PRIORITIES)  # no two alike
    assert {p: pattern for p, (_, pattern) in key.items()} == PRIORITY_PATTERNS
    seen = set()
    for _, _, inner in _options(body):
        for priority, *_, colour, pattern in PART.findall(inner):
            assert (colour, unescape(pattern)) == key[priority]
            seen.add(priority)
    assert seen == set(PRIORITIES)


def test_the_thin_line_spans_the_range():
    frame = charts.match_frame(_evaluate(relief=8))
    for (option, _, inner), (_, row) in zip(
        _options(charts.match_html(frame)), frame.drop_duplicates("option").iterrows(), strict=True
    ):
        left, width = (float(x) for x in RANGE.search(inner).groups())
        assert abs(left - row["match_low"]) < 0.01, option
        assert abs(width - (row["match_high"] - row["match_low"])) < 0.01, option


def test_an_option_flagged_as_not_suitable_says_so_as_the_pdf_chart_does():
    """`match_frame` leaves such an option out; a frame that keeps one (as the chart tests build)
    gets the same note over its bar in both drawings."""
    frame = match_like()
    frame["suitable"] = frame["option"] != "mvd"
    body = charts.match_html(frame)
    mvd = next(inner for o, _, inner in _options(body) if o == "mvd")
    assert f'<span class="hfs-match-note">{MAY_NOT_SUIT}</span>' in mvd
    spec = charts.match_chart(frame).to_dict()
    assert MAY_NOT_SUIT in [r["note"] for r in rows_of(spec) if "note" in r]


def test_an_option_that_may_not_apply_gets_no_bar():
    body = charts.match_html(charts.match_frame(_evaluate(relief=8, anesthesia="unfit")))
    assert [o for o, _, _ in _options(body)] == ["medication", "botulinum"]
    assert "MVD" not in body


def test_a_screen_reader_gets_the_words_and_each_bar_by_its_parts():
    """The title, each option's heading and the axis title are text; each bar is one picture
    named by its parts in whole numbers that add up to the heading's total (Vega named every
    mark); the range lines, the tick numbers and the colour key are hidden."""
    frame = charts.match_frame(_evaluate(relief=8, burden=3, serious_risk=6))
    body = charts.match_html(frame)
    assert not re.search(r'<(figure|div class="hfs-match-option")[^>]*aria-hidden', body)
    hidden = re.findall(r'<div class="hfs-match-(bar|range|axis)"[^>]*aria-hidden="true">', body)
    assert hidden.count("range") == 3 and hidden.count("axis") == 1 and "bar" not in hidden
    assert '<div aria-hidden="true"><p class="hfs-match-legend-title">' in body
    visible = re.sub(r'<div[^>]*aria-hidden="true">.*?</div>', "", body)
    text = " ".join(unescape(re.sub(r"<[^>]+>", "", visible)).split())
    assert f"{MATCH_TITLE} {MATCH_SUBTITLE}" in text  # apart, as plain text too
    assert MATCH_AXIS in text
    for option, _, inner in _options(body):
        heading = _heading(inner)
        name, total = heading.split(": ")[0], int(heading.split(": ")[1].split()[0])
        bar = re.search(r'<div class="hfs-match-bar" role="img" aria-label="([^"]+)">', inner)
        label = unescape(bar.group(1))
        assert label.startswith(f"{name}: {total} out of 100, made of "), label
        said = [int(x) for x in re.findall(r"(\d+) for ", label)]
        assert sum(said) == total, (option, label)
        mine = frame[(frame["option"] == option) & (frame["points"] >= 0.5)]
        for label_of in mine["priority_label"]:
            assert f" for {label_of[:1].lower()}{label_of[1:]}" in label, (option, label_of)


def test_names_from_the_dataset_are_text_never_markup():
    frame = match_like()
    frame["short_name"] = frame["short_name"].where(
        frame["option"] != "botulinum", '<img src=x onerror="alert(1)">Botox'
    )
    body = charts.match_html(frame)
    assert "<img" not in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Botox: 49 (could be 41 to 53)" in body
