"""The review pack: one printable HTML page for the neurologist and neurosurgeon who sign the aid off.

It holds everything a clinician must check before patients see it: every figure with its
measure, range, time frame, certainty, note and full citations; every rule with the words a
patient reads when it applies (produced by the engine itself, for a situation that triggers
it); the scale's value judgements; the patient-facing text from the places the app takes it
(the dataset, the wording and engine functions, the questions, the pages' own words); and a
sign-off section. Nothing is copied by hand, so the pack can never drift from the app.

The page is self-contained (inline CSS, no scripts, no images, no fonts or styles fetched):
it opens offline and prints as it looks. Every text is HTML-escaped; the only links are
anchors inside the page and DOIs.
"""

from __future__ import annotations

import ast
import datetime as dt
import html
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from pydantic import ValidationError

from decision_aid import engine
from decision_aid.evidence import Benefit, Chance, Evidence, Quantity, Range, Risk, Rule
from decision_aid.profile import CHOICES, PRIORITIES, Profile
from decision_aid.questions import questions_to_ask
from decision_aid.words.common import (
    CERTAINTY_LABELS,
    NOT_A_VERDICT,
    PRIORITY_LABELS,
    PRIORITY_WISH,
    SITUATION_LABELS,
    per_100,
    per_100_range,
)

PAGES_DIR = Path(__file__).resolve().parent / "ui" / "pages"
NOT_REVIEWED = "Not yet reviewed by a clinician."
SIGNERS = ("Neurologist", "Neurosurgeon")

CSS = (Path(__file__).resolve().parent / "assets" / "review.css").read_text(encoding="utf-8")
"""The pack's print style, inline in the page (kept in a file of its own)."""


def _cols(*percent: int) -> str:
    """Column widths for a fixed-layout table, so long notes get the room and short cells wrap."""
    return "<colgroup>" + "".join(f'<col style="width:{p}%">' for p in percent) + "</colgroup>"


def _e(text: object) -> str:
    """Escape for HTML text and attribute values (quotes too)."""
    return html.escape(str(text), quote=True)


def _num(x: float) -> str:
    return f"{x:g}"


def _range(r: Range | None) -> str:
    if r is None:
        return "not measured"
    return f"{_num(r.low)} / {_num(r.central)} / {_num(r.high)}"


def _certainty(code: str) -> str:
    return CERTAINTY_LABELS.get(code, code)


class _Refs:
    """Source ids to their numbers in the reference list, in order of first use."""

    def __init__(self, evidence: Evidence) -> None:
        self.numbers = {sid: i + 1 for i, sid in enumerate(evidence.sources)}

    def cite(self, ids: Iterable[str]) -> str:
        return ", ".join(
            f'<a href="#src-{_e(sid)}">[{self.numbers.get(sid, "?")}]&nbsp;'
            f'<span class="id">{_e(sid)}</span></a>'
            for sid in ids
        )


# ---------------------------------------------------------------- patient wording, from the app's own code


def _profile_for(rule: Rule, option_id: str) -> Profile | None:
    """A profile that triggers `rule` for `option_id`, so the engine words the caution itself."""
    values: dict[str, object] = {}
    for key, wanted in rule.when.items():
        if key in ("tried", "avoid"):
            values[key] = (option_id,)
        elif key == "age_at_least":
            values["age"] = wanted
        elif isinstance(wanted, list) and wanted:
            values[key] = wanted[0]
    for extra in ({}, {"tried": tuple({*values.get("tried", ()), "mvd"})}):
        try:
            return Profile(**{**values, **extra})
        except (ValidationError, TypeError):
            continue
    return None


def caution_words(evidence: Evidence, rule: Rule, option_id: str) -> str:
    """The caution exactly as the patient reads it: the engine's text for a situation that
    triggers the rule (the engine's own name filling if no profile can be built for it)."""
    profile = _profile_for(rule, option_id)
    if profile is not None:
        for c in engine.cautions_for(evidence, option_id, profile):
            if c.rule == rule.id:
                return c.text
    return engine._fill_name(rule.text, evidence.options[option_id].sentence_name)


