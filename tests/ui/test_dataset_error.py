"""A dataset that cannot be used gives a plain error page naming the file and the problems;
the folders it lies in go only to the server's log."""

from __future__ import annotations

import pytest

from decision_aid.evidence import cached_evidence
from decision_aid.ui.state import EVIDENCE_ENV

from .conftest import open_app


@pytest.mark.parametrize(("kind", "problem"), [("broken", "not valid YAML"), ("missing", "No such file")])
def test_unusable_dataset_shows_plain_error(tmp_path, monkeypatch, caplog, kind, problem):
    bad = tmp_path / f"{kind}.yaml"
    if kind == "broken":
        bad.write_text("meta:\n  title: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv(EVIDENCE_ENV, str(bad))
    cached_evidence.cache_clear()
    try:
        at = open_app()
    finally:
        cached_evidence.cache_clear()
    assert not at.exception
    assert at.error and "evidence file has problems" in at.error[0].value
    shown = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert bad.name in shown and problem in shown, shown
    assert str(tmp_path) not in shown, "the error page shows where the server keeps its files"
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "decision_aid")
    assert str(bad) in logged and problem in logged, logged
