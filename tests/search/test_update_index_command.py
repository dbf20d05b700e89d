"""`dateline update_index` rewrites readers' search from the stories and posts."""

from __future__ import annotations

from django.core.management import call_command

from dateline.articles.models import SearchEntry
from dateline.live import actions as live_actions

from ..factories import ArticlePageFactory, LiveBlogPageFactory


def test_update_index_restores_stories_and_posts(client, newsroom):
    ArticlePageFactory(parent=newsroom["es"], title="Granizo en Valdemar")
    blog = LiveBlogPageFactory(parent=newsroom["es"])
    live_actions.do_publish_post(blog, None, "Más granizo en el puerto.")
    SearchEntry.objects.all().delete()
    call_command("update_index", verbosity=0)
    hits = client.get("/es/search/", {"q": "granizo"}).context["results"]
    assert sorted(hit.story.title for hit in hits) == sorted(["Granizo en Valdemar", blog.title])