def _question_profiles(evidence: Evidence) -> list[Profile]:
    """Situations that between them trigger every question the app can ask: each choice on a
    neutral and on a surgery-in-play base, each priority high, each treatment tried or
    leaned towards, local figures, and each rule's own situation."""
    bases = [{}, {"anesthesia": "fit", "mri": "vessel", "cause": "vascular"}]
    varied: list[dict[str, object]] = [{}]
    for key, values in CHOICES.items():
        varied += [{key: v} for v in values]
    varied += [{p: 10} for p in PRIORITIES]
    varied += [{"tried": (oid,)} for oid in evidence.options]
    varied += [{"mvd_success": 90.0}, {"mvd_hearing_loss": 2.0}]
    profiles = []
    for base in bases:
        for change in varied:
            try:
                profiles.append(Profile(**{**base, **change}))
            except (ValidationError, TypeError):
                continue
    for rule in evidence.rules:
        for oid in rule.options:
            p = _profile_for(rule, oid)
            if p is not None:
                profiles.append(p)
    return profiles


def every_question(evidence: Evidence) -> list[str]:
    """Every question `questions_to_ask` can put to the care team, in order of first appearance."""
    out: dict[str, None] = {}
    for profile in _question_profiles(evidence):
        for q in questions_to_ask(evidence, engine.evaluate(evidence, profile)):
            out.setdefault(q)
    return list(out)


def page_words(pages_dir: Path = PAGES_DIR) -> dict[str, list[str]]:
    """The words written into each app page's source (read with ast, never imported): every
    string of three words or more that is not a docstring; a formatted part shows as '…'."""
    out: dict[str, list[str]] = {}
    for path in sorted(pages_dir.glob("*.py")):
        if path.name.startswith("_"):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (OSError, SyntaxError):
            continue
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        inner = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
        found: dict[str, None] = {}
        for node in ast.walk(tree):
            if id(node) in docstrings or id(node) in inner:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
            elif isinstance(node, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else "…" for v in node.values)
            else:
                continue
            text = " ".join(text.replace("**", "").split())  # markdown bold marks are not read
            if len(text.split()) >= 3 and any(c.isalpha() for c in text):
                found.setdefault(text)
        out[path.stem] = list(found)
    return out


# ---------------------------------------------------------------- sections


def _head(evidence: Evidence, generated: dt.date) -> str:
    m = evidence.meta
    reviewers = (
        "<ul>"
        + "".join(
            f"<li>{_e(r.name)}, {_e(r.role)}, {_e(r.date.isoformat())}: {_e(r.scope)}</li>"
            for r in m.reviewers
        )
        + "</ul>"
        if m.reviewers
        else f'<p class="warn"><strong>{_e(NOT_REVIEWED)}</strong> Patients see this sentence until the '
        'list below is signed and recorded in the dataset\'s <span class="id">meta.reviewers</span>.</p>'
    )
    up = m.update_policy
    return f"""
<h1>Clinical review pack: {_e(m.title)}</h1>
<p>Evidence version <strong>{_e(m.version)}</strong>, last reviewed {_e(m.last_reviewed.isoformat())},
next review due {_e(m.next_review.isoformat())}. Pack made {_e(generated.isoformat())}.</p>
<p>For a neurologist and a neurosurgeon. Please check each figure against its sources, each rule
and its wording, the value judgements of the match, and the words a patient reads; tick the box
beside what you accept, mark what you would change, and sign the last section. Figures are per
100 people as low / central / high unless a unit is given.</p>
<h3>Reviewed by</h3>
{reviewers}
<h3>Who made it, and how the evidence was chosen</h3>
<p>{_e(m.made_by)}. Funding: {_e(m.funding)}.</p>
<p>{_e(m.how_chosen)}</p>
<p>Figures describe: {_e(m.reference_class)}.</p>
<h3>Update policy</h3>
<ul><li>Interval: {_e(up.interval)}</li><li>Earlier review when: {_e(up.triggers)}</li>
<li>Reporting an error: {_e(up.report_errors)}</li></ul>
"""


