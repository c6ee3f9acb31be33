"""Home-mode text reads at about US grade 8 or below (Flesch-Kincaid), page by page.

Citations and the dataset's 'how the evidence was chosen' paragraph are left out: they are
reference text, checked by the dataset's own readability test where it applies. List items
count as sentences (a line without end punctuation gets a full stop).
"""

from __future__ import annotations

import re

import pytest

from decision_aid.evidence import load_evidence
from decision_aid.words.common import HOME_READING_GRADE
from tests.readability import grade

from .conftest import PAGES, go, open_app

MAX_GRADE = 8.5
MIN_PAGE_WORDS = 80
"""Too few words to be the page: an empty text grades 0 and would pass (as in the browser's test)."""
SOURCE_IDS = tuple(sid.replace("_", "") for sid in load_evidence().sources)
"""As the lines read once Markdown is stripped: 'cbz_fda_label' is 'cbzfdalabel' there, so a
citation whose id has an underscore was counted as page text."""


def _page_text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [w.value for w in at.warning]
    lines = []
    for line in re.sub(r"[\\*_#`]", "", "\n".join(parts)).splitlines():
        line = re.sub(r"^\s*- ", "", line).strip()
        if not line or line.startswith(SOURCE_IDS) or line.startswith("How the evidence was chosen"):
            continue
        lines.append(line if line[-1] in ".?!:" else line + ".")
    return "\n".join(lines)


@pytest.mark.parametrize("page_name", list(PAGES))
def test_home_mode_text_is_plain(page_name):
    at = open_app({"relief": "8", "cause": "vascular"})
    go(at, page_name)
    text = _page_text(at)
    words = len(text.split())
    assert words > MIN_PAGE_WORDS, f"{page_name}: too little text found ({words} words)"
    score = grade(text)
    assert score <= MAX_GRADE, f"{page_name}: Flesch-Kincaid grade {score:.1f} > {MAX_GRADE}"


STATED_GRADE_TOLERANCE = 0.5


def test_the_reading_level_the_about_page_states_is_the_measured_one():
    """The About page tells the reader how plain the aid is (IPDAS); that figure must be measured,
    over the home-mode text of all five pages together (the same run as the per-page test)."""
    at = open_app({"relief": "8", "cause": "vascular"})
    pages = []
    for page in PAGES:
        go(at, page)
        pages.append(_page_text(at))
    measured = grade("\n".join(pages))
    assert abs(measured - HOME_READING_GRADE) <= STATED_GRADE_TOLERANCE, (
        f"measured grade {measured:.2f}; wording.HOME_READING_GRADE says {HOME_READING_GRADE}"
    )
    go(at, "about")
    shown = "\n".join(m.value for m in at.markdown)
    assert f"grade {HOME_READING_GRADE:.1f} (Flesch-Kincaid)" in shown
