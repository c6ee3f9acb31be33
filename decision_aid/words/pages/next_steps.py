"""Page 5, Next steps: the knowledge check's page words, the leaning question, the SURE test and
what each 'no' calls for, questions for the doctor, the answers summary and the take-home summary.

`SURE_QUESTIONS` is the one copy of the SURE test's questions (the app and the PDF ask the same)."""

from __future__ import annotations

from decision_aid.i18n import _

TITLE = _("Next steps")
INTRO = _("Check what you know, say where you are leaning, and see if you are ready to decide.")

# The knowledge check (its heading is `common.QUIZ_LABEL`; the questions come from the dataset).
QUIZ_INTRO = _("A few short questions. You will see the answer straight away.")
QUIZ_TRY_AGAIN = _("Last time this one was not quite right. Try it again.")
QUIZ_RIGHT = _("Right. {explain}")
QUIZ_NOT_QUITE = _("Not quite. {explain}")

LEANING = _("Where are you leaning now?")
LEANING_QUESTION = _("The option I am leaning towards")
LEANING_NOT_A_DECISION = _(
    "This is not a decision. It helps you and your doctor talk. "
    "No treatment for now is a real choice too: you can start a treatment later."
)

READY = _("Are you ready to decide?")
SURE_INTRO = _("Four quick questions (the SURE test). There are no right answers.")
SURE_QUESTIONS: dict[str, str] = {
    "sure_s": _("Do you feel sure about the best choice for you?"),
    "sure_u": _("Do you know the benefits and risks of each option?"),
    "sure_r": _("Are you clear about which benefits and risks matter most to you?"),
    "sure_e": _("Do you have enough support and advice to make a choice?"),
}
"""The SURE test (O'Connor & Légaré, 2008), by the name of its answer in the link."""
SURE_LETTERS: dict[str, str] = {
    "sure_s": _("Sure of myself"),
    "sure_u": _("Understand information"),
    "sure_r": _("Risk-benefit ratio"),
    "sure_e": _("Encouragement"),
}
"""What each letter of SURE stands for: the app shows it before the question."""
SURE_ASKED = _("{letter}: {question}")
"""Plain: Streamlit reads a label's raw text out as its accessible name, so bold read as "star star"."""
SURE_HELP: dict[str, str] = {
    "sure_s": _(
        "**Not sure yet?** That is common. Look at the options side by side again, and talk them "
        "over with your doctor before you decide."
    ),
    "sure_u": _(
        "**Not clear on the benefits and risks?** Go back to the comparison and read them again. "
        "Ask your doctor the questions below."
    ),
    "sure_r": _(
        "**Not clear what matters most to you?** Go back and move the sliders to say how much each "
        "thing matters. Then see how the options line up."
    ),
    "sure_e": _(
        "**Need more support?** Ask your doctor or nurse for more time or advice. Talk it over "
        "with someone you trust, or bring them to your next visit."
    ),
}
"""What each SURE "no" calls for (Ottawa SURE test)."""
GO_TO = _("Go to: {page}")
TAKE_THE_QUESTIONS = _("Take the questions below with you.")
ALL_YES = _("You answered yes to all four. Share your thoughts with your doctor when you next meet.")

ASK_YOUR_DOCTOR = _("Questions to ask your doctor")
ASK_YOUR_DOCTOR_HOW = _("These follow from your answers. Add your own.")

YOUR_ANSWERS = _("Your answers")
ANSWER_NAMES: dict[str, str] = {
    "cause": _("Cause"),
    "sides": _("Spasm on"),
    "mri": _("MRI scan"),
    "anesthesia": _("Fit for a general anaesthetic"),
    "age": _("Age"),
    "blood_thinners": _("Blood thinners"),
    "pregnant": _("Pregnant or planning"),
    "tried": _("Tried before"),
    "mvd_result": _("How the earlier operation went"),
    "avoid": _("Deal-breakers (your choice)"),
    "leaning": _("Where you are leaning"),
}
"""Each answer's name in the summary of answers, by its name in the link."""
NONE_LISTED = _("none")
PRIORITIES_SCALE = _("**What matters to you** (0 = not at all, 10 = a lot)")
YOU_ALSO_WROTE = _("**You also wrote:**")

TAKE_HOME = _("Take-home summary")
TAKE_HOME_WHAT = _("A summary of your answers and the figures, to print or to take to your appointment.")
PAPER_SIZE = _("Paper size")
PAPER_NAMES: dict[str, str] = {"Letter": _("US Letter")}
"""The paper sizes whose name a reader needs in words (A4 is its own name)."""
LARGE_PRINT = _("Large print")
LARGE_PRINT_HELP = _(
    "Bigger letters, for easier reading: the same summary on about three times as many pages."
)
DOWNLOAD_PDF = _("Download your summary (PDF)")
DOWNLOAD_JSON = _("Download the same summary as data (JSON), for your records")
NOT_KEPT = _("The summary is made on your request and is not kept anywhere.")
