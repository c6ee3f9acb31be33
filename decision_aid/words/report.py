"""The take-home summary's own words: the PDF and its JSON twin (`decision_aid.report`). Every
sentence goes through `_()` (see `decision_aid.i18n`); the shared labels and the "out of 100"
phrasing come from `decision_aid.words.common`."""

from __future__ import annotations

from decision_aid.i18n import _
from decision_aid.words import common, review
from decision_aid.words.common import CERTAINTY_LEVELS, CERTAINTY_MEANINGS, SITUATION_LABELS, _rare, whole
from decision_aid.words.pages import about, next_steps

# ---------------------------------------------------------------- the summary as a whole

SUMMARY_TITLE = _("Your take-home summary")
CONVERSATION_LINE = _(
    "This summary is to help you talk with your care team about what matters to you. "
    "It does not say which treatment you should choose."
)
PDF_SUBJECT = _("Hemifacial spasm: take-home summary of a decision aid")
PDF_FOOTER = _("Hemifacial spasm decision aid · evidence version {version} · printed {date}")
"""Every page's footer: the dataset's version and the day the summary was made."""
PAPER_NOT_KNOWN = _("paper must be one of {papers}, not {paper}")

SURE_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("sure_s", _("Do you feel SURE about the best choice for you?")),
    *((k, q) for k, q in next_steps.SURE_QUESTIONS.items() if k != "sure_s"),
)
"""The SURE test (O'Connor & Légaré, 2008): a 'No' to any of them is worth talking about. The
questions are the app's (`words.pages.next_steps`), but for the first, whose "SURE" names the
test on paper (the app writes "sure")."""
SURE_CREDIT = _("SURE test © O'Connor & Légaré, 2008.")

# ---------------------------------------------------------------- the answers

SITUATION_QUESTIONS: dict[str, str] = {
    "cause": _("What causes the spasm"),
    "mri": next_steps.ANSWER_NAMES["mri"],
    "anesthesia": next_steps.ANSWER_NAMES["anesthesia"],
    "pregnant": _("Pregnant or planning a pregnancy"),
    "blood_thinners": _("Taking blood thinners"),
    "sides": _("Spasm on one side or both"),
    "mvd_result": _("After an earlier MVD"),
}
"""The situation answers the summary repeats back (those the profile has), in this order."""
NOT_ANSWERED = SITUATION_LABELS["leaning"][""]
"""'Not answered', written once in `words.common` (as the unanswered leaning)."""
AGE = next_steps.ANSWER_NAMES["age"]
AGE_YEARS = _("{age} years")
AGE_NOT_GIVEN = _("Not given")
TRIED_BEFORE = _("Treatments tried before")
NONE_TRIED = _("None")
OUT_OF_10 = _("{weight} out of 10")
NOT_SAID_COUNTS_AS = _("not said (counts as {weight})")


def weight_words(weight: int | None) -> str:
    """How much a priority matters, in words (the number is always shown beside it)."""
    if weight is None:
        return _("Not said yet")
    if weight == 0:
        return _("Not at all")
    if weight <= 3:
        return _("A little")
    if weight <= 6:
        return _("Somewhat")
    if weight <= 8:
        return _("A lot")
    return _("Very much")


def status_words(*, suitable: bool, avoided: bool) -> str:
    """An option's status in the summary: may not be suitable, said no to, both, or nothing.
    (The app's option flags say the same another way: `ui/components.option_flags`.)"""
    if not suitable and avoided:
        return _("May not be suitable for you now, see the cautions; you said you do not want this")
    if not suitable:
        return _("May not be suitable for you now, see the cautions")
    if avoided:
        return _("You said you do not want this")
    return ""


# ---------------------------------------------------------------- figures as words

