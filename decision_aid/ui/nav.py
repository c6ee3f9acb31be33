"""The five pages, in order. Paths are relative to streamlit_app.py (the main script)."""

from __future__ import annotations

from dataclasses import dataclass

from decision_aid.words.pages import about, compare, next_steps, priorities, situation


@dataclass(frozen=True)
class PageDef:
    path: str
    title: str
    url_path: str
    icon: str
    layout: str = "centered"
    """Streamlit's page layout; the shell sets it once a run (`streamlit_app.py` says why)."""


PAGES: tuple[PageDef, ...] = (
    PageDef("decision_aid/ui/pages/about.py", about.TITLE, "about", ":material/info:"),
    PageDef("decision_aid/ui/pages/situation.py", situation.TITLE, "situation", ":material/person:"),
    PageDef("decision_aid/ui/pages/priorities.py", priorities.TITLE, "priorities", ":material/tune:"),
    # Wide: the grid's five columns and the topic buttons need the room.
    PageDef("decision_aid/ui/pages/compare.py", compare.TITLE, "compare", ":material/compare:", "wide"),
    PageDef("decision_aid/ui/pages/next_steps.py", next_steps.TITLE, "next-steps", ":material/checklist:"),
)

BY_URL = {p.url_path: p for p in PAGES}


def neighbours(url_path: str) -> tuple[PageDef | None, PageDef | None]:
    """The page before and after this one."""
    i = next(i for i, p in enumerate(PAGES) if p.url_path == url_path)
    return (PAGES[i - 1] if i > 0 else None), (PAGES[i + 1] if i + 1 < len(PAGES) else None)
