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

import datetime as dt
import html
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from decision_aid import engine
from decision_aid.evidence import Benefit, Chance, Evidence, LabelWarning, Quantity, Range, Risk, RuleSentence
from decision_aid.grid import rows_marked_by
from decision_aid.profile import PRIORITIES
from decision_aid.wording import caution_words, every_question, page_words
from decision_aid.words import engine as engine_words
from decision_aid.words import review as w
from decision_aid.words.common import (
    CERTAINTY_LABELS,
    NONE_REPORTED,
    NOT_A_VERDICT,
    PRIORITY_LABELS,
    PRIORITY_WISH,
    SITUATION_LABELS,
    has_range,
    per_100_counted,
    per_100_range,
)
from decision_aid.words.grid import ROW_QUESTIONS
from decision_aid.words.pages.about import NOT_REVIEWED

REVIEWERS_FIELD = '<span class="id">meta.reviewers</span>'
"""The dataset's field that records the reviewers, as the pack names it."""

CSS = (Path(__file__).resolve().parent / "assets" / "review.css").read_text(encoding="utf-8")
"""The pack's print style, inline in the page (kept in a file of its own)."""


def _cols(*percent: int) -> str:
    """Column widths for a fixed-layout table, so long notes get the room and short cells wrap."""
    return "<colgroup>" + "".join(f'<col style="width:{p}%">' for p in percent) + "</colgroup>"


def _e(text: object) -> str:
    """Escape for HTML text and attribute values (quotes too)."""
    return html.escape(str(text), quote=True)


def _t(text: str) -> str:
    """Escape the pack's own words for HTML text; quotes stay as written."""
    return html.escape(text, quote=False)


def _th(*headers: str) -> str:
    """A table's header row, ending with the tick-box column; a `thead`, so a printed table that
    runs onto the next page repeats it there."""
    cells = "".join(f"<th>{_t(h)}</th>" for h in headers)
    return f'<thead><tr>{cells}<th class="ok">{_t(w.OK)}</th></tr></thead>'


def _num(x: float) -> str:
    return f"{x:g}"


def _range(r: Range | None) -> str:
    if r is None:
        return w.NOT_MEASURED
    return f"{_num(r.low)} / {_num(r.central)} / {_num(r.high)}"


def _shown(fig: Range, per: str = "person") -> str:
    """A figure as the patient reads it: counted per person or per injection, with its range
    where the studies give one."""
    text = per_100_counted(fig.central, per)
    return f"{text} ({per_100_range(fig.low, fig.high)})" if has_range(fig.low, fig.high) else text


def _certainty(code: str) -> str:
    return CERTAINTY_LABELS.get(code, code)


class _Refs:
    """Source ids to their numbers in the reference list, in the dataset's order (its
    reference list is in that order too)."""

    def __init__(self, evidence: Evidence) -> None:
        self.numbers = {sid: i + 1 for i, sid in enumerate(evidence.sources)}

    def cite(self, ids: Iterable[str]) -> str:
        return ", ".join(
            f'<a href="#src-{_e(sid)}">[{self.numbers.get(sid, "?")}]&nbsp;'
            f'<span class="id">{_e(sid)}</span></a>'
            for sid in ids
        )


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
        else f'<p class="warn"><strong>{_e(NOT_REVIEWED)}</strong> '
        + _t(w.NOT_REVIEWED_WARNING).format(field=REVIEWERS_FIELD)
        + "</p>"
    )
    up = m.update_policy
    made = _t(w.MADE).format(
        version=f"<strong>{_e(m.version)}</strong>",
        last=_e(m.last_reviewed.isoformat()),
        next=_e(m.next_review.isoformat()),
        made=_e(generated.isoformat()),
    )
    return f"""
<h1>{_t(w.PACK_TITLE).format(title=_e(m.title))}</h1>
<p>{made}</p>
<p>{_t(w.INSTRUCTIONS)}</p>
<h3>{_t(w.REVIEWED_BY)}</h3>
{reviewers}
<h3>{_t(w.WHO_MADE_IT)}</h3>
<p>{_t(w.MADE_BY).format(made_by=_e(m.made_by), funding=_e(m.funding))}</p>
<p>{_e(m.how_chosen)}</p>
<p>{_t(w.FIGURES_DESCRIBE).format(reference_class=_e(m.reference_class))}</p>
<h3>{_t(w.UPDATE_POLICY)}</h3>
<ul><li>{_t(w.INTERVAL).format(interval=_e(up.interval))}</li><li>{_t(w.EARLIER_REVIEW).format(triggers=_e(up.triggers))}</li>
<li>{_t(w.REPORTING_AN_ERROR).format(report_errors=_e(up.report_errors))}</li></ul>
"""


