"""Plain words shared by the app, the PDF and the CLI, so a figure is phrased one way everywhere."""

from __future__ import annotations

PRIORITY_LABELS: dict[str, str] = {
    "relief": "Control of the spasm",
    "lasting": "A result that lasts without repeat treatment",
    "serious_risk": "Avoiding rare but serious or permanent harm",
    "side_effects": "Avoiding common side effects that pass",
    "burden": "Little time and effort (few visits, pills or weeks off)",
    "recovery": "No operation or general anaesthetic",
}

PRIORITY_WISH: dict[str, str] = {
    "relief": "your wish to control the spasm",
    "lasting": "your wish for a result that lasts",
    "serious_risk": "your wish to avoid serious or permanent harm",
    "side_effects": "your wish to avoid side effects that pass",
    "burden": "your wish to spend little time and effort on treatment",
    "recovery": "your wish to avoid an operation",
}

CERTAINTY_LABELS: dict[str, str] = {
    "high": "high: we are confident in this figure",
    "moderate": "moderate: the true figure is probably close",
    "low": "low: the true figure may be quite different",
    "very_low": "very low: this is an estimate; the true figure could be very different",
}

SITUATION_LABELS: dict[str, dict[str, str]] = {
    "cause": {
        "unknown": "Cause not known yet",
        "vascular": "A blood vessel pressing on the facial nerve",
        "bells_trauma": "After Bell's palsy or a face injury",
        "ms": "Multiple sclerosis (MS)",
    },
    "anesthesia": {"unsure": "Not sure", "fit": "Yes", "unfit": "No"},
    "mri": {
        "not_done": "No scan yet",
        "vessel": "Scan shows a blood vessel pressing on the nerve",
        "no_vessel": "Scan shows no blood vessel pressing on the nerve",
        "other_finding": "The scan found something else",
    },
    "pregnant": {"no": "No", "yes": "Yes, I am pregnant", "planning": "I am planning a pregnancy"},
    "blood_thinners": {"": "Not sure, or rather not say", "yes": "Yes", "no": "No"},
    "sides": {"one": "One side of my face", "both": "Both sides of my face"},
    "mvd_result": {
        "": "Not sure, or rather not say",
        "no_help": "It never helped",
        "came_back": "It helped, then the spasm came back",
    },
    "leaning": {
        "": "Not answered",
        "medication": "Medicines",
        "botulinum": "Botulinum toxin injections",
        "mvd": "MVD surgery",
        "no_treatment": "No treatment for now",
        "unsure": "Not sure yet",
    },
}
"""Each answer's value in words, keyed by the link's parameter name (app, PDF and CLI)."""

AGE_NOT_SAID = "Not said"

HOME_READING_GRADE = 6.1
"""US school grade (Flesch-Kincaid) of the text a patient reads in home mode, all five pages
together, as shown on the About page. tests/ui/test_readability.py measures it and fails when
this stated value is more than 0.5 away: update it from the test's message when the text changes."""

NOT_A_VERDICT = (
    "This is a summary of your answers, not medical advice. "
    "Many people with the same priorities choose differently."
)


def whole(x: float) -> int:
    """Round half up (88.5 -> 89): Python's round() would give 88."""
    return int(x + 0.5)


def _rare(x: float) -> str:
    """A chance under 1 in 100, on the next scale that shows it as whole people."""
    if x * 10 >= 0.5:
        return f"about {whole(x * 10)} out of 1,000"
    return f"about {max(1, whole(x * 100))} out of 10,000"


def per_100(x: float) -> str:
    """Natural frequency on the one denominator: '3 out of 100 people'.

    Chances under 1 in 100 keep the same denominator and add the per-1,000 (or 10,000)
    figure, so a rare harm is neither rounded away to 0 nor put on another scale unsaid.
    """
    if x <= 0:
        return "0 out of 100 people"
    if whole(x) < 1:
        return f"fewer than 1 out of 100 people ({_rare(x)})"
    return f"{whole(x):,} out of 100 people"


def per_100_range(low: float, high: float) -> str:
    """'63 to 95 out of 100'; a range of rare harms on the per-1,000 scale, saying so."""
    if whole(high) < 1:
        lo, hi = whole(low * 10), max(1, whole(high * 10))
        return f"{lo} out of 1,000" if lo == hi else f"{lo} to {hi} out of 1,000"
    lo, hi = whole(low), whole(high)
    return f"{lo} out of 100" if lo == hi else f"{lo} to {hi} out of 100"


def both_ways(x: float, good: str, bad: str) -> str:
    """Frame a chance both ways, as IPDAS asks; the two numbers always add up to 100."""
    n = whole(x)
    return f"{n} out of 100 people {good}; {100 - n} out of 100 people {bad}."


def fit_word(score: float) -> str:
    """How an option does on one priority, in words (the grid and the PDF use these)."""
    if score >= 0.75:
        return "fits well"
    if score >= 0.5:
        return "fits partly"
    if score >= 0.25:
        return "fits a little"
    return "does not fit"
