"""The pictures in the PDF: the app's charts rendered to PNG (cached) and the QR code of the link."""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import parse_qsl, urlencode

import segno
from PIL import Image

from decision_aid.engine import Result
from decision_aid.lru import BoundedCache
from decision_aid.words.report import (
    CONTROL,
    CONTROL_SUBTITLE,
    CONTROL_WHAT,
    LOCAL_FIGURE_NAME,
    OUT_OF_100_PEOPLE,
    SERIOUS_HEADING,
    SERIOUS_SUBTITLE,
    SERIOUS_TITLE,
    SERIOUS_WHAT,
)


def _png_size_mm(png: bytes, scale: float) -> tuple[float, float]:
    """Natural size of a chart PNG rendered at `scale`: 1 CSS px = 0.2646 mm (96 dpi)."""
    with Image.open(io.BytesIO(png)) as im:
        w, h = im.size
    return w / scale * 0.2646, h / scale * 0.2646


PRINTED_LINK_MAX = 600
"""A longer link (a long note, or one in another alphabet) is printed without the note."""


def _without_note(link: str) -> str:
    base, _, query = link.partition("?")
    kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "note"]
    return base + ("?" + urlencode(kept) if kept else "")


def _qr_png(link: str) -> tuple[bytes, bool]:
    """QR code PNG for the link. If the link is too long for a QR code (a very long note), the
    code carries the link without the note, and the second value says so."""
    try:
        qr = segno.make(link, error="m", micro=False)
        full = True
    except segno.encoder.DataOverflowError:
        qr = segno.make(_without_note(link), error="l", micro=False)
        full = False
    buf = io.BytesIO()
    qr.save(buf, kind="png", scale=8, border=2)
    return buf.getvalue(), full


def _chart_specs(result: Result, options: list[dict], stated: bool) -> list[dict[str, Any]]:
    """The key charts from the app's own builders (Altair), with headings and text alternatives.

    `spec` is a callable that builds the chart's Vega-Lite spec: only the PDF needs the charts
    themselves, the JSON only their words. `key` is the chart's data, all the builder reads, as
    text (see `_chart_png`).

    Only figures on one measure share a picture: the control measure for every option (each
    from its own studies and time frame, given in the table), and the serious or permanent
    harms counted per person, added up per option (the table gives each on its own; a harm
    counted per injection stays out of the sum). A figure the care team entered is marked
    'local' in the picture's heading. The match chart is drawn only when the patient has said
    what matters, and only for the options it matches.
    """
    import pandas as pd

    from decision_aid import charts  # Altair and pandas load only when a summary is built

    def row(o: dict, low: float, central: float, high: float, local: bool) -> dict[str, Any]:
        name = LOCAL_FIGURE_NAME.format(name=o["short_name"]) if local else o["short_name"]
        return {
            "option": o["id"],
            "name": o["name"],
            "short_name": name,
            "suitable": o["suitable"],
            "avoided": o["avoided"],
            "low": low,
            "central": central,
            "high": high,
        }

    label = options[0]["success"]["label"] if options else CONTROL
    control = pd.DataFrame(
        [
            row(o, o["success"]["low"], o["success"]["central"], o["success"]["high"], o["success"]["local"])
            for o in options
        ]
    )
    serious = pd.DataFrame(
        [
            {
                **row(
                    o,
                    *(
                        sum(
                            r[end]
                            for r in o["risks"]
                            if r["kind"] == "serious" and r.get("per") != "injection"
                        )
                        for end in ("low", "central", "high")
                    ),
                    any(r.get("local") for r in o["risks"] if r["kind"] == "serious"),
                ),
                # no serious harm in the studies used: said so, not drawn as a measured 0 in 100
                "none_reported": not any(r["kind"] == "serious" for r in o["risks"]),
            }
            for o in options
        ]
    )
    specs = [
        {
            "id": "control",
            "key": _frame_key(control),
            "heading": OUT_OF_100_PEOPLE.format(label=label),
            "spec": lambda: charts.option_icon_arrays_spec(
                control,
                title=OUT_OF_100_PEOPLE.format(label=label),
                subtitle=CONTROL_SUBTITLE,
                color=charts.BENEFIT_COLOR,
                label=CONTROL_WHAT,
            ),
            "description": charts.describe_icon_arrays(control, CONTROL_WHAT),
        },
        {
            "id": "serious_harm",
            "key": _frame_key(serious),
            "heading": SERIOUS_HEADING,
            "spec": lambda: charts.option_icon_arrays_spec(
                serious,
                title=SERIOUS_TITLE,
                subtitle=SERIOUS_SUBTITLE,
                color=charts.HARM_COLOR,
                label=SERIOUS_WHAT,
            ),
            "description": charts.describe_icon_arrays(serious, SERIOUS_WHAT),
        },
    ]
    matched = {o["id"] for o in options if o["match"] is not None}
    if stated and matched:
        shown = result.model_copy(update={"options": [o for o in result.options if o.id in matched]})
        match = charts.match_frame(shown)
        specs.append(
            {
                "id": "match",
                "key": _frame_key(match),
                "heading": charts.MATCH_TITLE,
                "spec": lambda: charts.spec_of(charts.match_parts(match)),
                "description": charts.describe_match(match),
            }
        )
    return specs


def _frame_key(frame: Any) -> str:
    """A chart's data (a pandas frame) as text, every row and column: its cache key."""
    return frame.to_json(orient="split", double_precision=15)


CHART_SCALES: dict[str, float] = {"control": 1.5, "serious_harm": 1.5, "match": 2.0}
"""PNG pixels per CSS pixel. The icon arrays print about 100 mm wide, so 1.5 still gives about
230 dpi (rendering and embedding a bigger PNG is a good part of a summary's time); the match
chart prints narrower, with larger text, and keeps 2 (about 250 dpi)."""
CHART_CACHE_SIZE = 12
"""Charts kept rendered (up to about 400 kB each). The icon arrays depend only on the dataset,
the options' status and any local figure, so a summary often finds its own here."""

_chart_cache: BoundedCache[bytes] = BoundedCache(CHART_CACHE_SIZE)


def _chart_png(spec: dict[str, Any]) -> bytes:
    """A chart as PNG, from a small bounded cache keyed by the chart and all of its data.

    Rendering a chart (vl-convert) takes about 200 ms, most of a summary's time (building its
    spec, from the cached looks, about 10). The key is the data the builder reads, so a summary
    only ever gets a picture drawn from exactly its own figures and answers.
    """
    from decision_aid import charts

    scale = CHART_SCALES[spec["id"]]
    return _chart_cache.get_or_make(
        (spec["id"], spec["key"], scale), lambda: charts.to_png(spec["spec"](), scale)
    )
