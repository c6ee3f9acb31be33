"""Page 1, About hemifacial spasm: what it is, why it happens, waiting as a choice, the three
treatments, and about this aid."""

from __future__ import annotations

from decision_aid.i18n import _

TITLE = _("About hemifacial spasm")

THE_CHOICE = _(
    "**The choice:** how to treat your hemifacial spasm, or whether to treat it now. "
    "This aid helps you and your doctor make that choice together."
)
WHO_IT_IS_FOR = _(
    "This aid is for people whose doctor has told them they have hemifacial spasm. "
    "Some other problems look like it, such as twitching of both eyelids. "
    "If you are not sure of your diagnosis, ask your doctor first."
)

WHAT_IS_IT = _("What is it?")
WHAT_IT_IS = _(
    "Hemifacial spasm makes the muscles on **one side of your face** twitch or pull. "
    "It often starts around the eye. Over time it can spread to the cheek and mouth. "
    "You cannot stop the twitches by trying."
)

WHY_DOES_IT_HAPPEN = _("Why does it happen?")
WHY_IT_HAPPENS = _(
    "- Most often, a **blood vessel presses on the facial nerve** inside the skull. "
    "Each pulse rubs the nerve, and the nerve sends out extra signals.\n"
    "- Sometimes it starts **after Bell's palsy or an injury** to the face.\n"
    "- Rarely, it comes from **multiple sclerosis (MS)**, or from a growth pressing on the "
    "nerve. A scan can rule these out."
)

WITHOUT_TREATMENT = _("What happens without treatment?")
NATURAL_COURSE = _(
    "It is not dangerous to your life or brain. But it can shut your eye, which can make "
    "driving or reading unsafe. It often spreads or gets stronger over the years. "
    "Some people get better on their own for a while, but it rarely goes away for good."
)
"""The natural course in plain words (clinical review 2026-11, section 3, worst sentence 2), with
"Some" for its "A few": the figures under it say 41 in 100 in one study went away for a time.
It said "Most do not" right above those figures (41 went away for a time, 10 got partly better:
two reviews, 2026-12-03); "rarely goes away for good" says what the dataset's figures note says
reviews found ("rarely goes away by itself")."""
FIGURE_WHEN = _("When: {timeframe}. How sure we are: {certainty}.")
FIGURE_RANGE = _("Range: {range}. {sources}")
"""Consult mode: the figure's range (or that the studies give none), then its sources."""
A_REAL_CHOICE = _("{name}: a real choice")
WAITING_IS_A_CHOICE = _("Choosing to wait is a reasonable choice, not a failure to decide.")
"""After the dataset's "what it involves", which already says a treatment can start at any time."""

THE_THREE_TREATMENTS = _("The three treatments")
WHAT_IT_INVOLVES = _("What it involves: {involves}")
NEXT_PAGES = _(
    "The next pages ask about your situation and what matters to you. "
    "Then you can compare the treatments side by side."
)

SOURCES_AND_REVIEW = _("Sources and dates")
REVIEW_DATES = _("Evidence last checked: **{last}** (version {version}). Next check due: **{next}**.")
"""The team's own check of the studies (the update policy's yearly one), not a clinician's review,
which `NOT_REVIEWED` or the reviewers' names report: "last reviewed" beside "Not yet reviewed by a
clinician" read as two answers to one question."""
ALL_SOURCES = _("All sources used in this aid")

ABOUT_THIS_AID = _("About this aid")
NOT_REVIEWED = _("Not yet reviewed by a clinician.")
"""Shown while the dataset names no reviewer (also in the review pack, which asks for one)."""
REVIEWER = _("{name}, {role}, on {date} ({scope})")
ABOUT_LINES: tuple[str, ...] = (
    _("**Who made it:** {made_by}"),
    _("**Checked by clinicians:** {reviewers}"),
    _("**How the evidence was chosen:** {how_chosen}"),
    _("**How often it is updated:** {interval} Next check by {next}."),
    _("**What makes us update it sooner:** {triggers}"),
    _("**Found an error?** {report_errors}"),
    _(
        "**How easy it is to read:** the text you read here is at about US school grade "
        "{grade:.1f} (Flesch-Kincaid), measured over all five pages."
    ),
    _("**Funding and conflicts of interest:** {funding}"),
    _("**Who the figures are about:** {reference_class}"),
)
"""The 'About this aid' list, one line each (filled from the dataset's `meta`)."""
NOTHING_SAVED = _("Nothing you enter is saved or sent anywhere. Your answers live only in this page's link.")
