"""Page 4: compare the three options, in one fixed order, against what the patient said matters."""

import altair as alt
import streamlit as st

from decision_aid import charts
from decision_aid.engine import OptionResult, Result
from decision_aid.evidence import Evidence
from decision_aid.profile import CHOICES, Profile
from decision_aid.ui import chart_cache, consult, state
from decision_aid.ui import components as c
from decision_aid.ui.derived import fit_sentence
from decision_aid.ui.widgets import priority_sliders
from decision_aid.wording import NOT_A_VERDICT, SITUATION_LABELS, both_ways, per_100, per_100_range

TITLE_CHARS = 30
"""An icon array's title and subtitle lines, for a column a third of the page wide."""


def _fit_x(chart):
    """Stretch a chart to its column. Streamlit's default autosize ("fit") squeezes the plot
    to make room for the wrapped titles and legends; "fit-x" stretches the width only."""
    return chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))


def _show(spec: dict, key: str, where=st) -> None:
    """A finished spec from chart_cache, as wide as its column; `where`: a place made earlier."""
    where.vega_lite_chart(spec, width="stretch", key=key)


def _chart(spec: dict, text: str, key: str) -> None:
    """A chart and its text alternative right under it."""
    _show(spec, key)
    st.caption(c.md(text))


def _at_a_glance(result: Result, prof: Profile) -> None:
    c.heading("The three options")
    for o in result.options:
        with st.container(border=True, key=f"glance_{o.id}"):
            c.heading(c.md(o.name), 3)
            for flag in c.option_flags(o):
                st.markdown(f"**{c.md(flag)}.**")
            c.caution_box(o, prof)
            if not o.caution_details:
                st.caption("No cautions from your answers.")


def _good_control(result: Result, ev: Evidence, consulting: bool) -> None:
    c.heading("Chance of good control")
    st.markdown(
        f"Each picture shows **100 people** like those in the studies ({c.md(ev.meta.reference_class)}). "
        f"Time frame: {c.md(ev.meta.comparison_timeframe)}."
    )
    cols = st.columns(3)
    for col, o in zip(cols, result.options, strict=True):
        s = o.success
        with col:
            chart = chart_cache.built(
                charts.icon_array_parts, s.central, label="have good control", color=charts.BENEFIT_COLOR,
                title=o.short_name + (" (LOCAL figure)" if s.local else ""), title_chars=TITLE_CHARS,
                finish=_fit_x,
            )
            _show(chart, f"icons_success_{o.id}")
            st.markdown(c.md(both_ways(s.central, "have good control", "do not")))
            if consulting:
                st.caption(c.figure_detail(s) + "  \n" + c.md(f"When: {s.timeframe}"))
            else:
                with st.expander("Range and time frame"):
                    st.caption(c.md(f"The studies found {c.range_text(s)}. When: {s.timeframe}."))
    frame = charts.success_frame(result)
    st.caption(c.md(chart_cache.text(charts.describe_icon_arrays, frame, "have good control")))


def _main_harm(o: OptionResult, lasting: bool):
    risks = [r for r in o.risks if (r.serious or r.permanent) == lasting]
    return max(risks, key=lambda r: r.central) if risks else None


def _harms(result: Result, consulting: bool) -> None:
    c.heading("Main harms")
    st.markdown(
        "The most common side effect that passes, and the most likely serious or lasting harm, "
        "for each option. Also **out of 100 people**."
    )
    for lasting, heading in ((False, "Side effects that pass"), (True, "Serious or lasting harms")):
        c.heading(heading, 3)
        cols = st.columns(3)
        for col, o in zip(cols, result.options, strict=True):
            r = _main_harm(o, lasting)
            with col:
                if r is None:
                    st.markdown(f"**{c.md(o.short_name)}**: none reported in the studies used.")
                    continue
                st.markdown(f"**{c.md(o.short_name)}**: {c.md(r.name)}")
                chart = chart_cache.built(
                    charts.icon_array_parts, r.central, label="have it", color=charts.HARM_COLOR,
                    title=o.short_name + (" (LOCAL figure)" if r.local else ""), title_chars=TITLE_CHARS,
                    finish=_fit_x,
                )
                _show(chart, f"icons_harm_{lasting}_{o.id}")
                st.markdown(c.md(f"{_capital(per_100(r.central))}. {r.lasts}."))
                if consulting:
                    st.caption(c.figure_detail(r))
    with st.expander("All harms, in words", expanded=consulting):
        for o in result.options:  # one Markdown block per option: a name and its list
            st.markdown(f"**{c.md(o.name)}**\n\n" + "\n".join(
                f"- {c.md(r.name)}: {c.md(per_100(r.central))} "
                f"({c.md(per_100_range(r.low, r.high))}). {c.md(r.lasts)}."
                for r in o.risks
            ))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _tradeoff(result: Result) -> None:
    c.heading("Good control against serious harm")
    frame = charts.tradeoff_frame(result)
    _chart(
        chart_cache.parts(charts.tradeoff_parts(frame), finish=_fit_x),
        chart_cache.text(charts.describe_tradeoff, frame),
        "chart_tradeoff",
    )


