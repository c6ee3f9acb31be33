"""The app's shared words (`decision_aid.ui`): the sidebar, Back and Next, figures with their
sources, option status, local surgical figures, notices about the link and the answer widgets.
Every sentence goes through `_()` (see `decision_aid.i18n`)."""

from __future__ import annotations

from decision_aid.i18n import _

# ---------------------------------------------------------------- the shell

APP_NAME = _("Hemifacial spasm decision aid")
PAGE_TITLE = _("{page} - {app}")
"""The browser tab's title on each page: a screen reader announces it when the page changes, so it
names the page first ("Your situation - Hemifacial spasm decision aid")."""
CANNOT_START = _(
    "The aid cannot start because its evidence file has problems. Please tell the team who runs this aid."
)
BROKEN_FILE = _("**File:** {path}")

# ---------------------------------------------------------------- figures and their sources

SOURCES = _("Sources: {ids}")
RANGE = _("range {range}")
"""A figure's range beside it, in the clinician's layer."""
PUBLISHED_RANGE = _("published range {range}")
"""Beside a local figure: the studies' range (the figure itself is the surgical team's own)."""
ABOUT_QUANTITY = _("about {n} {unit}")
"""'about 4 injection visits a year' (the unit is the dataset's)."""

# ---------------------------------------------------------------- an option's status
# (the status words themselves are `words.common.OPTION_STATUS`, one table for every view)

NOT_AN_OPTION_CAUTION = _("**{status}.** {caution}")
YOUR_CHOICE_CAUTION = _("**Your choice:** {caution}")

# ---------------------------------------------------------------- the mode and the sidebar

WHO_IS_USING = _("Who is using this now?")
MODE_LABELS: dict[str, str] = {
    "home": _("Me, at home"),
    "consult": _("Me with my clinician (consult)"),
}
MODE_HELP = _(
    "Consult mode opens the clinician's layer: sources, ranges and local figures. Your answers stay the same."
)
CONSULT_NOTICE = _('Consult mode: the clinician\'s layer is open. Switch back under "{menu}" in the menu.')
"""`menu` is WHO_IS_USING."""
COPY_LINK = _("**Copy link to these answers**")
COPY_LINK_NOTE = _("Open this link later to see your answers again. Nothing is saved anywhere else.")
ASK_YOUR_DOCTOR = _("Questions? Talk to your doctor or nurse. This aid does not give medical advice.")
THIS_PAGE_ADDRESS = _("(the address of this page)")
"""Shown for the link when neither the browser's address nor any answer is known."""
NEXT_PAGE = _("Next page: {title}")
PREVIOUS_PAGE = _("Previous page: {title}")
"""The page links at the foot of a page: "page", so they are not taken for the compare page's
Back / Next topic buttons just above them."""

# ---------------------------------------------------------------- local surgical figures

LOCAL_NAMES: dict[str, str] = {
    "mvd_success": _("MVD: spasm gone"),
    "mvd_hearing_loss": _("MVD: lasting hearing loss"),
}
"""Short names of the local figures, for the home banner and the consult panel's label."""

LOCAL_LINE = _("{name}: {value} out of 100")
LOCAL_LINE_PUBLISHED = _("{name}: {value} out of 100 (published figure: {published})")
LOCAL_BANNER = _(
    "**This link carries local surgery figures.** A clinician entered them for one team. "
    "They replace published figures on these pages:"
)
USE_PUBLISHED = _("Use the published figures instead")

LOCAL_LABELS: dict[str, str] = {
    "mvd_success": _("LOCAL: people spasm-free after MVD with this team, out of 100"),
    "mvd_hearing_loss": _("LOCAL: people with lasting hearing loss after MVD with this team, out of 100"),
}
"""The consult panel's text boxes."""
LOCAL_PLACEHOLDER = _("not given")
LOCAL_PANEL = _("Local surgical figures (clinician)")
LOCAL_PANEL_IN_USE = _("Local surgical figures (clinician): in use, {names}")
LOCAL_PANEL_NOTE = _(
    "If your surgical team has its own results, enter them here. They replace the central "
    "figure for MVD and are marked LOCAL wherever they appear. Leave empty to use the "
    "published figures. Plain digits, at most four decimals."
)
LOCAL_DECIMAL_COMMA = _("use a point for decimals, for example 85.5")
LOCAL_NOT_A_NUMBER = _("it is not a number")
LOCAL_OUT_OF_RANGE = _("it must be from 0 to 100 (people out of 100)")
LOCAL_TOO_PRECISE = _("use plain digits with at most four decimals, for example 0.0125")
LOCAL_NOT_USED = _('"{text}" is not used: {why}. The published figure is used until you change it.')
LOCAL_USED = _("Used: {used} out of 100 (LOCAL). Published: {published} (range {range}).")
PUBLISHED_USED = _("Published: {published} (range {range}). Used: the published figure.")

# ---------------------------------------------------------------- notices about the link

