"""The cautions, questions and page words a patient can read, gathered from where the app takes
them, for the review pack (which takes the dataset's own texts from the dataset).

The cautions are worded by the engine itself, for a situation that triggers each rule; the
questions come from `questions_to_ask` over situations that between them ask every one; the
pages' words from `decision_aid/words/pages/` and the words modules the pages share
(`SHARED_WORD_MODULES`: the shell, the compare page's topics and grid, the charts, the take-home
summary). Nothing is copied by hand, so what the clinicians sign off is what patients read.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

from pydantic import ValidationError

from decision_aid import engine
from decision_aid.evidence import Evidence, Rule
from decision_aid.profile import CHOICES, PRIORITIES, Profile
from decision_aid.questions import questions_to_ask
from decision_aid.words import pages as page_words_home

__all__ = ["PLACEHOLDER", "SHARED_WORD_MODULES", "caution_words", "every_question", "page_words"]

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
"""A part of a sentence filled in from the figures or the answers."""
IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
"""An answer's or a field's key beside its words in a words module (`sure_s`): code, not words."""


def _profile_for(rule: Rule, option_id: str) -> Profile | None:
    """A profile that triggers `rule` for `option_id`, so the engine words the caution itself."""
    values: dict[str, object] = {}
    for key, wanted in rule.when.items():
        if key in ("tried", "avoid"):
            values[key] = (option_id,)
        elif key == "age_at_least":
            values["age"] = wanted
        elif key == "age_not_at_least":
            values["age"] = None  # an age not given matches
        elif isinstance(wanted, list) and wanted:
            values[key] = wanted[0]
    for extra in ({}, {"tried": tuple({*values.get("tried", ()), "mvd"})}):
        try:
            return Profile(**{**values, **extra})
        except (ValidationError, TypeError):
            continue
    return None


def caution_words(evidence: Evidence, rule: Rule, option_id: str) -> str:
    """The caution as the patient reads it: the engine's text for a situation that triggers the
    rule; its own text, name filled, if it has `also` sentences (listed apart) or no such situation."""
    profile = _profile_for(rule, option_id)
    if profile is not None and not rule.also:
        for c in engine.cautions_for(evidence, option_id, profile):
            if c.rule == rule.id:
                return c.text
    return engine._fill_name(rule.text, evidence.options[option_id].sentence_name)


def _question_profiles(evidence: Evidence) -> list[Profile]:
    """Situations that between them trigger every question the app can ask: each choice on a
    neutral and on a surgery-in-play base, each priority high, each treatment tried or
    leaned towards, local figures, and each rule's own situation."""
    bases = [{}, {"anesthesia": "fit", "mri": "vessel", "cause": "vascular"}]
    varied: list[dict[str, object]] = [{}]
    for key, values in CHOICES.items():
        varied += [{key: v} for v in values]
    varied += [{p: 10} for p in PRIORITIES]
    varied += [{"tried": (oid,)} for oid in evidence.options]
    varied += [{"mvd_success": 90.0}, {"mvd_hearing_loss": 2.0}]
    profiles = []
    for base in bases:
        for change in varied:
            try:
                profiles.append(Profile(**{**base, **change}))
            except (ValidationError, TypeError):
                continue
    for rule in evidence.rules:
        for oid in rule.options:
            p = _profile_for(rule, oid)
            if p is not None:
                profiles.append(p)
    return profiles


def every_question(evidence: Evidence) -> list[str]:
    """Every question `questions_to_ask` can put to the care team, in order of first appearance."""
    out: dict[str, None] = {}
    for profile in _question_profiles(evidence):
        for q in questions_to_ask(evidence, engine.evaluate(evidence, profile)):
            out.setdefault(q)
    return list(out)


def _texts(value: object) -> list[str]:
    """The strings in a words module's constant: a string, or those in a dict, tuple or list."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, tuple | list):
        return [t for v in value for t in _texts(v)]
    return []


SHARED_WORD_MODULES = ("common", "app", "profile", "topics", "grid", "charts", "report")
"""The words modules outside `words/pages/` that a patient reads too: the words several places
share (first, so a module that imports them does not list them as its own), the app's shell and
notices, the answers' notices, the compare page's topics, the at-a-glance grid, the charts and
their text alternatives, and the take-home summary."""


def page_words() -> dict[str, list[str]]:
    """The words a patient can read, from where the app takes them: each page's module
    (`decision_aid/words/pages/`), then the shared ones (`SHARED_WORD_MODULES`). Each text once,
    under the first module that holds it, with each part filled in from the figures or the
    answers shown as '…'."""
    names = [f"{page_words_home.__name__}.{i.name}" for i in pkgutil.iter_modules(page_words_home.__path__)]
    names += [f"decision_aid.words.{name}" for name in SHARED_WORD_MODULES]
    out: dict[str, list[str]] = {}
    seen: set[str] = set()
    for module_name in names:
        module = importlib.import_module(module_name)
        found: dict[str, None] = {}
        for name, value in vars(module).items():
            if not name.isupper():
                continue
            for text in _texts(value):
                text = " ".join(PLACEHOLDER.sub("…", text).replace("**", "").split())  # bold is not read
                # not a layout such as '…: …', nor a key paired with its words ('sure_s')
                if any(ch.isalpha() for ch in text) and not IDENTIFIER.fullmatch(text) and text not in seen:
                    found.setdefault(text)
                    seen.add(text)
        out[module_name.rpartition(".")[2]] = list(found)
    return out