def _measures(evidence: Evidence) -> str:
    m = evidence.meta
    rows = "".join(
        f'<tr><td class="id">{_e(k)}</td><td>{_e(v.label)}</td><td>{_e(v.definition)}</td>'
        f'<td>{_t(w.YES) if k == m.control_measure else ""}</td><td class="ok">☐</td></tr>'
        for k, v in m.measures.items()
    )
    header = _th(w.ID, w.LABEL_AS_SHOWN, w.DEFINITION_AS_SHOWN, w.CONTROL)
    return f"""
<h2 id="measures">{_t(w.MEASURES)}</h2>
<p>{_t(w.MEASURES_HOW)}</p>
<table>{_cols(14, 22, 50, 8, 6)}{header}{rows}</table>
"""


def _benefit_row(oid: str, b: Benefit, evidence: Evidence, refs: _Refs) -> str:
    measure = evidence.meta.measures.get(b.measure)
    label = measure.label if measure else b.measure
    if b.per_100 is None:  # the patient reads the reason, as it stands here
        figure = f"<strong>{_t(w.NOT_MEASURED_STOP)}</strong> {_e(b.not_measured)}"
    else:
        figure = f'<span class="num">{_e(_range(b.per_100))}</span>'
        if getattr(b, "expert_estimate", False):
            figure += f"<br><em>{_t(w.EXPERT_ESTIMATE)}</em>"
        figure += f'<br><span class="small">{_t(w.SHOWN_AS).format(shown=_e(_shown(b.per_100)))}</span>'
    treated = w.WHILE_TREATED if b.while_treated else w.NOT_WHILE_TREATED
    return (
        f'<tr id="benefit-{_e(oid)}-{_e(b.measure)}">'
        f'<td>{_e(label)}<br><span class="id">{_e(b.measure)}</span></td>'
        f"<td>{figure}</td>"
        f'<td>{_e(b.timeframe)}<br><span class="small">{_e(treated)}</span></td>'
        f'<td>{_e(_certainty(b.certainty))}<br><span class="small">{_e(b.certainty_why)}</span></td>'
        f'<td>{_e(b.note)}</td><td>{refs.cite(b.sources)}</td><td class="ok">☐</td></tr>'
    )


def _risk_row(oid: str, r: Risk, refs: _Refs) -> str:
    kind = ", ".join(w.RISK_KINDS[k] for k, on in (("serious", r.serious), ("permanent", r.permanent)) if on)
    kind = kind or w.PASSES
    per = w.PER_INJECTION if r.per == "injection" else w.PER_PERSON
    return (
        f'<tr id="risk-{_e(oid)}-{_e(r.id)}"><td>{_e(r.name)}<br><span class="id">{_e(r.id)}</span></td>'
        f'<td><span class="num">{_e(_range(r.per_100))}</span><br><strong>{_e(per)}</strong>'
        f'<br><span class="small">{_t(w.SHOWN_AS).format(shown=_e(_shown(r.per_100, r.per)))}</span></td>'
        f"<td>{_e(r.timeframe)}</td><td>{_e(kind)}; {_e(r.lasts)}</td>"
        f"<td>{_e(_certainty(r.certainty))}</td><td>{_e(r.note)}</td><td>{refs.cite(r.sources)}</td>"
        f'<td class="ok">☐</td></tr>'
    )


