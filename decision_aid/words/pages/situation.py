"""Page 2, Your situation: each question, why it matters, and what the answers mean. The
answers' own words are `common.SITUATION_LABELS`."""

from __future__ import annotations

from decision_aid.i18n import _

TITLE = _("Your situation")
INTRO = _("A few questions about you. Each answer can change which treatments suit you.")

QUESTIONS: dict[str, str] = {
    "cause": _("What causes your spasm, if you know?"),
    "sides": _("Is the spasm on one side of your face, or on both sides?"),
    "mri": _("Have you had an MRI scan of your head?"),
    "anesthesia": _("Are you fit for a general anaesthetic (being put to sleep for an operation)?"),
    "blood_thinners": _(
        "Do you take medicine to thin your blood (such as warfarin, aspirin or clopidogrel)?"
    ),
    "pregnant": _("Are you pregnant, or planning a pregnancy?"),
    "age": _("How old are you? (optional, in years, {low} to {high})"),
    "tried": _("**Have you tried any of these treatments before?**"),
    "mvd_result": _("How did the operation go?"),
}
"""Each question, by the name of its answer in the link."""

WHY: dict[str, str] = {
    "cause": _(
        "Why this matters: surgery helps when a blood vessel presses on the nerve. "
        "Other causes may need other care."
    ),
    "sides": _(
        "Why this matters: this spasm is almost always on one side. On both sides it is rare, "
        "so ask your doctor whether it could be another condition."
    ),
    "mri": _(
        "Why this matters: a scan looks for a blood vessel touching the nerve and rules out "
        "rarer causes, such as a growth. A vessel can be missed on a scan, so ask your "
        "specialist what yours means for surgery."
    ),
    "anesthesia": _("Why this matters: surgery needs one. If you are not sure, your doctor can check."),
    "blood_thinners": _(
        "Why this matters: blood thinners must be planned for before an operation, and "
        "carbamazepine changes how many other medicines work. Tell your team about them. Do not "
        "stop them on your own."
    ),
    "pregnant": _(
        "Why this matters: some treatments are put off until after the birth. Some medicines "
        "can harm a baby or make the pill work less well. If you plan a pregnancy, the timing "
        "of treatment matters."
    ),
    "age": _(
        "Why this matters: age alone does not rule out any treatment. But some risks change with "
        "age, such as hearing problems after surgery, or falls and low salt in the blood with some "
        "medicines."
    ),
    "tried": _(
        "Why this matters: what happened before helps plan what to try next. A treatment that "
        "did not help may still help at another dose, and surgery can take months to work."
    ),
    "mvd_result": _(
        "Why this matters: a second operation is possible, but it works less often and has more "
        "risks. The spasm can take months to settle after the first one, so ask your surgeon "
        "whether it is too soon to call it a failure."
    ),
}
"""Why each question matters, shown under it."""

AGE_REFUSED = _("This aid can use an age from {low} to {high}, so it did not take {typed}.")
AGE_KEPT = _("Your age is still {age}.")
AGE_NONE_KEPT = _("Your age is still not given.")
"""Under the age box, after an age outside the range: what was typed, and what is kept."""

WHAT_IT_MEANS = _("What your answers mean for the treatments")
NOTHING_RULED_OUT = _("Nothing in your answers rules out a treatment or needs a special caution.")
WHERE_CAUTIONS_COME_FROM = _(
    "These cautions come from the rules in the evidence file; each names its sources."
)
