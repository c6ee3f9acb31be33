"""The take-home summary's own words: the PDF and its JSON twin (`decision_aid.report`). Every
sentence goes through `_()` (see `decision_aid.i18n`); the shared labels and the "out of 100"
phrasing come from `decision_aid.words.common`."""

from __future__ import annotations

from decision_aid.i18n import _
from decision_aid.words import charts, cli, common, review
from decision_aid.words.common import (
    CERTAINTY_LEVELS,
    CERTAINTY_MEANINGS,
    SITUATION_LABELS,
    fit_word,
)
from decision_aid.words.pages import about, next_steps, situation

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
PAGE_FOOTER = _("{footer}   ·   page {page} of {pages}")
"""The footer line with the page number; `pages` is fpdf's alias for the page count."""
LIST_TOO_TALL = _("a line of the list is taller than a page")

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
AGE_NOT_SAID = common.AGE_NOT_SAID
"""As the app says it (the situation page's placeholder and the next-steps summary)."""
TRIED_BEFORE = _("Treatments tried before")
NONE_TRIED = _("None")


def weight_words(weight: int | None) -> str:
    """How much a priority matters, in words (the number is always shown beside it)."""
    if weight is None:
        return _("Not set yet")
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
    (The same phrases as `words.common.OPTION_STATUS`, with where to read more.)"""
    if not suitable and avoided:
        return _("May not be suitable for you now, see the cautions; you said you do not want this")
    if not suitable:
        return _("May not be suitable for you now, see the cautions")
    if avoided:
        return common.OPTION_STATUS["avoided"]
    return ""


# ---------------------------------------------------------------- figures as words

DIFFERENT_STUDIES = _(
    "Each figure is out of 100 people, but the figures come from different studies, with different "
    "people and different follow-up times (shown beside each figure). No study has compared the three "
    "treatments in the same people."
)
"""It went on "Figures sit side by side only when they measure the same thing.", which the grid's
side-effect row does not keep: the summary now says so where it does not (`grid.unlike_side_effects`)."""
NOT_REVIEWED = about.NOT_REVIEWED
REVIEWER = _("{name}, {role} ({date}: {scope})")
REVIEWED_BY = _("Reviewed by {names}.")
NOT_STATED = _(
    "You have not said yet what matters to you, so this summary does not match or rank the options. "
    "In the aid, move at least one priority to see how each option lines up with what you said."
)
NOT_MATCHED = _("Not matched or ranked: it may not be suitable for you (see the cautions).")
NOT_MATCHED_FIGURES = _("Not matched or ranked: its figures may not apply to you (see the cautions).")
PER_INJECTION = review.PER_INJECTION
PER_INJECTION_NOTE = _("'Per injection' marks a figure counted per injection, not per person.")
NOT_MEASURED = review.NOT_MEASURED_STOP
NOT_MEASURED_WHY = _("Not measured. {why}")
EXPERT_ESTIMATE = common.EXPERT_ESTIMATE
WHEN = _("When: {timeframe}.")
WHILE_TREATED = common.WHILE_TREATED
COULD_BE = charts.COULD_BE
"""A figure's range: 'could be 63 to 95 out of 100', as the pictures say it. Not "in studies":
an end may be the team's judgement or sum, which the figure's note says."""
LOCAL = _("{figure}: your care team's own figure (local)")
LOCAL_AND_PUBLISHED = _("{figure}: your care team's own figure (local); published {spread}")
LOCAL_MARK = _("local: your care team's own figure; published {spread}")
"""A local harm's bracket, beside its figure."""
RISK = _("{name}: {figure}. {lasts}.")
"""One harm: its name, its figure with the bracket, and how long it lasts."""
CHANCE_FIGURE = _("{label}: {figure}. When: {timeframe}. {how_sure}")
"""One of an option's later chances (`words.common.CHANCE_LABELS`): its figure with the bracket,
then its whole time frame (the range's ends may come from longer follow-up than its middle)."""
CHANCE_WHY = _("{label}: {why}")
"""A later chance no study counted: `why` is 'Not measured.' and what is known instead."""
CLEARLY_BETTER = _("are clearly better")
NOT_CLEARLY_BETTER = _("are not")
"""The control figure framed both ways (`words.common.both_ways`)."""
PUBLISHED_RANGE = _("Published figures: {spread}.")
RANGE = _("Range: {spread}.")
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


# ---------------------------------------------------------------- the comparison table