def _match_heading():
    """The heading and the sliders' expander; returns the place for the sliders (see
    `_follows_the_sliders`)."""
    c.heading("How the options line up with what you said matters")
    with st.expander("Change what matters to you", expanded=False, key="change_priorities"):
        st.caption("The picture below changes as you move a slider.")
        return st.container()


def _match(result: Result, prof: Profile, consulting: bool) -> None:
    frame = charts.match_frame(result)
    box = st.expander("Open this part with your clinician", expanded=False) if consulting else st.container()
    with box:
        _chart(
            chart_cache.parts(charts.match_parts(frame), finish=_fit_x),
            chart_cache.text(charts.describe_match, frame),
            "chart_match",
        )
        weights = prof.weights()
        for o in result.options:
            with st.container(border=True, key=f"fit_words_{o.id}"):
                lines = []
                if o.avoided:
                    lines.append("**You said this is a deal-breaker for you.** "
                                 "It is still shown so you can see it.")
                lines.append(c.md(fit_sentence(o, weights)))
                if consulting:
                    lines.append(c.md(f"Match {c.number(o.match)} (range {c.number(o.match_low)} to "
                                      f"{c.number(o.match_high)}) out of 100."))
                st.markdown("  \n".join(lines))
                for caution in o.cautions:
                    st.caption(c.md("Caution: " + caution))
        st.info(NOT_A_VERDICT)


def _fit(result: Result):
    """The grid's heading and words; returns the place for the grid itself, which shows how much
    each thing matters and so is drawn by `_follows_the_sliders` (`_fit_chart`)."""
    c.heading("How each option does on each thing")
    place = st.empty()
    st.caption(c.md(chart_cache.text(charts.describe_fit, charts.fit_frame(result))))
    return place


def _fit_chart(result: Result, place) -> None:
    spec = chart_cache.parts(charts.fit_parts(charts.fit_frame(result), rows="priorities"), finish=_fit_x)
    _show(spec, "chart_fit", place)


def _projection(result: Result, ev: Evidence) -> None:
    years = result.projection.years
    c.heading(f"The next {years} years")
    frame = charts.projection_frame(result)
    _chart(
        chart_cache.parts(charts.projection_parts(frame, years=years), finish=_fit_x),
        chart_cache.text(charts.describe_projection, frame, years),
        "chart_projection",
    )
    paragraphs = []
    for o in result.options:
        p = result.projection.options[o.id]
        parts = [f"on average, {per_100(p.controlled_pct['central'])} have the spasm under control"]
        if p.daily_pills:
            parts.append(f"tablets every day ({c.number(p.pill_days)} days)")
        if p.injections["central"]:
            parts.append(f"about {c.number(p.injections['central'])} injection visits")
        if p.clinic_visits and p.clinic_visits["central"]:
            parts.append(f"about {c.number(p.clinic_visits['central'])} clinic visits")
        if p.operations:
            parts.append(f"{p.operations} operation")
        if p.hospital_nights:
            parts.append(f"about {c.number(p.hospital_nights['central'])} nights in hospital")
        if p.recovery_weeks:
            parts.append(f"about {c.number(p.recovery_weeks['central'])} weeks of recovery")
        paragraphs.append(f"**{c.md(o.short_name)}** over {years} years: " + c.md("; ".join(parts)) + ".")
    st.markdown("\n\n".join(paragraphs))
    with st.expander("How these figures are worked out"):
        st.markdown("\n".join(f"- {c.md(a)}" for a in result.projection.assumptions))


