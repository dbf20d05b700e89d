"""The front page reads a fixed number of queries, however many stories it shows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.editions.actions import do_curate_front_page

from ..factories import ArticlePageFactory, LiveBlogPageFactory, PhotoFactory, TopicPageFactory

# The page's chrome (site, edition switcher, settings, sister brands) and the
# front page's own reads, curation included. A query per story card would add dozens.
MOST_QUERIES = 30


@pytest.fixture
def add_stories(newsroom):
    topic = TopicPageFactory(parent=newsroom["cl"])
    photos = [PhotoFactory(), PhotoFactory()]

    def add(count: int) -> list:
        # Articles and live blogs, each with a topic label and a lead photo:
        # everything a story card reads.
        stories = []
        for i in range(count):
            photo = photos[i % 2]
            stories.append(ArticlePageFactory(parent=newsroom["cl"], topic=topic, lead_image=photo))
            stories.append(
                LiveBlogPageFactory(parent=newsroom["cl"], topic=topic, lead_image=photo)
            )
        return stories

    return add


@pytest.fixture
def curated(newsroom, editor, add_stories):
    """Chile's front page with a chosen lead, top stories and topic bar."""
    stories = add_stories(2)
    topics = [TopicPageFactory(parent=newsroom["cl"], slug=s) for s in ("economy", "sport")]
    do_curate_front_page(
        newsroom["cl"],
        editor,
        lead_story=stories[0],
        top_stories=[stories[2], stories[1]],
        featured_topics=topics,
    )


def queries_to_read(client, url: str) -> int:
    # The first readers make the photos' renditions and the newsroom's settings,
    # and build what every page shares until the next publication.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as read:
        assert client.get(url).status_code == 200
    return len(read.captured_queries)


def test_front_page_reads_no_more_queries_for_many_stories_than_for_few(
    client, curated, add_stories
):
    few = queries_to_read(client, "/cl/")
    add_stories(10)
    assert queries_to_read(client, "/cl/") == few


def test_curated_front_page_with_a_full_list_of_stories_stays_within_its_query_budget(
    client, curated, add_stories, django_assert_max_num_queries
):
    add_stories(13)  # more than the 25 stories a front page shows
    client.get("/cl/")
    with django_assert_max_num_queries(MOST_QUERIES):
        client.get("/cl/")


@pytest.mark.parametrize("url", ["/api/v1/editions/cl/front-page", "/api/v1/stories/?edition=cl"])
def test_api_story_lists_read_no_more_queries_for_many_stories_than_for_few(
    client, curated, add_stories, url
):
    few = queries_to_read(client, url)
    add_stories(10)
    assert queries_to_read(client, url) == few
