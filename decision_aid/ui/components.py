"""Small shared pieces of the pages: safe text, figures with their sources, the sidebar."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from string import Template
from typing import Any

import pandas as pd
import streamlit as st

from decision_aid.engine import HEARING_RISK_ID, LOCAL_SUCCESS_MEASURE
from decision_aid.evidence import Evidence
from decision_aid.profile import LOCAL_FIGURES, Profile, format_number
from decision_aid.results import Caution
from decision_aid.ui import state
from decision_aid.ui.css import ASSETS, PAGE_CSS
from decision_aid.ui.nav import PAGES, neighbours
from decision_aid.ui.scripts import FIXED_SCRIPTS_HTML
from decision_aid.words.app import (
    ASK_YOUR_DOCTOR,
    CONSULT_NOTICE,
    COPY_LINK,
    COPY_LINK_NOTE,
    LINK_NOTICES_OK,
    LOCAL_BANNER,
    LOCAL_LINE,
    LOCAL_LINE_PUBLISHED,
    LOCAL_NAMES,
    MODE_HELP,
    MODE_LABELS,
    NEXT_PAGE,
    NOT_AN_OPTION_CAUTION,
    PREVIOUS_PAGE,
    SOURCES,
    THIS_PAGE_ADDRESS,
    USE_PUBLISHED,
    WHO_IS_USING,
    YOUR_CHOICE_CAUTION,
)
from decision_aid.words.common import OPTION_STATUS, per_100

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:^=&])")


def md(text: str) -> str:
    """Text from the dataset or the URL, escaped so Markdown shows it literally."""
    return _MD_SPECIAL.sub(r"\\\1", _no_directive(str(text)))


_AUTOLINK_START = re.compile(r"(?i)(https?:(?=//)|www(?=\.)|@)")
_WORD_JOINER = "\u2060"


def no_autolink(text: str) -> str:
    """Text from the link with web and e-mail addresses kept as plain words.

    Streamlit's Markdown (GitHub-flavoured) turns "http://...", "www...." and "a@b.example" into
    clickable links even when every special character is escaped, so a crafted link could put a
    link to any site inside the aid's own boxes (found by tests/e2e/test_injection.py). An
    invisible word joiner after "http:", "www" and "@" keeps them as text.
    """
    return _AUTOLINK_START.sub(lambda m: m.group(1) + _WORD_JOINER, str(text))


_LABEL_SPECIAL = re.compile(r"([\\`*_\[\]<>~|$&])")
_LABEL_DIRECTIVE = re.compile(r":(?=[\w/+-]+:)")  # ":smile:", ":material/face:" (":red[" needs "[")


def _no_directive(text: str) -> str:
    """An icon's code (":material/warning:") kept as text: Streamlit drew the icon even with its
    colons escaped ("\\:"), so a link's note or unknown part could show a ⚠ or ✓ the patient never
    wrote (found by a red-team pass). An invisible word joiner after the colon breaks the code."""
    return _LABEL_DIRECTIVE.sub(":" + _WORD_JOINER, text)


_LABEL_LINE_START = re.compile(r"^(\s*)(?:([-+>#])|(\d+)([.)]))(?=\s)")


def _line_start(m: re.Match) -> str:
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"


def label(text: str) -> str:
    """Dataset text for a widget label or option (checkbox, radio), shown literally.

    Streamlit renders labels as Markdown but also uses the raw string as the widget's
    aria-label, so ``md()`` would make a screen reader say "Medicines backslash (tablets
    backslash)". This escapes only what can start markup (emphasis, code, links, images,
    HTML, tables, maths, icons, a list, heading or quote at the start), so plain names and
    questions keep no backslash (found by tests/e2e/test_accessibility.py).
    """
    out = _LABEL_SPECIAL.sub(r"\\\1", _no_directive(no_autolink(text)))
    return _LABEL_LINE_START.sub(_line_start, out)


def text_table(rows: list[dict[str, str]], index: str) -> None:
    """A table of text. ``st.table`` renders every cell and header as Markdown (Streamlit 1.67),
    so each is escaped: a dataset name like "![x](http://...)" must stay text, not load an
    image (found by tests/e2e/test_injection.py)."""
    columns = [k for k in rows[0] if k != index] if rows else []
    frame = pd.DataFrame(
        {md(k): [md(row[k]) for row in rows] for k in columns},
        index=pd.Index([md(row[index]) for row in rows], name=md(index)),
    )
    st.table(frame)


def md_lines(text: str) -> str:
    """The patient's note (free text from the link): escaped, no links, line breaks kept."""
    return "  \n".join(md(no_autolink(line)) for line in str(text).splitlines())


