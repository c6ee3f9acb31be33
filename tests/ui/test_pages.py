"""Every page runs without an exception in both modes and shows its own title."""

from __future__ import annotations

import json

import pytest

from decision_aid import charts
from decision_aid.engine import evaluate
from decision_aid.evidence import load_evidence
from decision_aid.profile import parse_query

from .conftest import PAGES, TITLES, go, headings, open_app, unescape


@pytest.mark.parametrize("mode", ["home", "consult"])
def test_every_page_renders_without_exception(mode):
    at = open_app({"mode": mode})
    for page in PAGES:
        go(at, page)
        assert headings(at, 1) == [TITLES[page]], page
        assert not at.exception, (page, [e.message for e in at.exception])


def test_about_page_has_sources_review_date_and_about_this_aid():
    at = open_app()
    text = "\n".join(m.value for m in at.markdown)
    assert "last reviewed" in text.lower()
    assert "Who made it" in text and "Funding and conflicts of interest" in text
    assert "no treatment for now" in text
    headers = headings(at, 3)
    for name in ("Medicines (tablets)", "Botulinum toxin injections"):
        assert name in headers, name


def test_compare_page_shows_every_chart_with_its_text_alternative():
    """Each chart has a short accessible name in its spec, and its whole text alternative (the
    figures in words, from the same frame) printed right under it."""
    at = open_app({"relief": "9", "burden": "2"}, page="compare")
    descriptions = [json.loads(el.proto.spec).get("description", "") for el in at.get("vega_lite_chart")]
    for words in ("Good control and serious harm", "How the options line up", "How each option fits",
                  "Out of 100 people, how many have the spasm under control"):
        assert any(d.startswith(words) for d in descriptions), words
    result = evaluate(load_evidence(), parse_query({"relief": ["9"], "burden": ["2"]}).profile)
    captions = [unescape(c.value) for c in at.caption]
    for text in (charts.describe_tradeoff(charts.tradeoff_frame(result)),
                 charts.describe_match(charts.match_frame(result)),
                 charts.describe_fit(charts.fit_frame(result)),
                 charts.describe_projection(charts.projection_frame(result), result.projection.years)):
        assert text in captions, text
    assert at.table, "the plain table of figures is missing"


def test_options_appear_in_fixed_order_and_nothing_is_called_best():
    at = open_app({"relief": "0", "recovery": "10"}, page="compare")
    glance = headings(at, 3)[:3]
    assert glance == ["Medicines (tablets)", "Botulinum toxin injections",
                      "Surgery: microvascular decompression (MVD)"]
    text = "\n".join(m.value for m in at.markdown).lower()
    assert "recommended" not in text and "best option" not in text
