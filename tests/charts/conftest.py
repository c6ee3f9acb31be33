"""Fixtures of the chart tests: every builder once per session, a real result."""

from __future__ import annotations

import altair as alt
import pytest

from tests.charts.common import BUILDERS, build


@pytest.fixture(params=sorted(BUILDERS), ids=sorted(BUILDERS))
def built(request) -> tuple[str, alt.TopLevelMixin, dict]:
    return (request.param, *build(request.param))


@pytest.fixture(scope="module")
def result():
    from decision_aid.engine import evaluate
    from decision_aid.evidence import load_evidence
    from decision_aid.profile import Profile

    # The shipped dataset must be there: a missing file fails these tests (DatasetError names it).
    return evaluate(load_evidence(), Profile(relief=5))
