"""poll_provider: feeds and folders, and the errors a provider shows in the admin."""

from __future__ import annotations

import pytest

from dateline.wire.ingest import poll_provider
from dateline.wire.models import Provider, WireItem

from .conftest import sample

pytestmark = pytest.mark.django_db


def feed(url: str) -> Provider:
    return Provider.objects.create(name="Regional", slug="regional", kind="feed", url=url)


def test_a_feed_is_polled_into_the_wire(feed_server):
    provider = feed(f"{feed_server}/feed.rss")
    poll_provider(provider)
    assert WireItem.objects.filter(provider=provider).count() == 2


def test_a_feed_answering_garbage_shows_an_error_on_the_provider(feed_server):
    provider = feed(f"{feed_server}/garbage")
    poll_provider(provider)
    assert "neither JSON nor XML" in Provider.objects.get(pk=provider.pk).last_error


def test_a_feed_that_times_out_shows_an_error_on_the_provider(feed_server, settings):
    settings.WIRE_FETCH_TIMEOUT = 1
    provider = feed(f"{feed_server}/slow")
    poll_provider(provider)
    assert "did not answer within 1 seconds" in Provider.objects.get(pk=provider.pk).last_error


def test_a_missing_feed_shows_its_status(feed_server):
    provider = feed(f"{feed_server}/gone")
    poll_provider(provider)
    assert "answered 404" in Provider.objects.get(pk=provider.pk).last_error


def test_a_good_poll_clears_the_last_error(feed_server):
    provider = feed(f"{feed_server}/feed.rss")
    provider.last_error = "earlier trouble"
    provider.save()
    poll_provider(provider)
    assert Provider.objects.get(pk=provider.pk).last_error == ""


def test_a_watched_folder_is_taken_and_its_files_moved(tmp_path):
    (tmp_path / "nitf.xml").write_bytes(sample("nitf.xml"))
    (tmp_path / "broken.json").write_text("{")
    provider = Provider.objects.create(name="Drop", slug="drop", kind="folder", path=str(tmp_path))
    poll_provider(provider)
    assert (
        WireItem.objects.count(),
        (tmp_path / "processed" / "nitf.xml").exists(),
        (tmp_path / "failed" / "broken.json").exists(),
    ) == (1, True, True)


def test_a_picture_outside_the_folder_is_never_read(tmp_path):
    item = sample("ninjs-1.json").replace(b'"ferry.jpg"', b'"../../etc/passwd"')
    (tmp_path / "item.json").write_bytes(item)
    provider = Provider.objects.create(name="Drop", slug="drop", kind="folder", path=str(tmp_path))
    poll_provider(provider)
    assert WireItem.objects.get().photos.count() == 0
