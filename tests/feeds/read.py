"""Reading what feeds, sitemaps and pages say, as their consumers do."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import feedparser
from bs4 import BeautifulSoup

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


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


def xml(client, url: str) -> ET.Element:
    """A sitemap's root element; it must be well-formed XML served as XML."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def sitemap_urls(root: ET.Element) -> dict[str, ET.Element]:
    """The <url> elements of a sitemap, by location."""
    return {url.findtext(f"{SITEMAP}loc"): url for url in root.findall(f"{SITEMAP}url")}


def alternates(url: ET.Element) -> dict[str, str]:
    return {
        link.get("hreflang"): link.get("href")
        for link in url.findall(f"{XHTML}link")
        if link.get("rel") == "alternate"
    }


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def meta(soup: BeautifulSoup, key: str) -> str | None:
    """An Open Graph (property) or Twitter (name) meta tag's content."""
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None
