"""Header links to sister brands are snippets an admin can edit."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.urls import reverse

from dateline.editions.models import SisterBrand


def brands_in_header(client, url="/es/"):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return [(a.get_text(strip=True), a["href"]) for a in page.select(".sister-brands a")]


def test_sister_brands_appear_in_every_page_header_in_order(client, newsroom):
    SisterBrand.objects.create(name="Second", url="https://example.com/2", sort_order=2)
    SisterBrand.objects.create(name="First", url="https://example.com/1", sort_order=1)
    assert brands_in_header(client) == [
        ("First", "https://example.com/1"),
        ("Second", "https://example.com/2"),
    ]


def test_admin_adds_a_sister_brand_in_the_admin(client, newsroom, admin):
    client.force_login(admin)
    url = reverse("wagtailsnippets_editions_sisterbrand:add")
    response = client.post(
        url, {"name": "Dateline Sport", "url": "https://example.com/sport", "sort_order": 0}
    )
    assert response.status_code == 302
    assert ("Dateline Sport", "https://example.com/sport") in brands_in_header(client)


def test_a_sister_brand_needs_a_valid_url(client, newsroom, admin):
    client.force_login(admin)
    url = reverse("wagtailsnippets_editions_sisterbrand:add")
    response = client.post(url, {"name": "Broken", "url": "not a url", "sort_order": 0})
    assert response.status_code == 200
    assert "Enter a valid URL" in response.content.decode()
    assert not SisterBrand.objects.exists()
