"""The app's own style sheet, as one ``<style>`` line: readable captions and selected pills,
large touch targets on touch screens (where only a slider's knob sets it), a focus ring on
links and choices, a text that changes in place keeping its height (`components.steady_text`),
and no "Link to heading" anchors (Streamlit gives every heading one: a Tab stop per heading,
3 to 13 a page, all named alike; the aid links to no heading), and the page's first line clear of
Streamlit's header (`PAGE_TOP`). The heading that takes the focus when a page or topic opens
(`components.start_at_top`) shows no ring: it is where reading starts, not a control. On a phone
the headings are a size smaller (32, 24 and 20 px where Streamlit keeps its desktop 44, 36 and
28 px): "Compare the options" took two lines and a topic's title two more, about 100 px of a
topic's six screens. A row of tabs wraps on a phone (the figures' fourth tab showed as "MV" at
the edge, behind a 20 px scroll arrow). The rule over the page buttons keeps 8 px above and below
it, where Streamlit gives 32: with the page's own 16 px gaps that was 97 px of white between a
topic and its page buttons.

Kept apart from `components` (which imports pandas and the engine) so that bench/bare_app.py
draws its page with the very same rules.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

ASSETS = Path(__file__).resolve().parents[1] / "assets"
"""Where the style sheets live (decision_aid/assets)."""

CAPTION_COLOR = "#666563"
"""Caption text colour, fully opaque: 5.8:1 on white, 5.5:1 on the sidebar's #f8f8f7 (WCAG 1.4.3
needs 4.5:1). Streamlit draws captions in its text colour at opacity 0.6, which shows as #828180:
only 3.9:1 on white."""
SELECTED_PILL_COLOR = "#a8303d"
"""Text of a selected pill (st.pills): 5.8:1 on its pink background. Streamlit uses its primary
colour #c53948 there, 4.47:1, just under the 4.5:1 that WCAG 1.4.3 needs."""

CONTROL_EDGE_COLOR = "#767676"
"""The edge of an empty radio circle or checkbox: 4.5:1 on white, 4.3:1 on the sidebar (WCAG 1.4.11
asks 3:1 of what shows a control is there). Streamlit draws it about #dcd8d4, 1.4:1, so an
unchosen "Both sides of my face" looked greyed out (patient review, 2026-12-04)."""

FOCUS_COLOR = SELECTED_PILL_COLOR
"""The keyboard focus ring on links, on radio and checkbox choices and on text and number boxes:
Streamlit rings its buttons but shows a focused link or choice only by a faint grey background
(about 1.1:1 on the sidebar), a focused page link looks like the current page, and a focused box
only by its 1 px border turning red. 6.9:1 on white (WCAG 2.4.7, 1.4.11 asks 3:1)."""

PAGE_TOP = "4.5rem"
"""Where a page starts while the sidebar is folded away: 72 px down, clear of Streamlit's 60 px
header. Streamlit 1.67 counts no header when the header's toolbar is empty
(`client.toolbarMode = "minimal"` leaves nothing in it) and starts the page 48 px down, but
wherever the sidebar is folded away (on a phone, a tablet, or a desktop with the sidebar closed)
the header is drawn white, to hold the button that opens it. So the page's first line (the
consult notice, a link's notices) was half hidden under it. With the sidebar open the header is
empty and clear, and the page keeps its 48 px (the glance grid's page keeps within its 1,800 px
at 1280 px). 4.5rem is the start Streamlit itself gives an embedded page with a header."""

TOUCH_TARGET_PX = 44
"""Height of a choice, link, button, tab or expander header on a touch screen: the size WCAG
2.5.5 and the phone makers' guidelines ask for. Streamlit draws radio options and checkboxes
21-22 px tall, page links and the button that opens the sidebar 28 px, a number's - and + 32 by
38 px and its clear button 24 by 16, and a "?" help mark 16 px square, which a shaky finger (or
an eyelid spasm) easily misses. The help mark grows into its margin, so nothing moves. A number
box's "Press Enter to apply" moves left of the grown buttons, which it lay over.

A slider's knob (12 px) takes a finger in a square this size around it, and its track takes none:
the track is nearly as wide as a phone, so a finger scrolling the page often lands on it, and
Streamlit's track then kept the page from scrolling and set the priority where the finger landed,
unseen. A mouse still sets a slider anywhere on its track.

A code box's copy button (the link to the answers, a note's left-out words) is always shown on a
touch screen, with the box's text kept clear of it: Streamlit shows it only under a mouse or with
the keyboard's focus on the box, so a phone had no visible way to copy the link."""


def _rules(asset: str, **values: object) -> str:
    """A style sheet from decision_aid/assets, its ``${name}`` placeholders filled from `values`."""
    return Template((ASSETS / asset).read_text(encoding="utf-8")).substitute(values)


def style_sheet(asset: str, **values: object) -> str:
    """`_rules` as one ``<style>`` element: the grid's and the match chart's, sent with their topic."""
    return f"<style>\n{_rules(asset, **values)}</style>"


PAGE_CSS = (
    "<style>"
    + "".join(
        _rules(
            "page.css",
            caption_color=CAPTION_COLOR,
            selected_pill_color=SELECTED_PILL_COLOR,
            focus_color=FOCUS_COLOR,
            control_edge_color=CONTROL_EDGE_COLOR,
            touch_target_px=TOUCH_TARGET_PX,
            page_top=PAGE_TOP,
        ).splitlines()
    )
    + "</style>"
)
"""`page_style`'s rules (decision_aid/assets/page.css, one rule a line), on one line."""
