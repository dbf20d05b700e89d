"""Page factories that mirror the content tree: home → edition → topic/story."""

from __future__ import annotations

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Page, Site

from dateline.articles.models import ArticlePage, Author, StoryByline, TopicPage
from dateline.editions.models import EditionPage, HomePage
from dateline.live.models import LiveBlogPage
from dateline.photos.models import Photo


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Dateline"
    slug = "dateline-home"

    class Meta:
        model = HomePage


class EditionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Edition {n}")
    slug = factory.Sequence(lambda n: f"ed{n}")
    language = "es-ES"
    time_zone = "Europe/Madrid"

    class Meta:
        model = EditionPage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = "Storm Aurelia"
    slug = "storm-aurelia"

    class Meta:
        model = TopicPage


class PhotoFactory(wagtail_factories.ImageFactory):
    title = "Flooded street"
    caption = "A flooded street."
    photographer = "Marta Ibáñez"
    agency = "Sample Agency"
    file = factory.django.ImageField(width=1600, height=900, color="navy")

    class Meta:
        model = Photo


class AuthorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Reporter {n}")

    class Meta:
        model = Author


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Headline {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    standfirst = "What happened, in one sentence."
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyAttribute(lambda o: o.first_published_at)
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Body text.</p>"}])

    class Meta:
        model = ArticlePage


class LiveBlogPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Live: story {n}")
    slug = factory.Sequence(lambda n: f"live-{n}")
    standfirst = "Live updates."
    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = LiveBlogPage


def add_byline(story, author) -> None:
    StoryByline.objects.create(story=story, author=author)


def make_site_tree(editions: list[tuple[str, str, str, str]]) -> dict:
    """A home page as the default site's root, and the given editions under it."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    tree = {"home": home}
    for slug, name, language, zone in editions:
        tree[slug] = EditionPageFactory(
            parent=home, slug=slug, title=name, language=language, time_zone=zone
        )
    return tree
