"""Live coverage as other pages point to it: the open live blogs of a topic,
and the one an article links as "Follow our live coverage"."""

from __future__ import annotations

from dateline.articles.listing import story_cards
from dateline.articles.models import ArticlePage, StoryQuerySet, TopicPage
from dateline.lib.generation import remember

from .models import LiveBlogPage, LiveBlogQuerySet

# How many of its latest stories a topic hub lists besides its live coverage.
HUB_STORIES = 50


def open_coverage(stories: StoryQuerySet) -> LiveBlogQuerySet:
    """The open live blogs among the stories, newest first."""
    return LiveBlogPage.objects.filter(pk__in=stories.values("pk")).open().newest_first()


def open_blogs() -> list[LiveBlogPage]:
    """Every open live blog readers may see, newest first, with the editions it
    is circulated to: a few at any time, and opening or closing one, or any
    change to one, starts a new publication generation."""

    def build():
        blogs = LiveBlogPage.objects.visible_to_readers().open().newest_first()
        return list(blogs.select_related("topic").prefetch_related("circulated_to"))

    return remember("open-live-blogs", build)


def coverage_of(article: ArticlePage) -> LiveBlogPage | None:
    """The open live blog on the article's topic in its edition, if any."""
    if article.topic_id is None or article.edition is None:
        return None
    edition = article.edition
    slug = article.topic.slug
    for blog in open_blogs():
        in_edition = blog.path.startswith(edition.path) or any(
            circulated.pk == edition.pk for circulated in blog.circulated_to.all()
        )
        if in_edition and blog.topic is not None and blog.topic.slug == slug:
            return blog
    return None


def topic_hub(topic: TopicPage) -> dict:
    """What a topic hub lists: its open live coverage first, then its latest stories."""
    stories = topic.stories()
    live = story_cards(open_coverage(stories))
    rest = stories.exclude(pk__in=[blog.pk for blog in live]).newest_first()
    return {"live_coverage": live, "stories": story_cards(rest[:HUB_STORIES])}
