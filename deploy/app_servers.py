"""Write nginx's app-servers.conf for a list of identical app servers (host:port each).

    python deploy/app_servers.py 172.30.0.11:8501 172.30.0.12:8501 172.30.0.13:8501 \\
        > deploy/app-servers.conf

It defines, for deploy/nginx.conf:
- ``hfs_any``: every server, round robin, for a browser's first request (no route cookie yet)
  and for the health check;
- ``hfs_s1``, ``hfs_s2``, ...: one pool per server, that server first and the others as
  backups, used only while it is down;
- ``$hfs_pool``: the pool the route cookie names (``hfs_any`` without a valid cookie);
- ``$hfs_served_by``: the route name of the server that answered (the last address nginx
  tried), which nginx.conf puts back into the cookie.

Servers are given by address, not by name: nginx reads ``$upstream_addr`` as an address, and
an address needs no name lookup when nginx starts. compose.yaml gives each app container a
fixed address; `make test-deploy` uses loopback ports. Standard library only.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

FAIL = "max_fails=1 fail_timeout=3s"
"""One refused connection takes a server out of a pool for 3 s (passive health check): long
enough not to try a stopped server on every request, short enough that a restarted one is back
soon. Backups too: nginx's default would be 10 s. Each pool keeps its own marks, so in a
rolling restart wait until the proxy sends a restarted server's requests to it again in both
of its pools, or 4 s after it is healthy (nginx counts in whole seconds), before stopping the
next; otherwise every server of hfs_any can be marked down at once, and the proxy answers 502
though servers are up (tests/deploy/stack.py, `Stack.wait_in_rotation`;
tests/deploy/test_rolling.py)."""
ZONE_SIZE = "64k"
"""Each pool's state lives in shared memory (`zone`), so all of nginx's workers see one set of
marks and one round robin: a server one worker found back is back for all of them."""
_ADDRESS = re.compile(r"^[0-9A-Za-z.\-]+:[0-9]{1,5}$")


def route_name(index: int) -> str:
    """The route cookie's value for the server at `index` (0-based): s1, s2, ..."""
    return f"s{index + 1}"


def render(servers: Sequence[str]) -> str:
    """The text of app-servers.conf for these servers (host:port, at least one, no repeats)."""
    if not servers:
        raise ValueError("at least one app server (host:port) is needed")
    if len(set(servers)) != len(servers):
        raise ValueError("an app server is listed twice")
    for s in servers:
        if not _ADDRESS.match(s):
            raise ValueError(f"not host:port: {s!r}")
    lines = [
        f"# Written by deploy/app_servers.py for {len(servers)} app servers: " + " ".join(servers),
        "# Do not edit by hand: run it again with the new list.",
        "",
        "upstream hfs_any {",
        f"    zone hfs_any {ZONE_SIZE};",
        *(f"    server {s} {FAIL};" for s in servers),
        "}",
    ]
    for i, own in enumerate(servers):
        pool = f"hfs_{route_name(i)}"
        lines += ["", f"upstream {pool} {{", f"    zone {pool} {ZONE_SIZE};", f"    server {own} {FAIL};"]
        lines += [f"    server {other} backup {FAIL};" for other in servers if other != own]
        lines.append("}")
    lines += ["", "map $cookie_hfs_route $hfs_pool {", "    default hfs_any;"]
    lines += [f"    {route_name(i)} hfs_{route_name(i)};" for i in range(len(servers))]
    lines += ["}", "", '# $upstream_addr lists every server tried ("a, b"); the last one answered.']
    lines += ["map $upstream_addr $hfs_served_by {", '    default "";']
    for i, s in enumerate(servers):
        lines.append(f'    "~(^|, ){re.escape(s)}$" {route_name(i)};')
    lines += ["}", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    try:
        sys.stdout.write(render(argv))
    except ValueError as err:
        print(f"app_servers.py: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
