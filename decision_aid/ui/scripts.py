"""The app's static scripts (decision_aid/assets/*.js), with no answer in them.

Kept apart from `components` (which imports pandas and the engine) so that bench/bare_app.py
runs the very same script in its shell.
"""

from __future__ import annotations

import json
from string import Template

from decision_aid.ui.css import ASSETS


def _script(asset: str, **values: object) -> str:
    """A script from decision_aid/assets, its ``$name`` placeholders filled with `values` as
    JavaScript literals; one without values is read as it is (its own ``${...}`` are JavaScript)."""
    text = (ASSETS / asset).read_text(encoding="utf-8")
    return Template(text).substitute({k: json.dumps(v) for k, v in values.items()}) if values else text


TYPING_PAUSE_MS = 800
"""How long typing stops before a text area's text is sent: long enough not to rerun the page at
every word, short enough that a quick Back rarely comes first."""

ONE_ENTRY_PER_VIEW_JS = _script("one_entry_per_view.js", param="topic")
"""One browser history entry per page and per compare topic (`components.fixed_scripts`)."""

BACK_WAIT_MS = 5000
"""How long Back, pressed with typed text the app has not had, waits for the app's new link before
it takes the step anyway (a run takes well under a second; an unchanged box writes no link)."""

SEND_TYPED_TEXT_JS = _script("send_typed_text.js", pause=TYPING_PAUSE_MS, wait=BACK_WAIT_MS)
"""A text area's text sent when the typing pauses (`components.fixed_scripts`)."""

COPY_WAIT_MS = 3000
"""How long after a click on the link's copy button, made while typing in a box, the link the box
sends is copied too (a run takes well under a second)."""

COPY_FRESH_LINK_JS = _script("copy_fresh_link.js", wait=COPY_WAIT_MS)
"""The link copied again when the click that copied it also sent a typed answer
(`components.fixed_scripts`)."""

NAME_GROUPS_JS = _script("name_groups.js")
"""Controls under one question (a container keyed "group_..." or a priority's "box_...") as a group
named by it, each button in it named with the question too."""

MARK_CURRENT_PAGE_JS = _script("mark_current_page.js")
"""The page link of the page on view marked aria-current="page"."""

KEEP_FOCUS_JS = _script("keep_focus.js")
"""The keyboard focus back on a button Streamlit disabled while it worked (`components.fixed_scripts`)."""

FIXED_SCRIPTS_HTML = "".join(
    f"<script>{js}</script>"
    for js in (
        ONE_ENTRY_PER_VIEW_JS,
        SEND_TYPED_TEXT_JS,
        COPY_FRESH_LINK_JS,
        NAME_GROUPS_JS,
        MARK_CURRENT_PAGE_JS,
        KEEP_FOCUS_JS,
    )
)
"""The six scripts in one element: the bench's bare app runs the same one."""
