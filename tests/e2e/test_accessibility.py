"""Accessibility in a real browser: axe-core on every page, both modes, desktop and phone
widths; every chart has a text alternative; no accessible name carries a Markdown escape; the
keyboard alone reaches the page links and sliders, moves a slider and follows a link.

axe-core only judges colour contrast for what is on screen, and Streamlit scrolls inside its
main area, so each page is checked with the viewport as tall as the page, and at 1280 px with
every expander open (their content is part of the page a patient can read).

WCAG 2.2's target size (24 px, or that much room around a smaller target), which axe-core leaves
out by default, is switched on: a mouse user with a tremor needs it on the desktop too.

No rule is switched off: as of Streamlit 1.67 nothing serious or critical comes from
Streamlit's own chrome on these pages. If one ever does, exclude that rule and selector only
(in EXCLUDED below), with a comment naming the Streamlit element.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from decision_aid.words.app import UNSET
from decision_aid.words.common import PRIORITY_LABELS
from decision_aid.words.pages import situation as situation_words
from tests.contrast import contrast_ratio

from .helpers import expect_no_exception
from .page_helpers import open_expanders, open_rendered, wait_rendered
from .ui_helpers import CHART, MATCH_FIGURE, PAGE_PATHS, TITLES, by_key, slider_input, wait_for_charts

AXE = Axe()
BLOCKING = ("serious", "critical")
# (rule id, CSS selector fragment) pairs of Streamlit's own chrome that the app cannot change.
EXCLUDED: tuple[tuple[str, str], ...] = ()
MAX_HEIGHT = 30_000  # px; a bound on the "whole page in view" viewport
MAX_TABS = 150
WIDTHS = (1280, 390)


def _whole_page_in_view(page: Page, width: int) -> None:
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": width, "height": min(int(height) + 100, MAX_HEIGHT)})


def _excluded(rule: str, target: str) -> bool:
    return any(rule == r and fragment in target for r, fragment in EXCLUDED)


def _blocking_violations(page: Page, where: str) -> list[str]:
    results = AXE.run(
        page, options={"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
    )
    found = []
    for v in results.response["violations"]:
        if v["impact"] not in BLOCKING:
            continue
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if _excluded(v["id"], target):
                continue
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            found.append(
                f"{where}: [{v['impact']}] {v['id']} ({v['help']}) at {target[-160:]}: {summary[:300]}"
            )
    return found


def _names_with_escapes(page: Page, where: str) -> list[str]:
    """Accessible names a screen reader would read with Markdown in them (a backslash, the "**"
    of bold, a backtick): Streamlit uses a widget's raw label string as its aria-label, so the
    SURE questions were read out as "star star Sure of myself star star"."""
    names = page.evaluate(
        """() => [...document.querySelectorAll('[aria-label]')]
            .map((el) => el.getAttribute('aria-label'))
            .filter((n) => n.includes('\\\\') || n.includes('**') || n.includes('`'))"""
    )
    return [f"{where}: aria-label {n!r} has Markdown in it" for n in names]


def _charts_without_text_alternative(page: Page, where: str) -> list[str]:
    """WCAG 1.1.1: Altair's description becomes the chart's aria-label (vega-embed)."""
    labels = page.locator(CHART).evaluate_all(
        "(charts) => charts.map((c) => [c.getAttribute('role'), c.getAttribute('aria-label') || ''])"
    )
    if len(labels) < 4:  # the harms topic: three pictures of side effects, one of serious harm
        return [f"{where}: expected the compare page's charts, found {len(labels)}"]
    return [
        f"{where}: chart without a real text alternative: {label!r}"
        for role, label in labels
        if role != "graphics-document" or len(label.split()) < 8
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", ["home", "consult"])
def test_axe_finds_no_serious_or_critical_violations(page: Page, app_server, mode: str, width: int) -> None:
    """Every page; at 1280 px with every expander open, at 390 px as a phone first shows it (the
    expanders' content is the same, checked at 1280). Also: no Markdown backslash in an
    accessible name, and every chart on the compare page has a text alternative."""
    problems: list[str] = []
    for name in PAGE_PATHS:
        where = f"{name} ({mode}, {width} px)"
        page.set_viewport_size({"width": width, "height": 900})
        open_rendered(page, app_server.url, name, f"?mode={mode}&note=I+drive+for+work&topic=harms")
        if width == WIDTHS[0]:
            open_expanders(page)
        _whole_page_in_view(page, width)
        if name == "compare":
            wait_for_charts(page)
            problems += _charts_without_text_alternative(page, where)
        expect_no_exception(page)
        problems += _blocking_violations(page, where)
        problems += _names_with_escapes(page, where)
    assert not problems, f"{len(problems)} accessibility findings:\n" + "\n".join(problems)


def _focused(page: Page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el) return {};
            const key = [...(el.closest('[class*="st-key-"]')?.classList || [])]
                .find((c) => c.startsWith('st-key-')) || '';
            const path = el.href ? new URL(el.href).pathname : '';
            return {tag: el.tagName, type: el.type || '', path,
                    text: (el.innerText || '').trim().slice(0, 80), key};
        }"""
    )


