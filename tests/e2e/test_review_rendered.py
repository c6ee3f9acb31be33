"""The clinicians' review pack as Chromium lays it out: its columns hold their words.

The pack's tables have fixed column widths and let a word break anywhere, so a column too
narrow for its words broke them mid-word ("Certaint y", "carbamazepi ne") instead of failing.
The identifiers (source and rule ids, shown in a monospace font) may break: they are codes,
not words.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from decision_aid.evidence import load_evidence
from decision_aid.review import review_html

WORDS_ONLY = "th, td { overflow-wrap: normal !important; } .id { overflow-wrap: anywhere !important; }"
"""Words may no longer break; identifiers still may."""
OVERFLOWING_JS = (
    "() => [...document.querySelectorAll('th, td')]"
    ".filter(e => e.scrollWidth > e.clientWidth + 1)"
    ".map(e => e.textContent.trim().slice(0, 60))"
)


def test_every_column_is_wide_enough_for_its_words(page: Page, tmp_path: Path) -> None:
    pack = tmp_path / "review.html"
    pack.write_text(review_html(load_evidence()), encoding="utf-8")
    page.set_viewport_size({"width": 1280, "height": 900})  # wider than the pack's 190 mm page
    page.goto(pack.as_uri())
    page.add_style_tag(content=WORDS_ONLY)
    assert page.evaluate(OVERFLOWING_JS) == []
