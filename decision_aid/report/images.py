"""The pictures in the PDF, rendered to PNG (cached): each option's array of 100 people, the
match chart, and the QR code of the link."""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import parse_qsl, urlencode

import segno
from PIL import Image

from decision_aid import grid
from decision_aid.engine import Result
from decision_aid.evidence import least_certain
from decision_aid.lru import BoundedCache
from decision_aid.profile import CHECK, with_check
from decision_aid.words.common import EXPERT_ESTIMATE, as_sentence
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
    certainty_words,
)


def _png_size_mm(png: bytes, scale: float) -> tuple[float, float]:
    """Natural size of a chart PNG rendered at `scale`: 1 CSS px = 0.2646 mm (96 dpi)."""
    with Image.open(io.BytesIO(png)) as im:
        w, h = im.size
    return w / scale * 0.2646, h / scale * 0.2646


PRINTED_LINK_MAX = 600
"""A longer link (a long note, or one in another alphabet) is printed without the note."""


def _without_note(link: str) -> str:
    """The link without its note, with a check of its own: the original's check (`CHECK`)
    covers the note, so the printed link and the QR code would open with "this link has
    changed"."""
    base, _, query = link.partition("?")
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in ("note", CHECK)]
    return base + ("?" + urlencode(with_check(pairs)) if pairs else "")


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
    """The key charts, with headings and text alternatives, from the app's own builders.

    The icon arrays come as words, one `panels` entry per option (the PDF prints them beside
    each option's array, `_grid_png`). The match chart's `spec` is a callable that builds its
    Vega-Lite spec: only the PDF needs the chart itself, the JSON only its words. Its `key` is
    the chart's data, all the builder reads, as text (see `_chart_png`).

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
            {
                **row(o, *(o["success"][k] for k in ("low", "central", "high", "local"))),
                # each beside its own picture: the figures side by side come from different time frames
                "when": as_sentence(w) if (w := grid.when_words(o["success"].get("timeframe"))) else "",
            }
            for o in options
        ]
    )
    serious = pd.DataFrame(
        [
            {
                **row(
                    o,
                    *(sum(r[end] for r in _summed(o)) for end in ("low", "central", "high")),
                    any(r.get("local") for r in _summed(o)),
                ),
                # no serious harm in the studies used: said so, not drawn as a measured 0 in 100,
                # with what the labels warn of, as the grid and the harms topic say it
                "none_reported": not any(r["kind"] == "serious" for r in o["risks"]),
                "label_warning": (o.get("label_warning") or {}).get("short", ""),
            }
            for o in options
        ]
    )
    control_title = OUT_OF_100_PEOPLE.format(label=label)
    specs = [
        {
            "id": "control",
            "heading": control_title,
            "description": charts.describe_icon_arrays(control, CONTROL_WHAT),
            "title": control_title,
            "subtitle": CONTROL_SUBTITLE,
            "color": charts.BENEFIT_COLOR,
            "panels": _how_sure(
                charts.option_arrays_words(control),
                {o["id"]: [o["success"]["certainty"]] for o in options},
                {o["id"] for o in options if o["success"].get("expert_estimate")},
            ),
        },
        {
            "id": "serious_harm",
            "heading": SERIOUS_HEADING,
            "description": charts.describe_icon_arrays(serious, SERIOUS_WHAT),
            "title": SERIOUS_TITLE,
            "subtitle": SERIOUS_SUBTITLE,
            "color": charts.HARM_COLOR,
            "panels": _how_sure(
                charts.option_arrays_words(serious),
                {o["id"]: [r["certainty"] for r in _summed(o)] for o in options},
            ),
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


def _summed(o: dict) -> list[dict]:
    """The serious or permanent harms an option's picture adds up: those counted per person (a
    harm counted per injection stays in the tables)."""
    return [r for r in o["risks"] if r["kind"] == "serious" and r.get("per") != "injection"]


def _how_sure(
    panels: list[dict], certainties: dict[str, list[str | None]], estimates: set[str] = frozenset()
) -> list[dict]:
    """Each option's words beside its picture end with how sure its figure is (`sure`, a line of
    its own), as the app's pictures and the tables say: a picture with no how-sure beside it claims
    more than it knows. A sum of serious harms is as sure as its least sure part. Empty where
    nothing was counted. An option in `estimates` says first that its figure is an expert's
    estimate, not a study's, as the grid above it does."""
    for panel in panels:
        least = least_certain(certainties[panel["option"]])
        sure = certainty_words(least, short=True)
        panel["sure"] = f"{EXPERT_ESTIMATE} {sure}" if panel["option"] in estimates else sure
    return panels


def _frame_key(frame: Any) -> str:
    """A chart's data (a pandas frame) as text, every row and column: its cache key."""
    return frame.to_json(orient="split", double_precision=15)


CHART_SCALES: dict[str, float] = {"grid": 1.0, "match": 2.0}
"""PNG pixels per CSS pixel. An option's array of 100 people prints 14 to 22 mm wide, so 1 still
gives over 200 dpi; the match chart prints wider, with its words in it, and keeps 2 (about 250
dpi)."""
CHART_CACHE_SIZE = 12
"""Match charts kept drawn (up to about 400 kB each)."""
GRID_CACHE_SIZE = 64
"""Arrays of 100 people kept drawn (about 10 kB each), one per count and colour: the dataset's
figures need a dozen or so, a care team's own figures a few more."""

_chart_cache: BoundedCache[bytes] = BoundedCache(CHART_CACHE_SIZE)
_grid_cache: BoundedCache[bytes] = BoundedCache(GRID_CACHE_SIZE)


def _grid_png(value: float, color: str) -> bytes:
    """One option's array of 100 people, without words, as PNG: drawn once per count and colour
    (about 25 ms), so a summary nearly always finds its arrays here."""
    from decision_aid import charts

    scale = CHART_SCALES["grid"]
    return _grid_cache.get_or_make(
        (color, charts.filled_count(value), scale),
        lambda: charts.to_png(charts.icon_grid_spec(value, color=color), scale),
    )


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
