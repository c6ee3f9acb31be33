"""`make bench`: the real app against the bare one (bench/bare_app.py), side by side, in one run.

Prints a table and writes bench/results.json. Each figure is a median with its spread
(IQR: first to third quartile; min-max where there are few samples) and, where the issue
sets one, the target and whether it was met. Ratios are real / bare from the same run.
The measured page is the compare page's "fit" topic with one priority stated
(`/compare?topic=fit&relief=5`: the match chart shows only once a priority is stated); the
bare app mirrors that topic's widgets and link logic, without charts or engine.

  (a) browser interaction latency: headless Chromium (/usr/bin/chromium), the real, bare and
      one-chart bare apps open in a session each, presses interleaved (real, bare, one-chart,
      real, ...) so load drifts hit them alike.
      The "Change what matters to you" expander is opened and the "relief" slider gets key
      presses (ArrowRight/ArrowLeft in turn). Time from the keydown event to the first frame
      painted after the match chart holds new figures (a MutationObserver in the page compares
      the bars' geometry and the words: the app draws the match as HTML, `charts.match_html`;
      a Vega chart's marks for the one-chart bare app; then the next animation frame, and a message
      posted from it, which runs once that frame is painted; the clock is the page's own
      performance.now()). Bare app: the same, for its "figures" text line. Between presses:
      wait until the app is idle, then a bounded 300 ms settle. 40 presses per app after 3
      warm-ups; the (a) rows carry a 90% bootstrap interval of the ratio (`ratio_interval`,
      presses resampled in pairs): how far chance among one run's presses moves it; separate
      runs have differed by more. Target: ratio <= 1.3 (on the median ratio).
      Reference rows, without a target: the bare app drawing its weights as one small
      Vega-Lite chart instead of the text line (BENCH_CHART=1: what Streamlit itself costs to
      show any Vega-Lite chart's new figures; the app's match chart is HTML), the real app
      against it, and both apps timed to the DOM change itself, before a frame shows it (the
      clock (a) used until 2026-11-30).
  (b) a full script run under AppTest: a fresh AppTest.from_file(...).run() per sample with
      a different random profile in the URL each time (so the engine cache does not hide the
      work); the real app on each compare-page topic against the bare app, interleaved. The
      slowest topic is the (b) row, target: ratio <= 1.3; the other topics are reference rows.
  (c) server start to first page rendered: `streamlit run` launched, health endpoint polled,
      a new browser context opens the page and waits until the script run is done and the
      match chart (bare: the figures line) is there. No target; ratio reported.
  (d) building the PDF summary (decision_aid.report.build_pdf) in a fresh process: the first
      build (vl-convert's JS engine warms up) and warm builds; target warm < 1 s. One engine
      evaluation (decision_aid.engine.evaluate, uncached) per random profile; target < 5 ms.
  (e) server memory: VmRSS of the server process (/proc/<pid>/status) with 1, 10 and 30
      browser sessions open (separate contexts in one browser), before any PDF. The first
      session shows the fit topic, the others go round the six topics, so the server holds
      every chart the page can draw. Target: at 30 sessions within 1.15x of the chart floor,
      the bare app with pandas, pyarrow and Altair imported (BENCH_CHART_LIBS=1), which any
      Streamlit chart needs; the chart-less bare app is a reference row without a target.
      One server at a time, so at most 32 browser contexts are open (30, and the one kept on
      each other server). Then the extra RSS of the first PDF download (clicked in the browser
      on the next-steps page), on its own.

Only loopback traffic: the servers listen on 127.0.0.1 on free ports. Every loop is bounded
in count and time; servers run in their own process groups and are stopped on exit, on
error and on Ctrl-C. Whole run: about 6-10 minutes on 2 cores, longer under load.

    .venv/bin/python bench/run.py             # the full run (make bench)
    .venv/bin/python bench/run.py --quick     # fewer samples, for trying the script out
    .venv/bin/python bench/run.py --only latency,apptest   # some phases (results to a temp file)
    .venv/bin/python bench/run.py --profile   # cProfile of fit-topic AppTest runs, then exit
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime as dt
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devkit.browser import CHROMIUM, CHROMIUM_ARGS
from devkit.server import ROOT, free_port, rss_mb, start_streamlit
from devkit.server import Server as RunningServer

BENCH = ROOT / "bench"
RESULTS = BENCH / "results.json"

VIEWPORT = {"width": 1280, "height": 900}
HOST = "127.0.0.1"
# Memory and (a) stop opening sessions / pressing as this runs out (MEMORY_RESERVE_S, 20 s).
BUDGET_S = 15 * 60
START_TIMEOUT_S = 60.0
PAGE_TIMEOUT_MS = 60_000
PRESS_TIMEOUT_MS = 15_000
SETTLE_S = 0.3
BATCH = 5  # sessions opened at once in the memory phase
MEMORY_RESERVE_S = 240  # the memory phase opens no more sessions when less is left: (a) comes after

# Script state on the root element (Streamlit 1.67; see tests/e2e/helpers.py).
APP = '[data-testid="stApp"]'
APP_DONE = f'{APP}[data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
STATUS_WIDGET = '[data-testid="stStatusWidget"]'
EXCEPTION = '[data-testid="stException"]'

TARGETS = {
    "interaction_ratio": 1.3,
    "apptest_ratio": 1.3,
    "pdf_warm_ms": 1000.0,
    "engine_ms": 5.0,
    "memory_ratio_30": 1.15,
}
"""Issue 12: (a) and (b) ratios to the bare app; memory at 30 sessions to the chart floor."""

MEASURED = {"topic": "fit", "relief": "5"}
"""The measured page's link: the fit topic with one priority stated, so the match chart shows."""

