"""20 browser sessions through nginx while app servers stop and restart.

Each of SESSIONS browser contexts (its own cookies, so its own route and Streamlit session)
opens the priorities page through the proxy with answers of its own (priorities and a note).
Then the app server that holds the most sessions is stopped mid-session: its tabs reconnect
through the proxy to another server, and in every tab a change made after that is kept and the
page shows the session's own answers. The stopped server is started again and then every
server is restarted, one at a time, with its tabs moving each time. At the end every tab shows
its own answers, takes another change, shows no error, and two tabs that moved download their
summary (the file comes from the server their session lives on: the route cookie followed it).
Throughout, /_stcore/health through the proxy answers "ok" (polled from a thread, bounded), and
no log of nginx or of any app server holds a note.

Every wait is on the page's own state (connected, run finished, a value, the link) and
bounded; Chromium resolves no host name but loopback's.
"""

from __future__ import annotations

import os
import re
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from decision_aid.profile import Profile, parse_query
from tests.e2e.helpers import APP_DONE, EXCEPTION
from tests.e2e.page_helpers import SKELETON
from tests.e2e.ui_helpers import PAGE_PATHS, TITLES, by_key, slider_input
from tests.support import CHROMIUM, CHROMIUM_ARGS

from .stack import Poller, Stack

SESSIONS = int(os.environ.get("HFS_DEPLOY_SESSIONS", "20"))
"""20 (the promise); fewer only to look into a failure quickly."""
WAIT_MS = 90_000  # one wait on a page; two busy cores and 20 tabs make the first load slow
POLL_EVERY_S = 0.25
CONNECTED = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
SLIDERS = ("relief", "lasting", "serious_risk")
DOWNLOADS = 2


@dataclass
class Session:
    index: int
    context: BrowserContext
    page: Page
    answers: dict[str, int | str] = field(default_factory=dict)

    @property
    def note(self) -> str:
        return f"PROXY-NOTE-{self.index:02d} I drive for work"

    def route(self) -> str:
        return next((c["value"] for c in self.context.cookies() if c["name"] == "hfs_route"), "")


LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
"""Every host name but loopback's fails to resolve, inside Chromium: no request leaves the
machine, and unlike page.route no request waits for Python (20 tabs load ~1.5 MB each)."""


def start_answers(i: int) -> dict[str, int | str]:
    # relief and lasting (the two that change) stay below 9, so that every ArrowRight is a change.
    return {"relief": i % 8, "lasting": (i * 3) % 9, "serious_risk": 10 - i % 11}


def wait_settled(page: Page) -> None:
    """Connected, the run over, every element drawn."""
    page.locator(APP_DONE).first.wait_for(state="attached", timeout=WAIT_MS)
    expect(page.locator(SKELETON)).to_have_count(0, timeout=WAIT_MS)


def expect_own_answers(s: Session) -> None:
    """The page and its link show this session's answers, and no error."""
    page = s.page
    expect(page.locator(CONNECTED)).to_have_count(1, timeout=WAIT_MS)
    for name in SLIDERS:
        expect(slider_input(page, name)).to_have_value(str(s.answers[name]), timeout=WAIT_MS)
    expect(by_key(page, "note").locator("textarea")).to_have_value(s.note, timeout=WAIT_MS)
    expect(by_key(page, "note_shown_back")).to_contain_text(s.note, timeout=WAIT_MS)
    profile = parse_query(urllib.parse.urlsplit(page.url).query).profile
    assert {n: getattr(profile, n) for n in SLIDERS} == {n: s.answers[n] for n in SLIDERS}, page.url
    assert profile.note == s.note, page.url
    expect(page.locator(EXCEPTION)).to_have_count(0)
    expect(page.get_by_text("Connection error")).to_have_count(0)


