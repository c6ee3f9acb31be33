"""A rolling restart as fast as README allows never leaves the proxy without a server.

Each app server in turn stops and starts again, and the next one stops as soon as the proxy
sends requests to the restarted one again (`Stack.wait_in_rotation`, the wait README asks for).
Two servers are up at every moment, so /_stcore/health through the proxy, asked by several
threads at once all the while, must answer "ok" every time. nginx marks a server that refused
a connection as down in each pool for fail_timeout; when those marks outlast the restarts, every
server can be marked down at once and nginx answers 502 ("no live upstreams") though two are up.
"""

from __future__ import annotations

import re
import threading

from .stack import HealthPoller, Stack

ROUNDS = 2
POLLERS = 4
POLL_EVERY_S = 0.02  # many requests, so that each of nginx's workers sees every stop


def test_rolling_restarts_keep_health_ok_through_the_proxy(stack: Stack) -> None:
    log_before = len(stack.logs()["access.log"])
    pollers = [HealthPoller(stack.url + "_stcore/health", every_s=POLL_EVERY_S) for _ in range(POLLERS)]
    threads = [threading.Thread(target=p.run, daemon=True) for p in pollers]
    for t in threads:
        t.start()
    try:
        for _ in range(ROUNDS):
            for app in stack.apps:
                app.stop()
                app.start()
                app.wait_healthy()
                stack.wait_in_rotation(app)
    finally:
        for p in pollers:
            p.stop()
        for t in threads:
            t.join(timeout=30)
    failures = [f for p in pollers for f in p.failures]
    assert sum(p.ok for p in pollers) > 0
    assert failures == [], f"{len(failures)} answers were not ok, first: {failures[:3]}"
    # The polls did reach stopped servers: nginx tried one, then answered from another.
    log = stack.logs()["access.log"][log_before:]
    retried = re.findall(r'"GET /_stcore/health" 200 .* upstream="[^",]+, [^"]+"', log)
    assert len(retried) >= len(stack.apps), "no health request ever met a stopped server"