LINK_NOTICES_OK = _("OK, hide these notes")
LINK_NOT_ALLOWED = _("The link had {param}={value}, which is not allowed ({allowed}); using the default.")
"""`value` is the text as it came, quoted."""
LINK_NOTE_TOO_LONG = _("Your note in the link was too long: {why}. The part left out is shown below.")
LINK_CUT_SHORT = _(
    "This link looks cut short. It ends part-way through an answer ({part}): that answer may be "
    "incomplete, and any after it were not in the link and are back to their first settings. "
    "Open the whole link again, or check your answers on Next steps."
)
"""A link that stopped early, as a text message or a copy sometimes does: the answers at its end
are lost, and the patient must be told which way to find them again. Plain text, as every link
notice is shown (no Markdown)."""
LINK_CHANGED = _(
    "This link has changed since the aid made it, or it was cut short. Some answers may be "
    "missing or different. Open the whole link again, or check your answers on each page."
)
"""The link no longer matches the check the aid put first in it (`profile.CHECK`): the answers
shown may not be the patient's, even where each one reads as an answer."""
LINK_UNKNOWN_PART = _("The link had something this aid does not know: {what}.")
LINK_UNREADABLE = _("The link could not be read, so every answer starts from the default.")
NOTE_CUT_WORDS = _(
    "Your note can hold {limit} characters. The first {limit} are kept; "
    "the last {left_out} were left out. You can shorten the note and add the rest."
)

# ---------------------------------------------------------------- the answer widgets

DEAL_BREAKERS: dict[str, str] = {
    "medication": _("I do not want to take pills every day"),
    "botulinum": _("I do not want regular injections"),
    "mvd": _("I do not want an operation"),
}
"""The deal-breaker checkbox for each option (they set the `avoid` list)."""

SLIDER_NOT_SET = _("{label} (not set yet)")
SLIDER_SET = _("{label} (set)")
NONE_SET = _("None set yet. Move a slider to set it. Until you set one, nothing is matched.")
SET_SO_FAR = _("Set so far: {n} of {total}. Any you leave unset count as the middle (5).")
NOT_SET_YET = _("**Not set yet.** Move the slider to set it. For 5, move it away and back.")
"""An unset slider waits at 5, and a move that ends at 5 changes nothing the app can see: a patient
on a phone who wanted 5 dragged 5 to 7 to 5 and still read "Not set yet" (patient review)."""
SET_VALUE = _("**Set: {value} out of 10.**")
UNSET = _("Clear my answer")
"""The button that sets a priority back to "not set", say after a slider was moved by mistake."""
FOR_EXAMPLE = _("For example:")

# ---------------------------------------------------------------- what each priority means (examples)

ONLY_WHILE_KEPT_UP = _("works only while you keep having it")
DONE_ONCE = _("usually done once")
DONE_ONCE_COMES_BACK = _(
    "usually done once; of the people it makes spasm-free, the spasm comes back for about {figure}"
)
DONE_ONCE_COMES_BACK_WITHIN = _(
    "usually done once; of the people it makes spasm-free, the spasm comes back within about {years} "
    "years for about {figure}"
)
"""The dataset's recurrence counts people first cured: without "of the people it makes
spasm-free", 2 in 100 read as 2 in 100 of everyone operated on ("it helps" read as the 95 in 100
clearly better)."""
TABLETS_EVERY_DAY = _("tablets every day")
NOTHING_REGULAR_AFTER = _("no regular treatment afterwards if it works")
LITTLE = _("little")
NO_OPERATION_NO_TIME_OFF = _("no operation and no time off to recover")
OPERATION_UNDER_GA = _("an operation under general anaesthetic")
NO_SERIOUS_HARM = _("no serious or lasting harm reported")
NO_COMMON_SIDE_EFFECTS = _("no common side effects reported")

# ---------------------------------------------------------------- how an option fits, in a sentence

FITS_ONLY = _("{name} fits {fits}.")
"""`fits`: the wishes it fits, joined (`common.and_list`)."""
WEIGHS_AGAINST_ONLY = _("{name} weighs against {against}.")
FITS_AND_WEIGHS_AGAINST = _("{name} fits {fits}; it weighs against {against}.")
ONLY_PARTLY = _("{wishes} only partly")
ONLY_A_LITTLE = _("{wishes} only a little")
"""Wishes in the grid's middle bands (`common.fit_word`): 'your wish to control the spasm only a
little'. With nothing clearly fitted or against, they are what `FITS_ONLY` says it fits."""
IT_ALSO_FITS = _("It fits {wishes}.")
"""After what an option clearly fits or weighs against, the wishes in between, so that its weaker
points are named as well as its clear ones."""
NOTHING_SET_WEIGHS = _("Nothing you set weighs for or against {name}.")
"""Every priority the patient set is at 0 ("does not matter to me")."""

# ---------------------------------------------------------------- check what you know

QUIZ_SUCCESS = _("Out of 100 people who have {treatment}, about how many are {result}?")
QUIZ_SUCCESS_ANSWER = _("About {answer} with {name}: {result} ({timeframe}).")
QUIZ_ONCE = _("Which treatment is usually done once, rather than repeated or taken every day?")
QUIZ_ONCE_ANSWER = _(
    "{name} is usually done once; some people later have a second operation. The others work "
    "only while you keep having them."
)
"""'Usually': the dataset's second-operation figure (`reoperation`) is about 9 in 100."""
QUIZ_ANAESTHETIC = _("Which treatment needs a general anaesthetic (being put to sleep)?")
QUIZ_ANAESTHETIC_ANSWER = _("{name} needs a general anaesthetic. The others do not.")
