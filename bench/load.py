"""Load and isolation, the long variant: many concurrent browser sessions on one server.

The fast variant is tests/e2e/test_load.py (8 sessions, one change each, in `make test`).
This one opens SESSIONS browser contexts (default 30) in headless Chromium on one server of
the real app, each from its own link (relief, lasting and a note "load-<i>"), and then for
ROUNDS rounds (default 3) presses an arrow key on the "relief" slider in every session before
waiting for any, so the reruns overlap on the server. After every round each session must
show only its own answers: its slider value, its URL (parsed with the app's own parser), its
note and no other session's note, and no exception. At the end every session opens the
compare page's fit topic (relief is a stated priority, so it draws the match chart), whose
match chart must carry exactly the text alternative the engine gives for
that session's answers. /_stcore/health is polled from a thread the whole time.

Prints a small report and exits 1 if any check failed. Only loopback traffic (the server
listens on 127.0.0.1); every loop is bounded in count and time; the server runs in its own
process group and is stopped on exit.

    .venv/bin/python bench/load.py                        # 30 sessions, 3 rounds
    .venv/bin/python bench/load.py --sessions 10 --rounds 1
    .venv/bin/python bench/load.py --json bench/load.json # also write the figures as JSON
    .venv/bin/python bench/load.py --url http://127.0.0.1:8501/   # a server already running

From another script in bench/ (Python puts a script's own folder on sys.path):

    from load import run_load, report
    figures = run_load(sessions=30, rounds=3)   # a dict; figures["ok"] is False on a failure
    print(report(figures))
"""

from __future__ import annotations

import argparse
import atexit
import json
import re
import statistics
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from decision_aid.charts import MATCH_TITLE
from devkit.browser import CHROMIUM, CHROMIUM_ARGS, MATCH_WORDS
from devkit.server import Server, rss_mb, start_streamlit, url_healthy

HOST = "127.0.0.1"
PAGE_TIMEOUT_MS = 90_000
BATCH = 10  # sessions opened at once
POLL_EVERY_S = 0.5
APP_DONE = (
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
)
SKELETON = '[data-testid="stSkeleton"]'
EXCEPTION = '[data-testid="stException"]'
SLIDER = '.st-key-relief input[type="range"]'


# ============================================================================ server


def _rss_mb(pid: int | None) -> float | None:
    mb = rss_mb(pid)
    return None if mb is None else round(mb, 1)


def start_app() -> Server:
    """`streamlit run streamlit_app.py` on a free loopback port, in its own process group,
    stopped on any exit of this script too."""
    server = start_streamlit(host=HOST)
    atexit.register(server.stop)
    return server


@dataclass
class HealthPoller:
    url: str
    ok: int = 0
    failures: list[str] = field(default_factory=list)
    max_polls: int = 4_000
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="health", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        for _ in range(self.max_polls):
            if url_healthy(self.url, timeout=5):
                self.ok += 1
            else:
                self.failures.append(time.strftime("%H:%M:%S"))
            if self._stop.wait(POLL_EVERY_S):
                return

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=10)


# ============================================================================ sessions


@dataclass
class Session:
    index: int
    relief: int
    lasting: int
    page: Any = None
    context: Any = None
    direction: int = 1

    @property
    def note(self) -> str:
        return f"load-{self.index}"

    def query(self) -> str:
        return f"?relief={self.relief}&lasting={self.lasting}&note={self.note}"


def _wait_rendered(page) -> None:
    page.locator(APP_DONE).wait_for(state="attached", timeout=PAGE_TIMEOUT_MS)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function(
        f"() => document.querySelectorAll('{SKELETON}').length === 0", timeout=PAGE_TIMEOUT_MS
    )