NONE_REPORTED = common.NONE_REPORTED
OVER_TIME = _("Without treatment, over time")
COMMON_HARMS = common.PASSING_HARMS
LASTS_ROW = review.OPTION_TEXTS["duration"]
"""The detail table's row of how long each option works (the grid's words), then its chances
later on, each in full: the spasm coming back, a second operation, stopping for side effects."""
SERIOUS_HARMS = common.LASTING_HARMS
NO_TREATMENT_NO_SIDE_EFFECTS = _("None: no treatment.")
NO_TREATMENT_NO_HARM = _("None from treatment.")

# ---------------------------------------------------------------- the charts

SERIOUS_WHAT = _("have a serious or lasting harm")
CONTROL_WHAT = common.HAVE_THIS_RESULT
"""What the icons in each chart stand for: '10 out of 100 people <what>'."""
LOCAL_FIGURE_NAME = _("{name} (local figure)")
CONTROL = review.CONTROL
"""The control chart's label when there is no option to take the measure's name from."""
OUT_OF_100_PEOPLE = _("{label}: out of 100 people")
CONTROL_SUBTITLE = _("Each option's figure comes from its own studies, over the time frame given beside it")
SERIOUS_HEADING = _("Serious or lasting harm (the chances of each added up)")
SERIOUS_TITLE = _("Serious or lasting harm: out of 100 people")
SERIOUS_SUBTITLE = _("The chances of each serious or lasting harm, added up")

# ---------------------------------------------------------------- the note box

NOTE_CONTINUES = _(
    "… The rest of your note did not fit here. It is kept in full in the aid (open the link "
    "below on a screen) and in the summary's data file (JSON)."
)
NOTHING_WRITTEN = _("(nothing written)")
UNPRINTABLE_NOTICE = _(
    "{mark} marks a character this summary cannot print. Your note is kept in full in the aid "
    "(open the link below on a screen) and in the summary's data file (JSON)."
)
"""As NOTE_CONTINUES says it: a long note's printed link leaves the note out ("Your answers,
except your note ..."), so "kept in full in the link" read as a contradiction just above it."""


UNPRINTABLE_COUNT = _(
    "{n} of the characters in your note cannot be printed on the summary (PDF): they show there as "
    "{mark}. Your note is kept in full in the link and in the summary's data file (JSON)."
)
"""What the app says beside a note with `n` characters the PDF cannot print. One sentence for
every `n`, as the English has always read ('1 of the characters ... they show'); a plural-aware
`ngettext` would need a singular wording of its own."""


# ---------------------------------------------------------------- the PDF's sections, in order

PRINTED = _(
    "Printed {date}.  Evidence version {version}, last checked {last_reviewed} "
    "(next check due {next_review}). {reviewed}"
)
QR_ALT = _("QR code: a link that reopens the decision aid with your answers")
SCAN_TO_REOPEN = _("Scan to reopen the aid with your answers")
SCAN_TO_REOPEN_NO_NOTE = _(
    "Scan to reopen the aid with your answers (all but your note, which is too long for the code)"
)
NOTE = cli.NOTE
"""A warning about the answers ('Note: ...'), worded as the command line words it."""

WHAT_YOU_TOLD_US = _("What you told us")
YOUR_SITUATION = situation.TITLE
ANSWER = _("{question}:")
"""A question or label before its answer, bold."""
LOCAL_ANSWERS: dict[str, str] = {
    "mvd_success": _("MVD spasm-free, your team's own figure (local)"),
    "mvd_hearing_loss": _("MVD hearing loss, your team's own figure (local)"),
}
"""The care team's own figures among the answers, keyed by the link's parameter name."""
ANSWERED = _("Answered")
ANSWERED_HOW: dict[str, str] = {
    "consult": _("in a consultation, with your care team"),
    "home": _("at home"),
}
WHAT_MATTERS = _("What matters to you (0 = not at all, 10 = a lot)")
PRIORITY = charts.PRIORITY
HOW_MUCH = _("How much")
OUT_OF_10_HEADER = _("Out of 10")
QUIZ_LOOK_AGAIN = _("From the knowledge check, worth a second look:")
"""Before the questions answered wrong, each with its answer: the score alone ("2 of 3 answered
right") did not say which fact to talk through."""
QUIZ_ITEM = _("{question} {answer}")
NOT_WANTED = _("Options you do not want, whatever the figures say:")
NONE_NOT_WANTED = _("none (you did not rule out any option).")
OWN_WORDS = _("In your own words, what else matters to you:")
LINK_INTRO = _("Your answers are kept in this link, which reopens the aid with them:")
"""Over the summary's link to the aid's first page (`report.reopen_link`): "reopens the aid where
you left it" promised the page the summary was made on."""
LINK_INTRO_NO_NOTE = _("Your answers, except your note (too long to print in a link), are kept in this link:")
LINK_WITH_NOTE = _("On a screen, click here to reopen the aid with all your answers and your note.")

