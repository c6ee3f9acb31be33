"""The patient's answers in the session and in the link.

One canonical copy of every answer lives in ``st.session_state["answers"]`` (a plain dict
keyed by the names of ``profile.PARAMS``). Widgets do not own answers: each widget's key is
seeded from that dict when the widget is (re)created, and its ``on_change`` callback writes
the new value back before the script runs. So an answer survives page switches (Streamlit
drops the state of widgets that are not on the current page) and every run sees the same
``Profile``, which the shell writes into the URL.

On the first run of a session the link is parsed with ``profile.parse_query``; bad or
unknown parameters become notices that name them, and the default is used.

A tab that reconnects to a new server session (the server restarted, or another server behind
the proxy took over) sends the values its widgets show with its first request, and that request
may carry the patient's next change. The new session has no record of those widgets, so
Streamlit runs no ``on_change`` callback for them, and seeding their keys from the link would
overwrite the change. So on a session's first run the widgets the browser reports are left
unseeded (Streamlit gives them the browser's value, through each widget's own deserialiser) and
``adopt_browser_values`` copies those values into the answers after the page has drawn them.
"""

from __future__ import annotations

import os
from collections.abc import Set as AbstractSet
from typing import Any

import streamlit as st

from decision_aid.engine import Result, evaluate_cached
from decision_aid.evidence import EVIDENCE_ENV, OPTION_IDS, Evidence, cached_evidence
from decision_aid.profile import (
    DEFAULT_WEIGHT,
    LOCAL_FIGURES,
    MAX_AGE,
    MAX_NOTE_CHARS,
    MIN_AGE,
    PRIORITIES,
    ParsedQuery,
    Profile,
    clean_note,
    format_number,
    note_cut_warning,
    parse_query,
    shown_in_notice,
)
from decision_aid.words.app import (
    LINK_CHANGED,
    LINK_CUT_SHORT,
    LINK_NOT_ALLOWED,
    LINK_NOTE_TOO_LONG,
    LINK_UNKNOWN_PART,
    LINK_UNREADABLE,
    NOTE_CUT_WORDS,
)
from decision_aid.words.profile import CHANGED, CUT_SHORT

ANSWERS = "answers"
NOTICES = "link_notices"
RESTORED = "_link_restored"
FROM_BROWSER = "_from_browser"
"""Widget keys whose first value in this session comes from a reconnecting browser."""

LOCAL_PROBLEMS = "_local_figure_problems"
"""Local figures typed into a box that the link's parser refuses: {name: the text as typed}."""

# Choice answers whose "not answered" value is "" in the profile and None in the widget.
_EMPTY_IS_NONE = ("leaning", "sure_s", "sure_u", "sure_r", "sure_e")


def evidence() -> Evidence:
    """The dataset (read once per process); raises DatasetError when it cannot be used."""
    return cached_evidence(os.environ.get(EVIDENCE_ENV) or None)


def _answers() -> dict[str, Any]:
    return st.session_state[ANSWERS]


def _link_notices(parsed: ParsedQuery, raw_note: list[str]) -> list[str]:
    """The link's problems and warnings in words; `raw_note` is the link's `note` as it came, so
    the warning about a note cut to the limit is told from one about an unknown part."""
    notes = []
    for p in parsed.problems:
        notes.append(
            LINK_NOT_ALLOWED.format(param=p.param, value=repr(shown_in_notice(p.value)), allowed=p.allowed)
        )
    note_cut = note_cut_warning(raw_note[0]) if len(raw_note) == 1 else None
    for w in parsed.warnings:
        if parsed.cut_part and w == CUT_SHORT.format(part=parsed.cut_part):
            notes.append(LINK_CUT_SHORT.format(part=parsed.cut_part))
        elif parsed.changed and w == CHANGED:
            notes.append(LINK_CHANGED)
        elif w == note_cut:
            notes.append(LINK_NOTE_TOO_LONG.format(why=w))
        else:
            notes.append(LINK_UNKNOWN_PART.format(what=w))
    return notes


NOTE_LEFT_OUT = "_note_left_out"
"""The part of a link's note past MAX_NOTE_CHARS, shown once so the patient can copy it back."""


def _link_params() -> dict[str, list[str]]:
    """The link's parameters as `profile.parse_query` takes them (every value of each)."""
    qp = st.query_params
    return {key: qp.get_all(key) for key in qp}


