"""Reading what feeds, sitemaps and pages say, as their consumers do."""

from __future__ import annotations

import html
from datetime import UTC, datetime

import feedparser
from bs4 import BeautifulSoup


def feed(client, url: str) -> feedparser.FeedParserDict:
    """An RSS or Atom feed as a feed reader parses it; it must be well formed."""
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def titles(parsed: feedparser.FeedParserDict) -> list[str]:
    return [entry.title for entry in parsed.entries]


def text(summary: str) -> str:
    """A feed's HTML summary as the text a reader sees."""
    return html.unescape(summary)


def moment(parsed_time) -> datetime:
    """A time feedparser read (UTC, to the second)."""
    return datetime(*parsed_time[:6], tzinfo=UTC)


def to_the_second(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(microsecond=0)


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def meta(soup: BeautifulSoup, key: str) -> str | None:
    """An Open Graph (property) or Twitter (name) meta tag's content."""
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None
