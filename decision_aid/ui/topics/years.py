"""The next five years: spasm under control per year, with "no treatment for now" as a reference
line and the ranges, then what each option asks of you over those years."""

from __future__ import annotations

import streamlit as st

from decision_aid import charts
from decision_aid.ui import chart_cache
from decision_aid.ui import components as c
from decision_aid.ui.topics.common import LOCAL_MARK, Ctx, fit_x, in_words, show
from decision_aid.words.common import per_100, per_100_range


def _asks(p) -> str:
    parts = []
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
    return "; ".join(parts) or "nothing"


def render(ctx: Ctx) -> None:
    result = ctx.result
    years = result.projection.years
    frame = charts.projection_frame(result)
    reference = charts.reference_frame(result)
    spec = chart_cache.parts(charts.projection_parts(frame, years=years, reference=reference), finish=fit_x)
    show(spec, "chart_projection")
    if reference.empty:
        st.caption(
            "No treatment for now has no line here: its figures are not given year by year. "
            "Its figures are in the At a glance topic."
        )
    if any(o.success.local for o in result.options):
        st.caption(c.md(f"The MVD surgery line uses {LOCAL_MARK}."))
    in_words(chart_cache.text(charts.describe_projection, frame, years, reference))
    c.heading(f"What each option asks of you over {years} years", 3)
    rows = []
    nt = result.projection.options.get("no_treatment")
    if nt is not None and nt.controlled_pct:
        cp = nt.controlled_pct
        rows.append(
            {
                "Option": charts.REFERENCE_NAME,
                "Spasm under control, on average": f"{per_100(cp['central'])} "
                f"(could be {per_100_range(cp['low'], cp['high'])})",
                f"Over {years} years": "no treatment; see your doctor if it changes",
            }
        )
    for o in result.options:
        p = result.projection.options[o.id]
        cp = p.controlled_pct
        rows.append(
            {
                "Option": o.short_name,
                "Spasm under control, on average": f"{per_100(cp['central'])} "
                f"(could be {per_100_range(cp['low'], cp['high'])})",
                f"Over {years} years": _asks(p),
            }
        )
    c.text_table(rows, "Option")
    with st.expander("How these figures are worked out", expanded=False):
        st.markdown("\n".join(f"- {c.md(a)}" for a in result.projection.assumptions))
