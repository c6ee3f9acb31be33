"""Only a regular file of at most MAX_DATASET_BYTES is read as a dataset, and anything else is
refused at once with one line.

Before, `check` (and the container's entry command, which runs it on the mounted dataset) read
whatever the path named to the end: /dev/zero grew to 7.8 GB in 5 seconds, and a FIFO or
/dev/urandom hung forever. Each case here is refused within a second; the FIFO one runs in a
thread that the test unblocks itself if the loader ever waits for a writer again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from decision_aid import cli
from decision_aid.evidence import DEFAULT_DATASET, MAX_DATASET_BYTES, DatasetError, load_evidence

WITHIN_S = 1.0


def _check(path: Path | str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str, float]:
    start = time.monotonic()
    code = cli.main(["check", str(path)])
    elapsed = time.monotonic() - start
    out, err = capsys.readouterr()
    return code, out, err, elapsed


def _refused(path: Path | str, capsys: pytest.CaptureFixture[str], words: str) -> None:
    code, out, err, elapsed = _check(path, capsys)
    assert code == cli.EXIT_BAD_INPUT and out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith(f"{path}: (file): ") and words in line, line
    assert elapsed < WITHIN_S, f"took {elapsed:.2f} s"


def _big(tmp_path: Path) -> Path:
    path = tmp_path / "big.yaml"
    with open(path, "wb") as f:  # sparse: no disk space used
        f.truncate(MAX_DATASET_BYTES + 1)
    return path


CASES: dict[str, tuple[Callable[[Path], Path | str], str]] = {
    "dev-zero": (lambda _: "/dev/zero", "a device"),
    "dev-urandom": (lambda _: "/dev/urandom", "a device"),
    "directory": (lambda d: d, "a directory"),
    "too-big": (_big, f"larger than the limit of {MAX_DATASET_BYTES:,} bytes"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_check_refuses_at_once_with_one_line(case, tmp_path, capsys):
    make, words = CASES[case]
    _refused(make(tmp_path), capsys, words)


def test_a_fifo_does_not_hang(tmp_path, capsys):
    fifo = tmp_path / "evidence.yaml"
    os.mkfifo(fifo)
    done: dict[str, object] = {}

    def call() -> None:
        done["code"] = cli.main(["check", str(fifo)])

    worker = threading.Thread(target=call, daemon=True)
    start = time.monotonic()
    worker.start()
    worker.join(timeout=10)
    elapsed = time.monotonic() - start
    if worker.is_alive():  # it waits for a writer: give it one (and EOF) so the thread ends
        with open(fifo, "wb"):
            pass
        worker.join(timeout=10)
        pytest.fail("check waited on the FIFO for a writer")
    out, err = capsys.readouterr()
    assert done["code"] == cli.EXIT_BAD_INPUT and out == ""
    (line,) = err.strip().splitlines()
    assert "a named pipe (FIFO)" in line and str(fifo) in line
    assert elapsed < WITHIN_S, f"took {elapsed:.2f} s"


def test_the_loader_refuses_the_same_way(tmp_path):
    # The app and the container's entry command use load_evidence, not only `check`.
    with pytest.raises(DatasetError) as info:
        load_evidence(_big(tmp_path))
    assert info.value.problems == [
        f"{tmp_path / 'big.yaml'}: (file): larger than the limit of {MAX_DATASET_BYTES:,} bytes "
        f"(MAX_DATASET_BYTES): it has {MAX_DATASET_BYTES + 1:,} bytes"
    ]


def test_a_file_at_the_limit_is_read(tmp_path, capsys):
    text = DEFAULT_DATASET.read_bytes()
    padded = text + b"\n" + b"#" * (MAX_DATASET_BYTES - len(text) - 2) + b"\n"
    assert len(padded) == MAX_DATASET_BYTES
    path = tmp_path / "clinic.yaml"
    path.write_bytes(padded)
    code, out, err, _ = _check(path, capsys)
    assert code == cli.EXIT_OK, err
    assert "valid" in out


def test_a_symlink_to_a_regular_file_is_followed(tmp_path, capsys):
    link = tmp_path / "current.yaml"
    link.symlink_to(DEFAULT_DATASET)
    code, out, err, _ = _check(link, capsys)
    assert code == cli.EXIT_OK and "valid" in out, err


def test_missing_and_not_utf8_are_one_line(tmp_path, capsys):
    _refused(tmp_path / "nope.yaml", capsys, "No such file or directory")
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(b"meta: {title: caf\xe9}\n")
    _refused(latin1, capsys, "not UTF-8")


def test_check_help_states_the_limit(capsys):
    assert cli.main(["check", "--help"]) == cli.EXIT_OK
    assert f"{MAX_DATASET_BYTES:,} bytes" in " ".join(capsys.readouterr().out.split())


def test_the_container_entry_command_stops_at_once_on_a_wrong_mount(tmp_path):
    # docker/entrypoint.sh checks HFS_EVIDENCE_PATH before it starts the server: a mount of a
    # device or a FIFO must stop the container with the one line, not fill memory or hang.
    fifo = tmp_path / "evidence.yaml"
    os.mkfifo(fifo)
    root = Path(__file__).resolve().parent.parent
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    for mounted, words in (("/dev/zero", "a device"), (str(fifo), "a named pipe (FIFO)")):
        done = subprocess.run(
            ["sh", str(root / "docker" / "entrypoint.sh")],
            env={**os.environ, "PATH": path, "HFS_EVIDENCE_PATH": mounted},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2, done.stderr
        assert f"{mounted}: (file): cannot be read: {words}" in done.stderr
        assert "not starting" in done.stderr and "Uvicorn" not in done.stdout + done.stderr