def page_style() -> None:
    """Readable captions and selected pills on every page (found by axe-core's color-contrast rule),
    and large touch targets on touch screens (mouse users keep Streamlit's compact layout).

    A style-only ``st.html`` goes to Streamlit's event container and takes no space on the page.
    """
    st.html(PAGE_CSS)


def steady_text(key: str, texts: Sequence[str], shown: int, *, caption: bool = False) -> None:
    """``texts[shown]`` in a space as tall as the tallest of ``texts``, so that what follows does not
    move when the text changes under the patient's finger (setting the first priority moved every
    slider below it 22 px at 390 px: the line above went from two lines to one).

    The others lie in the same grid cell, hidden from sight and from screen readers (page.css:
    ``steady_`` and ``hidden_`` keys). Equal lengths are no fix: wrapping depends on the width,
    the font and the language."""
    write = st.caption if caption else st.markdown
    with st.container(key=f"steady_{key}"):
        for i, text in enumerate(texts):
            with st.container(key=f"{'shown' if i == shown else 'hidden'}_{i}_{key}"):
                write(text)


def heading(text: str, level: int = 2) -> None:
    """A heading (level 1 for the page title, 2 for a section, 3 under it) as Markdown.

    It is the same ``<h1>``-``<h3>``, with the same look (its anchor link hidden, css.py), as ``st.title``,
    ``st.header`` and ``st.subheader``, but the browser redraws it far faster. Streamlit redraws
    the whole page on every update: each of those elements added about 0.8 ms to a slider move,
    the same heading in Markdown about 0.05 ms (headless Chromium, Streamlit 1.67; measured when
    the compare page drew every topic, with 15 headings). `text` is Markdown: escape dataset text with `md`.
    """
    st.markdown("#" * level + " " + " ".join(text.split()))


def number(x: float) -> str:
    """Digits a patient can read: whole numbers where possible, one decimal otherwise."""
    if abs(x - round(x)) < 0.05:
        return f"{round(x):,}"
    return f"{x:.1f}"


def is_consult(prof: Profile) -> bool:
    return prof.mode == "consult"


def sources_text(ids: Iterable[str]) -> str:
    ids = list(ids)
    return SOURCES.format(ids=", ".join(ids)) if ids else ""


def caution_box(cautions: Iterable[Caution], prof: Profile) -> None:
    """Each caution in its box: a warning when an option may not apply, else a note."""
    for c in cautions:
        text = md(c.text)
        if is_consult(prof) and c.sources:
            text += "  \n" + md(sources_text(c.sources))
        if c.effect == "not_suitable":
            st.warning(NOT_AN_OPTION_CAUTION.format(status=OPTION_STATUS["not_suitable"], caution=text))
        elif c.rule == "avoid":
            st.info(YOUR_CHOICE_CAUTION.format(caution=text))
        else:
            st.info(text)


def mode_notice(prof: Profile) -> None:
    """In consult mode, say so at the top of every page (on a phone the sidebar is folded away).
    In home mode, name any local figures the link carries (see `local_figures_banner`)."""
    if is_consult(prof):
        st.caption(CONSULT_NOTICE.format(menu=WHO_IS_USING))
    else:
        local_figures_banner(prof)


def local_figure_lines(prof: Profile) -> list[str]:
    """Each local figure the answers carry, in words, beside the published one it replaces."""
    if all(getattr(prof, n) is None for n in LOCAL_FIGURES):
        return []
    mvd = state.result(state.evidence(), prof).option("mvd")
    used = {
        "mvd_success": next((b for b in mvd.benefits if b.measure == LOCAL_SUCCESS_MEASURE), None),
        "mvd_hearing_loss": next((r for r in mvd.risks if r.id == HEARING_RISK_ID), None),
    }
    lines = []
    for name in LOCAL_FIGURES:
        value = getattr(prof, name)
        if value is None:
            continue
        fig = used[name]
        if fig is not None and fig.published:
            line = LOCAL_LINE_PUBLISHED.format(
                name=LOCAL_NAMES[name],
                value=format_number(value),
                published=per_100(fig.published["central"]),
            )
        else:
            line = LOCAL_LINE.format(name=LOCAL_NAMES[name], value=format_number(value))
        lines.append(line)
    return lines


