"""Questions for the care team that follow from the patient's answers.

Pure and light (no PDF stack), so the app's "Next steps" page and the PDF ask the very same
questions, computed once from the engine's result.
"""

from __future__ import annotations

from decision_aid.engine import NO_TREATMENT_ID, Result
from decision_aid.evidence import OPTION_IDS, Evidence
from decision_aid.words import questions as W

HIGH_WEIGHT = 7
"""A priority at or above this weight (out of 10) brings its own question for the care team."""


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

    age_rules = {r.id for r in evidence.rules if "age_at_least" in r.when}

    def age_caution(oid: str) -> bool:
        """The age questions follow the dataset's age cautions (MVD from 60, medicines from 65):
        a fixed age of its own asked about the medicines at 64, a year before their caution."""
        return p.age is not None and any(c.rule in age_rules for c in by_id[oid].caution_details)

    qs: list[str] = []
    if p.mri == "not_done":
        qs.append(W.ASK_SCAN_NOT_DONE)
    elif p.mri == "no_vessel":
        qs.append(W.ASK_SCAN_NO_VESSEL)
    elif p.mri == "other_finding":
        qs.append(W.ASK_SCAN_OTHER_FINDING)
    if p.sides == "both":
        qs.append(W.ASK_BOTH_SIDES)
    if p.cause == "unknown" and p.mri != "not_done":
        qs.append(W.ASK_CAUSE_UNKNOWN)

    if in_play("mvd"):
        mvd = names["mvd"]
        if p.cause in ("bells_trauma", "ms"):
            ask = W.ASK_CAUSE_BELLS_TRAUMA if p.cause == "bells_trauma" else W.ASK_CAUSE_MS
            qs.append(ask.format(mvd=mvd))
        if p.mvd_success is not None or p.mvd_hearing_loss is not None:
            qs.append(W.ASK_LOCAL_FIGURES.format(mvd=mvd))
        else:
            qs.append(W.ASK_TEAM_FIGURES.format(mvd=mvd))
        if p.anesthesia == "unsure":
            qs.append(W.ASK_ANAESTHETIC)
        if age_caution("mvd"):
            qs.append(W.ASK_AGE_MVD.format(age=p.age, mvd=mvd))
        if max(w["recovery"], w["burden"]) >= HIGH_WEIGHT:
            qs.append(W.ASK_HOSPITAL_STAY.format(mvd=mvd))
    if p.anesthesia == "unfit":
        qs.append(W.ASK_NO_OPERATION)

    if p.pregnant == "yes":
        qs.append(W.ASK_PREGNANT)
    elif p.pregnant == "planning":
        qs.append(W.ASK_PLANNING_PREGNANCY)
    if p.blood_thinners == "yes":
        qs.append(W.ASK_BLOOD_THINNER)
    if age_caution("medication") and in_play("medication"):
        qs.append(W.ASK_AGE_MEDICINES.format(age=p.age))

    tried = {
        "medication": W.ASK_TRIED_MEDICATION,
        "botulinum": W.ASK_TRIED_BOTULINUM,
        "mvd": W.ASK_TRIED_MVD.format(mvd=names["mvd"]),
    }
    qs.extend(tried[oid] for oid in OPTION_IDS if oid in p.tried)
    if p.mvd_result_used == "no_help":
        qs.append(W.ASK_MVD_NO_HELP.format(mvd=names["mvd"]))
    elif p.mvd_result_used == "came_back":
        qs.append(W.ASK_MVD_CAME_BACK.format(mvd=names["mvd"]))

    if in_play("botulinum") and w["burden"] >= HIGH_WEIGHT:
        qs.append(W.ASK_INJECTION_VISITS)
    if w["side_effects"] >= HIGH_WEIGHT:
        qs.append(W.ASK_SIDE_EFFECTS)
    if w["serious_risk"] >= HIGH_WEIGHT:
        qs.append(W.ASK_SERIOUS_HARM)

    if p.leaning in OPTION_IDS:
        qs.append(W.ASK_LEANING.format(option=evidence.options[p.leaning].sentence_name))
    elif p.leaning == NO_TREATMENT_ID:
        qs.append(W.ASK_LEANING_NO_TREATMENT)
    else:
        qs.append(W.ASK_UNDECIDED)

    if p.sure_s == "no":
        qs.append(W.ASK_SURE_SELF)
    if p.sure_u == "no":
        qs.append(W.ASK_SURE_UNDERSTAND)
    if p.sure_r == "no":
        qs.append(W.ASK_SURE_VALUES)
    if p.sure_e == "no":
        qs.append(W.ASK_SURE_SUPPORT)

    qs.append(W.ASK_DRIVING_WORK)
    qs.append(W.ASK_COST)
    qs.append(W.ASK_WAITING)
    return list(dict.fromkeys(qs))
