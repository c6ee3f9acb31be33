"""deploy/ and compose.yaml agree with each other and say what the deployment promises.

No Docker engine runs here, so compose.yaml is read, not run: three identical app services from
the Dockerfile's image with health checks on Streamlit's /_stcore/health, a proxy built from
deploy/nginx.Dockerfile with deploy/nginx.conf (the file `make test-deploy` runs unchanged),
app-servers.conf written by deploy/app_servers.py for exactly the app services' addresses, and
nginx listening on the port compose publishes. `nginx -t` checks the compose configuration.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from .conftest import require_nginx
from .stack import DEPLOY, NGINX, ROOT, SHARED_FILES, app_servers_module

COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
NGINX_CONF = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
HEADERS = (DEPLOY / "security-headers.conf").read_text(encoding="utf-8")
APP_PORT = 8501


def _apps() -> dict[str, dict]:
    return {name: s for name, s in COMPOSE["services"].items() if name != "proxy"}


def _address(service: dict) -> str:
    return service["networks"]["hfs"]["ipv4_address"]


def _location(path_pattern: str) -> str:
    """The body of the nginx.conf location whose line matches `path_pattern` (a regex)."""
    match = re.search(r"location\s+" + path_pattern + r"\s*\{(.*?)\n        \}", NGINX_CONF, re.S)
    assert match, f"no location {path_pattern} in deploy/nginx.conf"
    return match.group(1)


def test_three_identical_app_services_with_health_checks():
    apps = _apps()
    assert len(apps) == 3
    without_address = [{k: v for k, v in s.items() if k != "networks"} for s in apps.values()]
    assert all(s == without_address[0] for s in without_address), "the app services differ"
    first = without_address[0]
    assert first["build"] == "." and (ROOT / "Dockerfile").exists()
    assert first["healthcheck"]["test"] == ["CMD", "python", "/app/docker/healthcheck.py"]
    assert "/_stcore/health" in (ROOT / "docker" / "healthcheck.py").read_text(encoding="utf-8")
    assert "ports" not in first, "app servers must be reached only through the proxy"
    assert len({_address(s) for s in apps.values()}) == 3


def test_proxy_waits_for_healthy_apps_and_publishes_its_listen_port():
    proxy = COMPOSE["services"]["proxy"]
    assert proxy["build"] == {"context": "./deploy", "dockerfile": "nginx.Dockerfile"}
    assert proxy["depends_on"] == {name: {"condition": "service_healthy"} for name in _apps()}
    (published,) = proxy["ports"]
    container_port = published.split(":")[-1]
    listen = (DEPLOY / "listen.conf").read_text(encoding="utf-8")
    assert re.search(rf"^listen {container_port};$", listen, re.M), listen


def test_app_servers_conf_is_the_generator_output_for_the_compose_addresses():
    servers = [f"{_address(s)}:{APP_PORT}" for s in _apps().values()]
    expected = app_servers_module().render(servers)
    assert (DEPLOY / "app-servers.conf").read_text(encoding="utf-8") == expected


def test_nginx_image_copies_every_file_nginx_conf_includes():
    dockerfile = (DEPLOY / "nginx.Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM debian:bookworm", dockerfile, re.M)
    assert "apt-get install -y --no-install-recommends nginx" in dockerfile
    (copy_line,) = [line for line in dockerfile.splitlines() if line.startswith("COPY ")]
    copied = set(copy_line.split()[1:-1])
    included = set(re.findall(r"^\s*include\s+([\w.-]+);", NGINX_CONF + HEADERS, re.M))
    assert included | set(SHARED_FILES) <= copied, (included, copied)


def test_nginx_conf_promises():
    stream = _location(r"= /_stcore/stream")
    assert "proxy_set_header Upgrade $http_upgrade;" in stream
    assert "proxy_set_header Connection $connection_upgrade;" in stream
    assert "return 404;" in _location(r"= /_stcore/metrics")
    host_config = _location(r"= /_stcore/host-config")
    assert '"allowedOrigins":[]' in host_config and "proxy_pass" not in host_config
    assert "proxy_pass http://hfs_any;" in _location(r"= /_stcore/health")
    # Every location gets the security headers (add_header in a location hides the server's).
    assert NGINX_CONF.count("location ") == NGINX_CONF.count("include security-headers.conf;")
    assert "frame-ancestors 'none'" in HEADERS and 'X-Frame-Options "DENY"' in HEADERS
    assert "client_max_body_size" in NGINX_CONF and "large_client_header_buffers" in NGINX_CONF
    # Static files are gzipped (tests/deploy/test_http.py); never JSON, which is how a patient's
    # summary downloads, beside what they typed (BREACH).
    (types,) = re.findall(r"^\s*gzip_types ([^;]+);", NGINX_CONF, re.M)
    assert "application/javascript" in types.split() and "json" not in types


def test_logs_cannot_hold_answers():
    # The link's query string holds the answers: the log format has the path only.
    (fmt,) = re.findall(r"log_format hfs_no_answers (.*?);", NGINX_CONF, re.S)
    leaks = ("$request ", '$request"', "$request_uri", "$args", "$query_string", "$http_referer", "$arg_")
    for leak in leaks:
        assert leak not in fmt, leak
    assert "$uri" in fmt
    assert re.search(r"^error_log \S+ crit;$", NGINX_CONF, re.M)
    assert re.findall(r"access_log\s+(\S+)", NGINX_CONF) == ["logs/access.log"]


@pytest.mark.parametrize(
    "servers",
    [[], ["127.0.0.1:1", "127.0.0.1:1"], ["127.0.0.1"], ["a b:1"], ["x;y:1"]],
    ids=["none", "repeated", "no-port", "space", "semicolon"],
)
def test_generator_refuses_a_bad_list(servers):
    with pytest.raises(ValueError):
        app_servers_module().render(servers)


def test_nginx_accepts_the_compose_configuration(tmp_path):
    require_nginx()
    for name in (*SHARED_FILES, "app-servers.conf", "listen.conf"):
        shutil.copyfile(DEPLOY / name, tmp_path / name)
    for sub in ("logs", "temp"):
        (tmp_path / sub).mkdir()
    done = subprocess.run(
        [
            NGINX,
            "-t",
            "-q",
            "-p",
            f"{tmp_path}/",
            "-c",
            str(tmp_path / "nginx.conf"),
            "-e",
            str(tmp_path / "logs" / "startup.log"),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr


def test_every_pool_shares_its_marks_across_workers_and_keeps_them_3_s():
    """The wait in a rolling restart (README) holds only if a server found back by one of
    nginx's workers is back for all of them, and if backups keep their marks no longer."""
    conf = app_servers_module().render(["127.0.0.1:1", "127.0.0.1:2"])
    pools = re.findall(r"^upstream (\S+) \{\n(.*?)^\}", conf, re.M | re.S)
    assert [name for name, _ in pools] == ["hfs_any", "hfs_s1", "hfs_s2"]
    for name, body in pools:
        assert re.search(rf"^    zone {name} \d+k;$", body, re.M), body
        servers = re.findall(r"^    server (.*);$", body, re.M)
        assert len(servers) == 2 and all(s.endswith(" max_fails=1 fail_timeout=3s") for s in servers), body
