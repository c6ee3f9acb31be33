"""Plain words shared by the app, the PDF, the JSON, the CLI and the review pack, so a label or a
figure is phrased one way everywhere. Every sentence goes through `_()` (see `decision_aid.i18n`)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from decision_aid.i18n import _

YES = _("Yes")
NO = _("No")
NOT_SURE = _("Not sure")
RATHER_NOT_SAY = _("Not sure, or rather not say")
NOT_MEASURED = _("not measured")
BACK_TO = _("Back: {title}")
NEXT_TOPIC = _("Next topic: {title}")
OPTION = _("Option")
OPTION_STATUS: dict[str, str] = {
    "not_suitable": _("May not be suitable for you"),
    "avoided": _("You said you do not want this"),
}
"""An option's status, phrased one way in the app, the charts, the PDF and the CLI."""
WHILE_TREATED = _("Only while the treatment continues.")
HAVE_THIS_RESULT = _("have this result")
PASSING_HARMS = _("Side effects that pass")
LASTING_HARMS = _("Serious or lasting harms")
HARM_KINDS = ((False, PASSING_HARMS), (True, LASTING_HARMS))
"""(serious or lasting?, heading), in the order the harms topic and the command line list them."""
CHANCE_LABELS: dict[str, str] = {
    "delayed_relief": _("Relief comes late"),
    "recurrence": _("Comes back, of those it made spasm-free"),
    "reoperation": _("A second operation (the spasm stayed or came back)"),
    "stopped_for_side_effects": _("Stopped because of side effects"),
}
"""By the dataset's field (`schema.CHANCE_FIELDS`), in the works topic, the PDF and the command
line. The recurrence counts people first cured: "Comes back: 2 out of 100 people" read as 2 in 100
of everyone operated on, and "of those it helped" as of the 95 in 100 clearly better. A second
operation counts everyone operated on, for a spasm that stayed or came back: beside "comes back"
its 9 in 100 read as a contradiction. It is told beside late relief, so the road after a failed
operation is told, not only the good news; stopping for side effects, so the medicines' own later
chance is told as fully as the operation's."""
EXPERT_ESTIMATE = _("An expert's estimate, not a study result.")
"""After a figure no study measured (the medicines' control figure), in the PDF and the command
line."""
ESTIMATE_MARK = _("an expert's estimate, not a study")
"""Beside such a figure, in brackets or a cell: the grid's cell, the works topic's pictures, the
five-year table and the figures table (a clinical review found the last three without it)."""
FIGURE = _("Figure")
WHEN = _("When")
SOURCES = _("Sources")

PRIORITY_LABELS: dict[str, str] = {
    "relief": _("Control of the spasm"),
    "lasting": _("A result that lasts without repeat treatment"),
    "serious_risk": _("Avoiding rare but serious or lasting harm"),
    "side_effects": _("Avoiding common side effects that pass"),
    "burden": _("Little time and effort (few visits, pills or weeks off)"),
    "recovery": _("No operation or general anaesthetic"),
}

PRIORITY_WISH: dict[str, str] = {
    "relief": _("your wish to control the spasm"),
    "lasting": _("your wish for a result that lasts"),
    "serious_risk": _("your wish to avoid serious or lasting harm"),
    "side_effects": _("your wish to avoid side effects that pass"),
    "burden": _("your wish to spend little time and effort on treatment"),
    "recovery": _("your wish to avoid an operation"),
}

CERTAINTY_LEVELS: dict[str, str] = {
    "high": _("high"),
    "moderate": _("moderate"),
    "low": _("low"),
    "very_low": _("very low"),
}
"""How sure the evidence is, in a word or two (a grade of the dataset's `certainty`)."""

CERTAINTY_MEANINGS: dict[str, str] = {
    "high": _("we are confident in this figure"),
    "moderate": _("the true figure is probably close"),
    "low": _("the true figure may be quite different"),
    "very_low": _("this is an estimate; the true figure could be very different"),
}
"""What each grade means for the reader."""

CERTAINTY_LABELS: dict[str, str] = {
    # TRANSLATORS: a certainty grade and what it means, e.g. "low: the true figure may be ...".
    grade: _("{level}: {meaning}").format(level=CERTAINTY_LEVELS[grade], meaning=CERTAINTY_MEANINGS[grade])
    for grade in CERTAINTY_LEVELS
}

