"""A dataset that cannot be used gives a plain error page naming the file and the problems."""

from __future__ import annotations

from decision_aid.evidence import cached_evidence
from decision_aid.ui.state import EVIDENCE_ENV

from .conftest import open_app


def test_broken_dataset_shows_plain_error(tmp_path, monkeypatch):
    bad = tmp_path / "broken.yaml"
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
    assert str(bad) in shown and "not valid YAML" in shown
