"""With the page cache on, readers share cached pages, and a publication makes them stale.

Pages go stale when the change commits (`lib/notify.py`); each test's changes
run their on-commit steps as a committed change would.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from dateline.articles.actions import check_add_update
from dateline.editions.actions import do_curate_front_page
from dateline.editions.models import NewsroomSettings, SisterBrand

from ..factories import ArticlePageFactory


@pytest.fixture
def page_cache(settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    settings.MIDDLEWARE = [
        "dateline.lib.page_cache.UpdatePageCache",
        *settings.MIDDLEWARE,
        "dateline.lib.page_cache.FetchFromPageCache",
    ]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "page-cache-test",
        }
    }
    from django.core.cache import cache

    cache.clear()
    NewsroomSettings.load()  # created on first use, which counts as an edit


def test_second_reader_gets_the_cached_page(client, newsroom, page_cache):
    client.get("/cl/")
    # A change that bypasses publication (and so the invalidation) stays unseen.
    Page.objects.filter(pk=newsroom["cl"].pk).update(title="Renamed quietly")
    response = client.get("/cl/")
    assert "Renamed quietly" not in response.content.decode()
    assert "max-age=60" in response["Cache-Control"]


def test_publishing_makes_cached_pages_stale(
    client, newsroom, page_cache, editor, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(parent=newsroom["cl"])
    article.save_revision(user=editor).publish()
    client.get(article.url)
    with django_capture_on_commit_callbacks(execute=True):
        check_add_update(article, editor, "Breaking: evacuation widened.")
    assert "Breaking: evacuation widened." in client.get(article.url).content.decode()


def lead_headline(client, url: str) -> str:
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.select_one(".front-page__lead .story-card__headline").get_text(strip=True)


def test_publishing_a_new_lead_makes_cached_front_pages_stale(
    client, newsroom, page_cache, editor, django_capture_on_commit_callbacks
):
    older = ArticlePageFactory(
        parent=newsroom["cl"], title="Older story", first_published_at=timezone.now() - timedelta(1)
    )
    ArticlePageFactory(parent=newsroom["cl"], title="Newer story")
    assert lead_headline(client, "/cl/") == "Newer story"
    with django_capture_on_commit_callbacks(execute=True):
        do_curate_front_page(newsroom["cl"], editor, lead_story=older)  # publishes the edition
    assert lead_headline(client, "/cl/") == "Older story"


def test_making_a_story_private_makes_cached_pages_stale(
    client, newsroom, page_cache, django_capture_on_commit_callbacks
):
    story = ArticlePageFactory(parent=newsroom["cl"], title="Soon for subscribers only")
    client.get("/cl/")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=story, restriction_type="login")
    assert "Soon for subscribers only" not in client.get("/cl/").content.decode()


def test_editing_the_page_chrome_makes_cached_pages_stale(
    client, newsroom, page_cache, django_capture_on_commit_callbacks
):
    client.get("/cl/")
    with django_capture_on_commit_callbacks(execute=True):
        SisterBrand.objects.create(name="Dateline Sport", url="https://example.com/sport")
    assert "Dateline Sport" in client.get("/cl/").content.decode()


def test_signed_in_readers_get_their_own_page_never_a_shared_one(
    client, newsroom, page_cache, reader
):
    client.get("/cl/")
    client.force_login(reader)
    response = client.get("/cl/")
    assert "reader" in response.content.decode()
    assert "private" in response["Cache-Control"]
    client.logout()
    assert "reader" not in client.get("/cl/").content.decode()
