"""A reporter works the live desk; a reader on the live blog sees each change
within two seconds, without reloading."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from bench.harness.server import Server, load_demo, separate_database, site_env

pytestmark = pytest.mark.browser
BLOG_PATH = "/es/tormenta-aurelia-en-directo/"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`dateline serve` with a demo newsroom of its own.

    The live stream is served by the ASGI app under granian, not by Django's test server. On the
    PostgreSQL + Redis pass the server has a database of its own beside the tests' one, and cache
    keys and live channels of its own on the same Redis.
    """
    var_dir = tmp_path_factory.mktemp("live-site")
    prefix = f"browser-{os.getpid()}"
    env = site_env(
        var_dir,
        DATELINE_LIVE_HEARTBEAT_SECONDS="5",
        DATELINE_CACHE_PREFIX=prefix,
        DATELINE_LIVE_CHANNEL_PREFIX=prefix,
    )
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = separate_database(os.environ["DATABASE_URL"], "_browser")
    load_demo(env, var_dir / "setup.log")
    with Server(env, var_dir / "server.log") as server:
        yield server


@pytest.fixture
def reader_and_desk(browser, server):
    reader_context = browser.new_context(base_url=server.url)
    desk_context = browser.new_context(base_url=server.url)
    reader, desk = reader_context.new_page(), desk_context.new_page()
    desk.goto("/admin/login/")
    desk.fill("#id_username", "editor")
    desk.fill("#id_password", "dateline-demo")
    desk.click("button[type=submit]")
    desk.wait_for_url("**/admin/")
    desk.goto("/admin/live/")
    desk.get_by_role("link", name="Tormenta Aurelia, en directo").first.click()
    reader.goto(BLOG_PATH)
    # The script has taken over: the no-JavaScript reload link is hidden.
    expect(reader.locator("#live-reload")).to_be_hidden()
    yield reader, desk
    reader_context.close()
    desk_context.close()


def test_reader_sees_a_post_published_edited_and_deleted_at_the_desk(reader_and_desk):
    reader, desk = reader_and_desk
    posts = reader.locator("#live-posts .live-post")

    desk.fill("#desk-body", "Sample: the coast road reopens at San Telmo.")
    desk.press("#desk-body", "Control+Enter")
    new_post = posts.filter(has_text="the coast road reopens at San Telmo")
    expect(new_post).to_be_visible(timeout=2000)
    expect(posts.first).to_contain_text("the coast road reopens")  # in place, at the top
    expect(reader.locator("#live-announcer")).to_contain_text("the coast road reopens")

    item = desk.locator(".desk-post", has_text="the coast road reopens at San Telmo")
    item.get_by_role("button", name="Edit").click()
    item.locator(".desk-post__editor textarea").fill("Sample: the coast road reopens at noon.")
    item.get_by_role("button", name="Save").click()
    expect(posts.filter(has_text="reopens at noon")).to_be_visible(timeout=2000)
    expect(posts.filter(has_text="at San Telmo")).to_have_count(0)

    desk.once("dialog", lambda dialog: dialog.accept())
    desk.locator(".desk-post", has_text="reopens at noon").get_by_role(
        "button", name="Delete"
    ).click()
    expect(posts.filter(has_text="reopens at noon")).to_have_count(0, timeout=2000)


def test_reader_who_scrolled_down_gets_a_new_updates_button(reader_and_desk):
    reader, desk = reader_and_desk
    # A short window, scrolled to the end: the top of the stream is out of sight.
    reader.set_viewport_size({"width": 1280, "height": 400})
    reader.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert (
        reader.evaluate("document.getElementById('live-posts').getBoundingClientRect().top") < -40
    )
    desk.fill("#desk-body", "Sample: shelters open in two sports halls.")
    desk.press("#desk-body", "Control+Enter")
    button = reader.locator("#live-new-button")
    expect(button).to_be_visible(timeout=2000)
    expect(button).to_have_text("1 actualización nueva")
    expect(reader.locator("#live-posts .live-post", has_text="shelters open")).to_have_count(0)
    button.click()
    expect(reader.locator("#live-posts .live-post").first).to_contain_text("shelters open")


def test_pinning_and_key_events_reach_the_reader(reader_and_desk):
    reader, desk = reader_and_desk
    desk.fill("#desk-body", "Sample: the dam holds, engineers say.")
    desk.press("#desk-body", "Control+Enter")
    item = desk.locator(".desk-post", has_text="the dam holds")
    expect(item).to_be_visible(timeout=2000)
    item.get_by_role("button", name="Pin").click()
    expect(reader.locator("#live-pinned")).to_contain_text("the dam holds", timeout=2000)
    desk.once("dialog", lambda dialog: dialog.accept("Dam holds"))
    item.get_by_role("button", name="Key event").click()
    expect(reader.locator("#key-events-list")).to_contain_text("Dam holds", timeout=2000)


def test_stale_edit_shows_the_other_version_and_keeps_mine(browser, server, reader_and_desk):
    _, desk = reader_and_desk
    desk.fill("#desk-body", "Sample: 300 people in shelters.")
    desk.press("#desk-body", "Control+Enter")
    item = desk.locator(".desk-post", has_text="300 people in shelters")
    expect(item).to_be_visible(timeout=2000)
    item.get_by_role("button", name="Edit").click()
    editor = item.locator(".desk-post__editor textarea")
    expect(editor).to_have_value("Sample: 300 people in shelters.")

    # A colleague edits the same post first, from another desk.
    colleague_context = browser.new_context(
        base_url=server.url, storage_state=desk.context.storage_state()
    )
    colleague = colleague_context.new_page()
    colleague.goto(desk.url)
    theirs = colleague.locator(".desk-post", has_text="300 people in shelters")
    theirs.get_by_role("button", name="Edit").click()
    theirs.locator(".desk-post__editor textarea").fill("Sample: 320 people in shelters.")
    theirs.get_by_role("button", name="Save").click()
    expect(theirs.locator(".desk-post__editor")).to_have_count(0)
    colleague_context.close()

    editor.fill("Sample: 310 people in shelters.")
    item.get_by_role("button", name="Save").click()
    conflict = item.locator(".desk-post__conflict")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("320 people")
    expect(editor).to_have_value("Sample: 310 people in shelters.")


def test_reporter_adds_a_photo_and_the_reader_sees_it_with_its_credit(reader_and_desk):
    reader, desk = reader_and_desk
    desk.fill("#desk-body", "Sample: the river Claro bursts its banks at La Ribera.")
    desk.get_by_role("button", name="Choose an image").click()
    desk.locator("a.image-choice[title*='río Claro']").click()
    expect(desk.locator("#id_desk-image-chooser .chooser__title")).to_contain_text("río Claro")
    # Once the chooser has closed, the reporter is back in the composer.
    expect(desk.locator(".modal")).to_have_count(0)
    expect(desk.locator("#desk-body")).to_be_focused()
    desk.keyboard.press("Control+Enter")

    post = reader.locator("#live-posts .live-post", has_text="bursts its banks")
    expect(post).to_be_visible(timeout=2000)
    expect(post.locator("figure img")).to_be_visible()
    expect(post.locator("figcaption")).to_contain_text("El río Claro, desbordado")
    expect(post.locator("figcaption .credit")).to_have_text(
        "Marta Ibáñez / Dateline Photo (sample)"
    )
    # The composer is ready for the next post, without the photo.
    expect(desk.locator("#id_desk-image")).to_have_value("")
