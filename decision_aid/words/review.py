"""The clinical review pack's own words (`decision_aid.review`): its headings, instructions, table
headers and sentence templates. The HTML tags stay in the code; a tag or a value in the middle
of a sentence is a `{placeholder}`. Line breaks inside a paragraph are the page's own (HTML
reads them as spaces)."""

from __future__ import annotations

from decision_aid.i18n import _
from decision_aid.words import common

PACK_TITLE = _("Clinical review pack: {title}")
DOCUMENT_TITLE = _("Clinical review pack: {title} (version {version})")
"""The browser tab's and the printout's title."""
SIGNERS: tuple[str, ...] = (_("Neurologist"), _("Neurosurgeon"))

# Cells and small words used throughout.
OK = _("OK")
"""The tick-box column's header."""
YES = _("yes")
NO = _("no")
NOT_MEASURED_STOP = _("Not measured.")
"""Before the dataset's reason a figure was never measured."""
SHOWN_AS = _("Shown as: {shown}")
"""What the patient reads for a figure."""
OR = _("or")
"""Between the values that trigger a rule: 'cause: vascular or ms'."""

# The head of the pack.
MADE = _(
    "Evidence version {version}, last checked by the team {last},\nnext check due {next}. Pack made {made}."
)
INSTRUCTIONS = _(
    "For a neurologist and a neurosurgeon. Please check each figure against its sources, each rule\n"
    "and its wording, the value judgements of the match, and the words a patient reads; tick the box\n"
    "beside what you accept, mark what you would change, and sign section 7. Figures are per\n"
    "100 people as low / central / high unless a unit is given."
)
NOT_REVIEWED_WARNING = _(
    "Patients see this sentence until the list below is signed and recorded in the dataset's {field}."
)
"""After the About page's 'not yet reviewed' sentence; {field} names the dataset's field."""

FIGURE = common.FIGURE
NOT_MEASURED = common.NOT_MEASURED
SOURCES = common.SOURCES
WHEN = common.WHEN
REVIEWED_BY = _("Reviewed by")
WHO_MADE_IT = _("Who made it, and how the evidence was chosen")
MADE_BY = _("{made_by}. Funding: {funding}.")
FIGURES_DESCRIBE = _("Figures describe: {reference_class}.")
UPDATE_POLICY = _("Update policy")
INTERVAL = _("Interval: {interval}")
EARLIER_REVIEW = _("Earlier review when: {triggers}")
REPORTING_AN_ERROR = _("Reporting an error: {report_errors}")

# 1. The outcome measures.
MEASURES = _("1. The outcome measures")
MEASURES_HOW = _(
    "Benefit figures are compared only within one measure, and each keeps its own time frame, given\n"
    'beside it. The match uses the measure marked "control" for every option, though the options\'\n'
    "time frames for it differ."
)
ID = _("Id")
LABEL_AS_SHOWN = _("Label (as shown)")
DEFINITION_AS_SHOWN = _("Definition (as shown)")
CONTROL = _("Control")

# 2. Every figure, option by option.
FIGURES = _("2. Every figure, option by option")
TEXT_A_PATIENT_READS = _("Text a patient reads")
OPTION_TEXTS: dict[str, str] = {
    "summary": _("In short"),
    "involves": _("What it involves"),
    "onset": _("How soon it works"),
    "duration": _("How long it lasts"),
    "burden": _("What it asks of you"),
    "label_warning": _("A serious harm its label warns of, with no figure in the studies used"),
}
"""The labels of an option's own texts, by the dataset's field."""
LABEL_WARNING_GRID = _("In the at-a-glance grid: {short}")
NOTE_LINE = common.NOTE
"""A figure's or text's note for the reviewer, after the words a patient reads."""
BENEFIT = _("Benefit (measure)")
TIME_FRAME = _("Time frame")
CERTAINTY = _("Certainty")
NOTE = _("Note")
EXPERT_ESTIMATE = _("expert estimate, not a study result")
WHILE_TREATED = _("only while treatment continues")
NOT_WHILE_TREATED = _("does not need continued treatment")
HARM = _("Harm")
KIND_HOW_LONG = _("Kind; how long")
RISK_KINDS: dict[str, str] = {"serious": _("serious"), "permanent": _("permanent")}
PASSES = _("passes")
"""A harm that is neither serious nor permanent."""
PER_INJECTION = _("per injection")
PER_PERSON = _("per person")
CHANCE = _("Chance")
CHANCE_TERMS: dict[str, str] = {
    "recurrence": _("recurrence"),
    "reoperation": _("reoperation"),
    "delayed_relief": _("delayed cure"),
}
"""A chance's clinical term, in brackets after the label the patient reads."""
LABEL_AND_TERM = _("{label} [{term}]")
CHANCES: dict[str, str] = {
    field: LABEL_AND_TERM.format(label=label, term=CHANCE_TERMS[field]) if field in CHANCE_TERMS else label
    for field, label in common.CHANCE_LABELS.items()
}
"""The labels of an option's chances, by the dataset's field: the patient's label (what "of those
it made spasm-free" counts is part of the figure), then the clinical term."""
FOLLOW_UP = _("follow-up {years} years")
MOSTLY_WITHIN = _("mostly within {years} years")
TAKING_MONTHS = _("taking {months} months")
WHAT_IT_ASKS = _("What it asks")
QUANTITIES: dict[str, str] = {
    "effect_weeks": _("How long one injection works"),
    "reinjection_weeks": _("Time between injections"),
    "injections_per_year": _("Injections a year"),
    "clinic_visits_per_year": _("Clinic visits a year"),
    "hospital_nights": _("Nights in hospital"),
    "recovery_weeks": _("Weeks to recover"),
}
"""The labels of what an option asks, by the dataset's field."""
FLAGS: dict[str, str] = {
    "ongoing": _("Must continue for the effect to continue"),
    "daily_pills": _("Daily pills"),
    "general_anaesthetic": _("General anaesthetic"),
}
"""The labels of what an option asks that is yes or no, by the dataset's field."""