SITUATION_LABELS: dict[str, dict[str, str]] = {
    "cause": {
        "unknown": _("Cause not known yet"),
        "vascular": _("A blood vessel pressing on the facial nerve"),
        "bells_trauma": _("After Bell's palsy or a face injury"),
        "ms": _("Multiple sclerosis (MS)"),
    },
    "anesthesia": {"unsure": NOT_SURE, "fit": YES, "unfit": NO},
    "mri": {
        "not_done": _("No scan result yet"),
        "vessel": _("Scan shows a blood vessel pressing on the nerve"),
        "no_vessel": _("Scan shows no blood vessel pressing on the nerve"),
        "other_finding": _("The scan found something else"),
    },
    "pregnant": {
        "": RATHER_NOT_SAY,
        "no": NO,
        "yes": _("Yes, I am pregnant"),
        "planning": _("I am planning a pregnancy"),
    },
    "blood_thinners": {"": RATHER_NOT_SAY, "yes": YES, "no": NO},
    "sides": {"one": _("One side of my face"), "both": _("Both sides of my face")},
    "mvd_result": {
        "": RATHER_NOT_SAY,
        "no_help": _("It never helped"),
        "came_back": _("It helped, then the spasm came back"),
    },
    "leaning": {
        "": _("Not answered"),
        "medication": _("Medicines"),
        "botulinum": _("Botulinum toxin injections"),
        "mvd": _("MVD surgery"),
        "no_treatment": _("No treatment for now"),
        "unsure": _("Not sure yet"),
    },
}
"""Each answer's value in words, keyed by the link's parameter name (app, PDF and CLI)."""

AGE_NOT_SAID = _("Not said")

WEIGHT_GIVEN = _("{weight}/10")
WEIGHT_NOT_SET = _("not set")
WEIGHT_NOT_SET_COUNTS_AS = _("not set, counts as {weight}/10")
PRIORITY_AND_WEIGHT = _("{label}: {weight}")
"""A priority and its weight, as the PDF's match table and the command line print it."""


def weight_text(weight: int | None, counts_as: int | None = None) -> str:
    """A priority's weight: '8/10'; for one the patient has not set, the weight the match used
    for it ('not set, counts as 5/10'), so it is never shown as a weight they gave, or 'not set'
    when nothing is matched yet (`counts_as` None). The app, the PDF, the JSON and the command
    line all say it this way, in the app's word ("set")."""
    if weight is not None:
        return WEIGHT_GIVEN.format(weight=weight)
    return WEIGHT_NOT_SET if counts_as is None else WEIGHT_NOT_SET_COUNTS_AS.format(weight=counts_as)


HOME_READING_GRADE = 5.1
"""US school grade (Flesch-Kincaid) of the text a patient reads in home mode, all five pages
together, as shown on the About page. tests/ui/test_readability.py measures it and fails when
this stated value is more than 0.5 away: update it from the test's message when the text changes."""

NOT_A_VERDICT = _(
    "This is a summary of your answers, not medical advice. "
    "Many people with the same priorities choose differently."
)


MONTHS: tuple[str, ...] = (
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
)


def long_date(day: date) -> str:
    """'30 November 2026', with the month's name from the catalogue (strftime's %B would stay
    in the server's own locale, English here, whatever the reader's language)."""
    # TRANSLATORS: a date; {day} is two digits, {month} one of the month names above.
    return _("{day} {month} {year}").format(day=f"{day.day:02d}", month=MONTHS[day.month - 1], year=day.year)


def as_sentence(text: str) -> str:
    """A phrase standing as a sentence of its own ('May not be suitable for you.')."""
    # TRANSLATORS: ends a sentence; keep {text} and change the full stop if your language does.
    return _("{text}.").format(text=text)


LOCAL_SUCCESS_NOT_MATCHED = _(
    "{name}'s match does not use your team's spasm-free figure: every option is matched on how "
    "many are clearly better, and for that the published figure is used."
)


def whole(x: float) -> int:
    """Round half up (88.5 -> 89): Python's round() would give 88."""
    return int(x + 0.5)


def whole_parts(parts: Mapping[str, float], total: float) -> dict[str, int]:
    """Whole numbers for the parts of a total that add up to `whole(total)`: rounded one by one,
    a bar's six parts printed beside its total could add up to one or two more or less than it.
    The parts furthest from a whole number take the difference (largest remainders; equal ones in
    the parts' order). `total` may differ from the parts' sum by less than a half (the engine
    works the match out apart, 0.06 at most): the floors then never add up to more than it."""
    floors = {k: math.floor(v) for k, v in parts.items()}
    left = whole(total) - sum(floors.values())
    by_remainder = sorted(parts, key=lambda k: floors[k] - parts[k])  # largest remainder first
    for k in by_remainder[:left]:
        floors[k] += 1
    return floors


