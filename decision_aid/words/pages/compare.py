"""Page 4, Compare the options: the page's own words around the topics (the topics' words are
their own modules')."""

from __future__ import annotations

from decision_aid.i18n import _
from decision_aid.words import common
from decision_aid.words.common import BACK_TO

NEXT_TOPIC = common.NEXT_TOPIC
"""Home mode's button to the next topic (the compare page's step buttons)."""

TITLE = _("Compare the options")
BACK = BACK_TO
TOPIC_OF = _("Topic {n} of {total}: {title}")
"""Home mode's heading over a topic that is one of the steps."""
CHOOSE_TOPIC = _("Choose a topic to talk about")
EVERY_FIGURE = _("See all the figures")
NOT_SUITABLE_HERE = _('{options} may not be suitable for you: see why under the grid in "{topic}".')
FIGURES_MAY_NOT_APPLY = _(
    'The figures for {options} may not apply to you: see why under the grid in "{topic}".'
)
FIGURES_MAY_NOT_APPLY_ALL = _(
    'The figures for all three treatments may not apply to you: see why under the grid in "{topic}".'
)
"""Over a topic other than the glance (its grid lists the cautions) and the fit (it says why an
option gets no match): the options the patient's answers say may not be suitable, or whose
figures may not apply to them (`Rule.not_matched`), and where to read why."""
