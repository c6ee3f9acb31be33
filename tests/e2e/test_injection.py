"""Script injection, in a real browser: hostile text in the link or in the dataset is shown as
text and never becomes markup, runs, or fetches anything.

1. The link: every parameter the aid knows (and one unknown parameter name) carries a payload
   at once. Every parameter but the note falls back to its default with a notice naming it;
   the note is free text and is shown literally (on the summary and back on the priorities
   page, and in its text box).
2. The dataset: a copy of data/hfs_evidence.yaml with payloads in an option's name, short
   name and summary,
   a risk name, a citation title and a source URL, served by a second server
   (HFS_EVIDENCE_PATH) on another port; every page (each topic of the compare page in home and
   consult mode, with every expander and tab open) shows them as text, and so does the
   projection chart's tooltip on hover.

On every page: ``window.__pwned`` is undefined; no <script> from a payload, no on* attribute,
no javascript: link and no evil.example address is in the DOM (a dataset's web address may be a
link, as a citation's URL; text from the link may not); and the browser asked no host but the
app's own (requests anywhere else are recorded and aborted, so none leaves the machine).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import BrowserContext, Page, expect

from decision_aid.profile import PARAMS
from decision_aid.ui.topics import BY_ID
from decision_aid.ui.topics import TOPICS as TOPIC_LIST

from .conftest import ROOT
from .helpers import expect_no_exception
from .page_helpers import open_expanders, open_rendered, wait_rendered
from .server_control import Server, start_server, stop_server
from .ui_helpers import CHART, TITLES, by_key, wait_for_charts

PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "javascript:window.__pwned=1",
    "[x](javascript:window.__pwned=1)",
    "![x](http://evil.example/x.png)",
    '"><svg onload=window.__pwned=1>',
)
NOTICES = '[class*="st-key-link_notices"]'

_DOM_CHECK_JS = """
(linksAllowed) => {
    const bad = [];
    if (typeof window.__pwned !== 'undefined') bad.push('window.__pwned is set');
    for (const s of document.querySelectorAll('script')) {
        if ((s.textContent || '').includes('__pwned') || (s.src || '').includes('evil.example')) {
            bad.push('script element: ' + s.outerHTML.slice(0, 200));
        }
    }
    const target = (v) => {  // where an address points (the app's own links carry the note)
        try { return new URL(v, location.href); } catch (e) { return null; }
    };
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            const v = a.value || '';
            if (/^on/i.test(a.name) && v.includes('__pwned')) bad.push(`${el.tagName} ${a.name}="${v}"`);
            if (!/(^|:)(href|src|action|formaction|data)$/i.test(a.name)) continue;
            const url = target(v);
            const evil = /^\\s*javascript:/i.test(v) || (url && url.protocol === 'javascript:')
                || (url && url.hostname === 'evil.example');
            if (!evil) continue;
            const webLink = el.tagName === 'A' && a.name === 'href' && /^https?:/i.test(v);
            if (!(webLink && linksAllowed)) bad.push(`${el.tagName} ${a.name}="${v}"`);
        }
    }
    for (const img of document.querySelectorAll('img')) {
        if ((img.getAttribute('src') || '') === 'x') bad.push('img src=x');
    }
    return bad;
}
"""


def _guard(context: BrowserContext) -> list[str]:
    """Record every request that is not for the app's host, and abort it."""
    foreign: list[str] = []

    def handle(route) -> None:
        foreign.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])(?!data:|blob:)"), handle)
    return foreign


def _assert_clean(page: Page, foreign: list[str], where: str, *, links_allowed: bool = False) -> None:
    """No payload ran or became markup. `links_allowed`: a web address written in the dataset
    may be a link (a citation's URL); text from the link may never become one."""
    bad = page.evaluate(_DOM_CHECK_JS, links_allowed)
    assert bad == [], f"{where}: payload became markup or ran: {bad}"
    assert foreign == [], f"{where}: requests for other hosts: {foreign}"
    expect_no_exception(page)


