"""Load and isolation (the fast variant for `make test`; bench/load.py is the long one).

SESSIONS browser contexts (separate cookies and websockets, so separate Streamlit sessions)
are open on the one server at the same time, each from its own link (relief=i, lasting=10-i,
note=session-i). Page loads, a keyboard change of the "relief" slider in every session, the
move to the compare page and each Next topic step to its fit topic are all started in every
session before any is waited for, so the server handles them side by side. Then every session
must show only its own answers and figures: its slider value, its URL, its note (and no other
session's), and on the fit topic (a priority is stated, so it draws the match) a match chart
whose text alternative is exactly the one the engine gives for that session's answers. No page
may show an exception, and /_stcore/health must answer "ok" throughout (polled from a thread,
bounded in count and time).
"""

from __future__ import annotations

import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page, expect

from decision_aid import charts
from decision_aid.engine import evaluate
from decision_aid.evidence import load_evidence
from decision_aid.profile import Profile, parse_query
from tests.support import MATCH_WORDS

from .helpers import expect_no_exception
from .page_helpers import wait_rendered
from .ui_helpers import PAGE_PATHS, TITLES, by_key, slider_input, wait_for_charts

SESSIONS = 8
STEPS_TO_FIT = ("works", "harms", "years", "fit")
"""Home mode's topics after "glance", up to the one with the match chart."""
POLL_EVERY_S = 0.25
MAX_POLLS = 2_000  # 500 s at most, far beyond the test's own timeouts
HEALTH_TIMEOUT_S = 20  # an answer, however slow on a busy machine, is an answer; none is a failure


@dataclass
class HealthPoller:
    url: str
    ok: int = 0
    failures: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def _run(self) -> None:
        for _ in range(MAX_POLLS):
            try:
                with urllib.request.urlopen(self.url, timeout=HEALTH_TIMEOUT_S) as resp:
                    body = resp.read().strip()
                    if resp.status == 200 and body == b"ok":
                        self.ok += 1
                    else:
                        self.failures.append(f"{resp.status} {body[:80]!r}")
            except (urllib.error.URLError, OSError) as err:
                self.failures.append(repr(err))
            if self._stop.wait(POLL_EVERY_S):
                return

    def __enter__(self) -> HealthPoller:
        self._thread = threading.Thread(target=self._run, name="health-poller", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=10)


@dataclass(frozen=True)
class Answers:
    relief: int
    lasting: int
    note: str

    def query(self) -> str:
        return f"?relief={self.relief}&lasting={self.lasting}&note={self.note}"


def _expected_match_text(answers: Answers) -> str:
    profile = Profile(relief=answers.relief, lasting=answers.lasting, note=answers.note)
    return charts.describe_match(charts.match_frame(evaluate(load_evidence(), profile)))


def _wait_url_answers(page: Page, mine: Answers) -> None:
    """Wait until the page's URL (rewritten by the server's run) holds these answers, as the
    app's own parser reads it (a default is left out of the link, so no regex on the URL)."""
    want = (mine.relief, mine.lasting, mine.note)

    def holds(url: str) -> bool:
        p = parse_query(urllib.parse.urlsplit(url).query).profile
        return (p.relief, p.lasting, p.note) == want

    page.wait_for_url(holds, wait_until="commit")


def _check_own_answers(page: Page, mine: Answers, notes: list[str]) -> None:
    expect(slider_input(page, "relief")).to_have_value(str(mine.relief))
    _wait_url_answers(page, mine)
    shown = by_key(page, "note_shown_back")
    expect(shown).to_contain_text(mine.note)
    text = page.locator('[data-testid="stMain"]').inner_text()
    others = [n for n in notes if n != mine.note and re.search(rf"\b{n}\b", text)]
    assert others == [], f"{mine.note} shows another session's note: {others}"
    expect_no_exception(page)


def test_concurrent_sessions_stay_isolated(browser: Browser, app_server) -> None:
    start = [Answers(relief=i, lasting=10 - i, note=f"session-{i}") for i in range(SESSIONS)]
    changed = [Answers(a.relief + 1, a.lasting, a.note) for a in start]
    expected = [_expected_match_text(a) for a in changed]
    assert len(set(expected)) == SESSIONS, "pick answers whose figures differ, or cross-talk could hide"
    notes = [a.note for a in start]

    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(SESSIONS)]
    try:
        with HealthPoller(f"{app_server.url}_stcore/health") as health:
            pages = [c.new_page() for c in contexts]
            errors: list[str] = []
            for p in pages:
                p.on("pageerror", lambda exc: errors.append(str(exc)))

            # 1. Every session opens its own link, all at once.
            for p, a in zip(pages, start, strict=True):
                p.goto(app_server.url + PAGE_PATHS["priorities"] + a.query(), wait_until="commit")
            for p, a in zip(pages, start, strict=True):
                wait_rendered(p)
                expect(slider_input(p, "relief")).to_have_value(str(a.relief))

            # 2. Every session changes an answer with the keyboard; the reruns overlap.
            for p in pages:
                slider_input(p, "relief").focus()
                p.keyboard.press("ArrowRight")
            for p, a in zip(pages, changed, strict=True):
                _wait_url_answers(p, a)
                wait_rendered(p)
                _check_own_answers(p, a, notes)

            # 3. Every session moves to the comparison, then steps (Next topic, every session's
            # click before any is waited for) to the fit topic: with a stated priority (relief)
            # it draws the match chart for that session's own answers.
            for p in pages:
                p.get_by_role("link", name=TITLES["compare"]).first.click()
            for p in pages:
                expect(p.get_by_role("heading", level=1).first).to_have_text(TITLES["compare"])
                wait_rendered(p)
            for step in STEPS_TO_FIT:
                for p in pages:
                    by_key(p, "topic_nav_top").get_by_role("button", name=re.compile("Next topic")).click()
                for p in pages:
                    expect(p).to_have_url(re.compile(rf"[?&]topic={step}(&|$)"))
                    wait_rendered(p)
            for p, a, want in zip(pages, changed, expected, strict=True):
                wait_for_charts(p)
                words = p.locator(MATCH_WORDS).filter(has_text=f"{charts.MATCH_TITLE}, on a scale")
                expect(words).to_have_text(want)
                _wait_url_answers(p, a)
                expect_no_exception(p)
        assert errors == [], f"uncaught JavaScript errors: {errors}"
        assert health.failures == [], f"health check failed during the load: {health.failures[:5]}"
        assert health.ok >= 2, f"the health endpoint was polled only {health.ok} times"
    finally:
        for c in contexts:
            c.close()
