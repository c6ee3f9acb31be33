"""The running proxy (deploy/nginx.conf) answers as it promises, request by request.

Each check is made through nginx and, where it shows the proxy does the work, straight at an
app server too: Streamlit itself still serves /_stcore/metrics to anyone who reaches it.
"""

from __future__ import annotations

import gzip
import http.client
import json
import re

import pytest

from .stack import Stack, _wait, get

SECURITY_HEADERS = {
    "content-security-policy": "frame-ancestors 'none'",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def _has_security_headers(headers: dict[str, str]) -> list[str]:
    return [name for name, want in SECURITY_HEADERS.items() if want not in headers.get(name, "")]


def test_metrics_are_not_served_through_the_proxy(stack: Stack):
    direct = get(f"http://{stack.apps[0].address}/_stcore/metrics")
    assert direct[0] == 200 and b"session" in direct[2], "Streamlit no longer serves metrics: rethink"
    status, headers, body = get(stack.url + "_stcore/metrics")
    assert status == 404 and b"session" not in body
    assert _has_security_headers(headers) == []


def test_host_config_lists_no_allowed_origin(stack: Stack):
    for url in (stack.url, f"http://{stack.apps[0].address}/"):  # the proxy's answer, and the app's
        status, _, body = get(url + "_stcore/host-config")
        assert status == 200
        assert json.loads(body)["allowedOrigins"] == [], url


@pytest.mark.parametrize(
    "path", ["", "compare?relief=3", "_stcore/health", "no/such/page", "_stcore/metrics"]
)
def test_every_answer_forbids_framing(stack: Stack, path: str):
    status, headers, _ = get(stack.url + path)
    assert status in (200, 404)
    assert _has_security_headers(headers) == [], headers
    assert headers.get("server") == "nginx", "the server header names a version"


def _app_script(stack: Stack) -> str:
    """The path of the first script the app's page loads (`static/js/...`)."""
    _, _, page = get(stack.url)
    script = re.search(rb'src="\.?/?(static/js/[^"]+\.js)"', page)
    assert script, "no script in the app's page"
    return script.group(1).decode()


def test_a_static_file_forbids_framing_too(stack: Stack):
    status, headers, _ = get(stack.url + _app_script(stack))
    assert status == 200 and _has_security_headers(headers) == []


def test_scripts_come_compressed_through_the_proxy(stack: Stack):
    # Streamlit's server sends its scripts uncompressed; a phone on a slow network waited for
    # about 3.8 MB of them on a first visit. Through the proxy they come gzipped, whole.
    path = _app_script(stack)
    _, direct_headers, plain = get(f"http://{stack.apps[0].address}/{path}")
    assert "content-encoding" not in direct_headers, "Streamlit compresses now: rethink nginx's gzip"
    status, headers, body = get(stack.url + path, headers={"Accept-Encoding": "gzip"})  # as browsers ask
    assert status == 200 and headers.get("content-encoding") == "gzip", headers
    assert "accept-encoding" in headers.get("vary", "").lower()
    assert gzip.decompress(body) == plain and len(body) < len(plain) / 2
    assert _has_security_headers(headers) == []


def _raw(stack: Stack, method: str, path: str, body: bytes = b"") -> int:
    conn = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=10)
    try:
        conn.request(method, path, body=body or None, headers={"Content-Type": "application/octet-stream"})
        return conn.getresponse().status
    finally:
        conn.close()


def test_request_size_limits(stack: Stack):
    assert _raw(stack, "GET", "/compare?note=" + "a" * 20_000) == 200  # the longest link the CLI reads
    assert _raw(stack, "GET", "/compare?note=" + "a" * 40_000) == 414  # past the 32 KB request line
    assert _raw(stack, "POST", "/_stcore/health", b"x" * 100_000) == 413  # past the 64 KB body


def test_route_cookie_sends_a_browser_to_its_server(stack: Stack):
    status, headers, _ = get(stack.url + "about")
    assert status == 200
    cookie = headers.get("set-cookie", "")
    assert re.fullmatch(r"hfs_route=s[123]; Path=/; HttpOnly; SameSite=Lax", cookie), cookie
    log = stack.access_log
    for i, app in enumerate(stack.apps):
        before = log.read_text()
        conn = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=10)
        conn.request("GET", f"/situation?route-check={i}", headers={"Cookie": f"hfs_route=s{i + 1}"})
        response = conn.getresponse()
        response.read()
        conn.close()
        assert response.status == 200
        # nginx writes the access-log line after it has sent the response: wait for the line.
        line, start = f'upstream="{app.address}"', len(before)
        try:
            _wait(lambda line=line, start=start: line in log.read_text()[start:], line, 10)
        except RuntimeError:
            pytest.fail(f"{line} not logged: {log.read_text()[len(before) :]!r}")


def test_the_access_log_has_no_answers(stack: Stack):
    """The log lines of both requests are checked, once written: nginx writes a line after it
    has sent the response, so the second request's line could still be on its way."""
    marker = "HTTPLOG-7319"
    log = stack.access_log
    start = len(log.read_text())
    assert get(stack.url + f"priorities?relief=9&note={marker}")[0] == 200
    assert get(stack.url + "no-such-page?note=" + marker)[0] == 200  # Streamlit answers unknown paths
    lines = ('"GET /priorities', '"GET /no-such-page')  # each request's line, however it ends
    try:
        _wait(lambda: all(line in log.read_text()[start:] for line in lines), " and ".join(lines), 10)
    except RuntimeError:
        pytest.fail(f"{lines} not logged: {log.read_text()[start:]!r}")
    written = log.read_text()[start:]
    assert all(f'{line}" 200' in written for line in lines), written  # the path alone
    logs = stack.logs()
    leaked = [name for name, text in logs.items() if marker in text or "relief=9" in text]
    assert leaked == []
