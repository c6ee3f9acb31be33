"""The engine's own sentences (`decision_aid.engine`, `scoring`, `projection`): the scale's value
judgements in plain words (the anchors), the "would another option line up" sentences, the
notices about the answers, the caution for an option the patient does not want, and each
assumption of the five-year projection. Numbers come in already written as text."""

from __future__ import annotations

from decision_aid.i18n import _
from decision_aid.words.common import OPTION_STATUS, PRIORITY_LABELS

# ---------------------------------------------------------------- the scale's anchors (scoring)

_ANCHOR_ONE_PRIORITY = _(
    "Each thing that happens with a treatment counts under one priority only. The need to keep "
    "repeating a treatment, the time a treatment takes, and having an operation are counted apart."
)
_ANCHOR_WEIGHTS = _(
    "How much a priority counts: the number you gave it, times itself. So a 10 counts four times "
    "as much as a 5, and what you rate highest leads. Nothing is matched until you say how much "
    "at least one thing matters to you. Then any priority you left alone counts as 5."
)
_ANCHOR_RELIEF = _(
    "{priority}: how many out of 100 are clearly better while the treatment works. "
    "The same measure is used for every option."
)
_ANCHOR_LASTING = _(
    "{priority}: a treatment you must repeat or take every day "
    "scores 0. An operation scores by how many out of 100 do not have the spasm come back over the "
    "years shown."
)
_ANCHOR_SERIOUS = _(
    "{priority}: we add up the chances of harms that are serious or do not "
    "go away. If they add up to {anchor} or more in 100 people, the score is 0. None "
    "at all gets full marks."
)
_ANCHOR_SIDE_EFFECTS = _(
    "{priority}: we add up the chances of side effects that go away (for injections, over a year "
    "of shots; for medicines, of all four, as we do not know which you would take). If they add up "
    "to {anchor} or more in 100 people, the score is 0."
)
"""Medicines' passing harms are those of carbamazepine, clonazepam, baclofen and gabapentin
together (`scoring.attribute_scores` sums every passing risk of an option), so said here."""
_ANCHOR_BURDEN = _(
    "{priority}: this counts visits for treatment, pills every "
    "day and weeks off after an operation. {visits} or more visits a year use up the "
    "whole scale. Pills every day use up half of it. Weeks off are spread over the years shown; "
    "{weeks_off} or more weeks a year use up the whole scale. Repeat visits count here "
    "for the time they take. Under '{lasting}' they count only because "
    "the treatment must go on."
)
_ANCHOR_RECOVERY = _("{priority}: an operation scores 0. Every other option gets full marks.")
_ANCHOR_MATCH = _(
    "The match is the average of these scores, each counted by how much it matters to you, out of "
    "100. The range beside it uses the worst and the best ends of every figure. If an option is "
    "less than 1 point behind the one above it, the two line up about the same and share a place."
)
"""The last sentence is `engine.LEVEL_WITHIN_TENTHS` (a point is far less than the range): each
option is level with the next one up when less than a point behind it, so three can share a place."""


def anchors_text(*, serious: str, side_effects: str, visits: str, weeks_off: str) -> tuple[str, ...]:
    """The scale's value judgements in plain words, with its anchors (numbers as text) put in."""
    label = PRIORITY_LABELS
    return (
        _ANCHOR_ONE_PRIORITY,
        _ANCHOR_WEIGHTS,
        _ANCHOR_RELIEF.format(priority=label["relief"]),
        _ANCHOR_LASTING.format(priority=label["lasting"]),
        _ANCHOR_SERIOUS.format(priority=label["serious_risk"], anchor=serious),
        _ANCHOR_SIDE_EFFECTS.format(priority=label["side_effects"], anchor=side_effects),
        _ANCHOR_BURDEN.format(
            priority=label["burden"].split(" (")[0],  # the label without its examples
            visits=visits,
            weeks_off=weeks_off,
            lasting=label["lasting"].lower(),
        ),
        _ANCHOR_RECOVERY.format(priority=label["recovery"]),
        _ANCHOR_MATCH,
    )


# ---------------------------------------------------------------- sensitivity (engine)

NOT_RANKED_TEXT = _(
    "Nothing is matched or put in order yet. Say how much at least one thing matters to you. "
    "Then the options are lined up against what you said."
)
IF_MORE = _("If {priority} mattered more to you ({weight}), {change}.")
IF_LESS = _("If {priority} mattered less to you ({weight}), {change}.")
IF_MORE_OR_LESS = _(
    "If {priority} mattered more to you ({up_weight}), {up_change}; "
    "if {priority} mattered less to you ({down_weight}), {down_change}."
)
"""`{change}` is one of the four changes below."""
NEW_LEADER = _("{option} would line up most closely instead of {now}")
PULLS_AHEAD = _("{option} would line up more closely than {others}")
"""Two or more options line up about the same now (level: each less than a point behind the next
one up, `engine._level_groups`), and some of them would move ahead of the rest."""
DRAWS_LEVEL = _("{others} would line up about the same as {now}")
LEVEL_INSTEAD = _("{options} would line up most closely, about the same as each other, instead of {now}")
AT_LEAST = _("{weight} out of 10 or more")
AT_MOST = _("{weight} out of 10 or less")
AT_THE_END = _("{weight} out of 10")
"""The weight at which the picture changes; at the scale's end (10 or 0) nothing lies beyond it,
so not "10 out of 10 or more"."""