def restore_from_link() -> None:
    """First run of a session: answers from the URL (or defaults), notices for bad parts."""
    ss = st.session_state
    if RESTORED in ss and ANSWERS in ss:
        return
    mapping = _link_params()
    try:
        parsed = parse_query(mapping)
        raw_note = mapping.get("note") or [""]
        notices = _link_notices(parsed, raw_note)
        ss[NOTE_LEFT_OUT] = clean_note(raw_note[0])[MAX_NOTE_CHARS:] if len(raw_note) == 1 else ""
    except ValueError:  # the parser should name bad parts itself; never let a link break the app
        parsed = ParsedQuery(Profile())
        notices = [LINK_UNREADABLE]
    ss[ANSWERS] = parsed.profile.model_dump()
    ss[NOTICES] = notices
    ss[FROM_BROWSER] = _browser_widget_keys()
    ss[RESTORED] = True


def _browser_widget_keys() -> set[str]:
    """Keys of the widgets whose values came with this (first) request from the browser.

    A fresh page load sends none; a tab reconnecting to a new session sends every widget it
    shows. Streamlit has no public call for this: it reads the session's incoming widget states
    (element ids end in the widget's key) and degrades to "none" if that internal moves.
    """
    try:
        from streamlit.runtime.state.common import user_key_from_element_id
        from streamlit.runtime.state.session_state_proxy import get_session_state

        incoming = get_session_state()._state._new_widget_state.states
        keys = {user_key_from_element_id(wid) for wid in incoming}
    except Exception:  # an internal changed: behave as before (seed every widget from the link)
        return set()
    return {k for k in keys if k is not None and _is_answer_key(k)}


def _is_answer_key(key: str) -> bool:
    if key in _answers():
        return True
    name, _, option_id = key.partition("_")
    return name in ("tried", "avoid") and option_id in OPTION_IDS


def _from_browser(key: str) -> bool:
    """This widget has no value in the session yet and the browser sent one: do not seed it."""
    ss = st.session_state
    return key not in ss and key in ss.get(FROM_BROWSER, ())


def adopt_browser_values() -> None:
    """After the page has run: the values a reconnecting browser sent become the answers.

    Call it at the end of the script. When an answer changed, the script runs again so that
    every part of the page and the link shows it (once per session at most).
    """
    ss = st.session_state
    pending = ss.get(FROM_BROWSER)
    if not pending:
        return
    before = dict(_answers())
    for key in pending:
        if key not in ss:  # not drawn on this page after all: the link's value stands
            continue
        if key in _answers():
            _store(key)
        else:
            name, _, option_id = key.partition("_")
            _store_flag(name, option_id)
    ss[FROM_BROWSER] = set()
    if _answers() != before:
        st.rerun()


SEEN = "_answers_seen"
"""The answers as the last run began (`changed_by_widget`)."""


def changed_by_widget() -> frozenset[str]:
    """The answers a widget's callback changed just before this run: call it once, at the start
    of the run (callbacks run before the script)."""
    ss = st.session_state
    before, now = ss.get(SEEN), _answers()
    ss[SEEN] = dict(now)
    if before is None:
        return frozenset()
    return frozenset(name for name in now.keys() | before.keys() if before.get(name) != now.get(name))


ASKED = "_page_asked"
"""The page the patient last went to (`page_asked`)."""
GOING = "_page_going"
"""(from, to): the page a footer button was pressed on and the page it asked for (`go_to`)."""
DRAWN_ON = "_drawn_on"
"""The pages each answer's widget has been drawn on (`drawn`): a change can only come from one."""


def drawn(name: str) -> None:
    """Note that the answer `name` has a widget on the page being drawn (`page_asked` reads it)."""
    ss = st.session_state
    ss.setdefault(DRAWN_ON, {}).setdefault(name, set()).add(ss.get(ASKED))


def go_to(here: str, there: str) -> None:
    """The footer's Back / Next page buttons' callback: go from `here` to `there`.

    A button, not a link: a link's page change is a request of its own, and Streamlit runs only
    the later of two requests that meet. On a phone the tap on Next blurs the note box, and the
    browser sends the note's change a moment after the page change, for the page left behind, so
    the tap was lost. A callback runs before any later request can stop its run, and a button's
    press outlives the requests it meets; `page_asked` then keeps to it until `there` is reached.
    """
    st.session_state[GOING] = (here, there)


