"""Run by tests/test_i18n.py in a fresh process with a pseudo-translation switched on: opens every
page and every compare topic in both modes with AppTest and prints, as JSON, every piece of text
a reader sees (headings, paragraphs, captions, notices, labels and choices of every control).
Not a test module itself (no test_ prefix): the language must be chosen before anything imports."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from decision_aid.ui import nav

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
LABELLED = (
    "button", "checkbox", "toggle", "radio", "selectbox", "multiselect", "slider", "select_slider",
    "text_area", "text_input", "number_input", "expander", "tabs",
)  # fmt: skip
TEXT = ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success")


def seen(at: AppTest) -> list[str]:
    """Every visible string on the page, labels and choices included."""
    out: list[str] = []
    for kind in TEXT:
        out += [str(e.value) for e in at.get(kind)]
    for kind in LABELLED:
        for e in at.get(kind):
            label = getattr(e, "label", None) or getattr(e.proto, "label", "")
            out.append(str(label))
            out += [str(o) for o in getattr(e, "options", []) or []]
            helptext = getattr(e.proto, "help", "")
            if helptext:
                out.append(str(helptext))
    return [s for s in out if s.strip()]


def main() -> None:
    found: dict[str, list[str]] = {}
    for mode in ("home", "consult"):
        for page in nav.PAGES:
            at = AppTest.from_file(APP, default_timeout=120)
            at.query_params["mode"] = mode
            at.query_params["relief"] = "7"
            at.run()
            at.switch_page(page.path).run()
            if at.exception:
                raise SystemExit(f"{page.path}: {[e.message for e in at.exception]}")
            found[f"{mode} {page.path}"] = seen(at)
        for topic in ("glance", "works", "harms", "years", "fit", "figures"):
            at = AppTest.from_file(APP, default_timeout=120)
            for key, value in {"mode": mode, "relief": "7", "topic": topic}.items():
                at.query_params[key] = value
            at.run()
            at.switch_page(next(p.path for p in nav.PAGES if "compare" in p.path)).run()
            if at.exception:
                raise SystemExit(f"compare {topic}: {[e.message for e in at.exception]}")
            found[f"{mode} compare {topic}"] = seen(at)
    json.dump(found, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
