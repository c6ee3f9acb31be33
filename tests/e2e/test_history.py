"""The browser's Back and Forward buttons (components.fixed_scripts, state.follow_history).

Every answer goes into the link, and each change of link was a browser history entry: after
three answers, Back did nothing visible three times (the app wrote the answers straight back),
then left the app. On the compare page, Back after "Next topic" stayed on the same topic. Now
Back and Forward step through pages and topics, and the answers given since stay.
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from decision_aid.ui.topics import BY_ID, STEPS
from decision_aid.words.pages.compare import TOPIC_OF

from .helpers import expect_no_exception, wait_for_app
from .page_helpers import wait_rendered
from .ui_helpers import TITLES, by_key, open_page, phone, slider_input

HEADING = '[data-testid="stMain"] h2'


def _step(topic: str) -> str:
    """Home mode's heading of a topic: "Topic 4 of 5: ..." (pages/compare.py)."""
    ids = [t.id for t in STEPS]
    return TOPIC_OF.format(n=ids.index(topic) + 1, total=len(ids), title=BY_ID[topic].title)


def _entries(page: Page) -> int:
    return int(page.evaluate("() => window.history.length"))


def _checked(page: Page) -> list[str]:
    return page.locator('[data-testid="stRadio"] input:checked').evaluate_all(
        "els => els.map(e => e.closest('label').innerText.trim())"
    )


def test_answers_add_no_history_entry_and_back_goes_to_the_page_before(page: Page, app_server) -> None:
    open_page(page, app_server.url, "situation")
    entries = _entries(page)
    page.get_by_text("After Bell's palsy or a face injury").click()
    expect(page).to_have_url(re.compile(r"cause=bells_trauma"))
    page.get_by_text("Both sides of my face").click()
    expect(page).to_have_url(re.compile(r"sides=both"))
    wait_for_app(page)
    assert _entries(page) == entries, "an answer added a history entry: Back would stay on the page"

    page.get_by_role("button", name=re.compile("^Next page: ")).click()
    expect(page).to_have_url(re.compile(r"/priorities\?"))
    wait_rendered(page)
    slider_input(page, "relief").focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"relief=6"))
    wait_for_app(page)
    assert _entries(page) == entries + 1, "one entry for the new page, none for its answer"

    page.go_back()
    expect(page).to_have_url(re.compile(r"/situation\?"))
    wait_for_app(page)
    # The page before, with every answer, the one given after it included.
    expect(page).to_have_url(re.compile(r"relief=6"))
    expect(page).to_have_url(re.compile(r"sides=both"))
    assert {"After Bell's palsy or a face injury", "Both sides of my face"} <= set(_checked(page))
    expect_no_exception(page)

    page.go_forward()
    expect(page).to_have_url(re.compile(r"/priorities\?.*relief=6"))
    wait_rendered(page)
    expect(slider_input(page, "relief")).to_have_value("6")


def test_back_and_forward_step_through_the_compare_topics_on_a_phone(browser: Browser, app_server) -> None:
    with phone(browser) as page:
        open_page(page, app_server.url, "compare", "?relief=8&topic=years")
        wait_rendered(page)
        by_key(page, "topic_nav_top").locator("button").last.click()
        expect(page.locator(HEADING).first).to_have_text(_step("fit"))
        expect(page).to_have_url(re.compile(r"topic=fit"))
        wait_rendered(page)
        entries = _entries(page)

        by_key(page, "change_priorities").get_by_text("Change what matters to you").click()
        slider_input(page, "relief").focus()
        page.keyboard.press("ArrowLeft")
        expect(page).to_have_url(re.compile(r"relief=7"))
        wait_for_app(page)
        assert _entries(page) == entries, "a slider move added a history entry"

        page.go_back()
        expect(page.locator(HEADING).first).to_have_text(_step("years"))
        expect(page).to_have_url(re.compile(r"topic=years"))
        expect(page).to_have_url(re.compile(r"relief=7"))  # the move made on the later topic stays
        wait_rendered(page)
        expect_no_exception(page)

        page.go_forward()
        expect(page.locator(HEADING).first).to_have_text(_step("fit"))
        expect(page).to_have_url(re.compile(r"topic=fit"))
        wait_rendered(page)
        expect(slider_input(page, "relief")).to_have_value("7")


