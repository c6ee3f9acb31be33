"""The "at a glance" grid's words (`decision_aid.grid`): the row questions, the no-treatment
column's name, and the cells' own words, a few words each (the Option Grid way). The dataset's
texts that fill most cells are data, not words here. Words the app and the review pack also use
are written once where they were first put and named here, so `grid.py` finds all its words in
one place."""

from __future__ import annotations

from decision_aid.i18n import _
from decision_aid.words import app, common
from decision_aid.words.common import SITUATION_LABELS
from decision_aid.words.review import NOT_MEASURED_STOP
from decision_aid.words.topics import HOW_SURE_ALONE, LASTING_HARMS, PASSING_HARMS, certainty_level

NO_TREATMENT_NAME = SITUATION_LABELS["leaning"]["no_treatment"]
"""The reference column: the same words as the answer "where I lean"."""

ROW_QUESTIONS: dict[str, str] = {
    "involves": _("What does it involve?"),
    "clearly_better": _("How many are clearly better?"),
    "spasm_gone": _("How many have the spasm gone?"),
    "timing": _("How soon does it work, and for how long?"),
    "passing": PASSING_HARMS,
    "serious": LASTING_HARMS,
    "visits": _("Visits, time off and recovery"),
    "not_working": _("What if it does not work?"),
    "cost": _("Cost"),
}
"""Each row's question, by the row's key."""

ABOUT_QUANTITY = app.ABOUT_QUANTITY
GOOD_CONTROL = _("Good control")
"""The label of a result's one success figure when it names no measure."""

NOT_MEASURED = NOT_MEASURED_STOP
NOT_MEASURED_SEPARATELY = _("Not measured separately.")
WHEN = _("When: {timeframe}")
ONLY_WHILE_TREATED = _("only while treated")
EXPERT_ESTIMATE = common.ESTIMATE_MARK
NONE_REPORTED = common.NONE_REPORTED
HARM_AND_MORE = _("{harm}, and {more} more")
"""The likeliest harm of its kind, and how many more the harms topic lists (named there, so the
cell stays within a dozen or so words)."""

INVOLVES_PILLS = _("Tablets by mouth every day")
INVOLVES_INJECTIONS = _("Small injections around the eye, repeated every few months")
INVOLVES_OPERATION = _("Usually one operation on the nerve, under general anaesthetic")

TIMING_SOON: dict[str, str] = {
    "medication": _("No study says how soon."),
    "botulinum": _("Usually starts within a few days."),
    "mvd": _("Often spasm-free within days, or over months."),
}
TIMING_LONG: dict[str, str] = {
    "medication": _("Works only while you take it; often fades."),
    "botulinum": _("Each injection lasts {how_long}."),
    "mvd": _("When it works, it usually lasts years."),
}
"""How soon and how long, by option: each option's onset and duration texts in the dataset, cut
to the facts a cell can carry (their first sentences together run to 15-25 words). The grid's cell
says both; the PDF's detail table starts its "how long" row with the second. `{how_long}` is the
dataset's `effect_weeks`. tests/test_grid.py fails if those texts stop saying these things.
"""

VISITS_PILLS = app.TABLETS_EVERY_DAY
NO_TIME_OFF = _("no time off")

DELAYED_RELIEF = _("Still twitch at first, spasm gone weeks or months later. Other treatments stay open.")
"""What the delayed-relief figure counts, first, as the other cells name theirs (the app shows
the figure above it, the PDF below): "Relief came weeks or months later." with "33 out of 100
people" was taken for a third of operations failing (two reviews, 2026-12-03), and so was "Spasm
gone only weeks or months later." under "What if it does not work?" (two more, 2026-12-04): the
words now say these people still twitch at first and then lose the spasm."""
ANOTHER_MEDICINE = _("Another medicine or another treatment can be tried.")
CHANGE_DOSE = _("The dose or places can be changed; other treatments stay open.")
ASK_COST = _("Ask your clinic or insurer.")

NO_TREATMENT_HARMS = _("None: no treatment, so no treatment harms.")
NO_TREATMENT_SERIOUS = _("No treatment harms. The spasm itself can shut your eye.")
"""The serious-harm row: "none" alone read as if waiting were harmless (the dataset's `involves`
and `worse` texts: the spasm can close the eye, weakness may build up)."""
WAIT_AND_WATCH = _("Wait and watch; start a treatment later if you want.")
NOT_COUNTED_WITHOUT = _("Not counted this way without treatment: see the note below.")
"""No treatment's cells in the benefit rows: its figures count other things ("went away for a
time", "partly better") over years, so they are said under the grid, not beside the treatments'."""
NO_TREATMENT_TIMING = _("Nothing to start or wear off. The spasm may change over the years.")
NATURAL_COURSE = _(
    "Out of 100 people followed for about {years} years without treatment, the spasm went away "
    "for a time in {remission}, got partly better in {partly_better} and got worse in {worse}. In "
    "the rest, it stayed about the same."
)


def natural_course_sure(certainty: str) -> str:
    """After those figures: how sure, for the least sure of them (in the rows, a cell's own line)."""
    return HOW_SURE_ALONE.format(level=certainty_level(certainty)) + "."


"""Under the grid: the natural-course figures of the one clinic (the dataset's `remission`,
`partly_better` and `worse`), each a natural frequency; the dataset's note on why they may read
better than the usual course follows."""
NO_TREATMENT_VISITS = _("No treatment visits; see your doctor if it changes.")
START_ANY_TIME = _("You can start a treatment at any time.")
NO_TREATMENT_COST = _("No treatment cost.")
REFERENCE_NOTE = _("{name}: {note}")
"""Under the grid: why the no-treatment figures may read better than the spasm usually goes."""