def _measures(evidence: Evidence) -> str:
    m = evidence.meta
    rows = "".join(
        f'<tr><td class="id">{_e(k)}</td><td>{_e(v.label)}</td><td>{_e(v.definition)}</td>'
        f'<td>{"yes" if k == m.control_measure else ""}</td><td class="ok">☐</td></tr>'
        for k, v in m.measures.items()
    )
    return f"""
<h2 id="measures">1. The outcome measures</h2>
<p>Benefit figures are compared only within one measure; no time frame is shared between figures.
The match uses the measure marked "control" for every option.</p>
<table>{_cols(14, 22, 50, 8, 6)}<tr><th>Id</th><th>Label (as shown)</th><th>Definition (as shown)</th>
<th>Control</th>
<th class="ok">OK</th></tr>{rows}</table>
"""


def _benefit_row(oid: str, b: Benefit, evidence: Evidence, refs: _Refs) -> str:
    measure = evidence.meta.measures.get(b.measure)
    label = measure.label if measure else b.measure
    if b.per_100 is None:
        figure = f"<strong>Not measured.</strong> {_e(b.not_measured)}"
        shown = "not measured"
    else:
        figure = f'<span class="num">{_e(_range(b.per_100))}</span>'
        shown = f"{per_100(b.per_100.central)} ({per_100_range(b.per_100.low, b.per_100.high)})"
        if getattr(b, "expert_estimate", False):
            figure += "<br><em>expert estimate, not a study result</em>"
    treated = "only while treatment continues" if b.while_treated else "does not need continued treatment"
    return (
        f'<tr id="benefit-{_e(oid)}-{_e(b.measure)}">'
        f'<td>{_e(label)}<br><span class="id">{_e(b.measure)}</span></td>'
        f'<td>{figure}<br><span class="small">Shown as: {_e(shown)}</span></td>'
        f'<td>{_e(b.timeframe)}<br><span class="small">{_e(treated)}</span></td>'
        f'<td>{_e(_certainty(b.certainty))}<br><span class="small">{_e(b.certainty_why)}</span></td>'
        f'<td>{_e(b.note)}</td><td>{refs.cite(b.sources)}</td><td class="ok">☐</td></tr>'
    )


def _risk_row(oid: str, r: Risk, refs: _Refs) -> str:
    kind = ", ".join(k for k, on in (("serious", r.serious), ("permanent", r.permanent)) if on) or "passes"
    per = "per injection" if r.per == "injection" else "per person"
    return (
        f'<tr id="risk-{_e(oid)}-{_e(r.id)}"><td>{_e(r.name)}<br><span class="id">{_e(r.id)}</span></td>'
        f'<td><span class="num">{_e(_range(r.per_100))}</span><br><strong>{_e(per)}</strong>'
        f'<br><span class="small">Shown as: {_e(per_100(r.per_100.central))}</span></td>'
        f"<td>{_e(r.timeframe)}</td><td>{_e(kind)}; {_e(r.lasts)}</td>"
        f"<td>{_e(_certainty(r.certainty))}</td><td>{_e(r.note)}</td><td>{refs.cite(r.sources)}</td>"
        f'<td class="ok">☐</td></tr>'
    )


def _chance_row(label: str, c: Chance, refs: _Refs) -> str:
    extra = []
    if c.years:
        extra.append(f"follow-up {_num(c.years)} years")
    if getattr(c, "mostly_within_years", None):
        extra.append(f"mostly within {_num(c.mostly_within_years)} years")
    if getattr(c, "months", None):
        extra.append(f"taking {_range(c.months)} months")
    figure = _range(c.per_100) if c.per_100 is not None else f"Not measured. {c.not_measured}"
    return (
        f"<tr><td>{_e(label)}</td><td>{_e(figure)}</td><td>{_e(c.timeframe)}"
        f"{'<br>' + _e('; '.join(extra)) if extra else ''}</td><td>{_e(_certainty(c.certainty))}</td>"
        f'<td>{_e(c.text)}</td><td>{refs.cite(c.sources)}</td><td class="ok">☐</td></tr>'
    )


