"""Smoke test: the app loads in a real browser, runs without an exception and shows text."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .helpers import expect_no_exception, wait_for_app


def test_app_loads_and_shows_text(page: Page, app_server) -> None:
    page_errors: list[str] = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))

    page.goto(app_server.url)
    wait_for_app(page)

    expect_no_exception(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_be_visible()
    expect(main).to_contain_text(re.compile(r"\w{3,}"))
    assert page_errors == [], f"uncaught JavaScript errors: {page_errors}"
