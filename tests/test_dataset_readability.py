"""IPDAS asks that patient text be measured: the dataset's plain-language fields, per option."""

from __future__ import annotations

import pytest

from decision_aid.evidence import OPTION_IDS, load_evidence

from .readability import grade

EVIDENCE = load_evidence()
TARGET_GRADE = 8.0


def patient_text(option_id: str) -> str:
    o = EVIDENCE.options[option_id]
    parts = [
        o.summary,
        o.involves.text,
        o.onset.text,
        o.duration.text,
        o.burden.text.text,
        *(b.certainty_why for b in o.benefits),
        *(b.not_measured for b in o.benefits),
        *(f"{r.name}. {r.lasts}." for r in o.risks),
        *([o.label_warning.short, o.label_warning.text] if o.label_warning else []),
    ]
    return " ".join(parts)


@pytest.mark.parametrize("option_id", OPTION_IDS)
def test_option_text_reads_at_grade_8_or_below(option_id):
    assert grade(patient_text(option_id)) <= TARGET_GRADE


def test_cautions_read_at_grade_8_or_below():
    assert grade(" ".join(r.text for r in EVIDENCE.rules)) <= TARGET_GRADE


@pytest.mark.parametrize("rule", EVIDENCE.rules, ids=lambda r: r.id)
def test_each_caution_reads_at_grade_8_or_below(rule):
    """A patient often sees one caution alone, so each must be plain on its own."""
    assert grade(rule.text.replace("{name}", "this treatment")) <= TARGET_GRADE


def test_chances_no_treatment_and_measures_read_at_grade_8_or_below():
    chances = [
        c
        for _, o in EVIDENCE.ordered()
        for c in (o.recurrence, o.delayed_relief, o.reoperation, o.stopped_for_side_effects)
        if c
    ]
    nt = EVIDENCE.no_treatment
    parts = [
        *(c.text for c in chances),
        *(c.not_measured for c in chances),
        nt.summary,
        nt.involves.text,
        *(a.text for a in nt.involves_also),
        *([nt.figures_note.text] if nt.figures_note else []),
        *(f"{f.name}." for f in nt.figures),
        *(f"{m.label}. {m.definition}" for m in EVIDENCE.meta.measures.values()),
    ]
    assert grade(" ".join(parts)) <= TARGET_GRADE


def test_grade_tells_plain_from_dense_text():
    """The measure itself must be able to fail."""
    assert (
        grade(
            "Microvascular decompression necessitates suboccipital craniotomy under general "
            "anaesthesia with considerable postoperative convalescence."
        )
        > TARGET_GRADE
    )