# ============================================================================ helpers


def summarize(samples: list[float]) -> dict[str, Any]:
    """Median, quartiles and range of a list of samples (empty list: n=0 only)."""
    xs = sorted(samples)
    if not xs:
        return {"n": 0}
    if len(xs) >= 4:
        q1, _, q3 = statistics.quantiles(xs, n=4, method="inclusive")
    else:
        q1, q3 = xs[0], xs[-1]
    return {
        "n": len(xs),
        "median": statistics.median(xs),
        "q1": q1,
        "q3": q3,
        "min": xs[0],
        "max": xs[-1],
    }


def fmt(s: dict[str, Any] | None, unit: str = "ms", digits: int = 0) -> str:
    if not s or not s.get("n"):
        return "n/a"
    m = f"{s['median']:.{digits}f}"
    if s["n"] >= 5:
        spread = f"IQR {s['q1']:.{digits}f}-{s['q3']:.{digits}f}"
    elif s["n"] > 1:
        spread = f"range {s['min']:.{digits}f}-{s['max']:.{digits}f}"
    else:
        spread = "1 sample"
    return f"{m} {unit} ({spread}, n={s['n']})"


def ratio(real: dict[str, Any] | None, bare: dict[str, Any] | None) -> float | None:
    if not real or not bare or not real.get("n") or not bare.get("n") or not bare["median"]:
        return None
    return real["median"] / bare["median"]


def ratio_interval(
    real: list[float], bare: list[float], *, level: float = 0.9, draws: int = 2000, seed: int = 12
) -> tuple[float, float] | None:
    """How far the ratio of medians could move by chance among this run's presses: a bootstrap
    interval (`level`, seeded so a table can be re-made from its samples). Presses taken in
    turn are resampled in pairs, so a load change that hit both apps stays in both; lists of
    different lengths (a timeout) are resampled apart. It says nothing of what differs between
    runs (fresh servers, another load): runs of (a) on one machine have moved by more than it."""
    if len(real) < 5 or len(bare) < 5:
        return None
    rng = random.Random(seed)
    paired = len(real) == len(bare)
    ratios = []
    for _ in range(draws):
        if paired:
            idx = rng.choices(range(len(real)), k=len(real))
            r, b = statistics.median(real[i] for i in idx), statistics.median(bare[i] for i in idx)
        else:
            r, b = (
                statistics.median(rng.choices(real, k=len(real))),
                statistics.median(rng.choices(bare, k=len(bare))),
            )
        if b > 0:
            ratios.append(r / b)
    if not ratios:
        return None
    ratios.sort()
    tail = (1 - level) / 2
    return ratios[int(tail * (len(ratios) - 1))], ratios[round((1 - tail) * (len(ratios) - 1))]


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def machine() -> dict[str, Any]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_gib = None
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    import streamlit

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": mem_gib,
        "os": platform.platform(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
    }


# ============================================================================ servers

_SERVERS: list[Server] = []


@dataclass(frozen=True)
class AppSpec:
    name: str
    script: str
    path: str  # URL path of the measured page ("" = the app's root), without the query
    ready: str  # finder (see FINDERS_JS) of the element whose rendering means "page ready"
    watch: str  # finder of the element whose figures change after a slider key press
    env: tuple[tuple[str, str], ...] = ()  # extra environment for the server


def topic_ids() -> tuple[str, ...]:
    """The compare page's topics, in their order (decision_aid.ui.topics: no streamlit import)."""
    from decision_aid.ui.topics import TOPICS

    return tuple(t.id for t in TOPICS)


def real_spec() -> tuple[AppSpec, str]:
    """The real app's compare page, read from the page list; a note if it had to fall back."""
    from decision_aid.ui.nav import PAGES

    compare = next((p for p in PAGES if p.path.endswith("compare.py")), None)
    if compare is None:  # no compare page: the priorities page and the link text
        prio = next(p for p in PAGES if p.path.endswith("priorities.py"))
        note = "no compare page: measured on the 'what matters' page (the link text in the sidebar)"
        return AppSpec("real", "streamlit_app.py", prio.url_path, "slider", "link"), note
    return AppSpec("real", "streamlit_app.py", compare.url_path, "match_drawn", "match_chart"), ""


BARE = AppSpec("bare", "bench/bare_app.py", "", "figures", "figures")
FLOOR = AppSpec("chart_floor", "bench/bare_app.py", "", "figures", "figures", (("BENCH_CHART_LIBS", "1"),))
"""The bare app with pandas, pyarrow and Altair imported: the memory floor of any Streamlit chart."""
CHART_BARE = AppSpec(
    "chart_bare",
    "bench/bare_app.py",
    "",
    "match_drawn",
    "match_chart",
    (("BENCH_CHART_LIBS", "1"), ("BENCH_CHART", "1")),
)
"""The bare app showing the weights as one small Vega-Lite chart: the latency floor of any chart
that shows new figures after a key press (a reference row for (a), no target)."""

# Element finders shared by the readiness wait and the latency probe (in the page).
FINDERS_JS = """
const CHARTS = () => Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"]'));
const drawn = (el) => !!(el && el.querySelector('svg.marks path, svg.marks rect, svg.marks text'));
const MATCH = () => {
  // the real app's match chart is HTML (charts.match_html); a Vega chart under the priority
  // sliders (the one-chart bare app's): by its title, else the first chart after the sliders
  const figure = document.querySelector('figure.hfs-match');
  if (figure) return figure;
  const charts = CHARTS();
  const title = (c) => (c.querySelector('.role-title-text') || {}).textContent || '';
  const titled = charts.find(c => /line up/i.test(title(c)));
  if (titled) return titled;
  const sliders = document.querySelector('.st-key-change_priorities');
  const after = (c) => sliders.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING;
  return sliders ? charts.find(after) : null;
};
const FIND = {
  match_chart: MATCH,
  match_drawn: () => { const m = MATCH(); return m && (m.tagName === 'FIGURE' || drawn(m)) ? m : null; },
  // any topic: every chart on the page drawn (a topic without charts is ready at once)
  page_drawn: () => CHARTS().every(drawn) ? document.body : null,
  figures: () => document.querySelector('.st-key-figures p'),
  slider: () => document.querySelector('[data-testid="stSlider"] input[type="range"]'),
  link: () => document.querySelector('[data-testid="stSidebar"] [data-testid="stCode"]'),
};
"""