def local_figures_banner(prof: Profile) -> None:
    """Local surgical figures from a link, named in home mode with a way back to the published ones.

    A clinician may enter their team's own MVD figures in consult mode; they go in the link. A
    forwarded or altered link would otherwise change the figures a patient sees alone, unmarked
    (issue 14, point 5).
    """
    lines = local_figure_lines(prof)
    if not lines:
        return
    with st.container(border=True, key="local_figures_banner"):
        st.warning(LOCAL_BANNER + "\n" + "\n".join(f"- {md(line)}" for line in lines))
        st.button(
            USE_PUBLISHED,
            on_click=_then_top(state.clear_local_figures),
            key="use_published_figures",
            icon=":material/undo:",
        )


def link_notices() -> None:
    notes = st.session_state.get(state.NOTICES) or []
    if not notes:
        return
    with st.container(border=True, key="link_notices"):
        for note in notes:
            st.warning(md(no_autolink(note)))
        st.button(LINK_NOTICES_OK, on_click=_then_top(state.dismiss_notices), key="hide_link_notices")


def share_link(prof: Profile) -> str:
    """The full link to these answers when the browser's URL is known, else the '?...' part."""
    query = prof.to_query()
    base = ""
    try:
        base = st.context.url or ""
    except (AttributeError, RuntimeError):
        base = ""
    if not query:
        return base or THIS_PAGE_ADDRESS
    return f"{base}?{query}"


def copy_link(prof: Profile) -> None:
    """The copy-link box: in the sidebar on every page, and on Next steps, where a patient ends
    (on a phone the sidebar is behind the menu button, and the link is how the answers come
    back another day)."""
    st.markdown(COPY_LINK)
    st.caption(COPY_LINK_NOTE)
    st.code(share_link(prof), language=None, wrap_lines=True)


STREAMLIT_PAGES = "_streamlit_pages"
"""Streamlit's pages for `PAGES`, made on a session's first run (`streamlit_pages`)."""


def streamlit_pages() -> list[Any]:
    """Streamlit's pages for `PAGES`, in order, made once a session and kept in it.

    Made from a file's path, a page looks the file up on disk, and so does a page link given a
    path: ten lookups on every run. Made once, the server's run for a slider move in the compare
    page took 9.2 ms, not 13.6 (medians; bench/HISTORY.md, forty-first session). A session's own
    list, not one for all sessions: Streamlit marks on the page itself which one a run may run.
    """
    ss = st.session_state
    if STREAMLIT_PAGES not in ss:
        ss[STREAMLIT_PAGES] = [
            st.Page(p.path, title=p.title, url_path=p.url_path, icon=p.icon, default=(i == 0))
            for i, p in enumerate(PAGES)
        ]
    return ss[STREAMLIT_PAGES]


def streamlit_page(url_path: str) -> Any:
    """The session's Streamlit page for `url_path`, for a page link inside a page: one made from a
    path would look its file up on disk again (`streamlit_pages`)."""
    return streamlit_pages()[next(i for i, p in enumerate(PAGES) if p.url_path == url_path)]


def page_links(prof: Profile) -> None:
    """The five pages, in order. Every link carries the answers in its query.

    Streamlit's own page menu (and a page link without ``query_params``) clears the query on a
    page change, so the answers survive only in the server's session. When that session is
    gone (the server restarted, or a load balancer sent the tab to another server) the next
    page change would silently reset every answer (found by tests/e2e/test_restart.py).
    """
    params = prof.to_params() or None
    with st.container(key="page_links"):
        for p, page in zip(PAGES, streamlit_pages(), strict=True):
            st.page_link(page, label=p.title, icon=p.icon, query_params=params)


@dataclass(frozen=True)
class Slots:
    """The sidebar's places for what carries the answers: the page links and the copy-link box.

    The shell fills them (`answer_links`) after the page has run, with the answers as they
    were when the run began: widgets change answers only in their callbacks, before the run.
    """

    links: Any
    share: Any


def sidebar() -> Slots:
    """On every page: the pages, the mode, the link to the answers and where to get help."""
    with st.sidebar:
        links = st.container()
        st.divider()
        st.radio(
            WHO_IS_USING,
            ("home", "consult"),
            format_func=MODE_LABELS.get,
            help=MODE_HELP,
            **state.bind("mode"),
        )
        share = st.container()
        st.caption(ASK_YOUR_DOCTOR)
        fixed_scripts()
    return Slots(links, share)


