"""robots.txt lets crawlers read readers' pages and names the sitemaps."""

from __future__ import annotations


def robots(client) -> list[str]:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return response.content.decode().splitlines()


def test_readers_pages_are_allowed_and_the_newsrooms_are_not(client, db):
    lines = robots(client)
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    for path in ["/admin/", "/accounts/", "/comments/", "/_util/"]:
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines


def test_names_the_sitemap_index_and_the_news_sitemap(client, db):
    lines = robots(client)
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemaps/news.xml" in lines


def test_sitemaps_are_named_on_the_public_origin_when_configured(client, db, settings):
    settings.BASE_URL = "https://news.example.com"
    assert "Sitemap: https://news.example.com/sitemap.xml" in robots(client)