class Server:
    """`streamlit run SCRIPT` on a free loopback port, in its own process group (started and
    stopped by `devkit.server`); registered at once so `stop_all` ends it on any exit."""

    def __init__(self, spec: AppSpec, logdir: Path) -> None:
        self.spec = spec
        self.port = free_port(HOST)
        self.log_path = logdir / f"{spec.name}-{self.port}.log"
        self.running: RunningServer | None = None
        _SERVERS.append(self)

    @property
    def url(self) -> str:
        """The measured page (fit topic, one priority stated)."""
        return self.url_for(MEASURED)

    def url_for(self, query: dict[str, str]) -> str:
        return f"http://{HOST}:{self.port}/{self.spec.path}?{urllib.parse.urlencode(query)}"

    @property
    def pid(self) -> int:
        assert self.running is not None
        return self.running.pid

    @property
    def t_launch(self) -> float:
        """`time.perf_counter()` at the launch."""
        assert self.running is not None
        return self.running.launched_at

    def start(self) -> float:
        """Launch the server and wait until it is healthy: seconds from launch to healthy."""
        env = {k: v for k, v in os.environ.items() if k != "HFS_EVIDENCE_PATH"}  # the shipped dataset
        env.update(self.spec.env)
        self.running = start_streamlit(
            port=self.port, script=self.spec.script, host=HOST, env=env, log_path=self.log_path, poll_s=0.05
        )
        return self.running.healthy_after_s

    def rss(self, samples: int = 3) -> float | None:
        values = []
        for i in range(samples):
            if i:
                time.sleep(0.5)
            v = rss_mb(self.pid)
            if v is not None:
                values.append(v)
        return statistics.median(values) if values else None

    def stop(self) -> None:
        if self.running is not None:
            self.running.stop()  # this server's own process group only


def stop_all() -> None:
    for s in _SERVERS:
        s.stop()


def _on_signal(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)


# ============================================================================ browser

# Installed in the measured page: a keydown clock and a MutationObserver that notes when
# the watched element's figures change. The signature is the marks' geometry and text, so
# a re-render with the same data does not count, and an empty (still rendering) SVG is ignored.
# The figures are on screen only once a frame is painted after that change: the next animation
# frame's callback, then a message posted from it, which runs after that frame's style, layout
# and paint. The page may still be busy with the rest of the update when its figures change (the
# bare app's line of text changes part-way through its update), so the DOM change alone would
# stop one app's clock earlier than the user can see it. `shown` is (a); `changed` is kept as a
# reference. The text is read with textContent: innerText would force a layout inside the probe.
INSTRUMENT_JS = (
    "(finder) => {"
    + FINDERS_JS
    + """
  const sig = () => {
    const el = FIND[finder]();
    if (!el) return null;
    const svg = el.querySelector('svg.marks');
    if (svg) {
      const marks = svg.querySelectorAll('path, rect, text, line, circle');
      if (!marks.length) return null;
      return Array.from(marks, n => n.tagName === 'text' ? 'T' + n.textContent
        : (n.getAttribute('d') || '') + (n.getAttribute('transform') || '')
          + (n.getAttribute('width') || '') + (n.getAttribute('x') || '')).join('|');
    }
    if (el.tagName === 'FIGURE') {  // the HTML match: its bars' and ranges' geometry, and its words
      return Array.from(el.querySelectorAll('[style]'), n => n.getAttribute('style')).join('|')
        + '|' + el.textContent;
    }
    const text = el.textContent;
    return text ? text : null;
  };
  const b = window.__bench = {prev: sig(), down: null, changed: null, shown: null};
  const painted = (press) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { if (b.down === press) b.shown = performance.now(); };
    ch.port2.postMessage(null);
  });
  // the figures at the key press itself: a change is counted against them, never against an
  // earlier press's (a late redraw after a counted one would otherwise count at the next press)
  document.addEventListener('keydown', () => {
    b.prev = sig(); b.down = performance.now(); b.changed = null; b.shown = null;
  }, true);
  new MutationObserver(() => {
    if (b.down === null || b.changed !== null) return;
    const s = sig();
    if (s !== null && s !== b.prev) { b.changed = performance.now(); b.prev = s; painted(b.down); }
  }).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  return b.prev !== null;
}"""
)
ELAPSED_JS = "() => { const b = window.__bench; return [b.shown - b.down, b.changed - b.down]; }"
READY_JS = "(finder) => {" + FINDERS_JS + " return !!FIND[finder](); }"


def wait_idle(page: Any, timeout: float = PAGE_TIMEOUT_MS) -> None:
    page.locator(APP).wait_for(state="attached", timeout=timeout)
    page.locator(APP_DONE).wait_for(state="attached", timeout=timeout)
    page.locator(STATUS_WIDGET).wait_for(state="detached", timeout=timeout)


def open_page(browser: Any, server: Server, url: str | None = None) -> tuple[Any, Any]:
    """A new context (a new session) navigating to `url` (default: the measured page); does not
    wait for it."""
    ctx = browser.new_context(viewport=VIEWPORT)
    page = ctx.new_page()
    page.goto(url or server.url, timeout=PAGE_TIMEOUT_MS, wait_until="commit")
    return ctx, page


