"""Questions for the care team that follow from the patient's answers.

Pure and light (no PDF stack), so the app's "Next steps" page and the PDF ask the very same
questions, computed once from the engine's result.
"""

from __future__ import annotations

from decision_aid.engine import Result
from decision_aid.evidence import OPTION_IDS, Evidence

HIGH_WEIGHT = 7
"""A priority at or above this weight (out of 10) brings its own question for the care team."""
OLDER_AGE = 60
"""From this age, questions about age-related risks are asked (MVD hearing, medicine side effects)."""


def questions_to_ask(evidence: Evidence, result: Result) -> list[str]:
    """Questions for the care team that follow from this patient's answers (pure; the app reuses it).

    Each question is triggered by something the patient said: the scan, surgery still in play,
    pregnancy or planning one, blood thinners, both sides, age, treatments tried before and how
    an earlier MVD went, high priorities, where they lean, and any 'No' in the SURE test.
    Driving and work, cost, and waiting are asked of everyone. It never suggests an option.
    """
    p = result.profile
    w = p.weights()
    names = {oid: evidence.options[oid].short_name for oid in OPTION_IDS}
    by_id = {o.id: o for o in result.options}

    def in_play(oid: str) -> bool:
        o = by_id[oid]
        return (o.suitable and not o.avoided) or p.leaning == oid

    qs: list[str] = []
    if p.mri == "not_done":
        qs.append("Do I need an MRI scan before we decide? What would it show, and how long is the wait?")
    elif p.mri == "no_vessel":
        qs.append(
            "My scan showed no blood vessel pressing on the nerve. Was it a detailed scan of the facial "
            "nerve, and could a vessel have been missed? What else could cause my spasm?"
        )
    elif p.mri == "other_finding":
        qs.append(
            "My scan found something else. What is it, does it need to be looked at or treated first, "
            "and does it change which treatments are open to me?"
        )
    if p.sides == "both":
        qs.append(
            "My spasm is on both sides of my face, which is rare. Could it be another condition, "
            "and what tests would tell?"
        )
    if p.cause == "unknown" and p.mri != "not_done":
        qs.append("What is causing my spasm, and how sure are you?")

    if in_play("mvd"):
        mvd = names["mvd"]
        if p.cause in ("bells_trauma", "ms"):
            cause = "Bell's palsy or an injury" if p.cause == "bells_trauma" else "multiple sclerosis"
            qs.append(
                f"Could my spasm come from {cause} rather than a blood vessel? "
                f"What would that mean for {mvd}?"
            )
        if p.mvd_success is not None or p.mvd_hearing_loss is not None:
            qs.append(
                f"The figures for {mvd} marked 'local' are your team's own. How many operations are they "
                "based on, and for how long were people followed up?"
            )
        else:
            qs.append(
                f"How many {mvd} operations for hemifacial spasm does your team do each year? Out of 100 "
                "of your patients, how many are free of the spasm, and how many have hearing loss or "
                "lasting weakness of the face?"
            )
        if p.anesthesia == "unsure":
            qs.append("Am I fit enough for a general anaesthetic? What checks would I need first?")
        if p.age is not None and p.age >= OLDER_AGE:
            qs.append(f"I am {p.age}. Does my age change the risks of {mvd} for me, such as to my hearing?")
        if max(w["recovery"], w["burden"]) >= HIGH_WEIGHT:
            qs.append(
                f"How long would I be in hospital and off work after {mvd}, "
                "and what help would I need at home?"
            )
    if p.anesthesia == "unfit":
        qs.append(
            "If an operation is not possible for me, what can be done if injections or medicines "
            "do not work well enough?"
        )

    if p.pregnant == "yes":
        qs.append(
            "I am pregnant. Which treatments are safe now, which should wait until after the birth, "
            "and what if I want to breastfeed?"
        )
    elif p.pregnant == "planning":
        qs.append(
            "I am planning a pregnancy. Which treatments fit best before and during it? Could a "
            "medicine make my birth control pill work less well, or affect a baby?"
        )
    if p.blood_thinners == "yes":
        qs.append(
            "I take a blood thinner. Does it need to be stopped or changed before an operation or "
            "injections, and who should decide that with me?"
        )
    if p.age is not None and p.age >= OLDER_AGE and in_play("medication"):
        qs.append(f"I am {p.age}. Are the medicines more likely to make me sleepy, unsteady or low in salt?")

    tried = {
        "medication": "I have tried medicines before. Is another medicine or dose worth trying, and what "
        "else can be done if it does not help?",
        "botulinum": "I have had botulinum toxin injections before. Could the dose or the places injected "
        "be changed, and what else can be done if they do not work well enough for me?",
        "mvd": f"I have had {names['mvd']} before. What else can be done now, and would a second "
        "operation make sense for me?",
    }
    qs.extend(tried[oid] for oid in OPTION_IDS if oid in p.tried)
    if p.mvd_result_used == "no_help":
        qs.append(
            f"My {names['mvd']} never helped. Could it still help late, and what would a second operation "
            "offer me, knowing that second operations work less often and have more problems?"
        )
    elif p.mvd_result_used == "came_back":
        qs.append(
            f"My spasm came back after {names['mvd']}. What are the chances and risks of a second "
            "operation for me, compared with the other treatments?"
        )

    if in_play("botulinum") and w["burden"] >= HIGH_WEIGHT:
        qs.append(
            "How often would I need injections here, how long does each visit take, and can the time "
            "between injections be longer?"
        )
    if w["side_effects"] >= HIGH_WEIGHT:
        qs.append(
            "Which side effects am I most likely to get with each treatment, and what can be done if "
            "they happen?"
        )
    if w["serious_risk"] >= HIGH_WEIGHT:
        qs.append(
            "What are the most serious things that could go wrong with each treatment, and how would we "
            "notice them?"
        )

    if p.leaning in OPTION_IDS:
        qs.append(
            f"I am leaning towards {names[p.leaning]}. Is there anything about my situation that "
            "makes it a poor fit for me?"
        )
    else:
        qs.append(
            "I have not decided yet. Do I need to decide now? Can I try one treatment and change later?"
        )

    if p.sure_u == "no":
        qs.append("Can you go over the benefits and risks of each treatment with me again?")
    if p.sure_r == "no":
        qs.append("Can we talk through which benefits and risks matter most to me?")
    if p.sure_e == "no":
        qs.append(
            "Who else can I talk to: a nurse, a support group, or someone who has had these treatments?"
        )

    qs.append(
        "Is it safe for me to drive with my spasm, and after each treatment? "
        "How much time off work would each one need?"
    )
    qs.append("What would each treatment cost me here, and what does my insurance or health service pay for?")
    qs.append("What is likely to happen if I wait and do not start any treatment for now?")
    return list(dict.fromkeys(qs))