def _sensitivity(result: Result) -> None:
    changes = [s for s in result.sensitivity if s.changes]
    if not changes:
        st.markdown("Changing how much any one thing matters to you would not change the picture.")
    else:
        st.markdown("\n".join(f"- {c.md(s.sentence)}" for s in changes))
    steady = [s for s in result.sensitivity if not s.changes]
    if changes and steady:
        with st.expander("Things that would not change it"):
            st.markdown("\n".join(f"- {c.md(s.sentence)}" for s in steady))


def _people(x: float) -> str:
    """A table cell under 'Out of 100 people', worded as everywhere else ('fewer than 1 (...)')."""
    return per_100(x).replace(" out of 100 people", "")


def _table(result: Result, consulting: bool) -> None:
    """The same figures as plain tables, one per option (three columns fit a phone)."""
    years = result.projection.years
    with st.expander("All the figures in a table", expanded=consulting):
        for o in result.options:
            s = o.success
            p = result.projection.options[o.id]
            rows = [{"What": "Good control", "Out of 100 people": _people(s.central),
                     "Range": c.range_text(s)}]
            rows += [{"What": r.name, "Out of 100 people": _people(r.central), "Range": c.range_text(r)}
                     for r in o.risks]
            rows.append({"What": f"Spasm under control, average over {years} years",
                         "Out of 100 people": _people(p.controlled_pct["central"]),
                         "Range": per_100_range(p.controlled_pct["low"], p.controlled_pct["high"])})
            st.markdown(f"**{c.md(o.name)}**")
            c.text_table(rows, "What")


def _leaning() -> None:
    c.heading("Where are you leaning now?")
    st.markdown("You can change your mind at any time. Your answer goes to the next page.")
    st.radio(
        "The option I am leaning towards",
        [v for v in CHOICES["leaning"] if v],
        format_func=SITUATION_LABELS["leaning"].get,
        **state.bind("leaning"),
    )


@st.fragment
def _follows_the_sliders(sliders, match, fit, sensitivity, footer, slots: c.Slots | None) -> None:
    """Everything that moves with the "what matters" sliders, and the sliders themselves.

    A slider move reruns only this fragment, not the page: the charts and words that depend on
    how much each thing matters, the Back/Next links and the sidebar's links (they carry the
    answers), and the URL. The rest of the page does not depend on those answers, and the
    headings and words around these parts that do not either are drawn by the page. The
    fragment writes into places the page made, so the page keeps its order; the new picture is
    drawn (and sent to the browser) first. What the browser redraws on a slider move is what
    decides how soon the picture changes, so the fragment draws no more than that.
    """
    ev = state.evidence()
    prof = state.profile()
    consulting = c.is_consult(prof)
    result = state.result(ev, prof)
    with match:
        _match(result, prof, consulting)
    _fit_chart(result, fit)
    with sensitivity:
        _sensitivity(result)
    with sliders:
        priority_sliders(examples=False)
    c.footer_links("compare", prof, footer)
    if slots is not None:
        c.answer_links(prof, slots)
    state.sync_url(prof)  # in a fragment rerun the shell, which does this, does not run


def render() -> None:
    ev = state.evidence()
    prof = state.profile()
    consulting = c.is_consult(prof)
    result = state.result(ev, prof)

    c.heading("Compare the options", 1)
    st.markdown(
        "The options are always shown in the same order. None of them is best for everyone. "
        "All chances are **out of 100 people**."
    )
    for w in result.warnings:
        st.warning(c.md(w))
    if consulting:
        consult.local_figures(ev)
    _at_a_glance(result, prof)
    if consulting:
        consult.topic_cards(ev, result)
    _good_control(result, ev, consulting)
    _harms(result, consulting)
    _tradeoff(result)
    sliders = _match_heading()
    match = st.container()
    fit = _fit(result)
    _projection(result, ev)
    c.heading("What would change the picture?")
    sensitivity = st.container()
    _table(result, consulting)
    if consulting:
        with st.expander("Evidence table with full citations", expanded=True):
            consult.evidence_table(ev, result)
    _leaning()
    footer = c.footer_places()
    _follows_the_sliders(sliders, match, fit, sensitivity, footer, st.session_state.get(state.SLOTS))


render()
