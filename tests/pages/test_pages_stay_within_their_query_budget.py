"""A reader's page costs a few queries, whatever it shows and however much of it.

Each page is read once first: the first reader after a publication builds what
every page shares (the site, the editions, view restrictions, settings, sister
brands, topic hubs), which is then remembered until the next publication
(`lib.generation`), and makes the photos' renditions. The second reader's page
is what every other reader pays.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.articles.models import ArticleCorrection, ArticleUpdate
from dateline.comments.actions import do_add_comment
from dateline.editions.actions import do_curate_front_page
from dateline.live.actions import do_pin_post, do_publish_post

from ..conftest import fetch_persona
from ..factories import (
    ArticlePageFactory,
    AuthorFactory,
    LiveBlogPageFactory,
    PhotoFactory,
    TopicPageFactory,
    add_byline,
)

# Every page type, for an anonymous reader, with a realistic amount of content.
MOST_QUERIES = 8


@pytest.fixture
def coverage(newsroom):
    """Chile's coverage of a storm: a topic hub, an open live blog with posts (one
    pinned, some key events), articles with every part of their anatomy, a
    curated front page and comments."""
    cl = newsroom["cl"]
    reporter, reader = fetch_persona("reporter"), fetch_persona("reader")
    topic = TopicPageFactory(parent=cl, title="Storm", slug="storm")
    photos = [PhotoFactory(), PhotoFactory()]
    authors = [AuthorFactory(), AuthorFactory()]
    blog = LiveBlogPageFactory(parent=cl, topic=topic, lead_image=photos[0])
    posts = [
        do_publish_post(blog, reporter, f"Update {n}: the river rises.", key_event=n % 10 == 0)
        for n in range(45)
    ]
    do_pin_post(posts[3], True)
    now = timezone.now()
    stories = [
        ArticlePageFactory(
            parent=cl,
            topic=topic,
            lead_image=photos[n % 2],
            first_published_at=now - timedelta(minutes=n),
        )
        for n in range(30)
    ]
    article = ArticlePageFactory(
        parent=cl,
        topic=topic,
        lead_image=photos[0],
        dateline_place="Valdemar",
        body=[
            {"type": "paragraph", "value": "<p>The river rose overnight.</p>"},
            {"type": "subhead", "value": "Evacuations"},
            {"type": "see_also", "value": {"story": stories[0].pk, "label": ""}},
            {"type": "image", "value": {"image": photos[1].pk, "caption": "The bridge."}},
            {"type": "quote", "value": {"text": "We left at dawn.", "speaker": "A resident"}},
            {"type": "paragraph", "value": "<p>Schools are closed.</p>"},
        ],
    )
    article.circulated_to.set([newsroom["es"], newsroom["mx"]])
    for author in authors:
        add_byline(article, author)
        add_byline(blog, author)
    for text in ("Evacuation widened.", "Bridge closed."):
        ArticleUpdate.objects.create(article=article, text=f"<p>{text}</p>")
    ArticleCorrection.objects.create(article=article, text="<p>The river is the Aurel.</p>")
    for story in (article, blog):
        for n in range(3):
            do_add_comment(story, reader, f"Comment {n}")
    do_curate_front_page(
        cl,
        fetch_persona("editor"),
        lead_story=stories[5],
        top_stories=[blog, stories[9]],
        featured_topics=[topic],
    )
    return {"front": cl.url, "article": article.url, "live blog": blog.url}


def queries_to_read(client, url: str) -> list[str]:
    # Making the newsroom's settings on first use counts as an edit.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as read:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in read.captured_queries]


@pytest.mark.parametrize("page", ["front", "article", "live blog"])
def test_page_reads_at_most_eight_queries(client, coverage, page):
    queries = queries_to_read(client, coverage[page])
    assert len(queries) <= MOST_QUERIES, "\n".join(queries)


def test_live_blog_reads_no_more_queries_for_many_posts_than_for_few(client, newsroom):
    blog = LiveBlogPageFactory(parent=newsroom["cl"])
    reporter = fetch_persona("reporter")
    do_publish_post(blog, reporter, "First.")
    few = len(queries_to_read(client, blog.url))
    for n in range(30):
        do_publish_post(blog, reporter, f"Post {n}.", key_event=n % 5 == 0)
    assert len(queries_to_read(client, blog.url)) == few