ROUNDED_TOTAL = _(
    "Each figure is rounded to a whole number, so together they add up to {shown}, not {total}."
)


def rounded_total_note(parts: Iterable[float]) -> str:
    """Said under figures that split one group of people, when their whole numbers do not add up to
    the group: the natural course's 41, 39, 10 and 11 out of 100 (43, 40, 10 and 11 of 104 people)
    add up to 101. Empty when they add up."""
    values = list(parts)
    shown, total = sum(whole(v) for v in values), whole(sum(values))
    return ROUNDED_TOTAL.format(shown=shown, total=total) if shown != total else ""


def _rare_factor(x: float) -> int:
    """How many times 100 the scale of a chance under 1 in 100 is: 10 for per 1,000, 100 for
    per 10,000, 1,000 for per 100,000. The smallest scale on which it reads true enough: 6 in
    10,000 (0.06) rounded to "about 1 out of 1,000" said nearly twice the risk, and 5 in 100,000
    (0.005, near carbamazepine's blood disorders, 4 to 6 in 100,000) to "about 1 out of 10,000"
    twice it again, so each scale takes chances from 0.95 of its whole people."""
    for factor in (10, 100):
        if x * factor >= 0.95:
            return factor
    return 1000


def rare_ends(low: float, high: float) -> tuple[int, int, int]:
    """A range of rare chances as whole people on the scale that shows its low end ("0 to 3 out
    of 1,000", not "0 to 30 ..."): (the scale's factor, the low end, the high end). An end above
    0 is at least 1, as `rare_scale` says it: under half a person on the smallest scale is not
    "0", which would read as none."""
    factor = _rare_factor(low if low > 0 else high)
    lo = whole(low * factor)
    return factor, max(1, lo) if low > 0 else lo, max(1, whole(high * factor))


def rare_scale(x: float) -> str:
    """A chance under 1 in 100, on the next scale that shows it as whole people."""
    factor = _rare_factor(x)
    n = max(1, whole(x * factor))
    if factor == 10:
        return _("about {n} out of 1,000").format(n=n)
    if factor == 100:
        return _("about {n} out of 10,000").format(n=n)
    return _("about {n} out of 100,000").format(n=n)


QUIZ_LABEL = _("Check what you know")


def quiz_words(results: dict[str, bool]) -> str:
    """The knowledge check's result in words, the same in the app and the summary."""
    if not results:
        return _("not done")
    return _("{right} of {asked} answered right").format(right=sum(results.values()), asked=len(results))


def per_100(x: float) -> str:
    """Natural frequency on the one denominator: '3 out of 100 people'.

    Chances under 1 in 100 keep the same denominator and add the per-1,000 (10,000 or 100,000)
    figure, so a rare harm is neither rounded away to 0 nor put on another scale unsaid.
    """
    if x <= 0:
        return _("0 out of 100 people")
    if whole(x) < 1:
        return _("fewer than 1 out of 100 people ({rare})").format(rare=rare_scale(x))
    return _("{n} out of 100 people").format(n=f"{whole(x):,}")


PER_INJECTION = _("{figure} per injection")
"""A figure counted per injection, not per person (the dataset's `per: injection`)."""


def per_100_counted(x: float, per: str = "person") -> str:
    """`per_100`, with "per injection" after a figure counted per injection: '10 out of 100 people
    per injection', said one way in the app, the grid, the PDF and the command line."""
    return PER_INJECTION.format(figure=per_100(x)) if per == "injection" else per_100(x)


def per_100_range(low: float, high: float) -> str:
    """'63 to 95 out of 100'; a range of rare harms on the scale that shows its low end ('1 to 60
    out of 10,000', not '0 to 1 out of 100'), saying so. A low end above 0 is never '0', which
    would read as none: under one half in 100 it is 'fewer than 1', or, where the high end is
    about 1 in 100 too, the range goes on the scale that shows it ('3 to 12 out of 1,000')."""
    lo, hi = whole(low), whole(high)
    rare_low = low > 0 and lo == 0
    if high < 1 or (rare_low and hi <= 1):
        factor, lo, hi = rare_ends(low, high)
        if factor == 10:
            scale = _("{lo} out of 1,000") if lo == hi else _("{lo} to {hi} out of 1,000")
        elif factor == 100:
            scale = _("{lo} out of 10,000") if lo == hi else _("{lo} to {hi} out of 10,000")
        else:
            scale = _("{lo} out of 100,000") if lo == hi else _("{lo} to {hi} out of 100,000")
        return scale.format(lo=f"{lo:,}", hi=f"{hi:,}")
    if rare_low:
        return _("fewer than 1 to {hi} out of 100").format(hi=hi)
    return (_("{lo} out of 100") if lo == hi else _("{lo} to {hi} out of 100")).format(lo=lo, hi=hi)


