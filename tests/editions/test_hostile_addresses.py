"""A NUL in an address is never a server error: in a path it is a 404 (no page
could have it), and in a query the page still answers."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "address",
    ["/es/%00/", "/es/tormenta%00/", "/%00/", "/es/feed/rss/%00", "/sitemap-%00.xml"],
)
def test_a_nul_in_a_reader_path_is_not_found(client, newsroom, address):
    assert client.get(address).status_code == 404


@pytest.mark.parametrize("address", ["/es/search/?q=%00", "/es/?page=%00"])
def test_a_nul_in_a_reader_query_still_gets_the_page(client, newsroom, address):
    assert client.get(address).status_code == 200
