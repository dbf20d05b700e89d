"""Stories in two languages: a reader switches edition and lands on the story's
version in that edition's language; an editor links two versions; the English
live desk sees what its Spanish twin has posted and not yet been translated."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dateline.editions.models import EditionGroup, Role
from dateline.live import actions as live_actions
from dateline.live.models import LivePost

from ..factories import ArticlePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def switch_to(page, edition: str):
    page.locator("nav.edition-switcher").get_by_role("link", name=edition, exact=True).click()


def current_edition(page):
    return page.locator("nav.edition-switcher a[aria-current]")


def sign_in_editing_usa_too(page, demo):
    """The demo's editor (España and Chile), who also edits USA for these tests."""
    editor = demo["users"]["editor"][0]
    editor.groups.add(
        EditionGroup.objects.get(edition=demo["editions"]["us"], role=Role.EDITOR).group
    )
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "dateline-demo")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_reader_on_the_spanish_story_switches_to_usa_and_reads_the_english_one(page, demo_newsroom):
    spanish, english = demo_newsroom["stories"]["es-main"], demo_newsroom["stories"]["us-main"]
    page.goto(spanish.url)
    switch_to(page, "USA")
    expect(page).to_have_url(re.compile(re.escape(english.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(english.title)
    expect(page.locator("html")).to_have_attribute("lang", "en-US")
    expect(current_edition(page)).to_have_text(["USA"])


def test_reader_on_a_story_without_an_english_version_switches_to_the_usa_front_page(
    page, demo_newsroom
):
    chilean = demo_newsroom["stories"]["cl-local"]
    page.goto(chilean.url)
    switch_to(page, "USA")
    expect(page).to_have_url(re.compile(r"/us/$"))
    expect(current_edition(page)).to_have_text(["USA"])


def test_reader_from_chile_stays_in_chile_on_a_story_circulated_there(page, demo_newsroom):
    spanish = demo_newsroom["stories"]["es-main"]
    page.goto("/cl/")
    page.locator(".front-page").get_by_role("link", name=spanish.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(spanish.title)
    expect(current_edition(page)).to_have_text(["Chile"])
    expect(page.locator(".masthead__edition")).to_have_text("Chile")
    # And from the story, the reader switches to España on the same story.
    switch_to(page, "España")
    expect(page).to_have_url(re.compile(re.escape(spanish.url) + "$"))
    expect(current_edition(page)).to_have_text(["España"])


def test_editor_links_a_chilean_story_to_its_english_version(page, demo_newsroom):
    chilean = demo_newsroom["stories"]["cl-local"]
    english = ArticlePageFactory(
        parent=demo_newsroom["editions"]["us"], title="How to reach relatives in Valdemar"
    )
    sign_in_editing_usa_too(page, demo_newsroom)
    page.goto(f"/admin/pages/{chilean.pk}/edit/")
    page.get_by_role("navigation", name="Actions", exact=True).get_by_role(
        "button", name="Actions"
    ).click()
    page.get_by_role("link", name="Translations").click()
    expect(page.get_by_role("heading", name="Translations")).to_be_visible()
    page.get_by_role("button", name="Choose a page").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("textbox", name="Search term").fill("relatives")
    modal.get_by_role("link", name=english.title).click()
    expect(page.locator("#id_version-chooser")).to_contain_text(english.title)
    page.get_by_role("button", name="Link", exact=True).click()
    expect(page.get_by_role("table")).to_contain_text(english.title)
    expect(page.get_by_role("table")).to_contain_text("en-US")


def test_english_desk_sees_the_spanish_desks_untranslated_posts_and_key_events(page, demo_newsroom):
    spanish, english = demo_newsroom["stories"]["es-live"], demo_newsroom["stories"]["us-live"]
    sign_in_editing_usa_too(page, demo_newsroom)
    page.goto(f"/admin/live/{english.pk}/")
    twins = page.locator("#desk-twins")
    # The demo's fourth Spanish post, a key event, is not translated yet.
    trains = twins.locator(".desk-twin__post", has_text="trenes de cercanías")
    expect(trains).to_have_class(re.compile("desk-twin__post--key"))
    expect(trains.locator(".desk-twin__flag")).to_have_text("Key event")

    # A key event posted at the Spanish desk arrives flagged, without a reload.
    live_actions.check_publish_post(
        spanish,
        demo_newsroom["users"]["editor"][0],
        "Se rompe el dique de Costa Alta.",
        key_event=True,
    )
    dam = twins.locator(".desk-twin__post", has_text="Se rompe el dique")
    expect(dam.locator(".desk-twin__flag")).to_be_visible(timeout=5000)

    # The English desk translates it; it leaves the list.
    dam.get_by_role("button", name="Translate").click()
    expect(page.locator("#desk-translating")).to_contain_text("Se rompe el dique")
    page.fill("#desk-body", "The Costa Alta dam has given way.")
    page.press("#desk-body", "Control+Enter")
    expect(page.locator("#desk-posts")).to_contain_text("The Costa Alta dam has given way.")
    expect(dam).to_have_count(0, timeout=5000)
    translation = LivePost.objects.get(
        blog=english, body_source="The Costa Alta dam has given way."
    )
    assert translation.translation_of.blog_id == spanish.pk