DIFFERENT_STUDIES = _(
    "Each figure is out of 100 people, but the figures come from different studies, with different "
    "people and different follow-up times (shown beside each figure). No study has compared the three "
    "treatments in the same people. Figures sit side by side only when they measure the same thing."
)
NOT_REVIEWED = about.NOT_REVIEWED
REVIEWER = _("{name}, {role} ({date}: {scope})")
REVIEWED_BY = _("Reviewed by {names}.")
NOT_STATED = _(
    "You have not said yet what matters to you, so this summary does not match or rank the options. "
    "In the aid, move at least one priority to see how each option lines up with what you said."
)
NOT_MATCHED = _("Not matched or ranked: it may not be suitable for you (see the cautions).")
PER_INJECTION = review.PER_INJECTION
PER_INJECTION_NOTE = _("'Per injection' marks a figure counted per injection, not per person.")
NOT_MEASURED = review.NOT_MEASURED_STOP
NOT_MEASURED_WHY = _("Not measured. {why}")
EXPERT_ESTIMATE = _("An expert's estimate, not a study result.")
WHEN = _("When: {timeframe}.")
WHILE_TREATED = common.WHILE_TREATED
IN_STUDIES = _("{spread} in studies")
"""A figure's range from the studies: '63 to 95 out of 100 in studies'."""
LOCAL = _("{figure}: your care team's own figure (local)")
LOCAL_AND_PUBLISHED = _("{figure}: your care team's own figure (local); published {spread} in studies")
LOCAL_MARK = _("local: your care team's own figure; published {spread}")
"""A local harm's bracket, beside its figure."""
RISK = _("{name}: {figure}. {lasts}.")
"""One harm: its name, its figure with the bracket, and how long it lasts."""
CLEARLY_BETTER = _("are clearly better")
NOT_CLEARLY_BETTER = _("are not")
"""The control figure framed both ways (`words.common.both_ways`)."""
PUBLISHED_RANGE = _("Published figures: {spread} in studies.")
RANGE = _("Range: {spread} in studies.")
ONE_ESTIMATE = _("Only one estimate: no range is known.")


def certainty_words(code: str | None, *, short: bool = False) -> str:
    """'How sure: low (the true figure may be quite different).' beside a figure; `short` keeps
    only the level ('How sure: low.'), for the harms (the levels are explained once)."""
    if not code:
        return ""
    level = CERTAINTY_LEVELS.get(code, code)
    why = CERTAINTY_MEANINGS.get(code, "")
    if short or not why:
        return _("How sure: {level}.").format(level=level)
    return _("How sure: {level} ({why}).").format(level=level, why=why)


def per_100_injections(x: float) -> str:
    """`words.common.per_100` for a figure counted per injection: '10 out of 100 injections'."""
    if x <= 0:
        return _("0 out of 100 injections")
    if whole(x) < 1:
        return _("fewer than 1 out of 100 injections ({rare})").format(rare=_rare(x))
    return _("{n} out of 100 injections").format(n=f"{whole(x):,}")


# ---------------------------------------------------------------- the comparison table

NONE_REPORTED = _("None reported in the studies we used.")
OVER_TIME = _("Without treatment, over time")
COMMON_HARMS = common.PASSING_HARMS
SERIOUS_HARMS = common.LASTING_HARMS
NO_TREATMENT_NO_SIDE_EFFECTS = _("None: no treatment.")
NO_TREATMENT_NO_HARM = _("None from treatment.")

# ---------------------------------------------------------------- the charts

SERIOUS_WHAT = _("have a serious or permanent harm")
CONTROL_WHAT = common.HAVE_THIS_RESULT
"""What the icons in each chart stand for: '10 out of 100 people <what>'."""
LOCAL_FIGURE_NAME = _("{name} (local figure)")
CONTROL = review.CONTROL
"""The control chart's label when there is no option to take the measure's name from."""
OUT_OF_100_PEOPLE = _("{label}: out of 100 people")
CONTROL_SUBTITLE = _("Each option's figure comes from its own studies and time frame (see the table)")
SERIOUS_HEADING = _("Serious or permanent harm (the chances of each added up)")
SERIOUS_TITLE = _("Serious or permanent harm: out of 100 people")
SERIOUS_SUBTITLE = _("The chances of each serious or permanent harm, added up")

# ---------------------------------------------------------------- the note box

NOTE_CONTINUES = _(
    "… The rest of your note did not fit here. It is kept in full in the aid (open the link "
    "below on a screen) and in the summary's data file (JSON)."
)
NOTHING_WRITTEN = _("(nothing written)")
UNPRINTABLE_NOTICE = _(
    "{mark} marks a character this summary cannot print. Your note is kept in full "
    "in the link and in the summary's data file (JSON)."
)


UNPRINTABLE_COUNT = _(
    "{n} of the characters in your note cannot be printed on the summary (PDF): they show there as "
    "{mark}. Your note is kept in full in the link and in the summary's data file (JSON)."
)
"""What the app says beside a note with `n` characters the PDF cannot print. One sentence for
every `n`, as the English has always read ('1 of the characters ... they show'); a plural-aware
`ngettext` would need a singular wording of its own."""
