"""The next five years: spasm under control per year, with "no treatment for now" as a reference
line and the ranges, then what each option asks of you over those years."""

from __future__ import annotations

import streamlit as st

from decision_aid import charts
from decision_aid.projection import NO_TREATMENT_ID, remission_figure, sources_used
from decision_aid.ui import chart_cache
from decision_aid.ui import components as c
from decision_aid.ui.topics.common import LOCAL_MARK, Ctx, fit_x, in_words, show, sources_toggle
from decision_aid.words.common import ESTIMATE_MARK, and_list, per_100, whole
from decision_aid.words.topics import (
    ASKS_HEADING,
    ASKS_NOTHING,
    CLINIC_VISITS,
    COL_OPTION,
    CONTROL_ON_AVERAGE,
    FIGURE_AND_RANGE,
    HOSPITAL_NIGHTS,
    HOW_WORKED_OUT,
    INJECTION_VISITS,
    MVD_LINE_LOCAL,
    NO_REFERENCE_LINE,
    NO_TREATMENT_ASKS,
    NONE_DRAWN,
    NOT_DRAWN,
    NOT_DRAWN_CELL,
    OVER_YEARS,
    PILL_DAYS,
    RECOVERY_WEEKS,
    REFERENCE_CONTROLLED,
    REFERENCE_SPREAD,
    operations,
)


def _asks(p) -> str:
    parts = []
    if p.daily_pills:
        parts.append(PILL_DAYS.format(days=c.number(p.pill_days)))
    if p.injections["central"]:
        parts.append(INJECTION_VISITS.format(n=c.number(p.injections["central"])))
    if p.clinic_visits and p.clinic_visits["central"]:
        parts.append(CLINIC_VISITS.format(n=c.number(p.clinic_visits["central"])))
    if p.operations:
        parts.append(operations(p.operations))
    if p.hospital_nights:
        parts.append(HOSPITAL_NIGHTS.format(n=c.number(p.hospital_nights["central"])))
    if p.recovery_weeks:
        parts.append(RECOVERY_WEEKS.format(n=c.number(p.recovery_weeks["central"])))
    return "; ".join(parts) or ASKS_NOTHING


def _controlled(cp: dict, estimate: bool = False) -> str:
    """'63 out of 100 people (could be 50 to 75 out of 100)'; not 'could be 10 out of 100' for
    a figure the studies give without a range; the mark of an expert's estimate first, when the
    line comes from one (the medicines' control figure)."""
    said = charts.range_text(cp["low"], cp["high"])
    return FIGURE_AND_RANGE.format(
        figure=per_100(cp["central"]), range=f"{ESTIMATE_MARK}; {said}" if estimate else said
    )


def _reference(ctx: Ctx, cp: dict) -> str:
    """No treatment's row: its 5-year average, and the clinic's figure the line spreads."""
    said = REFERENCE_CONTROLLED.format(figure=_controlled(cp))
    fig = remission_figure(ctx.ev)
    if fig is None or not fig.years:
        return said
    return REFERENCE_SPREAD.format(said=said, total=whole(fig.per_100.central), years=c.number(fig.years))


def _sources(ctx: Ctx) -> None:
    """Consult mode: the source ids behind each line and row, per option (`projection.sources_used`)."""
    result = ctx.result
    named = [(charts.REFERENCE_NAME, sources_used(ctx.ev, NO_TREATMENT_ID))]
    named += [(o.short_name, sources_used(ctx.ev, o.id, o.success)) for o in result.options]
    lines = [f"- **{c.md(name)}**: {c.md(c.sources_text(ids))}" for name, ids in named if ids]
    st.markdown("\n".join(lines))


def render(ctx: Ctx) -> None:
    result = ctx.result
    show_sources = sources_toggle("years") if ctx.consult else False
    years = result.projection.years
    drawn = [o for o in result.options if o.figures_apply]
    left_out = [o.short_name for o in result.options if not o.figures_apply]
    if drawn:
        frame = charts.projection_frame(result)
        frame = frame[frame["option"].isin([o.id for o in drawn])].reset_index(drop=True)
        reference = charts.reference_frame(result)
        parts = charts.projection_parts(frame, years=years, reference=reference)
        show(chart_cache.parts(parts, finish=fit_x), "chart_projection")
        if left_out:
            st.caption(c.md(NOT_DRAWN.format(options=and_list(left_out))))
        if reference.empty:
            st.caption(NO_REFERENCE_LINE)
        if any(o.success.local for o in drawn):
            st.caption(c.md(MVD_LINE_LOCAL.format(mark=LOCAL_MARK)))
        in_words(chart_cache.text(charts.describe_projection, frame, years, reference))
    else:
        st.markdown(NONE_DRAWN)
    c.heading(ASKS_HEADING.format(years=years), 3)
    over = OVER_YEARS.format(years=years)
    rows = []
    nt = result.projection.options.get("no_treatment")
    if drawn and nt is not None and nt.controlled_pct:
        cp = nt.controlled_pct
        rows.append(
            {
                COL_OPTION: charts.REFERENCE_NAME,
                CONTROL_ON_AVERAGE: _reference(ctx, cp),
                over: NO_TREATMENT_ASKS,
            }
        )
    for o in result.options:
        p = result.projection.options[o.id]
        cp = p.controlled_pct
        rows.append(
            {
                COL_OPTION: o.short_name,
                CONTROL_ON_AVERAGE: _controlled(cp, o.success.expert_estimate)
                if o.figures_apply
                else NOT_DRAWN_CELL,
                over: _asks(p),
            }
        )
    c.text_table(rows, COL_OPTION)
    if show_sources:
        _sources(ctx)
    with st.expander(HOW_WORKED_OUT, expanded=False):
        st.markdown("\n".join(f"- {c.md(a)}" for a in result.projection.assumptions))
