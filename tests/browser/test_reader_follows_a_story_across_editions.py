"""A reader lands on the home page, moves between editions and reads the storm story.

Home (/) → USA edition, picked from the home page's list → Chile edition,
through the edition switcher → the main storm story, which España circulates to
Chile → the story's topic hub.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADLINE = "La tormenta Aurelia deja sin electricidad a 200.000 hogares en la costa de Valdemar"
NEWEST_UPDATE = "La compañía eléctrica ha restablecido el suministro a 40.000 hogares."
OLDER_UPDATE = "Protección Civil amplía la evacuación al barrio de San Telmo."
CREDIT = "Marta Ibáñez / Dateline Photo (sample)"


def test_reader_picks_an_edition_switches_to_chile_and_reads_the_storm_story(page, demo_newsroom):
    story = demo_newsroom["stories"]["es-main"]
    html = page.locator("html")
    switcher = page.locator("nav.edition-switcher")

    # The home page introduces the editions and lets the reader pick one.
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dateline")
    editions = page.locator("ul.edition-list")
    expect(editions.locator("a.edition-list__name")).to_have_count(7)
    usa = editions.get_by_role("link", name="USA", exact=True)
    expect(usa).to_have_attribute("hreflang", "en-US")
    usa.click()

    expect(page).to_have_url(re.compile(r"/us/$"))
    expect(html).to_have_attribute("lang", "en-US")
    expect(switcher.locator("a[aria-current]")).to_have_count(1)
    expect(switcher.get_by_role("link", name="USA", exact=True)).to_have_attribute(
        "aria-current", "true"
    )

    # The switcher takes the reader to the Chilean edition, in Chilean Spanish.
    chile = switcher.get_by_role("link", name="Chile", exact=True)
    expect(chile).to_have_attribute("hreflang", "es-CL")
    chile.click()

    expect(page).to_have_url(re.compile(r"/cl/$"))
    expect(html).to_have_attribute("lang", "es-CL")
    expect(page.locator(".masthead__edition")).to_have_text("Chile")
    expect(chile).to_have_attribute("aria-current", "true")
    expect(switcher.get_by_role("link", name="USA", exact=True)).not_to_have_attribute(
        "aria-current", re.compile(".*")
    )
    expect(switcher.locator("a[aria-current]")).to_have_count(1)

    # España's main story is circulated to Chile, so it is on the Chilean front page.
    front_page = page.locator(".front-page")
    front_page.get_by_role("link", name=HEADLINE, exact=True).click()

    # A circulated story keeps its one URL, in its home edition; the reader stays in Chile.
    expect(page).to_have_url(re.compile(re.escape(story.url) + r"\?edition=cl$"))
    expect(html).to_have_attribute("lang", "es-ES")
    expect(page.locator(".masthead__edition")).to_have_text("Chile")
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(page.locator("h1")).to_have_count(1)

    # The Update box shows the story's updates, newest first.
    update_box = page.locator("aside.update-box")
    expect(update_box).to_be_visible()
    expect(update_box).to_have_accessible_name(re.compile(r"\S"))
    items = update_box.locator("li")
    expect(items).to_have_count(2)
    expect(items).to_contain_text([NEWEST_UPDATE, OLDER_UPDATE])
    stamps = [
        datetime.fromisoformat(value)
        for value in items.locator("time").evaluate_all(
            "times => times.map(time => time.getAttribute('datetime'))"
        )
    ]
    assert len(stamps) == 2
    assert stamps == sorted(stamps, reverse=True), f"updates are not newest first: {stamps}"
    assert stamps[0] > stamps[1]

    # The lead photo carries its credit: photographer / agency.
    figure = page.locator("figure.lead-figure")
    expect(figure).to_be_visible()
    expect(figure.locator("img")).to_be_visible()
    expect(figure.locator("figcaption .credit")).to_have_text(CREDIT)

    # The topic label above the headline leads to the topic's hub in the same edition.
    topic_label = page.locator(".article__header .topic-label a")
    expect(topic_label).to_have_text("Tormenta Aurelia")
    topic_label.click()

    expect(page).to_have_url(re.compile(re.escape(story.topic.url) + "$"))
    expect(page).to_have_url(re.compile(r"/es/storm-aurelia/$"))
    expect(html).to_have_attribute("lang", "es-ES")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tormenta Aurelia")
    expect(page.locator("main").get_by_role("link", name=HEADLINE, exact=True)).to_be_visible()
