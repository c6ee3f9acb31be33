"""bench/bare_app.py mirrors the measured page: the floor (a) and (b) compare the real app with is
only fair if the bare app draws the same widgets, with the same keys and labels."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from decision_aid.words.topics import IN_WORDS

ROOT = Path(__file__).resolve().parents[1]
KINDS = (
    "button",
    "slider",
    "radio",
    "checkbox",
    "toggle",
    "selectbox",
    "text_input",
    "text_area",
    "expander",
)


def _widgets(query: dict[str, str], script: str, page: str | None = None) -> set[tuple[str, str | None, str]]:
    at = AppTest.from_file(str(ROOT / script), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return {(kind, w.key, w.label) for kind in KINDS for w in getattr(at, kind)}


def test_the_bare_app_draws_the_fit_topics_widgets_with_their_keys_and_labels(bench):
    real = _widgets(bench.MEASURED, "streamlit_app.py", "decision_aid/ui/pages/compare.py")
    bare = _widgets(bench.MEASURED, "bench/bare_app.py")
    # The bare app shows a line of text where the real topic shows the match chart, so the
    # chart's own "in words" expander is the one widget it leaves out.
    assert real - bare == {("expander", None, IN_WORDS)}
    assert bare - real == set()