def test_back_goes_to_the_topic_chosen_before_in_a_consult(page: Page, app_server) -> None:
    """Consult mode's topic buttons keep their own state: Back must move them too."""
    open_page(page, app_server.url, "compare", "?mode=consult&relief=8")
    wait_rendered(page)
    buttons = page.locator(".st-key-topic_choice button")
    for topic in ("works", "harms"):
        buttons.filter(has_text=BY_ID[topic].title).first.click()
        expect(page.locator(HEADING).first).to_have_text(BY_ID[topic].title)
        wait_rendered(page)

    page.go_back()
    expect(page.locator(HEADING).first).to_have_text(BY_ID["works"].title)
    expect(page).to_have_url(re.compile(r"topic=works"))
    wait_rendered(page)
    expect(buttons.filter(has_text=BY_ID["works"].title).first).to_have_attribute("aria-checked", "true")
    expect_no_exception(page)

    buttons.filter(has_text=BY_ID["years"].title).first.click()  # the buttons still work after Back
    expect(page.locator(HEADING).first).to_have_text(BY_ID["years"].title)
    expect(page).to_have_url(re.compile(r"topic=years"))


def test_a_note_being_typed_is_kept_when_back_is_pressed_without_leaving_the_box(
    browser: Browser, app_server
) -> None:
    """A text box sends its text when it loses the focus, and Back took the page away first: the
    note was lost. The app now has it once the typing pauses, with the focus and keyboard kept."""
    with phone(browser) as page:
        open_page(page, app_server.url, "situation")
        page.get_by_role("button", name=re.compile("^Next page: ")).tap()
        expect(page).to_have_url(re.compile(r"/priorities(\?|$)"))
        wait_rendered(page)
        box = by_key(page, "note").locator("textarea")
        box.tap()
        page.keyboard.type("I drive for work")
        expect(page).to_have_url(re.compile(r"note=I\+drive\+for\+work(&|$)"))
        wait_for_app(page)
        expect(box).to_be_focused()  # sent as Ctrl+Enter sends it: the patient types on
        page.keyboard.type(" at night")
        expect(page).to_have_url(re.compile(r"note=I\+drive\+for\+work\+at\+night(&|$)"))
        wait_for_app(page)

        _back_then_forward(
            page,
            r"/situation\?.*note=I\+drive\+for\+work\+at\+night",
            r"/priorities(\?|$)",
            "note",
            "I drive for work at night",
        )


def test_back_pressed_at_once_after_typing_a_note_keeps_it(page: Page, app_server) -> None:
    """Back within the typing pause (0.3 to 0.6 s after the last key, found by a red-team pass)
    lost the note: the browser's button moves no focus, so the box never sent it. The step now
    waits until the app has the note."""
    open_page(page, app_server.url, "situation")
    page.get_by_role("button", name=re.compile("^Next page: ")).click()
    expect(page).to_have_url(re.compile(r"/priorities(\?|$)"))
    wait_rendered(page)
    by_key(page, "note").locator("textarea").click()
    page.keyboard.type("I drive for work")
    assert "note=" not in page.url  # still inside the pause: the app has not had it
    _back_then_forward(
        page, r"/situation\?.*note=I\+drive\+for\+work(&|$)", r"/priorities\?", "note", "I drive for work"
    )


def test_back_pressed_while_a_slider_change_is_on_its_way_keeps_forward(page: Page, app_server) -> None:
    """Back at once after a slider moved: the slider's run came after the step and moved the link
    to its own page, and the next run moved it back. Two new entries, the page flicked, and
    Forward was lost (a CI failure of the test above, Back 0.8 s after the last key, was this)."""
    open_page(page, app_server.url, "situation")
    entries = _entries(page)
    page.get_by_role("button", name=re.compile("^Next page: ")).click()
    expect(page).to_have_url(re.compile(r"/priorities(\?|$)"))
    wait_rendered(page)
    slider_input(page, "relief").focus()
    page.keyboard.press("ArrowRight")
    page.go_back()  # at once: the slider's change is still on its way
    expect(page).to_have_url(re.compile(r"/situation\?.*relief=6"))
    expect(page.get_by_role("heading", level=1).first).to_have_text(TITLES["situation"])
    wait_rendered(page)  # both runs are over: the slider's and the situation page's
    assert _entries(page) == entries + 1, "Back added entries: Forward is lost"
    page.go_forward()
    expect(page).to_have_url(re.compile(r"/priorities\?.*relief=6"))
    wait_rendered(page)
    expect(slider_input(page, "relief")).to_have_value("6")
    expect_no_exception(page)


