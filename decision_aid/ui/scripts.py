"""The app's static scripts (decision_aid/assets/*.js), with no answer in them.

Kept apart from `components` (which imports pandas and the engine) so that bench/bare_app.py
runs the very same script in its shell.
"""

from __future__ import annotations

import json
from string import Template

from decision_aid.ui.css import ASSETS

ONE_ENTRY_PER_VIEW_JS = Template((ASSETS / "one_entry_per_view.js").read_text(encoding="utf-8")).substitute(
    param=json.dumps("topic")
)
"""One browser history entry per page and per compare topic (`components.one_entry_per_view`)."""

ONE_ENTRY_PER_VIEW_HTML = f"<script>{ONE_ENTRY_PER_VIEW_JS}</script>"
