"""The clinic deployment (issue 6): the Dockerfile and its entry command.

No Docker engine runs here, so this tests what can be tested without one:
- the Dockerfile's promises, read from the file: slim Python base, non-root user,
  HEALTHCHECK without curl on Streamlit's health endpoint, EXPOSE 8501, telemetry off,
  listening on all interfaces in the container, the runtime lock only (hash-checked), no
  `playwright install`, the dataset path in the variable the app reads;
- the image's entry command run from a clean copy of what the Dockerfile COPYs (files as
  git would commit them), with the environment the Dockerfile sets: the server becomes
  healthy, the HEALTHCHECK command passes, and the first page renders without an error;
- a broken or missing dataset in HFS_EVIDENCE_PATH: the entry command exits non-zero and
  names the file before any server starts.

In the test the server listens on 127.0.0.2 (loopback) rather than the image's 0.0.0.0:
that still proves the environment overrides the 127.0.0.1 pinned in config.toml.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from devkit.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium
from devkit.server import ServerStartError, free_port, health_ok, start, stop_group

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
IMAGE_APP_DIR = "/app"
TEST_HOST = "127.0.0.2"  # loopback, and not config.toml's 127.0.0.1
START_TIMEOUT_S = 60.0


# ----------------------------------------------------------------------------- Dockerfile


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        full = (pending + stripped).strip()
        pending = ""
        word, _, rest = full.partition(" ")
        out.append((word.upper(), rest.strip()))
    assert not pending, "Dockerfile ends with a line continuation"
    return out


def args_of(name: str) -> list[str]:
    return [rest for word, rest in instructions() if word == name]


def env_of_dockerfile() -> dict[str, str]:
    env: dict[str, str] = {}
    for rest in args_of("ENV"):
        for item in shlex.split(rest):
            key, sep, value = item.partition("=")
            assert sep, f"use ENV KEY=value, not the legacy form: {rest}"
            env[key] = value
    return env


def exec_form(rest: str) -> list[str]:
    value = json.loads(rest)
    assert isinstance(value, list) and all(isinstance(v, str) for v in value), rest
    return value


def test_base_image_is_slim_python_311():
    (base,) = args_of("FROM")
    assert re.fullmatch(r"python:3\.11(\.\d+)?-slim(-\w+)?( AS \w+)?", base, re.IGNORECASE), base


def test_runs_as_a_non_root_user():
    users = args_of("USER")
    assert users, "no USER instruction: the app would run as root"
    final = users[-1].split(":")[0]
    assert final not in ("root", "0"), final
    words = [w for w, _ in instructions()]
    assert words.index("USER") < words.index("ENTRYPOINT"), "USER must come before the entry command"
    assert any(re.search(rf"useradd\b.*\b{re.escape(final)}$", r) for r in args_of("RUN")), "user not created"


def test_healthcheck_uses_python_on_the_health_endpoint():
    (check,) = args_of("HEALTHCHECK")
    assert "CMD" in check and not re.search(r"\b(curl|wget)\b", check), check
    cmd = exec_form(check.split("CMD", 1)[1].strip())
    assert cmd[0] == "python", cmd
    script = ROOT / cmd[1].removeprefix(IMAGE_APP_DIR + "/")
    text = script.read_text(encoding="utf-8")
    assert "/_stcore/health" in text and "127.0.0.1" in text and "STREAMLIT_SERVER_PORT" in text


def test_exposes_8501_and_listens_on_all_interfaces():
    assert "8501" in " ".join(args_of("EXPOSE")).split()
    env = env_of_dockerfile()
    assert env["STREAMLIT_SERVER_PORT"] == "8501"
    assert env["STREAMLIT_SERVER_ADDRESS"] == "0.0.0.0"  # config.toml pins 127.0.0.1 for local use


def test_telemetry_off_twice():
    assert env_of_dockerfile()["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] == "false"
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert any(".streamlit" in c.split()[0] for c in args_of("COPY")), "config.toml not copied"


def runtime_lock() -> str:
    """The runtime lock the Makefile installs (RUNTIME_LOCK := ...)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (name,) = re.findall(r"^RUNTIME_LOCK\s*:=\s*(\S+)", makefile, re.MULTILINE)
    return name


