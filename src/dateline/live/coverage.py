"""Live coverage as other pages point to it: the open live blogs of a topic,
and the one an article links as "Follow our live coverage"."""

from __future__ import annotations

from dateline.articles.listing import story_cards
from dateline.articles.models import ArticlePage, StoryQuerySet, TopicPage

from .models import LiveBlogPage, LiveBlogQuerySet

# How many of its latest stories a topic hub lists besides its live coverage.
HUB_STORIES = 50


def open_coverage(stories: StoryQuerySet) -> LiveBlogQuerySet:
    """The open live blogs among the stories, newest first."""
    return LiveBlogPage.objects.filter(pk__in=stories.values("pk")).open().newest_first()


def coverage_of(article: ArticlePage) -> LiveBlogPage | None:
    """The open live blog on the article's topic in its edition, if any."""
    if article.topic_id is None:
        return None
    blogs = LiveBlogPage.objects.visible_to_readers().in_edition(article.edition)
    return blogs.about(article.topic.slug).open().newest_first().first()


def topic_hub(topic: TopicPage) -> dict:
    """What a topic hub lists: its open live coverage first, then its latest stories."""
    stories = topic.stories()
    live = story_cards(open_coverage(stories))
    rest = stories.exclude(pk__in=[blog.pk for blog in live]).newest_first()
    return {"live_coverage": live, "stories": story_cards(rest[:HUB_STORIES])}