def _chance_row(label: str, c: Chance, refs: _Refs) -> str:
    extra = []
    if c.years:
        extra.append(w.FOLLOW_UP.format(years=_num(c.years)))
    if getattr(c, "mostly_within_years", None):
        extra.append(w.MOSTLY_WITHIN.format(years=_num(c.mostly_within_years)))
    if getattr(c, "months", None):
        extra.append(w.TAKING_MONTHS.format(months=_range(c.months)))
    figure = _range(c.per_100) if c.per_100 is not None else f"{w.NOT_MEASURED_STOP} {c.not_measured}"
    note = w.NOTE_LINE.format(note=" ".join(c.note.split())) if c.note else ""  # the pack had none
    note = f'<br><span class="small">{_e(note)}</span>' if note else ""
    return (
        f"<tr><td>{_e(label)}</td><td>{_e(figure)}</td><td>{_e(c.timeframe)}"
        f"{'<br>' + _e('; '.join(extra)) if extra else ''}</td><td>{_e(_certainty(c.certainty))}</td>"
        f"<td>{_e(c.text)}{note}</td><td>{refs.cite(c.sources)}</td>"
        '<td class="ok">☐</td></tr>'
    )


def _quantity_row(label: str, q: Quantity, refs: _Refs) -> str:
    return (
        f'<tr><td>{_e(label)}</td><td class="num">{_e(_range(q.value))} {_e(q.unit)}</td>'
        f'<td>{_e(q.note)}</td><td>{refs.cite(q.sources)}</td><td class="ok">☐</td></tr>'
    )


def _label_warning(lw: LabelWarning | None) -> list[tuple[str, str, list[str]]]:
    """The label's warning as the patient reads it (after "none reported"), then its grid words
    and its note."""
    if lw is None:
        return []
    note = [w.NOTE_LINE.format(note=lw.note)] if lw.note else []
    text = " ".join([NONE_REPORTED, lw.text, w.LABEL_WARNING_GRID.format(short=lw.short), *note])
    return [(w.OPTION_TEXTS["label_warning"], " ".join(text.split()), list(lw.sources))]