OPTION_WITH_STATUS = _("{name}\n({status})")
"""A table's column heading: the option's name, its status on a line of its own."""
FIGURE_LOCAL = _("{figure} (local)")
LOCAL_FIGURE = cli.LOCAL_FIGURE
GLANCE = _("Your options at a glance")
FOR_REFERENCE = _("for reference, not scored")
CAUTIONS = _("Cautions for you")
CAUTION_CONCERNS = _("{mark} A caution from what you told us concerns this answer: see '{cautions}'.")
"""Under the grid, beside the mark its cautioned answers carry; `cautions` is the heading."""
GLANCE_LOCAL = _(
    "Figures marked 'local' are your care team's own, not published ones; the published "
    "figures are in the table further on."
)
LEANING_NOW = _("Where you are leaning now:")

IN_MORE_DETAIL = _("The options in more detail")
DETAIL_INTRO = _(
    "{different_studies} Figures are about {reference_class}. Figures marked 'local' are your care "
    "team's own, with the published figures beside them. {per_injection} How sure the evidence is: "
    "high (we are confident), moderate (probably close), low (may be quite different), very low "
    "(could be very different)."
)
FOR_REFERENCE_NOT_SCORED = _("{name}, for reference (not scored): {summary} {involves}")
NAMED = charts.OPTION_FIGURE
"""'Name: words', for a figure or a reason beside its name."""
SOURCES_ROW = _("Sources (see the list at the end)")

PICTURES = _("Pictures of the chances")
PICTURES_INTRO = _(
    "Each picture shows 100 people; the filled figures are the people the words beside it are "
    "about. The figures come from the tables below, each from its own studies. The serious or "
    "lasting harms are added up here; the tables give each one on its own."
)
PICTURES_LEFT_OUT = _(
    "The pictures of 100 people did not fit on these pages; every figure is in the tables. The aid "
    'shows the pictures in "{works}" and "{harms}" on its "{page}" page.'
)
"""Where the pictures would be, in the one layout that leaves them out to fit on MAX_PAGES: a
summary that drops them says so."""

LINE_UP = charts.MATCH_TITLE
MATCH_TABLE_INTRO = _(
    "How each option does on each thing that matters, and how many points each adds to its total "
    "(whole numbers that add up to it; each counts by its weight):"
)
"""No "bar": the summaries that leave the match chart out to fit on 5 pages have none."""
FIT_POINTS = _("{fit}: {points}")
"""How an option fits one priority and the points that adds: 'Fits well: 23'."""
FIT_CAPITALISED: dict[str, str] = {
    fit_word(1.0): _("Fits well"),
    fit_word(0.5): _("Fits partly"),
    fit_word(0.25): _("Fits a little"),
    fit_word(0.0): _("Does not fit"),
}
"""`words.common.fit_word`'s words as they start a table cell, keyed by the word itself."""
MATCH_TOTAL_LABEL = _("Total out of 100 (could be)")
MATCH_TOTAL = _("{match} ({low} to {high})")
PRIORITY_WEIGHT_HEAD = _("What matters to you (weight)")
LOCAL_FIGURES_NAME = _("{name} (local figures)")
WHAT_WOULD_CHANGE = _("What would change the picture:")
HOW_MATCH_WORKS = common.MATCH_ANCHORS_INTRO

ABOUT_FIGURES = _("About these figures, and their sources")
WHO_CHECKED = _("Who checked them: {reviewed} Made by: {made_by}. Funding: {funding}.")
UPDATES = _("Updates: {interval} {report_errors}")
LOCAL_USED = _("Your care team's own figures (local) used in this summary, in place of the published ones:")

NO_CAUTIONS = _("None of the cautions in the evidence apply to what you told us.")
CAUTION_ITEM = _("{text}{sources}")
CAUTION_ITEM_NOT_SUITABLE = _("May not be suitable now: {text}{sources}")
CAUTION_ITEM_GOOD_TO_KNOW = _("Good to know: {text}{sources}")
"""A caution under the name of the options it concerns; `sources` is ' [1, 2]' or empty."""

QUESTIONS = _("Questions you may want to ask")
QUESTIONS_INTRO = _("These follow from your answers. Tick the ones you want to ask.")
SURE_HEADING = _("How ready do you feel? (SURE)")
SURE_INTRO = _(
    "Tick Yes or No. If you tick No to any question, tell your care team: it helps to talk it "
    "through before you decide."
)
YES = common.YES
NO = common.NO
IN_THE_AID = _("(in the aid: {answer})")
CONSULTATION_NOTES = _("Notes from the consultation")
SOURCES_INTRO = _("Sources: the studies and pages behind the figures and cautions in this summary.")