NO_RANGE_GIVEN = _("no range given in the studies")
NONE_REPORTED = _("None reported in the studies used.")
NAMED_NONE_REPORTED = _("{name}: none reported in the studies used.")
"""A kind of harm no study we used reports for an option: the grid's cell, the PDF's and (named)
the harms topic's and the command line's line say it these two ways only."""
NOTE = _("Note: {note}")
"""A note after the words it is about: the terminal's warnings, the review pack's figures."""


def has_range(low: float, high: float) -> bool:
    """Whether the studies give a range: a figure without one is never shown as a range from
    itself to itself ('41 out of 100'). A rare harm's ends are told apart on the scale it is shown
    on: carbamazepine's blood disorders, 4 to 6 in 100,000, differ by 0.0024 in 100."""
    if high <= low:
        return False
    if high < 1:
        _, lo, hi = rare_ends(low, high)
        return lo != hi
    return high - low >= 0.05


def span_text(low: float, high: float) -> str:
    """'73 to 98 out of 100' (for a column headed "Range"), or that the studies give none."""
    return per_100_range(low, high) if has_range(low, high) else NO_RANGE_GIVEN


def both_ways(x: float, good: str, bad: str) -> str:
    """Frame a chance both ways, as IPDAS asks; the two numbers always add up to 100."""
    n = whole(x)
    return _("{n} out of 100 people {good}; {rest} out of 100 people {bad}.").format(
        n=n, good=good, rest=100 - n, bad=bad
    )


FIT_WELL = 0.75
"""From this score on one priority an option "fits well"; the sentences say it fits the wish."""
FIT_PARTLY = 0.5
"""From this score it "fits partly"."""
FIT_A_LITTLE = 0.25
"""From this score it "fits a little"; below, it "does not fit" and the sentences say it weighs
against the wish."""


def fit_word(score: float) -> str:
    """How an option does on one priority, in words (the grid, the PDF and the fit sentences
    grade by these bands)."""
    if score >= FIT_WELL:
        return _("fits well")
    if score >= FIT_PARTLY:
        return _("fits partly")
    if score >= FIT_A_LITTLE:
        return _("fits a little")
    return _("does not fit")


AND_LIST = _("{items} and {last}")
"""The end of a list: 'a, b and c' (`items` is 'a, b')."""


def in_sentence(text: str) -> str:
    """A label or name inside a sentence, its first letter small ("control of the spasm"), the
    rest as written (so "MS" and "MVD" keep their capitals)."""
    return text[:1].lower() + text[1:]


def and_list(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return AND_LIST.format(items=", ".join(items[:-1]), last=items[-1])


UNLIKE_SIDE_EFFECTS = _(
    "The side-effect figures count different things, so compare what each one says, not its size. {parts}."
)
"""Under the grid, over the harms topic's pictures and on the PDF's first page, when the options'
most common side effects that pass are not counted the same way: medicines' "any side effect at
all" in 65 of 100 stood beside one side effect per injection and one after an operation, and read
as six times worse (clinical and patient reviews, 2026-12-04). `parts` joins these with "; "."""
COUNTS_ANY = _("{name}: any side effect at all")
COUNTS_ONE = _("{name}: one side effect")
COUNTS_ONE_PER_INJECTION = _("{name}: one side effect, at each injection")


EVERY_TREATMENT = _("All three treatments")
"""Who a caution concerns when it concerns every option: said once, not as three names."""


def options_named(names: Sequence[str], of: int) -> str:
    """The options a caution concerns, as a reader says them: 'All three treatments' when
    `names` holds all `of` options, else 'a, b and c'. The situation page's headings, the grid's
    caution list and the PDF's all say it this way."""
    return EVERY_TREATMENT if len(names) == of else and_list(names)


MATCH_ANCHORS_INTRO = _(
    "How the match is worked out: these are choices, not evidence. Most say what counts "
    "as the worst score on one thing that matters."
)
"""Over the scale's anchors (`engine.anchors_for`) wherever the match is given on paper or as
text: the PDF and the command line's text output."""
