"""Fixtures for the browser tests: Debian's Chromium, driven by Playwright, on the live server.

The tests in this folder read the demo newsroom the way a reader does. Each
test module marks its tests with

    pytest.mark.browser
    pytest.mark.django_db(transaction=True, serialized_rollback=True)

`transaction=True` because the live server reads the database from another
thread; `serialized_rollback=True` because each transactional test ends by
emptying every table, including the Wagtail root page, default Site, locale and
image collection that migrations create, and the next test needs them back
(with the suite's shared newsroom, which the demo's then replaces).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page, sync_playwright
from wagtail.models import Site

from dateline.demo import newsroom

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="package")
def browser() -> Browser:
    """One headless Chromium for all the browser tests; never a browser downloaded by Playwright.

    Package scope, not session: Playwright's sync API leaves an event loop marked as running in
    the test thread, which would break `asyncio.run()` and `async_to_sync` in every test that runs
    after these. The browser closes as soon as the last test in this folder is done.
    """
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}. "
            "Install it with `make browser` (scripts/ensure-chromium.sh).",
            pytrace=False,
        )
    held = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Playwright's sync API runs an event loop in this thread, so Django refuses ORM calls.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # While that loop runs, Django looks connections up per async context and would open
        # fresh ones, without the test database's serialized copy: keep the thread's own.
        for alias, connection in held.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _open_page(browser: Browser, base_url: str, **options) -> Page:
    context = browser.new_context(
        base_url=base_url, viewport={"width": 1280, "height": 900}, **options
    )
    context.set_default_timeout(10_000)
    return context.new_page()


@pytest.fixture
def page(browser, live_server) -> Page:
    """A fresh tab in a new browser context (no cookies or cache shared between tests)."""
    tab = _open_page(browser, live_server.url)
    yield tab
    tab.context.close()


@pytest.fixture
def page_without_javascript(browser, live_server) -> Page:
    """A fresh tab in a context with JavaScript turned off."""
    tab = _open_page(browser, live_server.url, java_script_enabled=False)
    yield tab
    tab.context.close()


@pytest.fixture
def demo_newsroom(live_server, transactional_db, restore_migrated_database, settings) -> dict:
    """The whole demo newsroom, served by the live server at its root.

    It loads into the database as migrations left it, as in `make demo`. `load()`
    puts the demo's home page at the root of the default Site, which matches any
    host, so every page resolves under `live_server.url`; page URLs are relative
    while there is a single Site.
    """
    restore_migrated_database()
    demo = newsroom.load()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == demo["home"].pk
    assert Site.objects.count() == 1, "a second Site would make page URLs absolute"
    return demo


@pytest.fixture
def open_tab(browser, live_server):
    """Opens a tab in a browser context of its own: each person has their own session."""
    contexts = []

    def open_tab():
        tab = _open_page(browser, live_server.url)
        contexts.append(tab.context)
        return tab

    yield open_tab
    for context in contexts:
        context.close()
