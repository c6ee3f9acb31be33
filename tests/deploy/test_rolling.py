"""A rolling restart as fast as README allows never leaves the proxy without a server.

Each app server in turn stops and starts again, and the next one stops as soon as the proxy
sends requests to the restarted one again (`Stack.wait_in_rotation`, the wait README asks for).
Two servers are up at every moment, so every request through the proxy must be answered, all
the while: /_stcore/health (pool hfs_any), asked by several threads at once, and a page file
asked with each server's route cookie (its own pool, where the others are backups). nginx marks
a server that refused a connection as down in each pool for fail_timeout; when those marks
outlast the restarts, every server of a pool can be marked down at once and nginx answers 502
("no live upstreams") though two are up.
"""

from __future__ import annotations

import re
import threading

from .stack import Poller, Stack, app_servers_module

ROUNDS = 2
HEALTH_POLLERS = 4
POLL_EVERY_S = 0.02  # many requests, so that each of nginx's workers sees every stop
ROUTE_POLL_EVERY_S = 0.05


def test_rolling_restarts_keep_every_pool_answering_through_the_proxy(stack: Stack) -> None:
    log_before = stack.access_log.stat().st_size
    routes = [app_servers_module().route_name(i) for i in range(len(stack.apps))]
    pollers = [Poller(stack.url + "_stcore/health", every_s=POLL_EVERY_S) for _ in range(HEALTH_POLLERS)]
    pollers += [
        Poller(stack.url + "favicon.png", ROUTE_POLL_EVERY_S, {"Cookie": f"hfs_route={r}"}, want_body=None)
        for r in routes
    ]
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
    failures = {p.url + str(p.headers): p.failures for p in pollers if p.failures}
    assert all(p.ok > 0 for p in pollers)
    assert failures == {}, {k: (len(v), v[:2]) for k, v in failures.items()}
    # The polls did reach stopped servers: nginx tried one, then answered from another.
    with open(stack.access_log, "rb") as f:
        f.seek(log_before)
        log = f.read().decode(errors="replace")
    for path in ("_stcore/health", "favicon.png"):
        retried = re.findall(rf'"GET /{re.escape(path)}" 200 .* upstream="[^",]+, [^"]+"', log)
        assert len(retried) >= len(stack.apps), f"no request for /{path} ever met a stopped server"
