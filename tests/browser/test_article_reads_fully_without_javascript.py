"""An article is complete without JavaScript: nothing a reader needs is drawn by scripts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_article_reads_fully_without_javascript(page_without_javascript, demo_newsroom):
    page = page_without_javascript
    story = demo_newsroom["stories"]["es-main"]

    response = page.goto(story.url)
    assert response is not None
    assert response.status == 200

    expect(page.locator("h1")).to_have_text(story.title)
    expect(page.locator(".article__standfirst")).to_have_text(story.standfirst)
    update_box = page.locator("aside.update-box")
    expect(update_box).to_be_visible()
    expect(update_box.locator("li")).to_have_count(2)
    figure = page.locator("figure.lead-figure")
    expect(figure).to_be_visible()
    expect(figure.locator("img")).to_be_visible()
    expect(figure.locator("figcaption .credit")).to_have_text(
        "Marta Ibáñez / Dateline Photo (sample)"
    )
