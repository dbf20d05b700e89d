"""A search (the page or the API) costs the same number of queries for one hit as for many."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.articles import actions
from dateline.live import actions as live_actions

from ..factories import ArticlePageFactory, LiveBlogPageFactory


def make_hits(newsroom, n):
    blog = LiveBlogPageFactory(parent=newsroom["es"], title="Granizo, en directo")
    for i in range(n):
        article = ArticlePageFactory(parent=newsroom["es"], title=f"Granizo {i}")
        actions.do_add_update(article, None, "Más granizo.")
        live_actions.do_publish_post(blog, None, f"Granizo en el barrio {i}.")


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def warm_queries(client, path):
    """The queries of a request once what every page remembers is loaded."""
    queries(client, path)
    queries(client, path)
    return queries(client, path)


@pytest.mark.parametrize("path", ["/es/search/?q=granizo", "/api/v1/search/?q=granizo"])
def test_a_search_does_not_query_per_hit(client, newsroom, path):
    # The first request after a publication reloads what every page remembers
    # until the next one (lib/generation), so each count follows a first read.
    make_hits(newsroom, 1)
    one = warm_queries(client, path)
    make_hits(newsroom, 5)
    assert warm_queries(client, path) == one