def _quantity_row(label: str, q: Quantity, refs: _Refs) -> str:
    return (
        f'<tr><td>{_e(label)}</td><td class="num">{_e(_range(q.value))} {_e(q.unit)}</td>'
        f'<td>{_e(q.note)}</td><td>{refs.cite(q.sources)}</td><td class="ok">☐</td></tr>'
    )


def _options(evidence: Evidence, refs: _Refs) -> str:
    parts = ['<h2 id="figures">2. Every figure, option by option</h2>']
    for oid, o in evidence.ordered():
        parts.append(f'<h3 id="option-{_e(oid)}">{_e(o.name)}</h3>')
        parts.append(
            "<table>"
            + _cols(70, 24, 6)
            + '<tr><th>Text a patient reads</th><th>Sources</th><th class="ok">OK</th></tr>'
            + "".join(
                f"<tr><td><strong>{_e(label)}:</strong> {_e(text)}</td><td>{refs.cite(src)}</td>"
                f'<td class="ok">☐</td></tr>'
                for label, text, src in (
                    ("In short", o.summary, []),
                    ("What it involves", o.involves.text, o.involves.sources),
                    ("How soon it works", o.onset.text, o.onset.sources),
                    ("How long it lasts", o.duration.text, o.duration.sources),
                    ("What it asks of you", o.burden.text.text, o.burden.text.sources),
                )
            )
            + "</table>"
        )
        parts.append(
            "<table>"
            + _cols(13, 12, 15, 15, 27, 13, 5)
            + "<tr><th>Benefit (measure)</th><th>Figure</th><th>Time frame</th><th>Certainty</th>"
            '<th>Note</th><th>Sources</th><th class="ok">OK</th></tr>'
            + "".join(_benefit_row(oid, b, evidence, refs) for b in o.benefits)
            + "</table>"
        )
        parts.append(
            "<table>"
            + _cols(13, 11, 12, 11, 9, 26, 13, 5)
            + "<tr><th>Harm</th><th>Figure</th><th>Time frame</th><th>Kind; how long</th>"
            '<th>Certainty</th><th>Note</th><th>Sources</th><th class="ok">OK</th></tr>'
            + "".join(_risk_row(oid, r, refs) for r in o.risks)
            + "</table>"
        )
        chances = [
            (label, c)
            for label, c in (
                ("Spasm comes back (recurrence)", o.recurrence),
                ("Relief comes late (delayed cure)", o.delayed_relief),
                ("Stopped because of side effects", o.stopped_for_side_effects),
            )
            if c is not None
        ]
        b = o.burden
        quantities = [
            (label, q)
            for label, q in (
                ("How long one injection works", o.effect_weeks),
                ("Time between injections", getattr(o, "reinjection_weeks", None)),
                ("Injections a year", b.injections_per_year),
                ("Clinic visits a year", b.clinic_visits_per_year),
                ("Nights in hospital", b.hospital_nights),
                ("Weeks to recover", b.recovery_weeks),
            )
            if q is not None
        ]
        if chances:
            parts.append(
                "<table>"
                + _cols(13, 12, 15, 10, 30, 15, 5)
                + "<tr><th>Chance</th><th>Figure</th><th>Time frame</th><th>Certainty</th>"
                '<th>Text a patient reads</th><th>Sources</th><th class="ok">OK</th></tr>'
                + "".join(_chance_row(label, c, refs) for label, c in chances)
                + "</table>"
            )
        flags = [
            ("Must continue for the effect to continue", b.ongoing),
            ("Daily pills", b.daily_pills),
            ("General anaesthetic", b.general_anaesthetic),
        ]
        parts.append(
            "<table>"
            + _cols(25, 20, 35, 14, 6)
            + "<tr><th>What it asks</th><th>Figure</th><th>Note</th><th>Sources</th>"
            '<th class="ok">OK</th></tr>'
            + "".join(_quantity_row(label, q, refs) for label, q in quantities)
            + "".join(
                f"<tr><td>{_e(label)}</td><td>{'yes' if on else 'no'}</td><td></td><td></td>"
                f'<td class="ok">☐</td></tr>'
                for label, on in flags
            )
            + "</table>"
        )
    return "".join(parts)