def _tab_until(page: Page, wanted, seen: list[dict]) -> dict:
    """Press Tab until `wanted(focused)` holds (bounded); every focused element goes to `seen`."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        f = _focused(page)
        seen.append(f)
        if wanted(f):
            return f
    pytest.fail(f"Tab never reached it in {MAX_TABS} presses; focus went through: {seen[-15:]}")


def test_keyboard_alone_reaches_links_and_sliders_and_moves_them(page: Page, app_server) -> None:
    """Keyboard only: Tab reaches the page links and the sliders, arrows move a slider (the
    answer reaches the link), Tab goes on to the footer's "Next page" button and Enter presses it."""
    open_rendered(page, app_server.url, "priorities")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")  # start at the top
    seen: list[dict] = []
    _tab_until(page, lambda f: f.get("type") == "range" and f.get("key") == "st-key-relief", seen)
    links = {f.get("path", "").rsplit("/", 1)[-1] for f in seen if f.get("tag") == "A"}
    assert {"situation", "compare", "next-steps"} <= links, f"Tab skipped page links: {sorted(links)}"

    slider = slider_input(page, "relief")
    expect(slider).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(slider).to_have_value("6")
    expect(page).to_have_url(re.compile(r"relief=6"))
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(slider).to_have_value("4")
    expect(page).to_have_url(re.compile(r"relief=4"))
    wait_rendered(page)

    _tab_until(page, lambda f: f.get("tag") == "BUTTON" and "Next page:" in f.get("text", ""), seen)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1).first).to_have_text(TITLES["compare"])
    expect(page).to_have_url(re.compile(r"relief=4"))
    wait_rendered(page)
    expect_no_exception(page)