# 3. No treatment.
NO_TREATMENT = _("3. {name} (a reference, never scored)")
PER_100 = _("Per 100")

# 4. The rules.
RULES = _("4. Every rule, with the words a patient reads")
RULES_HOW = _("Each wording below is produced by the engine for a situation that triggers the rule.")
RULE = _("Rule")
EFFECT = _("Effect")
WHAT_THE_PATIENT_READS = _("What the patient reads")
IN_THE_LIST = _("{key}: the option is in the patient's list")
AGE_AT_LEAST = _("age {age} or older")
AGE_NOT_AT_LEAST = _("age not given, or under {age}")
ALSO_WHEN = _("And only when {when}:")
AN_OPTION_RULED_OUT = _("the patient has ruled out some of the matched options, not all")
NOT_SUITABLE = _("not suitable (no match, no rank)")
CAUTION = _("caution")
CAUTION_NOT_MATCHED = _("caution; not matched, as its figures may not apply (no match, no rank)")
GOOD_TO_KNOW = _("good to know: listed apart from the cautions, marks no cell")
RULE_EFFECT = {
    ("not_suitable", False): NOT_SUITABLE,
    ("caution", False): CAUTION,
    ("caution", True): CAUTION_NOT_MATCHED,
    ("good_to_know", False): GOOD_TO_KNOW,
}
"""A rule's effect in the review pack, by its `effect` and `not_matched`."""
GRID_MARKS = _("Cells marked in the grid's column: {rows}")
"""Under a caution's wording: the glance grid's rows it marks "See the caution below"."""
SHORT_LIST = _("In the short list of cautions: \u201c{label}\u201d")
"""Under a caution's wording: its `label`, the few words the glance page lists it by (its whole
text is one click away there), which the reviewer signs off as well."""

# 5. The match's value judgements.
ANCHORS = _("5. The match: its value judgements")
ANCHORS_HOW = _(
    "These are choices, not evidence. Most say what counts as the worst score on one priority.\n"
    "The match is an average of the scores, each weighted by the patient's number for its priority\n"
    "times itself (the second item below)."
)
ACCEPT = _("I accept these value judgements")
WOULD_CHANGE = _("I would change (note below)")

# 6. Every sentence a patient reads.
WORDS = _("6. Every sentence a patient reads")
WORDS_HOW = _(
    "Taken from where the app takes it: the dataset's texts (sections 2 to 4), the shared wording,\n"
    "the questions for the care team, the words written into the app's pages, and the words shared\n"
    "by the pages, the compare page's topics and grid, the charts and the take-home summary. Each\n"
    'is listed once, under the first place that holds it. In lines with "…" that part is filled in\n'
    "from the figures or the patient's answers; a few questions are shown filled in for one\n"
    "situation. The lines include a few that only the consultation mode shows."
)
PRIORITIES_AND_WISHES = _("Priorities and wishes")
CERTAINTY_IN_WORDS = _("Certainty in words")
ANSWERS_IN_WORDS = _("Answers in words")
THE_LINE_UNDER = _("The line under every comparison")
PROJECTION = _("How the five-year projection is worked out")
QUESTIONS = _("Questions for the care team (every one the app can ask)")
PAGE = _("Page: {name}")
WORD_PLACES: dict[str, str] = {
    "common": _("Words several pages share"),
    "app": _("Every page: the menu, the buttons and the notices"),
    "profile": _("Notices about the answers in a link"),
    "topics": _("Compare page: the topics"),
    "grid": _("Compare page: the at-a-glance grid"),
    "charts": _("The charts and their words in text"),
    "report": _("The take-home summary (PDF)"),
}
"""The headings of the shared words modules' lists (`wording.SHARED_WORD_MODULES`)."""

# 7. Sign-off.
SIGN_OFF = _("7. Sign-off")
RECORDED = _("Reviewers recorded in evidence version {version}:")
SIGN_OFF_HOW = _(
    "I have checked the sections named below against their sources. Once signed, the reviewer's\n"
    "name, role, date and scope go into the dataset ({field}) and are\n"
    "shown to patients on the About page and in the take-home summary."
)
NAME = _("Name")
ROLE = _("Role")
DATE = _("Date")
SCOPE = _("Scope")
SIGN_LINES: tuple[str, ...] = (
    NAME,
    _("Role and credentials"),
    _("What I reviewed (sections)"),
    DATE,
    _("Signature"),
)
"""The lines each signer fills in."""
CORRECTIONS = _('Corrections asked for (or "none")')

# 8. References.
REFERENCES = _("8. References")
