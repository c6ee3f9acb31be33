"""The take-home summary: a printable PDF (A4 or US Letter) and the same content as JSON.

Everything comes from one engine `Result` and the dataset it was computed from: no figure is
worked out twice. `summary_data` gathers the content (answers in words, the three options
with their figures, cautions, questions, the link back, the sources); `build_pdf` lays that
content out with fpdf2, adds the charts from `decision_aid.charts` (rendered offline with
vl-convert) and a QR code (segno), and returns the PDF as bytes. Nothing is written to disk.

The fonts (DejaVu Sans, vendored in `assets/fonts/`) cover every character in the text
(en dashes, "≥", accented names in citations) and are embedded, so the PDF prints the same
anywhere. The patient's note may be in any script: characters DejaVu lacks are drawn from the
Noto fonts the system has (Debian's fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji;
`make` and the Dockerfile install them) as fpdf fallback fonts, and the note is shaped with
HarfBuzz (uharfbuzz), so right-to-left runs with figures keep their order. A character no font
can draw prints as UNPRINTABLE_MARK, and the PDF says the note is kept in full in the aid (its
link, opened on a screen) and the JSON. fpdf and fontTools log what they cannot draw, quoting
it: their warnings are off (`quiet_font_logs`), so no word of a note reaches a log.

The package: `content` (`summary_data`, the one structure the PDF and the JSON render),
`words` (answers and figures put into words; the words themselves live in
`decision_aid.words.report`), `fontcache` (the DejaVu fonts parsed once and shared),
`fonts` (any script in the note), `layout` (page layout primitives and the layouts tried),
`images` (charts and QR code), `arrays` (the pictures of 100 people), `sections` (the PDF's
sections), `ending` (the questions and the SURE test), `note` (the note box), `pdf`
(`build_pdf`). The names the app, the CLI and the tests use are re-exported here; everything
else is reached in its own module.
"""

from decision_aid.engine import ANCHORS_TEXT
from decision_aid.questions import questions_to_ask
from decision_aid.report.content import PAPERS, Paper, paper_for_locale, summary_data
from decision_aid.report.fonts import (
    FONT_DIRS_ENV,
    QUIET_LOGGERS,
    UNPRINTABLE_MARK,
    UNPRINTABLE_NOTICE,
    unprintable,
    unprintable_words,
)
from decision_aid.report.layout import MAX_PAGES
from decision_aid.report.pdf import build_pdf
from decision_aid.report.words import reopen_link
from decision_aid.words.report import (
    CONVERSATION_LINE,
    DIFFERENT_STUDIES,
    NOT_MATCHED,
    NOT_MATCHED_FIGURES,
    NOT_MEASURED,
    NOT_REVIEWED,
    NOT_STATED,
    PER_INJECTION,
    SUMMARY_TITLE,
    SURE_QUESTIONS,
    weight_words,
)

__all__ = [
    "ANCHORS_TEXT",
    "CONVERSATION_LINE",
    "DIFFERENT_STUDIES",
    "FONT_DIRS_ENV",
    "MAX_PAGES",
    "NOT_MATCHED",
    "NOT_MATCHED_FIGURES",
    "NOT_MEASURED",
    "NOT_REVIEWED",
    "NOT_STATED",
    "PAPERS",
    "PER_INJECTION",
    "QUIET_LOGGERS",
    "SUMMARY_TITLE",
    "SURE_QUESTIONS",
    "UNPRINTABLE_MARK",
    "UNPRINTABLE_NOTICE",
    "Paper",
    "build_pdf",
    "paper_for_locale",
    "questions_to_ask",
    "reopen_link",
    "summary_data",
    "unprintable",
    "unprintable_words",
    "weight_words",
]