def _options(evidence: Evidence, refs: _Refs) -> str:
    parts = [f'<h2 id="figures">{_t(w.FIGURES)}</h2>']
    for oid, o in evidence.ordered():
        parts.append(f'<h3 id="option-{_e(oid)}">{_e(o.name)}</h3>')
        parts.append(
            "<table>"
            + _cols(70, 24, 6)
            + _th(w.TEXT_A_PATIENT_READS, w.SOURCES)
            + "".join(
                f"<tr><td><strong>{_e(label)}:</strong> {_e(text)}</td><td>{refs.cite(src)}</td>"
                f'<td class="ok">☐</td></tr>'
                for label, text, src in (
                    (w.OPTION_TEXTS["summary"], o.summary, []),
                    (w.OPTION_TEXTS["involves"], o.involves.text, o.involves.sources),
                    (w.OPTION_TEXTS["onset"], o.onset.text, o.onset.sources),
                    (w.OPTION_TEXTS["duration"], o.duration.text, o.duration.sources),
                    (w.OPTION_TEXTS["burden"], o.burden.text.text, o.burden.text.sources),
                    *_label_warning(o.label_warning),
                )
            )
            + "</table>"
        )
        parts.append(
            "<table>"
            + _cols(13, 12, 15, 15, 27, 13, 5)
            + _th(w.BENEFIT, w.FIGURE, w.TIME_FRAME, w.CERTAINTY, w.NOTE, w.SOURCES)
            + "".join(_benefit_row(oid, b, evidence, refs) for b in o.benefits)
            + "</table>"
        )
        parts.append(
            "<table>"
            + _cols(15, 10, 13, 12, 10, 22, 13, 5)
            + _th(w.HARM, w.FIGURE, w.TIME_FRAME, w.KIND_HOW_LONG, w.CERTAINTY, w.NOTE, w.SOURCES)
            + "".join(_risk_row(oid, r, refs) for r in o.risks)
            + "</table>"
        )
        # every chance the option has, in the order the app, the PDF and the command line give
        # them (a list written out by hand had left out MVD's second operation)
        chances = [(w.CHANCES[field], c) for field, c in o.chances()]
        b = o.burden
        quantities = [
            (label, q)
            for field, label in w.QUANTITIES.items()
            if (q := getattr(o if field in type(o).model_fields else b, field)) is not None
        ]
        if chances:
            parts.append(
                "<table>"
                + _cols(13, 12, 15, 10, 30, 15, 5)
                + _th(w.CHANCE, w.FIGURE, w.TIME_FRAME, w.CERTAINTY, w.TEXT_A_PATIENT_READS, w.SOURCES)
                + "".join(_chance_row(label, c, refs) for label, c in chances)
                + "</table>"
            )
        flags = [(label, getattr(b, field)) for field, label in w.FLAGS.items()]
        parts.append(
            "<table>"
            + _cols(25, 20, 35, 14, 6)
            + _th(w.WHAT_IT_ASKS, w.FIGURE, w.NOTE, w.SOURCES)
            + "".join(_quantity_row(label, q, refs) for label, q in quantities)
            + "".join(
                f"<tr><td>{_e(label)}</td><td>{_t(w.YES if on else w.NO)}</td><td></td><td></td>"
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
    header = _th(w.FIGURE, w.PER_100, w.TIME_FRAME, w.CERTAINTY, w.NOTE, w.SOURCES)
    fn = nt.figures_note
    note = ""
    if fn:
        note = f'\n<p class="patient">{_e(fn.text)} <span class="small">{refs.cite(fn.sources)}</span></p>'
    return f"""
<h2 id="no-treatment">{_t(w.NO_TREATMENT).format(name=_e(nt.name))}</h2>
<p class="patient">{_e(nt.summary)}</p>
<p class="patient">{_e(nt.involves.text)} <span class="small">{refs.cite(nt.involves.sources)}</span></p>
{_also(nt.involves_also, nt.name, refs)}
<table>{_cols(15, 8, 15, 12, 30, 14, 6)}{header}{rows}</table>{note}
"""


def _also(also: list[RuleSentence], name: str, refs: _Refs) -> str:
    """Each sentence the patient reads only in some situations, after the situation it needs,
    with its own sources where it has any."""
    return "".join(
        f'<p class="patient"><em>{_e(w.ALSO_WHEN.format(when=_when_words(a.when)))}</em> '
        f"{_e(engine._fill_name(a.text, name))}"
        + (f' <span class="small">{refs.cite(a.sources)}</span>' if a.sources else "")
        + "</p>"
        for a in also
    )


def _when_words(when: dict) -> str:
    parts = []
    for key, wanted in when.items():
        if key in ("tried", "avoid"):
            parts.append(w.IN_THE_LIST.format(key=key))
        elif key == "age_at_least":
            parts.append(w.AGE_AT_LEAST.format(age=wanted))
        elif key == "age_not_at_least":
            parts.append(w.AGE_NOT_AT_LEAST.format(age=wanted))
        else:
            labels = SITUATION_LABELS.get(key, {})
            values = wanted if isinstance(wanted, list) else [wanted]
            parts.append(
                f"{key}: " + f" {w.OR} ".join(f"{v} ({labels[v]})" if v in labels else str(v) for v in values)
            )
    return "; ".join(parts)


def _rules(evidence: Evidence, refs: _Refs) -> str:
    rows = []
    for rule in evidence.rules:
        effect = w.RULE_EFFECT[rule.effect, rule.not_matched]
        words = "".join(
            f'<p class="patient"><strong>{_e(evidence.options[oid].short_name)}:</strong> '
            f"{_e(caution_words(evidence, rule, oid))}</p>"
            + _also(rule.also, evidence.options[oid].sentence_name, refs)
            for oid in rule.options
        )
        if rule.effect != "good_to_know":  # listed in full, so its label is not read
            words += f"<p>{_e(w.SHORT_LIST.format(label=rule.label))}</p>"
        if rule.effect == "caution":
            marked = " · ".join(ROW_QUESTIONS[row] for row in rows_marked_by(rule))
            words += f"<p>{_e(w.GRID_MARKS.format(rows=marked))}</p>"
        rows.append(
            f'<tr id="rule-{_e(rule.id)}"><td class="id">{_e(rule.id)}</td><td>{_e(_when_words(rule.when))}'
            f"</td><td>{_e(effect)}</td><td>{words}</td><td>{refs.cite(rule.sources)}</td>"
            '<td class="ok">☐</td></tr>'
        )
    return f"""
<h2 id="rules">{_t(w.RULES)}</h2>
<p>{_t(w.RULES_HOW)}</p>
<table>{_cols(12, 18, 9, 43, 13, 5)}{_th(w.RULE, w.WHEN, w.EFFECT, w.WHAT_THE_PATIENT_READS, w.SOURCES)}
{"".join(rows)}</table>
"""


def _anchors() -> str:
    items = "".join(f"<li>{_e(line)}</li>" for line in engine.ANCHORS_TEXT) + (
        f"<li><em>{_e(w.ALSO_WHEN.format(when=w.AN_OPTION_RULED_OUT))}</em> "
        f"{_e(engine_words.AVOIDED_LAST)}</li>"
    )
    return f"""
<h2 id="anchors">{_t(w.ANCHORS)}</h2>
<p>{_t(w.ANCHORS_HOW)}</p>
<ul>{items}</ul>
<p class="ok-line">☐ {_t(w.ACCEPT)} &nbsp; ☐ {_t(w.WOULD_CHANGE)}</p>
"""


def _wording_lists(evidence: Evidence) -> str:
    def ul(items: Iterable[str]) -> str:
        return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"

    situations = "".join(
        f'<li><span class="id">{_e(k)}</span>: ' + "; ".join(_e(v) for v in labels.values() if v) + "</li>"
        for k, labels in SITUATION_LABELS.items()
    )
    return (
        f"<h3>{_t(w.PRIORITIES_AND_WISHES)}</h3>"
        + ul(f"{PRIORITY_LABELS[p]}: {PRIORITY_WISH[p]}" for p in PRIORITIES)
        + f"<h3>{_t(w.CERTAINTY_IN_WORDS)}</h3>"
        + ul(CERTAINTY_LABELS.values())
        + f"<h3>{_t(w.ANSWERS_IN_WORDS)}</h3><ul>{situations}</ul>"
        + f"<h3>{_t(w.THE_LINE_UNDER)}</h3>"
        + ul([NOT_A_VERDICT])
        + f"<h3>{_t(w.PROJECTION)}</h3>"
        + ul(engine.projection_assumptions(evidence))
    )


def _patient_words(evidence: Evidence, pages: dict[str, list[str]]) -> str:
    qs = "".join(f"<li>{_e(q)}</li>" for q in every_question(evidence))
    page_parts = "".join(
        f"<h3>{_t(w.WORD_PLACES[name]) if name in w.WORD_PLACES else _t(w.PAGE).format(name=_e(name))}"
        "</h3><ul>" + "".join(f"<li>{_e(t)}</li>" for t in texts) + "</ul>"
        for name, texts in pages.items()
        if texts
    )
    return f"""
<h2 id="words" class="pagebreak">{_t(w.WORDS)}</h2>
<p>{_t(w.WORDS_HOW)}</p>
{_wording_lists(evidence)}
<h3>{_t(w.QUESTIONS)}</h3>
<ul>{qs}</ul>
{page_parts}
"""


def _sign_off(evidence: Evidence) -> str:
    def block(role: str) -> str:
        lines = "".join(
            f'<div class="sign-label">{_e(label)}</div><div class="sign-line"></div>'
            for label in w.SIGN_LINES
        )
        return (
            f'<div class="sign"><h3>{_e(role)}</h3>{lines}'
            f'<div class="sign-label">{_t(w.CORRECTIONS)}</div>'
            + '<div class="sign-line"></div>' * 3
            + "</div>"
        )

    m = evidence.meta
    listed = (
        f"<table><thead><tr><th>{_t(w.NAME)}</th><th>{_t(w.ROLE)}</th><th>{_t(w.DATE)}</th>"
        f"<th>{_t(w.SCOPE)}</th></tr></thead>"
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
<h2 id="sign-off" class="pagebreak">{_t(w.SIGN_OFF)}</h2>
<p>{_t(w.RECORDED).format(version=_e(m.version))}</p>
{listed}
<p>{_t(w.SIGN_OFF_HOW).format(field=REVIEWERS_FIELD)}</p>
{"".join(block(r) for r in w.SIGNERS)}
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
<h2 id="sources">{_t(w.REFERENCES)}</h2>
<ol class="sources">{"".join(items)}</ol>
"""


def review_html(evidence: Evidence, *, generated: dt.date | None = None) -> str:
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
            _patient_words(evidence, page_words()),
            _sign_off(evidence),
            _sources(evidence),
        )
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_t(w.DOCUMENT_TITLE).format(title=_e(m.title), version=_e(m.version))}</title>\n"
        f"<style>\n{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
