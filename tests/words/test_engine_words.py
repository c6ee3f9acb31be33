"""The scale's value judgements in words (`decision_aid.words.engine`) against what the scoring does."""

from __future__ import annotations

from decision_aid import scoring
from decision_aid.engine import ANCHORS_TEXT
from decision_aid.evidence import load_evidence
from decision_aid.profile import parse_query
from decision_aid.words.common import PRIORITY_LABELS

MEDICINES = ("carbamazepine", "clonazepam", "baclofen", "gabapentin")


def test_the_side_effects_judgement_says_what_is_added_up():
    """The scoring adds up every passing side effect of an option: for medicines, those of four
    medicines no one takes all at once. The judgement said "for one year", which only the
    injections' figures are turned into, and nothing of the medicines being added up."""
    option = load_evidence().options["medication"]
    passing = [
        r
        for r in scoring.risks_used("medication", option, parse_query("").profile)
        if not r.serious_or_lasting
    ]
    named = {m for m in MEDICINES for r in passing if m in r.name.lower()}
    assert named == set(MEDICINES)  # so the sum is over all four
    (said,) = [t for t in ANCHORS_TEXT if t.startswith(PRIORITY_LABELS["side_effects"])]
    assert "of all four" in said and "for one year" not in said
    assert "a year of shots" in said
