"""Local surgical figures in a real browser (issue 14, points 4, 5 and 10): what a clinician types
is what the link carries back and what the box shows; a bad entry gets a message and is not used;
a link with local figures is named in home mode, with a way back to the published figures."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .helpers import expect_no_exception, wait_for_app
from .ui_helpers import by_key, open_page

PANEL = "Local surgical figures"


def _open_panel(page: Page) -> None:
    summary = page.locator('[data-testid="stExpander"] summary', has_text=PANEL)
    expect(summary).to_have_count(1)
    expect(page.locator('[data-testid="stExpander"] details', has_text=PANEL)).not_to_have_attribute(
        "open", re.compile(".*"))  # the panel starts closed
    summary.click()


def _type(page: Page, key: str, text: str) -> None:
    box = by_key(page, key).locator("input")
    expect(box).to_be_visible()
    box.fill(text)
    box.press("Enter")


def test_a_typed_figure_is_shown_as_used_and_the_link_brings_it_back(page: Page, app_server) -> None:
    open_page(page, app_server.url, "compare", "?mode=consult")
    _open_panel(page)
    _type(page, "mvd_hearing_loss", "0.0040")
    expect(page).to_have_url(re.compile(r"mvd_hearing_loss=0\.004(&|$)"))
    expect(by_key(page, "mvd_hearing_loss").locator("input")).to_have_value("0.004")
    expect(page.get_by_text("Used: 0.004 out of 100 (LOCAL)")).to_be_visible()

    page.goto(page.url)  # reopen the link the app wrote
    wait_for_app(page)
    expect(page.locator('[data-testid="stAlertContentWarning"]', has_text="not allowed")).to_have_count(0)
    _open_panel(page)
    expect(by_key(page, "mvd_hearing_loss").locator("input")).to_have_value("0.004")
    expect_no_exception(page)


def test_a_bad_figure_gets_a_message_and_is_not_used(page: Page, app_server) -> None:
    open_page(page, app_server.url, "compare", "?mode=consult&mvd_success=70")
    _open_panel(page)
    _type(page, "mvd_success", "85,5")
    expect(page.get_by_text('"85,5" is not used: use a point for decimals')).to_be_visible()
    expect(by_key(page, "mvd_success").locator("input")).to_have_value("85,5")
    expect(page).not_to_have_url(re.compile(r"mvd_success="))
    _type(page, "mvd_success", "150")
    expect(page.get_by_text('"150" is not used: it must be from 0 to 100')).to_be_visible()
    expect_no_exception(page)


def test_home_mode_names_local_figures_from_a_link_and_can_drop_them(page: Page, app_server) -> None:
    open_page(page, app_server.url, "situation", "?mvd_success=100&mvd_hearing_loss=0&relief=8")
    banner = by_key(page, "local_figures_banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("This link carries local surgery figures")
    expect(banner).to_contain_text("MVD: spasm gone: 100 out of 100")
    expect(banner).to_contain_text("MVD: lasting hearing loss: 0 out of 100")
    banner.get_by_role("button", name="Use the published figures instead").click()
    expect(banner).to_have_count(0)
    expect(page).not_to_have_url(re.compile(r"mvd_"))
    expect(page).to_have_url(re.compile(r"relief=8"))  # the patient's own answers stay
    expect_no_exception(page)
