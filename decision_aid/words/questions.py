"""The questions for the care team that follow from the patient's answers (`decision_aid.questions`),
as the app's "Next steps" page and the PDF ask them. `{mvd}` is the dataset's short name for MVD;
`{option}` is an option's name as it reads inside a sentence ("botulinum toxin injections");
`{age}` is the patient's age in years."""

from __future__ import annotations

from decision_aid.i18n import _

ASK_SCAN_NOT_DONE = _("Do I need an MRI scan before we decide? What would it show, and how long is the wait?")
ASK_SCAN_NO_VESSEL = _(
    "My scan showed no blood vessel pressing on the nerve. Was it a detailed scan of the facial "
    "nerve, and could a vessel have been missed? What else could cause my spasm?"
)
ASK_SCAN_OTHER_FINDING = _(
    "My scan found something else. What is it, does it need to be looked at or treated first, "
    "and does it change which treatments are open to me?"
)
ASK_BOTH_SIDES = _(
    "My spasm is on both sides of my face, which is rare. Could it be another condition, "
    "and what tests would tell?"
)
ASK_CAUSE_UNKNOWN = _("What is causing my spasm, and how sure are you?")

ASK_CAUSE_BELLS_TRAUMA = _(
    "Could my spasm come from Bell's palsy or an injury rather than a blood vessel? "
    "What would that mean for {mvd}?"
)
ASK_CAUSE_MS = _(
    "Could my spasm come from multiple sclerosis rather than a blood vessel? What would that mean for {mvd}?"
)
ASK_LOCAL_FIGURES = _(
    "The figures for {mvd} marked 'local' are your team's own. How many operations are they "
    "based on, and for how long were people followed up?"
)
ASK_TEAM_FIGURES = _(
    "How many {mvd} operations for hemifacial spasm does your team do each year? Out of 100 "
    "of your patients, how many are free of the spasm, and how many have hearing loss or "
    "lasting weakness of the face?"
)
ASK_ANAESTHETIC = _("Am I fit enough for a general anaesthetic? What checks would I need first?")
ASK_AGE_MVD = _("I am {age}. Does my age change the risks of {mvd} for me, such as to my hearing?")
ASK_HOSPITAL_STAY = _(
    "How long would I be in hospital and off work after {mvd}, and what help would I need at home?"
)
ASK_NO_OPERATION = _(
    "If an operation is not possible for me, what can be done if injections or medicines "
    "do not work well enough?"
)

ASK_PREGNANT = _(
    "I am pregnant. Which treatments are safe now, which should wait until after the birth, "
    "and what if I want to breastfeed?"
)
ASK_PLANNING_PREGNANCY = _(
    "I am planning a pregnancy. Which treatments fit best before and during it? Could a "
    "medicine make my birth control pill work less well, or affect a baby?"
)
ASK_BLOOD_THINNER = _(
    "I take a blood thinner. Does it need to be stopped or changed before an operation or "
    "injections, and who should decide that with me?"
)
ASK_AGE_MEDICINES = _("I am {age}. Are the medicines more likely to make me sleepy, unsteady or low in salt?")

ASK_TRIED_MEDICATION = _(
    "I have tried medicines before. Is another medicine or dose worth trying, and what "
    "else can be done if it does not help?"
)
ASK_TRIED_BOTULINUM = _(
    "I have had botulinum toxin injections before. Could the dose or the places injected "
    "be changed, and what else can be done if they do not work well enough for me?"
)
ASK_TRIED_MVD = _(
    "I have had {mvd} before. What else can be done now, and would a second operation make sense for me?"
)
ASK_MVD_NO_HELP = _(
    "My {mvd} never helped. Could it still help late, and what would a second operation "
    "offer me, knowing that second operations work less often and have more problems?"
)
ASK_MVD_CAME_BACK = _(
    "My spasm came back after {mvd}. What are the chances and risks of a second "
    "operation for me, compared with the other treatments?"
)

ASK_INJECTION_VISITS = _(
    "How often would I need injections here, how long does each visit take, and can the time "
    "between injections be longer?"
)
ASK_SIDE_EFFECTS = _(
    "Which side effects am I most likely to get with each treatment, and what can be done if they happen?"
)
ASK_SERIOUS_HARM = _(
    "What are the most serious things that could go wrong with each treatment, and how would we notice them?"
)

ASK_LEANING = _(
    "I am leaning towards {option}. Is there anything about my situation that makes it a poor fit for me?"
)
ASK_LEANING_NO_TREATMENT = _(
    "I am leaning towards no treatment for now. Which signs should make me come back, and when "
    "should we look at this again?"
)
"""No treatment for now is a real choice: a leaning toward it is not "not decided yet"."""
ASK_UNDECIDED = _(
    "I have not decided yet. Do I need to decide now? Can I try one treatment and change later?"
)

ASK_SURE_SELF = _("I do not feel sure yet which choice suits me. What would help me decide?")
ASK_SURE_UNDERSTAND = _("Can you go over the benefits and risks of each treatment with me again?")
ASK_SURE_VALUES = _("Can we talk through which benefits and risks matter most to me?")
ASK_SURE_SUPPORT = _(
    "Who else can I talk to: a nurse, a support group, or someone who has had these treatments?"
)

ASK_DRIVING_WORK = _(
    "Is it safe for me to drive with my spasm, and after each treatment? "
    "How much time off work would each one need?"
)
ASK_COST = _("What would each treatment cost me here, and what does my insurance or health service pay for?")
ASK_WAITING = _("What is likely to happen if I wait and do not start any treatment for now?")