def wait_ready(page: Any, spec: AppSpec, finder: str | None = None) -> None:
    """Until the script run is over and then the measured content (or `finder`) has rendered."""
    wait_idle(page)
    page.wait_for_function(READY_JS, arg=finder or spec.ready, timeout=PAGE_TIMEOUT_MS, polling=20)


def open_ready(browser: Any, server: Server) -> tuple[Any, Any]:
    ctx, page = open_page(browser, server)
    wait_ready(page, server.spec)
    return ctx, page


def exceptions_on(page: Any) -> int:
    return page.locator(EXCEPTION).count()


# ============================================================================ (d) worker


def random_profile(rng: random.Random) -> Any:
    from decision_aid.evidence import OPTION_IDS
    from decision_aid.profile import CHOICES, PRIORITIES, Profile

    values: dict[str, Any] = {p: rng.randint(0, 10) for p in PRIORITIES}
    for name in ("cause", "anesthesia", "mri", "pregnant", "mode", "leaning"):
        values[name] = rng.choice(CHOICES[name])
    for name in ("tried", "avoid"):
        values[name] = tuple(o for o in OPTION_IDS if rng.random() < 0.25)
    if rng.random() < 0.3:
        values["mvd_success"] = round(rng.uniform(60, 99), 1)
    if rng.random() < 0.3:
        values["mvd_hearing_loss"] = round(rng.uniform(0, 10), 1)
    return Profile(**values)


def worker_engine_pdf(n_profiles: int, n_pdf: int) -> dict[str, Any]:
    """Runs in a fresh process: engine per profile, then the first and warm PDF builds."""
    from decision_aid.engine import evaluate
    from decision_aid.evidence import load_evidence

    rng = random.Random(6)
    ev = load_evidence()
    profiles = [random_profile(rng) for _ in range(n_profiles)]
    evaluate(ev, profiles[0])  # first call: lazy imports, regex compiles
    engine = []
    for p in profiles:
        t = time.perf_counter()
        evaluate(ev, p)
        engine.append((time.perf_counter() - t) * 1000)

    out: dict[str, Any] = {"engine_ms": summarize(engine)}
    try:
        out.update(_pdf_builds(ev, [evaluate(ev, random_profile(rng)) for _ in range(n_pdf + 1)]))
    except Exception as exc:  # the engine's figures stand; the table says the PDF failed
        out["pdf_error"] = f"{type(exc).__name__}: {exc}"
    return out


def _pdf_builds(ev: Any, results: list[Any]) -> dict[str, Any]:
    """The first PDF build in this process (and its extra RSS), then warm builds."""
    out: dict[str, Any] = {}
    rss0 = rss_mb(os.getpid())
    t = time.perf_counter()
    from decision_aid import report

    out["report_import_ms"] = (time.perf_counter() - t) * 1000
    base = "http://localhost:8501/"
    t = time.perf_counter()
    first = report.build_pdf(ev, results[0], base_url=base)
    out["pdf_first_ms"] = (time.perf_counter() - t) * 1000
    out["pdf_bytes"] = len(first)
    out["rss_before_first_pdf_mb"] = rss0
    out["rss_after_first_pdf_mb"] = rss_mb(os.getpid())
    warm = []
    for r in results[1:]:
        t = time.perf_counter()
        report.build_pdf(ev, r, base_url=base)
        warm.append((time.perf_counter() - t) * 1000)
    out["pdf_warm_ms"] = summarize(warm)
    return out


def run_worker(n_profiles: int, n_pdf: int) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", f"{n_profiles},{n_pdf}"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"engine/PDF worker failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ============================================================================ (b) AppTest