def test_installs_the_runtime_lock_with_hashes_only():
    # The image gets the versions CI tested, hash-checked, like `make`: not the loose bounds.
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert "playwright install" not in text
    lock = runtime_lock()
    installs = [r for r in args_of("RUN") if "pip install" in r]
    assert installs, "no pip install in the Dockerfile"
    for run in installs:
        files = re.findall(r"(?:-r|--requirement)[ =](\S+)", run)
        assert files == [lock], run
        assert "--require-hashes" in run.split(), run
    assert any(c.split()[0] == lock for c in args_of("COPY")), f"{lock} is not copied"
    assert not any("requirements.txt" in c for c in args_of("COPY"))
    pinned = (ROOT / lock).read_text(encoding="utf-8").lower()
    for dev_only in ("playwright", "pytest", "ruff"):
        assert not re.search(rf"^{dev_only}==", pinned, re.MULTILINE), f"{dev_only} in the runtime lock"


def test_dataset_path_is_the_variable_the_app_reads():
    from decision_aid.ui.state import EVIDENCE_ENV

    env = env_of_dockerfile()
    assert env.get(EVIDENCE_ENV) == f"{IMAGE_APP_DIR}/data/hfs_evidence.yaml", (EVIDENCE_ENV, env)
    entry = (ROOT / "docker" / "entrypoint.sh").read_text(encoding="utf-8")
    assert EVIDENCE_ENV in entry
    assert entry.index("decision_aid check") < entry.index("streamlit run"), "check before serving"


def test_dockerignore_keeps_the_context_clean():
    ignored = {line.strip() for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()}
    for entry in (".git", ".venv", "tests", ".pytest_cache", ".hypothesis", "test-results", "**/__pycache__"):
        assert entry in ignored, entry


# ----------------------------------------------------------------------------- entry command


def copied_sources() -> list[str]:
    """Source paths of the COPY instructions (repository-relative)."""
    sources = []
    for rest in args_of("COPY"):
        parts = [p for p in rest.split() if not p.startswith("--")]
        sources += [p.rstrip("/") for p in parts[:-1]]
    return sources


def repo_files() -> list[str]:
    """Files as a commit would hold them: tracked plus new files that are not ignored."""
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    names = [n for n in out.stdout.decode().split("\0") if n]
    return [n for n in names if (ROOT / n).is_file()]  # skip files deleted in the work tree


@pytest.fixture(scope="module")
def image_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the image's /app holds: the COPY sources, taken from a clean file list."""
    app = tmp_path_factory.mktemp("image") / "app"
    sources = copied_sources()
    for name in repo_files():
        if any(name == s or name.startswith(s + "/") for s in sources):
            target = app / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target)
    needed_files = (
        "streamlit_app.py",
        "docker/entrypoint.sh",
        "data/hfs_evidence.yaml",
        ".streamlit/config.toml",
    )
    for needed in needed_files:
        assert (app / needed).is_file(), f"{needed} is not in the image (COPY lines or git)"
    assert not (app / "tests").exists() and not (app / ".venv").exists()
    return app


def container_env(app: Path, **overrides: str) -> dict[str, str]:
    """The Dockerfile's ENV with /app mapped to the copy, this venv's python first on PATH."""
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "LANG": "C.UTF-8",
    }
    for key, value in env_of_dockerfile().items():
        if value == IMAGE_APP_DIR or value.startswith(IMAGE_APP_DIR + "/"):
            value = str(app) + value[len(IMAGE_APP_DIR) :]
        env[key] = value
    env["HOME"] = str(app.parent / "home")
    Path(env["HOME"]).mkdir(exist_ok=True)
    env.update(overrides)
    return env


def entry_command(app: Path) -> list[str]:
    (entry,) = args_of("ENTRYPOINT")
    cmd = exec_form(entry)
    assert cmd[0].startswith(IMAGE_APP_DIR + "/"), cmd
    return ["sh", str(app / cmd[0].removeprefix(IMAGE_APP_DIR + "/")), *cmd[1:]]


