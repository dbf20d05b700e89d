"""Addresses no page could have are a 404 (or a 400), never a server error."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "address",
    [
        "/es/%00/",
        "/es/tormenta%00/",
        "/%00/",
        "/es/search/?q=%00",
        "/es/?page=%00",
        "/es/feed/rss/%00",
        "/sitemap-%00.xml",
    ],
)
def test_a_nul_in_a_reader_address_is_never_a_server_error(client, newsroom, address):
    assert client.get(address).status_code in (200, 400, 404)
