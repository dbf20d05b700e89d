"""Feeds, sitemaps and robots.txt: how aggregators and search engines find stories.

Everything listed here comes from `StoryPage.objects.visible_to_readers()`, so
what a reader may not see is absent by construction.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape

from dateline.editions.models import EditionPage, NewsroomSettings
from dateline.lib.absolute import absolute_url
from dateline.lib.dates import iso

from . import sitemaps
from .items import JSON_FEED, FeedItem, FeedSource, load_feed
from .syndication import StoryAtom, StoryRss

# Feeds ---------------------------------------------------------------------


class RssFeed(Feed):
    """An edition's, or a topic hub's, newest stories as RSS 2.0."""

    feed_type = StoryRss
    item_guid_is_permalink = False

    def get_object(self, request, edition: str, topic: str | None = None) -> FeedSource:
        return load_feed(request, edition, topic)

    def get_feed(self, obj: FeedSource, request):
        with translation.override(obj.language):
            feed = super().get_feed(obj, request)
        # Django writes the active language, lower-cased; the edition's tag is exact.
        feed.feed["language"] = obj.language
        return feed

    def title(self, obj: FeedSource) -> str:
        return obj.title

    def link(self, obj: FeedSource) -> str:
        return obj.link

    def feed_url(self, obj: FeedSource) -> str:
        return obj.self_url

    def description(self, obj: FeedSource) -> str:
        return obj.description

    def author_name(self, obj: FeedSource) -> str:
        return obj.publisher

    def items(self, obj: FeedSource) -> list[FeedItem]:
        return obj.items

    def item_title(self, item: FeedItem) -> str:
        return item.title

    def item_link(self, item: FeedItem) -> str:
        return item.url

    def item_description(self, item: FeedItem) -> str:
        # RSS descriptions and Atom's summaries are HTML; the standfirst is text.
        return escape(item.summary)

    def item_guid(self, item: FeedItem) -> str:
        return item.id

    def item_pubdate(self, item: FeedItem):
        return item.published

    def item_updateddate(self, item: FeedItem):
        return item.updated

    def item_categories(self, item: FeedItem) -> list[str]:
        return [item.category] if item.category else []

    def item_enclosures(self, item: FeedItem) -> list[Enclosure]:
        if item.image is None:
            return []
        return [Enclosure(item.image.url, str(item.image.length), item.image.mime_type)]

    def item_extra_kwargs(self, item: FeedItem) -> dict:
        return {"authors": item.authors, "image": item.image}


class AtomFeed(RssFeed):
    """The same feed as Atom 1.0."""

    feed_type = StoryAtom

    def subtitle(self, obj: FeedSource) -> str:
        return obj.description


rss_feed = RssFeed()
atom_feed = AtomFeed()


def json_feed(request, edition: str, topic: str | None = None) -> JsonResponse:
    """The same feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    source = load_feed(request, edition, topic)
    data = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": source.title,
        "home_page_url": source.link,
        "feed_url": source.self_url,
        "description": source.description,
        "language": source.language,
        "authors": [{"name": source.publisher}],
        "items": [_json_item(item) for item in source.items],
    }
    return JsonResponse(
        data, content_type=JSON_FEED.content_type, json_dumps_params={"ensure_ascii": False}
    )


def _json_item(item: FeedItem) -> dict:
    data = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "summary": item.summary,
        "content_text": item.summary,
        "date_published": iso(item.published),
        "date_modified": iso(item.updated),
    }
    if item.authors:
        data["authors"] = [{"name": name} for name in item.authors]
    if item.category:
        data["tags"] = [item.category]
    if item.image:
        data["image"] = item.image.url
    return data


# Search engines ------------------------------------------------------------


def robots_txt(request) -> HttpResponse:
    """Lets crawlers read readers' pages and points them at the sitemaps."""
    context = {
        "sitemap_index": absolute_url(request, reverse("feeds:sitemap_index")),
        "news_sitemap": absolute_url(request, reverse("feeds:news_sitemap")),
    }
    return HttpResponse(
        render_to_string("feeds/robots.txt", context), content_type="text/plain; charset=utf-8"
    )


def sitemap_index(request) -> HttpResponse:
    """Every edition's sitemap, each in as many pages as it needs."""
    return _xml("feeds/sitemap_index.xml", {"sitemaps": sitemaps.index(request)})


def edition_sitemap(request, edition: str) -> HttpResponse:
    """One page (?p=N) of an edition's sitemap."""
    edition = get_object_or_404(EditionPage.objects.visible_to_readers(), slug=edition)
    sitemap = sitemaps.EditionSitemap(request, edition)
    try:
        number = int(request.GET.get("p", "1"))
    except ValueError:
        raise Http404("No such sitemap page.") from None
    if not 1 <= number <= sitemap.page_count:
        raise Http404("No such sitemap page.")
    return _xml("feeds/sitemap.xml", {"entries": sitemap.entries(number)})


def news_sitemap(request) -> HttpResponse:
    """Google News: the stories of the last two days, in every edition."""
    publisher = NewsroomSettings.load(request_or_site=request).publisher_name
    return _xml(
        "feeds/news_sitemap.xml",
        {"publisher": publisher, "entries": sitemaps.news_entries(request)},
    )


def _xml(template: str, context: dict) -> HttpResponse:
    response = HttpResponse(
        render_to_string(template, context), content_type="application/xml; charset=utf-8"
    )
    # A sitemap is for crawlers, not a result of its own.
    response.headers["X-Robots-Tag"] = "noindex"
    return response
