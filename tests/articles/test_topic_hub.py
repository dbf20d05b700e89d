"""A topic's hub page shows its latest stories and live coverage in that edition."""

from __future__ import annotations

from bs4 import BeautifulSoup

from dateline.live.actions import do_set_coverage

from ..factories import ArticlePageFactory, LiveBlogPageFactory, TopicPageFactory


def hub(client, topic) -> BeautifulSoup:
    response = client.get(topic.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_hub_lists_the_topic_stories_of_its_edition(client, newsroom):
    topic = TopicPageFactory(parent=newsroom["cl"])
    ArticlePageFactory(parent=newsroom["cl"], topic=topic, title="On the storm")
    ArticlePageFactory(parent=newsroom["cl"], title="Off topic")
    text = hub(client, topic).get_text()
    assert "On the storm" in text
    assert "Off topic" not in text


def test_hub_shows_stories_circulated_from_another_edition(client, newsroom):
    chile = TopicPageFactory(parent=newsroom["cl"], slug="storm-aurelia")
    spain = TopicPageFactory(parent=newsroom["es"], slug="storm-aurelia")
    story = ArticlePageFactory(parent=newsroom["es"], topic=spain, title="From Madrid")
    ArticlePageFactory(parent=newsroom["es"], topic=spain, title="Spain only")
    story.circulated_to.add(newsroom["cl"])
    story.save()
    page = hub(client, chile)
    link = page.find("a", string="From Madrid")
    # One canonical URL, in its home edition; the link keeps the reader in Chile.
    assert link["href"] == f"{story.url}?edition=cl"
    assert "Spain only" not in page.get_text()


def test_hub_puts_open_live_coverage_first(client, newsroom):
    topic = TopicPageFactory(parent=newsroom["cl"])
    LiveBlogPageFactory(parent=newsroom["cl"], topic=topic, title="Live: the storm")
    page = hub(client, topic)
    assert "Live: the storm" in page.select_one(".hub-live").get_text()


def test_hub_leaves_out_ended_coverage_from_the_live_section(client, newsroom):
    topic = TopicPageFactory(parent=newsroom["cl"])
    blog = LiveBlogPageFactory(parent=newsroom["cl"], topic=topic, title="Ended")
    do_set_coverage(blog, live=False)
    page = hub(client, topic)
    assert page.select_one(".hub-live") is None
    assert "Ended" in page.get_text()


def test_hub_leaves_out_unpublished_stories(client, newsroom):
    topic = TopicPageFactory(parent=newsroom["cl"])
    draft = ArticlePageFactory(parent=newsroom["cl"], topic=topic, title="Not yet")
    draft.unpublish()
    assert "Not yet" not in hub(client, topic).get_text()
