"""The front page reads a fixed number of queries, however many stories it shows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..factories import ArticlePageFactory, LiveBlogPageFactory, PhotoFactory, TopicPageFactory

# The page's chrome (site, edition switcher, settings, sister brands) and the
# front page's own reads. One query per story card would add dozens.
MOST_QUERIES = 25


@pytest.fixture
def add_stories(newsroom):
    topic = TopicPageFactory(parent=newsroom["cl"])
    photos = [PhotoFactory(), PhotoFactory()]

    def add(count: int) -> None:
        # Articles and live blogs, each with a topic label and a lead photo:
        # everything a story card reads.
        for i in range(count):
            photo = photos[i % 2]
            ArticlePageFactory(parent=newsroom["cl"], topic=topic, lead_image=photo)
            LiveBlogPageFactory(parent=newsroom["cl"], topic=topic, lead_image=photo)

    return add


def queries_to_read(client, url: str) -> int:
    client.get(url)  # the first reader makes the photos' renditions
    with CaptureQueriesContext(connection) as read:
        assert client.get(url).status_code == 200
    return len(read.captured_queries)


def test_front_page_reads_no_more_queries_for_many_stories_than_for_few(client, add_stories):
    add_stories(2)
    few = queries_to_read(client, "/cl/")
    add_stories(10)
    assert queries_to_read(client, "/cl/") == few


def test_front_page_with_a_full_list_of_stories_stays_within_its_query_budget(
    client, add_stories, django_assert_max_num_queries
):
    add_stories(13)  # more than the 25 stories a front page shows
    client.get("/cl/")
    with django_assert_max_num_queries(MOST_QUERIES):
        client.get("/cl/")
