"""bench/run.py's (a) probe, in Chromium: the clock stops at the first frame painted after the
watched figures change, not at the change itself.

A page that is still busy with the rest of an update when its figures change shows them only
when it paints, so stopping at the DOM change would credit it with time the user never sees.
Each test here changes the figures and then keeps the page busy, as Streamlit does while it
applies the rest of a rerun.
"""

from __future__ import annotations

from types import ModuleType

import pytest
from playwright.sync_api import Page

BUSY_MS = 120
"""How long the page stays busy after the figures change (longer than any frame interval)."""


def _press(page: Page, change: str) -> dict:
    """A keydown, then `change` in a later task, after which the page works for BUSY_MS before it
    can paint; the probe's readings once a frame has been painted."""
    page.evaluate(
        """([change, busy]) => {
          document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight'}));
          setTimeout(() => {
            window.__t_change = performance.now();
            new Function(change)();
            // queued after the observer's own callback: it sees the change, then the page works on
            Promise.resolve().then(() => {
              const until = performance.now() + busy;
              while (performance.now() < until) {}
              window.__t_idle = performance.now();
            });
          }, 0);
        }""",
        [change, BUSY_MS],
    )
    page.wait_for_function("() => window.__bench.shown !== null", timeout=10_000)
    return page.evaluate("() => ({...window.__bench, t_change: window.__t_change, t_idle: window.__t_idle})")


def test_text_figures_count_when_painted(page: Page, bench: ModuleType) -> None:
    page.set_content('<div class="st-key-figures"><p>relief 5</p></div>')
    assert page.evaluate(bench.INSTRUMENT_JS, "figures")
    b = _press(page, "document.querySelector('.st-key-figures p').textContent = 'relief 6'")
    # the change is seen when it happens, the figures are shown only after the busy task
    assert b["t_change"] <= b["changed"] < b["t_idle"]
    assert b["shown"] >= b["t_idle"]
    elapsed = page.evaluate(bench.ELAPSED_JS)
    assert elapsed[0] >= elapsed[1] + BUSY_MS * 0.9


def test_chart_marks_count_when_painted(page: Page, bench: ModuleType) -> None:
    page.set_content(
        '<div data-testid="stVegaLiteChart"><svg class="marks">'
        '<text class="role-title-text">How the options line up</text>'
        '<rect width="50" x="0"></rect></svg></div>'
    )
    assert page.evaluate(bench.INSTRUMENT_JS, "match_chart")
    b = _press(page, "document.querySelector('svg.marks rect').setAttribute('width', '60')")
    assert b["t_change"] <= b["changed"] < b["t_idle"] <= b["shown"]


HTML_MATCH = (
    '<figure class="hfs-match"><p>Medicines: 47</p><div class="hfs-match-bar">'
    '<span style="width:20.00%"></span></div></figure>'
)
"""The app's match chart as `charts.match_html` draws it, cut down to one bar part."""


def test_the_html_match_counts_when_its_bars_change_and_are_painted(page: Page, bench: ModuleType) -> None:
    """A bar's new width is a change, even with the same words."""
    page.set_content(HTML_MATCH)
    assert page.evaluate(bench.INSTRUMENT_JS, "match_chart")
    b = _press(page, "document.querySelector('.hfs-match-bar span').style.width = '30%'")
    assert b["t_change"] <= b["changed"] < b["t_idle"] <= b["shown"]


@pytest.mark.parametrize(
    ("content", "finder", "watched"),
    [
        ('<div class="st-key-figures"><p>relief 5</p></div>', "figures", ".st-key-figures p"),
        (HTML_MATCH, "match_chart", "figure.hfs-match"),
    ],
    ids=["text line", "html match"],
)
def test_an_unchanged_redraw_is_not_counted(
    page: Page, bench: ModuleType, content: str, finder: str, watched: str
) -> None:
    page.set_content(content)
    assert page.evaluate(bench.INSTRUMENT_JS, finder)
    page.evaluate(
        """(watched) => {
          document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight'}));
          const el = document.querySelector(watched);
          el.replaceWith(el.cloneNode(true));
        }""",
        watched,
    )
    # two painted frames later the probe still has nothing: the same figures are no change
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.evaluate("() => [window.__bench.changed, window.__bench.shown]") == [None, None]