def _quiet_streamlit() -> None:
    import logging

    class _Drop(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return "missing ScriptRunContext" not in record.getMessage()

    for name in ("streamlit.runtime.scriptrunner_utils.script_run_context",):
        logging.getLogger(name).addFilter(_Drop())


def apptest_once(script: str, page: str | None, query: dict[str, str]) -> tuple[float, int]:
    from streamlit.testing.v1 import AppTest

    t = time.perf_counter()
    at = AppTest.from_file(str(ROOT / script), default_timeout=120)
    if page:
        at.switch_page(page)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    elapsed = (time.perf_counter() - t) * 1000
    return elapsed, len(at.exception)


def with_topic(query: dict[str, str], topic: str) -> dict[str, str]:
    """A profile's link on one topic, as the app writes it ("glance", the default, left out).
    Made by the profile, so its check fits: a link changed by hand after its check opens with
    "This link has changed", and every run but glance's would have measured that notice."""
    from decision_aid.profile import parse_query

    return parse_query(query).profile.model_copy(update={"topic": topic}).to_params()


def bench_apptest(n: int, compare_page: str) -> dict[str, Any]:
    """Every topic of the compare page and the bare app, interleaved; `slowest` names the topic
    with the highest median (the (b) row)."""
    _quiet_streamlit()
    rng = random.Random(7)
    queries = [random_profile(rng).to_params() for _ in range(n + 1)]
    cases: dict[str, tuple[str, str | None, str]] = {
        f"real_{t}": ("streamlit_app.py", compare_page, t) for t in topic_ids()
    }
    cases["bare"] = ("bench/bare_app.py", None, "fit")
    for script, page, topic in cases.values():  # warm-up: imports, first compile, chart looks
        apptest_once(script, page, with_topic(queries[0], topic))
    samples: dict[str, list[float]] = {k: [] for k in cases}
    errors = dict.fromkeys(cases, 0)
    for i in range(n):  # interleaved, so drift hits every case alike
        for name, (script, page, topic) in cases.items():
            ms, exc = apptest_once(script, page, with_topic(queries[i + 1], topic))
            samples[name].append(ms)
            errors[name] += exc
    out: dict[str, Any] = {k: {**summarize(v), "exceptions": errors[k]} for k, v in samples.items()}
    real = [k for k in out if k.startswith("real_") and out[k].get("n")]
    out["slowest"] = max(real, key=lambda k: out[k]["median"]).removeprefix("real_") if real else None
    return out


def profile_compare(compare_page: str, topic: str = "fit") -> None:
    """cProfile of the script thread during fresh runs of one compare-page topic (where the time goes)."""
    import cProfile
    import pstats

    from streamlit.runtime.scriptrunner import script_runner

    _quiet_streamlit()
    prof = cProfile.Profile()
    original = script_runner.exec_func_with_error_handling
    active = {"on": False}

    def profiled(func: Any, ctx: Any) -> Any:  # runs in the script thread
        if not active["on"]:
            return original(func, ctx)
        prof.enable()
        try:
            return original(func, ctx)
        finally:
            prof.disable()

    script_runner.exec_func_with_error_handling = profiled
    try:
        warm = with_topic(random_profile(random.Random(1)).to_params(), topic)
        apptest_once("streamlit_app.py", compare_page, warm)
        active["on"] = True
        times = []
        for seed in range(2, 7):
            query = with_topic(random_profile(random.Random(seed)).to_params(), topic)
            ms, _ = apptest_once("streamlit_app.py", compare_page, query)
            times.append(ms)
    finally:
        script_runner.exec_func_with_error_handling = original
    shown = ", ".join(f"{t:.0f}" for t in times)
    print(f"compare page, topic {topic}, 5 fresh AppTest runs: {shown} ms (profile of the script thread)")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
    pstats.Stats(prof).sort_stats("tottime").print_stats(20)


# ============================================================================ main run


@dataclass
class Run:
    quick: bool
    t0: float = field(default_factory=time.monotonic)
    notes: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def left(self) -> float:
        return BUDGET_S - (time.monotonic() - self.t0)

    def n(self, full: int, quick: int) -> int:
        return quick if self.quick else full


def bench_start_and_sessions(run: Run, specs: list[AppSpec], logdir: Path, browser: Any) -> dict[str, Any]:
    """(c) start -> first page, several rounds; the last round's servers stay for (e) and (a). The
    chart floor serves (e) only: it starts in the last round."""
    rounds = run.n(3, 2)
    start: dict[str, list[float]] = {s.name: [] for s in specs}
    health: dict[str, list[float]] = {s.name: [] for s in specs}
    keep: dict[str, tuple[Server, Any]] = {}
    for r in range(rounds):
        for spec in specs:
            if spec.name == FLOOR.name and r < rounds - 1:
                continue
            server = Server(spec, logdir)
            health[spec.name].append(server.start() * 1000)
            ctx, page = open_ready(browser, server)
            start[spec.name].append((time.perf_counter() - server.t_launch) * 1000)
            if exceptions_on(page):
                run.notes.append(f"{spec.name}: exception shown on first page")
            if r == rounds - 1:
                keep[spec.name] = (server, ctx)
            else:
                ctx.close()
                server.stop()
        log(
            f"start round {r + 1}/{rounds}: "
            + ", ".join(f"{k} {v[-1]:.0f} ms" for k, v in start.items() if v)
        )
    run.data["start_to_first_page_ms"] = {k: summarize(v) for k, v in start.items()}
    run.data["start_to_health_ms"] = {k: summarize(v) for k, v in health.items()}
    return keep


def bench_memory(run: Run, keep: dict[str, tuple[Server, Any]], browser: Any) -> None:
    """(e) RSS with 1, 10, 30 sessions, one server at a time (at most 30 contexts open). The first
    session is the context kept from (c), on the fit topic; the others go round the six topics."""
    levels = [1, 10, 30]
    topics = topic_ids()
    mem: dict[str, dict[str, Any]] = {}
    order = [n for n in ("real", FLOOR.name, BARE.name) if n in keep]  # the reference last
    for name in order:
        server, first = keep[name]
        contexts = [first]
        m: dict[str, Any] = {}
        try:
            for level in levels:
                while len(contexts) < level:  # a few at a time, as patients would arrive
                    if run.left() < MEMORY_RESERVE_S:
                        run.notes.append(f"memory: {name} stopped at {len(contexts)} sessions (time budget)")
                        raise TimeoutError
                    batch = []
                    for _ in range(min(BATCH, level - len(contexts))):
                        query = with_topic(MEASURED, topics[len(contexts) % len(topics)])
                        batch.append(open_page(browser, server, server.url_for(query)))
                        contexts.append(batch[-1][0])
                    for _, page in batch:
                        wait_ready(page, server.spec, "page_drawn" if name == "real" else None)
                        if exceptions_on(page):
                            run.notes.append(f"{name}: exception shown in a session")
                time.sleep(2.0)  # let the server finish the last runs and free temporaries
                m[str(level)] = server.rss()
            m["growth_per_session_mb"] = (m["30"] - m["1"]) / 29
        except TimeoutError:
            pass  # what was measured stays; (a) still runs
        finally:
            for ctx in contexts[1:]:
                ctx.close()
        mem[name] = m
        log(f"memory {name}: " + ", ".join(f"{k} sessions {m[str(k)]:.0f} MB" for k in levels if str(k) in m))
    run.data["memory_mb"] = mem


def bench_pdf_download(run: Run, server: Server, browser: Any) -> None:
    """(e) extra RSS of the first PDF, downloaded by clicking in the real app."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from decision_aid.ui.nav import PAGES

    nxt = next((p for p in PAGES if p.path.endswith("next_steps.py")), None)
    if nxt is None:
        run.notes.append("no next-steps page: first-PDF memory not measured")
        return
    before = server.rss()
    ctx = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    try:
        page = ctx.new_page()
        page.goto(f"http://{HOST}:{server.port}/{nxt.url_path}", timeout=PAGE_TIMEOUT_MS)
        wait_idle(page)
        button = page.locator(".st-key-download_summary button").first
        try:  # widgets arrive after the script run ends: wait for the button itself, bounded
            button.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
        except PlaywrightTimeout:
            run.notes.append("no download button on the next-steps page: first-PDF memory not measured")
            return
        t = time.perf_counter()
        with page.expect_download(timeout=60_000) as dl:
            button.click()
        download = dl.value
        ms = (time.perf_counter() - t) * 1000
        size = Path(download.path()).stat().st_size
        time.sleep(2.0)
        after = server.rss()
        run.data["first_pdf_download"] = {
            "click_to_download_ms": ms,
            "bytes": size,
            "rss_before_mb": before,
            "rss_after_mb": after,
            "extra_mb": (after - before) if (after and before) else None,
        }
        log(f"first PDF download: {ms:.0f} ms, RSS {before:.0f} -> {after:.0f} MB")
    finally:
        ctx.close()


def _latency_page(browser: Any, server: Server) -> tuple[Any, Any, Any]:
    """A session on the measured page, the priorities expander open, the probe installed."""
    spec = server.spec
    ctx, page = open_ready(browser, server)
    expander = page.locator(".st-key-change_priorities")
    if expander.count() and not expander.locator("details[open]").count():
        expander.locator("summary").first.click()
    slider = page.locator('.st-key-relief input[type="range"]')
    if slider.count() == 0:
        slider = page.locator('[data-testid="stSlider"] input[type="range"]')
    slider.first.wait_for(state="attached", timeout=PAGE_TIMEOUT_MS)
    wait_idle(page)
    if not page.evaluate(INSTRUMENT_JS, spec.watch):
        raise RuntimeError(f"{spec.name}: nothing to watch at {spec.watch!r}")
    return ctx, page, slider.first


def _press(page: Any, slider: Any, key: str) -> tuple[float, float] | None:
    """One key press on the slider: ms from keydown to the first frame painted after the watched
    figures changed, and to the change itself (None: nothing changed in time); then wait until
    the app is idle and a bounded settle."""
    slider.focus()
    page.keyboard.press(key)
    try:
        page.wait_for_function("() => window.__bench.shown !== null", timeout=PRESS_TIMEOUT_MS, polling=10)
    except Exception:  # a press that changed nothing in time: counted, not timed
        wait_idle(page)
        return None
    shown, changed = page.evaluate(ELAPSED_JS)
    wait_idle(page)
    time.sleep(SETTLE_S)
    return shown, changed


def bench_latency(run: Run, servers: dict[str, Server], browser: Any) -> dict[str, Any]:
    """(a) key press on the relief slider -> watched figures shown (and, as a reference, changed
    in the DOM): n presses per app, the apps in turn (real, bare, one-chart, real, ...) so that a
    change in load hits them alike."""
    n = run.n(40, 8)
    warmup = 3
    pages = {name: _latency_page(browser, server) for name, server in servers.items()}
    shown: dict[str, list[float]] = {name: [] for name in pages}
    changed: dict[str, list[float]] = {name: [] for name in pages}
    out: dict[str, dict[str, Any]] = {name: {"timeouts": 0} for name in pages}
    try:
        for i in range(warmup + n):
            if run.left() < 20:
                run.notes.append("latency stopped early (time budget)")
                break
            for name, (_, page, slider) in pages.items():
                ms = _press(page, slider, "ArrowRight" if i % 2 == 0 else "ArrowLeft")
                if ms is None:
                    out[name]["timeouts"] += 1
                elif i >= warmup:
                    shown[name].append(ms[0])
                    changed[name].append(ms[1])
        for name, (_, page, slider) in pages.items():
            out[name].update(summarize(shown[name]))
            out[name]["samples"] = shown[name]  # in press order: the interval of (a) pairs them
            out[name]["dom_change"] = summarize(changed[name])
            out[name]["exceptions"] = exceptions_on(page)
            out[name]["value_after"] = slider.get_attribute("aria-valuetext") or slider.input_value()
            log(f"latency {name}: shown {fmt(out[name])}; DOM change {fmt(out[name]['dom_change'])}")
    finally:
        for ctx, _, _ in pages.values():
            ctx.close()
    return out


def table(run: Run) -> list[dict[str, Any]]:
    d = run.data
    rows: list[dict[str, Any]] = []

    def row(
        measure: str,
        real: str,
        bare: str,
        r: float | None,
        target: str,
        met: bool | None,
        interval: tuple[float, float] | None = None,
    ) -> None:
        rows.append(
            {"measure": measure, "real": real, "bare": bare, "ratio": r, "target": target, "met": met}
            | ({"interval_90": list(interval)} if interval else {})
        )

    def timed(measure: str, real: dict | None, bare: dict | None, target: str) -> None:
        """A real/bare pair of timings; `target` is a TARGETS key (a ratio), or the words to print.
        Where both keep their samples (the (a) rows), the ratio's 90% interval goes with it."""
        r = ratio(real, bare)
        samples = (real or {}).get("samples"), (bare or {}).get("samples")
        interval = ratio_interval(*samples) if all(samples) else None
        if target in TARGETS:
            t = TARGETS[target]
            row(measure, fmt(real), fmt(bare), r, f"ratio <= {t}", None if r is None else r <= t, interval)
        else:
            row(measure, fmt(real), fmt(bare), r, target, None, interval)

    lat = d.get("latency_ms", {})
    timed(
        "(a) key press -> chart shows new figures (browser, to the first frame painted after them)",
        lat.get("real"),
        lat.get("bare"),
        "interaction_ratio",
    )
    timed(
        "(a) reference: the bare app with one small chart instead of its text line (any chart's floor)",
        lat.get(CHART_BARE.name),
        lat.get("bare"),
        "(reference)",
    )
    timed(
        "(a) reference: the real app against that one-chart bare app",
        lat.get("real"),
        lat.get(CHART_BARE.name),
        "(reference)",
    )
    timed(
        "(a) reference: key press -> the figures change in the page, before a frame shows them",
        lat.get("real", {}).get("dom_change"),
        lat.get("bare", {}).get("dom_change"),
        "(reference)",
    )
    at = d.get("apptest_ms", {})
    slowest = at.get("slowest")
    if slowest:
        timed(
            f"(b) full script run, AppTest, slowest topic (real: compare, topic={slowest})",
            at.get(f"real_{slowest}"),
            at.get("bare"),
            "apptest_ratio",
        )
    for key in at:
        if key.startswith("real_") and key != f"real_{slowest}":
            timed(
                f"(b) reference: AppTest, topic={key.removeprefix('real_')}",
                at[key],
                at.get("bare"),
                "(reference)",
            )
    st_ = d.get("start_to_first_page_ms", {})
    timed("(c) server start -> first page rendered", st_.get("real"), st_.get("bare"), "(none)")
    w = d.get("engine_pdf", {})
    if w and "pdf_warm_ms" in w:
        t = TARGETS["pdf_warm_ms"]
        warm = w["pdf_warm_ms"]
        row("(d) PDF summary, warm build", fmt(warm), "-", None, f"< {t:.0f} ms", warm["median"] < t)
        row(
            "(d) PDF summary, first build in a process",
            f"{w['pdf_first_ms']:.0f} ms",
            "-",
            None,
            "(reported)",
            None,
        )
    if w and "pdf_error" in w:
        row("(d) PDF summary", "failed (see notes)", "-", None, "< 1000 ms warm", False)
    if w and "engine_ms" in w:
        t = TARGETS["engine_ms"]
        eng = w["engine_ms"]
        row(
            "(d) engine evaluation per profile",
            fmt(eng, digits=2),
            "-",
            None,
            f"< {t:.0f} ms",
            eng["median"] < t,
        )
    mem = d.get("memory_mb", {})
    real_mem, floor_mem, bare_mem = mem.get("real"), mem.get("chart_floor"), mem.get("bare")
    t = TARGETS["memory_ratio_30"]
    if real_mem and floor_mem:
        for level in ("1", "10", "30"):
            if level not in real_mem or level not in floor_mem:
                continue
            real_mb, floor_mb = real_mem[level], floor_mem[level]
            r = real_mb / floor_mb if floor_mb else None
            row(
                f"(e) server RSS, {level} session(s), before any PDF (bare: chart floor)",
                f"{real_mb:.0f} MB",
                f"{floor_mb:.0f} MB",
                r,
                f"ratio <= {t}" if level == "30" else "(reported)",
                (r <= t) if (level == "30" and r is not None) else None,
            )
    if real_mem and bare_mem and "30" in real_mem and "30" in bare_mem:
        row(
            "(e) reference: server RSS, 30 sessions (bare: no chart libraries)",
            f"{real_mem['30']:.0f} MB",
            f"{bare_mem['30']:.0f} MB",
            real_mem["30"] / bare_mem["30"],
            "(reference)",
            None,
        )
    growth = "growth_per_session_mb"
    if real_mem and floor_mem and growth in real_mem and growth in floor_mem:
        row(
            "(e) RSS growth per session (1 -> 30; bare: chart floor)",
            f"{real_mem['growth_per_session_mb']:.2f} MB",
            f"{floor_mem['growth_per_session_mb']:.2f} MB",
            None,
            "(reported)",
            None,
        )
    pdf = d.get("first_pdf_download")
    if pdf and pdf.get("extra_mb") is not None:
        row(
            "(e) extra RSS of the first PDF download",
            f"+{pdf['extra_mb']:.0f} MB ({pdf['rss_before_mb']:.0f} -> {pdf['rss_after_mb']:.0f})",
            "-",
            None,
            "(reported)",
            None,
        )
        row(
            "(e) first PDF: click -> download (browser)",
            f"{pdf['click_to_download_ms']:.0f} ms",
            "-",
            None,
            "(reported)",
            None,
        )
    return rows


def _interval_text(interval: list[float] | None) -> str:
    return f" (90%: {interval[0]:.2f}-{interval[1]:.2f})" if interval else ""


def print_table(rows: list[dict[str, Any]]) -> str:
    head = ["measure", "real app", "bare app", "ratio", "target", "met"]
    body = [
        [
            r["measure"],
            r["real"],
            r["bare"],
            "-" if r["ratio"] is None else f"{r['ratio']:.2f}x" + _interval_text(r.get("interval_90")),
            r["target"],
            {True: "yes", False: "NO", None: "-"}[r["met"]],
        ]
        for r in rows
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *body, strict=True)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(str(c).ljust(w) for c, w in zip(b, widths, strict=True)) for b in body]
    return "\n".join(lines)