def page_asked(here: str, changed: AbstractSet[str]) -> str | None:
    """The page to go to instead of `here`, or None: carry on with `here`.

    A Back / Next page button pressed on `here` (`go_to`): its page, until a run reaches it, so a
    change sent late from `here` does not undo the press. Otherwise a run that carries a change
    (`changed`) for another page than the one last asked for came late: a widget changes answers
    only on the page on view (a phone's tap on a sidebar link blurs the note box, and the note's
    change reached the server after the page change). The change stands (its callback ran); the
    page the patient went to stays. A run for a page without a widget for any changed answer is
    the page change itself: Back pressed while a note was on its way (the box sends it when
    typing pauses) made one request of the two, and was undone.
    """
    ss = st.session_state
    going = ss.get(GOING)
    if going is not None and going[0] == here:
        return going[1]
    ss.pop(GOING, None)  # reached, or another page chosen since
    asked = ss.get(ASKED)
    drawn_on = ss.get(DRAWN_ON, {})
    if asked is not None and asked != here and any(here in drawn_on.get(name, ()) for name in changed):
        return asked
    ss[ASKED] = here
    return None


def profile() -> Profile:
    return Profile(**_answers())


def result(ev: Evidence, prof: Profile) -> Result:
    return evaluate_cached(ev, prof)


LINK_WRITTEN = "_link_written"
"""The link as `sync_url` last left it (`follow_history`)."""


def sync_url(prof: Profile) -> None:
    """Put the answers into the link; defaults are left out, unchanged links are not rewritten."""
    wanted = prof.to_params()
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[LINK_WRITTEN] = wanted


def follow_history(changed: AbstractSet[str]) -> None:
    """Back or Forward in the browser: show the topic its link names, keep every answer.

    Only the browser changes the link between runs (this app writes it at the end of each run,
    and its page links carry the same answers), so a link unlike the one written last came from
    Back or Forward. The page is Streamlit's to follow. The topic is the app's: without this, the
    answers, topic included, were written straight back and Back stayed where it was. Answers
    are not taken from the older link: a patient going back a step keeps what they said since.
    `changed` is `changed_by_widget()`'s: a run that carries an answer came from the page on view.
    """
    ss = st.session_state
    written = ss.get(LINK_WRITTEN)
    if changed or written is None or st.query_params.to_dict() == written:
        return
    try:
        topic = parse_query(_link_params()).profile.topic
    except ValueError:
        return
    _answers()["topic"] = topic
    ss[SEEN] = dict(_answers())  # the topic came from the link, not a widget (`changed_by_widget`)


def dismiss_notices() -> None:
    st.session_state[NOTICES] = []


# ---------------------------------------------------------------- widget binding


def _to_widget(name: str, value: Any) -> Any:
    if name in _EMPTY_IS_NONE and value == "":
        return None
    if name in LOCAL_FIGURES:  # a text box showing exactly what the link carries
        return "" if value is None else format_number(value)
    if name in PRIORITIES and value is None:  # not set: the slider waits in the middle
        return DEFAULT_WEIGHT
    return value


NOTE_CUT = "_note_cut"
"""How many characters the last change to the note box left out (0: none): the page says so."""


def _clean_note(text: str) -> str:
    """The box's note cleaned as a link's note is (`profile.clean_note`) and cut to the limit;
    a cut is remembered so the page can say what happened (the box has no max_chars: Streamlit
    refuses a whole paste past it, silently)."""
    cleaned = clean_note(text)
    st.session_state[NOTE_CUT] = max(0, len(cleaned) - MAX_NOTE_CHARS)
    return cleaned[:MAX_NOTE_CHARS]


def _from_widget(name: str, value: Any) -> Any:
    if name in _EMPTY_IS_NONE and value is None:
        return ""
    if name == "note":
        return _clean_note(value or "")
    return value


def read_local_figure(name: str, raw: str) -> float | None:
    """What a local-figure box holds, read by the link's own parser (empty is None); raises
    ValueError for text the link could not carry back."""
    parsed = parse_query({name: [raw]})
    if parsed.problems:
        raise ValueError(parsed.problems[0].message())
    return getattr(parsed.profile, name)


def local_problems() -> dict[str, str]:
    """The local figures whose box holds text that is not used, as typed."""
    return st.session_state.setdefault(LOCAL_PROBLEMS, {})


def _store_local(name: str) -> None:
    """A local figure typed into its box, read by the link's own parser, so whatever is used
    is exactly what the link carries back. Text the parser refuses is kept in the box and
    named (see `consult.local_figures`); the published figure is then used, and said to be."""
    raw = str(st.session_state[name] or "")
    try:
        value = read_local_figure(name, raw)
    except ValueError:
        local_problems()[name] = raw
        _answers()[name] = None
        return
    local_problems().pop(name, None)
    _answers()[name] = value
    st.session_state[name] = _to_widget(name, value)  # "85.50" shows as "85.5", the value used