def fixed_scripts() -> None:
    """The app's fixed scripts, in one element: Back and Forward step through pages and topics,
    not answers; a note being typed is kept; a button that works for a while keeps the focus.

    Every answer goes into the link, and each change of link was a new browser history entry:
    Back then stayed on the same page, with the same answers, once per answer given
    (`state.follow_history` keeps the answers). The first script, the same text on every run,
    makes such a change replace the entry it is on. A text box sent its text only when it lost
    the focus, so Back pressed while typing a note lost the note: the second script sends it each
    time the typing pauses, and when Back or Forward comes first. The third copies the link again
    when the click on its copy button also sent a typed answer. The fourth names a group of
    checkboxes by their question, and the fifth marks the page link of the page on view, for
    screen readers. The last puts the keyboard focus back on a button Streamlit disabled while it
    worked (the summary's download), which had left the focus nowhere. They sit last in the
    sidebar, where they take no room the page needs.
    """
    st.html(FIXED_SCRIPTS_HTML, unsafe_allow_javascript=True)


def answer_links(prof: Profile, slots: Slots) -> None:
    """The page links and the copy-link box, for these answers."""
    with slots.links:
        page_links(prof)
    with slots.share:
        copy_link(prof)


START_AT_TOP_JS = Template((ASSETS / "start_at_top.js").read_text(encoding="utf-8"))
"""`start_at_top`'s script (decision_aid/assets/start_at_top.js): `$moves` and `$target` filled in."""
MOVES = "page_moves"
"""How many times `start_at_top` ran this session: its script's text changes each time."""
PAGE_SHOWN = "page_shown"
"""The page drawn last in this session (`page_footer`)."""
BACK_TO_TOP = "back_to_top"
"""Set by a button that takes itself away (`_then_top`): this run ends with `start_at_top`."""


def _then_top(callback: Callable[[], None]) -> Callable[[], None]:
    """`callback`, then the page's start at the top once this run ends: a button at the top of the
    page that takes itself away ("OK" under the link notices, "Use published figures") left the
    keyboard focus nowhere, and Tab started again from the browser's address bar."""

    def run() -> None:
        callback()
        st.session_state[BACK_TO_TOP] = True

    return run


def start_at_top(target: str) -> None:
    """Scroll the main area to its top and move the keyboard focus to `target` (a CSS selector,
    a heading): a screen reader reads where the reader is now, and Tab goes on from there.

    Streamlit keeps the scroll position when the page or a topic changes, so a reader who moved
    on from the foot of one page landed part way down the next; and on a phone a page chosen in
    the sidebar opened under the sidebar, which stayed open over it. The script is static (no answer
    in it) and new text each time, so it runs once per call. Call it at the end of the page: its
    coming and going moves only what follows it (on What matters to you, the note shown back).
    """
    moves = st.session_state.get(MOVES, 0) + 1
    st.session_state[MOVES] = moves
    script = START_AT_TOP_JS.substitute(moves=moves, target=json.dumps(target))
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)


def page_footer(url_path: str) -> None:
    """Back and Next page buttons, so the path can be followed one page at a time (buttons, not
    links: `state.go_to` says why). A page reached from another starts at its top
    (`start_at_top`)."""
    shown_before = st.session_state.get(PAGE_SHOWN)
    st.session_state[PAGE_SHOWN] = url_path
    st.divider()
    places = st.columns(2)
    back, nxt = neighbours(url_path)
    for place, there, label, icon in (
        (places[0], back, PREVIOUS_PAGE, ":material/arrow_back:"),
        (places[1], nxt, NEXT_PAGE, ":material/arrow_forward:"),
    ):
        if there is not None:
            place.button(
                label.format(title=there.title),
                icon=icon,
                key=f"to_{there.url_path}",
                on_click=state.go_to,
                args=(url_path, there.url_path),
            )
    moved = shown_before is not None and shown_before != url_path
    if st.session_state.pop(BACK_TO_TOP, False) or moved:
        start_at_top('[data-testid="stMain"] h1')


def sources_list(ev: Evidence, ids: Iterable[str] | None = None) -> None:
    """Full citations, one per line, as a real list."""
    wanted = list(ids) if ids is not None else list(ev.sources)
    lines = [f"- **{md(sid)}**: {md(ev.sources[sid].citation())}" for sid in wanted if sid in ev.sources]
    st.markdown("\n".join(lines))


def app_root_url() -> str:
    """The app's address without the page part (for the take-home summary's link)."""
    try:
        url = st.context.url or ""
    except (AttributeError, RuntimeError):
        url = ""
    if not url:
        return ""
    trimmed = url.rstrip("/")
    for page in PAGES:
        if trimmed.endswith("/" + page.url_path):
            return trimmed[: -len(page.url_path)]
    return trimmed + "/"