PHASES = ("engine", "apptest", "start", "memory", "latency", "pdf")


def browser_phases(run: Run, phases: tuple[str, ...], specs: list[AppSpec], logdir: Path) -> None:
    """(c), (e), (a) and the first PDF download, on one pair of servers and one browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        run.data["machine"]["chromium"] = browser.version
        try:
            if "memory" not in phases:  # the chart floor serves the memory phase only
                specs = [s for s in specs if s.name != FLOOR.name]
            if "start" in phases:
                log("(c) server start -> first page")
                keep = bench_start_and_sessions(run, specs, logdir, browser)
            else:
                keep = {}
                for spec in specs:
                    server = Server(spec, logdir)
                    server.start()
                    keep[spec.name] = (server, open_ready(browser, server)[0])
            if "memory" in phases:
                log("(e) memory with 1, 10, 30 sessions, one server at a time")
                bench_memory(run, keep, browser)
            floor = keep.pop(FLOOR.name, None)
            if floor is not None:  # not needed any more: its CPU and memory back to the others
                floor[1].close()
                floor[0].stop()
            if "latency" in phases:
                log("(a) interaction latency, the apps in turn")
                servers = {name: server for name, (server, _) in keep.items()}
                chart_bare = Server(CHART_BARE, logdir)  # (a) only: started here, stopped by stop_all
                chart_bare.start()
                servers[CHART_BARE.name] = chart_bare
                run.data["latency_ms"] = bench_latency(run, servers, browser)
                chart_bare.stop()
            if "pdf" in phases:
                with phase(run, "(e) first PDF download"):
                    bench_pdf_download(run, keep["real"][0], browser)
        finally:
            browser.close()


@contextlib.contextmanager
def phase(run: Run, name: str) -> Any:
    """One phase: a failure is noted (its first line) and the run goes on to the next phase."""
    log(name)
    try:
        yield
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        run.notes.append(f"{name}: stopped early: {type(exc).__name__}: {first}")
        log(f"{name}: stopped early: {type(exc).__name__}: {exc}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer samples (not for the README)")
    ap.add_argument("--profile", action="store_true", help="cProfile compare-page AppTest runs, then exit")
    ap.add_argument("--topic", default="fit", help="the topic --profile runs (default: fit)")
    ap.add_argument(
        "--only",
        help=f"comma-separated phases to run, of {','.join(PHASES)} (results go to a temp file unless --out)",
    )
    ap.add_argument("--out", help="results JSON (default: bench/results.json; --quick/--only: a temp file)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        n_profiles, n_pdf = (int(x) for x in args.worker.split(","))
        print(json.dumps(worker_engine_pdf(n_profiles, n_pdf)))
        return 0

    real, note = real_spec()
    from decision_aid.ui.nav import PAGES

    compare_page = next((p.path for p in PAGES if p.url_path == real.path), None)
    if args.profile:
        profile_compare(compare_page or PAGES[0].path, args.topic)
        return 0

    phases = PHASES if not args.only else tuple(p.strip() for p in args.only.split(",") if p.strip())
    unknown = [p for p in phases if p not in PHASES]
    if unknown:
        ap.error(f"unknown phase {unknown[0]!r}; choose from {', '.join(PHASES)}")
    partial = args.quick or bool(args.only)
    out_path = Path(
        args.out or (Path(tempfile.gettempdir()) / "hfs-bench-partial.json" if partial else RESULTS)
    )
    run = Run(quick=args.quick)
    if note:
        run.notes.append(note)
    run.data["machine"] = machine()
    run.data["date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    run.data["quick"] = args.quick
    query = "?" + urllib.parse.urlencode(MEASURED)
    run.data["pages"] = {"real": "/" + real.path + query, "bare": "/" + query}
    run.data["phases"] = list(phases)
    run.data["load_average_at_start"] = os.getloadavg()

    signal.signal(signal.SIGTERM, _on_signal)
    atexit.register(stop_all)
    logdir = Path(tempfile.mkdtemp(prefix="hfs-bench-"))
    log(f"server logs in {logdir}")
    try:
        if "engine" in phases:
            with phase(run, "(d) engine and PDF, in a fresh process"):
                run.data["engine_pdf"] = w = run_worker(run.n(500, 100), run.n(8, 3))
                log(f"engine {fmt(w['engine_ms'], digits=2)}")
                if "pdf_error" in w:
                    run.notes.append(f"PDF build failed: {w['pdf_error'].splitlines()[0]}")
                else:
                    log(f"PDF first {w['pdf_first_ms']:.0f} ms, warm {fmt(w['pdf_warm_ms'])}")
        if "apptest" in phases:
            with phase(run, "(b) AppTest full runs"):
                run.data["apptest_ms"] = bench_apptest(run.n(15, 4), compare_page)
                for k, v in run.data["apptest_ms"].items():
                    log(f"  {k}: {fmt(v) if isinstance(v, dict) else v}")
        if any(p in phases for p in ("start", "memory", "latency", "pdf")):
            with phase(run, "browser phases"):
                browser_phases(run, phases, [real, BARE, FLOOR], logdir)
    finally:
        stop_all()

    rows = table(run)
    run.data["rows"] = rows
    run.data["notes"] = run.notes
    run.data["targets"] = TARGETS
    run.data["wall_s"] = round(time.monotonic() - run.t0, 1)
    run.data["load_average_at_end"] = os.getloadavg()
    text = print_table(rows)
    print()
    m = run.data["machine"]
    print(
        f"Machine: {m['nproc']} cores, {m['cpu']}, {m['ram_gib']} GiB RAM; Python {m['python']}, "
        f"Streamlit {m['streamlit']}, Chromium {m.get('chromium', '?')}"
    )
    print(
        f"Real app page: {run.data['pages']['real']}; bare app: bench/bare_app.py; "
        f"wall time {run.data['wall_s']} s"
    )
    print(text)
    for n_ in run.notes:
        print(f"note: {n_}")
    out_path.write_text(json.dumps(run.data, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