def clear_local_figures() -> None:
    """Back to the published figures: the local ones leave the answers, the boxes and the link."""
    for name in LOCAL_FIGURES:
        _answers()[name] = None
        local_problems().pop(name, None)
        st.session_state.pop(name, None)


AGE_REFUSED = "_age_refused"
"""An age typed outside the aid's range, not taken: the situation page says so under the box."""


def _store(name: str) -> None:
    if name in LOCAL_FIGURES:
        _store_local(name)
        return
    shown = st.session_state[name]
    if name == "age" and shown is not None and not MIN_AGE <= shown <= MAX_AGE:
        # The box has no limits of its own: with them, Streamlit kept 150 in a red box and said why
        # only in a tooltip, which a phone never shows, while the answer stayed the earlier one.
        st.session_state[AGE_REFUSED] = shown
        st.session_state[name] = _to_widget(name, _answers()[name])  # the box shows what is kept
        return
    if shown == _to_widget(name, _answers()[name]):
        # Nothing changed. Streamlit calls back every widget on the page when a change and a page
        # change cross (a note typed, then Next tapped at once on a phone): an unset priority's
        # slider, waiting at 5, then reported 5 and became "set" without the patient moving it.
        return
    value = _from_widget(name, shown)
    _answers()[name] = value
    if name == "note" and value != st.session_state[name]:
        st.session_state[name] = value  # the box shows what is kept: cleaned, cut to the limit
        if st.session_state.get(NOTE_CUT):
            st.toast(note_cut_words(st.session_state[NOTE_CUT]), icon=":material/content_cut:")


def unset_priority(name: str) -> None:
    """A priority back to "not set" (the Clear button's callback): the link leaves it out, it
    counts for nothing, and its slider waits in the middle again. Without it, a slider moved by
    mistake stayed set, and with no other priority set it started the match on its own."""
    _answers()[name] = None
    st.session_state[name] = _to_widget(name, None)


def note_cut_words(left_out: int) -> str:
    """What the app says when a note typed or pasted into the box was cut to the limit."""
    return NOTE_CUT_WORDS.format(limit=f"{MAX_NOTE_CHARS:,}", left_out=f"{left_out:,}")


def bind(name: str) -> dict[str, Any]:
    """Widget kwargs for the answer `name`: ``st.slider(..., **bind("relief"))``.

    The widget key is the parameter name. Pass no ``value=``: the key is seeded here.
    """
    ss = st.session_state
    if name not in ss and not _from_browser(name):
        ss[name] = _to_widget(name, _answers()[name])
    drawn(name)
    return {"key": name, "on_change": _store, "args": (name,)}


def flag_key(name: str, option_id: str) -> str:
    return f"{name}_{option_id}"


def _store_flag(name: str, option_id: str) -> None:
    chosen = set(_answers()[name])
    if st.session_state[flag_key(name, option_id)]:
        chosen.add(option_id)
    else:
        chosen.discard(option_id)
    _answers()[name] = tuple(o for o in OPTION_IDS if o in chosen)


def bind_flag(name: str, option_id: str) -> dict[str, Any]:
    """Checkbox kwargs for one option in an option list (`tried` or `avoid`)."""
    key = flag_key(name, option_id)
    if key not in st.session_state and not _from_browser(key):
        st.session_state[key] = option_id in _answers()[name]
    drawn(name)
    return {"key": key, "on_change": _store_flag, "args": (name, option_id)}


def quiz_key(question_id: str) -> str:
    """The widget key of one knowledge-check question."""
    return f"quiz_{question_id}"


def _store_quiz(question_id: str, right_answer: str) -> None:
    chosen = st.session_state[quiz_key(question_id)]
    st.session_state.setdefault("extras", {})[quiz_key(question_id)] = chosen  # kept across pages
    results = profile().quiz_results()
    if chosen is None:
        results.pop(question_id, None)
    else:
        results[question_id] = chosen == right_answer
    _answers()["quiz"] = tuple(f"{q}:{'right' if ok else 'wrong'}" for q, ok in results.items())


def bind_quiz(question_id: str, right_answer: str) -> dict[str, Any]:
    """Radio kwargs for one knowledge-check question. Its result (right or wrong) goes into the
    answers and the link as `quiz`, so the summary can say how the check went; a link with a
    right answer shows it chosen again (a wrong one is shown as a note: which choice is not kept)."""
    key = quiz_key(question_id)
    extras = st.session_state.setdefault("extras", {})
    if key not in st.session_state:
        right = profile().quiz_results().get(question_id)
        st.session_state[key] = extras.get(key, right_answer if right else None)
    drawn("quiz")
    return {"key": key, "on_change": _store_quiz, "args": (question_id, right_answer)}
