"""The charts' words (`decision_aid.charts`): titles, axis, legend and tooltip titles, the
short accessible names and the text alternatives' sentences, shared by the app and the PDF.
Every sentence goes through `_()` (see `decision_aid.i18n`); the figures go in by name."""

from __future__ import annotations

from decision_aid.i18n import _, ngettext
from decision_aid.words import common
from decision_aid.words.common import SITUATION_LABELS
from decision_aid.words.pages import priorities

# ---------------------------------------------------------------- options

DEFAULT_SHORT_NAMES: dict[str, str] = {
    "medication": SITUATION_LABELS["leaning"]["medication"],
    "botulinum": _("Botulinum toxin"),
    "mvd": SITUATION_LABELS["leaning"]["mvd"],
}
"""Fallback labels when a frame has no `short_name` column (the dataset's names win). The same
words as the dataset's short names; 'Medicines' and 'MVD surgery' are the answer labels too."""

REFERENCE_NAME = SITUATION_LABELS["leaning"]["no_treatment"]
"""The projection's reference line: 'No treatment for now', as the answer is labelled."""


# ---------------------------------------------------------------- shared by several charts

IN_WORDS = _("The same figures are given in words with the chart.")
"""The end of every chart's short accessible name: the full text alternative (`describe_*`)
is printed with the chart and read there, so a screen reader does not read it twice."""

OPTION = common.OPTION
PRIORITY = _("Priority")
YEAR = _("Year")
UNDER_CONTROL_OUT_OF_100 = _("Under control, out of 100")
COULD_BE_FROM = _("could be from")
"""Tooltip title of a range's low end (indented under the figure)."""
TO = _("to")
"""Tooltip title of a range's high end (indented under the figure)."""

OUT_OF_100 = _("{n} out of 100")
FEWER_THAN_1_OUT_OF_100 = _("fewer than 1 out of 100")
NONE_REPORTED_SHORT = _("none reported in the studies used")
"""A picture's heading where the studies report no such harm: not a measured '0 out of 100'."""
NAMED_NONE_REPORTED = common.NAMED_NONE_REPORTED
OPTION_FIGURE = _("{name}: {figure}")
"""An option's heading over its picture or bar: 'Botulinum toxin: 95 out of 100'."""

MAY_NOT_SUIT = common.as_sentence(common.OPTION_STATUS["not_suitable"])
SAID_NO = common.as_sentence(common.OPTION_STATUS["avoided"])

NONE_IN_THE_STUDIES = _("none in the studies")
NO_RANGE_GIVEN = common.NO_RANGE_GIVEN
COULD_BE = _("could be {range}")
"""'could be 73 to 98 out of 100'."""

# Errors in the data a chart is given (a caller's mistake, shown if one ever reaches the page).
UNKNOWN_OPTION = _("unknown option id {option} in chart data; allowed: {allowed}")
ONE_ROW_PER_OPTION = _("{chart} needs one row per option; {option} has several (filter the frame first)")
ICON_ARRAY_SIZE = _("an icon array needs per >= 1 and columns >= 1 (got per={per}, columns={columns})")

# ---------------------------------------------------------------- icon arrays

DO_NOT = _("do not")
"""What the people without the outcome do, after 'have good control of the spasm'."""
HAVE_THIS_OUTCOME = _("have this outcome")
PEOPLE_WHO = _("People who {what}")
"""A legend entry: 'People who have good control of the spasm'."""
FEWER_THAN_1_OUT_OF = _("fewer than 1 out of {per} people")
N_OUT_OF = _("{n} out of {per} people")
COUNT_HAVE = _("{count} {label}.")
"""'37 out of 100 people have good control of the spasm.'"""
REST_HAVE = _("{rest} out of {per} {other_label}.")
ALMOST_ALL_HAVE = _("Almost all {per} {other_label}.")
TOO_FEW_TO_SHOW = _("Too few to show in a picture of {per} people.")
A_PICTURE_OF = _("A picture of {per} people.")
FIRST_PERSON = _("This is the first person in the picture, at the top left.")
FIRST_PEOPLE = _("They are the first {n} people in the picture, from the top left.")
PICTURES_FOR_EACH_OPTION = _("Pictures of 100 people for each option, showing how many {what}.")
OPTION_COUNT = _("{name}: {count} {what}.")
OPTION_COUNT_RANGE = _("{name}: {count} {what} ({range}).")
IT_MAY_NOT_SUIT = _("It may not be suitable for you.")
SAID_NO_TO_IT = _("You said you do not want it.")

# ---------------------------------------------------------------- match chart

MATCH_TITLE = _("How the options line up with what matters to you")
"""Unset priorities count too (as the middle), so not "what you said matters"; the PDF's
section heading says it the same way."""
MATCH_SUBTITLE = _(
    "Longer bar: lines up more closely with your answers. The thin line under "
    "each bar shows the range if the figures are at the low or high end."
)
MATCH_AXIS = _("How closely it lines up with your answers (0 to 100)")
MATCH_LEGEND = priorities.TITLE
"""The priorities page's title ("What matters to you"): the legend lists all six, set or not (an
unset one counts as the middle), so not "what you said matters"."""
MATCH_WEIGHT = _("How much it matters to you (0-10)")
MATCH_ADDS = _("Adds")
MATCH_BAR_LABEL = _("{name}: {total} out of 100, made of {parts}.")
"""What a screen reader hears for one bar of the app's match chart (`charts.match_html`): the parts
in whole numbers that add up to the total, as the bar shows them by colour."""
MATCH_BAR_EMPTY = _("{name}: 0 out of 100, an empty bar.")
MATCH_PART = _("{points} for {priority}")
MATCH_RANGE = _("{total} (could be {low} to {high})")
MATCH_DESCRIPTION = _("{title}: a bar for each option ({names}), on a scale from 0 to 100.")
MATCH_SCALE = _("{title}, on a scale from 0 to 100.")
LARGEST_PART = _("The largest part comes from {priority}.")

# ---------------------------------------------------------------- projection

PROJECTION_TITLE = _("Spasm under control, out of 100 people")
PROJECTION_SUBTITLE = _("In {span}, for the average person in the studies; not a forecast for you.")
SHADED_BAND = _("Shaded band: the range from the studies.")
YEAR_AFTER_STARTING = _("Year after starting")
PROJECTION_AXIS = _("People with the spasm under control,\nout of 100")
"""The y axis title, one line per line."""
REFERENCE = _("Reference")
PROJECTION_DESCRIPTION = _(
    "Out of 100 people, how many have the spasm under control in {span}: a line for each option ({names})."
)
PROJECTION_SPAN = _("Out of 100 people, how many have the spasm under control in {span}.")
ABOUT_EACH_YEAR = _("{name}: about {n} out of 100 each year ({range}).")
ABOUT = _("{name}: about {n} out of 100 ({range}).")
FIRST_AND_LAST_YEAR = _(
    "{name}: about {first} out of 100 in year {first_year}, and {last} out of 100 in year {last_year}. "
    "In year {last_year}, it {range}."
)
REFERENCE_LINE = _(
    "Reference line, {name}, counting people whose spasm went away for a time: about {n} out of "
    "100 by year {year} ({range})."
)
REFERENCE_SUBTITLE = _("Grey dashed line: no treatment, counting spasm that went away for a time.")
"""Under the title when the reference line is drawn: it is not the options' measure."""


def next_years(years: int) -> str:
    """The span a projection covers: 'the next year' or 'each of the next 5 years'."""
    if years == 1:
        return _("the next year")
    return ngettext("each of the next {years} year", "each of the next {years} years", years).format(
        years=years
    )