def _no_treatment(evidence: Evidence, refs: _Refs) -> str:
    nt = evidence.no_treatment
    rows = "".join(
        f'<tr id="nt-{_e(f.id)}"><td>{_e(f.name)}<br><span class="id">{_e(f.id)}</span></td>'
        f'<td class="num">{_e(_range(f.per_100))}</td><td>{_e(f.timeframe)}</td>'
        f"<td>{_e(_certainty(f.certainty))}</td><td>{_e(f.note)}</td><td>{refs.cite(f.sources)}</td>"
        f'<td class="ok">☐</td></tr>'
        for f in nt.figures
    )
    return f"""
<h2 id="no-treatment">3. {_e(nt.name)} (a reference, never scored)</h2>
<p class="patient">{_e(nt.summary)}</p>
<p class="patient">{_e(nt.involves.text)} <span class="small">{refs.cite(nt.involves.sources)}</span></p>
<table>{_cols(15, 8, 15, 12, 30, 14, 6)}<tr><th>Figure</th><th>Per 100</th><th>Time frame</th>
<th>Certainty</th>
<th>Note</th><th>Sources</th>
<th class="ok">OK</th></tr>{rows}</table>
"""


def _when_words(rule: Rule) -> str:
    parts = []
    for key, wanted in rule.when.items():
        if key in ("tried", "avoid"):
            parts.append(f"{key}: the option is in the patient's list")
        elif key == "age_at_least":
            parts.append(f"age {wanted} or older")
        else:
            labels = SITUATION_LABELS.get(key, {})
            values = wanted if isinstance(wanted, list) else [wanted]
            parts.append(
                f"{key}: " + " or ".join(f"{v} ({labels[v]})" if v in labels else str(v) for v in values)
            )
    return "; ".join(parts)


def _rules(evidence: Evidence, refs: _Refs) -> str:
    rows = []
    for rule in evidence.rules:
        effect = "not suitable (no match, no rank)" if rule.effect == "not_suitable" else "caution"
        words = "".join(
            f'<p class="patient"><strong>{_e(evidence.options[oid].short_name)}:</strong> '
            f"{_e(caution_words(evidence, rule, oid))}</p>"
            for oid in rule.options
        )
        rows.append(
            f'<tr id="rule-{_e(rule.id)}"><td class="id">{_e(rule.id)}</td><td>{_e(_when_words(rule))}</td>'
            f"<td>{_e(effect)}</td><td>{words}</td><td>{refs.cite(rule.sources)}</td>"
            '<td class="ok">☐</td></tr>'
        )
    return f"""
<h2 id="rules">4. Every rule, with the words a patient reads</h2>
<p>Each wording below is produced by the engine for a situation that triggers the rule.</p>
<table>{_cols(12, 18, 9, 43, 13, 5)}<tr><th>Rule</th><th>When</th><th>Effect</th>
<th>What the patient reads</th>
<th>Sources</th>
<th class="ok">OK</th></tr>{"".join(rows)}</table>
"""


def _anchors() -> str:
    items = "".join(f"<li>{_e(line)}</li>" for line in engine.ANCHORS_TEXT)
    return f"""
<h2 id="anchors">5. The match: its value judgements</h2>
<p>These are choices, not evidence. Each says what counts as the worst score on one priority.
The match is the weighted average of the scores, with the weights the patient gives.</p>
<ul>{items}</ul>
<p class="ok-line">☐ I accept these value judgements &nbsp; ☐ I would change (note below)</p>
"""


def _wording_lists(evidence: Evidence) -> str:
    def ul(items: Iterable[str]) -> str:
        return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"

    situations = "".join(
        f'<li><span class="id">{_e(k)}</span>: ' + "; ".join(_e(v) for v in labels.values() if v) + "</li>"
        for k, labels in SITUATION_LABELS.items()
    )
    return (
        "<h3>Priorities and wishes</h3>"
        + ul(f"{PRIORITY_LABELS[p]}: {PRIORITY_WISH[p]}" for p in PRIORITIES)
        + "<h3>Certainty in words</h3>"
        + ul(CERTAINTY_LABELS.values())
        + f"<h3>Answers in words</h3><ul>{situations}</ul>"
        + "<h3>The line under every comparison</h3>"
        + ul([NOT_A_VERDICT])
        + "<h3>How the five-year projection is worked out</h3>"
        + ul(engine.projection_assumptions(evidence))
    )


