"""Page 3, What matters to you: the sliders' instructions, the deal-breakers and the free-text
note. The priorities' own names are `common.PRIORITY_LABELS`."""

from __future__ import annotations

from decision_aid.i18n import _

TITLE = _("What matters to you")
SLIDERS_HOW = _(
    "Move each slider to show how much each thing matters to you. "
    "**0** means it does not matter to you. **10** means it matters a lot."
)

DEAL_BREAKER = _("Is anything a deal-breaker?")
DEAL_BREAKER_HOW = _(
    "Tick a box if you would not have a treatment, whatever the figures say. "
    "It is kept apart from the sliders. The treatment still shows on the next page, "
    "marked as your choice."
)

ANYTHING_ELSE = _("Anything else that matters to you?")
NOTE_LABEL = _("Write it in your own words (optional)")
NOTE_EXAMPLE = _("For example: I drive for work, or I look after my grandchildren. Up to {limit} characters.")
NOTE_LEFT_OUT = _(
    "**Your link's note was longer than {limit} characters.** This part was left out. "
    "Copy it if you want to keep it:"
)
YOU_WROTE = _("**You wrote:**")
NOT_SCORED = _("This is not scored. It goes on your summary so you can talk about it.")
