"""Plain language, measured on what the browser shows: the visible text of each page in home
mode, with every expander opened, scores Flesch-Kincaid grade 8 or below.

What is measured, per page: the main area's rendered text (``innerText`` of
``[data-testid="stMain"]``) with every expander open, plus the words drawn inside the charts
(each SVG ``<text>`` as one line, its wrapped lines joined with spaces, because ``innerText``
glues them together into non-words like "goodcontrol"), and the lines of the HTML match chart
(``figure.hfs-match``), counted as chart words as its Vega drawing's were.

Left out, because they are not prose a patient reads:
- the names of Material icons (``arrow_back``, ``keyboard_arrow_right``): in the DOM as font
  ligatures, shown as pictures;
- lines without a letter (axis ticks, slider ends such as "0" and "10");
- the full citations in the "All sources used in this aid" expander (reference text: the
  dataset's readability test covers its patient fields).
As in tests/ui/test_readability.py, each line counts as a sentence: a line (a list item, a
heading, a label) without end punctuation gets a full stop.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.readability import grade

from .helpers import expect_no_exception
from .page_helpers import open_expanders, open_rendered
from .ui_helpers import PAGE_PATHS, wait_for_charts

MAX_GRADE = 8.0
SOURCES_EXPANDER = "All sources used in this aid"
# A link with answers, so the page shows what a patient who has answered sees (cautions, note).
QUERY = "?relief=8&cause=vascular&mri=vessel&anesthesia=fit&note=I+drive+for+work&topic=works"

_VISIBLE_TEXT_JS = """
(main, sourcesTitle) => {
    const icons = [...main.querySelectorAll('[data-testid="stIconMaterial"]')];
    const svgs = [...main.querySelectorAll('svg')];
    const sources = [...main.querySelectorAll('[data-testid="stExpander"]')]
        .filter((e) => (e.querySelector('summary')?.innerText || '').includes(sourcesTitle));
    const figures = [...main.querySelectorAll('figure.hfs-match')];  // the match chart, as HTML
    const figureLines = figures.flatMap((f) => f.innerText.split('\\n'));
    const hidden = [...icons, ...svgs, ...sources, ...figures];
    const before = hidden.map((el) => el.style.display);
    hidden.forEach((el) => { el.style.display = 'none'; });
    const text = main.innerText;
    hidden.forEach((el, i) => { el.style.display = before[i]; });
    const chartLines = svgs.flatMap((svg) => [...svg.querySelectorAll('text')].map((t) => {
        const spans = [...t.querySelectorAll('tspan')];
        return (spans.length ? spans.map((s) => s.textContent) : [t.textContent]).join(' ');
    })).concat(figureLines);
    return {text, chartLines, sourcesHidden: sources.length};
}
"""


def prose(lines: list[str]) -> str:
    """Lines of visible text as sentences (see the module docstring for what is dropped)."""
    out = []
    for raw in lines:
        line = re.sub(r"\s+", " ", raw).strip()
        if not re.search(r"[A-Za-z]", line):
            continue
        out.append(line if line[-1] in ".?!:;" else line + ".")
    return "\n".join(out)


def visible_prose(page: Page) -> tuple[str, int]:
    got = page.locator('[data-testid="stMain"]').evaluate(_VISIBLE_TEXT_JS, SOURCES_EXPANDER)
    return prose(got["text"].splitlines() + got["chartLines"]), got["sourcesHidden"]


def test_prose_conversion_keeps_words_and_drops_ticks() -> None:
    assert prose(["Hello there", "", "0", "20", "Is it 5?"]) == "Hello there.\nIs it 5?"
    # The measure can fail: dense clinical wording is well above the target.
    dense = prose(
        [
            "Microvascular decompression necessitates suboccipital craniotomy under general "
            "anaesthesia with considerable postoperative convalescence"
        ]
    )
    assert grade(dense) > MAX_GRADE


@pytest.mark.parametrize("name", list(PAGE_PATHS))
def test_rendered_home_page_reads_at_grade_8_or_below(page: Page, app_server, name: str) -> None:
    open_rendered(page, app_server.url, name, QUERY)
    open_expanders(page)
    if name == "compare":
        wait_for_charts(page)
    expect_no_exception(page)
    text, sources_hidden = visible_prose(page)
    if name == "about":
        assert sources_hidden == 1, "the sources expander was not found (its title changed?)"
    assert len(text.split()) > 80, f"{name}: too little text found ({len(text.split())} words)"
    score = grade(text)
    assert score <= MAX_GRADE, f"{name}: Flesch-Kincaid grade {score:.1f} > {MAX_GRADE}\n{text}"