def change_all(sessions: list[Session], name: str) -> None:
    """One ArrowRight on slider `name` in every tab, all sent before any is waited for; each
    change must reach the page and the link (so the session's server took it)."""
    for s in sessions:
        expect(s.page.locator(CONNECTED)).to_have_count(1, timeout=WAIT_MS)
        wait_settled(s.page)
        slider_input(s.page, name).focus()
        s.page.keyboard.press("ArrowRight")
        s.answers[name] = int(s.answers[name]) + 1
    default = str(getattr(Profile(), name))  # a default is left out of the link
    lost = []
    for s in sessions:
        try:
            s.page.wait_for_function(
                "([name, want, dflt]) => (new URLSearchParams(location.search).get(name) ?? dflt) === want",
                arg=[name, str(s.answers[name]), default],
                timeout=WAIT_MS,
            )
        except PlaywrightTimeoutError:
            state = s.page.locator('[data-testid="stApp"]').get_attribute("data-test-connection-state")
            shown = slider_input(s.page, name).get_attribute("value")
            where = f"session {s.index} (route {s.route()}, {state})"
            lost.append(f"{where}: {name} shows {shown}, link {s.page.url}")
    assert lost == [], f"a change was lost in {len(lost)} of {len(sessions)} tabs:\n" + "\n".join(lost)
    for s in sessions:
        wait_settled(s.page)
        expect_own_answers(s)


def wait_reconnected(sessions: list[Session]) -> None:
    for s in sessions:
        expect(s.page.locator(CONNECTED)).to_have_count(1, timeout=WAIT_MS)


@pytest.fixture
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, LOOPBACK_ONLY])
        try:
            yield browser
        finally:
            browser.close()


@pytest.mark.timeout(900)
def test_sessions_survive_a_failed_server_and_rolling_restarts(stack: Stack, chromium: Browser) -> None:
    poller = Poller(stack.url + "_stcore/health", every_s=POLL_EVERY_S)
    thread = threading.Thread(target=poller.run, daemon=True)
    thread.start()
    sessions: list[Session] = []
    try:
        # Every session opens its own link; all loads start before any is waited for.
        for i in range(SESSIONS):
            context = chromium.new_context(viewport={"width": 1280, "height": 900})
            s = Session(i, context, context.new_page(), start_answers(i))
            query = urllib.parse.urlencode({**s.answers, "note": s.note})
            s.page.goto(stack.url + PAGE_PATHS["priorities"] + "?" + query, wait_until="commit")
            sessions.append(s)
        for s in sessions:
            wait_settled(s.page)
            expect_own_answers(s)
        routes = {s.index: s.route() for s in sessions}
        assert all(re.fullmatch(r"s[123]", r) for r in routes.values()), routes
        assert len(set(routes.values())) > 1, f"every session on one server: {routes}"

        # The server with the most sessions stops mid-session; its tabs move to the others.
        counts = {r: list(routes.values()).count(r) for r in set(routes.values())}
        busiest = max(counts, key=lambda r: counts[r])
        victim = stack.apps[int(busiest[1:]) - 1]
        victim.stop()
        wait_reconnected(sessions)
        change_all(sessions, "relief")  # the first change after the reconnect is kept
        moved = [s for s in sessions if routes[s.index] == busiest]
        assert moved and all(s.route() != busiest for s in moved), {s.index: s.route() for s in moved}

        # It comes back; then every server restarts, one at a time, its tabs moving each time.
        victim.start()
        victim.wait_healthy()
        stack.wait_in_rotation(victim)
        for app in stack.apps:
            app.stop()
            wait_reconnected(sessions)
            app.start()
            app.wait_healthy()
            stack.wait_in_rotation(app)

        # Every tab still shows its own answers and keeps a change made now.
        change_all(sessions, "lasting")
        for s in moved[:DOWNLOADS]:
            _download_summary(s)
        for s in sessions:
            expect(s.page.locator(EXCEPTION)).to_have_count(0)
    finally:
        poller.stop()
        thread.join(timeout=10)
        for s in sessions:
            s.context.close()

    assert poller.ok > 0 and poller.failures == [], poller.failures[:5]
    notes = [s.note for s in sessions]
    leaked = {name: [n for n in notes if n in text] for name, text in stack.logs().items()}
    assert {k: v for k, v in leaked.items() if v} == {}, "a note reached a log"


def _download_summary(s: Session) -> None:
    """The summary downloads from the server the session moved to (the route cookie followed)."""
    page = s.page
    page.get_by_role("link", name=TITLES["next_steps"]).first.click()
    expect(page.get_by_role("heading", level=1).first).to_have_text(TITLES["next_steps"], timeout=WAIT_MS)
    wait_settled(page)
    with page.expect_download(timeout=WAIT_MS) as info:
        by_key(page, "download_summary_json").locator("button").click()
    path = info.value.path()
    assert info.value.failure() is None
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert s.note in text and f'"relief": {s.answers["relief"]}' in text