def test_a_focused_link_or_choice_shows_a_ring(page: Page, app_server) -> None:
    """Tab onto a page link and onto a radio choice: each shows a solid ring (Streamlit showed only
    a faint grey background, about 1.1:1, so a focused page link looked like the current page)."""
    open_rendered(page, app_server.url, "situation")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    seen: list[dict] = []
    _tab_until(page, lambda f: f.get("tag") == "A" and f.get("path", "").endswith("/priorities"), seen)
    ring = (
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert page.evaluate(ring) == ["solid", "2px"]
    _tab_until(page, lambda f: f.get("type") == "radio", seen)
    label_ring = (
        "() => { const s = getComputedStyle(document.activeElement.closest('label'));"
        " return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert page.evaluate(label_ring) == ["solid", "2px"]
    # a number box (the age): Streamlit only turned its 1 px border red
    _tab_until(page, lambda f: f.get("tag") == "INPUT" and f.get("type") == "number", seen)
    box_ring = (
        "() => { const box = document.activeElement.closest('[data-testid=\"stNumberInputContainer\"]');"
        " const s = getComputedStyle(box); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert page.evaluate(box_ring) == ["solid", "2px"]
    # a slider's knob: Streamlit's only sign was a faint halo (about 2.2 to 2.5:1, under 3:1)
    open_rendered(page, app_server.url, "priorities")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    _tab_until(page, lambda f: f.get("tag") == "INPUT" and f.get("type") == "range", seen)
    knob_ring = (
        "() => { const knob = document.activeElement.closest('[data-rac]');"
        " const s = getComputedStyle(knob); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert page.evaluate(knob_ring) == ["solid", "2px"]


def test_the_summary_download_keeps_the_keyboard_focus_on_its_button(page: Page, app_server) -> None:
    """Streamlit disables the download button while the summary is built, and the focus fell to the
    page: after the download, Tab and a screen reader started again from the top."""
    open_rendered(page, app_server.url, "next_steps", "?relief=9")
    button = by_key(page, "download_summary").get_by_role("button")
    button.focus()
    with page.expect_download(timeout=60_000):
        page.keyboard.press("Enter")
    expect(button).to_be_enabled()
    expect(button).to_be_focused()
    page.keyboard.press("Tab")
    expect(by_key(page, "download_summary_json").get_by_role("button")).to_be_focused()
    expect_no_exception(page)


def test_a_device_in_dark_mode_gets_the_light_page_its_charts_were_made_for(page: Page, app_server) -> None:
    """The charts' words are drawn dark, for a white page: on a phone in dark mode Streamlit drew
    the page dark and the match chart's figures were dark on dark (contrast 1.1:1)."""
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 390, "height": 844})
    open_rendered(page, app_server.url, "compare", "?topic=years&relief=8&burden=7")
    wait_for_charts(page)
    background = page.locator('[data-testid="stApp"]').evaluate("el => getComputedStyle(el).backgroundColor")
    fills = page.locator(f"{CHART} svg text").evaluate_all(
        "els => els.filter(t => t.textContent.trim()).map(t => getComputedStyle(t).fill)"
    )
    assert len(fills) > 10, "the projection chart's words were not found"
    # the match chart is HTML (charts.match_html): its words carry their own dark colour
    open_rendered(page, app_server.url, "compare", "?topic=fit&relief=8&burden=7")
    wait_for_charts(page)
    colours = page.locator(f"{MATCH_FIGURE} *").evaluate_all(
        "els => els.filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))"
        ".map(e => getComputedStyle(e).color)"
    )
    assert len(colours) > 10, "the match chart's words were not found"
    for fill in {*fills, *colours}:
        ratio = contrast_ratio(fill, background)
        assert ratio >= 4.5, f"chart text {fill} on the page's {background}: contrast {ratio:.1f}:1"
    expect_no_exception(page)


def test_headings_add_no_tab_stops(page: Page, app_server) -> None:
    """Streamlit's "Link to heading" anchors were a Tab stop per heading, all named alike."""
    open_rendered(page, app_server.url, "situation")
    anchors = page.locator('a[aria-label="Link to heading"]')
    assert anchors.count() > 0  # Streamlit still draws them
    focusable = "els => els.filter(a => a.offsetParent !== null).length"
    assert anchors.evaluate_all(focusable) == 0


def test_each_page_names_itself_in_the_tab_title(page: Page, app_server) -> None:
    """Every page's tab title was "Hemifacial spasm decision aid", so a screen reader announced
    nothing new when the page changed."""
    for name in ("situation", "compare"):
        open_rendered(page, app_server.url, name)
        expect(page).to_have_title(f"{TITLES[name]} - Hemifacial spasm decision aid")


def test_the_tried_before_checkboxes_are_a_group_named_by_their_question(page: Page, app_server) -> None:
    """Each checkbox was heard on its own, "Medicines (tablets), checkbox": nothing said it meant
    tried before, not wanted (accessibility pass)."""
    open_rendered(page, app_server.url, "situation", "?tried=botulinum")
    question = situation_words.QUESTIONS["tried"].strip("*")
    group = page.get_by_role("group", name=question)
    expect(group.get_by_role("checkbox")).to_have_count(3)
    group.get_by_text("Medicines (tablets)").click()  # still named after a run redraws the page
    expect(page).to_have_url(re.compile(r"tried=medication"))
    expect(page.get_by_role("group", name=question).get_by_role("checkbox")).to_have_count(3)


def test_the_page_link_of_the_page_on_view_is_marked_current(page: Page, app_server) -> None:
    """Only a grey background showed which page was on view; a screen reader said nothing."""
    current = page.locator(
        '[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"][aria-current="page"]'
    )
    for name in ("about", "priorities", "compare"):
        open_rendered(page, app_server.url, name, "?relief=3")
        expect(current).to_have_count(1)
        expect(current).to_contain_text(TITLES[name])
    page.get_by_role("button", name=re.compile("^Next page: ")).click()  # and after a page change
    expect(page).to_have_url(re.compile(r"/next-steps\?"))
    expect(current).to_contain_text(TITLES["next_steps"])
    expect(current).to_have_count(1)


def test_each_clear_my_answer_button_is_named_with_its_priority(page: Page, app_server) -> None:
    """The six priorities' "Clear my answer" buttons were six buttons of one name in a screen
    reader's list of buttons (accessibility pass); the name still starts with the visible words."""
    open_rendered(page, app_server.url, "priorities", "?relief=3")
    for name, label in PRIORITY_LABELS.items():
        box = page.get_by_role("group", name=label)
        expect(box.get_by_role("slider")).to_have_count(1)
        button = by_key(page, f"unset_{name}").get_by_role("button")
        expect(button).to_have_accessible_name(f"{UNSET}: {label}")
    page.get_by_role("button", name=f"{UNSET}: {PRIORITY_LABELS['relief']}").click()
    expect(page).not_to_have_url(re.compile(r"relief="))  # the named button is the one that clears
    expect(by_key(page, "unset_relief").get_by_role("button")).to_have_accessible_name(
        f"{UNSET}: {PRIORITY_LABELS['relief']}"
    )  # and keeps its name after the run redraws the page


def test_an_empty_radio_circle_or_checkbox_has_an_edge_of_3_to_1(page: Page, app_server) -> None:
    """Streamlit draws the edge of an unchosen radio circle or checkbox about #dcd8d4, 1.4:1 on
    white: "Both sides of my face" looked greyed out (patient review). WCAG 1.4.11 asks 3:1 of
    what shows that a control is there; checked here on the main area and on the sidebar."""
    open_rendered(page, app_server.url, "situation")
    edges = page.evaluate(
        """() => [
          ...[...document.querySelectorAll('[data-testid="stRadioOption"]')]
            .filter((o) => !o.querySelector('input').checked)
            .map((o) => o.querySelector(':scope > div > div:first-child')),
          ...[...document.querySelectorAll('[data-testid="stCheckbox"] label')]
            .filter((l) => !l.querySelector('input').checked)
            .map((l) => l.querySelector(':scope > span + div')),
        ].map((edge) => {
          let back = edge.parentElement;
          while (getComputedStyle(back).backgroundColor === 'rgba(0, 0, 0, 0)') back = back.parentElement;
          const s = getComputedStyle(edge);
          return [s.borderTopColor, s.borderTopWidth, getComputedStyle(back).backgroundColor,
                  !!edge.closest('[data-testid="stSidebar"]')];
        })"""
    )
    assert len(edges) >= 15 and any(in_sidebar for *_, in_sidebar in edges)  # the mode's radio
    for colour, width, back, _ in edges:
        assert width != "0px" and contrast_ratio(colour, back) >= 3, (colour, back)