def _patient_words(evidence: Evidence, pages: dict[str, list[str]]) -> str:
    qs = "".join(f"<li>{_e(q)}</li>" for q in every_question(evidence))
    page_parts = "".join(
        f"<h3>Page: {_e(name)}</h3><ul>" + "".join(f"<li>{_e(t)}</li>" for t in texts) + "</ul>"
        for name, texts in pages.items()
        if texts
    )
    return f"""
<h2 id="words" class="pagebreak">6. Every sentence a patient reads</h2>
<p>Taken from where the app takes it: the dataset's texts (sections 2 to 4), the shared wording,
the questions for the care team, and the words written into the app's pages. Lines with "…" are
filled in from the figures or the patient's answers. The pages' lines include a few that only
the consultation mode shows.</p>
{_wording_lists(evidence)}
<h3>Questions for the care team (every one the app can ask)</h3>
<ul>{qs}</ul>
{page_parts}
"""


def _sign_off(evidence: Evidence) -> str:
    def block(role: str) -> str:
        lines = "".join(
            f'<div class="sign-label">{_e(label)}</div><div class="sign-line"></div>'
            for label in ("Name", "Role and credentials", "What I reviewed (sections)", "Date", "Signature")
        )
        return (
            f'<div class="sign"><h3>{_e(role)}</h3>{lines}'
            '<div class="sign-label">Corrections asked for (or "none")</div>'
            + '<div class="sign-line"></div>' * 3
            + "</div>"
        )

    m = evidence.meta
    listed = (
        "<table><tr><th>Name</th><th>Role</th><th>Date</th><th>Scope</th></tr>"
        + "".join(
            f"<tr><td>{_e(r.name)}</td><td>{_e(r.role)}</td><td>{_e(r.date.isoformat())}</td>"
            f"<td>{_e(r.scope)}</td></tr>"
            for r in m.reviewers
        )
        + "</table>"
        if m.reviewers
        else f"<p><strong>{_e(NOT_REVIEWED)}</strong></p>"
    )
    return f"""
<h2 id="sign-off" class="pagebreak">7. Sign-off</h2>
<p>Reviewers recorded in evidence version {_e(m.version)}:</p>
{listed}
<p>I have checked the sections named below against their sources. Once signed, the reviewer's
name, role, date and scope go into the dataset (<span class="id">meta.reviewers</span>) and are
shown to patients on the About page and in the take-home summary.</p>
{"".join(block(r) for r in SIGNERS)}
"""


def _sources(evidence: Evidence) -> str:
    items = []
    for sid, s in evidence.sources.items():
        doi = (
            f' <a href="https://doi.org/{_e(quote(s.doi, safe="/:;()._-"))}">doi.org/{_e(s.doi)}</a>'
            if s.doi
            else ""
        )
        note = f'<br><span class="small">{_e(s.note)}</span>' if s.note else ""
        items.append(
            f'<li id="src-{_e(sid)}"><span class="id">{_e(sid)}</span>: {_e(s.citation())}{doi}{note}</li>'
        )
    return f"""
<h2 id="sources">8. References</h2>
<ol class="sources">{"".join(items)}</ol>
"""


def review_html(evidence: Evidence, *, generated: dt.date | None = None, pages_dir: Path = PAGES_DIR) -> str:
    """The review pack as one self-contained HTML document (a string; the CLI writes it)."""
    refs = _Refs(evidence)
    m = evidence.meta
    body = "".join(
        (
            _head(evidence, generated or dt.date.today()),
            _measures(evidence),
            _options(evidence, refs),
            _no_treatment(evidence, refs),
            _rules(evidence, refs),
            _anchors(),
            _patient_words(evidence, page_words(pages_dir)),
            _sign_off(evidence),
            _sources(evidence),
        )
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Clinical review pack: {_e(m.title)} (version {_e(m.version)})</title>\n"
        f"<style>\n{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
