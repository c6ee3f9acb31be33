"""The text-escaping helpers of `decision_aid.ui.components`: dataset text and the link's words
are shown literally, never read as Markdown, HTML, maths, colour or icon directives, or links."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.ui.components import label, md, md_lines, no_autolink

MD_SPECIAL = frozenset("\\`*_{}[]()#+-.!|<>~$:^=&")
"""Every character `md` promises to escape."""
WORD_JOINER = "\u2060"
AUTOLINK = re.compile(r"(?i)https?://|www\.|@\w")
"""What GitHub-flavoured Markdown (Streamlit's) turns into a link even when every special
character is escaped: a web address, a "www." one, or an e-mail address."""

INJECTIONS = [
    "**x**",
    "[a](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "<script>alert(1)</script>",
    "$x$",
    ":red[x]",
    ":material/face: hi",
    "a\\*b",
    "`code`",
    "# heading",
    "- item",
    "| a | b |",
    "~~gone~~",
    "x_y_z",
    "&lt;b&gt;",
]


def _unescaped(text: str) -> list[str]:
    """The special characters in `text` with no backslash before them: Markdown would read them."""
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2  # a backslash and the character it escapes
            continue
        if text[i] in MD_SPECIAL:
            found.append(text[i])
        i += 1
    return found


def _unescape(text: str) -> str:
    """What Markdown shows for escaped text: each backslash pair becomes its character."""
    return re.sub(r"\\(.)", r"\1", text, flags=re.DOTALL)


@pytest.mark.parametrize("text", INJECTIONS)
def test_md_escapes_every_markup_character_and_shows_the_text_as_it_was(text):
    out = md(text)
    assert _unescaped(out) == [], out
    # a backslash typed stays a backslash, nothing is lost (an icon's code gets a word joiner)
    assert _unescape(out).replace(WORD_JOINER, "") == text


@pytest.mark.parametrize(
    "text", [":material/warning: all checked", "A :smile: B", "x :material/check_circle:", ":red[x] :a:"]
)
def test_md_and_label_keep_an_icon_s_code_as_text(text):
    """Streamlit drew ":material/warning:" as a ⚠ icon in a link's note, even with its colons
    escaped: a crafted link could put a ✓ "verified" beside the patient's words."""
    directive = re.compile(r":[\w/+-]+:")
    for out in (md(text), label(text), md_lines(text)):
        assert not directive.search(_unescape(out)), out
        assert _unescape(out).replace(WORD_JOINER, "") == text, out


@pytest.mark.parametrize(
    "text",
    [
        "http://evil.example/x",
        "HTTPS://evil.example",
        "see www.evil.example now",
        "write to me@evil.example",
    ],
)
def test_no_autolink_breaks_web_and_mail_addresses_without_changing_the_words(text):
    out = no_autolink(text)
    assert not AUTOLINK.search(out), out
    assert out.replace(WORD_JOINER, "") == text  # only an invisible word joiner is added


def test_no_autolink_leaves_text_without_an_address_alone():
    assert no_autolink("5 out of 100: see your doctor.") == "5 out of 100: see your doctor."
    assert no_autolink("http://evil.example") == f"http:{WORD_JOINER}//evil.example"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("**x**", r"\*\*x\*\*"),
        ("[a](javascript:alert(1))", r"\[a\](javascript:alert(1))"),
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("$x$", r"\$x\$"),
        (":red[x]", r":red\[x\]"),
        (":material/face: hi", f":{WORD_JOINER}material/face: hi"),
        ("a\\b", "a\\\\b"),
        ("~~gone~~", r"\~\~gone\~\~"),
        ("x | y", r"x \| y"),
        ("a & b", r"a \& b"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("12) item", r"12\) item"),
        ("1. item", r"1\. item"),
        ("# big", r"\# big"),
        ("> quote", r"\> quote"),
        ("http://evil.example", f"http:{WORD_JOINER}//evil.example"),
    ],
)
def test_label_escapes_what_would_start_markup(text, shown):
    assert label(text) == shown


def test_label_keeps_plain_names_free_of_backslashes():
    """A label is also the widget's aria-label: a screen reader reads every backslash."""
    plain = "Medicines (tablets) 1.5 mg, 2-3 times: daily! Is it #1?"
    assert label(plain) == plain
    assert label(f"**{plain}**") == rf"\*\*{plain}\*\*"


def test_md_lines_escapes_each_line_breaks_addresses_and_keeps_the_line_breaks():
    note = "first **x**\nhttp://evil.example\n\n<b>last</b>"
    out = md_lines(note)
    assert out == (
        r"first \*\*x\*\*" + "  \n" + rf"http\:{WORD_JOINER}//evil\.example" + "  \n  \n" + r"\<b\>last\</b\>"
    )
    assert not AUTOLINK.search(out)


def _table_app() -> None:
    from decision_aid.ui import components

    components.text_table(
        [
            {"name": "![x](http://evil.example/x.png)", "**col**": "<b>y</b>"},
            {"name": "$a$", "**col**": "_z_"},
        ],
        index="name",
    )


def test_text_table_escapes_headers_index_and_cells():
    """`st.table` renders every cell and header as Markdown."""
    at = AppTest.from_function(_table_app).run()
    assert not at.exception
    frame = at.table[0].value
    assert list(frame.columns) == [r"\*\*col\*\*"]
    assert list(frame.index) == [r"\!\[x\]\(http\://evil\.example/x\.png\)", r"\$a\$"]
    assert list(frame.iloc[:, 0]) == [r"\<b\>y\</b\>", r"\_z\_"]