def at_least(weight: int) -> str:
    return (AT_THE_END if weight >= 10 else AT_LEAST).format(weight=weight)


def at_most(weight: int) -> str:
    return (AT_THE_END if weight <= 0 else AT_MOST).format(weight=weight)


NO_CHANGE = _(
    "Changing how much {priority} matters to you would not change which option lines up most closely."
)
NO_CHANGE_LEVEL = _(
    "Changing how much {priority} matters to you would not change which options line up most closely."
)
"""`{priority}` is the priority's label in lower case."""

# ---------------------------------------------------------------- notices and cautions (engine)

ALL_ZERO = _(
    "Every priority is set to 0, so there is nothing to compare the options on: "
    "nothing is matched. Move at least one slider above 0."
)
MVD_RESULT_UNUSED = _(
    "You said how an earlier MVD operation went, but not that you have had MVD before, "
    "so that answer was not used. Add MVD to the treatments you have tried if you had it."
)
AVOIDED = _("You said you do not want {option}, whatever the figures say.")
"""`{option}` is the option's name as used inside a sentence."""
AVOIDED_LABEL = OPTION_STATUS["avoided"]
"""`AVOIDED` in a few words, as a dataset rule's `label` is (the glance grid's short list)."""
AVOIDED_LAST = _(
    "Options you said you do not want come after the ones you did not rule out, whatever their match."
)
"""The scale's value judgement on ruled-out options (`engine._ranks`), added to the anchors only
where it decides a place (`engine.anchors_for`): said to everyone, it cost some summaries their
pictures for a case most never meet."""

# ---------------------------------------------------------------- projection assumptions

AVERAGE_PERSON = _(
    "These lines are for the average person in the published studies, not a forecast for you. "
    "Every option's line counts the same thing: people who are {measure}. The no-treatment "
    "line is a reference that counts something else (below)."
)
SHADED_RANGE = _("The shaded range uses the least and the most favourable ends of every figure.")
COVERAGE_PUBLISHED = _(
    "{name}: one injection works for about {effect_low} to {effect_high} weeks, and "
    "published series give about {gap_low} to {gap_high} weeks between injections. "
    "So the effect covers about {cover_low} to {cover_high} "
    "days in 100 (about {cover} on average), not every day. The line is "
    "the share clearly better at an injection's best, times that share of the year."
)
COVERAGE_USUAL = _(
    "{name}: one injection works for about {effect_low} to {effect_high} weeks, and "
    "the usual number of injections a year give about {gap_low} to {gap_high} weeks between injections. "
    "So the effect covers about {cover_low} to {cover_high} "
    "days in 100 (about {cover} on average), not every day. The line is "
    "the share clearly better at an injection's best, times that share of the year."
)
STOPPED = _(
    "{name}: the share helped, less the people who stop because of side effects over "
    "the years the figure covers."
)
NOT_FOLLOWED = _(
    "{name}: the share helped, the same every year. No study has followed people on these "
    "medicines for years, so the line does not take off people who stop because of side "
    "effects or whose benefit fades. The true line is probably lower."
)
RECURRENCE_MOSTLY_WITHIN = _(
    "{name}: the share helped after the operation, less those whose spasm comes back "
    "({range} in the studies), most of it within the first {years} years, "
    "as the studies found. The line adds none after that, though studies that followed people "
    "for longer found a few more."
)
RECURRENCE_SPREAD = _(
    "{name}: the share helped after the operation, less those whose spasm comes back "
    "({range} in the studies), spread evenly over the {years} years the studies "
    "followed people."
)
RECURRENCE_FIRST_YEAR = _(
    "{name}: the share helped after the operation, less those whose spasm comes back "
    "({range} in the studies), all of it counted from the first year."
)
LATE_RELIEF = _(
    "{name}: for {range} people the spasm goes only after {months_low} to {months_high} months. "
    "The studies count them as not yet free of the spasm, not as not better. So only the low end "
    "of the shaded range counts them as not yet better in the first year."
)
"""`{range}` (and the recurrence's above) as `words.common.per_100_range` gives it, so these
notes say chances in whole people as every other text does: they gave the studies' figures
with their decimals ("0.4 to 9.8 in 100"). No "about" before it: a range says so itself, and
"about fewer than 1" would not read."""
LATE_RELIEF_UNTIMED = _(
    "{name}: some people's relief comes weeks or months after the operation; the line does "
    "not show this because the studies do not say how long it takes."
)
NATURAL_COURSE = _(
    "{name}: a reference line that counts something else: the people in one clinic whose spasm "
    "went away by itself for a time ({per_100} out of 100 over about {years} years on average), "
    "spread evenly over those years and counted from then on. For some the spasm came back, so "
    "the true line is probably lower. The match does not score it."
)
NATURAL_COURSE_UNDRAWN = _(
    "{name}: no line is drawn, because the figures do not say over how many years the spasm "
    "went away by itself. It is shown for comparison; the match does not score it."
)