def _text(page: Page, selector: str = '[data-testid="stMain"]') -> str:
    """Rendered text without the invisible word joiners that keep addresses from becoming links."""
    return page.locator(selector).first.inner_text().replace("\u2060", "")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_link_parameter_stays_text(page: Page, app_server, payload: str) -> None:
    foreign = _guard(page.context)
    pairs = [(name, payload) for name in PARAMS] + [(payload, "1")]
    open_rendered(page, app_server.url, "next_steps", "?" + urllib.parse.urlencode(pairs))
    _assert_clean(page, foreign, "next steps")

    expect(page.locator(NOTICES)).to_be_visible()
    shown = _text(page, NOTICES)
    for name in PARAMS:
        if name != "note":
            assert f"The link had {name}=" in shown, f"no notice names {name}"
    assert payload[:30] in shown, "the payload is not shown as text in the notices"
    assert "does not know" in shown, "no notice for the unknown parameter"
    assert payload in _text(page, ".st-key-summary_note"), "the note is not shown literally"
    expect(page).to_have_url(re.compile(r"note="))

    page.get_by_role("link", name=TITLES["priorities"]).first.click()
    expect(page.get_by_role("heading", level=1).first).to_have_text(TITLES["priorities"])
    wait_rendered(page)
    _assert_clean(page, foreign, "priorities")
    assert payload in _text(page, ".st-key-note_shown_back"), "the note is not shown back literally"
    expect(by_key(page, "note").locator("textarea")).to_have_value(payload)


# ---------------------------------------------------------------- hostile dataset

SUMMARY = "Daily tablets help some people. " + " ".join(PAYLOADS[:5])
RISK_NAME = 'Hearing loss <img src=x onerror="window.__pwned=1"> ![x](http://evil.example/x.png)'
TITLE = "Hemifacial spasm <script>window.__pwned=1</script> [x](javascript:window.__pwned=1)"
URL = "javascript:window.__pwned=1"
OPTION_NAME = "Botulinum toxin injections ![x](http://evil.example/b.png) <b onmouseover=window.__pwned=1>"
SHORT_NAME = '<img src=x onerror="window.__pwned=1">Botox'
PROJECTION_LABEL = "Out of 100 people, how many have the spasm under control"
"""How the 5-year projection's description (its aria-label) begins."""
PROJECTION = f'[data-testid="stVegaLiteChart"][aria-label^="{PROJECTION_LABEL}"]'
PROJECTION_POINTS = PROJECTION + " g.mark-symbol.role-mark path"
TOPICS = tuple(t.id for t in TOPIC_LIST)
STATED = "&relief=5"
"""A stated priority, so the fit topic draws the match chart too."""
SHOWS_SHORT_NAME = ("glance", "works", "harms", "years", "fit", "figures")
SHOWS_RISK_NAME = ("harms", "figures")


def _hostile_dataset(path: Path) -> None:
    data = yaml.safe_load((ROOT / "data" / "hfs_evidence.yaml").read_text(encoding="utf-8"))
    data["options"]["medication"]["summary"] = SUMMARY
    data["options"]["botulinum"]["name"] = OPTION_NAME
    data["options"]["botulinum"]["short_name"] = SHORT_NAME
    hearing = next(r for r in data["options"]["mvd"]["risks"] if r["name"].startswith("Hearing loss"))
    hearing["name"] = RISK_NAME
    source = data["sources"]["patientpage"]
    source["title"] = TITLE
    source["url"] = URL
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _tabs_text(page: Page, foreign: list[str], where: str) -> str:
    """The text of every tab in the main area (a hidden tab's text is not rendered text), each
    tab opened and checked."""
    tabs = page.locator('[data-testid="stMain"] [role="tab"]')
    texts = []
    for i in range(tabs.count()):
        tabs.nth(i).click()
        expect(tabs.nth(i)).to_have_attribute("aria-selected", "true")
        wait_rendered(page)
        _assert_clean(page, foreign, f"{where}, tab {i + 1}", links_allowed=True)
        texts.append(_text(page))
    return "\n".join(texts)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    work = tmp_path_factory.mktemp("hostile")
    dataset = work / "hostile.yaml"
    _hostile_dataset(dataset)
    server = start_server(work / "streamlit.log", env={"HFS_EVIDENCE_PATH": str(dataset)})
    try:
        yield server
    finally:
        stop_server(server)