def test_back_pressed_at_once_after_a_choice_keeps_it_and_the_history(page: Page, app_server) -> None:
    """A choice clicked and Back pressed at once (a red-team pass): the choice's run came after the
    step and moved the link back to its page, so Forward was lost or the page bounced back; 17
    tries in 20 went wrong (one lost the choice) before one_entry_per_view.js left such writes
    out, and this test failed 3 times in 3."""
    open_page(page, app_server.url, "about", "?relief=8")
    page.get_by_role("button", name=re.compile("^Next page: ")).click()
    expect(page).to_have_url(re.compile(r"/situation\?"))
    wait_rendered(page)
    entries = _entries(page)
    page.get_by_text("Both sides of my face").click()
    page.go_back()  # at once: the choice is still on its way
    expect(page.get_by_role("heading", level=1).first).to_have_text(TITLES["about"])
    wait_rendered(page)
    expect(page).to_have_url(re.compile(r"//[^/]+/\?.*sides=both(&|$)"))
    assert _entries(page) == entries, "Back added entries: Forward is lost"
    page.go_forward()
    expect(page.get_by_role("heading", level=1).first).to_have_text(TITLES["situation"])
    wait_rendered(page)
    assert "Both sides of my face" in _checked(page)
    expect_no_exception(page)


def test_a_late_link_for_the_topic_left_does_not_take_the_place_of_the_topic_back_went_to(
    page: Page, app_server
) -> None:
    """While Streamlit follows Back it replaces the entry rather than adding one, so the link of a
    run for the topic left, coming late (a slider moved just before Back), took the place of the
    topic Back had gone to. Such a write is left out until the patient acts in the page. The write
    is made here by hand, as Streamlit makes it: the race itself is rare (1 in 5 tries)."""
    open_page(page, app_server.url, "compare", "?topic=years&relief=8")
    page.get_by_role("button", name=re.compile("^Next topic")).first.click()
    expect(page).to_have_url(re.compile(r"topic=fit"))
    wait_rendered(page)
    page.go_back()
    expect(page.locator(HEADING).first).to_have_text(_step("years"))
    wait_rendered(page)
    page.evaluate("() => history.replaceState({}, '', location.search.replace('topic=years', 'topic=fit'))")
    expect(page).to_have_url(re.compile(r"topic=years"))
    page.go_forward()
    expect(page.locator(HEADING).first).to_have_text(_step("fit"))
    expect(page).to_have_url(re.compile(r"topic=fit"))


def test_back_pressed_after_typing_an_age_without_enter_keeps_it(page: Page, app_server) -> None:
    """An age box sends its number on Enter or when the focus leaves it; Back does neither, so a
    typed age was dropped without a word."""
    open_page(page, app_server.url, "about", "?relief=8")
    page.get_by_role("button", name=re.compile("^Next page: ")).click()
    expect(page).to_have_url(re.compile(r"/situation\?"))
    wait_rendered(page)
    by_key(page, "age").locator("input").click()
    page.keyboard.type("70")
    # to the first page (the app's root), with the age not sent
    _back_then_forward(page, r"//[^/]+/\?.*age=70(&|$)", r"/situation\?.*age=70", "age", "70")


def _back_then_forward(page: Page, back_url: str, forward_url: str, key: str, value: str) -> None:
    """Back shows the page before with the answer in its link (`back_url`, a pattern); Forward
    brings the page back with the answer in its box."""
    page.go_back()
    expect(page).to_have_url(re.compile(back_url))
    wait_rendered(page)
    page.go_forward()
    expect(page).to_have_url(re.compile(forward_url))
    wait_rendered(page)
    expect(by_key(page, key).locator("textarea, input")).to_have_value(value)
    expect_no_exception(page)