def _url_holds(s: Session):
    """A URL test: the app's parser reads this session's answers from it (defaults are left out
    of the link, so no regular expression on the URL)."""
    from decision_aid.profile import parse_query

    want = (s.relief, s.lasting, s.note)

    def holds(url: str) -> bool:
        p = parse_query(urllib.parse.urlsplit(url).query).profile
        return (p.relief, p.lasting, p.note) == want

    return holds


def _check(s: Session, notes: list[str]) -> list[str]:
    """Problems with what session `s` shows (empty list: it shows only its own answers)."""
    from decision_aid.profile import parse_query

    page = s.page
    problems = []
    parsed = parse_query(urllib.parse.urlsplit(page.url).query).profile
    if (parsed.relief, parsed.lasting, parsed.note) != (s.relief, s.lasting, s.note):
        problems.append(f"session {s.index}: URL {page.url} is not its answers")
    value = page.locator(SLIDER).input_value()
    if value != str(s.relief):
        problems.append(f"session {s.index}: slider shows {value}, expected {s.relief}")
    text = page.locator('[data-testid="stMain"]').inner_text()
    if not re.search(rf"\b{s.note}\b", text):
        problems.append(f"session {s.index}: its note is not shown")
    others = [n for n in notes if n != s.note and re.search(rf"\b{n}\b", text)]
    if others:
        problems.append(f"session {s.index}: shows other sessions' notes {others}")
    if page.locator(EXCEPTION).count():
        problems.append(f"session {s.index}: shows an exception")
    return problems


def _expected_match(s: Session) -> str:
    from decision_aid import charts
    from decision_aid.engine import evaluate
    from decision_aid.evidence import load_evidence
    from decision_aid.profile import Profile

    profile = Profile(relief=s.relief, lasting=s.lasting, note=s.note)
    return charts.describe_match(charts.match_frame(evaluate(load_evidence(), profile)))


def _quantiles(xs: list[float]) -> dict[str, Any]:
    if not xs:
        return {"n": 0}
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
    return {
        "n": len(xs),
        "median": round(statistics.median(xs), 3),
        "p95": round(p95, 3),
        "max": round(xs[-1], 3),
    }


