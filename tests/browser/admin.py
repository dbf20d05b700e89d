"""Signing in to the newsroom's screens as the demo's people do."""

from __future__ import annotations

from dateline.demo.newsroom import DEMO_PASSWORD

# An admin page that saves a form and redirects can take a few seconds on a busy machine.
AFTER_SAVE = 15_000


def sign_in_to_the_admin(tab, username):
    tab.goto("/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(DEMO_PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url("**/admin/", timeout=AFTER_SAVE)


# The page editor starts watching for edits a moment after it loads; what is typed
# before then counts as how the page was, and would never be autosaved.
_NOTE_WATCHING = (
    "document.addEventListener('w-unsaved:watch-edits', () => { window.editsWatched = true; })"
)


def open_the_editor(tab, page_id):
    """Opens the page editor and waits until it watches for edits, as a person would
    by reading the page before typing."""
    tab.add_init_script(_NOTE_WATCHING)
    tab.goto(f"/admin/pages/{page_id}/edit/")
    tab.wait_for_function("() => window.editsWatched === true")
