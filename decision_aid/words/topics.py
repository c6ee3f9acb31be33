"""The compare page's topics in words (`decision_aid.ui.topics`): their names, headings, notes,
table headers and the sentences built around the figures. Every sentence goes through `_()`."""

from __future__ import annotations

from decision_aid.i18n import _, ngettext
from decision_aid.words import common
from decision_aid.words.common import (
    CERTAINTY_LEVELS,
    rare_scale,
    whole,
)

NOT_MEASURED = common.NOT_MEASURED

# ---------------------------------------------------------------- the topics and their parts

TOPIC_TITLES: dict[str, str] = {
    "glance": _("At a glance"),
    "works": _("How well it works"),
    "harms": _("Side effects and harms"),
    "years": _("The next 5 years"),
    "fit": _("How they fit you"),
    "figures": _("All the figures"),
}
"""Each topic's button and heading text, by the topic's id (the link's `topic`)."""

IN_WORDS = _("This picture in words")
"""The closed expander holding a chart's full text alternative."""

SHOW_SOURCES = _("Show ranges and sources")

LOCAL_MARK = _("your surgical team's figure")
"""How a figure the surgical team entered (mvd_success, mvd_hearing_loss) is marked, in both modes."""

LOCAL_MARK_ALONE = _("Your surgical team's figure")
"""The same mark standing alone (a grid cell's own line)."""


NOT_MEASURED_LINE = _("{name}: not measured.")
"""An option (or its bold name) whose measure was never studied."""

NEVER_MEASURED = _("No study has measured this for this option.")

HOW_SURE = _("how sure: {level}")
HOW_SURE_ALONE = _("How sure: {level}")
"""The same, standing alone (a grid cell's own line)."""

WHEN = _("when: {when}")


def certainty_level(certainty: str) -> str:
    """A certainty grade in a few words ('very low')."""
    return CERTAINTY_LEVELS.get(certainty, certainty.replace("_", " "))


def out_of_100(x: float | None) -> str:
    """A figure under a heading that already says 'out of 100': '3', 'fewer than 1 (about 5 out
    of 1,000)', or 'not measured'. Rounds as `per_100` does."""
    if x is None:
        return NOT_MEASURED
    if x <= 0:
        return "0"
    if whole(x) < 1:
        return _("fewer than 1 ({rare})").format(rare=rare_scale(x))
    return f"{whole(x):,}"


# ---------------------------------------------------------------- at a glance

DIFFERENT_STUDIES = _(
    "Each figure is out of 100 people (or 100 injections, where it says so), from different "
    "studies with different follow-up times. No study has compared these options in the same "
    "people."
)
SEE_CAUTION = _("⚠ See the caution below")
SEE_CAUTION_FOR = _("{see}: {name}")
"""The caution link's accessible name: its words, then the option's name (a keyboard user met a
row of links all named alike; the name keeps the visible words first, WCAG 2.5.3)."""
MAY_NOT_BE_AN_OPTION = common.OPTION_STATUS["not_suitable"]
SAID_NO = common.OPTION_STATUS["avoided"]
GRID_QUESTION = _("Question")
"""The grid's corner header, over the questions."""
CAUTIONS_HEADING = _("**⚠ Cautions from your answers**")
CAUTION_LABEL = _("{label}.")
"""One caution in a few words (a dataset rule's `label`), as a sentence of the short list."""
CAUTIONS_IN_FULL = _("Read these cautions in full")
"""The closed panel under the short list that holds every caution's whole text."""
GOOD_TO_KNOW_HEADING = _("**Good to know from your answers**")
"""Over what the situation says in an option's favour (injections work whatever the cause): kept
apart from the cautions, without their warning sign."""

# ---------------------------------------------------------------- how well it works

WORKS_INTRO = _(
    "Figures stand side by side only when they count the same thing. Each has its own time frame. "
    "They come from different studies; no study compared these treatments in the same people."
)
HAVE_THIS_RESULT = common.HAVE_THIS_RESULT
"""The icon array's label for the people a benefit reaches."""
WHEN_SENTENCE = _("When: {when}.")
WHILE_TREATED = common.WHILE_TREATED
CERTAINTY_LINE = _("Certainty: {level}")
TIMING_HEADING = _("How soon it works and how long it lasts")
HOW_SOON = _("**How soon:** {text}")
HOW_LONG = _("**How long:** {text}")
CHANCE_LABELS = common.CHANCE_LABELS
CHANCE_NOT_MEASURED = _("**{label}:** not measured. {why}")
"""`why`: the dataset's `not_measured`, which says what is known instead ("Doctors say it happens
often"): "not measured" alone hid it."""
MORE_ABOUT_TIMING = _("More about how soon and how long")

# ---------------------------------------------------------------- side effects and harms

HARMS_INTRO = _(
    'Figures are out of 100 people, or out of 100 injections where it says "per injection". '
    "Each picture shows an option's most common one."
)
"""Botulinum toxin's side effects are counted per injection (the dataset's `per: injection`): the
intro must not call every figure a count of people above them."""
PASSING_HARMS = common.PASSING_HARMS
LASTING_HARMS = common.LASTING_HARMS
NONE_REPORTED = common.NAMED_NONE_REPORTED
HAVE_IT = _("have it")
HAVE_IT_PER_INJECTION = _("have it per injection")
CERTAINTY_NOTE = _("certainty {level}")

# ---------------------------------------------------------------- the next five years

