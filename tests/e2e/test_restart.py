"""The server restarted in the middle of a session: the link still holds every answer.

A server of this test's own (fixture below) serves a link with distinctive answers; one
answer is changed with the keyboard so the URL updates; the server process is stopped and a
new one started on the same port. Then (1) the open tab reconnects to the new server: another
page there shows every answer, and a change made there reaches the link with every other
answer kept; and (2) the current URL opened in a new tab restores every answer: the URL parses
to the expected answers, the summary on the next-steps page lists each one, and the widgets on
the priorities, situation and next-steps pages hold them.

The first widget change in an open tab right after a restart is kept: it arrives with the
request that starts the new server session (state.adopt_browser_values).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from decision_aid.evidence import load_evidence
from decision_aid.profile import PRIORITIES, Profile, parse_query
from decision_aid.words.common import PRIORITY_LABELS, SITUATION_LABELS

from .helpers import expect_no_exception
from .page_helpers import open_rendered, wait_rendered
from .server_control import Server, free_port, health_ok, start_server, stop_server
from .ui_helpers import TITLES, by_key, slider_input

NOTE = "RESTART-5521 I drive for work"
START = {
    "relief": "2",
    "lasting": "8",
    "serious_risk": "9",
    "side_effects": "1",
    "burden": "7",
    "recovery": "0",
    "cause": "vascular",
    "mri": "vessel",
    "anesthesia": "fit",
    "pregnant": "yes",
    "tried": "botulinum",
    "avoid": "medication",
    "leaning": "mvd",
    "sure_s": "yes",
    "sure_e": "no",
    "note": NOTE,
}
# relief 2 in the link and 3 after a key press before the restart; sure_u answered after it.
EXPECTED = Profile(**{**parse_query(START).profile.model_dump(), "relief": 3, "sure_u": "yes"})
CONNECTED = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'


@dataclass
class RestartableServer:
    port: int
    log_dir: Path
    server: Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        self.server = start_server(self.log_dir / "streamlit.log", port=self.port)

    def restart(self) -> None:
        assert self.server is not None
        old_pid = self.server.proc.pid
        stop_server(self.server)
        assert self.server.proc.poll() is not None, "the old server is still running"
        assert not health_ok(self.port), "something still answers on the port"
        self.start()
        assert self.server.proc.pid != old_pid

    def stop(self) -> None:
        if self.server is not None:
            stop_server(self.server)


@pytest.fixture
def restartable(tmp_path) -> Iterator[RestartableServer]:
    srv = RestartableServer(port=free_port(), log_dir=tmp_path)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def _summary_lines(profile: Profile) -> list[str]:
    names = {oid: o.short_name for oid, o in load_evidence().ordered()}
    labels = SITUATION_LABELS
    lines = [
        f"Cause: {labels['cause'][profile.cause]}",
        f"MRI scan: {labels['mri'][profile.mri]}",
        f"Fit for a general anaesthetic: {labels['anesthesia'][profile.anesthesia]}",
        f"Pregnant or planning: {labels['pregnant'][profile.pregnant]}",
        "Tried before: " + ", ".join(names[i] for i in profile.tried),
        "Deal-breakers (your choice): " + ", ".join(names[i] for i in profile.avoid),
        f"Where you are leaning: {labels['leaning'][profile.leaning]}",
    ]
    lines += [f"{PRIORITY_LABELS[p]}: {getattr(profile, p)}" for p in PRIORITIES]
    return [*lines, profile.note]


def _check_every_answer(page: Page) -> None:
    query = urllib.parse.urlsplit(page.url).query
    parsed = parse_query(query)
    assert parsed.problems == [] and parsed.profile == EXPECTED, f"the URL lost answers: {page.url}"

    page.get_by_role("link", name=TITLES["next_steps"]).first.click()
    expect(page.get_by_role("heading", level=1).first).to_have_text(TITLES["next_steps"])
    wait_rendered(page)
    text = page.locator('[data-testid="stMain"]').inner_text()
    missing = [line for line in _summary_lines(EXPECTED) if line not in text]
    assert missing == [], f"the summary lost answers: {missing}"
    expect(by_key(page, "sure_s").get_by_role("radio", name="Yes")).to_be_checked()
    expect(by_key(page, "sure_e").get_by_role("radio", name="No")).to_be_checked()

    page.get_by_role("link", name=TITLES["priorities"]).first.click()
    expect(page.get_by_role("heading", level=1).first).to_have_text(TITLES["priorities"])
    wait_rendered(page)
    for p in PRIORITIES:
        expect(slider_input(page, p)).to_have_value(str(getattr(EXPECTED, p)))
    expect(by_key(page, "note").locator("textarea")).to_have_value(NOTE)
    expect(by_key(page, "avoid_medication").locator('input[type="checkbox"]')).to_be_checked()

    page.get_by_role("link", name=TITLES["situation"]).first.click()
    expect(page.get_by_role("heading", level=1).first).to_have_text(TITLES["situation"])
    wait_rendered(page)
    for name in ("cause", "mri", "anesthesia", "pregnant"):
        label = SITUATION_LABELS[name][getattr(EXPECTED, name)]
        expect(by_key(page, name).get_by_role("radio", name=label, exact=True)).to_be_checked()
    expect(by_key(page, "tried_botulinum").locator('input[type="checkbox"]')).to_be_checked()
    expect_no_exception(page)


def test_restart_mid_session_keeps_every_answer(browser: Browser, restartable: RestartableServer) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        open_rendered(page, restartable.url, "priorities", "?" + urllib.parse.urlencode(START))
        slider = slider_input(page, "relief")
        expect(slider).to_have_value("2")
        slider.focus()
        page.keyboard.press("ArrowRight")
        expect(page).to_have_url(re.compile(r"relief=3(&|$)"))
        wait_rendered(page)

        restartable.restart()

        # (1) The open tab reconnects to the new server; moving to another page there shows
        # every answer (the new server session reads them from the URL), and a change made
        # there reaches the link with all the others kept.
        expect(page.locator(CONNECTED)).to_have_count(1, timeout=30_000)
        page.get_by_role("link", name=TITLES["next_steps"]).first.click()
        expect(page.get_by_role("heading", level=1).first).to_have_text(TITLES["next_steps"])
        wait_rendered(page)
        by_key(page, "sure_u").get_by_text("Yes", exact=True).click()
        expect(page).to_have_url(re.compile(r"sure_u=yes(&|$)"))
        wait_rendered(page)
        assert parse_query(urllib.parse.urlsplit(page.url).query).profile == EXPECTED, page.url

        # (2) The link opened afresh restores every answer.
        fresh = context.new_page()
        fresh.goto(page.url)
        wait_rendered(fresh)
        _check_every_answer(fresh)
    finally:
        context.close()


def _press_right(page: Page, key: str) -> None:
    slider = slider_input(page, key)
    slider.focus()
    page.keyboard.press("ArrowRight")


def _press_right_in_fit(page: Page, key: str) -> None:
    by_key(page, "change_priorities").get_by_text("Change what matters to you").click()
    _press_right(page, key)


# (page, link, the first change, what the link then says): a slider, a checkbox and a radio on
# the situation and priorities pages, and a slider in the compare page's "what matters" topic.
def _tick_no_operation(page: Page) -> None:
    by_key(page, "avoid_mvd").locator("label").click()


def _choose_vascular(page: Page) -> None:
    label = SITUATION_LABELS["cause"]["vascular"]
    by_key(page, "cause").get_by_role("radio", name=label).check(force=True)


FIRST_CHANGES = {
    "slider": ("priorities", "?relief=3&note=RESTART-5521", lambda p: _press_right(p, "relief"), r"relief=4"),
    "checkbox": ("priorities", "?relief=3", _tick_no_operation, r"avoid=mvd(&|$)"),
    "radio": ("situation", "?relief=3", _choose_vascular, r"cause=vascular(&|$)"),
    "compare_fit": (
        "compare",
        "?relief=3&lasting=7&topic=fit",
        lambda p: _press_right_in_fit(p, "lasting"),
        r"lasting=8(&|$)",
    ),
}


@pytest.mark.parametrize("kind", list(FIRST_CHANGES))
def test_first_change_after_restart_is_kept(
    browser: Browser, restartable: RestartableServer, kind: str
) -> None:
    name, query, change, wanted = FIRST_CHANGES[kind]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        open_rendered(page, restartable.url, name, query)
        restartable.restart()
        expect(page.locator(CONNECTED)).to_have_count(1, timeout=30_000)
        wait_rendered(page)
        change(page)
        expect(page).to_have_url(re.compile(wanted))
        wait_rendered(page)
        # The other answers in the link are kept.
        kept = "note=RESTART-5521" if kind == "slider" else "relief=3"
        assert kept in page.url, page.url
        expect_no_exception(page)
    finally:
        context.close()