def run_load(
    sessions: int = 30, rounds: int = 3, url: str | None = None, budget_s: float = 600.0
) -> dict[str, Any]:
    """Run the load; return the figures (times in seconds). figures["ok"] is False on a failure."""
    from playwright.sync_api import sync_playwright

    t_start = time.monotonic()
    server = start_app() if url is None else None
    base = (url.rstrip("/") + "/") if url else server.url
    pid = server.pid if server else None
    health = HealthPoller(base)
    health.start()
    figures: dict[str, Any] = {
        "sessions": sessions,
        "rounds": rounds,
        "url": base,
        "rss_mb": {"start": _rss_mb(pid)},
    }
    problems: list[str] = []
    all_sessions = [Session(i, relief=i % 11, lasting=10 - (i % 7)) for i in range(sessions)]
    notes = [s.note for s in all_sessions]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # Open in batches: all pages of a batch load side by side.
            t0 = time.monotonic()
            for lo in range(0, sessions, BATCH):
                batch = all_sessions[lo : lo + BATCH]
                for s in batch:
                    s.context = browser.new_context(viewport={"width": 1280, "height": 900})
                    s.page = s.context.new_page()
                    s.page.goto(base + "priorities" + s.query(), wait_until="commit")
                for s in batch:
                    _wait_rendered(s.page)
            figures["open_all_s"] = round(time.monotonic() - t0, 2)
            figures["rss_mb"]["open"] = _rss_mb(pid)

            round_times, done_times = [], []
            for r in range(rounds):
                if time.monotonic() - t_start > budget_s:
                    problems.append(f"stopped after {r} rounds: time budget {budget_s:.0f} s used")
                    break
                t_round = time.monotonic()
                for s in all_sessions:  # every session presses before any is waited for
                    if not 0 <= s.relief + s.direction <= 10:
                        s.direction = -s.direction
                    s.relief += s.direction
                    s.page.locator(SLIDER).focus()
                    s.page.keyboard.press("ArrowRight" if s.direction > 0 else "ArrowLeft")
                for s in all_sessions:
                    s.page.wait_for_url(_url_holds(s), wait_until="commit", timeout=PAGE_TIMEOUT_MS)
                    done_times.append(time.monotonic() - t_round)
                for s in all_sessions:
                    _wait_rendered(s.page)
                    problems += _check(s, notes)
                round_times.append(time.monotonic() - t_round)
            figures["round_s"] = _quantiles(round_times)
            figures["change_seen_s"] = _quantiles(done_times)
            figures["rss_mb"]["after_rounds"] = _rss_mb(pid)

            t0 = time.monotonic()
            for lo in range(0, sessions, BATCH):
                batch = all_sessions[lo : lo + BATCH]
                for s in batch:
                    s.page.goto(base + "compare" + s.query() + "&topic=fit", wait_until="commit")
                for s in batch:
                    _wait_rendered(s.page)
                    words = s.page.locator(MATCH_WORDS).filter(has_text=f"{MATCH_TITLE}, on a scale")
                    words.first.wait_for(state="attached", timeout=PAGE_TIMEOUT_MS)  # in a closed expander
                    if " ".join((words.first.text_content() or "").split()) != _expected_match(s):
                        problems.append(f"session {s.index}: the compare page shows other figures")
                    if s.page.locator(EXCEPTION).count():
                        problems.append(f"session {s.index}: compare page shows an exception")
            figures["compare_all_s"] = round(time.monotonic() - t0, 2)
            figures["rss_mb"]["end"] = _rss_mb(pid)
            for s in all_sessions:
                s.context.close()
            browser.close()
    except Exception as err:  # a timeout or a crash is a failed run, reported like the checks
        problems.append(f"run stopped: {type(err).__name__}: {str(err).splitlines()[0][:300]}")
    finally:
        health.stop()
        if server:
            server.stop()
    figures["health"] = {"ok": health.ok, "failed": len(health.failures)}
    if health.failures:
        problems.append(f"health endpoint failed {len(health.failures)} times")
    figures["problems"] = problems
    figures["ok"] = not problems
    figures["total_s"] = round(time.monotonic() - t_start, 1)
    return figures


def report(f: dict[str, Any]) -> str:
    def q(d: dict[str, Any] | None) -> str:
        if not d or not d.get("n"):
            return "-"
        return f"median {d['median']:.2f} s, p95 {d['p95']:.2f} s, max {d['max']:.2f} s (n={d['n']})"

    rss = f.get("rss_mb", {})
    lines = [
        f"Load and isolation: {f['sessions']} sessions x {f['rounds']} rounds on {f['url']}",
        f"  open all sessions (priorities page)   {f.get('open_all_s', '-')} s",
        f"  one round (all sessions change)       {q(f.get('round_s'))}",
        f"  change seen in a session's URL        {q(f.get('change_seen_s'))}  (from the round's start)",
        f"  open all compare pages                {f.get('compare_all_s', '-')} s",
        f"  health endpoint                       {f['health']['ok']} ok, {f['health']['failed']} failed",
        "  server RSS (MB)                       " + ", ".join(f"{k} {v}" for k, v in rss.items()),
        f"  isolation problems                    {len(f['problems'])}",
        f"  result                                {'PASS' if f['ok'] else 'FAIL'} in {f['total_s']} s",
    ]
    lines += [f"    - {p}" for p in f["problems"][:20]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--url", help="a running server (default: start the app on a free port)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--budget", type=float, default=600.0, help="seconds before no new round starts")
    args = ap.parse_args(argv)
    if not 1 <= args.sessions <= 100 or not 0 <= args.rounds <= 50:
        ap.error("--sessions must be 1..100 and --rounds 0..50")
    figures = run_load(args.sessions, args.rounds, args.url, args.budget)
    print(report(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
