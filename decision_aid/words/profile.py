"""Messages about the link's answers (`decision_aid.profile`): a value that is not allowed and
what is, and the notices for a cut note, a cut link or an unknown name. The app shows them to
the patient; the CLI prints them. Parameter names and values stay as the link writes them."""

from __future__ import annotations

from decision_aid.i18n import _

NOT_ALLOWED = _("{param}={value} is not allowed; allowed: {allowed}")
"""`{value}` is the value as given, quoted."""
ONE_VALUE_ONLY = _("one value only; {allowed}")
UNKNOWN_PARAMETER = _("unknown parameter {name} was ignored")
"""`{name}` is the name as given, quoted."""
UNKNOWN_PARAMETERS = _("{count} unknown parameters were ignored: {names}")
"""Two or more, in one notice: a link with 200 of them had shown 200 boxes before the page."""
AND_MORE = _("{names} and {more} more")
"""The names listed (at most `profile.MAX_NAMED`), then how many more there were."""
CUT_SHORT = _("the link looks cut short: it ends part-way through an answer ({part})")
"""`{part}` is the link's last part as given, quoted: the start of a name, or a name and the
start of a value."""
CHANGED = _(
    "the link does not match its check: it was cut short or changed after the aid made it, so some "
    "answers may be missing or different"
)
"""The link's `check` (a digest of its answers, first in every link the aid writes) no longer
fits them. Said wherever the link is read; the app and the command line say what to do."""
LINK_CUT = _("the link is {length} characters long; only the first {kept} were read")
NOTE_CUT = _(
    "the note is {length} characters long and a note holds at most {most}: "
    "the first {most} are kept, the last {left_out} left out"
)

ALLOWED_WEIGHT = _("a whole number from 0 to 10, or empty (not set)")
ALLOWED_AGE = _("a whole number of years from {youngest} to {oldest}, or empty")
ALLOWED_EMPTY = _("(empty)")
"""The empty value among a choice's allowed values."""
ALLOWED_OPTIONS = _("a comma-separated list of {ids}")
ALLOWED_LOCAL_FIGURE = _("a number from 0 to 100 (per 100 people), or empty")
ALLOWED_NOTE = _("free text of at most {most} characters (a longer note is cut, with a notice)")
ALLOWED_QUIZ = _("a comma-separated list of up to {most} question:right or question:wrong")
UNKNOWN = _("(unknown parameter)")

DEFAULT_NOT_FIRST = _("Profile.{name}: the default must be the first allowed value")
"""A check of the model itself when it loads: a developer's mistake, never a patient's."""