NO_REFERENCE_LINE = _(
    "No treatment for now has no line here: its figures are not given year by year. "
    "Its figures are in the At a glance topic."
)
MVD_LINE_LOCAL = _("The MVD surgery line uses {mark}.")
NOT_DRAWN = _("Not drawn: {options}, whose figures may not apply to you.")
"""Under the five-year chart: the options whose figures may not apply to the patient (a caution
with `not_matched`, such as MVD with MS) get no line, as they get no bar in the match: MVD's line
rose to 92 in 100 for someone with MS, for whom no study has counted its results (clinical
review, 2026-12-04)."""
NONE_DRAWN = _("So no lines are drawn here. What each treatment asks of you is below.")
"""Under the note over the topic that the figures for all three may not apply (`pages.compare`)."""
NOT_DRAWN_CELL = _("Not shown: the figures may not apply to you")
ASKS_HEADING = _("What each option asks of you over {years} years")
CONTROL_ON_AVERAGE = _("Spasm under control, on average")
OVER_YEARS = _("Over {years} years")
FIGURE_AND_RANGE = _("{figure} ({range})")
"""'63 out of 100 people (could be 50 to 75 out of 100)': `range` in the charts' own words,
which say so when the studies give no range."""
NO_TREATMENT_ASKS = _("no treatment; see your doctor if it changes")
REFERENCE_CONTROLLED = _("Spasm went away for a time: {figure}")
"""The no-treatment row's figure, which counts something else than the options' rows."""
REFERENCE_SPREAD = _(
    "{said}. The line spreads one clinic's {total} out of 100 evenly over about {years} years."
)
"""After it: the 10 in 100 is the 5-year average of the line that spreads the clinic's 41 in 100
over its 12 years; the grid gives the 41 and the line reaches 17, and the row read as a third
count of the same people (clinical review, 2026-12-04)."""
PILL_DAYS = _("tablets every day ({days} days)")
INJECTION_VISITS = _("about {n} injection visits")
CLINIC_VISITS = _("about {n} clinic visits")
HOSPITAL_NIGHTS = _("about {n} nights in hospital")
RECOVERY_WEEKS = _("about {n} weeks of recovery")
ASKS_NOTHING = _("nothing")
HOW_WORKED_OUT = _("How these figures are worked out")


def operations(n: int) -> str:
    """'usually 1 operation': the projection counts the first operation only; about 9 in 100 have
    a second one (the dataset's `reoperation`), as the grid and the knowledge check say."""
    return ngettext("usually {n} operation", "usually {n} operations", n).format(n=n)


# ---------------------------------------------------------------- all the figures

FIGURES_INTRO = _(
    "Every chance the aid gives, out of 100 people (or 100 injections, where it says so), with "
    "where it comes from: one table, one tab for each option. How soon each one works and how "
    'long it lasts are in "{works}". Visits, nights in hospital and weeks of recovery are in '
    '"{years}".'
)
"""It said "every figure the aid uses", and the times, visits and nights were not in it (clinical
review, 2026-12-04): they stand, with their sources, in the topics it names."""
COL_OPTION = common.OPTION
COL_FIGURE = common.FIGURE
COL_OUT_OF_100 = _("Out of 100")
COL_RANGE = _("Range")
COL_WHEN = common.WHEN
COL_HOW_SURE = _("How sure")
COL_SOURCES = common.SOURCES
NAME_PER_INJECTION = _("{name} (per injection)")
FULL_CITATIONS = _("Full citations")

# ---------------------------------------------------------------- how they fit you

MVD_MATCH_LOCAL = _("MVD surgery's match uses {mark}.")
NO_MATCH = _(
    "**{name}** may not be suitable for you, so it gets no match: {why} Its figures stay in the other topics."
)
NO_MATCH_FIGURES = _(
    "**{name}** gets no match, because its figures may not apply to you: {why} "
    "Its figures stay in the other topics."
)
NO_MATCH_FIGURES_MANY = _(
    "{names} get no match, because their figures may not apply to you: {why} "
    "Their figures stay in the other topics."
)
MATCH_RANGE = _("Match {match} (range {low} to {high}).")


def cautions_for_you(n: int, topic: str) -> str:
    """Beside an option's match: the cautions from the patient's answers sit under the grid, not
    here, and a match (after an earlier MVD, say) reads differently with them."""
    return ngettext(
        '{n} caution for you: see it under the grid in "{topic}".',
        '{n} cautions for you: see them under the grid in "{topic}".',
        n,
    ).format(n=n, topic=topic)


NOTHING_SET_WEIGHS_ANY = _(
    "You set {labels} to 0, so nothing you set weighs for or against any of the options."
)
"""The fit topic's sentences when every priority the patient set is at 0 (one sentence, not the
same one for each option)."""
NOT_SET_COUNTS_AS_MIDDLE = _(
    "The sentences above are only about what you set. You have not set these yet, so each counts "
    "as the middle ({weight}) in the bars: {labels}."
)
"""Under the fit sentences when some priorities are unset: they count in the match (as the
priorities page says), but the sentences never call them the patient's wishes."""
CHANGE_HEADING = _("What would change the picture?")
NOTHING_WOULD_CHANGE = _("Changing how much any one thing matters to you would not change the picture.")
ANCHORS_TITLE = _("The scale's anchors (value judgements)")
HOW_MATCH_WORKS = _("How the match is worked out")
HOW_MATCH_WORKS_TEXT = _(
    "Each option gets a score from 0 to 1 on each thing that matters, from the figures. "
    "The match adds these up, weighted by how much each thing matters to you. "
    "These choices about what counts as the worst score are ours, not evidence:"
)
CHANGE_PRIORITIES = _("Change what matters to you")
SLIDER_SCALE = _("0: does not matter to you; 10: matters a lot.")
SAY_WHAT_MATTERS_FIRST = _(
    'Say what matters to you first: move any slider above, or use the page "What matters '
    'to you". Until then the aid does not line the options up; the other topics show the evidence.'
)
