"""The command line's words (`decision_aid.cli`): argparse descriptions and help, the terminal
summary and every line it prints for a person. Every sentence goes through `_()` (see
`decision_aid.i18n`); JSON keys and option names (`--query`) are not words."""

from __future__ import annotations

from decision_aid.i18n import _, ngettext
from decision_aid.words import common, topics

# ---------------------------------------------------------------- commands and their help

COMPARE_DESCRIPTION = _(
    "Command line: `check` a dataset, compare options for a query, write the take-home summary, "
    "or write the clinicians' review pack."
)
COMMANDS = _(
    "other commands, each with its own --help: check [PATH]; summary --query ... --out FILE; "
    "review --out FILE"
)
"""Under the compare command's help, which is the program's: the other commands are found here."""
CHECK_DESCRIPTION = _("Validate an evidence dataset.")
SUMMARY_DESCRIPTION = _("Write the take-home summary.")
REVIEW_DESCRIPTION = _("Write the clinicians' review pack (one self-contained HTML file).")

DATASET_HELP = _(
    "YAML file (default: ${env}, else the shipped file): a regular file of at most {bytes} bytes"
)
QUERY_HELP = _(
    "the answers in URL query-string form, or a whole link from the app (at most {limit} characters)"
)
QUERY_FILE_HELP = _("read the query from a file, '-' for standard input (same {limit}-character limit)")
DATA_HELP = _("evidence YAML (default: ${env}, else the shipped file)")
PDF_OUT_HELP = _("PDF file to write, '-' for standard output (pdf format only)")
BASE_URL_HELP = _("where the aid is served, for the link")
LARGE_PRINT_HELP = _("large print: 12 pt type instead of 9 pt, on about 3 times the pages (pdf only)")
HTML_OUT_HELP = _("HTML file to write, '-' for standard output")
REVIEW_NOT_PDF = _(
    "the review pack is an HTML page, not a PDF: give --out a name that ends in .html "
    "({path} would hold HTML), then print it from a browser if a PDF is needed"
)

# ---------------------------------------------------------------- what the commands print

VALID = _(
    "{path}: valid: version {version}, last checked {reviewed}, {options} options, {risks} risks, "
    "{rules} rules, {sources} sources"
)


def wrote(path: str, size: int) -> str:
    """'wrote summary.pdf (12,345 bytes)'."""
    return ngettext("wrote {path} ({size} byte)", "wrote {path} ({size} bytes)", size).format(
        path=path, size=f"{size:,}"
    )


USAGE_ERROR = _("{prog}: error: {message}")
ERROR = _("error: {problem}")
WARNING = _("warning: {warning}")
CHANGED_HOW = _(
    "{changed}. Give the whole link again, or leave out {check}=... to read the answers as they are"
)
"""A query whose answers no longer match its check (`profile.CHECK`): the way out, for a
clinician who changed a copied link by hand on purpose."""
CANNOT_READ = _("cannot read {where}: {reason}")
CANNOT_WRITE = _("cannot write {path}: {reason}")
LOCAL_LINK_NOTE = _(
    "Note: the summary's link and QR code open {url}, which works only on this computer. "
    "Give the address your patients can reach with --base-url or HFS_BASE_URL."
)
"""A printed summary whose reopen link leads nowhere from a patient's phone."""
NOT_UTF8 = _("{where} is not UTF-8 text")
TOO_LONG = _(
    "{where} is {length} characters long; the limit is {limit} "
    "(a longer query is not read at all, so no value is cut)"
)
MORE_THAN = _("more than {limit}")
STANDARD_INPUT = _("standard input")
THE_QUERY = _("the query")

# ---------------------------------------------------------------- the terminal summary

HEADING = _("Hemifacial spasm decision aid (evidence {version})")
NO_PRIORITIES = _(
    "Priorities: none stated yet, so the options are not matched or ranked. "
    "Add one (for example relief=8) to line them up against what matters to you."
)
PRIORITIES = _("Priorities: {priorities}")
NOTE = common.NOTE
EXPERT_ESTIMATE = common.EXPERT_ESTIMATE
DIFFERENT_STUDIES = topics.DIFFERENT_STUDIES
CAUTIONS = _("Cautions from your answers:")
"""Over every option's cautions, each said once under the options it concerns, as in the app and
the PDF: the same caution (a scan first, say) often holds for all three."""
NO_CAUTIONS = _("Cautions from your answers: none.")
CAUTION_FOR = _("{options}:")
CAUTION = _("Caution: {caution}")
GOOD_TO_KNOW = _("Good to know: {caution}")
HARMS_HEADING = _("{kind}:")
"""Under each option, as its benefits above: "Side effects that pass:" then one line per harm."""
TIMING = _("{heading}: {text}")
"""'How soon it works and how long it lasts: <the grid's words>'."""
LATER_ON = _("Later on")
"""Above an option's chances after it is started (`words.common.CHANCE_LABELS`)."""
HARMS_NONE = common.NAMED_NONE_REPORTED
"""In the heading's place when no study used reports that kind of harm for the option."""
MAY_NOT_BE_SUITABLE = _("[may not be suitable]")
RULED_OUT = _("[you ruled this out]")
LOCAL_FIGURE = _("(local figure)")
WITH_RANGE = _("{figure} (range {range})")
"""'30 out of 100 people (range 10 to 70 out of 100)'."""
WITH_PUBLISHED_RANGE = _("{figure} (published range {range})")
"""Beside a local figure: the studies' range, not one widened to take the local figure in."""
LINES_UP = _("Lines up with what matters to you: {match} out of 100 (range {low} to {high}); {place}")
PLACE = _("number {rank} of {ranked}")
PLACE_SHARED = _("number {rank} of {ranked}, level with {names}")
"""Options level by `engine.LEVEL_WITHIN_TENTHS` (each less than a point behind the next one up)
share a place."""
NOT_MATCHED = _("Not matched: this option may not be suitable for you (see below).")
NOT_MATCHED_FIGURES = _("Not matched: its figures may not apply to you (see below).")
FOR_COMPARISON = _("{name} (shown for comparison; not matched)")
HOW_MATCH_WORKS = common.MATCH_ANCHORS_INTRO
