"""Plain words shared by the app, the PDF and the CLI, so a figure is phrased one way everywhere."""

from __future__ import annotations

PRIORITY_LABELS: dict[str, str] = {
    "relief": "Control of the spasm",
    "lasting": "A result that lasts without repeat treatment",
    "serious_risk": "Avoiding rare but serious or permanent harm",
    "side_effects": "Avoiding common side effects that pass",
    "burden": "Few visits, injections or pills",
    "recovery": "No operation, anaesthetic or time off to recover",
}

PRIORITY_WISH: dict[str, str] = {
    "relief": "your wish to control the spasm",
    "lasting": "your wish for a result that lasts",
    "serious_risk": "your wish to avoid serious or permanent harm",
    "side_effects": "your wish to avoid side effects that pass",
    "burden": "your wish for few visits, injections or pills",
    "recovery": "your wish to avoid an operation and time off",
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
    },
    "pregnant": {"no": "No", "yes": "Yes, or planning a pregnancy"},
    "leaning": {
        "": "Not answered",
        "medication": "Medicines",
        "botulinum": "Botulinum toxin injections",
        "mvd": "MVD surgery",
        "unsure": "Not sure yet",
    },
}

NOT_A_VERDICT = (
    "This is a summary of your answers, not medical advice. "
    "Many people with the same priorities choose differently."
)


def _num(x: float) -> str:
    """Digits a patient can read: whole numbers where possible, one decimal otherwise."""
    if abs(x - round(x)) < 0.05:
        return f"{round(x):,}"
    return f"{x:.1f}"


def per_100(x: float) -> str:
    """Natural frequency on the one denominator: '3 out of 100 people'.

    Chances under 1 in 100 keep the same denominator and add the per-1,000 figure, so a
    rare harm is neither rounded away to 0 nor shown on a different scale without saying so.
    """
    if x == 0:
        return "0 out of 100 people"
    if x < 1:
        return f"fewer than 1 out of 100 people (about {_num(x * 10)} out of 1,000)"
    return f"{_num(x)} out of 100 people"


def per_100_range(low: float, high: float) -> str:
    if abs(low - high) < 0.05:
        return f"{_num(low)} out of 100"
    if high < 1:
        return f"{_num(low * 10)} to {_num(high * 10)} out of 1,000"
    return f"{_num(low)} to {_num(high)} out of 100"


def both_ways(x: float, good: str, bad: str) -> str:
    """Frame a chance both ways, as IPDAS asks: '88 out of 100 ...; 12 out of 100 ...'."""
    return f"{per_100(x)} {good}; {per_100(100 - x)} {bad}."


def fit_word(score: float) -> str:
    """How an option does on one priority, in words (the grid and the PDF use these)."""
    if score >= 0.75:
        return "fits well"
    if score >= 0.5:
        return "fits partly"
    if score >= 0.25:
        return "fits a little"
    return "does not fit"