def test_payloads_in_dataset_text_stay_text(page: Page, hostile_server: Server) -> None:
    foreign = _guard(page.context)
    url = hostile_server.url

    open_rendered(page, url, "about")
    open_expanders(page)
    _assert_clean(page, foreign, "about", links_allowed=True)
    expect(page.get_by_text("The aid cannot start")).to_have_count(0)  # the copy loaded
    summary = _text(page, ".st-key-about_option_medication")
    for payload in PAYLOADS[:5]:
        assert payload in summary, f"option summary does not show {payload!r} as text"
    text = _text(page)
    assert TITLE in text and URL in text, "the citation is not shown as text"

    for name in ("situation", "next_steps"):  # option names in checkbox and quiz labels
        open_rendered(page, url, name)
        _assert_clean(page, foreign, name, links_allowed=True)
        assert OPTION_NAME in _text(page), f"{name}: the option name is not shown as text"
    open_rendered(page, url, "priorities")
    _assert_clean(page, foreign, "priorities", links_allowed=True)
    assert RISK_NAME in _text(page)

    for mode in ("home", "consult"):
        seen = {}
        for topic in TOPICS:
            where = f"compare {topic} ({mode})"
            open_rendered(page, url, "compare", f"?mode={mode}&topic={topic}{STATED}")
            expect(page.get_by_role("heading", level=2, name=BY_ID[topic].title)).to_be_visible()
            open_expanders(page)
            if page.locator(CHART).count():
                wait_for_charts(page)
            _assert_clean(page, foreign, where, links_allowed=True)
            seen[topic] = _text(page) + _tabs_text(page, foreign, where)
        for topic in SHOWS_SHORT_NAME:
            assert SHORT_NAME in seen[topic], f"compare {topic} ({mode}): the short name is not text"
        for topic in SHOWS_RISK_NAME:
            assert RISK_NAME in seen[topic], f"compare {topic} ({mode}): the risk name is not text"
        # the figures topic lists the full citation of every source its table uses, in both modes
        assert TITLE in seen["figures"] and URL in seen["figures"], (
            f"compare figures ({mode}): the citation is not shown as text"
        )


def test_chart_tooltip_shows_dataset_text_as_text(page: Page, hostile_server: Server) -> None:
    """Vega's tooltip is HTML: hovering a point of the 5-year projection (the years topic) must
    show the option's short name, from the dataset, as text."""
    foreign = _guard(page.context)
    open_rendered(page, hostile_server.url, "compare", "?topic=years")
    wait_for_charts(page)
    points = page.locator(PROJECTION_POINTS)
    count = points.count()
    assert count >= 3, f"the projection chart has {count} points"
    tooltip = page.locator("#vg-tooltip-element")
    seen = []
    for i in range(count):
        points.nth(i).scroll_into_view_if_needed()
        points.nth(i).hover(force=True)
        expect(tooltip).to_be_visible()
        seen.append(tooltip.inner_text())
        _assert_clean(page, foreign, f"tooltip {i}", links_allowed=True)
        if SHORT_NAME in seen[-1]:
            break
    assert any(SHORT_NAME in t for t in seen), f"the tooltip never showed the short name as text: {seen}"


def test_dom_check_can_fail(page: Page, app_server) -> None:
    """The DOM check sees a script that ran, an on* attribute and a javascript: link."""
    open_rendered(page, app_server.url, "about")
    assert page.evaluate(_DOM_CHECK_JS, False) == []
    page.evaluate(
        """() => {
            const d = document.createElement('div');
            d.innerHTML = '<img src="x" onerror="window.__pwned=1"><a href="javascript:void(0)">x</a>'
                + '<a href="http://evil.example/">y</a>';
            document.body.appendChild(d);
        }"""
    )
    page.wait_for_function("() => window.__pwned === 1")
    bad = page.evaluate(_DOM_CHECK_JS, False)
    assert "window.__pwned is set" in bad
    assert any("onerror" in b for b in bad) and any("javascript:" in b for b in bad)
    assert any("evil.example" in b for b in bad)
    assert not any("evil.example" in b for b in page.evaluate(_DOM_CHECK_JS, True))