@pytest.fixture(scope="module")
def served(image_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict, Path]]:
    port = free_port(TEST_HOST)
    env = container_env(image_tree, STREAMLIT_SERVER_ADDRESS=TEST_HOST, STREAMLIT_SERVER_PORT=str(port))
    log = tmp_path_factory.mktemp("entry") / "server.log"
    # Started from elsewhere on purpose: the entry command must find its own directory.
    try:
        server = start(
            entry_command(image_tree),
            port,
            host=TEST_HOST,
            cwd=image_tree.parent,
            env=env,
            log_path=log,
            timeout_s=START_TIMEOUT_S,
        )
    except ServerStartError as err:
        pytest.fail(f"the entry command did not serve the app: {err}", pytrace=False)
    try:
        yield server.url, env, log
    finally:
        server.stop()


def test_entry_command_serves_the_app_from_a_clean_copy(served):
    url, _, log = served
    text = log.read_text(errors="replace")
    assert "valid: version" in text, "the dataset was not checked before starting"
    assert f"{TEST_HOST}:" in text, "STREAMLIT_SERVER_ADDRESS did not override config.toml"
    with urllib.request.urlopen(url, timeout=5) as resp:
        assert resp.status == 200 and b"<html" in resp.read().lower()


def test_healthcheck_command_passes(served, image_tree):
    _, env, _ = served
    (check,) = args_of("HEALTHCHECK")
    cmd = exec_form(check.split("CMD", 1)[1].strip())
    script = str(image_tree / cmd[1].removeprefix(IMAGE_APP_DIR + "/"))
    ok = subprocess.run([sys.executable, script], env=env, capture_output=True, timeout=30)
    assert ok.returncode == 0, ok.stderr
    nobody = {**env, "STREAMLIT_SERVER_PORT": str(free_port(TEST_HOST))}
    down = subprocess.run([sys.executable, script], env=nobody, capture_output=True, timeout=30)
    assert down.returncode == 1, "the healthcheck passed with no server"


# Run in its own process: pytest-playwright's session-wide event loop (tests/e2e) would make
# the sync API refuse to start a second time inside this test process.
FIRST_PAGE_SCRIPT = """
import json
import sys
from playwright.sync_api import sync_playwright

url, chromium, args = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=chromium, args=args)
    try:
        page = browser.new_page()
        page.goto(url)
        done = '[data-testid="stApp"][data-test-script-state="notRunning"]'
        page.locator(done).wait_for(state="attached", timeout=45_000)
        if page.locator('[data-testid="stException"]').count():
            sys.exit("an exception is shown on the first page")
        print(page.locator('[data-testid="stMain"]').inner_text())
    finally:
        browser.close()
"""


def test_first_page_renders_with_the_mounted_dataset(served):
    require_chromium()  # missing in CI is a failure, locally a skip
    url, _, log = served
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAGE_SCRIPT, url, CHROMIUM, json.dumps(CHROMIUM_ARGS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:] + "\n" + log.read_text(errors="replace")[-3000:]
    body = done.stdout
    assert "evidence file has problems" not in body, body
    assert "hemifacial spasm" in body.lower(), body


@pytest.mark.parametrize("kind", ["broken", "missing"])
def test_bad_dataset_stops_the_entry_command(image_tree, tmp_path, kind):
    bad = tmp_path / "clinic_evidence.yaml"
    if kind == "broken":
        shipped = (image_tree / "data" / "hfs_evidence.yaml").read_text(encoding="utf-8")
        bad.write_text(shipped.replace("version:", "versoin:", 1), encoding="utf-8")
    port = free_port(TEST_HOST)
    env = container_env(
        image_tree,
        HFS_EVIDENCE_PATH=str(bad),
        STREAMLIT_SERVER_ADDRESS=TEST_HOST,
        STREAMLIT_SERVER_PORT=str(port),
    )
    proc = subprocess.Popen(
        entry_command(image_tree),
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=60)
    finally:
        stop_group(proc)
    stderr = err.decode(errors="replace")
    assert proc.returncode not in (0, None), "the entry command carried on with a bad dataset"
    assert "Traceback" not in stderr, stderr
    assert str(bad) in stderr, stderr
    if kind == "broken":
        assert "meta.versoin" in stderr or "meta.version" in stderr, stderr
    assert "Uvicorn server started" not in out.decode(errors="replace") + stderr
    assert not health_ok(port, TEST_HOST)
