"""Container HEALTHCHECK: exit 0 when Streamlit's health endpoint answers "ok".

The slim image has no curl, so this uses the standard library. It follows the server's
STREAMLIT_SERVER_PORT (default 8501) and STREAMLIT_SERVER_ADDRESS; when the server listens
on all interfaces (0.0.0.0, the image's setting) it asks over loopback.
"""

import os
import sys
import urllib.request

port = os.environ.get("STREAMLIT_SERVER_PORT") or "8501"
host = os.environ.get("STREAMLIT_SERVER_ADDRESS") or "127.0.0.1"
if host in ("0.0.0.0", "::"):
    host = "127.0.0.1"
url = f"http://{host}:{port}/_stcore/health"
try:
    with urllib.request.urlopen(url, timeout=4) as resp:
        ok = resp.status == 200 and resp.read().strip() == b"ok"
except OSError as exc:
    print(f"healthcheck: {url}: {exc}", file=sys.stderr)
    ok = False
sys.exit(0 if ok else 1)
